//! Word lists the tokenizer consults: abbreviations, sentence openers,
//! contractions, elisions and web domains. Parsed once from embedded data.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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
    abbreviations: HashMap<&'static str, AbbrevClass>,
    starters: HashSet<&'static str>,
    /// Lower-case word and the byte offset where it splits.
    contractions: Vec<(&'static str, usize)>,
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
        let abbreviations = entries(include_str!("../../../assets/lexicons/abbreviations.txt"))
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
        let starters = entries(include_str!("../../../assets/lexicons/sentence-starters.txt")).collect();
        let contractions = entries(include_str!("../../../assets/lexicons/contractions.txt"))
            .filter_map(|line| {
                let mut fields = line.split_whitespace();
                let word = fields.next()?;
                let cut = fields.next()?.find('|')?;
                Some((word, cut))
            })
            .collect();
        let elisions = entries(include_str!("../../../assets/lexicons/elisions.txt")).collect();
        let domains = entries(include_str!("../../../assets/lexicons/domains.txt")).collect();
        Self { abbreviations, starters, contractions, elisions, domains }
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
