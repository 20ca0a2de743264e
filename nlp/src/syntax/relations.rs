//! The Universal Dependencies relation set the parser predicts.
//!
//! Relations are the 37 universal ones, without language-specific subtypes
//! (`nmod:poss` is predicted as `nmod`): the CoNLL 2018 evaluation compares
//! relations without their subtype too.

/// The universal dependency relations, in a fixed order (the index is the [`Relation`]).
pub const RELATIONS: [&str; 37] = [
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "case",
    "cc",
    "ccomp",
    "clf",
    "compound",
    "conj",
    "cop",
    "csubj",
    "dep",
    "det",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nsubj",
    "nummod",
    "obj",
    "obl",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// A dependency relation: an index into [`RELATIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Relation(pub u8);

impl Relation {
    /// The relation of a sentence's root word.
    pub const ROOT: Self = Self(34);
    /// The catch-all relation, given when a label is unknown.
    pub const DEP: Self = Self(14);

    /// The relation's name ("nsubj", "obj", ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        RELATIONS.get(usize::from(self.0)).copied().unwrap_or("dep")
    }

    /// The relation named `label`, ignoring any subtype after a colon
    /// (`nsubj:pass` is `nsubj`); `None` when it is not a universal relation.
    #[must_use]
    pub fn parse(label: &str) -> Option<Self> {
        let base = label.split(':').next().unwrap_or(label);
        RELATIONS.iter().position(|r| *r == base).and_then(|i| u8::try_from(i).ok()).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_subtypes_fold() {
        for name in RELATIONS {
            assert_eq!(Relation::parse(name).map(Relation::as_str), Some(name));
        }
        assert_eq!(Relation::parse("nmod:poss"), Relation::parse("nmod"));
        assert_eq!(Relation::ROOT.as_str(), "root");
        assert_eq!(Relation::DEP.as_str(), "dep");
        assert_eq!(Relation::parse("subject"), None);
        assert_eq!(Relation::parse(""), None);
    }
}
