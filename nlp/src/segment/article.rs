//! Plain-text article layout: headline and paragraphs.

use crate::text::Span;

/// A paragraph of a plain-text article: its span and whether it is the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The paragraph's text, without surrounding whitespace or line breaks.
    pub span: Span,
    /// True for the headline.
    pub headline: bool,
}

/// Whether `c` ends a line: LF, CR (alone, as old Mac files have it, or in
/// CRLF), and Unicode's line and paragraph separators (U+2028, U+2029).
#[must_use]
pub const fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Split a plain-text article into paragraphs: one per non-blank line, a
/// line ending at any [`is_line_break`].
/// The first non-empty line is the headline when body text follows it.
#[must_use]
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive(is_line_break) {
        let start = offset;
        offset += line.len();
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if body.is_empty() {
            continue;
        }
        let s = start + lead;
        out.push(Block { span: Span::new(s, s + body.len()), headline: false });
    }
    if out.len() > 1 {
        out[0].headline = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_headline_only_when_body_follows() {
        let text = "\n  Title here \n\nBody one.\r\nBody two.";
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        assert!(b[0].headline);
        assert_eq!(b[0].span.slice(text), "Title here");
        assert_eq!(b[1].span.slice(text), "Body one.");
        assert_eq!(b[2].span.slice(text), "Body two.");
        assert!(!blocks("Only a line.")[0].headline);
    }

    #[test]
    fn cr_and_unicode_separators_end_lines() {
        let spans = |text: &'static str| -> Vec<&'static str> {
            blocks(text).iter().map(|b| b.span.slice(text)).collect()
        };
        let expected = vec!["Title", "Body one.", "Body two."];
        assert_eq!(spans("Title\r\rBody one.\rBody two.\r"), expected);
        assert_eq!(spans("Title\u{2029}Body one.\u{2029}Body two."), expected);
        assert_eq!(spans("Title\u{2028}Body one.\u{2028}\u{2028}Body two."), expected);
        assert_eq!(spans("Title\r\n\r\nBody one.\r\nBody two.\r\n"), expected);
    }
}
