//! Per-token feature hashes shared by the taggers: word forms, affixes and shapes.

use crate::annotation::Token;
use crate::tag::hash::{finish, hash_bytes, mix};

/// Hashes describing one token's surface, computed once per token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// The token exactly as written (digits folded).
    pub exact: u64,
    /// The token lower-cased (digits folded).
    pub lower: u64,
    /// Collapsed character-class shape ("Xx", "X.X.", "d,d").
    pub shape: u64,
    /// Lower-cased suffixes of 1..=4 characters.
    pub suffix: [u64; 4],
    /// Lower-cased prefixes of 1..=3 characters.
    pub prefix: [u64; 3],
    /// Surface flags, see the `IS_*` constants.
    pub flags: u8,
}

/// The token starts with an upper-case letter.
pub const IS_TITLE: u8 = 1;
/// Every letter of the token is upper-case (and there is more than one).
pub const IS_UPPER: u8 = 2;
/// The token contains a digit.
pub const HAS_DIGIT: u8 = 4;
/// The token contains no letter or digit.
pub const IS_PUNCT: u8 = 8;
/// The token has a hyphen inside.
pub const HAS_HYPHEN: u8 = 16;

const SEED_EXACT: u64 = 0x11;
const SEED_LOWER: u64 = 0x22;
const SEED_SHAPE: u64 = 0x33;
const SEED_SUFFIX: u64 = 0x44;
const SEED_PREFIX: u64 = 0x55;

/// Longest token prefix (in bytes) read for word-form features.
const MAX_WORD: usize = 48;

/// Hash of the padding word used beyond sentence edges.
pub const PAD: u64 = 0x5A5A_5A5A_0000_0001;

impl WordInfo {
    /// Describe `word`.
    #[must_use]
    pub fn new(word: &str) -> Self {
        let mut exact = [0u8; MAX_WORD];
        let mut lower = [0u8; MAX_WORD];
        let mut shape = [0u8; MAX_WORD];
        let (mut ne, mut nl, mut ns) = (0, 0, 0);
        let mut flags = IS_PUNCT;
        let (mut letters, mut uppers) = (0, 0);
        let mut last_class = 0u8;
        let mut char_ends = [0usize; MAX_WORD];
        let mut n_chars = 0;
        for (i, c) in word.char_indices() {
            let class = if c.is_uppercase() {
                letters += 1;
                uppers += 1;
                if i == 0 {
                    flags |= IS_TITLE;
                }
                b'X'
            } else if c.is_alphabetic() {
                letters += 1;
                b'x'
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
                b'd'
            } else {
                if c == '-' && i > 0 {
                    flags |= HAS_HYPHEN;
                }
                // Normalise the many apostrophes and dashes to one form each.
                match c {
                    '\u{2019}' | '\u{2018}' | '\'' => b'\'',
                    '\u{2013}' | '\u{2014}' | '-' => b'-',
                    _ if c.is_ascii() => c as u8,
                    _ => b'*',
                }
            };
            if class != last_class && ns < MAX_WORD {
                shape[ns] = class;
                ns += 1;
            }
            last_class = class;
            if c.is_alphanumeric() {
                flags &= !IS_PUNCT;
            }
            // Digits fold to 0, curly apostrophes to straight ones, and
            // the quotation marks of other languages to English ones.
            let folded = match c {
                '0'..='9' => '0',
                '\u{2019}' => '\'',
                '«' | '„' => '“',
                '»' => '”',
                _ => c,
            };
            let low_c = folded.to_lowercase().next().unwrap_or(folded);
            if ne + folded.len_utf8() > MAX_WORD || nl + low_c.len_utf8() > MAX_WORD {
                break;
            }
            ne += folded.encode_utf8(&mut exact[ne..]).len();
            nl += low_c.encode_utf8(&mut lower[nl..]).len();
            if n_chars < MAX_WORD {
                char_ends[n_chars] = nl;
                n_chars += 1;
            }
        }
        if letters > 1 && uppers == letters {
            flags |= IS_UPPER;
        }
        let lower_bytes = &lower[..nl];
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = if n_chars > k + 1 { char_ends[n_chars - k - 2] } else { 0 };
            *s = hash_bytes(SEED_SUFFIX + k as u64, &lower_bytes[start..]);
        }
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            let end = char_ends[k.min(n_chars.saturating_sub(1))];
            *p = hash_bytes(SEED_PREFIX + k as u64, &lower_bytes[..end.min(nl)]);
        }
        Self {
            exact: hash_bytes(SEED_EXACT, &exact[..ne]),
            lower: hash_bytes(SEED_LOWER, lower_bytes),
            shape: hash_bytes(SEED_SHAPE, &shape[..ns]),
            suffix,
            prefix,
            flags,
        }
    }

    /// The info of the padding token beyond a sentence edge.
    #[must_use]
    pub const fn pad() -> Self {
        Self { exact: PAD, lower: PAD, shape: PAD, suffix: [PAD; 4], prefix: [PAD; 3], flags: 0 }
    }

    /// True when the flag is set.
    #[must_use]
    pub const fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Describe every token of `text`.
#[must_use]
pub fn word_infos(text: &str, tokens: &[Token]) -> Vec<WordInfo> {
    tokens.iter().map(|t| WordInfo::new(t.span.slice(text))).collect()
}

/// A feature key: template id combined with one value hash.
#[inline]
#[must_use]
pub const fn feat(template: u64, value: u64) -> u64 {
    finish(mix(template.wrapping_mul(0x0100_0000_01B3), value))
}

/// A feature key: template id combined with two value hashes.
#[inline]
#[must_use]
pub const fn feat2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(template.wrapping_mul(0x0100_0000_01B3), a), b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_affixes_and_shapes() {
        let a = WordInfo::new("Kupchan");
        let b = WordInfo::new("kupchan");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.exact, b.exact);
        assert!(a.has(IS_TITLE) && !b.has(IS_TITLE));
        assert_eq!(WordInfo::new("Putin").shape, a.shape);
        assert_ne!(WordInfo::new("U.S.").shape, a.shape);
        assert_eq!(WordInfo::new("walked").suffix[1], WordInfo::new("talked").suffix[1]);
        assert_eq!(WordInfo::new("2022").exact, WordInfo::new("1999").exact);
        assert!(WordInfo::new("NATO").has(IS_UPPER));
        assert!(WordInfo::new("—").has(IS_PUNCT));
        assert_eq!(WordInfo::new("n’t").lower, WordInfo::new("n't").lower);
        // Very long and odd tokens are still described without panicking.
        let long = "ß".repeat(100) + "İ";
        let _ = WordInfo::new(&long);
        let _ = WordInfo::new("");
    }
}
