//! Drawing the dialogs: a box in the middle of the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Clear, Widget};
use ratatui_textarea::TextArea;

use super::safe;
use super::wrap::{ellipsis, wrap_plain};
use crate::app::dialog::{Dialog, Kind};
use crate::app::state::State;
use crate::export::Format;

/// A centred box of at most `w`×`h` cells; its inside.
fn boxed(buf: &mut Buffer, state: &State, title: &str, w: u16, h: u16) -> Rect {
    let screen = buf.area;
    let w = w.min(screen.width);
    let h = h.min(screen.height.saturating_sub(1));
    let area = Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height.saturating_sub(1) - h) / 2,
        w,
        h,
    );
    Clear.render(area, buf);
    let theme = &state.config.theme;
    let title = ellipsis(title, usize::from(w.saturating_sub(2)));
    Block::bordered()
        .border_style(theme.border(true))
        .title(Line::styled(title, theme.title(true)))
        .render(area, buf);
    // A column of air inside the border.
    let inner = super::layout::inner(area);
    Rect::new(inner.x.saturating_add(1), inner.y, inner.width.saturating_sub(2), inner.height)
}

/// The passage a note is on, in quotation marks unless it has its own.
fn quoted(note: &crate::app::notes::UserNote) -> String {
    safe::in_quotes(&safe::line(&note.quote))
}

/// Write `text` on row `y` of `area`, faint.
fn faint_line(buf: &mut Buffer, state: &State, area: Rect, y: u16, text: &str) {
    if y < area.bottom() {
        let w = usize::from(area.width);
        buf.set_stringn(area.x, y, ellipsis(text, w), w, state.config.theme.faint());
    }
}

fn input(buf: &mut Buffer, area: Rect, y: u16, t: &TextArea<'_>) {
    if y < area.bottom() && !area.is_empty() {
        t.render(Rect::new(area.x, y, area.width, 1), buf);
    }
}

/// Draw the open dialog.
pub fn render(state: &State, dialog: &Dialog, buf: &mut Buffer) {
    match &dialog.kind {
        Kind::Note { editor, note, confirm } => {
            let inner = boxed(buf, state, " Note ", 72, 16);
            if inner.height < 3 {
                return;
            }
            let quoted = wrap_plain(&quoted(note), usize::from(inner.width), 2);
            let mut y = inner.y;
            for row in &quoted {
                faint_line(buf, state, inner, y, row);
                y += 1;
            }
            let foot = inner.bottom() - 1;
            let edit = Rect::new(inner.x, (y + 1).min(foot), inner.width, foot.saturating_sub(y + 1));
            if !edit.is_empty() {
                editor.render(edit, buf);
            }
            let footer = if *confirm {
                "Throw away what you typed?  y discard · n keep writing"
            } else if dialog.saving {
                "Saving…"
            } else {
                "Ctrl-S save · Esc cancel"
            };
            let style = if *confirm {
                Style::new().fg(state.config.theme.accent).add_modifier(Modifier::BOLD)
            } else {
                state.config.theme.faint()
            };
            buf.set_stringn(inner.x, foot, footer, usize::from(inner.width), style);
        }
        Kind::Tags { input: field, note } => {
            let inner = boxed(buf, state, " Tags ", 60, 6);
            faint_line(buf, state, inner, inner.y, &quoted(note));
            input(buf, inner, inner.y + 1, field);
            faint_line(
                buf,
                state,
                inner,
                inner.y + 3,
                "words split by spaces or commas · Enter save · Esc cancel",
            );
        }
        Kind::Speaker { input: field, selected, words, now, .. } => {
            let choices = dialog.choices();
            let h = u16::try_from(choices.len().min(10)).unwrap_or(10) + 8;
            let inner = boxed(buf, state, " Who said it? ", 56, h);
            // Which quote is being corrected, and who has it now.
            faint_line(buf, state, inner, inner.y, &safe::in_quotes(&safe::line(words)));
            let now = now
                .as_deref()
                .map_or_else(|| "now: nobody".to_owned(), |n| format!("now: {}", safe::line(n)));
            faint_line(buf, state, inner, inner.y + 1, &now);
            let inner = Rect::new(inner.x, inner.y + 3, inner.width, inner.height.saturating_sub(3));
            input(buf, inner, inner.y, field);
            // The typed name comes last when no speaker has it.
            let typed = field.lines().first().map(|l| safe::line(l.trim())).unwrap_or_default();
            let new = !typed.is_empty() && choices.last() == Some(&typed);
            let first = selected.saturating_sub(9);
            let rows = (inner.y + 1)..inner.bottom().saturating_sub(1);
            for (y, (i, name)) in rows.zip(choices.iter().enumerate().skip(first)) {
                let label =
                    if new && i + 1 == choices.len() { format!("new speaker: {name}") } else { name.clone() };
                let style = if i == *selected { state.config.theme.selected(true) } else { Style::new() };
                let w = usize::from(inner.width.saturating_sub(1));
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
                buf.set_stringn(inner.x + 1, y, ellipsis(&label, w), w, style);
            }
            faint_line(
                buf,
                state,
                inner,
                inner.bottom().saturating_sub(1),
                "type to filter or name someone · ↑↓ · Enter",
            );
        }
        Kind::Notice { title, text } => {
            let width = 60.min(buf.area.width.saturating_sub(2)).max(12);
            let rows: Vec<String> = text
                .lines()
                .flat_map(|l| {
                    if l.is_empty() {
                        vec![String::new()]
                    } else {
                        wrap_plain(&safe::line(l), usize::from(width - 4), 6)
                    }
                })
                .collect();
            let h = u16::try_from(rows.len()).unwrap_or(8) + 4;
            let inner = boxed(buf, state, title, width, h);
            for (y, row) in (inner.y..inner.bottom().saturating_sub(1)).zip(&rows) {
                buf.set_stringn(inner.x, y, row, usize::from(inner.width), Style::new());
            }
            faint_line(buf, state, inner, inner.bottom().saturating_sub(1), "Esc or Enter closes");
        }
        Kind::Export { format, path } => {
            let inner = boxed(buf, state, " Export ", 88, 10);
            let mut spans = vec![TextSpan::raw("Format: ")];
            for f in Format::DIALOG {
                let style =
                    if f == *format { state.config.theme.selected(true) } else { state.config.theme.faint() };
                spans.push(TextSpan::styled(format!(" {} ", f.label()), style));
                spans.push(TextSpan::raw(" "));
            }
            buf.set_line(inner.x, inner.y, &Line::from(spans), inner.width);
            faint_line(buf, state, inner, inner.y + 2, "File (the full path; edit to change it):");
            input(buf, inner, inner.y + 3, path);
            // The path in full, wrapped, whatever the input scrolled to.
            let typed = path.lines().first().map(|l| safe::line(l)).unwrap_or_default();
            for (k, row) in wrap_plain(&typed, usize::from(inner.width), 2).iter().enumerate() {
                faint_line(buf, state, inner, inner.y + 4 + u16::try_from(k).unwrap_or(0), row);
            }
            let foot = if dialog.saving { "Writing…" } else { "Tab format · Enter write · Esc cancel" };
            faint_line(buf, state, inner, inner.y + 7, foot);
        }
    }
}
