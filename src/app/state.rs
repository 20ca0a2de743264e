//! Everything the screen shows, and the helpers that keep it consistent.

use ratatui::layout::Rect;
use sayso_nlp::Span;

use super::dialog::Dialog;
use super::document::Document;
use super::layout::{self, Areas};
use super::notes::{Effect, UserNote};
use crate::app::wrap::Wrapped;
use crate::config::Config;

/// A setting the reader remembers in the user's config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remember {
    /// `[quotes] words_only`.
    WordsOnly(bool),
}

impl Remember {
    /// The table, key and value as written in the file.
    #[must_use]
    pub const fn entry(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::WordsOnly(on) => ("quotes", "words_only", if on { "true" } else { "false" }),
        }
    }
}

/// The panes that can have the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article text.
    Article,
    /// The list of speakers.
    Speakers,
    /// The selected speaker's quotes.
    Quotes,
    /// People, organisations and places.
    Entities,
    /// The reader's highlights and notes.
    Notes,
}

impl Pane {
    /// The name on the status badge.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Article => "ARTICLE",
            Self::Speakers => "SPEAKERS",
            Self::Quotes => "QUOTES",
            Self::Entities => "ENTITIES",
            Self::Notes => "NOTES",
        }
    }
}

/// A list's selected item and first shown item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    /// Index of the selected item.
    pub selected: usize,
    /// Index of the first item shown.
    pub offset: usize,
}

impl ListView {
    /// Keep the selection among `len` items and in a window of `rows` items.
    pub fn clamp(&mut self, len: usize, rows: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }

    /// Move the selection by `delta` among `len` items.
    pub fn step(&mut self, delta: isize, len: usize) {
        self.selected = super::navigate::moved(self.selected, delta, len);
    }
}

/// A search of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What is searched for.
    pub query: String,
    /// True while the query is being typed.
    pub editing: bool,
    /// Every match, in text order.
    pub matches: Vec<Span>,
    /// The match jumped to last.
    pub current: Option<usize>,
    /// Where the view was when the search started, to go back on Esc.
    pub origin: usize,
}

/// An article still being annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loading {
    /// Its name.
    pub origin: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Frame of the spinner.
    pub frame: usize,
}

/// The whole state of the reader. `render` only reads it.
#[derive(Debug, Clone)]
pub struct State {
    /// Settings: theme, keys, widths.
    pub config: Config,
    /// The article being annotated, until it is ready.
    pub loading: Option<Loading>,
    /// The article, once annotated.
    pub doc: Option<Document>,
    /// The terminal's size.
    pub area: Rect,
    /// Where the panes are.
    pub areas: Areas,
    /// The article's rows at the current width.
    pub wrapped: Wrapped,
    /// The focused pane.
    pub focus: Pane,
    /// The article's first shown row.
    pub scroll: usize,
    /// The Speakers list.
    pub speakers: ListView,
    /// The Quotes list (of the selected speaker).
    pub quotes: ListView,
    /// The Entities list.
    pub entities: ListView,
    /// The current attribution: an index into the annotation's quotes.
    pub current: Option<usize>,
    /// A mention jumped to from the Entities pane.
    pub mark: Option<Span>,
    /// The search, while there is one.
    pub search: Option<Search>,
    /// Dim all but the current speaker's words.
    pub focus_speaker: bool,
    /// Show the Entities pane.
    pub show_entities: bool,
    /// The help overlay's scroll, while it is open.
    pub help: Option<usize>,
    /// The current sentence: an index into the annotation's sentences.
    pub sentence: Option<usize>,
    /// The reader's highlights and notes on this article, in text order.
    pub notes: Vec<UserNote>,
    /// The Notes list.
    pub notes_view: ListView,
    /// Show the Notes pane.
    pub show_notes: bool,
    /// Notes deleted, last last, for undo.
    pub deleted: Vec<UserNote>,
    /// The open dialog.
    pub dialog: Option<Dialog>,
    /// Changes waiting for the event loop to carry them out.
    pub effects: Vec<Effect>,
    /// Why notes cannot be kept, when the library could not be opened.
    pub store_error: Option<String>,
    /// Where to put the view once the article is ready (a byte offset).
    pub resume: Option<usize>,
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// A setting changed by a key, to be written to the user's config file.
    pub remember: Option<Remember>,
    /// Set when the reader should exit.
    pub quit: bool,
    /// Set with `quit` when the reader leaves for the library view.
    pub to_library: bool,
    /// A byte offset whose attribution becomes current once the article is
    /// ready (opened from the speaker index); it wins over `resume`.
    pub start_at: Option<usize>,
}

impl State {
    /// A reader waiting for `origin` (of `bytes` bytes) to be annotated.
    #[must_use]
    pub fn loading(config: Config, origin: String, bytes: usize, area: Rect) -> Self {
        let mut s = Self::empty(config, area);
        s.loading = Some(Loading { origin, bytes, frame: 0 });
        s.settle();
        s
    }

    /// A reader showing `doc`.
    #[must_use]
    pub fn with_document(config: Config, mut doc: Document, area: Rect) -> Self {
        doc.set_words_only(config.words_only);
        let mut s = Self::empty(config, area);
        s.doc = Some(doc);
        s.settle();
        s
    }

    fn empty(config: Config, area: Rect) -> Self {
        Self {
            config,
            loading: None,
            doc: None,
            area,
            areas: Areas::default(),
            wrapped: Wrapped::default(),
            focus: Pane::Article,
            scroll: 0,
            speakers: ListView::default(),
            quotes: ListView::default(),
            entities: ListView::default(),
            current: None,
            mark: None,
            search: None,
            focus_speaker: false,
            show_entities: false,
            help: None,
            sentence: None,
            notes: Vec::new(),
            notes_view: ListView::default(),
            show_notes: false,
            deleted: Vec::new(),
            dialog: None,
            effects: Vec::new(),
            store_error: None,
            resume: None,
            message: None,
            remember: None,
            quit: false,
            to_library: false,
            start_at: None,
        }
    }

    /// Rows of article text on screen.
    #[must_use]
    pub fn page(&self) -> usize {
        usize::from(self.areas.text.height)
    }

    /// The last row the view can start at.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.wrapped.rows.len().saturating_sub(self.page())
    }

    /// The byte offset at the top of the view.
    #[must_use]
    pub fn top_offset(&self) -> usize {
        self.wrapped.rows.get(self.scroll).map_or(0, |r| r.start)
    }

    /// Quotes of the selected speaker, in text order.
    #[must_use]
    pub fn speaker_quotes(&self) -> &[usize] {
        self.doc
            .as_ref()
            .and_then(|d| d.speakers.get(self.speakers.selected))
            .map_or(&[], |s| s.quotes.as_slice())
    }

    /// Rows each entry of the Quotes list takes.
    #[must_use]
    pub fn quote_rows(&self) -> usize {
        if layout::inner(self.areas.quotes).height >= 4 { 2 } else { 1 }
    }

    /// The percentage of the article seen down to the bottom of the view.
    #[must_use]
    pub fn percent(&self) -> usize {
        let total = self.wrapped.rows.len();
        if total == 0 {
            return 100;
        }
        ((self.scroll + self.page()).min(total) * 100 / total).min(100)
    }

    /// True when a search is kept (typed and confirmed): n/N then go through matches.
    #[must_use]
    pub fn searching(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.editing && !s.query.is_empty())
    }

    /// Recompute the layout, rewrap on a width change, and bring every
    /// scroll position and selection back into range.
    pub fn settle(&mut self) {
        let speakers = self.doc.as_ref().map_or(0, |d| d.speakers.len());
        if (self.focus == Pane::Entities && !self.show_entities)
            || (self.focus == Pane::Notes && !self.show_notes)
        {
            self.focus = Pane::Article;
        }
        let c = &self.config;
        self.areas =
            layout::areas(self.area, c.side_width, c.text_width, speakers, self.extra_pane(), self.focus);
        if let Some(doc) = &self.doc {
            let width = usize::from(self.areas.text.width);
            // A hidden article keeps its rows for when it comes back.
            let hidden = width == 0 && !self.wrapped.rows.is_empty();
            if !hidden && (self.wrapped.width != width.max(1) || self.wrapped.rows.is_empty()) {
                let top = self.top_offset();
                self.wrapped = Wrapped::new(doc, width.max(1));
                self.scroll = if top == 0 { 0 } else { self.wrapped.row_of(top) };
            }
        }
        if !self.areas.text.is_empty() {
            self.scroll = self.scroll.min(self.max_scroll());
        }
        let (n_speakers, n_entities) =
            self.doc.as_ref().map_or((0, 0), |d| (d.speakers.len(), d.entities.len()));
        self.speakers.clamp(n_speakers, usize::from(layout::inner(self.areas.speakers).height));
        let n_quotes = self.speaker_quotes().len();
        let quote_rows = usize::from(layout::inner(self.areas.quotes).height) / self.quote_rows();
        self.quotes.clamp(n_quotes, quote_rows);
        // Headings take rows too: the selection stays in view under all of them.
        let entity_rows = usize::from(layout::inner(self.areas.entities).height);
        self.entities.clamp(n_entities, entity_rows.saturating_sub(super::document::ENTITY_HEADINGS).max(1));
        let note_rows = usize::from(layout::inner(self.areas.entities).height) / 2;
        self.notes_view.clamp(self.notes.len(), note_rows);
    }

    /// The pane shown in the third place of the side column, if any.
    #[must_use]
    pub fn extra_pane(&self) -> Option<Pane> {
        if self.show_notes {
            Some(Pane::Notes)
        } else if self.show_entities {
            Some(Pane::Entities)
        } else {
            None
        }
    }

    /// Scroll so that `span` is in view, with some context above it when the
    /// view has to move.
    pub fn reveal(&mut self, span: Span) {
        let first = self.wrapped.row_of(span.start);
        let last = self.wrapped.row_of(span.end.saturating_sub(1).max(span.start));
        let page = self.page();
        if first >= self.scroll && last < self.scroll + page {
            return;
        }
        self.scroll = first.saturating_sub(page / 4).min(self.max_scroll());
    }
}
