//! Gazetteers: lists of countries, cities, regions, organisations,
//! nationalities, job titles and personal names, matched against tokens.
//!
//! Every list is a data file under `assets/`; the build script compiles them
//! into one lookup table that is embedded in the binary and read back once.
//! An entry is split into words as the tokenizer splits text (possessive
//! "'s" and a trailing comma apart, hyphenated words whole), and each word is reduced to a
//! [`WordKey`](crate::text::keys::WordKey) (lower case, no periods), so "U.S."
//! matches the entry "US". Capitalisation is checked per word of the entry:
//! a lower-case word in the entry matches any case, a capitalised one needs
//! a capital in the text ("Turkey" the country, not "turkey" the bird), and
//! an acronym of up to three letters must be all capitals ("US", not "us").
//!
//! Matching is longest-first and left-to-right within each kind of list,
//! and the kinds are independent: "New York Times" marks an organisation
//! and, on its first two words, a city and a state too. The learned tagger
//! weighs the overlaps.
//!
//! The given-name list also says which sex most bearers of each name share
//! ([`given_name_sex`]), a cue for resolving "he" and "she".

mod flags;
mod sex;
// The writing half of the table is used by the build script only.
#[allow(dead_code)]
mod table;

use std::sync::OnceLock;

pub use flags::GazFlags;
pub use sex::{Sex, given_name_sex};
use table::{Kind, Table};

use crate::annotation::{Entity, EntityLabel, Token};
use crate::text::Span;
use crate::text::keys::{self, EMPTY_KEY, WordKey};

/// The lookup table, built from `assets/` by the build script.
const TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// The flags for the first word of a match of `kind` and for the words after it.
const fn flags_of(kind: Kind) -> (GazFlags, GazFlags) {
    match kind {
        Kind::Country => (GazFlags::COUNTRY_BEGIN, GazFlags::COUNTRY_INSIDE),
        Kind::City => (GazFlags::CITY_BEGIN, GazFlags::CITY_INSIDE),
        Kind::Region => (GazFlags::REGION_BEGIN, GazFlags::REGION_INSIDE),
        Kind::Org => (GazFlags::ORG_BEGIN, GazFlags::ORG_INSIDE),
        Kind::Nationality => (GazFlags::NATIONALITY_BEGIN, GazFlags::NATIONALITY_INSIDE),
        Kind::Title => (GazFlags::TITLE_BEGIN, GazFlags::TITLE_INSIDE),
        Kind::GivenName => (GazFlags::GIVEN_NAME, GazFlags::GIVEN_NAME),
        Kind::Surname => (GazFlags::SURNAME, GazFlags::SURNAME),
        Kind::OrgKeyword => (GazFlags::ORG_KEYWORD, GazFlags::ORG_KEYWORD),
        Kind::TitleModifier => (GazFlags::TITLE_MODIFIER, GazFlags::TITLE_MODIFIER),
    }
}

/// The embedded gazetteers, ready to mark tokens.
#[derive(Debug, Default)]
pub struct Gazetteer {
    table: Table,
}

impl Gazetteer {
    /// The embedded gazetteer, loaded once per process.
    #[must_use]
    pub fn embedded() -> &'static Self {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(Self::load)
    }

    /// Load a fresh copy of the embedded gazetteer (what [`Gazetteer::embedded`]
    /// does once); empty if the embedded table is damaged.
    #[must_use]
    pub fn load() -> Self {
        Self { table: Table::from_bytes(TABLE).unwrap_or_default() }
    }

    /// Number of distinct word sequences known (entries and their prefixes).
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.nodes.len()
    }

    /// True when no list was loaded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.table.nodes.is_empty()
    }

    /// Replace `out` with one [`GazFlags`] per token of `tokens`.
    pub fn mark(&self, text: &str, tokens: &[Token], out: &mut Vec<GazFlags>) {
        let keys: Vec<WordKey> = tokens.iter().map(|t| keys::word_key(t.span.slice(text))).collect();
        self.mark_keys(&keys, out);
    }

    /// [`Gazetteer::mark`] for tokens whose keys are already computed.
    pub fn mark_keys(&self, keys: &[WordKey], out: &mut Vec<GazFlags>) {
        out.clear();
        out.resize(keys.len(), GazFlags::EMPTY);
        // Per kind: the first token not yet inside a match of that kind.
        let mut free = [0usize; Kind::ALL.len()];
        for start in 0..keys.len() {
            let mut longest = [0usize; Kind::ALL.len()];
            let mut found = 0u16;
            let mut key = 0;
            for (n, wk) in keys[start..keys.len().min(start + self.table.max_words)].iter().enumerate() {
                if wk.hash == EMPTY_KEY {
                    break;
                }
                key = keys::extend(key, wk.hash);
                let Some(node) = self.table.nodes.get(&key) else { break };
                let mut at = node.first;
                while let Some(c) = self.table.completions.get(at as usize) {
                    if case_fits(c.required, &keys[start..=start + n]) {
                        found |= c.kinds;
                        for kind in Kind::ALL {
                            if c.kinds & kind.bit() != 0 {
                                longest[kind as usize] = n + 1;
                            }
                        }
                    }
                    at = c.next;
                }
                if node.longer == 0 {
                    break;
                }
            }
            if found == 0 {
                continue;
            }
            for kind in Kind::ALL {
                let k = kind as usize;
                if found & kind.bit() == 0 || start < free[k] {
                    continue;
                }
                let (begin, inside) = flags_of(kind);
                out[start].insert(begin);
                for flags in &mut out[start + 1..start + longest[k]] {
                    flags.insert(inside);
                }
                free[k] = start + longest[k];
            }
        }
        extend_titles(out);
    }
}

/// True when every word of the text is capitalised at least as the entry demands.
fn case_fits(required: u32, keys: &[WordKey]) -> bool {
    keys.iter().enumerate().all(|(i, wk)| (wk.case as u32) >= (required >> (2 * i)) & 3)
}

/// Let a title take in the modifiers right before it ("deputy foreign minister").
fn extend_titles(flags: &mut [GazFlags]) {
    let in_title = GazFlags::TITLE_BEGIN | GazFlags::TITLE_INSIDE;
    for i in 1..flags.len() {
        if !flags[i].contains(GazFlags::TITLE_BEGIN) {
            continue;
        }
        let mut start = i;
        while start > 0
            && flags[start - 1].contains(GazFlags::TITLE_MODIFIER)
            && !flags[start - 1].intersects(in_title)
        {
            start -= 1;
        }
        if start < i {
            flags[i].remove(GazFlags::TITLE_BEGIN);
            flags[i].insert(GazFlags::TITLE_INSIDE);
            flags[start].insert(GazFlags::TITLE_BEGIN);
            for f in &mut flags[start + 1..i] {
                f.insert(GazFlags::TITLE_INSIDE);
            }
        }
    }
}

/// The job titles among `tokens`, as [`EntityLabel::Title`] entities, from
/// flags already computed by [`Gazetteer::mark`].
#[must_use]
pub fn title_entities(tokens: &[Token], flags: &[GazFlags]) -> Vec<Entity> {
    let n = tokens.len().min(flags.len());
    GazFlags::runs(&flags[..n], GazFlags::TITLE_BEGIN, GazFlags::TITLE_INSIDE)
        .into_iter()
        .map(|r| Entity {
            span: Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end),
            label: EntityLabel::Title,
            tokens: r,
            speaker: None,
            entity: 0,
        })
        .collect()
}

/// The job titles in `tokens` ("Secretary of State", "special envoy"), using
/// the embedded gazetteer.
#[must_use]
pub fn titles(text: &str, tokens: &[Token]) -> Vec<Entity> {
    let mut flags = Vec::new();
    Gazetteer::embedded().mark(text, tokens, &mut flags);
    title_entities(tokens, &flags)
}

#[cfg(test)]
mod tests;
