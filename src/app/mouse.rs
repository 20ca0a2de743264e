//! The mouse: the wheel scrolls the pane under the pointer, a click selects
//! (in the article, a click on attributed words makes them current). The
//! list screens (feed, library) use [`ListView::item_at`] and
//! [`ListView::mouse`], the same hit-testing as the reader's panes.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::navigate;
use super::state::{ListView, Pane, State};
use super::{help, layout};

/// What the mouse did to a list screen's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListClick {
    /// The selection moved (wheel, or a click on another row).
    Moved,
    /// A click on the row already selected: open it, as Enter does.
    Open,
}

impl ListView {
    /// The item under `at`, for a list of `len` items drawn from the top of
    /// `body`, `per` rows each, starting at item `offset`. `None` outside
    /// `body` (a border, a header, the status line) and below the last item.
    #[must_use]
    pub fn item_at(&self, body: Rect, at: Position, per: usize, len: usize) -> Option<usize> {
        if !body.contains(at) {
            return None;
        }
        let i = self.offset + usize::from(at.y - body.y) / per.max(1);
        (i < len).then_some(i)
    }

    /// Apply a mouse event to a list drawn in `body` (see [`ListView::item_at`]):
    /// the wheel moves the selection a row, a left click selects the item
    /// under the pointer, and a click on the selected item asks to open it.
    pub fn mouse(&mut self, ev: MouseEvent, body: Rect, per: usize, len: usize) -> Option<ListClick> {
        let before = self.selected;
        match ev.kind {
            MouseEventKind::ScrollDown => self.step(1, len),
            MouseEventKind::ScrollUp => self.step(-1, len),
            MouseEventKind::Down(MouseButton::Left) => {
                let i = self.item_at(body, Position::new(ev.column, ev.row), per, len)?;
                if i == self.selected {
                    return Some(ListClick::Open);
                }
                self.selected = i;
            }
            _ => return None,
        }
        (self.selected != before).then_some(ListClick::Moved)
    }
}

/// Rows the wheel scrolls the article by.
const WHEEL_ROWS: isize = 3;

pub(super) fn on_mouse(state: &mut State, ev: MouseEvent) {
    let at = Position::new(ev.column, ev.row);
    if let Some(scroll) = state.help.as_mut() {
        let max = help::max_scroll(&state.config, state.area);
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
            if let Some(i) = state.speakers.item_at(layout::inner(state.areas.speakers), at, 1, len) {
                navigate::select_speaker(state, i);
            }
        }
        Pane::Quotes => {
            let len = state.speaker_quotes().len();
            let rows = state.quote_rows();
            if let Some(i) = state.quotes.item_at(layout::inner(state.areas.quotes), at, rows, len) {
                state.quotes.selected = i;
                navigate::select(state);
            }
        }
        Pane::Entities => {
            // Rows as drawn: headings between the kinds are not entities.
            let body = layout::inner(state.areas.entities);
            let Some(doc) = &state.doc else { return };
            if body.contains(at) {
                let rows = doc.entity_rows(state.entities.offset, usize::from(body.height));
                if let Some(&super::document::EntityRow::Item(i)) = rows.get(usize::from(at.y - body.y)) {
                    state.entities.selected = i;
                }
            }
        }
        Pane::Notes => {
            let len = state.notes.len();
            if let Some(i) = state.notes_view.item_at(layout::inner(state.areas.entities), at, 2, len) {
                state.notes_view.selected = i;
                super::notes::jump(state);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;

    fn at(x: u16, y: u16) -> Position {
        Position::new(x, y)
    }

    #[test]
    fn the_item_under_the_pointer_counts_from_the_first_shown() {
        // Items drawn in columns 2..10, rows 3..7, from item 5, two rows each.
        let body = Rect::new(2, 3, 8, 4);
        let list = ListView { selected: 0, offset: 5 };
        assert_eq!(list.item_at(body, at(2, 3), 2, 20), Some(5));
        assert_eq!(list.item_at(body, at(9, 4), 2, 20), Some(5));
        assert_eq!(list.item_at(body, at(4, 5), 2, 20), Some(6));
        assert_eq!(list.item_at(body, at(4, 6), 2, 20), Some(6));
        // Outside: the border around it, the header above, the status below.
        for p in [at(1, 4), at(10, 4), at(4, 2), at(4, 7), at(0, 0), at(u16::MAX, u16::MAX)] {
            assert_eq!(list.item_at(body, p, 2, 20), None, "{p:?}");
        }
        // Below the last item, and in an empty list.
        assert_eq!(list.item_at(body, at(4, 5), 2, 6), None);
        assert_eq!(list.item_at(body, at(4, 3), 2, 0), None);
        // One row each, and a zero `per` read as one.
        assert_eq!(ListView::default().item_at(body, at(4, 6), 1, 20), Some(3));
        assert_eq!(ListView::default().item_at(body, at(4, 6), 0, 20), Some(3));
        // A screen too small for the list has an empty body: nothing is hit.
        let none = Rect::new(3, 3, 0, 0);
        assert_eq!(ListView::default().item_at(none, at(3, 3), 1, 20), None);
    }

    #[test]
    fn wheel_moves_click_selects_and_a_second_click_opens() {
        let ev = |kind, column, row| MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE };
        let left = MouseEventKind::Down(MouseButton::Left);
        let body = Rect::new(1, 2, 20, 5);
        let mut list = ListView::default();
        assert_eq!(list.mouse(ev(MouseEventKind::ScrollDown, 0, 0), body, 1, 3), Some(ListClick::Moved));
        assert_eq!(list.mouse(ev(MouseEventKind::ScrollDown, 0, 0), body, 1, 3), Some(ListClick::Moved));
        // At the end the wheel changes nothing.
        assert_eq!(list.mouse(ev(MouseEventKind::ScrollDown, 0, 0), body, 1, 3), None);
        assert_eq!(list.selected, 2);
        assert_eq!(list.mouse(ev(left, 5, 2), body, 1, 3), Some(ListClick::Moved));
        assert_eq!(list.selected, 0);
        assert_eq!(list.mouse(ev(left, 5, 2), body, 1, 3), Some(ListClick::Open));
        // Off the items, other buttons, releases and moves do nothing.
        for e in [
            ev(left, 5, 1),
            ev(left, 5, 5),
            ev(MouseEventKind::Down(MouseButton::Right), 5, 3),
            ev(MouseEventKind::Up(MouseButton::Left), 5, 3),
            ev(MouseEventKind::Moved, 5, 3),
        ] {
            assert_eq!(list.mouse(e, body, 1, 3), None, "{e:?}");
        }
        assert_eq!(list.selected, 0);
        assert_eq!(list.mouse(ev(MouseEventKind::ScrollUp, 0, 0), body, 1, 3), None);
    }
}
