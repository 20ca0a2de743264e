//! Universal part-of-speech tags from Penn Treebank tags, by a table kept
//! in `assets/lexicons/upos.tsv`: a default per tag, and the words whose
//! universal tag differs from their Penn tag's default ("that" as IN is
//! mostly SCONJ, "there" as EX is PRON). The trainer learns the table from
//! the treebanks.

use std::collections::HashMap;

use crate::tag::features::WordInfo;
use crate::tag::pos::{Pos, TAGSET};

/// The embedded table.
const TABLE: &str = include_str!("../../../assets/lexicons/upos.tsv");

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("upos table line {line}: {message}")]
pub struct UposError {
    /// The line number (from 1).
    pub line: usize,
    /// What is wrong.
    pub message: &'static str,
}

/// Penn tag (and word) to universal tag.
#[derive(Debug, Clone)]
pub struct UposTable {
    defaults: Vec<String>,
    words: HashMap<(u8, u64), String>,
}

impl UposTable {
    /// The table embedded at build time.
    ///
    /// # Errors
    /// When the embedded table is malformed (which a test rules out).
    pub fn embedded() -> Result<Self, UposError> {
        Self::parse(TABLE)
    }

    /// Read a table: `TAG<TAB>UPOS` lines give a tag's default, and
    /// `TAG<TAB>word<TAB>UPOS` lines a word's exception; `#` starts a comment.
    ///
    /// # Errors
    /// An [`UposError`] for a line of another shape or an unknown Penn tag.
    pub fn parse(text: &str) -> Result<Self, UposError> {
        let mut defaults = vec!["X".to_owned(); TAGSET.len()];
        let mut words = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let error = |message| UposError { line: i + 1, message };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let tag = Pos::parse(cols[0]).ok_or(error("unknown Penn tag"))?;
            match cols[1..] {
                [upos] => upos.clone_into(&mut defaults[usize::from(tag.0)]),
                [word, upos] => {
                    words.insert((tag.0, WordInfo::new(word).lower), upos.to_owned());
                }
                _ => return Err(error("expected TAG, UPOS or TAG, word, UPOS")),
            }
        }
        Ok(Self { defaults, words })
    }

    /// The universal tag of a word with Penn tag `tag`.
    #[must_use]
    pub fn upos(&self, word: &WordInfo, tag: Pos) -> &str {
        self.words
            .get(&(tag.0, word.lower))
            .or_else(|| self.defaults.get(usize::from(tag.0)))
            .map_or("X", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_reads_and_maps_common_tags() {
        let table = UposTable::embedded().expect("valid table");
        let tag = |t| Pos::parse(t).expect("tag");
        assert_eq!(table.upos(&WordInfo::new("house"), tag("NN")), "NOUN");
        assert_eq!(table.upos(&WordInfo::new("Paris"), tag("NNP")), "PROPN");
        assert_eq!(table.upos(&WordInfo::new("said"), tag("VBD")), "VERB");
        assert_eq!(table.upos(&WordInfo::new("."), tag(".")), "PUNCT");
    }

    #[test]
    fn exceptions_override_the_default() {
        let table = UposTable::parse("IN\tADP\nIN\tbecause\tSCONJ\n").expect("valid");
        let tag = Pos::parse("IN").expect("tag");
        assert_eq!(table.upos(&WordInfo::new("Because"), tag), "SCONJ");
        assert_eq!(table.upos(&WordInfo::new("in"), tag), "ADP");
        assert!(UposTable::parse("QQ\tNOUN\n").is_err());
        assert!(UposTable::parse("NN\n").is_err());
    }
}
