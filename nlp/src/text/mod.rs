//! Spans into the original text and the conversion to code-point offsets.

pub mod keys;

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original document text.
///
/// Spans are always kept on `char` boundaries; code-point offsets are only
/// computed at the JSON boundary by [`CharOffsets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers, or `""` when it does not fit `text`.
    #[must_use]
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[must_use]
    pub const fn contains(self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps between byte offsets of one text and Unicode code-point offsets.
///
/// Built once per document in O(n); each lookup is a binary search over the
/// multi-byte characters only, so ASCII-heavy news text stays cheap.
#[derive(Debug, Clone, Default)]
pub struct CharOffsets {
    /// For every multi-byte char: its byte offset, its code-point offset and
    /// its length in bytes.
    multibyte: Vec<(usize, usize, usize)>,
}

impl CharOffsets {
    /// Index the multi-byte characters of `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        for (ci, (bi, c)) in text.char_indices().enumerate() {
            let n = c.len_utf8();
            if n > 1 {
                multibyte.push((bi, ci, n));
            }
        }
        Self { multibyte }
    }

    /// Code-point offset of byte offset `byte` (a char boundary).
    #[must_use]
    pub fn chars(&self, byte: usize) -> usize {
        let k = self.multibyte.partition_point(|&(b, _, _)| b < byte);
        match k.checked_sub(1).map(|i| self.multibyte[i]) {
            None => byte,
            Some((b, c, n)) => c + 1 + (byte - b - n),
        }
    }

    /// Byte offset of code-point offset `chars`.
    #[must_use]
    pub fn bytes(&self, chars: usize) -> usize {
        let k = self.multibyte.partition_point(|&(_, c, _)| c < chars);
        match k.checked_sub(1).map(|i| self.multibyte[i]) {
            None => chars,
            Some((b, c, n)) => b + n + (chars - c - 1),
        }
    }

    /// A `[start, end]` pair of code-point offsets for a byte span.
    #[must_use]
    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.chars(span.start), self.chars(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip_on_mixed_text() {
        let text = "a “b” é€𝄞 z";
        let map = CharOffsets::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.chars(bi), ci);
            assert_eq!(map.bytes(ci), bi);
        }
        assert_eq!(map.chars(text.len()), text.chars().count());
        assert_eq!(map.bytes(text.chars().count()), text.len());
    }
}

/// True for characters that hide or reorder text: bidirectional marks,
/// embeddings, overrides and isolates, zero-width spaces and joiners,
/// invisible operators and deprecated format controls, the byte-order mark,
/// the soft hyphen, the Arabic letter mark, the Mongolian vowel separator,
/// interlinear annotation marks and tag characters. This one set serves the
/// engine, the screen and every export.
#[must_use]
pub const fn is_hidden_char(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// True for characters that must never reach a terminal or an export
/// verbatim: control characters (but tab and newline) and
/// [hidden characters](is_hidden_char).
#[must_use]
pub const fn is_unsafe_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}') || is_hidden_char(c)
}

/// Like [`is_unsafe_char`], for words the reader wrote (notes, tags): the
/// zero-width joiner and non-joiner stay, since they hold emoji sequences
/// and some scripts' words together.
#[must_use]
pub const fn is_unsafe_in_own_words(c: char) -> bool {
    !matches!(c, '\u{200c}' | '\u{200d}') && is_unsafe_char(c)
}

/// `s` without [unsafe characters](is_unsafe_char); borrowed when already clean.
#[must_use]
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    strip(s, is_unsafe_char)
}

/// The reader's own words without [unsafe characters](is_unsafe_in_own_words);
/// borrowed when already clean.
#[must_use]
pub fn sanitize_own_words(s: &str) -> std::borrow::Cow<'_, str> {
    strip(s, is_unsafe_in_own_words)
}

fn strip(s: &str, unsafe_char: fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if s.chars().any(unsafe_char) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !unsafe_char(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod sanitize_tests {
    use super::*;

    #[test]
    fn controls_bidi_and_zero_width_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31mb\u{202e}c\u{200b}d\u{9b}e\tf\n"), "a[31mbcde\tf\n");
        assert!(matches!(sanitize("clean “text”"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn soft_hyphens_format_controls_and_tag_characters_are_removed_too() {
        let hidden = "a\u{ad}b\u{61c}c\u{180e}d\u{206a}e\u{206f}f\u{e0041}g\u{2065}h";
        assert_eq!(sanitize(hidden), "abcdefgh");
        assert_eq!(sanitize_own_words(hidden), "abcdefgh");
    }

    #[test]
    fn own_words_keep_joiners_but_not_overrides_or_controls() {
        let family = "👩\u{200d}👩\u{200d}👧 \u{645}\u{200c}\u{6cc}";
        assert_eq!(sanitize_own_words(family), family);
        assert_eq!(sanitize(family), "👩👩👧 \u{645}\u{6cc}");
        assert_eq!(sanitize_own_words("a\u{202e}b\u{1b}c\u{200b}d"), "abcd");
    }
}
