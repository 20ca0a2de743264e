//! Text safety: what an article's characters become on the screen.
//!
//! Article text comes from anywhere. Control characters could move the cursor
//! or change colours, bidi overrides could reorder what is shown, and
//! zero-width characters could hide words; none of them reaches the terminal.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// What one grapheme of the article looks like on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph<'a> {
    /// The characters to draw (empty when nothing is drawn).
    pub text: Cow<'a, str>,
    /// Columns the grapheme takes.
    pub width: usize,
}

/// Characters dropped because they are invisible or reorder text: the
/// engine's one set, shared with every export.
const fn is_invisible(c: char) -> bool {
    sayso_nlp::text::is_hidden_char(c)
}

/// True when the character is drawn as is.
fn is_plain(c: char) -> bool {
    !c.is_control() && !is_invisible(c)
}

/// The safe form of one grapheme: tabs and line breaks become a space, other
/// control characters the replacement character, invisible characters nothing.
#[must_use]
pub fn glyph(g: &str) -> Glyph<'_> {
    if g.chars().all(is_plain) {
        return Glyph { text: Cow::Borrowed(g), width: g.width() };
    }
    let mut s = String::with_capacity(g.len());
    for c in g.chars() {
        match c {
            '\t' | '\n' | '\r' => s.push(' '),
            c if c.is_control() => s.push('\u{fffd}'),
            c if is_invisible(c) => {}
            c => s.push(c),
        }
    }
    let width = s.width();
    Glyph { text: Cow::Owned(s), width }
}

/// A whole string made safe, with runs of white space folded to one space
/// (for names and snippets in lists).
#[must_use]
pub fn line(s: &str) -> String {
    fold(s, is_invisible)
}

/// Words the reader wrote (a note, tags) made safe as [`line`] does, but
/// keeping the zero-width joiner and non-joiner that hold emoji sequences
/// and some scripts' words together.
#[must_use]
pub fn own_line(s: &str) -> String {
    fold(s, |c| !matches!(c, '\u{200c}' | '\u{200d}') && is_invisible(c))
}

fn fold(s: &str, is_invisible: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if c.is_control() { '\u{fffd}' } else { c });
    }
    out
}

/// Words shown as a quotation: in curly double quotes, once. Quotation
/// marks the words already have around them are not doubled, and double
/// quotes inside become single ones, as a quotation within a quotation is
/// written.
#[must_use]
pub fn in_quotes(words: &str) -> String {
    const OPEN: [char; 4] = ['“', '"', '«', '„'];
    const CLOSE: [char; 4] = ['”', '"', '»', '“'];
    let w = words.trim();
    // Marks around the words go only as a pair: a closing mark alone ends
    // a quotation inside them.
    let w = w.strip_prefix(OPEN).map_or(w, |rest| rest.strip_suffix(CLOSE).unwrap_or(rest));
    // Single marks, as some papers quote, go only when both are there
    // ("'Tis" keeps its apostrophe).
    let w = w
        .strip_prefix(['\'', '‘', '‹'])
        .and_then(|rest| rest.strip_suffix(['\'', '’', '›']))
        .filter(|inner| !inner.trim().is_empty())
        .unwrap_or(w);
    let inner: String = w
        .trim()
        .chars()
        .map(|c| match c {
            '“' | '„' => '‘',
            '”' => '’',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_zero_width_never_pass() {
        let evil = "a\u{1b}[31mb\u{202e}c\u{200b}d\u{2066}e\u{7}f\u{feff}g\u{0085}h";
        let shown = line(evil);
        assert_eq!(shown, "a\u{fffd}[31mbcde\u{fffd}fg h");
        assert!(shown.chars().all(|c| !c.is_control() && !is_invisible(c)));
        assert_eq!(glyph("\u{202e}"), Glyph { text: Cow::Owned(String::new()), width: 0 });
        assert_eq!(glyph("\t").text, " ");
        assert_eq!(glyph("\u{1b}").width, 1);
    }

    #[test]
    fn ordinary_text_is_borrowed_with_its_width() {
        let g = glyph("界");
        assert!(matches!(g.text, Cow::Borrowed(_)));
        assert_eq!(g.width, 2);
        assert_eq!(glyph("é").width, 1);
        assert_eq!(line("  two\n  lines\t "), "two lines");
    }

    #[test]
    fn quotations_are_never_nested_in_double_quotes() {
        assert_eq!(in_quotes("We need more time,"), "“We need more time,”");
        assert_eq!(in_quotes(" “We need more time,” "), "“We need more time,”");
        assert_eq!(in_quotes("“We need time,” he said, “now.”"), "“We need time,’ he said, ‘now.”");
        assert_eq!(in_quotes("the “new” pier"), "“the ‘new’ pier”");
        assert_eq!(in_quotes("the talks as “productive,”"), "“the talks as ‘productive,’”");
        assert_eq!(in_quotes("\"plain\""), "“plain”");
        assert_eq!(in_quotes("'We need a deal,'"), "“We need a deal,”");
        assert_eq!(in_quotes("‘We need a deal,’"), "“We need a deal,”");
        assert_eq!(in_quotes("'Tis the season"), "“'Tis the season”");
    }

    #[test]
    fn the_readers_own_words_keep_their_joiners() {
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(own_line(&format!("{family}\u{202e} \u{1b}x")), format!("{family} \u{fffd}x"));
        assert_eq!(line(family), "👩👩👧");
        assert_eq!(line("soft\u{ad}hyphen\u{e0041}"), "softhyphen");
    }
}
