//! The library view's state and keys: the articles kept, the speakers
//! across them, and one speaker's attributions. Keys are read through the
//! reader's keymap, so moving, opening, searching and quitting work alike.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::app::{Action, ListClick};
use crate::config::Config;
use crate::keymap::Key;
use crate::store::{ArticleId, ArticleSummary, SpeakerAttribution, SpeakerSummary, Store};

/// Which list is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The articles, newest first.
    Articles,
    /// Everyone quoted, most attributions first.
    Speakers,
    /// Every attribution of the chosen speaker.
    Attributions,
}

/// What a key asks the view's owner to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read this article; with `at`, at the attribution holding that byte.
    Open {
        /// The article.
        article: ArticleId,
        /// A byte offset into its text.
        at: Option<usize>,
    },
    /// Leave the view.
    Quit,
}

/// A list's selected row and first row shown: the reader's own list view.
pub use crate::app::state::ListView as Cursor;

/// A search typed with `/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The words.
    pub text: String,
    /// True while they are being typed.
    pub editing: bool,
}

/// The library view.
#[derive(Debug, Clone)]
pub struct LibraryView {
    /// Keys and theme.
    pub config: Config,
    /// The list on screen.
    pub screen: Screen,
    /// Articles matching the search, as the library orders them.
    pub articles: Vec<ArticleSummary>,
    /// Every speaker (with unnamed sources when `all`).
    pub speakers: Vec<SpeakerSummary>,
    /// Indices into `speakers` that match the filter, in order.
    pub shown: Vec<usize>,
    /// The speaker whose attributions are listed.
    pub speaker: Option<SpeakerSummary>,
    /// Their attributions, article by article.
    pub attributions: Vec<SpeakerAttribution>,
    /// Full-text search of the articles.
    pub search: Query,
    /// Filter of the speakers' names.
    pub filter: Query,
    /// Include unnamed sources ("officials") among the speakers.
    pub all: bool,
    /// The cursor of each screen, in `Screen` order.
    pub cursors: [Cursor; 3],
    /// Entries one page holds, as last drawn.
    pub page: usize,
    /// Where the list's entries were last drawn, below any header (empty
    /// when the screen is too small), so a click finds its entry.
    pub body: Rect,
    /// Rows each entry took when last drawn.
    pub per: usize,
    /// The help overlay is open.
    pub help: bool,
    /// A message for the status line.
    pub status: Option<String>,
}

impl LibraryView {
    /// A view of the articles list, read from `store` (none yet: empty).
    #[must_use]
    pub fn new(config: Config, store: Option<&Store>) -> Self {
        let mut view = Self {
            config,
            screen: Screen::Articles,
            articles: Vec::new(),
            speakers: Vec::new(),
            shown: Vec::new(),
            speaker: None,
            attributions: Vec::new(),
            search: Query::default(),
            filter: Query::default(),
            all: false,
            cursors: [Cursor::default(); 3],
            page: 10,
            body: Rect::default(),
            per: 1,
            help: false,
            status: None,
        };
        view.reload(store);
        view
    }

    /// Read everything again (after the reader changed notes or order),
    /// keeping each list's selection on the same article or speaker.
    pub fn reload(&mut self, store: Option<&Store>) {
        let article = self.articles.get(self.cursors[0].selected).map(|a| a.id.clone());
        let speaker = self.selected_speaker().map(|s| s.name.clone());
        self.load_articles(store);
        if let Some(i) = article.and_then(|id| self.articles.iter().position(|a| a.id == id)) {
            self.cursors[0].selected = i;
        }
        self.load_speakers(store);
        if let Some(i) = speaker.and_then(|n| self.shown.iter().position(|&s| self.speakers[s].name == n)) {
            self.cursors[1].selected = i;
        }
        if let Some(name) = self.speaker.as_ref().map(|s| s.name.clone()) {
            let at = self.cursors[2];
            self.choose(store, &name);
            self.cursors[2] = at;
        }
    }

    fn load_articles(&mut self, store: Option<&Store>) {
        // Every word matches as a prefix, so the list follows each letter typed.
        let words: Vec<String> = self
            .search
            .text
            .split_whitespace()
            .map(|w| if w.ends_with('*') { w.to_owned() } else { format!("{w}*") })
            .collect();
        let query = Some(words.join(" ")).filter(|q| !q.is_empty());
        self.articles = match store.map(|s| s.library(query.as_deref())).transpose() {
            Ok(list) => list.unwrap_or_default(),
            Err(e) => {
                self.status = Some(format!("the library could not be read: {e}"));
                Vec::new()
            }
        };
    }

    fn load_speakers(&mut self, store: Option<&Store>) {
        self.speakers = match store.map(|s| s.speakers(self.all)).transpose() {
            Ok(list) => list.unwrap_or_default(),
            Err(e) => {
                self.status = Some(format!("the speakers could not be read: {e}"));
                Vec::new()
            }
        };
        self.refilter();
    }

    /// Keep the speakers that have every word of the filter in a name.
    fn refilter(&mut self) {
        let words: Vec<String> = self.filter.text.split_whitespace().map(str::to_lowercase).collect();
        self.shown = (0..self.speakers.len())
            .filter(|&i| {
                let s = &self.speakers[i];
                let names: Vec<String> =
                    std::iter::once(&s.name).chain(&s.aliases).map(|n| n.to_lowercase()).collect();
                words.iter().all(|w| names.iter().any(|n| n.contains(w.as_str())))
            })
            .collect();
    }

    /// List the attributions of the speaker called `name`.
    pub fn choose(&mut self, store: Option<&Store>, name: &str) {
        let Some(store) = store else { return };
        match store.speaker_attributions(name) {
            Ok(list) => {
                self.speaker = self.speakers.iter().find(|s| s.name == name).cloned().or_else(|| {
                    store.speakers(true).ok().and_then(|all| all.into_iter().find(|s| s.name == name))
                });
                self.attributions = list;
                self.cursors[2] = Cursor::default();
                self.screen = Screen::Attributions;
            }
            Err(e) => self.status = Some(format!("the attributions could not be read: {e}")),
        }
    }

    /// The speaker under the cursor in the speakers list.
    #[must_use]
    pub fn selected_speaker(&self) -> Option<&SpeakerSummary> {
        self.shown.get(self.cursors[1].selected).and_then(|&i| self.speakers.get(i))
    }

    /// Entries in the list on screen.
    #[must_use]
    pub fn len(&self) -> usize {
        match self.screen {
            Screen::Articles => self.articles.len(),
            Screen::Speakers => self.shown.len(),
            Screen::Attributions => self.attributions.len(),
        }
    }

    /// True when the list on screen is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cursor of the list on screen.
    pub fn cursor(&mut self) -> &mut Cursor {
        &mut self.cursors[self.screen as usize]
    }

    /// The query the `/` key edits on this screen, if it has one.
    fn query(&mut self) -> Option<&mut Query> {
        match self.screen {
            Screen::Articles => Some(&mut self.search),
            Screen::Speakers => Some(&mut self.filter),
            Screen::Attributions => None,
        }
    }

    /// True while a search or filter is being typed.
    #[must_use]
    pub fn editing(&self) -> bool {
        match self.screen {
            Screen::Articles => self.search.editing,
            Screen::Speakers => self.filter.editing,
            Screen::Attributions => false,
        }
    }

    /// Handle a key; the effect for the owner, if any. `store` answers
    /// searches and the speaker index.
    pub fn key(&mut self, key: KeyEvent, store: Option<&Store>) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        self.status = None;
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            return Some(Effect::Quit);
        }
        if self.editing() {
            self.edit(key, store);
            return None;
        }
        let action = self.config.keymap.action(Key::from_event(key));
        if self.help {
            if matches!(action, Some(Action::Help | Action::Close | Action::Quit)) || key.code == KeyCode::Esc
            {
                self.help = false;
            }
            return None;
        }
        let (len, page) = (self.len(), isize::try_from(self.page.max(1)).unwrap_or(isize::MAX));
        match action {
            Some(Action::ScrollDown) => self.cursor().step(1, len),
            Some(Action::ScrollUp) => self.cursor().step(-1, len),
            Some(Action::HalfPageDown) => self.cursor().step((page / 2).max(1), len),
            Some(Action::HalfPageUp) => self.cursor().step(-(page / 2).max(1), len),
            Some(Action::PageDown) => self.cursor().step(page, len),
            Some(Action::PageUp) => self.cursor().step(-page, len),
            Some(Action::Top) => self.cursor().selected = 0,
            Some(Action::Bottom) => self.cursor().selected = len.saturating_sub(1),
            Some(Action::Select) => return self.enter(store),
            Some(Action::Search) => self.start_search(),
            Some(Action::Close) => return self.back(store),
            Some(Action::Quit) => return Some(Effect::Quit),
            Some(Action::Help) => self.help = true,
            Some(Action::FocusNext | Action::FocusPrev) => self.switch(),
            Some(Action::Library) => self.screen = Screen::Articles,
            _ => match key.code {
                KeyCode::Esc => return self.back(store),
                KeyCode::Enter => return self.enter(store),
                KeyCode::Char('s') => self.switch(),
                KeyCode::Char('a') if self.screen == Screen::Speakers => {
                    self.all = !self.all;
                    self.load_speakers(store);
                    self.cursors[1] = Cursor::default();
                    self.status = Some(if self.all {
                        "unnamed sources shown too".to_owned()
                    } else {
                        "named speakers only".to_owned()
                    });
                }
                KeyCode::Backspace | KeyCode::Left if self.screen == Screen::Attributions => {
                    return self.back(store);
                }
                _ => {}
            },
        }
        None
    }

    /// Handle a mouse event over the list as last drawn: the wheel moves,
    /// a click selects, a click on the selected entry does what Enter does.
    /// A click ends a search being typed, keeping it; one on the help closes it.
    pub fn mouse(&mut self, ev: MouseEvent, store: Option<&Store>) -> Option<Effect> {
        if self.help {
            if matches!(ev.kind, MouseEventKind::Down(_)) {
                self.help = false;
            }
            return None;
        }
        let (body, per, len) = (self.body, self.per, self.len());
        let click = self.cursor().mouse(ev, body, per, len)?;
        self.status = None;
        if let (MouseEventKind::Down(_), Some(q)) = (ev.kind, self.query()) {
            q.editing = false;
        }
        match click {
            ListClick::Moved => None,
            ListClick::Open => self.enter(store),
        }
    }

    /// Between the articles and the speakers (from one speaker's
    /// attributions, back to the articles).
    fn switch(&mut self) {
        self.screen = match self.screen {
            Screen::Articles => Screen::Speakers,
            Screen::Speakers | Screen::Attributions => Screen::Articles,
        };
    }

    fn enter(&mut self, store: Option<&Store>) -> Option<Effect> {
        match self.screen {
            Screen::Articles => {
                let a = self.articles.get(self.cursors[0].selected)?;
                Some(Effect::Open { article: a.id.clone(), at: None })
            }
            Screen::Speakers => {
                let name = self.selected_speaker()?.name.clone();
                self.choose(store, &name);
                None
            }
            Screen::Attributions => {
                let a = self.attributions.get(self.cursors[2].selected)?;
                Some(Effect::Open { article: a.article.clone(), at: Some(a.start) })
            }
        }
    }

    /// Esc: one step back (a search cleared, the speakers list), else leave.
    fn back(&mut self, store: Option<&Store>) -> Option<Effect> {
        match self.screen {
            Screen::Attributions => self.screen = Screen::Speakers,
            Screen::Articles if !self.search.text.is_empty() => {
                self.search = Query::default();
                self.cursors[0] = Cursor::default();
                self.load_articles(store);
            }
            Screen::Speakers if !self.filter.text.is_empty() => {
                self.filter = Query::default();
                self.refilter();
                self.cursors[1] = Cursor::default();
            }
            Screen::Articles | Screen::Speakers => return Some(Effect::Quit),
        }
        None
    }

    fn start_search(&mut self) {
        match self.query() {
            Some(q) => q.editing = true,
            None => self.status = Some("search the articles or the speakers (Tab) lists".to_owned()),
        }
    }

    /// A key while the search is typed: the list follows each letter.
    fn edit(&mut self, key: KeyEvent, store: Option<&Store>) {
        let Some(q) = self.query() else { return };
        match key.code {
            KeyCode::Enter => q.editing = false,
            KeyCode::Esc => *q = Query::default(),
            KeyCode::Backspace => {
                q.text.pop();
            }
            KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                q.text.push(c);
            }
            KeyCode::Down => {
                let len = self.len();
                self.cursor().step(1, len);
                return;
            }
            KeyCode::Up => {
                let len = self.len();
                self.cursor().step(-1, len);
                return;
            }
            _ => return,
        }
        self.requery(store);
    }

    /// Run the search or filter again after its words changed.
    fn requery(&mut self, store: Option<&Store>) {
        match self.screen {
            Screen::Articles => {
                self.load_articles(store);
                self.cursors[0] = Cursor::default();
            }
            Screen::Speakers => {
                self.refilter();
                self.cursors[1] = Cursor::default();
            }
            Screen::Attributions => {}
        }
    }
}
