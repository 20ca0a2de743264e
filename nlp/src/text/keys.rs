//! Word keys shared by the gazetteers and the rules: a 64-bit hash of a
//! word's normalised spelling plus its capitalisation, and the reading of
//! the line-oriented data files in `assets/`.
//!
//! Normalisation lower-cases, maps curly apostrophes to `'` and drops
//! periods, so "U.S." and "US", "Inc." and "Inc", "Xi’an" and "Xi'an" share
//! a key; capitalisation is kept apart in [`Case`] so that callers decide
//! how strict to be.

/// The key of a word with no letters or digits left after normalisation
/// (a lone period); it never matches a lexicon entry.
pub const EMPTY_KEY: u64 = 0;

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Case {
    /// Starts with a lower-case letter or a symbol ("of", "iPhone").
    #[default]
    Lower = 0,
    /// Starts with a capital or a digit and has lower-case letters ("Paris", "McDonald").
    Capitalised = 1,
    /// No lower-case letters at all ("NATO", "U.S.", "3M").
    Upper = 2,
}

/// A word's normalised hash and capitalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct WordKey {
    /// Hash of the normalised spelling; [`EMPTY_KEY`] when nothing is left.
    pub hash: u64,
    /// How the word is capitalised.
    pub case: Case,
}

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Murmur's 64-bit finaliser: spreads every input bit over the output so the
/// hash map can use any bits of the key.
const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[inline]
const fn feed(h: u64, byte: u8) -> u64 {
    (h.rotate_left(5) ^ byte as u64).wrapping_mul(MULTIPLIER)
}

/// The key of one word (a token's text or a word of a lexicon entry).
#[must_use]
#[inline]
pub fn word_key(word: &str) -> WordKey {
    let (key, _) = classify(word);
    key
}

/// The capitalisation a word of a lexicon entry demands of the text:
/// lower-case entry words match any case, capitalised ones need a capital,
/// and acronyms of up to three letters ("US", "MIT") must be in capitals.
#[must_use]
pub fn required_case(entry_word: &str) -> Case {
    entry_key(entry_word).1
}

/// The key of a word of a lexicon entry and the case it demands (see [`required_case`]).
#[must_use]
pub fn entry_key(entry_word: &str) -> (u64, Case) {
    let (key, letters) = classify(entry_word);
    let required = match key.case {
        Case::Upper if letters > 3 => Case::Capitalised,
        case => case,
    };
    (key.hash, required)
}

/// The word's key and its number of letters.
fn classify(word: &str) -> (WordKey, usize) {
    if word.is_ascii() { classify_ascii(word.as_bytes()) } else { classify_unicode(word) }
}

/// The common case, byte by byte.
fn classify_ascii(word: &[u8]) -> (WordKey, usize) {
    let mut h: u64 = 0;
    let mut first = None;
    let (mut lower, mut upper, mut letters) = (false, false, 0);
    for &b in word {
        if b == b'.' {
            continue;
        }
        first.get_or_insert(b);
        lower |= b.is_ascii_lowercase();
        upper |= b.is_ascii_uppercase() || b.is_ascii_digit();
        letters += usize::from(b.is_ascii_alphabetic());
        let b = if b == b'`' { b'\'' } else { b.to_ascii_lowercase() };
        h = feed(h, b);
    }
    let Some(first) = first else { return (WordKey::default(), 0) };
    let capital = first.is_ascii_uppercase() || first.is_ascii_digit();
    (WordKey { hash: finish(h) | 1, case: case_of(lower, upper, capital) }, letters)
}

/// Any other word: Unicode case mapping, curly apostrophes as straight ones.
fn classify_unicode(word: &str) -> (WordKey, usize) {
    let mut h: u64 = 0;
    let mut first = None;
    let (mut lower, mut upper, mut letters) = (false, false, 0);
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if c == '.' {
            continue;
        }
        first.get_or_insert(c);
        lower |= c.is_lowercase();
        upper |= c.is_uppercase() || c.is_numeric();
        letters += usize::from(c.is_alphabetic());
        if matches!(c, '`' | '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            h = feed(h, b'\'');
            continue;
        }
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                h = feed(h, b);
            }
        }
    }
    let Some(first) = first else { return (WordKey::default(), 0) };
    let capital = first.is_uppercase() || first.is_numeric();
    (WordKey { hash: finish(h) | 1, case: case_of(lower, upper, capital) }, letters)
}

const fn case_of(lower: bool, upper: bool, capital: bool) -> Case {
    if !lower && upper {
        Case::Upper
    } else if capital {
        Case::Capitalised
    } else {
        Case::Lower
    }
}

/// Combine the key of a word sequence so far with the next word's key.
#[must_use]
#[inline]
pub const fn extend(sequence: u64, word: u64) -> u64 {
    finish(sequence.rotate_left(23) ^ word.wrapping_mul(MULTIPLIER)) | 1
}

/// The entries of a data file: non-empty lines not starting with `#`,
/// each cut at its first tab (the remaining columns are for people and tools).
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().filter_map(|line| {
        let first = line.split('\t').next().unwrap_or("").trim();
        (!first.is_empty() && !first.starts_with('#')).then_some(first)
    })
}

/// The rows of a data file split into tab-separated columns, comments and
/// blank lines skipped.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

/// Split a lexicon entry into words the way the tokenizer splits text:
/// at spaces, with a trailing comma and a possessive "'s" as words of their own.
pub fn split_entry<'a>(entry: &'a str, out: &mut Vec<&'a str>) {
    out.clear();
    for piece in entry.split_whitespace() {
        let (piece, comma) = match piece.strip_suffix(',') {
            Some(p) if !p.is_empty() => (p, true),
            _ => (piece, false),
        };
        let possessive = ["'s", "\u{2019}s"]
            .iter()
            .find_map(|s| piece.strip_suffix(s).filter(|p| !p.is_empty()).map(|p| (p, &piece[p.len()..])));
        match possessive {
            Some((stem, suffix)) => {
                out.push(stem);
                out.push(suffix);
            }
            None => out.push(piece),
        }
        if comma {
            out.push(",");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_periods_and_apostrophe_style() {
        assert_eq!(word_key("U.S.").hash, word_key("us").hash);
        assert_eq!(word_key("Xi’an").hash, word_key("xi'an").hash);
        assert_eq!(word_key("PARIS").hash, word_key("Paris").hash);
        assert_ne!(word_key("Paris").hash, word_key("Parish").hash);
        assert_eq!(word_key(".").hash, EMPTY_KEY);
        assert_eq!(word_key("Évian").hash, word_key("évian").hash);
    }

    #[test]
    fn case_classes() {
        assert_eq!(word_key("NATO").case, Case::Upper);
        assert_eq!(word_key("U.S.").case, Case::Upper);
        assert_eq!(word_key("McDonald").case, Case::Capitalised);
        assert_eq!(word_key("Élysée").case, Case::Capitalised);
        assert_eq!(word_key("of").case, Case::Lower);
        assert_eq!(required_case("NATO"), Case::Capitalised);
        assert_eq!(required_case("US"), Case::Upper);
        assert_eq!(required_case("president"), Case::Lower);
    }

    #[test]
    fn sequences_depend_on_order() {
        let a = word_key("New").hash;
        let b = word_key("York").hash;
        assert_ne!(extend(extend(0, a), b), extend(extend(0, b), a));
    }

    #[test]
    fn entries_are_split_like_text() {
        let mut words = Vec::new();
        split_entry("People's Bank of China", &mut words);
        assert_eq!(words, ["People", "'s", "Bank", "of", "China"]);
        split_entry("Washington, D.C.", &mut words);
        assert_eq!(words, ["Washington", ",", "D.C."]);
    }

    #[test]
    fn data_lines_skip_comments_and_extra_columns() {
        let data = "# header\nParis\tFR\t2000000\n\n  \nLyon\n";
        assert_eq!(entries(data).collect::<Vec<_>>(), ["Paris", "Lyon"]);
        assert_eq!(rows(data).next(), Some(vec!["Paris", "FR", "2000000"]));
    }
}
