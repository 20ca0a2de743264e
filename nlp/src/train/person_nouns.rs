//! Nouns that name a person ("midfielder", "curator"), learned from gold
//! annotations, for the descriptions speaker resolution reads ("the
//! midfielder said", "Striker Emeka Obi").
//!
//! Two kinds of evidence, each from a corpus annotated by people:
//! - GUM's mentions: a singular common noun heading mentions of people who
//!   are also named or called "he" or "she" elsewhere in the document (so
//!   a crowd or a family, people too in GUM, does not count);
//! - CoNLL-2003's names: a lower-case singular noun just before a person's
//!   name, as news writes "striker Alan Shearer", in sentences with a
//!   verb (a score table's "Akram st Stewart" is no prose).
//!
//! A noun is kept when enough of its uses are such evidence (see
//! [`NounSettings`]), and the treebanks' gold tags do not make it mostly
//! something else (CoNLL-2003's tags come from a tagger, which now and then
//! makes a noun of "beat" in "Agassi beat Sampras").

use std::collections::{BTreeMap, HashSet};

use crate::train::gum;
use crate::train::silver::SilverDoc;

/// How often a noun was seen, and how often as a person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// GUM mentions it heads, as a singular noun.
    pub mentions: u32,
    /// Of those, mentions of a person named or called he or she elsewhere.
    pub people: u32,
    /// Lower-case singular uses in CoNLL-2003 outside any name.
    pub uses: u32,
    /// Of those, uses just before a person's name.
    pub before_names: u32,
    /// Uses of the lower-cased word in the treebanks.
    pub treebank_uses: u32,
    /// Of those, uses tagged as a noun.
    pub treebank_nouns: u32,
}

/// The evidence of every noun, by lower-cased word.
pub type Evidence = BTreeMap<String, Counts>;

/// When the evidence is enough.
#[derive(Debug, Clone, Copy)]
pub struct NounSettings {
    /// Fewest GUM person mentions, and their least share of the noun's mentions.
    pub min_people: u32,
    /// Least share of a noun's GUM mentions that are of people.
    pub people_share: f64,
    /// Fewest uses before a name in CoNLL-2003.
    pub min_before_names: u32,
    /// Least share of a noun's CoNLL-2003 uses that come before a name.
    pub before_share: f64,
}

impl Default for NounSettings {
    fn default() -> Self {
        Self { min_people: 3, people_share: 0.8, min_before_names: 3, before_share: 0.3 }
    }
}

/// Pronouns that tell a person of one sex.
const HE_OR_SHE: [&str; 8] = ["he", "him", "his", "himself", "she", "her", "hers", "herself"];

/// One mention of a GUM document: entity, type, and its head word's form
/// and tags when the head is inside the mention.
struct Mention<'a> {
    entity: String,
    kind: String,
    head: Option<[&'a str; 10]>,
    one_word: Option<&'a str>,
}

/// Count the evidence of GUM CoNLL-U text (see the module documentation).
pub fn count_gum(data: &str, evidence: &mut Evidence) {
    let mut document: Vec<Mention<'_>> = Vec::new();
    for s in gum::sentences(data) {
        if s.document.is_some() {
            count_document(&document, evidence);
            document.clear();
        }
        for (opened, end) in s.mentions {
            let inside = |w: &[&str; 10]| w[6].parse::<usize>().is_ok_and(|h| h > opened.start && h <= end);
            let words = s.words.get(opened.start..end).unwrap_or(&[]);
            let heads: Vec<&[&str; 10]> = words.iter().filter(|w| !inside(w)).collect();
            let head = if let [h] = heads[..] { Some(*h) } else { None };
            let one_word = if let [w] = words { Some(w[1]) } else { None };
            document.push(Mention { entity: opened.id, kind: opened.kind, head, one_word });
        }
    }
    count_document(&document, evidence);
}

/// The evidence of one GUM document's mentions.
fn count_document(mentions: &[Mention<'_>], evidence: &mut Evidence) {
    // Entities named somewhere, or called he or she.
    let known: HashSet<&str> = mentions
        .iter()
        .filter(|m| {
            m.head.is_some_and(|h| h[3] == "PROPN")
                || m.one_word.is_some_and(|w| HE_OR_SHE.contains(&w.to_lowercase().as_str()))
        })
        .map(|m| m.entity.as_str())
        .collect();
    for m in mentions {
        // Written in lower case: a name the annotators tagged as a noun is no noun.
        let Some(head) = m.head.filter(|h| h[4] == "NN" && !h[1].chars().any(char::is_uppercase)) else {
            continue;
        };
        let counts = evidence.entry(head[1].to_lowercase()).or_default();
        counts.mentions += 1;
        if m.kind == "person" && known.contains(m.entity.as_str()) {
            counts.people += 1;
        }
    }
}

/// Count the evidence of CoNLL-2003 documents (gold entities, treebank tags).
pub fn count_conll(docs: &[SilverDoc], evidence: &mut Evidence) {
    let person = crate::entities::ner::TYPES.iter().position(|&t| t == crate::EntityLabel::Person);
    for doc in docs {
        // Prose only: score tables ("Akram st Stewart") have no verb.
        let prose = |i: usize| {
            doc.sentences.iter().find(|s| s.contains(&i)).is_some_and(|s| {
                s.contains(&(i + 1))
                    && doc.pos.get(s.clone()).is_some_and(|t| t.iter().any(|p| p.as_str().starts_with("VB")))
            })
        };
        for (i, token) in doc.tokens.iter().enumerate() {
            let word = token.span.slice(&doc.text);
            let singular = doc.pos.get(i).is_some_and(|p| p.as_str() == "NN");
            let lower = word.chars().all(|c| !c.is_uppercase());
            if !singular || !lower || doc.entity.get(i).copied().flatten().is_some() || !prose(i) {
                continue;
            }
            let counts = evidence.entry(word.to_owned()).or_default();
            counts.uses += 1;
            let name_follows = doc.entity.get(i + 1).copied().flatten().is_some_and(|e| Some(e) == person)
                && doc.begins.get(i + 1).copied().unwrap_or(true);
            if name_follows {
                counts.before_names += 1;
            }
        }
    }
}

/// Count how often each word of the treebanks' sentences (gold Penn tags)
/// is a noun.
pub fn count_treebank(sentences: &[crate::syntax::conllu::Sentence], evidence: &mut Evidence) {
    for s in sentences {
        for cols in s.words() {
            let counts = evidence.entry(cols[1].to_lowercase()).or_default();
            counts.treebank_uses += 1;
            if cols[4].starts_with("NN") {
                counts.treebank_nouns += 1;
            }
        }
    }
}

/// True when `part` of `whole` reaches `share`.
fn reaches(part: u32, whole: u32, share: f64) -> bool {
    whole > 0 && f64::from(part) >= share * f64::from(whole)
}

/// The nouns whose evidence is enough, in alphabetical order.
#[must_use]
pub fn learn(evidence: &Evidence, settings: NounSettings) -> Vec<&str> {
    evidence
        .iter()
        .filter(|(_, c)| c.treebank_uses < 2 || 2 * c.treebank_nouns >= c.treebank_uses)
        .filter(|(_, c)| {
            (c.people >= settings.min_people && reaches(c.people, c.mentions, settings.people_share))
                || (c.before_names >= settings.min_before_names
                    && reaches(c.before_names, c.uses, settings.before_share))
        })
        .map(|(w, _)| w.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GUM-style sentence: (form, upos, xpos, head, entity field).
    fn conllu(doc: &str, words: &[(&str, &str, &str, usize, &str)]) -> String {
        let mut out = format!("# newdoc id = {doc}\n");
        for (i, (form, upos, xpos, head, entity)) in words.iter().enumerate() {
            let misc = if entity.is_empty() { "_".to_owned() } else { format!("Entity={entity}") };
            out.push_str(&format!("{}\t{form}\t{form}\t{upos}\t{xpos}\t_\t{head}\tdep\t_\t{misc}\n", i + 1));
        }
        out.push('\n');
        out
    }

    #[test]
    fn gum_counts_nouns_of_people_named_elsewhere_but_not_crowds() {
        // "the curator" is Ana (named); "the crowd" is a person entity never named.
        let mut data = conllu(
            "a",
            &[
                ("Ana", "PROPN", "NNP", 2, "(1-person-new)"),
                ("spoke", "VERB", "VBD", 0, ""),
                (".", "PUNCT", ".", 2, ""),
            ],
        );
        data.push_str(&conllu(
            "a2",
            &[
                ("Ana", "PROPN", "NNP", 2, "(1-person-new)"),
                ("smiled", "VERB", "VBD", 0, ""),
                ("and", "CCONJ", "CC", 5, ""),
                ("the", "DET", "DT", 5, "(1-person-giv"),
                ("curator", "NOUN", "NN", 2, "1)"),
                ("saw", "VERB", "VBD", 2, ""),
                ("the", "DET", "DT", 8, "(2-person-new"),
                ("crowd", "NOUN", "NN", 6, "2)"),
            ],
        ));
        let mut evidence = Evidence::new();
        count_gum(&data, &mut evidence);
        assert_eq!(evidence["curator"], Counts { mentions: 1, people: 1, ..Counts::default() });
        assert_eq!(evidence["crowd"], Counts { mentions: 1, people: 0, ..Counts::default() });
        assert!(!evidence.contains_key("ana"), "names are not nouns");
    }

    #[test]
    fn the_evidence_must_be_enough_and_most_of_the_uses() {
        let mut evidence = Evidence::new();
        evidence.insert("striker".into(), Counts { uses: 5, before_names: 4, ..Counts::default() });
        evidence.insert("time".into(), Counts { uses: 100, before_names: 4, ..Counts::default() });
        evidence.insert("poet".into(), Counts { mentions: 3, people: 3, ..Counts::default() });
        evidence.insert("idea".into(), Counts { mentions: 2, people: 2, ..Counts::default() });
        let verb =
            Counts { uses: 7, before_names: 6, treebank_uses: 20, treebank_nouns: 2, ..Counts::default() };
        evidence.insert("beat".into(), verb);
        assert_eq!(learn(&evidence, NounSettings::default()), vec!["poet", "striker"]);
    }
}
