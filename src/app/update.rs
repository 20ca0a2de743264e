//! `update`: one message in, the state changed, and whether to redraw.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};
use ratatui::layout::Rect;

use super::document::Document;
use super::help;
use super::notes::{self, Stored};
use super::state::{Pane, State};
use super::{dialog, mouse, navigate, search};
use crate::action::Action;
use crate::keymap::Key;

/// What can happen to the reader.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was used.
    Mouse(MouseEvent),
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// The article finished annotating.
    Loaded(Box<Document>),
    /// Time passed while loading (moves the spinner).
    Tick,
    /// An action, as if its key had been pressed.
    Action(Action),
    /// The library carried out a change (or could not).
    Stored(Result<Stored, String>),
}

/// What the screen depends on besides the document, to tell whether a
/// message changed anything.
#[derive(PartialEq, Eq)]
struct Seen {
    area: Rect,
    focus: Pane,
    scroll: usize,
    lists: [super::state::ListView; 3],
    current: Option<usize>,
    mark: Option<sayso_nlp::Span>,
    search: Option<(String, bool, Option<usize>, usize)>,
    flags: (bool, bool, bool, bool),
    help: Option<usize>,
    message: Option<String>,
    loading: Option<super::state::Loading>,
    sentence: Option<usize>,
    notes: (usize, super::state::ListView, bool),
}

impl Seen {
    fn of(s: &State) -> Self {
        Self {
            area: s.area,
            focus: s.focus,
            scroll: s.scroll,
            lists: [s.speakers, s.quotes, s.entities],
            current: s.current,
            mark: s.mark,
            search: s.search.as_ref().map(|x| (x.query.clone(), x.editing, x.current, x.matches.len())),
            flags: (s.focus_speaker, s.show_entities, s.quit, s.config.words_only),
            help: s.help,
            message: s.message.clone(),
            loading: s.loading.clone(),
            sentence: s.sentence,
            notes: (s.notes.len(), s.notes_view, s.show_notes),
        }
    }
}

/// Apply one message; returns true when the screen must be redrawn.
pub fn update(state: &mut State, msg: Msg) -> bool {
    let before = Seen::of(state);
    // Dialogs and saved notes change more than `Seen` tells apart.
    let loaded = matches!(msg, Msg::Loaded(_) | Msg::Stored(_)) || state.dialog.is_some();
    match msg {
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(state, key),
        Msg::Key(_) => {}
        Msg::Mouse(ev) => mouse::on_mouse(state, ev),
        Msg::Resize(w, h) => state.area = Rect::new(0, 0, w, h),
        Msg::Loaded(doc) => {
            let mut doc = *doc;
            doc.set_words_only(state.config.words_only);
            state.doc = Some(doc);
            state.loading = None;
            state.wrapped = crate::app::wrap::Wrapped::default();
            let start = state.start_at.take();
            let resume = state.resume.take();
            if let Some(q) = start.and_then(|at| navigate::quote_at(state, at)) {
                navigate::jump_to(state, q);
            } else if let Some(at) = start {
                state.settle();
                state.scroll = state.wrapped.row_of(at).min(state.max_scroll());
            } else if let Some(at) = resume {
                resume_at(state, at);
            }
        }
        Msg::Tick => {
            if let Some(l) = &mut state.loading {
                l.frame = l.frame.wrapping_add(1);
            }
        }
        Msg::Action(action) => act(state, action),
        Msg::Stored(result) => notes::stored(state, result),
    }
    state.settle();
    loaded || state.dialog.is_some() || Seen::of(state) != before
}

/// Open where the reader left off, from the start of the sentence there
/// (the place was saved at another width, maybe mid-sentence), and say so.
fn resume_at(state: &mut State, at: usize) {
    state.settle();
    let start = super::notes::sentence_at(state, at)
        .and_then(|i| state.doc.as_ref().and_then(|d| d.ann.sentences.get(i)))
        .map_or(at, |s| s.span.start.min(at));
    state.scroll = state.wrapped.row_of(start).min(state.max_scroll());
    if state.scroll > 0 {
        let top = state.config.keymap.hint(Action::Top);
        let percent = state.scroll * 100 / state.wrapped.rows.len().max(1);
        state.message = Some(if top.is_empty() {
            format!("resumed at {percent}%")
        } else {
            format!("resumed at {percent}% · {top} for the top")
        });
    }
}

fn on_key(state: &mut State, key: KeyEvent) {
    state.message = None;
    if state.dialog.is_some() {
        dialog::on_key(state, key);
        return;
    }
    if state.search.as_ref().is_some_and(|s| s.editing) {
        search::on_key(state, key);
        return;
    }
    let action = state.config.keymap.action(Key::from_event(key));
    if state.help.is_some() {
        on_help_key(state, key, action);
        return;
    }
    if let Some(action) = action {
        act(state, action);
    } else if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        // Ctrl-C always leaves, even when it was bound to something else.
        state.quit = true;
    }
}

fn on_help_key(state: &mut State, key: KeyEvent, action: Option<Action>) {
    let Some(scroll) = state.help.as_mut() else { return };
    let max = help::max_scroll(&state.config, state.area);
    match action {
        Some(Action::ScrollDown) => *scroll = (*scroll + 1).min(max),
        Some(Action::ScrollUp) => *scroll = scroll.saturating_sub(1),
        Some(Action::Top) => *scroll = 0,
        Some(Action::Bottom) => *scroll = max,
        Some(Action::Close | Action::Help | Action::Quit) => state.help = None,
        _ if key.code == KeyCode::Esc => state.help = None,
        _ => {}
    }
}

/// Run one action.
pub(super) fn act(state: &mut State, action: Action) {
    if state.doc.is_none() {
        match action {
            Action::Quit => state.quit = true,
            Action::Library => (state.quit, state.to_library) = (true, true),
            _ => {}
        }
        return;
    }
    let page = state.page().max(1);
    match action {
        Action::ScrollDown => navigate::step(state, 1),
        Action::ScrollUp => navigate::step(state, -1),
        Action::HalfPageDown => navigate::step(state, half(page)),
        Action::HalfPageUp => navigate::step(state, -half(page)),
        Action::PageDown => navigate::step(state, full(page)),
        Action::PageUp => navigate::step(state, -full(page)),
        Action::Top => navigate::step(state, isize::MIN),
        Action::Bottom => navigate::step(state, isize::MAX),
        Action::FocusNext => navigate::cycle_focus(state, true),
        Action::FocusPrev => navigate::cycle_focus(state, false),
        Action::Select => navigate::select(state),
        Action::NextQuote if state.searching() => search::next_match(state, true),
        Action::PrevQuote if state.searching() => search::next_match(state, false),
        Action::NextQuote => navigate::next_quote(state, true),
        Action::PrevQuote => navigate::next_quote(state, false),
        Action::NextAny => navigate::next_any(state, true),
        Action::PrevAny => navigate::next_any(state, false),
        Action::Search => search::start(state),
        Action::FocusSpeaker => navigate::toggle_focus_speaker(state),
        Action::ToggleEntities => {
            state.show_entities = !state.show_entities;
            state.show_notes = false;
            state.focus = if state.show_entities { Pane::Entities } else { Pane::Article };
        }
        Action::NextSentence => notes::step_sentence(state, true),
        Action::PrevSentence => notes::step_sentence(state, false),
        Action::Highlight => notes::toggle_highlight(state),
        Action::Note => notes::edit_note(state),
        Action::Tags => notes::edit_tags(state),
        Action::Reassign => notes::reassign(state),
        Action::Notes => notes::toggle_pane(state),
        Action::Delete => notes::delete(state),
        Action::Undo => notes::undo(state),
        Action::Copy => notes::copy(state),
        Action::Export => notes::export(state),
        Action::WordsOnly => navigate::toggle_words_only(state),
        Action::Help => state.help = Some(0),
        Action::Close => {
            if state.search.take().is_none() {
                state.mark = None;
            }
        }
        Action::Quit => state.quit = true,
        Action::Library => (state.quit, state.to_library) = (true, true),
    }
}

fn half(page: usize) -> isize {
    isize::try_from(page / 2).unwrap_or(isize::MAX).max(1)
}

fn full(page: usize) -> isize {
    isize::try_from(page.saturating_sub(2)).unwrap_or(isize::MAX).max(1)
}
