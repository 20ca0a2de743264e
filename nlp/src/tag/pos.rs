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

    /// The tag of a word of the Universal Dependencies English treebanks,
    /// read as CoreNLP (whose tags the tagger also learns from) writes it:
    /// `to` is always `TO` (the treebanks tag the preposition `IN`), dashes,
    /// semicolons and ellipses are `:` even where they stand for a comma
    /// (`,`) and as hyphens and other non-final punctuation (`HYPH`, `NFP`),
    /// addresses (`ADD`) are nouns, affixes (`AFX`) adjectives; any other
    /// tag outside the set (`GW`, `XX`) follows the universal tag.
    #[must_use]
    pub fn from_treebank(form: &str, xpos: &str, upos: &str) -> Self {
        let tag = match xpos {
            "IN" if form.eq_ignore_ascii_case("to") => "TO",
            "," if form != "," => ":",
            _ => xpos,
        };
        if let Some(tag) = Self::parse(tag) {
            return tag;
        }
        let tag = match xpos {
            "HYPH" | "NFP" => ":",
            "ADD" => "NN",
            "AFX" => "JJ",
            _ => match upos {
                "PROPN" => "NNP",
                "VERB" | "AUX" => "VB",
                "ADJ" => "JJ",
                "ADV" => "RB",
                "NUM" => "CD",
                "PUNCT" => ":",
                "SYM" => "SYM",
                "ADP" => "IN",
                "CCONJ" => "CC",
                "DET" => "DT",
                "PRON" => "PRP",
                "INTJ" => "UH",
                "X" => "FW",
                _ => "NN",
            },
        };
        Self::parse(tag).unwrap_or_default()
    }

    /// True for any verb tag (VB, VBD, VBG, VBN, VBP, VBZ).
    #[must_use]
    pub fn is_verb(self) -> bool {
        self.as_str().starts_with("VB")
    }

    /// True for a finite verb or a modal (VBD, VBZ, VBP, MD): the verb of a
    /// clause of its own.
    #[must_use]
    pub fn is_finite(self) -> bool {
        matches!(self.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
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

    #[test]
    fn treebank_extensions_map_into_the_tag_set() {
        let tag = |w, x, u| Pos::from_treebank(w, x, u).as_str();
        assert_eq!(tag("went", "VBD", "VERB"), "VBD");
        assert_eq!(tag("-", "HYPH", "PUNCT"), ":");
        assert_eq!(tag(":)", "NFP", "PUNCT"), ":");
        assert_eq!(tag("a@b.org", "ADD", "X"), "NN");
        assert_eq!(tag("mid", "AFX", "ADJ"), "JJ");
        assert_eq!(tag("Pricing", "GW", "PROPN"), "NNP");
        assert_eq!(tag("zz", "XX", "X"), "FW");
        assert_eq!(tag("To", "IN", "ADP"), "TO");
        assert_eq!(tag("in", "IN", "ADP"), "IN");
        assert_eq!(tag(",", ",", "PUNCT"), ",");
        assert_eq!(tag("--", ",", "PUNCT"), ":");
    }
}
