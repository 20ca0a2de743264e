//! The article pane: headline, meta line, and paragraphs with entities,
//! attributions, matches and gutter marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};
use sayso_nlp::Span;
use unicode_segmentation::UnicodeSegmentation;

use super::safe;
use super::theme::Theme;
use super::wrap::{Row, RowKind};
use crate::app::document::Document;
use crate::app::state::{Pane, State};

/// The mark beside rows of attributed words.
const GUTTER: &str = "▌";
/// The margin mark of the current sentence's rows, without colour.
const CURRENT: &str = "›";
/// The mark at the end of a row where a note begins.
const NOTED: &str = "✎";

/// Draw the article pane.
pub fn render(state: &State, doc: &Document, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let area = state.areas.article.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let focused = state.focus == Pane::Article;
    Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(" Article ", theme.title(focused)))
        .render(area, buf);
    let text = state.areas.text.intersection(buf.area);
    if text.is_empty() {
        return;
    }
    let first = state.scroll;
    let rows = state.wrapped.rows.get(first..).unwrap_or(&[]);
    let mut styler = Styler::new(state, doc, rows.first().map_or(0, |r| r.start));
    for (y, row) in (text.y..text.bottom()).zip(rows) {
        match row.kind {
            RowKind::Blank => {}
            RowKind::Meta => {
                let meta = format!(
                    "{} · {} words · {} min read",
                    safe::line(&doc.origin),
                    doc.words,
                    doc.reading_minutes()
                );
                let meta = super::wrap::ellipsis(&meta, usize::from(text.width));
                buf.set_stringn(text.x, y, meta, usize::from(text.width), theme.faint());
            }
            RowKind::Headline | RowKind::Body => {
                let base = if row.kind == RowKind::Headline {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                };
                draw_row(buf, text, y, &doc.text, row, base, &mut styler);
                if styler.noted(row) && text.right() < area.right().saturating_sub(1) {
                    buf.set_string(text.right(), y, NOTED, Style::new().fg(theme.accent));
                }
                // Without colour, the current sentence is marked in the margin.
                if theme.plain
                    && styler
                        .sentence
                        .is_some_and(|s| s.start < row.end.max(row.start + 1) && row.start < s.end)
                    && text.x > area.x + 1
                {
                    buf.set_string(text.x - 1, y, CURRENT, Style::new().add_modifier(Modifier::BOLD));
                }
                if let Some(colour) = styler.gutter(row) {
                    let x = state.areas.gutter;
                    if x < text.x && buf.area.contains(ratatui::layout::Position::new(x, y)) {
                        buf.set_string(x, y, GUTTER, Style::new().fg(colour));
                    }
                }
            }
        }
    }
}

/// Draw one row's graphemes, made safe, cell by cell (with a fast path for
/// ASCII, where every character is a grapheme of one column).
fn draw_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    text: &str,
    row: &Row,
    base: Style,
    styler: &mut Styler<'_>,
) {
    let right = area.right();
    let s = &text[row.start..row.end];
    let bytes = s.as_bytes();
    let mut x = area.x;
    let mut i = 0;
    while i < s.len() && x < right {
        let b = bytes[i];
        // Two ASCII characters never join into one grapheme (bar CR LF, which is not printable).
        if (0x20..0x7f).contains(&b) && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            let style = base.patch(styler.at(row.start + i));
            buf[(x, y)].set_char(char::from(b)).set_style(style);
            x += 1;
            i += 1;
            continue;
        }
        let g = s[i..].graphemes(true).next().unwrap_or(&s[i..]);
        let glyph = safe::glyph(g);
        let w = u16::try_from(glyph.width).unwrap_or(u16::MAX);
        if w > 0 {
            if x.saturating_add(w) > right {
                break;
            }
            let style = base.patch(styler.at(row.start + i));
            buf[(x, y)].set_symbol(&glyph.text).set_style(style);
            // Cells under a wide character are left empty, as ratatui expects.
            for hidden in x + 1..x + w {
                buf[(hidden, y)].reset();
            }
            x += w;
        }
        i += g.len().max(1);
    }
}

/// Works out the style of each byte of the text, walking forward through
/// the sorted lists of quotes, cues, entities and matches.
struct Styler<'a> {
    doc: &'a Document,
    theme: &'a Theme,
    current: Option<usize>,
    focus_rank: Option<usize>,
    matches: &'a [Span],
    current_match: Option<Span>,
    mark: Option<Span>,
    accent: Color,
    sentence: Option<Span>,
    marks: Vec<Span>,
    noted: Vec<usize>,
    marked: usize,
    piece: usize,
    cue: usize,
    entity: usize,
    found: usize,
}

impl<'a> Styler<'a> {
    fn new(state: &'a State, doc: &'a Document, from: usize) -> Self {
        let search = state.search.as_ref();
        let matches = search.map_or(&[][..], |s| s.matches.as_slice());
        let mut marks: Vec<Span> =
            state.notes.iter().filter(|n| n.highlight).filter_map(|n| n.span).collect();
        marks.sort_unstable();
        let mut noted: Vec<usize> = state
            .notes
            .iter()
            .filter(|n| !n.body.is_empty())
            .filter_map(|n| n.span.map(|s| s.start))
            .collect();
        noted.sort_unstable();
        let marked = marks.partition_point(|s| s.end <= from);
        Self {
            doc,
            theme: &state.config.theme,
            current: state.current,
            focus_rank: state.focus_speaker.then_some(state.speakers.selected),
            matches,
            current_match: search.and_then(|s| s.current.and_then(|i| s.matches.get(i).copied())),
            mark: state.mark,
            accent: state.config.theme.accent,
            sentence: state.sentence.and_then(|i| doc.ann.sentences.get(i)).map(|s| s.span),
            marks,
            noted,
            marked,
            piece: doc.pieces.partition_point(|(s, _)| s.end <= from),
            cue: doc.cues.partition_point(|(s, _)| s.end <= from),
            entity: doc.ann.entities.partition_point(|e| e.span.end <= from),
            found: matches.partition_point(|s| s.end <= from),
        }
    }

    /// Advance `i` past spans ending at or before `o`; the span at `i`, if it holds `o`.
    fn seek<T>(list: &[T], i: &mut usize, o: usize, span: impl Fn(&T) -> Span) -> Option<usize> {
        while *i < list.len() && span(&list[*i]).end <= o {
            *i += 1;
        }
        (*i < list.len() && span(&list[*i]).start <= o).then_some(*i)
    }

    fn at(&mut self, o: usize) -> Style {
        let doc = self.doc;
        let mut st = Style::new();
        let quote = Self::seek(&doc.pieces, &mut self.piece, o, |p| p.0).map(|i| doc.pieces[i].1);
        if let Some(q) = quote {
            st = st.add_modifier(Modifier::ITALIC);
            if Some(q) == self.current {
                st = st.add_modifier(Modifier::BOLD).fg(self.theme.speaker(doc.colour(doc.quote_rank[q])));
            }
        }
        if Self::seek(&doc.cues, &mut self.cue, o, |c| c.0).is_some() {
            st = st.add_modifier(Modifier::UNDERLINED);
        }
        if let Some(i) = Self::seek(&doc.ann.entities, &mut self.entity, o, |e| e.span)
            && let Some(colour) = self.theme.entity(doc.ann.entities[i].label)
        {
            st = st.fg(colour);
        }
        if let Some(rank) = self.focus_rank
            && quote.and_then(|q| doc.quote_rank[q]) != Some(rank)
        {
            st = Style::new().fg(self.theme.dim);
        }
        let plain = self.theme.plain;
        if Self::seek(&self.marks, &mut self.marked, o, |s| *s).is_some() {
            st = if plain { st.add_modifier(Modifier::UNDERLINED) } else { st.bg(self.theme.marked) };
        } else if !plain && self.sentence.is_some_and(|s| s.start <= o && o < s.end) {
            st = st.bg(self.theme.cursor);
        }
        if let Some(i) = Self::seek(self.matches, &mut self.found, o, |s| *s) {
            let current = Some(self.matches[i]) == self.current_match;
            st = if plain {
                st.add_modifier(if current {
                    Modifier::REVERSED | Modifier::BOLD
                } else {
                    Modifier::REVERSED
                })
            } else {
                st.bg(if current { self.accent } else { self.theme.found }).fg(Color::Black)
            };
        }
        if self.mark.is_some_and(|m| m.start <= o && o < m.end) {
            st = st.add_modifier(Modifier::REVERSED);
        }
        st
    }

    /// Whether a note begins on this row.
    fn noted(&self, row: &Row) -> bool {
        let i = self.noted.partition_point(|&s| s < row.start);
        self.noted.get(i).is_some_and(|&s| s < row.end)
    }

    /// The gutter colour of a row holding attributed words.
    fn gutter(&self, row: &Row) -> Option<Color> {
        let pieces = &self.doc.pieces;
        let i = pieces.partition_point(|(s, _)| s.end <= row.start);
        let (_, q) = pieces.get(i).filter(|(s, _)| s.start < row.end)?;
        // Words left out of the lists (thought, with speech and writing
        // only) get no mark.
        let rank = self.doc.quote_rank[*q]?;
        if self.focus_rank.is_some_and(|f| f != rank) {
            return Some(self.theme.dim);
        }
        Some(self.theme.speaker(self.doc.colour(Some(rank))))
    }
}
