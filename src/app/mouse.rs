//! The mouse: the wheel scrolls the pane under the pointer, a click selects
//! (in the article, a click on attributed words makes them current).

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::navigate;
use super::state::{Pane, State};
use crate::tui::{help, layout};

/// Rows the wheel scrolls the article by.
const WHEEL_ROWS: isize = 3;

pub(super) fn on_mouse(state: &mut State, ev: MouseEvent) {
    let at = Position::new(ev.column, ev.row);
    if let Some(scroll) = state.help.as_mut() {
        let max = help::line_count(&state.config).saturating_sub(1);
        match ev.kind {
            MouseEventKind::ScrollDown => *scroll = (*scroll + 1).min(max),
            MouseEventKind::ScrollUp => *scroll = scroll.saturating_sub(1),
            MouseEventKind::Down(_) => state.help = None,
            _ => {}
        }
        return;
    }
    if state.doc.is_none() {
        return;
    }
    let Some(pane) = pane_at(state, at) else { return };
    match ev.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = matches!(ev.kind, MouseEventKind::ScrollDown);
            let focus = state.focus;
            state.focus = pane;
            let rows = if pane == Pane::Article { WHEEL_ROWS } else { 1 };
            navigate::step(state, if down { rows } else { -rows });
            state.focus = focus;
        }
        MouseEventKind::Down(MouseButton::Left) => click(state, pane, at),
        _ => {}
    }
}

fn pane_at(state: &State, at: Position) -> Option<Pane> {
    let a = &state.areas;
    [
        (a.article, Pane::Article),
        (a.speakers, Pane::Speakers),
        (a.quotes, Pane::Quotes),
        (a.entities, state.extra_pane().unwrap_or(Pane::Entities)),
    ]
    .into_iter()
    .find(|(r, _)| r.contains(at))
    .map(|(_, p)| p)
}

/// The list item under the pointer, counting from the list's first shown item.
fn item_at(area: Rect, at: Position, offset: usize, rows_per_item: usize) -> Option<usize> {
    let inner = layout::inner(area);
    inner.contains(at).then(|| offset + usize::from(at.y - inner.y) / rows_per_item.max(1))
}

/// A click on a row of attributed words makes that attribution current.
fn click_article(state: &mut State, at: Position) {
    let text = state.areas.text;
    if at.y < text.y || at.y >= text.bottom() {
        return;
    }
    let Some(row) = state.wrapped.rows.get(state.scroll + usize::from(at.y - text.y)) else { return };
    let Some(doc) = &state.doc else { return };
    let i = doc.pieces.partition_point(|(s, _)| s.end <= row.start);
    if let Some(&(span, q)) = doc.pieces.get(i).filter(|(s, _)| s.start < row.end && row.start < row.end) {
        let _ = span;
        navigate::jump_to(state, q);
    }
}

fn click(state: &mut State, pane: Pane, at: Position) {
    state.focus = pane;
    match pane {
        Pane::Article => click_article(state, at),
        Pane::Speakers => {
            let len = state.doc.as_ref().map_or(0, |d| d.speakers.len());
            if let Some(i) = item_at(state.areas.speakers, at, state.speakers.offset, 1).filter(|&i| i < len)
            {
                navigate::select_speaker(state, i);
            }
        }
        Pane::Quotes => {
            let len = state.speaker_quotes().len();
            let rows = state.quote_rows();
            if let Some(i) = item_at(state.areas.quotes, at, state.quotes.offset, rows).filter(|&i| i < len) {
                state.quotes.selected = i;
                navigate::select(state);
            }
        }
        Pane::Entities => {
            let len = state.doc.as_ref().map_or(0, |d| d.entities.len());
            if let Some(i) = item_at(state.areas.entities, at, state.entities.offset, 1).filter(|&i| i < len)
            {
                state.entities.selected = i;
            }
        }
        Pane::Notes => {
            let len = state.notes.len();
            if let Some(i) =
                item_at(state.areas.entities, at, state.notes_view.offset, 2).filter(|&i| i < len)
            {
                state.notes_view.selected = i;
                super::notes::jump(state);
            }
        }
    }
}
