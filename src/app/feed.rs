//! The feed list's state: a feed's stories (or every followed feed's,
//! merged), which is selected, and which are read. A story is read once it
//! opened in the reader (not when its fetch failed), or when its link is
//! already an article in the library, so read marks outlive the session.
//! Keys go through the keymap, as in the reader.

use std::collections::HashSet;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};
use ratatui::layout::Rect;

use super::ListClick;
use super::state::ListView;
use crate::action::Action;
use crate::config::Config;
use crate::ingest::feed::{Feed, Story};
use crate::keymap::Key;

/// What a key asks of the world outside the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this story in the reader.
    Open(Box<Story>),
    /// Read the feeds again.
    Refresh,
    /// Leave the list.
    Quit,
}

/// The stories on screen and which is selected.
#[derive(Debug, Clone)]
pub struct FeedView {
    /// The title line.
    pub title: String,
    /// Every story, in the order shown.
    pub stories: Vec<Story>,
    /// The selected story and the first one shown.
    pub cursor: ListView,
    /// Keys of the stories read: opened this session, or kept in the library.
    pub read: HashSet<String>,
    /// A message for the status line (an error, a refresh).
    pub status: Option<String>,
    /// Where the story rows go at the current size (empty when the screen
    /// is too small for the list), so a click finds its row.
    pub body: Rect,
}

impl FeedView {
    /// A view of `feeds`: one feed as it is ordered, several merged newest first.
    #[must_use]
    pub fn new(feeds: &[Feed]) -> Self {
        let mut view = Self {
            title: String::new(),
            stories: Vec::new(),
            cursor: ListView::default(),
            read: HashSet::new(),
            status: None,
            body: Rect::default(),
        };
        view.set_feeds(feeds);
        view
    }

    /// Replace the stories (after a refresh), keeping read state and,
    /// where it still exists, the selected story.
    pub fn set_feeds(&mut self, feeds: &[Feed]) {
        let keep = self.stories.get(self.cursor.selected).map(|s| s.key().to_owned());
        self.stories = feeds.iter().flat_map(|f| f.items.iter().cloned()).collect();
        if feeds.len() > 1 {
            // Dates are `YYYY-MM-DD HH:MM`, so text order is time order.
            self.stories.sort_by(|a, b| b.date.cmp(&a.date));
        }
        self.title = match feeds {
            [one] => one.title.clone(),
            _ => format!("{} feeds", feeds.len()),
        };
        self.cursor.selected = keep
            .and_then(|k| self.stories.iter().position(|s| s.key() == k))
            .unwrap_or(0)
            .min(self.stories.len().saturating_sub(1));
        self.settle_rows();
    }

    /// Where the rows go on a screen of `area`: inside the border, above
    /// the status line. Keeps the selection in view.
    pub fn settle(&mut self, area: Rect) {
        self.body = if area.height < 3 || area.width < 10 {
            Rect::default()
        } else {
            Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 3)
        };
        self.settle_rows();
    }

    fn settle_rows(&mut self) {
        self.cursor.clamp(self.stories.len(), usize::from(self.body.height));
    }

    /// Handle a key; the effect asked for, if any.
    pub fn key(&mut self, config: &Config, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Effect::Quit);
        }
        let len = self.stories.len();
        let page = isize::try_from(usize::from(self.body.height).max(1)).unwrap_or(isize::MAX);
        match config.keymap.action(Key::from_event(key)) {
            Some(Action::Quit | Action::Close) => return Some(Effect::Quit),
            Some(Action::ScrollDown) => self.cursor.step(1, len),
            Some(Action::ScrollUp) => self.cursor.step(-1, len),
            Some(Action::HalfPageDown) => self.cursor.step((page / 2).max(1), len),
            Some(Action::HalfPageUp) => self.cursor.step(-(page / 2).max(1), len),
            Some(Action::PageDown) => self.cursor.step(page, len),
            Some(Action::PageUp) => self.cursor.step(-page, len),
            Some(Action::Top) => self.cursor.selected = 0,
            Some(Action::Bottom) => self.cursor.selected = len.saturating_sub(1),
            Some(Action::Select) => return self.open(),
            // `r` is the reader's nothing, so it stays the list's refresh.
            _ if key.code == KeyCode::Char('r') => return Some(Effect::Refresh),
            _ if key.code == KeyCode::Esc => return Some(Effect::Quit),
            _ if key.code == KeyCode::Enter => return self.open(),
            _ => {}
        }
        self.settle_rows();
        None
    }

    /// Handle a mouse event over the rows: the wheel moves, a click
    /// selects, a click on the selected story opens it.
    pub fn mouse(&mut self, ev: MouseEvent) -> Option<Effect> {
        let click = self.cursor.mouse(ev, self.body, 1, self.stories.len());
        self.settle_rows();
        match click? {
            ListClick::Moved => None,
            ListClick::Open => self.open(),
        }
    }

    /// Ask for the selected story. It is marked read only once it opened.
    fn open(&mut self) -> Option<Effect> {
        let story = self.stories.get(self.cursor.selected)?.clone();
        Some(Effect::Open(Box::new(story)))
    }

    /// The story with this key opened in the reader: it is read now.
    pub fn opened(&mut self, key: &str) {
        self.read.insert(key.to_owned());
    }
}

impl FeedView {
    /// Mark read the stories whose links the library keeps (read in an
    /// earlier session). A library that cannot be read leaves only this
    /// session's marks, and the status line says why.
    pub fn kept(&mut self, links: Result<HashSet<String>, String>) {
        match links {
            Ok(links) => self.read.extend(links),
            Err(e) => self.status = Some(format!("read marks of earlier sessions are unavailable: {e}")),
        }
    }

    /// The links of every story, to ask the library which it keeps.
    #[must_use]
    pub fn links(&self) -> Vec<String> {
        self.stories.iter().filter_map(|s| s.link.clone()).collect()
    }
}
