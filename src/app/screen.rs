//! The screens on the stack (reader, library, feed list), and the one
//! [`Effect`] enum for everything that touches the world: it is data here,
//! carried out off the screen's thread by the event loop, and its results
//! come back as messages.

use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

use super::feed::{self, FeedView};
use super::library::{self, LibraryView};
use super::notes;
use super::{Document, Msg, State, update};
use crate::config::Config;
use crate::ingest::{self, feed::Story};
use crate::store::ArticleId;

/// Where the article to read comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// An article already read in (a file, standard input, the sample).
    Article(Box<ingest::Article>),
    /// A page to fetch.
    Url(String),
    /// A feed's story: its own content, or its link fetched.
    Story(Box<Story>),
    /// An article kept in the library.
    Stored(ArticleId),
    /// A document already annotated (examples), kept out of the library.
    Document(Box<Document>),
}

/// An article to open in a new reader.
#[derive(Debug, Clone)]
pub struct Reading {
    /// What to read.
    pub source: Source,
    /// The name shown while it loads.
    pub origin: String,
    /// Its size in bytes, 0 while unknown (a page to fetch).
    pub bytes: usize,
    /// A byte offset whose attribution is current once it is ready.
    pub start_at: Option<usize>,
}

impl Reading {
    /// Reading `article`.
    #[must_use]
    pub fn article(article: ingest::Article) -> Self {
        let (origin, bytes) = (article.label(), article.text.len());
        Self { source: Source::Article(Box::new(article)), origin, bytes, start_at: None }
    }

    /// Reading the story `story` of a feed.
    #[must_use]
    pub fn story(story: Story) -> Self {
        Self { origin: story.title.clone(), bytes: 0, source: Source::Story(Box::new(story)), start_at: None }
    }
}

/// Everything that touches the world outside the screens.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Open an article in a new reader on top.
    Read(Box<Reading>),
    /// Carry out the top reader's change (a note, a correction, an export,
    /// the clipboard).
    Keep(notes::Effect),
    /// Ask the library for one of the library view's lists.
    Ask(library::Ask),
    /// Ask which of these links the library keeps (a feed's read marks).
    Kept(Vec<String>),
    /// Read the feeds again.
    Refresh,
    /// Leave the reader for the library view.
    Library,
    /// Close the screen on top.
    Close,
    /// Write a setting the reader changed into the user's config file.
    Remember(super::state::Remember),
}

/// One screen of the stack.
#[derive(Debug)]
pub enum Screen {
    /// An article beside who said what.
    Reader(Box<State>),
    /// The articles and speakers kept.
    Library(Box<LibraryView>),
    /// A feed's stories.
    Feed(Box<FeedView>),
}

impl Screen {
    /// A reader waiting for `reading`.
    #[must_use]
    pub fn reader(config: Config, reading: &Reading, area: Rect) -> Self {
        let mut state = State::loading(config, reading.origin.clone(), reading.bytes, area);
        state.start_at = reading.start_at;
        Self::Reader(Box::new(state))
    }

    /// The library view opened on `start`, with the questions it asks first.
    #[must_use]
    pub fn library(config: Config, start: &library::Start, area: Rect) -> (Self, Vec<Effect>) {
        let mut view = LibraryView::new(config);
        view.start(start);
        view.settle(area);
        let asks = view.queries.drain(..).map(Effect::Ask).collect();
        (Self::Library(Box::new(view)), asks)
    }

    /// The feed list of `feeds`, asking which stories the library keeps.
    #[must_use]
    pub fn feed(feeds: &[ingest::feed::Feed], area: Rect) -> (Self, Vec<Effect>) {
        let mut view = FeedView::new(feeds);
        view.settle(area);
        let ask = Effect::Kept(view.links());
        (Self::Feed(Box::new(view)), vec![ask])
    }

    /// Lay the screen out for a terminal of `area`.
    pub fn resize(&mut self, area: Rect) {
        match self {
            Self::Reader(s) => {
                update(s, Msg::Resize(area.width, area.height));
            }
            Self::Library(v) => v.settle(area),
            Self::Feed(v) => v.settle(area),
        }
    }

    /// A terminal event for this screen; whether it must be drawn again,
    /// and what it asks of the world.
    pub fn on_event(&mut self, config: &Config, ev: &Event) -> (bool, Vec<Effect>) {
        match self {
            Self::Reader(state) => {
                let msg = match ev {
                    Event::Key(k) => Msg::Key(*k),
                    Event::Mouse(m) => Msg::Mouse(*m),
                    Event::Resize(w, h) => Msg::Resize(*w, *h),
                    _ => return (false, Vec::new()),
                };
                let changed = update(state, msg);
                (changed, reader_effects(state))
            }
            Self::Library(view) => {
                let before = library_seen(view);
                let effect = match ev {
                    Event::Key(k) => view.key(*k),
                    Event::Mouse(m) => view.mouse(*m),
                    Event::Resize(w, h) => {
                        view.settle(Rect::new(0, 0, *w, *h));
                        return (true, Vec::new());
                    }
                    _ => return (false, Vec::new()),
                };
                view.settle(view.area);
                let changed = effect.is_some() || !view.queries.is_empty() || library_seen(view) != before;
                let mut out: Vec<Effect> = view.queries.drain(..).map(Effect::Ask).collect();
                out.extend(effect.map(|e| match e {
                    library::Effect::Open { article, at } => Effect::Read(Box::new(Reading {
                        origin: "an article from the library".to_owned(),
                        bytes: 0,
                        source: Source::Stored(article),
                        start_at: at,
                    })),
                    library::Effect::Quit => Effect::Close,
                    library::Effect::Remember(setting) => Effect::Remember(setting),
                }));
                (changed, out)
            }
            Self::Feed(view) => {
                let before = (view.cursor, view.status.clone());
                let effect = match ev {
                    Event::Key(k) => view.key(config, *k),
                    Event::Mouse(m) => view.mouse(*m),
                    Event::Resize(w, h) => {
                        view.settle(Rect::new(0, 0, *w, *h));
                        return (true, Vec::new());
                    }
                    _ => return (false, Vec::new()),
                };
                let out = match effect {
                    Some(feed::Effect::Open(story)) => vec![Effect::Read(Box::new(Reading::story(*story)))],
                    Some(feed::Effect::Refresh) => {
                        view.status = Some("Refreshing…".to_owned());
                        vec![Effect::Refresh]
                    }
                    Some(feed::Effect::Quit) => vec![Effect::Close],
                    None => Vec::new(),
                };
                let changed = !out.is_empty() || (view.cursor, view.status.clone()) != before;
                (changed, out)
            }
        }
    }

    /// True while the screen shows something that moves on its own (the
    /// reader's spinner), so the loop must wake without events.
    #[must_use]
    pub fn animating(&self) -> bool {
        matches!(self, Self::Reader(s) if s.loading.is_some())
    }
}

/// What the library view's screen depends on besides its lists (which
/// change only through answers), to tell whether an event changed it.
fn library_seen(v: &LibraryView) -> impl PartialEq + use<> {
    (v.screen, v.cursors, v.search.clone(), v.filter.clone(), v.all, v.help, v.status.clone())
}

/// What the reader asks of the world after a message: its changes to the
/// library, and leaving.
#[must_use]
pub fn reader_effects(state: &mut State) -> Vec<Effect> {
    let mut out: Vec<Effect> = state.effects.drain(..).map(Effect::Keep).collect();
    out.extend(state.remember.take().map(Effect::Remember));
    if state.quit {
        state.quit = false;
        out.push(if std::mem::take(&mut state.to_library) { Effect::Library } else { Effect::Close });
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    use super::*;
    use crate::ingest::feed::Feed;

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::from(KeyCode::Char(c)))
    }

    #[test]
    fn list_screens_ask_for_a_frame_only_when_something_changed() {
        let config = Config::defaults().expect("defaults");
        let area = Rect::new(0, 0, 80, 20);
        let story = |t: &str| Story {
            title: t.to_owned(),
            date: None,
            link: Some(format!("https://news.example/{t}")),
            feed: "F".to_owned(),
            byline: None,
            content_included: true,
            body: None,
        };
        let feed =
            Feed { title: "F".to_owned(), source: "f".to_owned(), items: vec![story("a"), story("b")] };
        let (mut screen, asks) = Screen::feed(&[feed], area);
        assert!(matches!(asks[..], [Effect::Kept(_)]), "the read marks are asked for at once");
        assert!(!screen.on_event(&config, &key('z')).0, "an unbound key draws nothing");
        assert!(screen.on_event(&config, &key('j')).0);
        assert!(!screen.on_event(&config, &key('j')).0, "at the end, nothing moved");
        let (changed, effects) = screen.on_event(&config, &Event::Key(KeyEvent::from(KeyCode::Enter)));
        assert!(changed && matches!(effects[..], [Effect::Read(_)]));

        let (mut library, asks) = Screen::library(config.clone(), &library::Start::Articles, area);
        assert!(asks.iter().all(|a| matches!(a, Effect::Ask(_))) && !asks.is_empty());
        assert!(!library.on_event(&config, &key('z')).0);
        let (changed, effects) = library.on_event(&config, &key('/'));
        assert!(changed && effects.is_empty(), "typing a search shows at once");
        let (_, effects) = library.on_event(&config, &key('x'));
        assert!(
            matches!(effects[..], [Effect::Ask(library::Ask::Articles(Some(_)))]),
            "each letter asks again"
        );
        assert!(!library.animating() && !screen.animating());
    }
}
