//! The library view's state and keys: the articles kept, the speakers
//! across them, and one speaker's attributions. Keys are read through the
//! reader's keymap, so moving, opening, searching and quitting work alike.
//! The view never reads the database itself: its questions ([`Ask`]) are
//! answered off the screen's thread, and it takes in the [`Answer`]s.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::app::{Action, ListClick};
use crate::config::Config;
use crate::keymap::Key;
use crate::store::{ArticleId, ArticleSummary, SpeakerAttribution, SpeakerSummary};

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
    /// Keep this setting in the user's configuration file.
    Remember(crate::app::state::Remember),
}

/// Which list the view opens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The articles.
    Articles,
    /// The articles holding every word of this search.
    Search(String),
    /// The speakers; with `all`, unnamed sources too.
    Speakers {
        /// Include unnamed sources.
        all: bool,
    },
    /// The attributions of the speaker with this (full) name.
    Speaker(String),
}

/// What the view asks the library for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The articles holding every word of this full-text query (all of them without one).
    Articles(Option<String>),
    /// The speakers: with unnamed sources when the first is `true`; counting
    /// speech and writing only when the second is.
    Speakers(bool, bool),
    /// The attributions of the speaker with this name.
    Attributions(String),
}

/// The library's answer to an [`Ask`]; errors are the library's words.
#[derive(Debug, Clone)]
pub enum Answer {
    /// The articles for this query.
    Articles(Option<String>, Result<Vec<ArticleSummary>, String>),
    /// The speakers, as [`Ask::Speakers`] asked for them.
    Speakers(bool, bool, Result<Vec<SpeakerSummary>, String>),
    /// One speaker (as the index knows them) and their attributions.
    Attributions(String, Result<(Option<SpeakerSummary>, Vec<SpeakerAttribution>), String>),
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
    /// The screen the view was last laid out for.
    pub area: Rect,
    /// Why the library could not be read, when it could not: the lists are
    /// empty for that reason, not because nothing is kept.
    pub unreadable: Option<String>,
    /// Questions for the library, waiting to be sent.
    pub queries: Vec<Ask>,
    /// The article and speaker to keep selected when their lists come back.
    keep: (Option<ArticleId>, Option<String>),
}

impl LibraryView {
    /// A view of the articles list; its lists are asked for at once.
    #[must_use]
    pub fn new(config: Config) -> Self {
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
            area: Rect::default(),
            unreadable: None,
            queries: Vec::new(),
            keep: (None, None),
        };
        view.reload();
        view
    }

    /// Read everything again (after the reader changed notes or order),
    /// keeping each list's selection on the same article or speaker.
    pub fn reload(&mut self) {
        self.keep = (
            self.articles.get(self.cursors[0].selected).map(|a| a.id.clone()),
            self.selected_speaker().map(|s| s.name.clone()),
        );
        self.load_articles();
        self.load_speakers();
        if let Some(name) = self.speaker.as_ref().map(|s| s.name.clone()) {
            self.queries.push(Ask::Attributions(name));
        }
    }

    /// Open on the list `start` names.
    pub fn start(&mut self, start: &Start) {
        match start {
            Start::Articles => {}
            Start::Search(words) => {
                self.search.text.clone_from(words);
                self.reload();
            }
            Start::Speakers { all } => {
                self.screen = Screen::Speakers;
                if *all {
                    self.all = true;
                    self.reload();
                }
            }
            Start::Speaker(name) => {
                self.all = true;
                self.reload();
                self.choose(name);
            }
        }
    }

    /// Lay the view out on a screen of `area`: the list inside its border
    /// (with a column of air on each side when there is room), under its
    /// header row, above the status line. Keeps the selection in view.
    pub fn settle(&mut self, area: Rect) {
        self.area = area;
        if area.height < 3 || area.width < 10 {
            self.body = Rect::default();
            return;
        }
        let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 3);
        let inner = if inner.width > 20 {
            Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
        } else {
            inner
        };
        let (header, per) = match self.screen {
            Screen::Attributions => (false, if inner.height >= 4 { 2 } else { 1 }),
            Screen::Articles | Screen::Speakers => (true, 1),
        };
        let top = u16::from(header).min(inner.height);
        let body = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
        let rows = usize::from(body.height) / per;
        self.page = rows.max(1);
        // Only whole entries are drawn: a click below them hits nothing.
        let drawn = u16::try_from(rows * per).unwrap_or(body.height).min(body.height);
        (self.body, self.per) = (Rect { height: drawn, ..body }, per);
        let len = self.len();
        self.cursor().clamp(len, rows);
    }

    /// The entries shown: the first, and one past the last.
    #[must_use]
    pub fn shown_range(&self) -> (usize, usize) {
        let rows = usize::from(self.body.height) / self.per.max(1);
        let first = self.cursors[self.screen as usize].offset;
        (first, (first + rows).min(self.len()))
    }

    /// The full-text query for the search typed: every word matches as a
    /// prefix, so the list follows each letter typed.
    fn search_query(&self) -> Option<String> {
        let words: Vec<String> = self
            .search
            .text
            .split_whitespace()
            .map(|w| if w.ends_with('*') { w.to_owned() } else { format!("{w}*") })
            .collect();
        Some(words.join(" ")).filter(|q| !q.is_empty())
    }

    fn load_articles(&mut self) {
        let query = self.search_query();
        self.queries.push(Ask::Articles(query));
    }

    fn load_speakers(&mut self) {
        self.queries.push(Ask::Speakers(self.all, self.config.words_only));
    }

    /// Take in an answer from the library. Answers to a search or a
    /// speaker list no longer asked for are dropped.
    pub fn answer(&mut self, answer: Answer) {
        match answer {
            Answer::Articles(query, list) => {
                if query != self.search_query() {
                    return;
                }
                self.unreadable = list.as_ref().err().cloned();
                self.articles = list.unwrap_or_else(|e| {
                    self.status = Some(format!("the library could not be read: {e}"));
                    Vec::new()
                });
                if let Some(i) =
                    self.keep.0.take().and_then(|id| self.articles.iter().position(|a| a.id == id))
                {
                    self.cursors[0].selected = i;
                }
            }
            Answer::Speakers(all, words_only, list) => {
                if (all, words_only) != (self.all, self.config.words_only) {
                    return;
                }
                self.speakers = list.unwrap_or_else(|e| {
                    self.status = Some(format!("the speakers could not be read: {e}"));
                    Vec::new()
                });
                self.refilter();
                let keep = self.keep.1.take();
                if let Some(i) =
                    keep.and_then(|n| self.shown.iter().position(|&s| self.speakers[s].name == n))
                {
                    self.cursors[1].selected = i;
                }
            }
            Answer::Attributions(name, found) => match found {
                Ok((speaker, mut list)) => {
                    let same = self.speaker.as_ref().is_some_and(|s| s.name == name);
                    self.speaker = self.speakers.iter().find(|s| s.name == name).cloned().or(speaker);
                    if self.config.words_only {
                        // An attribution kept without an act stays: nothing says it was thought.
                        list.retain(|a| {
                            a.act.as_deref().and_then(sayso_nlp::Act::parse).is_none_or(|a| a.is_words())
                        });
                    }
                    self.attributions = list;
                    if !same || self.screen != Screen::Attributions {
                        self.cursors[2] = Cursor::default();
                    }
                    self.screen = Screen::Attributions;
                }
                Err(e) => self.status = Some(format!("the attributions could not be read: {e}")),
            },
        }
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
    pub fn choose(&mut self, name: &str) {
        self.queries.push(Ask::Attributions(name.to_owned()));
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

    /// Handle a key; the effect for the owner, if any.
    pub fn key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        self.status = None;
        let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            return Some(Effect::Quit);
        }
        if self.editing() {
            self.edit(key);
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
            Some(Action::Select) => return self.enter(),
            Some(Action::Search) => self.start_search(),
            Some(Action::Close) => return self.back(),
            Some(Action::Quit) => return Some(Effect::Quit),
            Some(Action::Help) => self.help = true,
            Some(Action::FocusNext | Action::FocusPrev) => self.switch(),
            Some(Action::Library) => self.screen = Screen::Articles,
            Some(Action::WordsOnly) => return Some(self.toggle_words_only()),
            _ => match key.code {
                KeyCode::Esc => return self.back(),
                KeyCode::Enter => return self.enter(),
                KeyCode::Char('s') => self.switch(),
                KeyCode::Char('a') if self.screen == Screen::Speakers => {
                    self.all = !self.all;
                    self.load_speakers();
                    self.cursors[1] = Cursor::default();
                    self.status = Some(if self.all {
                        "unnamed sources shown too".to_owned()
                    } else {
                        "named speakers only".to_owned()
                    });
                }
                KeyCode::Backspace | KeyCode::Left if self.screen == Screen::Attributions => {
                    return self.back();
                }
                _ => {}
            },
        }
        None
    }

    /// Count and list speech and writing only, or thought too, as `w` does
    /// in the reader; the lists on screen are asked for again.
    fn toggle_words_only(&mut self) -> Effect {
        let on = !self.config.words_only;
        self.config.words_only = on;
        self.load_speakers();
        if self.screen == Screen::Attributions
            && let Some(name) = self.speaker.as_ref().map(|s| s.name.clone())
        {
            self.choose(&name);
        }
        self.status = Some(if on { "speech and writing only".to_owned() } else { "thought too".to_owned() });
        Effect::Remember(crate::app::state::Remember::WordsOnly(on))
    }

    /// Handle a mouse event over the list as last drawn: the wheel moves,
    /// a click selects, a click on the selected entry does what Enter does.
    /// A click ends a search being typed, keeping it; one on the help closes it.
    pub fn mouse(&mut self, ev: MouseEvent) -> Option<Effect> {
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
            ListClick::Open => self.enter(),
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

    fn enter(&mut self) -> Option<Effect> {
        match self.screen {
            Screen::Articles => {
                let a = self.articles.get(self.cursors[0].selected)?;
                Some(Effect::Open { article: a.id.clone(), at: None })
            }
            Screen::Speakers => {
                let name = self.selected_speaker()?.name.clone();
                self.choose(&name);
                None
            }
            Screen::Attributions => {
                let a = self.attributions.get(self.cursors[2].selected)?;
                Some(Effect::Open { article: a.article.clone(), at: Some(a.start) })
            }
        }
    }

    /// Esc: one step back (a search cleared, the speakers list), else leave.
    fn back(&mut self) -> Option<Effect> {
        match self.screen {
            Screen::Attributions => self.screen = Screen::Speakers,
            Screen::Articles if !self.search.text.is_empty() => {
                self.search = Query::default();
                self.cursors[0] = Cursor::default();
                self.load_articles();
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
    fn edit(&mut self, key: KeyEvent) {
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
        self.requery();
    }

    /// Run the search or filter again after its words changed.
    fn requery(&mut self) {
        match self.screen {
            Screen::Articles => {
                self.load_articles();
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
