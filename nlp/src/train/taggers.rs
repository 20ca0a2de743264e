//! Training and evaluating the part-of-speech tagger and the entity recogniser.

use std::collections::{HashMap, HashSet};

use crate::entities::gazetteer::GazFlags;
use crate::entities::ner::{self, Context, EntityTagger, N_LABELS, Part};
use crate::tag::features::{WordInfo, word_infos};
use crate::tag::model::Model;
use crate::tag::pos::{Pos, TAGSET};
use crate::tag::pos_tagger::{self, PosTagger};
use crate::text::Span;
use crate::train::Rng;
use crate::train::perceptron::Perceptron;
use crate::train::silver::SilverDoc;

/// Settings shared by the tagger trainers.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the training data.
    pub epochs: usize,
    /// Features seen fewer times than this get no weight.
    pub min_count: u32,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// Seed of the shuffling order.
    pub seed: u64,
    /// Cost added to every wrong label while training structured models.
    pub margin: f32,
    /// Whether the part-of-speech tagger reads the words' classes.
    pub classes: bool,
}

/// Count features and keep those seen at least `min_count` times, in first-seen order.
fn allow_frequent(p: &mut Perceptron, counts: &HashMap<u64, u32>, order: &[u64], min_count: u32) {
    for f in order {
        if counts.get(f).copied().unwrap_or(0) >= min_count {
            p.allow(*f);
        }
    }
}

struct Counter {
    counts: HashMap<u64, u32>,
    order: Vec<u64>,
}

impl Counter {
    fn new() -> Self {
        Self { counts: HashMap::new(), order: Vec::new() }
    }

    fn add(&mut self, features: &[u64]) {
        for &f in features {
            let c = self.counts.entry(f).or_insert(0);
            if *c == 0 {
                self.order.push(f);
            }
            *c += 1;
        }
    }
}

/// Train the part-of-speech tagger.
#[must_use]
pub fn train_pos(docs: &[SilverDoc], settings: Settings) -> Model {
    let infos: Vec<Vec<WordInfo>> = docs.iter().map(|d| word_infos(&d.text, &d.tokens)).collect();
    let mut counter = Counter::new();
    let mut feats = Vec::new();
    for (d, words) in docs.iter().zip(&infos) {
        for s in &d.sentences {
            let (mut prev, mut prev2) = (0xFF, 0xFE);
            for i in s.clone() {
                feats.clear();
                pos_tagger::features(&words[s.clone()], i - s.start, prev, prev2, &mut feats);
                if settings.classes {
                    pos_tagger::class_features(&words[s.clone()], i - s.start, prev, &mut feats);
                }
                counter.add(&feats);
                prev2 = prev;
                prev = u64::from(d.pos[i].0);
            }
        }
    }
    let dict = tag_dictionary(docs, &infos);
    let mut p = Perceptron::new(TAGSET.len());
    allow_frequent(&mut p, &counter.counts, &counter.order, settings.min_count);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Rng::new(settings.seed);
    let mut scores = vec![0f32; TAGSET.len()];
    for _ in 0..settings.epochs {
        rng.shuffle(&mut order);
        for &di in &order {
            let d = &docs[di];
            for s in &d.sentences {
                let words = &infos[di][s.clone()];
                let (mut prev, mut prev2) = (0xFF, 0xFE);
                for i in 0..words.len() {
                    let guess = if let Some(&tag) = dict.get(&pos_tagger::tagdict_key(&words[i])) {
                        tag
                    } else {
                        feats.clear();
                        pos_tagger::features(words, i, prev, prev2, &mut feats);
                        if settings.classes {
                            pos_tagger::class_features(words, i, prev, &mut feats);
                        }
                        p.score(&feats, &mut scores);
                        let guess = pos_tagger::argmax(&scores);
                        let truth = usize::from(d.pos[s.start + i].0);
                        if guess != truth {
                            p.update(&feats, truth, 1.0);
                            p.update(&feats, guess, -1.0);
                        }
                        p.tick();
                        guess
                    };
                    prev2 = prev;
                    prev = guess as u64;
                }
            }
        }
    }
    let info = format!(
        "part-of-speech tagger; epochs {}, min count {}, {} training documents, {} dictionary words{}",
        settings.epochs,
        settings.min_count,
        docs.len(),
        dict.len(),
        if settings.classes { ", word classes" } else { "" }
    );
    let mut rows = p.averaged_rows(settings.min_weight);
    rows.extend(dict.iter().map(|(&k, &tag)| (k, vec![(u8::try_from(tag).unwrap_or(0), 1.0)])));
    Model::from_rows(TAGSET.iter().map(|&t| t.to_owned()).collect(), info, rows)
}

/// Words seen at least 20 times that take one tag at least 97% of the time.
fn tag_dictionary(docs: &[SilverDoc], infos: &[Vec<WordInfo>]) -> HashMap<u64, usize> {
    let mut counts: HashMap<u64, HashMap<usize, u32>> = HashMap::new();
    for (d, words) in docs.iter().zip(infos) {
        for (w, tag) in words.iter().zip(&d.pos) {
            *counts.entry(pos_tagger::tagdict_key(w)).or_default().entry(usize::from(tag.0)).or_default() +=
                1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, tags)| {
            let total: u32 = tags.values().sum();
            let (&tag, &n) = tags.iter().max_by_key(|&(t, n)| (*n, std::cmp::Reverse(*t)))?;
            (total >= 20 && f64::from(n) >= 0.97 * f64::from(total)).then_some((k, tag))
        })
        .collect()
}

/// Tag every sentence of a silver document with `tagger`.
#[must_use]
pub fn tag_doc(tagger: &PosTagger, doc: &SilverDoc, words: &[WordInfo]) -> Vec<Pos> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    let mut scratch = Vec::new();
    for s in &doc.sentences {
        tagger.tag(&words[s.clone()], &mut out, &mut scratch);
    }
    out.resize(doc.tokens.len(), Pos::default());
    out
}

/// Share of tokens tagged as in the silver data.
#[must_use]
pub fn pos_accuracy(tagger: &PosTagger, docs: &[SilverDoc]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    for d in docs {
        let words = word_infos(&d.text, &d.tokens);
        let tags = tag_doc(tagger, d, &words);
        ok += tags.iter().zip(&d.pos).filter(|(a, b)| a == b).count();
        n += d.pos.len();
    }
    ratio(ok, n)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let r = a as f64 / b as f64;
        r
    }
}

/// BILOU labels of a document's tokens from its entity runs.
fn bilou(doc: &SilverDoc) -> Vec<usize> {
    let mut out = vec![ner::OUTSIDE; doc.tokens.len()];
    for (run, ty) in doc.entity_runs() {
        let n = run.len();
        for (k, o) in out[run].iter_mut().enumerate() {
            *o = ner::label(ty, Part::at(k == 0, k + 1 == n));
        }
    }
    out
}

/// A document prepared for entity training: word descriptions, predicted
/// tags and gazetteer flags.
pub struct NerDoc<'a> {
    /// The silver document.
    pub doc: &'a SilverDoc,
    /// Word descriptions.
    pub words: Vec<WordInfo>,
    /// Predicted part-of-speech tags.
    pub pos: Vec<Pos>,
    /// Gazetteer flags.
    pub gazetteer: Vec<GazFlags>,
    /// How the document writes its words.
    pub doc_words: ner::DocWords,
}

/// Train the entity recogniser (structured perceptron, Viterbi decoding).
///
/// `members` models are trained with different visiting orders and their
/// averaged weights are averaged again (a bagging-like ensemble that costs
/// nothing at run time).
#[must_use]
pub fn train_ner(docs: &[NerDoc<'_>], settings: Settings, members: usize) -> Model {
    let members = members.max(1);
    let outside = outside_dictionary(docs);
    let mut merged: HashMap<u64, Vec<f32>> = HashMap::new();
    let mut order: Vec<u64> = Vec::new();
    for m in 0..members {
        let seed = settings.seed.wrapping_add(m as u64 * 0x9E37);
        for (key, entries) in train_ner_member(docs, Settings { seed, ..settings }, &outside) {
            let row = merged.entry(key).or_insert_with(|| {
                order.push(key);
                vec![0.0; N_LABELS]
            });
            for (c, w) in entries {
                row[usize::from(c)] += w;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let scale = 1.0 / members as f32;
    let mut rows: Vec<(u64, Vec<(u8, f32)>)> = order
        .iter()
        .filter_map(|k| {
            let row = merged.get(k)?;
            let entries: Vec<(u8, f32)> = row
                .iter()
                .enumerate()
                .filter(|(_, w)| (*w * scale).abs() >= settings.min_weight)
                .map(|(c, w)| (u8::try_from(c).unwrap_or(0), w * scale))
                .collect();
            Some((*k, entries))
        })
        .collect();
    rows.extend(outside.iter().map(|&k| (k, vec![(0, 1.0)])));
    let info = format!(
        "entity recogniser; epochs {}, min count {}, {} members, {} training documents",
        settings.epochs,
        settings.min_count,
        members,
        docs.len()
    );
    Model::from_rows(ner::label_names(), info, rows)
}

/// Words seen at least ten times in training and never inside an entity.
fn outside_dictionary(docs: &[NerDoc<'_>]) -> HashSet<u64> {
    let mut seen: HashMap<u64, (u32, bool)> = HashMap::new();
    for d in docs {
        for (w, e) in d.words.iter().zip(&d.doc.entity) {
            let entry = seen.entry(ner::outside_key(w)).or_insert((0, false));
            entry.0 += 1;
            entry.1 |= e.is_some();
        }
    }
    seen.into_iter().filter(|&(_, (n, in_entity))| n >= 10 && !in_entity).map(|(k, _)| k).collect()
}

/// One member of the entity ensemble, as averaged sparse rows.
fn train_ner_member(
    docs: &[NerDoc<'_>],
    settings: Settings,
    outside: &HashSet<u64>,
) -> Vec<(u64, Vec<(u8, f32)>)> {
    let mut counter = Counter::new();
    let mut feats = Vec::new();
    for d in docs {
        for s in &d.doc.sentences {
            let cx = context(d, s.clone());
            for i in 0..cx.words.len() {
                feats.clear();
                ner::features(&cx, i, &mut feats);
                counter.add(&feats);
            }
        }
    }
    for prev in std::iter::once(None).chain((0..N_LABELS).map(Some)) {
        counter.add(&[ner::transition_feature(prev)]);
        counter.add(&[ner::transition_feature(prev)]);
    }
    let mut p = Perceptron::new(N_LABELS);
    allow_frequent(&mut p, &counter.counts, &counter.order, settings.min_count);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Rng::new(settings.seed);
    let mut emissions = Vec::new();
    let mut transitions = vec![0f32; (N_LABELS + 1) * N_LABELS];
    let mut sentence_feats: Vec<Vec<u64>> = Vec::new();
    let mut guess = Vec::new();
    let labels: Vec<Vec<usize>> = docs.iter().map(|d| bilou(d.doc)).collect();
    for _ in 0..settings.epochs {
        rng.shuffle(&mut order);
        for &di in &order {
            let d = &docs[di];
            for s in &d.doc.sentences {
                let cx = context(d, s.clone());
                let n = cx.words.len();
                if n == 0 {
                    continue;
                }
                let gold = &labels[di][s.clone()];
                for pv in 0..=N_LABELS {
                    let prev = (pv < N_LABELS).then_some(pv);
                    p.score(
                        &[ner::transition_feature(prev)],
                        &mut transitions[pv * N_LABELS..(pv + 1) * N_LABELS],
                    );
                }
                emissions.clear();
                emissions.resize(n * N_LABELS, 0.0);
                sentence_feats.resize_with(n, Vec::new);
                for i in 0..n {
                    let f = &mut sentence_feats[i];
                    f.clear();
                    ner::features(&cx, i, f);
                    let row = &mut emissions[i * N_LABELS..(i + 1) * N_LABELS];
                    if outside.contains(&ner::outside_key(&cx.words[i])) {
                        f.clear();
                        ner::only_outside(row);
                        continue;
                    }
                    p.score(f, row);
                    // Cost-augmented decoding: every wrong label gets a head
                    // start, so updates also happen on narrow wins.
                    for (l, e) in row.iter_mut().enumerate() {
                        if l != gold[i] {
                            *e += settings.margin;
                        }
                    }
                }
                ner::viterbi(&emissions, &transitions, &mut guess);
                if guess != *gold {
                    for i in 0..n {
                        let (gp, pp) =
                            if i == 0 { (None, None) } else { (Some(gold[i - 1]), Some(guess[i - 1])) };
                        if gold[i] != guess[i] || gp != pp {
                            p.update(&[ner::transition_feature(gp)], gold[i], 1.0);
                            p.update(&[ner::transition_feature(pp)], guess[i], -1.0);
                        }
                        if gold[i] != guess[i] {
                            p.update(&sentence_feats[i], gold[i], 1.0);
                            p.update(&sentence_feats[i], guess[i], -1.0);
                        }
                    }
                }
                p.tick();
            }
        }
    }
    p.averaged_rows(0.0)
}

fn context<'a>(d: &'a NerDoc<'_>, s: std::ops::Range<usize>) -> Context<'a> {
    Context {
        words: &d.words[s.clone()],
        pos: &d.pos[s.clone()],
        gazetteer: d.gazetteer.get(s).unwrap_or(&[]),
        doc: &d.doc_words,
    }
}

/// Precision, recall and F1 of exact entity spans and types.
#[derive(Debug, Clone, Copy, Default)]
pub struct F1 {
    /// Correct predictions.
    pub tp: usize,
    /// Predictions.
    pub predicted: usize,
    /// Reference items.
    pub gold: usize,
}

impl F1 {
    /// Precision.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }

    /// Recall.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    /// Harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    }
}

/// Entity agreement with the silver entities, on silver tokens and sentences.
#[must_use]
pub fn ner_f1(tagger: &EntityTagger, docs: &[NerDoc<'_>]) -> F1 {
    let mut score = F1::default();
    let mut scratch = ner::Scratch::default();
    let mut labels = Vec::new();
    for d in docs {
        let gold: HashSet<(Span, usize)> = d.doc.entities().into_iter().collect();
        let mut predicted = HashSet::new();
        for s in &d.doc.sentences {
            let cx = context(d, s.clone());
            tagger.tag(&cx, &mut labels, &mut scratch);
            for (a, b, label) in ner::runs(&labels) {
                let ty = ner::TYPES.iter().position(|&t| t == label).unwrap_or(0);
                let span =
                    Span::new(d.doc.tokens[s.start + a].span.start, d.doc.tokens[s.start + b - 1].span.end);
                predicted.insert((span, ty));
            }
        }
        score.gold += gold.len();
        score.predicted += predicted.len();
        score.tp += predicted.intersection(&gold).count();
    }
    score
}

/// Entity agreement with the silver entities through the whole pipeline
/// (our own tokens and sentences), measured as the scorer does: exact span
/// and label, silver entities being maximal runs of same-class tokens.
#[must_use]
pub fn pipeline_ner_f1(annotator: &crate::Annotator, docs: &[SilverDoc]) -> F1 {
    let mut score = F1::default();
    for d in docs {
        let gold: HashSet<(Span, usize)> = d.entities().into_iter().collect();
        let ann = annotator.annotate(&d.text);
        let predicted: HashSet<(Span, usize)> = ann
            .entities
            .iter()
            .filter_map(|e| ner::TYPES.iter().position(|&t| t == e.label).map(|ty| (e.span, ty)))
            .collect();
        score.gold += gold.len();
        score.predicted += predicted.len();
        score.tp += predicted.intersection(&gold).count();
    }
    score
}
