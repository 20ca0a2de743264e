//! Training the ends model ([`crate::attribution::ends`]): every report
//! found on articles the tagger did not learn from, whose content shares
//! words with a gold content, is one ranking example; the places its
//! content could end at that share the most words with the gold content
//! are the right ones, and an averaged perceptron learns to rank one of
//! them first.

use std::collections::{HashMap, HashSet};

use crate::annotation::Quote;
use crate::attribution::ends::{self, LABEL};
use crate::attribution::layers::Layers;
use crate::tag::model::Model;
use crate::train::Rng;
use crate::train::brat::GoldDoc;
use crate::train::review::word_tokens;

/// One content found and where it could end.
#[derive(Debug, Clone)]
pub struct Example {
    /// The features of each candidate end; the last is the end as found.
    pub candidates: Vec<Vec<u64>>,
    /// Each candidate's Jaccard index of words with the gold content.
    pub jaccard: Vec<f32>,
    /// Whether the source is right (the gold has none, or it shares a word).
    pub source_right: bool,
}

impl Example {
    /// The best Jaccard index any candidate reaches.
    fn best(&self) -> f32 {
        self.jaccard.iter().copied().fold(0.0, f32::max)
    }

    /// Whether ending at candidate `i` makes the attribution right by the
    /// scorer's measure (one to one matching aside).
    #[must_use]
    pub fn right_at(&self, i: usize) -> bool {
        self.source_right && self.jaccard.get(i).is_some_and(|&j| j >= 0.5)
    }
}

/// The words' Jaccard index of two token sets.
fn jaccard(a: &HashSet<usize>, b: &HashSet<usize>) -> f32 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    // Token counts are far below f32's exact range.
    #[allow(clippy::cast_precision_loss)]
    if union == 0 { 0.0 } else { shared as f32 / union as f32 }
}

/// The ranking examples of `quotes`, found in the article of `gold`.
#[must_use]
pub fn examples(l: &Layers<'_>, gold: &GoldDoc, quotes: &[Quote]) -> Vec<Example> {
    let golds: Vec<(HashSet<usize>, HashSet<usize>)> =
        gold.attributions.iter().map(|a| (word_tokens(l, &a.content), word_tokens(l, &a.source))).collect();
    let mut out = Vec::new();
    for q in quotes {
        let Some(c) = ends::content(l, q) else { continue };
        let found = word_tokens(l, &[q.content]);
        let Some((content, source)) = golds
            .iter()
            .filter(|(g, _)| !g.is_disjoint(&found))
            .max_by(|a, b| jaccard(&a.0, &found).total_cmp(&jaccard(&b.0, &found)))
        else {
            continue;
        };
        let source_right =
            source.is_empty() || q.source.is_some_and(|s| !word_tokens(l, &[s]).is_disjoint(source));
        let mut candidates = Vec::with_capacity(c.ends.len());
        let mut scores = Vec::with_capacity(c.ends.len());
        for &k in &c.ends {
            let mut features = Vec::new();
            ends::features(l, &c, k, &mut features);
            candidates.push(features);
            let kept: HashSet<usize> = found.iter().copied().filter(|&i| i < k).collect();
            scores.push(jaccard(&kept, content));
        }
        out.push(Example { candidates, jaccard: scores, source_right });
    }
    out
}

/// The candidate `weights` rank first (the last, on ties, as the engine
/// chooses) when the end as found is favoured by `bias`.
#[must_use]
pub fn choose(weights: &HashMap<u64, f32>, e: &Example, bias: f32) -> usize {
    let mut best = (f32::NEG_INFINITY, 0);
    let last = e.candidates.len().saturating_sub(1);
    for (i, f) in e.candidates.iter().enumerate() {
        let mut s: f32 = f.iter().map(|x| weights.get(x).copied().unwrap_or(0.0)).sum();
        if i == last {
            s += bias;
        }
        if s >= best.0 {
            best = (s, i);
        }
    }
    best.1
}

/// Averaged-perceptron ranking weights: where the first-ranked candidate
/// shares fewer words with the gold content than the best one does, the
/// best-scored of the best ones is promoted and the chosen one demoted.
#[must_use]
pub fn learn(examples: &[&Example], epochs: usize, seed: u64) -> HashMap<u64, f32> {
    let mut w: HashMap<u64, f64> = HashMap::new();
    let mut totals: HashMap<u64, f64> = HashMap::new();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(seed);
    let mut step = 1f64;
    let score =
        |w: &HashMap<u64, f64>, f: &[u64]| f.iter().map(|x| w.get(x).copied().unwrap_or(0.0)).sum::<f64>();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let e = examples[i];
            let best = e.best();
            let mut chosen = (f64::NEG_INFINITY, 0);
            let mut target = (f64::NEG_INFINITY, None);
            for (j, f) in e.candidates.iter().enumerate() {
                let s = score(&w, f);
                if s >= chosen.0 {
                    chosen = (s, j);
                }
                if e.jaccard[j] >= best && s >= target.0 {
                    target = (s, Some(j));
                }
            }
            if let Some(t) = target.1
                && e.jaccard[chosen.1] < best
            {
                for (f, sign) in e.candidates[t]
                    .iter()
                    .map(|f| (f, 1.0))
                    .chain(e.candidates[chosen.1].iter().map(|f| (f, -1.0)))
                {
                    *w.entry(*f).or_insert(0.0) += sign;
                    *totals.entry(*f).or_insert(0.0) += sign * step;
                }
            }
            step += 1.0;
        }
    }
    w.iter()
        .map(|(&f, &x)| {
            let averaged = x - totals.get(&f).copied().unwrap_or(0.0) / step;
            // Perceptron weights are small counts: the narrowing keeps them.
            #[allow(clippy::cast_possible_truncation)]
            (f, averaged as f32)
        })
        .filter(|(_, x)| x.abs() >= 1e-4)
        .collect()
}

/// The ends model of `weights`, the end as found favoured by `bias`.
#[must_use]
pub fn model(weights: &HashMap<u64, f32>, bias: f32, info: String) -> Model {
    let mut weights = weights.clone();
    *weights.entry(ends::WHOLE).or_insert(0.0) += bias;
    let rows = weights.iter().map(|(&f, &x)| (f, vec![(0u8, x)])).collect();
    Model::from_rows(vec![LABEL.to_owned()], info, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three candidate ends; the one before a comma (feature 7) is best
    /// in the examples marked so, the end as found (feature 9) otherwise.
    fn example(comma_best: bool) -> Example {
        let candidates = vec![vec![1, 5], vec![1, 7], vec![ends::WHOLE, 9]];
        let jaccard = if comma_best { vec![0.2, 1.0, 0.4] } else { vec![0.2, 0.6, 1.0] };
        Example { candidates, jaccard, source_right: true }
    }

    #[test]
    fn the_ranking_learns_which_end_shares_the_most_words() {
        let examples: Vec<Example> = (0..40).map(|i| example(i % 4 != 0)).collect();
        let refs: Vec<&Example> = examples.iter().collect();
        let w = learn(&refs, 5, 7);
        assert_eq!(choose(&w, &example(true), 0.0), 1);
        assert!(example(true).right_at(1) && !example(true).right_at(2));
        // Favouring the end as found enough keeps it.
        assert_eq!(choose(&w, &example(true), 100.0), 2);
        let m = model(&w, 100.0, String::new());
        assert_eq!(m.labels, [LABEL]);
    }
}
