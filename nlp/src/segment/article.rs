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

/// Most words a dateline holds before its dash ("RIVERMOUTH, Ore. (AP) —").
pub const DATELINE_WORDS: usize = 8;

/// Where a paragraph's story starts after its dateline: the index in
/// `words` (the paragraph's first words, in order) of the word after the
/// dash, when the paragraph opens with a dateline — a place in capitals,
/// a state ("Ore."), a date ("Dec. 8"), an agency in brackets, then a dash and a capitalised
/// word ("WASHINGTON (Reuters) - The …"; "NATO - the alliance - will" has
/// none).
#[must_use]
pub fn dateline_end(words: &[&str]) -> Option<usize> {
    let upper =
        |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase);
    let title = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.first().is_some_and(|w| upper(w)) {
        return None;
    }
    let limit = words.len().min(DATELINE_WORDS + 1);
    let dash = (1..limit).find(|&i| matches!(words[i], "―" | "—" | "–" | "--" | "-"))?;
    let day = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let placed =
        words[..dash].iter().all(|&w| upper(w) || title(w) || day(w) || matches!(w, "," | "(" | ")"));
    (placed && words.get(dash + 1).is_some_and(|w| title(w))).then_some(dash + 1)
}

/// [`dateline_end`] of the words a paragraph opens with, read no further
/// than a dateline can reach, without gathering them anywhere else.
#[must_use]
pub fn dateline_end_of<'w>(words: impl IntoIterator<Item = &'w str>) -> Option<usize> {
    let mut first = [""; DATELINE_WORDS + 2];
    let mut n = 0;
    for (slot, w) in first.iter_mut().zip(words) {
        *slot = w;
        n += 1;
    }
    dateline_end(&first[..n])
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
    fn a_dateline_ends_at_its_dash_before_a_capital() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert_eq!(dateline_end(&words("RIVERMOUTH , Ore. ( AP ) — Two workers")), Some(7));
        assert_eq!(dateline_end(&words("WASHINGTON - The bank")), Some(2));
        assert_eq!(dateline_end(&words("WASHINGTON , Dec. 8 ( UPI ) — In response")), Some(8));
        assert_eq!(dateline_end(&words("NATO - the alliance - will")), None);
        assert_eq!(dateline_end(&words("Officials said - Monday - that")), None);
        assert_eq!(dateline_end(&words("A B C D E F G H I J — The")), None, "too long for a dateline");
        let long = "WASHINGTON , Dec. 8 ( UPI ) — In response to the bank , officials said";
        assert_eq!(dateline_end_of(long.split(' ')), Some(8), "read only as far as a dateline reaches");
    }

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
