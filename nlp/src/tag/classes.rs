//! Word classes: groups of words used alike in running text ("Tuesday",
//! "Friday"; "announced", "warned"), learned by `sayso-train clusters` and
//! kept in `assets/lexicons/word-clusters.tsv` at two sizes. The parser and
//! its tagger read them, so that what they learned about a word carries
//! over to the words that keep its company, and to words the treebanks
//! never show.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::tag::features::WordInfo;
use crate::tag::hash::PrehashedHasher;

/// The embedded table.
const TABLE: &str = include_str!("../../../assets/lexicons/word-clusters.tsv");

/// A word's classes, coarse then fine, each + 1 (0: the word has none).
pub type Classes = (u16, u16);

type Map = HashMap<u64, Classes, BuildHasherDefault<PrehashedHasher>>;

/// Read a table: `word<TAB>coarse<TAB>fine` lines (classes from 0), `#`
/// comments. The first line for a word counts; a line of another shape
/// is an error, with its number.
///
/// # Errors
/// The number (from 1) of the first malformed line.
fn parse(text: &str) -> Result<Map, usize> {
    let mut map = Map::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(word), Some(coarse), Some(fine), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(i + 1);
        };
        let class = |s: &str| s.parse::<u16>().ok().filter(|&c| c < u16::MAX).map(|c| c + 1);
        let (Some(coarse), Some(fine)) = (class(coarse), class(fine)) else { return Err(i + 1) };
        map.entry(WordInfo::new(word).lower).or_insert((coarse, fine));
    }
    Ok(map)
}

fn table() -> &'static Map {
    static TABLE_MAP: OnceLock<Map> = OnceLock::new();
    TABLE_MAP.get_or_init(|| parse(TABLE).unwrap_or_default())
}

/// The classes of `word`; `(0, 0)` for a word the table does not hold,
/// and `(u16::MAX, u16::MAX)` for the padding beyond a sentence's edge.
#[must_use]
pub fn of(word: &WordInfo) -> Classes {
    if word.lower == crate::tag::features::PAD {
        return (u16::MAX, u16::MAX);
    }
    table().get(&word.lower).copied().unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_reads_whole() {
        let map = parse(TABLE).expect("a well-formed table");
        assert!(map.len() > 1000, "{} words", map.len());
    }

    #[test]
    fn words_find_their_classes_whatever_their_case_and_digits() {
        let map = parse("# words\nfriday\t3\t40\n0000\t5\t7\nfriday\t9\t9\n").expect("table");
        let of = |w: &str| map.get(&WordInfo::new(w).lower).copied();
        assert_eq!(of("Friday"), Some((4, 41)), "the first line for a word counts");
        assert_eq!(of("2019"), Some((6, 8)));
        assert_eq!(of("Saturday"), None);
        assert_eq!(parse("friday\t3\n"), Err(1));
        assert_eq!(parse("# c\nfriday\tx\t3\n"), Err(2));
    }
}
