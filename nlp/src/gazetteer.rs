//! Gazetteers: lists of countries, cities, regions, organisations,
//! nationalities, job titles and personal names, matched against tokens.
//!
//! Every list is a data file under `assets/` embedded at build time. An entry
//! is split into words like text is tokenised, and each word is reduced to a
//! [`WordKey`](crate::lexicon::WordKey) (lower case, no periods), so "U.S."
//! matches the entry "US". Capitalisation is checked per word of the entry:
//! a lower-case word in the entry matches any case, a capitalised one needs
//! a capital in the text ("Turkey" the country, not "turkey" the bird), and
//! an acronym of up to three letters must be all capitals ("US", not "us").
//!
//! Matching is longest-first and left-to-right within each kind of list,
//! and the kinds are independent: "New York Times" marks an organisation
//! and, on its first two words, a city and a state too. The learned tagger
//! weighs the overlaps.

mod flags;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub use flags::GazFlags;

use crate::annotation::{Entity, EntityLabel, Token};
use crate::lexicon::{self, EMPTY_KEY, WordKey};
use crate::text::Span;

/// The longest entry, in words, that the gazetteer keeps.
const MAX_WORDS: usize = 16;

/// The kinds of list; each maps to a begin and an inside flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country,
    City,
    Region,
    Org,
    Nationality,
    Title,
    GivenName,
    Surname,
    OrgKeyword,
    TitleModifier,
}

impl Kind {
    const ALL: [Self; 10] = [
        Self::Country,
        Self::City,
        Self::Region,
        Self::Org,
        Self::Nationality,
        Self::Title,
        Self::GivenName,
        Self::Surname,
        Self::OrgKeyword,
        Self::TitleModifier,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The flags for the first word of a match and for the words after it.
    const fn flags(self) -> (GazFlags, GazFlags) {
        match self {
            Self::Country => (GazFlags::COUNTRY_BEGIN, GazFlags::COUNTRY_INSIDE),
            Self::City => (GazFlags::CITY_BEGIN, GazFlags::CITY_INSIDE),
            Self::Region => (GazFlags::REGION_BEGIN, GazFlags::REGION_INSIDE),
            Self::Org => (GazFlags::ORG_BEGIN, GazFlags::ORG_INSIDE),
            Self::Nationality => (GazFlags::NATIONALITY_BEGIN, GazFlags::NATIONALITY_INSIDE),
            Self::Title => (GazFlags::TITLE_BEGIN, GazFlags::TITLE_INSIDE),
            Self::GivenName => (GazFlags::GIVEN_NAME, GazFlags::GIVEN_NAME),
            Self::Surname => (GazFlags::SURNAME, GazFlags::SURNAME),
            Self::OrgKeyword => (GazFlags::ORG_KEYWORD, GazFlags::ORG_KEYWORD),
            Self::TitleModifier => (GazFlags::TITLE_MODIFIER, GazFlags::TITLE_MODIFIER),
        }
    }
}

/// The embedded lists and the kind each one feeds.
const SOURCES: [(&str, Kind); 13] = [
    (include_str!("../../assets/gazetteers/countries.tsv"), Kind::Country),
    (include_str!("../../assets/gazetteers/cities.tsv"), Kind::City),
    (include_str!("../../assets/gazetteers/us-states.tsv"), Kind::Region),
    (include_str!("../../assets/gazetteers/continents.tsv"), Kind::Region),
    (include_str!("../../assets/gazetteers/companies.tsv"), Kind::Org),
    (include_str!("../../assets/gazetteers/given-names.tsv"), Kind::GivenName),
    (include_str!("../../assets/gazetteers/surnames.tsv"), Kind::Surname),
    (include_str!("../../assets/gazetteers/org-suffixes.tsv"), Kind::OrgKeyword),
    (include_str!("../../assets/lexicons/organisations.txt"), Kind::Org),
    (include_str!("../../assets/lexicons/org-keywords.txt"), Kind::OrgKeyword),
    (include_str!("../../assets/lexicons/demonyms.tsv"), Kind::Nationality),
    (include_str!("../../assets/lexicons/titles.txt"), Kind::Title),
    (include_str!("../../assets/lexicons/title-modifiers.txt"), Kind::TitleModifier),
];

/// Hand-written places whose second column says the kind.
const PLACES: &str = include_str!("../../assets/lexicons/places.tsv");

/// Keys are already well mixed by [`lexicon`]; hashing them again is waste.
#[derive(Debug, Default, Clone, Copy)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// One word sequence that starts or completes some entries.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Kinds with a longer entry beginning with this sequence.
    longer: u16,
    /// First of the entries ending here, an index into `completions`.
    first: u32,
}

/// Entries of some kinds that end at a node and share a case requirement.
#[derive(Debug, Clone, Copy)]
struct Completion {
    kinds: u16,
    /// Two bits per word: the [`Case`] the text must have at least.
    required: u32,
    /// Next completion of the same node, or `NONE`.
    next: u32,
}

const NONE: u32 = u32::MAX;

/// The embedded gazetteers, ready to mark tokens.
#[derive(Debug)]
pub struct Gazetteer {
    nodes: KeyMap<Node>,
    completions: Vec<Completion>,
    max_words: usize,
}

impl Gazetteer {
    /// The gazetteer built from the embedded lists, once per process.
    #[must_use]
    pub fn embedded() -> &'static Self {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| Self::from_sources(&SOURCES, PLACES))
    }

    fn from_sources(sources: &[(&str, Kind)], places: &str) -> Self {
        let lines: usize = sources.iter().map(|(data, _)| data.len() / 16).sum();
        let mut gaz = Self {
            nodes: KeyMap::with_capacity_and_hasher(lines + lines / 4, BuildHasherDefault::default()),
            completions: Vec::with_capacity(lines),
            max_words: 0,
        };
        let mut words = Vec::with_capacity(MAX_WORDS);
        for &(data, kind) in sources {
            for entry in lexicon::entries(data) {
                lexicon::split_entry(entry, &mut words);
                gaz.insert(&words, kind);
            }
        }
        for row in lexicon::rows(places) {
            let kind = match row.get(1).copied() {
                Some("country") => Kind::Country,
                Some("city") => Kind::City,
                _ => Kind::Region,
            };
            lexicon::split_entry(row[0], &mut words);
            gaz.insert(&words, kind);
        }
        gaz
    }

    fn insert(&mut self, words: &[&str], kind: Kind) {
        if words.is_empty() || words.len() > MAX_WORDS {
            return;
        }
        let mut key = 0;
        let mut required = 0u32;
        for (i, word) in words.iter().enumerate() {
            let (hash, case) = lexicon::entry_key(word);
            if hash == EMPTY_KEY {
                return;
            }
            key = lexicon::extend(key, hash);
            required |= (case as u32) << (2 * i);
            let node = self.nodes.entry(key).or_insert(Node { longer: 0, first: NONE });
            if i + 1 < words.len() {
                node.longer |= kind.bit();
                continue;
            }
            let mut at = node.first;
            while at != NONE {
                let c = &mut self.completions[at as usize];
                if c.required == required {
                    c.kinds |= kind.bit();
                    return;
                }
                at = c.next;
            }
            let index = u32::try_from(self.completions.len()).unwrap_or(NONE);
            self.completions.push(Completion { kinds: kind.bit(), required, next: node.first });
            node.first = index;
        }
        self.max_words = self.max_words.max(words.len());
    }

    /// Number of distinct word sequences known (entries and their prefixes).
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when no list was loaded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Replace `out` with one [`GazFlags`] per token of `tokens`.
    pub fn mark(&self, text: &str, tokens: &[Token], out: &mut Vec<GazFlags>) {
        let keys: Vec<WordKey> = tokens.iter().map(|t| lexicon::word_key(t.span.slice(text))).collect();
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
            for (n, wk) in keys[start..keys.len().min(start + self.max_words)].iter().enumerate() {
                if wk.hash == EMPTY_KEY {
                    break;
                }
                key = lexicon::extend(key, wk.hash);
                let Some(node) = self.nodes.get(&key) else { break };
                let mut at = node.first;
                while let Some(c) = self.completions.get(at as usize) {
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
                let (begin, inside) = kind.flags();
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
    let mut out = Vec::new();
    let n = tokens.len().min(flags.len());
    let mut i = 0;
    while i < n {
        if !flags[i].contains(GazFlags::TITLE_BEGIN) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n
            && flags[end].contains(GazFlags::TITLE_INSIDE)
            && !flags[end].contains(GazFlags::TITLE_BEGIN)
        {
            end += 1;
        }
        out.push(Entity {
            span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
            label: EntityLabel::Title,
            tokens: i..end,
            speaker: None,
        });
        i = end;
    }
    out
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
