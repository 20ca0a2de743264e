//! Ranking the antecedents of a pronoun with a learned linear model: each
//! cluster named within the salience window is a candidate, described by
//! its latest mention, its pooled attributes and what the rules would do;
//! "no antecedent" is one more candidate.

use super::cluster::Cluster;
use super::lexicon::Gender;
use super::mention::{Animacy, Form, Mention};
use crate::tag::hash::{hash_bytes, mix};
use crate::tag::model::Model;
use crate::text::Span;

/// One cluster a pronoun may refer to.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The cluster's latest mention before the pronoun, outside quoted content.
    pub span: Span,
    /// Hashed features of the pronoun paired with this cluster.
    pub features: Vec<u64>,
    /// True when the rules would choose this cluster.
    pub rules_choice: bool,
    /// True when the cluster's known gender contradicts the pronoun's
    /// ("she" and a cluster named Donald), or it is the article's author.
    pub clashes: bool,
}

/// Picks a pronoun's antecedent among candidates.
pub trait Choose {
    /// The index of the chosen candidate in `candidates`, or `None` for no
    /// antecedent; `no_antecedent` holds the features of that choice.
    fn choose(&mut self, pronoun: Span, candidates: &[Candidate], no_antecedent: &[u64]) -> Option<usize>;
}

/// Chooses by the scores of a trained one-class model.
#[derive(Debug, Clone, Copy)]
pub struct ModelChoice<'a>(pub &'a Model);

impl ModelChoice<'_> {
    /// The best-scoring of the candidates `allowed` lets through, or `None`
    /// when no antecedent scores higher.
    fn best(
        &self,
        candidates: &[Candidate],
        no_antecedent: &[u64],
        allowed: impl Fn(&Candidate) -> bool,
    ) -> Option<usize> {
        let mut s = [0f32; 1];
        self.0.score(no_antecedent, &mut s);
        let mut best = (None, s[0]);
        for (k, c) in candidates.iter().enumerate().filter(|(_, c)| allowed(c)) {
            self.0.score(&c.features, &mut s);
            if s[0] > best.1 {
                best = (Some(k), s[0]);
            }
        }
        best.0
    }
}

impl Choose for ModelChoice<'_> {
    fn choose(&mut self, _pronoun: Span, candidates: &[Candidate], no_antecedent: &[u64]) -> Option<usize> {
        self.best(candidates, no_antecedent, |_| true)
    }
}

/// Chooses as the rules do where they find an antecedent, and by the
/// model where they find none: the rules know quote sources best (the
/// model learns mostly from GUM, which has few quotes), the model finds
/// antecedents the rules' agreement tests turn away — never one whose
/// gender contradicts the pronoun.
#[derive(Debug, Clone, Copy)]
pub struct RulesThenModel<'a>(pub &'a Model);

impl Choose for RulesThenModel<'_> {
    fn choose(&mut self, _pronoun: Span, candidates: &[Candidate], no_antecedent: &[u64]) -> Option<usize> {
        candidates
            .iter()
            .position(|c| c.rules_choice)
            .or_else(|| ModelChoice(self.0).best(candidates, no_antecedent, |c| !c.clashes))
    }
}

/// Chooses as the rules do (to measure what the ranker adds beyond
/// letting pronouns start clusters of their own).
#[derive(Debug, Clone, Copy, Default)]
pub struct RulesChoice;

impl Choose for RulesChoice {
    fn choose(&mut self, _pronoun: Span, candidates: &[Candidate], _no_antecedent: &[u64]) -> Option<usize> {
        candidates.iter().position(|c| c.rules_choice)
    }
}

/// A feature key from a name and up to two values.
fn key(name: &str, a: u64, b: u64) -> u64 {
    mix(mix(hash_bytes(0xC0_4EF, name.as_bytes()), a), b)
}

/// A small number for a count: 0, 1, 2, 3, then 4 for anything larger.
fn bucket(n: usize) -> u64 {
    n.min(4) as u64
}

/// The pronoun as a number: he, she, it, they, other.
fn pronoun_code(m: &Mention) -> u64 {
    match m.pronoun {
        Some("he") => 1,
        Some("she") => 2,
        Some("it") => 3,
        Some("they") => 4,
        _ => 0,
    }
}

const fn gender_code(g: Gender) -> u64 {
    match g {
        Gender::Unknown => 0,
        Gender::Male => 1,
        Gender::Female => 2,
    }
}

const fn animacy_code(a: Animacy) -> u64 {
    match a {
        Animacy::Unknown => 0,
        Animacy::Person => 1,
        Animacy::Thing => 2,
        Animacy::Document => 3,
    }
}

const fn form_code(f: Form) -> u64 {
    match f {
        Form::Name => 0,
        Form::Nominal => 1,
        Form::Pronoun => 2,
    }
}

/// What the rules know about one candidate cluster at a pronoun.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// Place of the cluster by salience, 0 for the most salient.
    pub rank: usize,
    /// True when the rules would choose this cluster.
    pub rules_choice: bool,
    /// True when the cluster fits the pronoun by the rules' agreement test.
    pub fits: bool,
    /// Sentences back to the cluster's latest mention as a quote's source,
    /// if it has one in the window.
    pub source_distance: Option<usize>,
    /// True when the cluster holds the latest source before the pronoun.
    pub latest_source: bool,
}

/// Features of pronoun `m` paired with cluster `c`, whose latest mention is `last`.
pub fn features(m: &Mention, last: &Mention, c: &Cluster, cx: Context, out: &mut Vec<u64>) {
    let p = pronoun_code(m);
    let case = m.case as u64;
    let sentences = bucket(usize::try_from(m.sentence.saturating_sub(last.sentence)).unwrap_or(usize::MAX));
    out.clear();
    out.push(key("bias", 0, 0));
    out.push(key("distance", p, sentences));
    out.push(key("distance-case", case, sentences));
    out.push(key("rank", p, bucket(cx.rank)));
    out.push(key("rules", p, u64::from(cx.rules_choice)));
    out.push(key("fits", p, u64::from(cx.fits)));
    out.push(key("fits-rules", u64::from(cx.fits), u64::from(cx.rules_choice)));
    out.push(key("animacy", p, animacy_code(c.animacy())));
    out.push(key("gender", p, gender_code(c.gender)));
    out.push(key("plural", p, u64::from(c.plural)));
    out.push(key("named", p, u64::from(c.named())));
    out.push(key("form", p, form_code(last.form)));
    out.push(key("subject", p, u64::from(last.subject)));
    out.push(key("subject-case", case, u64::from(last.subject)));
    out.push(key("source", u64::from(m.is_source), u64::from(last.is_source)));
    out.push(key("chain", p, pronoun_code(last)));
    out.push(key("size", p, bucket(c.mentions.len())));
    out.push(key("paragraph", p, u64::from(last.paragraph == m.paragraph)));
    let votes = c.label_votes;
    let label = (0..3).max_by_key(|&k| (votes[k], std::cmp::Reverse(k))).filter(|&k| votes[k] > 0);
    out.push(key("label", p, label.map_or(3, |k| k as u64)));
    let is_source = u64::from(m.is_source);
    out.push(key("source-distance", is_source, cx.source_distance.map_or(5, bucket)));
    out.push(key("latest-source", is_source, u64::from(cx.latest_source)));
    out.push(key("latest-source-fits", u64::from(cx.latest_source), u64::from(cx.fits)));
    if let Some(r) = c.roles.last() {
        out.push(key("role", p, hash_bytes(0, r.head.as_bytes())));
    }
}

/// Features of leaving pronoun `m` without an antecedent among `n` candidates.
pub fn no_antecedent_features(m: &Mention, n: usize, any_fits: bool, out: &mut Vec<u64>) {
    let p = pronoun_code(m);
    out.clear();
    out.push(key("none", 0, 0));
    out.push(key("none-pronoun", p, m.case as u64));
    out.push(key("none-count", p, bucket(n)));
    out.push(key("none-fits", p, u64::from(any_fits)));
    out.push(key("none-source", p, u64::from(m.is_source)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_picks_the_best_scoring_choice_or_none() {
        let model = Model::from_rows(
            vec!["antecedent".to_owned()],
            String::new(),
            vec![(1, vec![(0, 2.0)]), (2, vec![(0, -1.0)]), (3, vec![(0, 1.0)])],
        );
        let candidate = |f: u64| Candidate {
            span: Span::new(0, 1),
            features: vec![f],
            rules_choice: false,
            clashes: false,
        };
        let mut choice = ModelChoice(&model);
        let span = Span::new(5, 7);
        assert_eq!(choice.choose(span, &[candidate(2), candidate(1)], &[3]), Some(1));
        assert_eq!(choice.choose(span, &[candidate(2)], &[3]), None, "no antecedent scores higher");
        assert_eq!(choice.choose(span, &[], &[3]), None);
        let rules = [candidate(2), Candidate { rules_choice: true, ..candidate(1) }];
        assert_eq!(RulesChoice.choose(span, &rules, &[3]), Some(1));
        let rules_first = [candidate(1), Candidate { rules_choice: true, ..candidate(2) }];
        assert_eq!(RulesThenModel(&model).choose(span, &rules_first, &[3]), Some(1));
        assert_eq!(RulesThenModel(&model).choose(span, &[candidate(2), candidate(1)], &[3]), Some(1));
        let clash = [candidate(2), Candidate { clashes: true, ..candidate(1) }];
        assert_eq!(RulesThenModel(&model).choose(span, &clash, &[3]), None, "a clash is never chosen");
        assert_eq!(ModelChoice(&model).choose(span, &clash, &[3]), Some(1));
    }
}
