//! The gazetteer's lookup table: every entry's word sequence, hashed word by
//! word, with the kinds of list it completes or begins. The build script
//! fills it from the files in `assets/` and stores it in a compact binary
//! form, so the engine only has to read it back when it starts.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::keys::{self, EMPTY_KEY};

/// The longest entry, in words, that the gazetteer keeps.
pub const MAX_WORDS: usize = 16;

/// The kinds of list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Countries.
    Country,
    /// Cities.
    City,
    /// US states, continents and other regions.
    Region,
    /// Organisations.
    Org,
    /// Nationalities and other group adjectives.
    Nationality,
    /// Job titles.
    Title,
    /// Given names.
    GivenName,
    /// Surnames.
    Surname,
    /// Words that name or end organisations.
    OrgKeyword,
    /// Words that may extend a title.
    TitleModifier,
}

impl Kind {
    /// Every kind, in bit order.
    pub const ALL: [Self; 10] = [
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

    /// The kind's bit in a kind mask.
    #[must_use]
    pub const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Keys are already well mixed by [`lexicon`]; hashing them again is waste.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

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

/// A map keyed by word-sequence hashes.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// One word sequence that starts or completes some entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node {
    /// Kinds with a longer entry beginning with this sequence.
    pub longer: u16,
    /// First of the entries ending here, an index into `completions`, or [`NONE`].
    pub first: u32,
}

/// Entries of some kinds that end at a node and share a case requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// Mask of [`Kind::bit`]s.
    pub kinds: u16,
    /// Two bits per word: the [`keys::Case`] the text must have at least.
    pub required: u32,
    /// Next completion of the same node, or [`NONE`].
    pub next: u32,
}

/// No completion.
pub const NONE: u32 = u32::MAX;

/// The lookup table.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Word-sequence hash to node.
    pub nodes: KeyMap<Node>,
    /// Completions, linked from the nodes.
    pub completions: Vec<Completion>,
    /// Words in the longest entry.
    pub max_words: usize,
}

const MAGIC: &[u8; 4] = b"SGAZ";
const VERSION: u32 = 1;
const NODE_BYTES: usize = 14;
const COMPLETION_BYTES: usize = 10;

impl Table {
    /// Add every entry of a list (first column of each line) as `kind`.
    pub fn add_list(&mut self, data: &str, kind: Kind) {
        let mut words = Vec::with_capacity(MAX_WORDS);
        for entry in keys::entries(data) {
            keys::split_entry(entry, &mut words);
            self.insert(&words, kind);
        }
    }

    /// Add hand-written places whose second column names the kind
    /// (`country`, `city`, anything else a region).
    pub fn add_places(&mut self, data: &str) {
        let mut words = Vec::with_capacity(MAX_WORDS);
        for row in keys::rows(data) {
            let kind = match row.get(1).copied() {
                Some("country") => Kind::Country,
                Some("city") => Kind::City,
                _ => Kind::Region,
            };
            keys::split_entry(row.first().copied().unwrap_or(""), &mut words);
            self.insert(&words, kind);
        }
    }

    /// Add one entry, already split into words.
    pub fn insert(&mut self, words: &[&str], kind: Kind) {
        if words.is_empty() || words.len() > MAX_WORDS {
            return;
        }
        let mut key = 0;
        let mut required = 0u32;
        for (i, word) in words.iter().enumerate() {
            let (hash, case) = keys::entry_key(word);
            if hash == EMPTY_KEY {
                return;
            }
            key = keys::extend(key, hash);
            required |= (case as u32) << (2 * i);
            let node = self.nodes.entry(key).or_insert(Node { longer: 0, first: NONE });
            if i + 1 < words.len() {
                node.longer |= kind.bit();
                continue;
            }
            let mut at = node.first;
            while let Some(c) = self.completions.get_mut(at as usize) {
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

    /// The table as bytes: a header, then nodes sorted by key, then completions.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut nodes: Vec<(&u64, &Node)> = self.nodes.iter().collect();
        nodes.sort_unstable_by_key(|(k, _)| **k);
        let mut out =
            Vec::with_capacity(20 + nodes.len() * NODE_BYTES + self.completions.len() * COMPLETION_BYTES);
        out.extend_from_slice(MAGIC);
        for n in [VERSION, self.max_words as u32, nodes.len() as u32, self.completions.len() as u32] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for (key, node) in nodes {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&node.longer.to_le_bytes());
            out.extend_from_slice(&node.first.to_le_bytes());
        }
        for c in &self.completions {
            out.extend_from_slice(&c.kinds.to_le_bytes());
            out.extend_from_slice(&c.required.to_le_bytes());
            out.extend_from_slice(&c.next.to_le_bytes());
        }
        out
    }

    /// Read a table written by [`Table::to_bytes`]; `None` when the bytes are
    /// not such a table.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let header = bytes.get(..20)?;
        if &header[..4] != MAGIC {
            return None;
        }
        let word = |i: usize| {
            header.get(4 + 4 * i..8 + 4 * i).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes)
        };
        let (version, max_words, n_nodes, n_completions) = (word(0)?, word(1)?, word(2)?, word(3)?);
        let (n_nodes, n_completions) = (n_nodes as usize, n_completions as usize);
        let nodes_end = 20 + n_nodes * NODE_BYTES;
        if version != VERSION || bytes.len() != nodes_end + n_completions * COMPLETION_BYTES {
            return None;
        }
        let mut nodes = KeyMap::with_capacity_and_hasher(n_nodes, BuildHasherDefault::default());
        for rec in bytes[20..nodes_end].chunks_exact(NODE_BYTES) {
            let (key, rest) = rec.split_at(8);
            let (longer, first) = rest.split_at(2);
            nodes.insert(
                u64::from_le_bytes(key.try_into().ok()?),
                Node {
                    longer: u16::from_le_bytes(longer.try_into().ok()?),
                    first: u32::from_le_bytes(first.try_into().ok()?),
                },
            );
        }
        let mut completions = Vec::with_capacity(n_completions);
        for rec in bytes[nodes_end..].chunks_exact(COMPLETION_BYTES) {
            let (kinds, rest) = rec.split_at(2);
            let (required, next) = rest.split_at(4);
            completions.push(Completion {
                kinds: u16::from_le_bytes(kinds.try_into().ok()?),
                required: u32::from_le_bytes(required.try_into().ok()?),
                next: u32::from_le_bytes(next.try_into().ok()?),
            });
        }
        Some(Self { nodes, completions, max_words: max_words as usize })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Table {
        let mut table = Table::default();
        table.add_list("# name\nNew York\tUS\nParis\nUS\n", Kind::City);
        table.add_list("president\nvice president\n", Kind::Title);
        table.add_places("Gaza Strip\tregion\nHolland\tcountry\n");
        table
    }

    #[test]
    fn prefixes_and_completions_are_recorded() {
        let table = small();
        // New, New York, Paris, US, president, vice, vice president, Gaza, Gaza Strip, Holland
        assert_eq!(table.nodes.len(), 10);
        assert_eq!(table.max_words, 2);
        let new = keys::extend(0, keys::word_key("new").hash);
        let node = table.nodes[&new];
        assert_eq!(node.longer, Kind::City.bit());
        assert_eq!(node.first, NONE);
    }

    #[test]
    fn bytes_round_trip() {
        let table = small();
        let bytes = table.to_bytes();
        assert_eq!(Table::from_bytes(&bytes), Some(table));
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let bytes = small().to_bytes();
        assert_eq!(Table::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Table::from_bytes(b"XGAZ"), None);
        let mut wrong = bytes;
        wrong[0] = b'X';
        assert_eq!(Table::from_bytes(&wrong), None);
    }
}
