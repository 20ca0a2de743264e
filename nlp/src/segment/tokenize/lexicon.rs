//! Word lists the tokenizer consults: abbreviations, sentence openers,
//! contractions, elisions and web domains. Parsed once from embedded data.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: the keys are a few bytes long, where it beats the default hasher
/// several times over, and the lists are fixed, so flooding is no concern.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FnvBuild = BuildHasherDefault<Fnv>;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Ends a sentence only before a common sentence opener ("U.S.", "Sept.").
    Plain,
    /// Stands before a name and never ends a sentence ("Mr.", "Sen.").
    Title,
    /// Is an abbreviation only before a number ("No. 1").
    Number,
    /// Ends a sentence before any capitalised word ("Calif.").
    Place,
}

/// Every list, parsed.
#[derive(Debug)]
pub struct Lexicon {
    abbreviations: HashMap<&'static str, AbbrevClass, FnvBuild>,
    starters: HashSet<&'static str, FnvBuild>,
    /// Lower-case word and the byte offset where it splits.
    contractions: Vec<(&'static str, usize)>,
    /// Bit `n` set when some contraction starts with the `n`th letter, so
    /// that most words are ruled out without a comparison.
    contraction_initials: u32,
    elisions: Vec<&'static str>,
    domains: Vec<&'static str>,
}

/// The lexicon, loaded on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The non-comment, non-blank lines of a data file.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Self {
        let abbreviations = entries(include_str!("../../../../assets/lexicons/abbreviations.txt"))
            .filter_map(|line| {
                let mut fields = line.split_whitespace();
                let word = fields.next()?;
                let class = match fields.next() {
                    Some("title") => AbbrevClass::Title,
                    Some("number") => AbbrevClass::Number,
                    Some("place") => AbbrevClass::Place,
                    _ => AbbrevClass::Plain,
                };
                Some((word, class))
            })
            .collect();
        let starters = entries(include_str!("../../../../assets/lexicons/sentence-starters.txt")).collect();
        let contractions: Vec<(&str, usize)> =
            entries(include_str!("../../../../assets/lexicons/contractions.txt"))
                .filter_map(|line| {
                    let mut fields = line.split_whitespace();
                    let word = fields.next()?;
                    let cut = fields.next()?.find('|')?;
                    Some((word, cut))
                })
                .collect();
        let contraction_initials = contractions
            .iter()
            .filter_map(|(w, _)| w.bytes().next())
            .fold(0, |mask, b| mask | initial_bit(b));
        let elisions = entries(include_str!("../../../../assets/lexicons/elisions.txt")).collect();
        let domains = entries(include_str!("../../../../assets/lexicons/domains.txt")).collect();
        Self { abbreviations, starters, contractions, contraction_initials, elisions, domains }
    }

    /// The class of `word` (without its period) when it is a listed abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        self.abbreviations.get(word).copied()
    }

    /// The class of an abbreviation written in capitals ("SEN", "ST"), found
    /// by its capitalised form ("Sen", "St").
    pub fn capitalised_abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        let bytes = word.as_bytes();
        if !(2..=8).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let mut buf = [0u8; 8];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[1..bytes.len()].make_ascii_lowercase();
        std::str::from_utf8(&buf[..bytes.len()]).ok().and_then(|w| self.abbreviation(w))
    }

    /// True when `word` often opens a sentence and is seldom part of a name.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// Where `word` splits when it is a fused form such as "cannot".
    pub fn contraction_cut(&self, word: &str) -> Option<usize> {
        let first = word.bytes().next()?;
        if self.contraction_initials & initial_bit(first) == 0 {
            return None;
        }
        self.contractions.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, cut)| cut)
    }

    /// True when `word` (after an apostrophe) is an elided word such as "’cause".
    pub fn is_elision(&self, word: &str) -> bool {
        self.elisions.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// True when `word` is a known top-level domain (lower case only).
    pub fn is_domain(&self, word: &str) -> bool {
        self.domains.contains(&word)
    }
}

/// The bit for an ASCII letter in either case; 0 for anything else.
fn initial_bit(b: u8) -> u32 {
    if b.is_ascii_alphabetic() { 1 << (b.to_ascii_lowercase() - b'a') } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_their_classes() {
        let lex = &*LEXICON;
        assert_eq!(lex.abbreviation("Mr"), Some(AbbrevClass::Title));
        assert_eq!(lex.abbreviation("Sept"), Some(AbbrevClass::Plain));
        assert_eq!(lex.abbreviation("Calif"), Some(AbbrevClass::Place));
        assert_eq!(lex.abbreviation("No"), Some(AbbrevClass::Number));
        assert_eq!(lex.abbreviation("Int’l"), Some(AbbrevClass::Plain));
        assert_eq!(lex.abbreviation("dog"), None);
        assert_eq!(lex.capitalised_abbreviation("SEN"), Some(AbbrevClass::Title));
        assert_eq!(lex.capitalised_abbreviation("Sen"), None);
        assert_eq!(lex.capitalised_abbreviation("US"), None);
        assert!(lex.is_starter("The"));
        assert!(!lex.is_starter("Senate"));
        assert_eq!(lex.contraction_cut("Cannot"), Some(3));
        assert!(lex.is_elision("CAUSE"));
        assert!(lex.is_domain("com"));
        assert!(!lex.is_domain("The"));
    }
}
