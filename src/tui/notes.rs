//! The Notes pane: the reader's highlights and notes in article order.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};

use super::lists::{frame, note};
use super::safe;
use super::wrap::ellipsis;
use crate::app::document::Document;
use crate::app::state::{Pane, State};

/// The mark of a highlight in the list.
const STAR: &str = "★";
/// The mark of a note without a highlight.
const PEN: &str = "✎";

/// Draw the Notes pane in the side column's third place.
pub fn render(state: &State, doc: &Document, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let focused = state.focus == Pane::Notes;
    let title = if state.notes.is_empty() {
        " Notes ".to_owned()
    } else {
        format!(" Notes · {} ", state.notes.len())
    };
    let inner = frame(buf, state.areas.entities, &title, focused, theme);
    if inner.is_empty() {
        return;
    }
    if let Some(why) = &state.store_error {
        return note(buf, inner, &format!("Notes are off: {why}"), theme);
    }
    if state.notes.is_empty() {
        return note(buf, inner, "h highlights the current quote or sentence; a writes a note on it.", theme);
    }
    let w = usize::from(inner.width.saturating_sub(1));
    let mut y = inner.y;
    for (i, n) in state.notes.iter().enumerate().skip(state.notes_view.offset) {
        if y >= inner.bottom() {
            break;
        }
        let para = n.span.map_or_else(
            || "¶?".to_owned(),
            |s| {
                let p = doc.ann.paragraphs.partition_point(|p| p.span.end <= s.start);
                format!("¶{}", doc.paragraph_number.get(p).copied().unwrap_or(0).max(1))
            },
        );
        let mark = if n.highlight { STAR } else { PEN };
        let words = safe::line(&n.quote);
        let selected = i == state.notes_view.selected;
        let style = if selected { theme.selected(focused) } else { Style::new() };
        let head = Line::from(vec![
            TextSpan::styled(format!(" {mark} "), Style::new().fg(theme.marked_chip())),
            TextSpan::styled(format!("{para} "), theme.faint()),
            TextSpan::styled(
                ellipsis(&words, w.saturating_sub(para.len() + 4)),
                Style::new().add_modifier(Modifier::ITALIC),
            ),
        ]);
        buf.set_style(ratatui::layout::Rect::new(inner.x, y, inner.width, 1), style);
        buf.set_line(inner.x, y, &head, inner.width);
        y += 1;
        if y >= inner.bottom() {
            break;
        }
        let mut second = safe::own_line(n.body.lines().next().unwrap_or(""));
        if !n.tags.is_empty() {
            let tags: Vec<String> = n.tags.iter().map(|t| format!("#{}", safe::own_line(t))).collect();
            second =
                if second.is_empty() { tags.join(" ") } else { format!("{second} · {}", tags.join(" ")) };
        }
        buf.set_style(ratatui::layout::Rect::new(inner.x, y, inner.width, 1), style);
        buf.set_stringn(
            inner.x + 3,
            y,
            ellipsis(&second, w.saturating_sub(3)),
            w.saturating_sub(3),
            theme.faint(),
        );
        y += 1;
    }
}
