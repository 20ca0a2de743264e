//! Speaker resolution: merge the sources of all attributions, and the names
//! around them, into one speaker per real-world source.
//!
//! Names are grouped first ("Donald Trump", "Trump"); then, in text order,
//! each description joins the most salient cluster whose roles and modifiers
//! it fits ("The Russian president" → the cluster titled "Russian
//! President"), and each pronoun joins the most salient compatible cluster
//! mentioned outside quoted content — a name inside a quote's content is
//! never its speaker. Clusters that said something become speakers.
//!
//! The entity recogniser's boundaries are taken as they come: job titles
//! marked by the gazetteer ("President", "special envoy") join the name
//! after them as roles, a nationality or organisation in front of a title
//! is its modifier, an organisation's name is its whole entity, and a
//! person's name cut at a particle ("Ursula von" + "der Leyen") is rejoined.

mod affiliation;
mod cluster;
mod collect;
mod doc;
mod lexicon;
mod mention;
mod rank;
mod salience;
mod speakers;
#[cfg(test)]
mod tests;

use crate::annotation::Annotation;
use crate::text::Span;

pub use doc::token_range;
pub use rank::{Candidate, Choose, ModelChoice, RulesChoice, RulesThenModel};

/// True when `word` is a noun for someone or something that can report
/// ("official", "spokeswoman", "company", "report"; plurals too), as the
/// referring-words lexicon lists them.
#[must_use]
pub fn names_a_reporter(word: &str) -> bool {
    lexicon::lexicon().noun(word).is_some()
}

/// True when `word` ends the name of a business ("Inc.", "Pharmaceuticals",
/// "Robotics"), as the referring-words lexicon lists them.
#[must_use]
pub fn ends_a_business_name(word: &str) -> bool {
    mention::with_normal(word, |w| lexicon::lexicon().is(w, lexicon::Class::Business))
}

/// True when `word` is a noun for a business ("company", "retailer",
/// "maker"), as the referring-words lexicon marks them.
#[must_use]
pub fn names_a_business(word: &str) -> bool {
    organisation_noun(word).is_some_and(|e| e.flag == lexicon::Flag::AnyBusiness)
}

/// True when `word` is a noun for an organisation ("union", "party",
/// "company"), as the referring-words lexicon lists them.
#[must_use]
pub fn names_an_organisation(word: &str) -> bool {
    organisation_noun(word).is_some()
}

fn organisation_noun(word: &str) -> Option<lexicon::Entry> {
    mention::with_normal(word, |w| lexicon::lexicon().get(w, lexicon::Class::Org))
}

/// Fill `ann.speakers` from the sources of `ann.quotes`, set each quote's
/// `speaker`, and set `speaker` on the entity mentions of each speaker. A
/// quote whose source is a document or publication ("the report said") is
/// written, whatever its cue.
///
/// Needs tokens, tags, sentences, paragraphs, entities and quotes; leaves
/// them as they are. Spans that do not fit `text` are ignored.
pub fn resolve(text: &str, ann: &mut Annotation) {
    // Only what changes is kept while the mentions are alive: on very long
    // texts a slot for every quote and entity would cost megabytes.
    let (speakers, quote_speakers, entity_speakers) = {
        let doc = doc::Doc::new(text, ann);
        let mut clusters = Vec::new();
        let mut mentions = collect::collect(&doc, &mut clusters, &[]);
        salience::resolve(&mut mentions.list, &mut clusters, None);
        let (speakers, index) = speakers::speakers(&doc, &mentions, &clusters);
        let speaker_of = |m: u32| {
            let cluster = mentions.list.get(m as usize).and_then(|m| m.cluster);
            cluster.and_then(|ci| index.get(ci).copied().flatten())
        };
        let quote_speakers: Vec<(u32, Option<usize>, bool)> = mentions
            .quotes
            .iter()
            .map(|&(m, q)| {
                let written =
                    mentions.list.get(m as usize).is_some_and(|m| m.animacy == mention::Animacy::Document);
                (q, speaker_of(m), written)
            })
            .collect();
        let entity_speakers: Vec<(u32, usize)> =
            mentions.entities.iter().filter_map(|&(m, e)| Some((e, speaker_of(m)?))).collect();
        (speakers, quote_speakers, entity_speakers)
    };
    ann.speakers = speakers;
    for q in &mut ann.quotes {
        q.speaker = None;
    }
    for e in &mut ann.entities {
        e.speaker = None;
    }
    for (q, speaker, written) in quote_speakers {
        if let Some(q) = ann.quotes.get_mut(q as usize) {
            q.speaker = speaker;
            if written {
                q.act = crate::annotation::Act::Wrote;
            }
        }
    }
    for (e, speaker) in entity_speakers {
        if let Some(e) = ann.entities.get_mut(e as usize) {
            e.speaker = Some(speaker);
        }
    }
}

/// Resolve the mentions at `probes` (pronouns, descriptions) along with
/// every mention speaker resolution gathers, and give for each probe its
/// antecedent: the latest mention before it, outside quoted content, of
/// the cluster it joined (`None` when it joined none, or started one).
/// `choose` picks pronoun antecedents instead of the rules when given.
/// Leaves `ann` as it is; this is how resolution is measured against gold.
pub fn antecedents(
    text: &str,
    ann: &Annotation,
    probes: &[Span],
    choose: Option<&mut dyn Choose>,
) -> Vec<Option<Span>> {
    let doc = doc::Doc::new(text, ann);
    let mut clusters = Vec::new();
    let mut mentions = collect::collect(&doc, &mut clusters, probes);
    salience::resolve(&mut mentions.list, &mut clusters, choose);
    let mut out = vec![None; probes.len()];
    for &(at, pi) in &mentions.probes {
        let at = at as usize;
        let Some(ci) = mentions.list.get(at).and_then(|m| m.cluster) else { continue };
        let latest = clusters
            .get(ci)
            .into_iter()
            .flat_map(|c| c.mentions.iter().copied())
            .filter(|&i| i < at)
            .filter_map(|i| mentions.list.get(i).map(|m| (i, m)))
            .filter(|(_, m)| !m.in_content || m.is_source)
            .max_by_key(|&(i, _)| i);
        if let (Some(slot), Some((_, m))) = (out.get_mut(pi as usize), latest) {
            *slot = Some(m.span);
        }
    }
    out
}
