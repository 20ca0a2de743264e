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

/// Split a plain-text article into paragraphs: one per non-blank line.
/// The first non-empty line is the headline when body text follows it.
#[must_use]
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
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
}
