//! Training the attribution reviewer ([`crate::attribution::review`]):
//! the attributions found on articles the tagger did not learn from, each
//! judged against the gold ones, teach a logistic model how likely one is
//! to be right; the level it keeps at is the one that gave the best F1 on
//! folds it did not learn from.

use std::collections::{HashMap, HashSet};

use crate::annotation::{Quote, QuoteKind, tokens_overlapping};
use crate::attribution::cues::Lexicon;
use crate::attribution::layers::Layers;
use crate::attribution::review::{self, LABEL};
use crate::attribution::tagger::AttributionTagger;
use crate::attribution::{self as attr};
use crate::syntax::LazyParser;
use crate::tag::features::IS_PUNCT;
use crate::tag::model::Model;
use crate::text::Span;
use crate::train::Rng;
use crate::train::attribution::Prepared;
use crate::train::brat::GoldDoc;
use crate::train::ends;

/// One attribution found, as the reviewer sees it, and whether it was right.
#[derive(Debug, Clone)]
pub struct Example {
    /// The review features.
    pub features: Vec<u64>,
    /// Matched to a gold attribution with the same source (the scorer's
    /// `end_to_end`: content tokens' Jaccard at least one half, sources
    /// sharing a token, or none in the gold).
    pub right: bool,
    /// A direct quotation (never left out).
    pub direct: bool,
}

/// The attributions `tagger` finds in `docs`, judged against their gold
/// ones; also the ranking examples of where their contents end, and the
/// number of gold attributions.
#[must_use]
pub fn examples(
    tagger: &AttributionTagger,
    docs: &[Prepared],
    lexicon: &Lexicon,
    parser: &LazyParser,
) -> (Vec<Example>, Vec<ends::Example>, usize) {
    let mut out = Vec::new();
    let mut ends_out = Vec::new();
    let mut gold = 0;
    for d in docs {
        let layers = Layers::new(&d.gold.text, &d.ann, &d.words, lexicon).with_parser(parser);
        let (quotes, certainty) = attr::find_all(tagger, &layers);
        let right = judge(&layers, &d.gold, &quotes);
        ends_out.extend(ends::examples(&layers, &d.gold, &quotes));
        gold += d.gold.attributions.len();
        for ((q, sure), right) in quotes.iter().zip(certainty).zip(right) {
            let mut features = Vec::new();
            review::features(&layers, q, sure, &mut features);
            out.push(Example { features, right, direct: q.kind == QuoteKind::Direct });
        }
    }
    (out, ends_out, gold)
}

/// The word tokens (not punctuation) overlapping any of `spans`.
pub fn word_tokens(l: &Layers<'_>, spans: &[Span]) -> HashSet<usize> {
    let mut out = HashSet::new();
    for &s in spans {
        out.extend(
            tokens_overlapping(l.tokens, s)
                .filter(|&i| l.words.get(i).is_some_and(|w| w.flags & IS_PUNCT == 0)),
        );
    }
    out
}

/// Whether each of `quotes` is right: matched one to one, best first, to
/// a gold attribution whose content's words it shares at a Jaccard of at
/// least one half, and with a source sharing a word with the gold one's
/// (or no gold source).
#[must_use]
pub fn judge(l: &Layers<'_>, gold: &GoldDoc, quotes: &[Quote]) -> Vec<bool> {
    let golds: Vec<(HashSet<usize>, HashSet<usize>)> =
        gold.attributions.iter().map(|a| (word_tokens(l, &a.content), word_tokens(l, &a.source))).collect();
    let preds: Vec<(HashSet<usize>, HashSet<usize>)> = quotes
        .iter()
        .map(|q| (word_tokens(l, q.pieces()), q.source.map(|s| word_tokens(l, &[s])).unwrap_or_default()))
        .collect();
    let mut pairs = Vec::new();
    for (gi, (g, _)) in golds.iter().enumerate() {
        for (pi, (p, _)) in preds.iter().enumerate() {
            let shared = g.intersection(p).count();
            let union = g.len() + p.len() - shared;
            // Jaccard ≥ 1/2, in integers.
            if shared > 0 && 2 * shared >= union {
                pairs.push((shared * 1_000_000 / union, gi, pi));
            }
        }
    }
    pairs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut right = vec![false; quotes.len()];
    let (mut used_g, mut used_p) = (HashSet::new(), HashSet::new());
    for (_, gi, pi) in pairs {
        if used_g.contains(&gi) || used_p.contains(&pi) {
            continue;
        }
        used_g.insert(gi);
        used_p.insert(pi);
        let (gold_source, source) = (&golds[gi].1, &preds[pi].1);
        right[pi] = gold_source.is_empty() || !gold_source.is_disjoint(source);
    }
    right
}

/// Logistic weights learned by stochastic gradient descent (L2-regularised).
#[derive(Debug, Clone, Default)]
pub struct Weights(HashMap<u64, f64>);

impl Weights {
    /// The log-odds that an attribution with these features is right.
    #[must_use]
    pub fn score(&self, features: &[u64]) -> f64 {
        features.iter().map(|f| self.0.get(f).copied().unwrap_or(0.0)).sum()
    }

    /// The probability that an attribution with these features is right.
    #[must_use]
    pub fn probability(&self, features: &[u64]) -> f64 {
        1.0 / (1.0 + (-self.score(features).clamp(-30.0, 30.0)).exp())
    }
}

/// Learn weights from the examples that are not direct quotations.
#[must_use]
pub fn learn(examples: &[&Example], epochs: usize, seed: u64) -> Weights {
    const RATE: f64 = 0.1;
    const L2: f64 = 1e-4;
    let mut w = Weights::default();
    let mut order: Vec<usize> = (0..examples.len()).filter(|&i| !examples[i].direct).collect();
    let mut rng = Rng::new(seed);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let e = examples[i];
            let gradient = w.probability(&e.features) - f64::from(u8::from(e.right));
            for f in &e.features {
                let x = w.0.entry(*f).or_insert(0.0);
                *x -= RATE * (gradient + L2 * *x);
            }
        }
    }
    w
}

/// The end-to-end F1 of keeping the examples whose probability (direct
/// quotations: always kept) is at least `level`, against `gold` attributions.
#[must_use]
pub fn f1_kept(scored: &[(f64, &Example)], gold: usize, level: f64) -> (f64, usize, usize) {
    let kept: Vec<&Example> =
        scored.iter().filter(|(p, e)| e.direct || *p >= level).map(|(_, e)| *e).collect();
    let right = kept.iter().filter(|e| e.right).count();
    let denominator = kept.len() + gold;
    #[allow(clippy::cast_precision_loss)]
    let f1 = if denominator == 0 { 0.0 } else { 2.0 * right as f64 / denominator as f64 };
    (f1, right, kept.len())
}

/// The reviewer's model: `weights` with the log-odds of `level` taken off
/// the bias, so that a score of at least 0 keeps an attribution.
#[must_use]
pub fn model(weights: &Weights, level: f64, info: String) -> Model {
    let bias = crate::tag::features::feat(1, 0);
    let shift = (level / (1.0 - level)).ln();
    let mut rows: Vec<(u64, Vec<(u8, f32)>)> = weights
        .0
        .iter()
        .map(|(&k, &x)| {
            let x = if k == bias { x - shift } else { x };
            // Weights are small numbers: the narrowing keeps them.
            #[allow(clippy::cast_possible_truncation)]
            (k, vec![(0u8, x as f32)])
        })
        .filter(|(_, r)| r[0].1.abs() >= 1e-4)
        .collect();
    if !rows.iter().any(|r| r.0 == bias) {
        #[allow(clippy::cast_possible_truncation)]
        rows.push((bias, vec![(0, -shift as f32)]));
    }
    Model::from_rows(vec![LABEL.to_owned()], info, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(feature: u64, right: bool) -> Example {
        Example { features: vec![crate::tag::features::feat(1, 0), feature], right, direct: false }
    }

    #[test]
    fn the_weights_learn_which_features_go_with_right_attributions() {
        let examples: Vec<Example> =
            (0..200).map(|i| example(if i % 2 == 0 { 7 } else { 9 }, i % 2 == 0 || i % 10 == 1)).collect();
        let refs: Vec<&Example> = examples.iter().collect();
        let w = learn(&refs, 5, 1);
        let good = w.probability(&examples[0].features);
        let bad = w.probability(&examples[1].features);
        assert!(good > 0.8 && bad < 0.4, "{good} {bad}");
        // Keeping at one half keeps the first kind and drops the second.
        let m = crate::attribution::review::Review::new(model(&w, 0.5, String::new())).expect("model");
        let mut s = [0f32];
        m.model().expect("model").score(&examples[0].features, &mut s);
        assert!(s[0] > 0.0);
        m.model().expect("model").score(&examples[1].features, &mut s);
        assert!(s[0] < 0.0);
    }

    #[test]
    fn f1_counts_direct_quotations_as_always_kept() {
        let (a, b) = (example(7, true), Example { direct: true, ..example(9, false) });
        let scored = vec![(0.9, &a), (0.1, &b)];
        assert_eq!(f1_kept(&scored, 2, 0.5).1, 1);
        assert_eq!(f1_kept(&scored, 2, 0.5).2, 2);
        assert_eq!(f1_kept(&scored, 2, 0.95).2, 1);
    }
}
