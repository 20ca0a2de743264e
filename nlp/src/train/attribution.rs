//! Training the attribution tagger on gold brat attributions, over the
//! engine's own tokens, tags and entities (the same as at run time).

use std::collections::HashMap;

use crate::annotation::{Annotation, Quote};
use crate::attribution::Word;
use crate::attribution::cues::Lexicon;
use crate::attribution::layers::Layers;
use crate::attribution::review::Review;
use crate::attribution::tagger::{
    self, AttributionTagger, N_LABELS, OUTSIDE, Role, begins, ends, label_at, role,
};
use crate::attribution::{self as attr, features};
use crate::pipeline::Annotator;
use crate::syntax::LazyParser;
use crate::tag::model::Model;
use crate::tag::viterbi;
use crate::train::Rng;
use crate::train::brat::GoldDoc;
use crate::train::perceptron::Perceptron;
use crate::train::taggers::Settings;

/// A gold article with the engine's annotation layers.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The article and its gold attributions.
    pub gold: GoldDoc,
    /// Tokens, sentences, paragraphs, tags and entities.
    pub ann: Annotation,
    /// Token keys.
    pub words: Vec<Word>,
}

/// Annotate the layers of every gold article.
#[must_use]
pub fn prepare(annotator: &Annotator, docs: Vec<GoldDoc>) -> Vec<Prepared> {
    docs.into_iter()
        .map(|gold| {
            let (ann, words) = annotator.layers(&gold.text);
            Prepared { gold, ann, words }
        })
        .collect()
}

/// The gold label of every token: content first, then source, then cue
/// written over it; B where a fragment starts.
#[must_use]
pub fn gold_labels(doc: &Prepared) -> Vec<usize> {
    let tokens = &doc.ann.tokens;
    let mut tag: Vec<Option<(Role, usize)>> = vec![None; tokens.len()];
    let mut key = 0;
    for r in [Role::Content, Role::Source, Role::Cue] {
        for a in &doc.gold.attributions {
            let frags = match r {
                Role::Content => &a.content,
                Role::Source => &a.source,
                Role::Cue => &a.cue,
            };
            for f in frags {
                key += 1;
                let first = tokens.partition_point(|t| t.span.end <= f.start);
                for (i, t) in tokens.iter().enumerate().skip(first) {
                    if t.span.start >= f.end {
                        break;
                    }
                    tag[i] = Some((r, key));
                }
            }
        }
    }
    let mut out = vec![OUTSIDE; tokens.len()];
    for i in 0..tokens.len() {
        if let Some((r, k)) = tag[i] {
            let first = i == 0 || tag[i - 1] != Some((r, k));
            let last = tag.get(i + 1).copied().flatten() != Some((r, k));
            out[i] = label_at(r, first, last);
        }
    }
    out
}

/// Labels of one paragraph cut from a document's: spans close at its edges.
fn paragraph_labels(labels: &[usize]) -> Vec<usize> {
    let mut out = labels.to_vec();
    let n = out.len();
    for k in [0, n.saturating_sub(1)] {
        if let Some((r, part)) = out.get(k).and_then(|&l| role(l)) {
            let first = k == 0 || begins(part);
            let last = k + 1 == n || ends(part);
            out[k] = label_at(r, first, last);
        }
    }
    out
}

/// One training sequence (a paragraph): features per token and gold labels.
struct Sequence {
    features: Vec<u64>,
    offsets: Vec<usize>,
    gold: Vec<usize>,
}

fn sequences(docs: &[Prepared], lexicon: &Lexicon) -> Vec<Sequence> {
    let mut out = Vec::new();
    for d in docs {
        let layers = Layers::new(&d.gold.text, &d.ann, &d.words, lexicon);
        let gold = gold_labels(d);
        for para in &layers.paragraphs {
            if para.is_empty() {
                continue;
            }
            let mut s = Sequence {
                features: Vec::new(),
                offsets: vec![0],
                gold: paragraph_labels(&gold[para.clone()]),
            };
            for i in para.clone() {
                features::features(&layers, para.clone(), i, &mut s.features);
                s.offsets.push(s.features.len());
            }
            out.push(s);
        }
    }
    out
}

/// Train the attribution tagger: `bags` perceptrons over different
/// shufflings, their averaged weights averaged again (which steadies the
/// model more than more epochs do).
#[must_use]
pub fn train(docs: &[Prepared], lexicon: &Lexicon, settings: Settings, bags: usize) -> Model {
    let seqs = sequences(docs, lexicon);
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut order_seen = Vec::new();
    for s in &seqs {
        for &f in &s.features {
            let c = counts.entry(f).or_insert(0);
            if *c == 0 {
                order_seen.push(f);
            }
            *c += 1;
        }
    }
    let allowed: Vec<u64> = order_seen
        .into_iter()
        .filter(|f| counts.get(f).copied().unwrap_or(0) >= settings.min_count)
        .chain(std::iter::once(None).chain((0..N_LABELS).map(Some)).map(tagger::transition_feature))
        .collect();
    let bags = bags.max(1);
    let mut sum: HashMap<u64, [f32; N_LABELS]> = HashMap::new();
    for b in 0..bags {
        let p = train_once(&seqs, &allowed, settings.epochs, settings.seed.wrapping_add(b as u64));
        for (key, entries) in p.averaged_rows(0.0) {
            let row = sum.entry(key).or_insert([0.0; N_LABELS]);
            for (c, w) in entries {
                if let Some(x) = row.get_mut(usize::from(c)) {
                    *x += w;
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let scale = 1.0 / bags as f32;
    let rows = sum
        .into_iter()
        .map(|(key, row)| {
            let entries = row
                .iter()
                .enumerate()
                .map(|(c, &w)| (u8::try_from(c).unwrap_or(u8::MAX), w * scale))
                .filter(|&(_, w)| w.abs() >= settings.min_weight)
                .collect();
            (key, entries)
        })
        .collect();
    let info = format!(
        "attribution tagger; {bags} bags of {} epochs, min count {}, {} training documents",
        settings.epochs,
        settings.min_count,
        docs.len()
    );
    Model::from_rows(tagger::label_names(), info, rows)
}

/// One structured perceptron over the sequences in a seeded order.
fn train_once(seqs: &[Sequence], allowed: &[u64], epochs: usize, seed: u64) -> Perceptron {
    let mut p = Perceptron::new(N_LABELS);
    for &f in allowed {
        p.allow(f);
    }
    let lattice = tagger::lattice();
    let mut scratch = viterbi::Scratch::default();
    let mut order: Vec<usize> = (0..seqs.len()).collect();
    let mut rng = Rng::new(seed);
    let mut emissions = Vec::new();
    let mut guess = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &seqs[si];
            let n = s.gold.len();
            let transitions = tagger::transition_table(|f, out| p.score(&[f], out));
            emissions.clear();
            emissions.resize(n * N_LABELS, 0.0);
            for k in 0..n {
                let f = &s.features[s.offsets[k]..s.offsets[k + 1]];
                p.score(f, &mut emissions[k * N_LABELS..(k + 1) * N_LABELS]);
            }
            lattice.decode(&emissions, &transitions, &mut guess, &mut scratch);
            if guess != s.gold {
                for k in 0..n {
                    let (gp, pp) =
                        if k == 0 { (None, None) } else { (Some(s.gold[k - 1]), Some(guess[k - 1])) };
                    if s.gold[k] != guess[k] || gp != pp {
                        p.update(&[tagger::transition_feature(gp)], s.gold[k], 1.0);
                        p.update(&[tagger::transition_feature(pp)], guess[k], -1.0);
                    }
                    if s.gold[k] != guess[k] {
                        let f = &s.features[s.offsets[k]..s.offsets[k + 1]];
                        p.update(f, s.gold[k], 1.0);
                        p.update(f, guess[k], -1.0);
                    }
                }
            }
            p.tick();
        }
    }
    p
}

/// Token-level agreement of a tagger with gold labels.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenScores {
    /// Tokens whose label (with B/I) is right.
    pub correct: usize,
    /// All tokens.
    pub total: usize,
    /// Per role: tokens of that role in both, predicted, gold.
    pub roles: [(usize, usize, usize); 3],
}

impl TokenScores {
    /// Share of tokens labelled right.
    #[must_use]
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.total)
    }

    /// Token F1 of one role (0 source, 1 cue, 2 content).
    #[must_use]
    pub fn f1(&self, r: usize) -> f64 {
        let (tp, p, g) = self.roles[r];
        let (pr, rc) = (ratio(tp, p), ratio(tp, g));
        if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Compare a tagger's labels with gold labels, token by token.
#[must_use]
pub fn token_scores(t: &AttributionTagger, docs: &[Prepared], lexicon: &Lexicon) -> TokenScores {
    let mut sc = TokenScores::default();
    let mut scratch = tagger::Scratch::default();
    let mut labels = Vec::new();
    for d in docs {
        let layers = Layers::new(&d.gold.text, &d.ann, &d.words, lexicon);
        let gold = gold_labels(d);
        for para in &layers.paragraphs {
            t.tag(&layers, para.clone(), &mut labels, &mut scratch);
            let gold = paragraph_labels(&gold[para.clone()]);
            for (&l, &g) in labels.iter().zip(&gold) {
                sc.total += 1;
                sc.correct += usize::from(g == l);
                let (rg, rl) = (role(g).map(|x| x.0 as usize), role(l).map(|x| x.0 as usize));
                for r in 0..3 {
                    let (a, b) = (rg == Some(r), rl == Some(r));
                    sc.roles[r].0 += usize::from(a && b);
                    sc.roles[r].1 += usize::from(b);
                    sc.roles[r].2 += usize::from(a);
                }
            }
        }
    }
    sc
}

/// The attributions found in every prepared article with `t` and kept by
/// `review` (and the parser where a rule needs a sentence's tree).
#[must_use]
pub fn predict(
    t: &AttributionTagger,
    review: &Review,
    docs: &[Prepared],
    lexicon: &Lexicon,
    parser: &LazyParser,
) -> Vec<Vec<Quote>> {
    docs.iter().map(|d| attr::find(t, review, lexicon, &d.gold.text, &d.words, &d.ann, parser)).collect()
}
