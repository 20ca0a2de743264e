//! Word wrapping with a map from text offsets to screen rows.
//!
//! ratatui's `Paragraph` wraps on its own but cannot say on which row a byte
//! of the text landed, and the reader needs exactly that to scroll to a quote
//! or a match. So the article is wrapped here once per width, into rows that
//! are byte ranges of the original text.

use unicode_segmentation::UnicodeSegmentation;

use crate::app::document::Document;
use crate::safe;

/// What a screen row of the article shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Part of the headline.
    Headline,
    /// The line under the headline: source, words, reading time.
    Meta,
    /// Space between paragraphs.
    Blank,
    /// Part of a body paragraph.
    Body,
}

/// One screen row of the wrapped article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// First byte of the text on the row; for rows without text, the start of
    /// the text that follows, so that starts never decrease.
    pub start: usize,
    /// One past the last byte drawn (trailing spaces are not drawn).
    pub end: usize,
    /// Index into the annotation's paragraphs (of the following one for rows without text).
    pub paragraph: usize,
}

/// The article wrapped at one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    /// The width the rows were made for, in columns.
    pub width: usize,
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
}

impl Wrapped {
    /// Wrap a document's headline, meta line and paragraphs to `width` columns.
    #[must_use]
    pub fn new(doc: &Document, width: usize) -> Self {
        let width = width.max(1);
        let mut rows = Vec::new();
        let mut meta_done = false;
        for (i, p) in doc.ann.paragraphs.iter().enumerate() {
            let kind = if p.headline { RowKind::Headline } else { RowKind::Body };
            if !p.headline && !meta_done {
                meta_done = true;
                for k in [RowKind::Meta, RowKind::Blank] {
                    rows.push(Row { kind: k, start: p.span.start, end: p.span.start, paragraph: i });
                }
            } else if !p.headline && !rows.is_empty() {
                rows.push(Row { kind: RowKind::Blank, start: p.span.start, end: p.span.start, paragraph: i });
            }
            wrap_span(&doc.text, p.span.start, p.span.end, width, |start, end| {
                rows.push(Row { kind, start, end, paragraph: i });
            });
        }
        if !meta_done {
            let end = doc.text.len();
            rows.push(Row { kind: RowKind::Meta, start: end, end, paragraph: doc.ann.paragraphs.len() });
        }
        Self { width, rows }
    }

    /// The row on which byte `offset` is shown (the nearest row before it when
    /// the offset falls between rows).
    #[must_use]
    pub fn row_of(&self, offset: usize) -> usize {
        self.rows.partition_point(|r| r.start <= offset).saturating_sub(1)
    }
}

/// Wrap `text[start..end]` greedily at word boundaries into rows of at most
/// `width` columns, calling `emit(row_start, row_end)` for each. Words wider
/// than a row are broken between graphemes; a line break in the text forces
/// a new row.
pub fn wrap_span(text: &str, start: usize, end: usize, width: usize, mut emit: impl FnMut(usize, usize)) {
    let width = width.max(1);
    let mut line: Option<(usize, usize)> = None;
    let mut line_w = 0;
    let mut gap_w = 0;
    let Some(body) = text.get(start..end) else { return };
    for (off, run, is_space) in runs(body) {
        let at = start + off;
        if is_space {
            if run.contains('\n') {
                if let Some((s, e)) = line.take() {
                    emit(s, e);
                }
                line_w = 0;
                gap_w = 0;
            } else if line.is_some() {
                gap_w += self::width(run);
            }
            continue;
        }
        let w = self::width(run);
        if let Some((s, _)) = line {
            if line_w + gap_w + w <= width {
                line = Some((s, at + run.len()));
                line_w += gap_w + w;
                gap_w = 0;
                continue;
            }
            if let Some((s, e)) = line.take() {
                emit(s, e);
            }
            line_w = 0;
            gap_w = 0;
        }
        if w <= width {
            line = Some((at, at + run.len()));
            line_w = w;
            continue;
        }
        for (go, g) in run.grapheme_indices(true) {
            let gw = safe::glyph(g).width;
            let g_at = at + go;
            if line.is_some() && line_w + gw > width {
                if let Some((s, e)) = line.take() {
                    emit(s, e);
                }
                line_w = 0;
            }
            let s = line.map_or(g_at, |(s, _)| s);
            line = Some((s, g_at + g.len()));
            line_w += gw;
        }
    }
    if let Some((s, e)) = line {
        emit(s, e);
    }
}

/// Split into maximal runs of white space and of everything else:
/// `(offset, run, is_space)`.
fn runs(s: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut rest = s;
    let mut off = 0;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let len = rest.find(|c: char| c.is_whitespace() != space).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(len);
        let item = (off, run, space);
        off += len;
        rest = tail;
        Some(item)
    })
}

/// Wrap a short safe string (a snippet) into at most `max_rows` rows of
/// `width` columns; text that does not fit ends with `…`.
#[must_use]
pub fn wrap_plain(s: &str, width: usize, max_rows: usize) -> Vec<String> {
    let mut rows: Vec<(usize, usize)> = Vec::new();
    wrap_span(s, 0, s.len(), width, |a, b| rows.push((a, b)));
    let cut = rows.len() > max_rows;
    rows.truncate(max_rows);
    let mut out: Vec<String> = rows.iter().map(|&(a, b)| s[a..b].to_owned()).collect();
    if cut && let Some(last) = out.last_mut() {
        *last = if self::width(last) < width { format!("{last}…") } else { self::cut(last, width) };
    }
    out
}

/// Cut `s` to `width` columns, ending with `…` when it was longer.
#[must_use]
pub fn ellipsis(s: &str, width: usize) -> String {
    if self::width(s) <= width { s.to_owned() } else { cut(s, width) }
}

/// Cut `s` so that it ends with `…` within `width` columns.
fn cut(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = safe::glyph(g).width;
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if width > 0 {
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

/// The longest start of `s` that fits in `width` columns.
#[must_use]
pub fn take_width(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = safe::glyph(g).width;
        if w + gw > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out
}

/// Columns `s` takes on screen.
#[must_use]
pub fn width(s: &str) -> usize {
    // ASCII: every character takes one column (a control shows as one replacement character
    // or a space; CR LF is one grapheme of two).
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(|g| safe::glyph(g).width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: usize) -> Vec<&str> {
        let mut out = Vec::new();
        wrap_span(text, 0, text.len(), width, |a, b| out.push(&text[a..b]));
        out
    }

    #[test]
    fn wraps_at_spaces_and_keeps_punctuation_with_words() {
        assert_eq!(rows("He said, “no deal.” Then left.", 10), ["He said,", "“no deal.”", "Then left."]);
        assert_eq!(rows("  lead and   gaps  ", 8), ["lead and", "gaps"]);
        assert_eq!(rows("one\ntwo three", 20), ["one", "two three"]);
    }

    #[test]
    fn long_words_and_wide_characters_are_broken_by_grapheme() {
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("東京都庁舎", 4), ["東京", "都庁", "舎"]);
        assert_eq!(rows("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        // Width 1 cannot hold a wide character: it still gets a row of its own.
        assert_eq!(rows("東京", 1), ["東", "京"]);
    }

    #[test]
    fn no_row_is_wider_than_asked() {
        let text = "Mixed text, with “quotes”, a URL https://example.org/a/very/long/path and 東京 too.";
        for w in 2..40 {
            for r in rows(text, w) {
                assert!(width(r) <= w, "{r:?} at {w}");
            }
        }
    }

    #[test]
    fn snippets_end_with_an_ellipsis_when_cut() {
        assert_eq!(
            wrap_plain("he welcomes US President Donald Trump", 12, 2),
            ["he welcomes", "US Presiden…"]
        );
        assert_eq!(wrap_plain("a bc de", 4, 1), ["a b…"]);
        assert_eq!(ellipsis("Charles Kupchan", 8), "Charles…");
        assert_eq!(ellipsis("short", 8), "short");
        assert_eq!(ellipsis("abc", 0), "");
    }
}
