//! Resolving descriptions and pronouns in text order, by salience: how
//! recently and how prominently (as a source, as a subject) each cluster was
//! mentioned outside quoted content.

use std::collections::BTreeSet;

use super::affiliation::{is_office, party, state};
use super::cluster::{Cluster, same_stem};
use super::lexicon::{Class, Flag, Gender, lexicon};
use super::mention::{Animacy, Determiner, Form, Mention};
use super::rank::{self, Candidate, Choose, Context};
use crate::annotation::EntityLabel;

/// How many paragraphs back a pronoun may find its antecedent.
const PARAGRAPH_WINDOW: u32 = 2;
/// How many sentences back, whatever the paragraphs: a mention this far
/// back weighs under 2⁻⁶⁴ of a near one, and without the bound a paragraph
/// of many thousand sentences would cost the square of its length.
const SENTENCE_WINDOW: u32 = 64;
/// Weight of any mention, before decay.
const RECENCY: f32 = 100.0;
/// Extra weight of a mention that opens its sentence.
const SUBJECT: f32 = 80.0;
/// Extra weight of a mention that is some quote's source.
const SOURCE: f32 = 150.0;
/// Extra weight of a mention by name.
const NAMED: f32 = 30.0;
/// Weight kept per sentence of distance.
const SENTENCE_DECAY: f32 = 0.5;
/// Weight kept per paragraph boundary crossed.
const PARAGRAPH_DECAY: f32 = 0.5;

/// Resolve every description and pronoun of `mentions` (in text order),
/// adding new clusters for descriptions that match none; `choose`, when
/// given, picks the antecedents of third-person pronouns instead of the rules.
pub fn resolve(mentions: &mut [Mention], clusters: &mut Vec<Cluster>, mut choose: Option<&mut dyn Choose>) {
    let mut history: Vec<usize> = Vec::new();
    let mut author: Option<usize> = None;
    // The clusters a description can designate (those with a role), kept in
    // index order so that a description need not look at every cluster.
    let mut described: BTreeSet<usize> =
        clusters.iter().enumerate().filter(|(_, c)| !c.roles.is_empty()).map(|(ci, _)| ci).collect();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let cluster = match m.form {
            Form::Name => m.cluster,
            Form::Nominal if m.in_content && !m.is_source => None,
            Form::Nominal => Some(describe(m, &history, mentions, clusters, &described)),
            Form::Pronoun if m.in_content && !m.is_source => None,
            Form::Pronoun if m.pronoun == Some("i") => Some(*author.get_or_insert_with(|| {
                clusters.push(Cluster { author: true, ..Cluster::default() });
                clusters.len() - 1
            })),
            Form::Pronoun if m.pronoun == Some("who") => relative_antecedent(m, &history, mentions, clusters),
            Form::Pronoun => match choose.as_deref_mut() {
                // A pronoun with no antecedent among the clusters starts its
                // own, for later pronouns ("it … it") to find.
                Some(choose) => ranked(m, &history, mentions, clusters, choose).or_else(|| {
                    clusters.push(Cluster::default());
                    Some(clusters.len() - 1)
                }),
                None => antecedent(m, &history, mentions, clusters),
            },
        };
        let Some(ci) = cluster else { continue };
        if m.form != Form::Name {
            if let Some(c) = clusters.get_mut(ci) {
                c.add(i, m);
                if !c.roles.is_empty() {
                    described.insert(ci);
                }
            }
            mentions[i].cluster = Some(ci);
        }
        if !mentions[i].in_content {
            history.push(i);
        }
    }
}

/// The cluster a description designates: the most salient one whose roles
/// and modifiers fit it (definite descriptions only), else a new one.
fn describe(
    m: &Mention,
    history: &[usize],
    mentions: &[Mention],
    clusters: &mut Vec<Cluster>,
    described: &BTreeSet<usize>,
) -> usize {
    // "a source", "officials": someone new each time.
    let fresh = m.determiner == Determiner::Indefinite || (m.determiner == Determiner::Bare && m.plural);
    if !fresh {
        let scores = salience(m, history, mentions, clusters.len());
        let score = |ci: usize| scores.binary_search_by_key(&ci, |&(c, _)| c).map_or(0.0, |k| scores[k].1);
        let best = described
            .iter()
            .filter_map(|&ci| Some((ci, clusters.get(ci)?)))
            .filter(|&(ci, c)| {
                let seen = score(ci) > 0.0;
                // An unnamed cluster must have come up already; a named one is
                // known by its title from anywhere in the article, but only
                // by a title it holds itself, not as someone's counterpart.
                let fits =
                    if seen { c.fits_description(m) } else { c.named() && c.fits_description_exactly(m) };
                !c.roles.is_empty() && fits
            })
            .map(|(ci, c)| (ci, score(ci) + if c.named() { 1.0 } else { 0.5 }))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((ci, _)) = best {
            return ci;
        }
        if let Some(ci) = epithet(m, history, mentions, &scores, clusters) {
            return ci;
        }
    }
    clusters.push(Cluster::default());
    clusters.len() - 1
}

/// The referent of a definite description that fits no role given so far,
/// where the text leaves no doubt (else `None`, so that no one is guessed):
/// - an organisation's noun names the organisation in view whose name holds
///   it ("the commission" → the Commission on Presidential Debates), and
///   "the company" the business in view ("Pellworth Construction");
/// - a person's epithet opening its sentence ("The New York businessman
///   says …") or speaking in it ("…," the midfielder said) names the one
///   person who was the subject or a speaker of the sentence before, unless
///   someone is named before it in its own sentence, or it gives a party, a
///   state or another name that one is not known by ("the FBI director",
///   "the Lincoln actor").
fn epithet(
    m: &Mention,
    history: &[usize],
    mentions: &[Mention],
    scores: &[(usize, f32)],
    clusters: &[Cluster],
) -> Option<usize> {
    if m.determiner != Determiner::Definite || m.plural {
        return None;
    }
    let head = m.roles.last().map(|r| r.head.as_str())?;
    let any_business = lexicon().get(head, Class::Org).is_some_and(|e| e.flag == Flag::AnyBusiness);
    let fits = |c: &Cluster, kind: Animacy| {
        c.named()
            && !c.author
            && !c.plural
            && c.animacy() == kind
            && !affiliations_clash(m, c)
            && mods_explained(m, c)
            && (m.gender == Gender::Unknown || c.gender == Gender::Unknown || m.gender == c.gender)
    };
    match m.animacy {
        Animacy::Thing => scores
            .iter()
            .filter(|&&(ci, s)| {
                s > 0.0
                    && clusters.get(ci).is_some_and(|c| {
                        fits(c, Animacy::Thing)
                            && (c.names.iter().flatten().any(|w| same_stem(w, head))
                                || any_business && c.names.iter().any(|n| names_a_business(n)))
                    })
            })
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|&(ci, _)| ci)
            // "Lyft said … The company declined": the one organisation that
            // spoke, named, in the sentence before.
            .or_else(|| {
                // Not one its name calls another kind ("the Harbor City Council").
                let institution = |c: &Cluster| c.names.iter().flatten().any(|w| lexicon().is(w, Class::Org));
                let organisation =
                    |c: &Cluster| fits(c, Animacy::Thing) && c.label() == EntityLabel::Org && !institution(c);
                (any_business && m.is_source && m.subject)
                    .then(|| speaker_before(m, history, mentions, clusters, organisation))
                    .flatten()
            }),
        // A speaker further into its sentence named by more than a noun
        // ("the vice chairman of the Columbia department") is someone new.
        Animacy::Person if m.subject || (m.is_source && m.post_mods.is_empty()) => {
            let before = m.sentence.checked_sub(1)?;
            let person = |prev: &Mention| {
                prev.cluster.and_then(|ci| clusters.get(ci)).is_some_and(|c| c.animacy() == Animacy::Person)
            };
            let mut found = None;
            for prev in history.iter().rev().filter_map(|&h| mentions.get(h)) {
                if prev.sentence < before {
                    break;
                }
                // Someone leading its own sentence ("Graham called on
                // Republicans after the mogul claimed …", "In Sessions'
                // column, the Republican from Alabama …") leaves in doubt
                // whether the epithet is that one, another, or the one
                // before; people further in ("In an interview with X, the
                // candidate said") do not.
                if prev.sentence == m.sentence
                    && prev.span.start < m.span.start
                    && (prev.subject || prev.is_source)
                    && person(prev)
                {
                    return None;
                }
                if prev.sentence != before || !((prev.subject && !prev.possessor) || prev.is_source) {
                    continue;
                }
                let Some(ci) = prev.cluster.filter(|&ci| {
                    clusters.get(ci).is_some_and(|c| fits(c, Animacy::Person) && !offices_clash(m, c))
                }) else {
                    continue;
                };
                if found.is_some_and(|f| f != ci) {
                    return None;
                }
                found = Some(ci);
            }
            found
        }
        _ => None,
    }
}

/// The one cluster that `accepts` among the speakers of the sentence
/// before description `m`'s, each named there, if no speaker of `m`'s own
/// sentence comes before it.
fn speaker_before(
    m: &Mention,
    history: &[usize],
    mentions: &[Mention],
    clusters: &[Cluster],
    accepts: impl Fn(&Cluster) -> bool,
) -> Option<usize> {
    let before = m.sentence.checked_sub(1)?;
    let mut found = None;
    for prev in history.iter().rev().filter_map(|&h| mentions.get(h)) {
        if prev.sentence < before {
            break;
        }
        if !prev.is_source {
            continue;
        }
        if prev.sentence == m.sentence {
            if prev.span.start < m.span.start {
                return None;
            }
            continue;
        }
        // Named, not referred to ("They don't talk much about …").
        if prev.form != Form::Name {
            return None;
        }
        let ci = prev.cluster.filter(|&ci| clusters.get(ci).is_some_and(&accepts))?;
        if found.is_some_and(|f| f != ci) {
            return None;
        }
        found = Some(ci);
    }
    found
}

/// True when a name (lower-case words) ends as a business's does ("acme inc").
fn names_a_business(name: &[String]) -> bool {
    name.len() > 1 && name.last().is_some_and(|w| lexicon().is(w, Class::Business))
}

/// True when description `m` gives a party or a state that cluster `c` is
/// known by another of ("the Ohio Democrat" and a Republican from Texas).
fn affiliations_clash(m: &Mention, c: &Cluster) -> bool {
    let said = m.mods.iter().map(String::as_str).chain(m.roles.iter().map(|r| r.head.as_str()));
    let known = || c.attrs.iter().map(String::as_str).chain(c.roles.iter().map(|r| r.head.as_str()));
    let clash = |of: fn(&str) -> Option<&'static str>, given: &'static str| {
        let held: Vec<&str> = known().filter_map(of).collect();
        !held.is_empty() && !held.contains(&given)
    };
    said.into_iter()
        .any(|w| party(w).is_some_and(|p| clash(party, p)) || state(w).is_some_and(|s| clash(state, s)))
}

/// True when description `m` names a public office that cluster `c`'s
/// person is not known to hold but holds another ("the governor" and
/// Mayor Ann Lee); a former office ("the former senator") may be anyone's.
fn offices_clash(m: &Mention, c: &Cluster) -> bool {
    let Some(role) = m.roles.last() else { return false };
    if !is_office(&role.head) || !role.ranks.is_empty() {
        return false;
    }
    let held = c.roles.iter().filter(|r| is_office(&r.head) && r.ranks.is_empty());
    let mut held = held.map(|r| r.head.as_str()).peekable();
    held.peek().is_some() && held.all(|h| h != role.head)
}

/// True when every capitalised word in front of description `m`'s head is
/// a party, a US state, or a word cluster `c` is known by: "the New York
/// businessman" can be anyone just named, "the FBI director" or "the
/// Canadian spokesperson" only someone known by those words.
fn mods_explained(m: &Mention, c: &Cluster) -> bool {
    let mut explained = vec![false; m.mods.len()];
    for (i, w) in m.mods.iter().enumerate() {
        // A word of the name itself describes someone else: "the Lincoln
        // actor" is not Abraham Lincoln.
        let of_name = c.names.iter().flatten().any(|n| same_stem(w, n));
        if party(w).is_some() || state(w).is_some() || (!of_name && c.attrs.iter().any(|a| same_stem(w, a))) {
            explained[i] = true;
        }
        // A state of two words ("New York").
        if m.mods.get(i + 1).is_some_and(|next| state(&format!("{w} {next}")).is_some()) {
            explained[i] = true;
            explained[i + 1] = true;
        }
    }
    explained.iter().all(|&e| e)
}

/// A relative pronoun ("X, who said") refers to the mention just before it
/// in its sentence, or to the one just before a place that ends its noun
/// phrase: "Sen. Bernie Sanders, the Vermont independent who has pushed" and
/// "Harlan Crow of Texas, who" are not the states.
fn relative_antecedent(
    m: &Mention,
    history: &[usize],
    mentions: &[Mention],
    clusters: &[Cluster],
) -> Option<usize> {
    let mut before = history.iter().rev().filter_map(|&h| mentions.get(h));
    let prev = before.next().filter(|p| p.sentence == m.sentence && p.span.end <= m.span.start)?;
    let place = |p: &Mention| {
        p.form == Form::Name && p.cluster.and_then(|ci| clusters.get(ci)).is_some_and(Cluster::only_a_place)
    };
    // Not a town before its state ("Greenville, South Carolina, who").
    let holder = before.next().filter(|h| {
        place(prev)
            && !place(h)
            && h.sentence == m.sentence
            && h.span.end <= prev.span.start
            && prev.span.start - h.span.end <= PLACE_GAP
    });
    holder.map_or(prev.cluster, |h| h.cluster.or(prev.cluster))
}

/// Most bytes between a name and the place after it in one noun phrase
/// ("Sanders, the Vermont", "Crow of Texas").
const PLACE_GAP: usize = 8;

/// The most salient cluster a pronoun can refer to, if any.
fn antecedent(m: &Mention, history: &[usize], mentions: &[Mention], clusters: &[Cluster]) -> Option<usize> {
    let pronoun = m.pronoun?;
    let scores = salience(m, history, mentions, clusters.len());
    scores
        .iter()
        .filter(|&&(ci, s)| s > 0.0 && clusters.get(ci).is_some_and(|c| c.fits_pronoun(pronoun)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|&(ci, _)| ci)
}

/// The cluster `choose` picks for pronoun `m` among those named within the
/// salience window, most salient first.
fn ranked(
    m: &Mention,
    history: &[usize],
    mentions: &[Mention],
    clusters: &[Cluster],
    choose: &mut dyn Choose,
) -> Option<usize> {
    let pronoun = m.pronoun?;
    let mut scores = salience(m, history, mentions, clusters.len());
    scores.retain(|&(_, s)| s > 0.0);
    let rules = antecedent(m, history, mentions, clusters);
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut candidates: Vec<Candidate> = Vec::with_capacity(scores.len());
    let mut chosen: Vec<usize> = Vec::with_capacity(scores.len());
    let mut any_fits = false;
    let before = || {
        history.iter().rev().filter_map(|&h| mentions.get(h)).filter(|prev| prev.span.start < m.span.start)
    };
    let latest_source = before().find(|prev| prev.is_source).and_then(|prev| prev.cluster);
    for (rank, &(ci, _)) in scores.iter().enumerate() {
        let latest = before().find(|prev| prev.cluster == Some(ci));
        let source_distance = before()
            .take_while(|prev| prev.sentence + SENTENCE_WINDOW >= m.sentence)
            .find(|prev| prev.cluster == Some(ci) && prev.is_source)
            .map(|prev| usize::try_from(m.sentence.saturating_sub(prev.sentence)).unwrap_or(usize::MAX));
        let (Some(last), Some(c)) = (latest, clusters.get(ci)) else { continue };
        let fits = c.fits_pronoun(pronoun);
        any_fits |= fits;
        let cx = Context {
            rank,
            rules_choice: rules == Some(ci),
            fits,
            source_distance,
            latest_source: latest_source == Some(ci),
        };
        let mut features = Vec::new();
        rank::features(m, last, c, cx, &mut features);
        let clashes =
            c.author || matches!((pronoun, c.gender), ("he", Gender::Female) | ("she", Gender::Male));
        candidates.push(Candidate { span: last.span, features, rules_choice: cx.rules_choice, clashes });
        chosen.push(ci);
    }
    let mut none = Vec::new();
    rank::no_antecedent_features(m, candidates.len(), any_fits, &mut none);
    choose.choose(m.span, &candidates, &none).and_then(|k| chosen.get(k).copied())
}

/// Salience at mention `m` of the clusters among the first `n` that the
/// mentions in `history` (resolved, outside quoted content, before `m`)
/// within the window name: `(cluster, score)` in cluster order, clusters
/// not named there left out (their salience is zero).
fn salience(m: &Mention, history: &[usize], mentions: &[Mention], n: usize) -> Vec<(usize, f32)> {
    let mut scores: Vec<(usize, f32)> = Vec::new();
    for &h in history.iter().rev() {
        let Some(prev) = mentions.get(h) else { continue };
        if prev.paragraph + PARAGRAPH_WINDOW < m.paragraph || prev.sentence + SENTENCE_WINDOW < m.sentence {
            break;
        }
        let Some(ci) = prev.cluster.filter(|&ci| ci < n) else { continue };
        if prev.span.start >= m.span.start {
            continue;
        }
        let mut w = RECENCY;
        if prev.subject {
            w += SUBJECT;
        }
        if prev.is_source {
            w += SOURCE;
        }
        if prev.form == Form::Name {
            w += NAMED;
        }
        let sentences = m.sentence.saturating_sub(prev.sentence);
        let paragraphs = m.paragraph.saturating_sub(prev.paragraph);
        w *= SENTENCE_DECAY.powi(i32::try_from(sentences).unwrap_or(i32::MAX));
        w *= PARAGRAPH_DECAY.powi(i32::try_from(paragraphs).unwrap_or(i32::MAX));
        match scores.iter_mut().find(|(c, _)| *c == ci) {
            Some((_, s)) => *s += w,
            None => scores.push((ci, w)),
        }
    }
    scores.sort_by_key(|&(ci, _)| ci);
    scores
}
