//! The Penn Treebank part-of-speech tag set, as a compact index.

/// Every tag the tagger can emit, in a fixed order (the index is the [`Pos`]).
pub const TAGSET: [&str; 45] = [
    "NN", "IN", "NNP", "DT", "JJ", "NNS", ",", ".", "VBD", "RB", "PRP", "VB", "CC", "VBZ", "TO", "VBG",
    "VBN", "VBP", "''", "CD", "PRP$", "``", "MD", "POS", ":", "WP", "WDT", "NNPS", "WRB", "RP", "JJR", "JJS",
    "RBR", "-RRB-", "-LRB-", "EX", "$", "RBS", "PDT", "UH", "WP$", "FW", "LS", "SYM", "#",
];

/// A part-of-speech tag: an index into [`TAGSET`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pos(pub u8);

impl Pos {
    /// The tag's name ("NNP", "VBD", ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        TAGSET.get(usize::from(self.0)).copied().unwrap_or("NN")
    }

    /// The tag with this name, if it is in the tag set.
    #[must_use]
    pub fn parse(tag: &str) -> Option<Self> {
        TAGSET.iter().position(|t| *t == tag).and_then(|i| u8::try_from(i).ok()).map(Pos)
    }

    /// True for any verb tag (VB, VBD, VBG, VBN, VBP, VBZ).
    #[must_use]
    pub fn is_verb(self) -> bool {
        self.as_str().starts_with("VB")
    }

    /// True for proper nouns (NNP, NNPS).
    #[must_use]
    pub fn is_proper_noun(self) -> bool {
        self.as_str().starts_with("NNP")
    }

    /// True for any noun tag.
    #[must_use]
    pub fn is_noun(self) -> bool {
        self.as_str().starts_with("NN")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_round_trips() {
        for tag in TAGSET {
            assert_eq!(Pos::parse(tag).map(Pos::as_str), Some(tag));
        }
        assert_eq!(Pos::parse("XYZ"), None);
    }
}
