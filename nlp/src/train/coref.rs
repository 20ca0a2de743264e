//! Coreference from GUM's gold: every mention of every entity, pronouns and
//! descriptions included (`Entity=(12-person-…` opens a mention of entity
//! 12 in the MISC column, `12)` closes it).
//!
//! Each document's text is its words joined by spaces, one sentence a line;
//! the engine annotates it as it would any article. Third-person pronouns
//! and definite descriptions are the probes: speaker resolution resolves
//! them, and an answer is right when the antecedent it gives (the latest
//! earlier mention of the cluster the probe joined) is a mention of the
//! probe's gold entity.

use std::collections::HashMap;
use std::path::Path;

use crate::annotation::Annotation;
use crate::coref::{self, Candidate, Choose, ModelChoice, RulesChoice, RulesThenModel};
use crate::pipeline::Annotator;
use crate::tag::model::Model;
use crate::text::Span;
use crate::train::Rng;
use crate::train::gum;
use crate::train::perceptron::Perceptron;
use crate::train::silver::{CorpusError, SilverDoc, WordsDoc};

/// What a probe is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbeKind {
    /// he, him, his, himself, she, …, they, them, their, themselves.
    Pronoun,
    /// A definite description headed by a common noun ("the professor").
    Description,
}

/// A mention to resolve, with its gold entity.
#[derive(Debug, Clone, Copy)]
pub struct Probe {
    /// Where it is.
    pub span: Span,
    /// Pronoun or description.
    pub kind: ProbeKind,
    /// Its gold entity, `None` for a pronoun that is no mention ("it rains").
    pub entity: Option<u32>,
    /// True when an earlier mention of the same entity exists.
    pub has_antecedent: bool,
}

/// A GUM document with its gold mentions and probes.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The words of the document, as text.
    pub doc: SilverDoc,
    /// Every gold mention: span and entity.
    pub mentions: Vec<(Span, u32)>,
    /// The probes, in text order.
    pub probes: Vec<Probe>,
}

/// Third-person personal, possessive and reflexive pronouns.
const PRONOUNS: [&str; 16] = [
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// Read a GUM CoNLL-U file into documents with their gold coreference.
///
/// # Errors
/// When the file cannot be read.
pub fn read(path: &Path) -> Result<Vec<GoldDoc>, CorpusError> {
    let data = crate::train::silver::read_text(path)?;
    Ok(parse(&data))
}

/// One word of a sentence: form, Penn tag, head (1-based, 0 for the root).
struct Word<'a> {
    form: &'a str,
    xpos: &'a str,
    head: usize,
}

/// A gold mention in word indices of its document.
struct GoldMention {
    entity: u32,
    start: usize,
    end: usize,
    /// The mention's head word, when it lies inside the mention.
    head: Option<usize>,
}

#[derive(Default)]
struct Builder {
    name: String,
    words: WordsDoc,
    /// Penn tag of each word of the document.
    tags: Vec<String>,
    forms: Vec<String>,
    mentions: Vec<GoldMention>,
    /// Entity ids of this document, numbered as met.
    ids: HashMap<String, u32>,
}

impl Builder {
    fn sentence(&mut self, words: &[Word<'_>], spans: &[(String, usize, usize)]) {
        if words.is_empty() {
            return;
        }
        let offset = self.tags.len();
        for w in words {
            self.words.push(w.form, w.xpos, None, false);
            self.tags.push(w.xpos.to_owned());
            self.forms.push(w.form.to_owned());
        }
        self.words.end_sentence();
        for (id, start, end) in spans {
            let n = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
            let entity = *self.ids.entry(id.clone()).or_insert(n);
            let inside = |h: usize| h > *start && h <= *end;
            let head = (*start..*end).find(|&i| !inside(words[i].head)).map(|i| offset + i);
            self.mentions.push(GoldMention { entity, start: offset + start, end: offset + end, head });
        }
    }

    fn finish(mut self) -> Option<GoldDoc> {
        let doc = self.words.finish(&self.name)?;
        self.mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut seen: HashMap<u32, usize> = HashMap::new();
        let mut probes = Vec::new();
        let mut mentions = Vec::with_capacity(self.mentions.len());
        let mut pronoun_at: HashMap<usize, (u32, bool)> = HashMap::new();
        for m in &self.mentions {
            let has_antecedent = seen.get(&m.entity).is_some_and(|&end| end <= m.start);
            seen.entry(m.entity).or_insert(m.end);
            let span = doc.span(m.start..m.end);
            mentions.push((span, m.entity));
            if m.end == m.start + 1 && PRONOUNS.contains(&self.forms[m.start].to_lowercase().as_str()) {
                pronoun_at.insert(m.start, (m.entity, has_antecedent));
                continue;
            }
            let definite = self.forms[m.start].eq_ignore_ascii_case("the");
            let common = m.head.is_some_and(|h| matches!(self.tags[h].as_str(), "NN" | "NNS"));
            if definite && common && m.end - m.start <= 6 {
                let kind = ProbeKind::Description;
                probes.push(Probe { span, kind, entity: Some(m.entity), has_antecedent });
            }
        }
        for (i, form) in self.forms.iter().enumerate() {
            if PRONOUNS.contains(&form.to_lowercase().as_str()) {
                let (entity, has_antecedent) =
                    pronoun_at.get(&i).map_or((None, false), |&(e, a)| (Some(e), a));
                let span = doc.span(i..i + 1);
                probes.push(Probe { span, kind: ProbeKind::Pronoun, entity, has_antecedent });
            }
        }
        probes.sort_by_key(|p| (p.span.start, p.span.end));
        Some(GoldDoc { doc, mentions, probes })
    }
}

/// Parse GUM CoNLL-U text (see [`read`]).
#[must_use]
pub fn parse(data: &str) -> Vec<GoldDoc> {
    let mut docs = Vec::new();
    let mut doc = Builder::default();
    for s in gum::sentences(data) {
        if let Some(name) = s.document {
            docs.extend(std::mem::take(&mut doc).finish());
            doc.name = name.to_owned();
        }
        let words: Vec<Word<'_>> = s
            .words
            .iter()
            .map(|cols| Word { form: cols[1], xpos: cols[4], head: cols[6].parse().unwrap_or(0) })
            .collect();
        let spans: Vec<(String, usize, usize)> =
            s.mentions.into_iter().map(|(o, end)| (o.id, o.start, end)).collect();
        doc.sentence(&words, &spans);
    }
    docs.extend(doc.finish());
    docs
}

impl GoldDoc {
    /// The gold entity of the engine's mention at `span`: the mention with
    /// the same span, else the smallest holding it, else the one sharing
    /// most of it.
    #[must_use]
    pub fn entity_at(&self, span: Span) -> Option<u32> {
        let overlap = |s: Span| s.end.min(span.end).saturating_sub(s.start.max(span.start));
        if let Some(&(_, e)) = self.mentions.iter().find(|(s, _)| *s == span) {
            return Some(e);
        }
        let holding = self
            .mentions
            .iter()
            .filter(|(s, _)| s.start <= span.start && s.end >= span.end)
            .min_by_key(|(s, _)| s.end - s.start);
        if let Some(&(_, e)) = holding {
            return Some(e);
        }
        self.mentions
            .iter()
            .filter(|(s, _)| overlap(*s) > 0)
            .max_by_key(|(s, _)| (overlap(*s), std::cmp::Reverse(s.end - s.start)))
            .map(|&(_, e)| e)
    }
}

/// A document with the engine's annotation of its text.
#[derive(Debug, Clone)]
pub struct Annotated {
    /// The gold document.
    pub gold: GoldDoc,
    /// The engine's annotation.
    pub ann: Annotation,
}

/// Annotate every document with the engine.
#[must_use]
pub fn prepare(annotator: &Annotator, docs: Vec<GoldDoc>) -> Vec<Annotated> {
    docs.into_iter()
        .map(|gold| {
            let ann = annotator.annotate(&gold.doc.text);
            Annotated { gold, ann }
        })
        .collect()
}

/// Right answers out of probes with a gold antecedent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Probes whose antecedent is a mention of their gold entity.
    pub right: usize,
    /// Probes given any antecedent.
    pub answered: usize,
    /// Probes with a gold antecedent.
    pub total: usize,
    /// Probes with a gold antecedent among the candidates a ranker was
    /// offered (counted only when a model ranks).
    pub reachable: usize,
}

impl Accuracy {
    /// Share right.
    #[must_use]
    pub fn accuracy(&self) -> f64 {
        ratio(self.right, self.total)
    }

    /// Share right among those answered.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.answered)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let r = if b == 0 { 0.0 } else { a as f64 / b as f64 };
    r
}

/// What [`evaluate`] measures: over all probes of the kind, and over the
/// probes that name a person by gender (he, him, his, himself, she, her,
/// hers, herself), the ones that matter most to speakers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Every probe of the kind.
    pub all: Accuracy,
    /// he and she in all their forms.
    pub gendered: Accuracy,
}

/// True for he and she in all their forms.
fn gendered(word: &str) -> bool {
    PRONOUNS[..8].contains(&word.to_lowercase().as_str())
}

/// Who resolves pronouns in [`evaluate`].
#[derive(Debug, Clone, Copy)]
pub enum Resolver<'a> {
    /// The rules of speaker resolution, as they run.
    Rules,
    /// The rules, but a pronoun they leave alone starts a cluster of its own.
    RulesWithChains,
    /// A trained ranker (pronouns left alone start clusters too).
    Ranker(&'a Model),
    /// The rules where they find an antecedent, else the ranker, as speaker
    /// resolution runs.
    RulesThenRanker(&'a Model),
}

/// Accuracy of speaker resolution on the probes of `kind` in `docs` (one
/// kind at a time: a description probe is a gold mention, which should not
/// become a candidate antecedent for pronouns).
#[must_use]
pub fn evaluate(docs: &[Annotated], resolver: Resolver<'_>, kind: ProbeKind) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let probes: Vec<&Probe> = d.gold.probes.iter().filter(|p| p.kind == kind).collect();
        let spans: Vec<Span> = probes.iter().map(|p| p.span).collect();
        let entities: HashMap<Span, Option<u32>> =
            probes.iter().filter(|p| p.has_antecedent).map(|p| (p.span, p.entity)).collect();
        let inner = match resolver {
            Resolver::Rules => None,
            Resolver::RulesWithChains => Some(Inner::Rules),
            Resolver::Ranker(m) => Some(Inner::Model(ModelChoice(m))),
            Resolver::RulesThenRanker(m) => Some(Inner::RulesThenModel(RulesThenModel(m))),
        };
        let mut choice =
            inner.map(|inner| Watch { inner, gold: &d.gold, entities: &entities, reachable: Vec::new() });
        let found = coref::antecedents(
            &d.gold.doc.text,
            &d.ann,
            &spans,
            choice.as_mut().map(|c| c as &mut dyn Choose),
        );
        let reachable = choice.map(|c| c.reachable).unwrap_or_default();
        for (p, answer) in probes.into_iter().zip(found) {
            if !p.has_antecedent {
                continue;
            }
            let word = p.span.slice(&d.gold.doc.text);
            let right = answer.is_some()
                && p.entity.is_some()
                && answer.and_then(|a| d.gold.entity_at(a)) == p.entity;
            let count = |acc: &mut Accuracy| {
                acc.total += 1;
                acc.answered += usize::from(answer.is_some());
                acc.right += usize::from(right);
                acc.reachable += usize::from(reachable.contains(&p.span));
            };
            count(&mut scores.all);
            if kind == ProbeKind::Pronoun && gendered(word) {
                count(&mut scores.gendered);
            }
        }
    }
    scores
}

/// Who chooses inside a [`Watch`].
enum Inner<'a> {
    Rules,
    Model(ModelChoice<'a>),
    RulesThenModel(RulesThenModel<'a>),
}

/// A model's choice, counting the pronouns whose gold antecedent was among the candidates.
struct Watch<'a> {
    inner: Inner<'a>,
    gold: &'a GoldDoc,
    entities: &'a HashMap<Span, Option<u32>>,
    /// The pronouns whose gold antecedent was among the candidates.
    reachable: Vec<Span>,
}

impl Choose for Watch<'_> {
    fn choose(&mut self, pronoun: Span, candidates: &[Candidate], no_antecedent: &[u64]) -> Option<usize> {
        if let Some(&Some(entity)) = self.entities.get(&pronoun)
            && candidates.iter().any(|c| self.gold.entity_at(c.span) == Some(entity))
        {
            self.reachable.push(pronoun);
        }
        match &mut self.inner {
            Inner::Rules => RulesChoice.choose(pronoun, candidates, no_antecedent),
            Inner::Model(c) => c.choose(pronoun, candidates, no_antecedent),
            Inner::RulesThenModel(c) => c.choose(pronoun, candidates, no_antecedent),
        }
    }
}

/// Learns while resolving: scores the candidates, corrects the weights
/// towards the best-scoring right one (or no antecedent when none is
/// right), and follows the gold choice so that clusters stay right.
struct Learner<'a> {
    perceptron: &'a mut Perceptron,
    gold: &'a GoldDoc,
    /// Gold entity of each probe pronoun, by its span, and whether it has an antecedent.
    entities: &'a HashMap<Span, (Option<u32>, bool)>,
}

impl Choose for Learner<'_> {
    fn choose(&mut self, pronoun: Span, candidates: &[Candidate], no_antecedent: &[u64]) -> Option<usize> {
        let (entity, has_antecedent) = self.entities.get(&pronoun).copied().unwrap_or((None, false));
        let all = std::iter::once(no_antecedent).chain(candidates.iter().map(|c| c.features.as_slice()));
        let mut scores = Vec::with_capacity(candidates.len() + 1);
        let mut s = [0f32; 1];
        for f in all.clone() {
            for &k in f {
                self.perceptron.allow(k);
            }
            self.perceptron.score(f, &mut s);
            scores.push(s[0]);
        }
        let right = |k: usize| {
            if k == 0 {
                return false;
            }
            entity.is_some() && self.gold.entity_at(candidates[k - 1].span) == entity
        };
        let any_right = (1..scores.len()).any(right);
        // The antecedent is there but not among the mentions gathered:
        // nothing to learn about choosing.
        if has_antecedent && !any_right {
            return None;
        }
        let best = |ok: &dyn Fn(usize) -> bool| {
            (0..scores.len()).filter(|&k| ok(k)).fold(None, |b: Option<usize>, k| match b {
                Some(b) if scores[b] >= scores[k] => Some(b),
                _ => Some(k),
            })
        };
        let guess = best(&|_| true).unwrap_or(0);
        let gold = if any_right { best(&right).unwrap_or(0) } else { 0 };
        if guess != gold {
            let feats: Vec<&[u64]> = all.collect();
            self.perceptron.update(feats[gold], 0, 1.0);
            self.perceptron.update(feats[guess], 0, -1.0);
        }
        self.perceptron.tick();
        gold.checked_sub(1)
    }
}

/// Train the pronoun ranker on `docs` for `epochs` passes, visiting the
/// documents in a seeded order.
#[must_use]
pub fn train(docs: &[Annotated], epochs: usize, seed: u64, info: String) -> Model {
    let mut perceptron = Perceptron::new(1);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let d = &docs[i];
            let pronouns = d.gold.probes.iter().filter(|p| p.kind == ProbeKind::Pronoun);
            let entities: HashMap<Span, (Option<u32>, bool)> =
                pronouns.clone().map(|p| (p.span, (p.entity, p.has_antecedent))).collect();
            let spans: Vec<Span> = pronouns.map(|p| p.span).collect();
            let mut learner = Learner { perceptron: &mut perceptron, gold: &d.gold, entities: &entities };
            let _ = coref::antecedents(&d.gold.doc.text, &d.ann, &spans, Some(&mut learner));
        }
    }
    perceptron.finish(vec!["antecedent".to_owned()], info, 0.0)
}

/// One line of a `silver.jsonl`: the article and CoreNLP's coreference
/// chains, as character offsets.
#[derive(serde::Deserialize)]
struct SilverCoref {
    doc: String,
    #[serde(default)]
    coref: Vec<Vec<(usize, usize)>>,
}

/// The articles of a PolNeAR split with CoreNLP's coreference chains as
/// their "gold" mentions (machine output: agreement with it is no accuracy),
/// each annotated by the engine; the probes are the engine's quote sources
/// that are a single third-person pronoun or a definite description.
///
/// # Errors
/// When a file cannot be read or a line is not valid.
pub fn read_polnear(annotator: &Annotator, split: &Path) -> Result<Vec<Annotated>, CorpusError> {
    let docs = crate::train::silver::read_split(split)?;
    let path = split.join("silver.jsonl");
    let data = crate::train::silver::read_text(&path)?;
    let mut chains: HashMap<String, Vec<Vec<(usize, usize)>>> = HashMap::new();
    for (i, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let rec: SilverCoref = serde_json::from_str(line).map_err(|source| CorpusError::Json {
            path: path.clone(),
            line: i + 1,
            source,
        })?;
        chains.insert(rec.doc, rec.coref);
    }
    let mut out = Vec::with_capacity(docs.len());
    for doc in docs {
        let map = crate::text::CharOffsets::new(&doc.text);
        let mut mentions = Vec::new();
        for (k, chain) in chains.get(&doc.name).into_iter().flatten().enumerate() {
            let entity = u32::try_from(k).unwrap_or(u32::MAX);
            for &(a, b) in chain {
                let span = Span::new(map.bytes(a).min(doc.text.len()), map.bytes(b).min(doc.text.len()));
                mentions.push((span, entity));
            }
        }
        mentions.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let ann = annotator.annotate(&doc.text);
        let mut probes: Vec<Probe> = Vec::new();
        for source in ann.quotes.iter().filter_map(|q| q.source) {
            let word = source.slice(&doc.text).to_lowercase();
            let kind = if PRONOUNS.contains(&word.as_str()) {
                ProbeKind::Pronoun
            } else if is_definite_description(&doc.text, &ann, source) {
                ProbeKind::Description
            } else {
                continue;
            };
            if probes.iter().any(|p| p.span == source) {
                continue;
            }
            let entity = mentions.iter().find(|(s, _)| *s == source).map(|&(_, e)| e);
            let has_antecedent =
                entity.is_some_and(|e| mentions.iter().any(|&(s, f)| f == e && s.end <= source.start));
            probes.push(Probe { span: source, kind, entity, has_antecedent });
        }
        probes.sort_by_key(|p| p.span.start);
        out.push(Annotated { gold: GoldDoc { doc, mentions, probes }, ann });
    }
    Ok(out)
}

/// True when `span` of `text` is a definite description as GUM's probes
/// are: "the" and at most five more words, the last a common noun.
fn is_definite_description(text: &str, ann: &Annotation, span: Span) -> bool {
    let inside = coref::token_range(ann, span);
    let (Some(first), Some(last)) = (ann.tokens.get(inside.start), inside.end.checked_sub(1)) else {
        return false;
    };
    !inside.is_empty()
        && inside.len() <= 6
        && first.span.slice(text).eq_ignore_ascii_case("the")
        && ann.pos.get(last).is_some_and(|p| matches!(p.as_str(), "NN" | "NNS"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n\
1\tJo\tJo\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-x-y-z)\n\
2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(2-person-new-x-y-z\n\
4\tdog\tdog\tNOUN\tNN\t_\t2\tobj\t_\tEntity=2)\n\n\
# sent_id = s2\n\
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-y-z)\n\
2\tfed\tfeed\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(2-animal-giv-x-y-z\n\
4\tdog\tdog\tNOUN\tNN\t_\t2\tobj\t_\tEntity=2)\n\
5\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_\n\n";

    #[test]
    fn probes_carry_their_gold_entity_and_antecedent() {
        let docs = parse(SAMPLE);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        let text = &d.doc.text;
        let probes: Vec<(&str, ProbeKind, Option<u32>, bool)> =
            d.probes.iter().map(|p| (p.span.slice(text), p.kind, p.entity, p.has_antecedent)).collect();
        assert_eq!(
            probes,
            vec![
                ("the dog", ProbeKind::Description, Some(1), false),
                ("She", ProbeKind::Pronoun, Some(0), true),
                ("the dog", ProbeKind::Description, Some(1), true),
                ("it", ProbeKind::Pronoun, None, false),
            ]
        );
        let jo = d.probes[1].span;
        assert_eq!(d.entity_at(Span::new(0, 2)), Some(0));
        assert_eq!(d.entity_at(jo), Some(0));
    }
}
