//! The feed view: a feed's stories (or every followed feed's, merged) in a
//! list; Enter (or a click on the selected row) opens one in the reader,
//! `q` in the reader comes back here. A story is read when it was opened
//! this session or its link is already an article in the library (every
//! article opened is kept there), so read marks outlive the session.

use std::collections::HashSet;
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::keys::Keys;
use super::terminal::{Ended, Guard};
use super::{Ending, Options, safe, wrap};
use crate::app::ListClick;
use crate::app::state::ListView;
use crate::config::Config;
use crate::ingest::feed::{Feed, Story};
use crate::ingest::{self, Article};
use crate::store::Store;

/// How often the view looks for a signal while no key comes.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// What a key asks the view's owner to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this story in the reader.
    Open(Box<Story>),
    /// Read the feeds again.
    Refresh,
    /// Leave the view.
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
    /// Where the story rows were last drawn (empty when the screen is too
    /// small for the list), so a click finds its row.
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
    }

    /// Handle a key; the effect for the owner, if any.
    pub fn key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let len = self.stories.len();
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return Some(Effect::Quit),
            KeyCode::Char('q') | KeyCode::Esc => return Some(Effect::Quit),
            KeyCode::Char('j') | KeyCode::Down => self.cursor.step(1, len),
            KeyCode::Char('k') | KeyCode::Up => self.cursor.step(-1, len),
            KeyCode::Char('g') | KeyCode::Home => self.cursor.selected = 0,
            KeyCode::Char('G') | KeyCode::End => self.cursor.selected = len.saturating_sub(1),
            KeyCode::PageDown => self.cursor.step(10, len),
            KeyCode::PageUp => self.cursor.step(-10, len),
            KeyCode::Char('r') => return Some(Effect::Refresh),
            KeyCode::Enter => return self.open(),
            _ => {}
        }
        None
    }

    /// Handle a mouse event over the list as last drawn: the wheel moves,
    /// a click selects, a click on the selected story opens it.
    pub fn mouse(&mut self, ev: MouseEvent) -> Option<Effect> {
        match self.cursor.mouse(ev, self.body, 1, self.stories.len())? {
            ListClick::Moved => None,
            ListClick::Open => self.open(),
        }
    }

    /// Open the selected story, marking it read.
    fn open(&mut self) -> Option<Effect> {
        let story = self.stories.get(self.cursor.selected)?.clone();
        self.read.insert(story.key().to_owned());
        Some(Effect::Open(Box::new(story)))
    }

    /// Mark read the stories whose links are articles in the library, so
    /// marks from earlier sessions show. A library that cannot be read
    /// leaves only this session's marks, and the status line says why.
    pub fn mark_library_read(&mut self) {
        match crate::store::kept_links(self.stories.iter().filter_map(|s| s.link.as_deref())) {
            Ok(keys) => self.read.extend(keys),
            Err(e) => self.status = Some(format!("read marks of earlier sessions are unavailable: {e}")),
        }
    }

    /// Draw the view into `buf`.
    pub fn draw(&mut self, config: &Config, buf: &mut Buffer) {
        let area = buf.area;
        self.body = Rect::default();
        if area.height < 3 || area.width < 10 {
            return;
        }
        let list = Rect::new(area.x, area.y, area.width, area.height - 1);
        let title = format!(" {} · {} stories ", safe::line(&self.title), self.stories.len());
        let block = Block::bordered().border_style(config.theme.border(true)).title(Line::styled(
            wrap::ellipsis(&title, usize::from(list.width.saturating_sub(4))),
            config.theme.title(true),
        ));
        let inner = block.inner(list);
        block.render(list, buf);
        let rows = usize::from(inner.height);
        self.cursor.clamp(self.stories.len(), rows);
        self.body = inner;
        let width = usize::from(inner.width);
        for (row, (i, story)) in
            self.stories.iter().enumerate().skip(self.cursor.offset).take(rows).enumerate()
        {
            let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
            let read = self.read.contains(story.key());
            let mark = if read { "  " } else { "● " };
            let date = story.date.as_deref().map_or_else(String::new, |d| format!("  {d}"));
            let source = format!("  {}", safe::line(&story.feed));
            let full = if story.content_included || story.link.is_none() { "" } else { " ↗" };
            let tail = format!("{full}{date}{source}");
            let title_width = width.saturating_sub(2 + wrap::width(&tail)).max(width / 2);
            let title = wrap::ellipsis(&safe::line(&story.title), title_width);
            let tail = wrap::ellipsis(&tail, width.saturating_sub(2 + title_width));
            let pad = " ".repeat(title_width.saturating_sub(wrap::width(&title)));
            let mut style = if read { config.theme.faint() } else { Style::new() };
            if i == self.cursor.selected {
                style = config.theme.selected(true);
            }
            let line = Line::from(vec![
                Span::styled(mark, style),
                Span::styled(format!("{title}{pad}"), style),
                Span::styled(tail, style.add_modifier(Modifier::DIM)),
            ]);
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
        if self.stories.is_empty() && rows > 0 {
            Line::raw("This feed has no stories.").render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        }
        let help = "j/k move · Enter open · r refresh · q quit · ↗ fetched from the web";
        let status = self.status.as_deref().map_or_else(|| help.to_owned(), safe::line);
        let bar = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        Line::raw(wrap::ellipsis(&status, usize::from(area.width))).render(bar, buf);
    }
}

/// Run the feed view until the user quits. `reload` reads the feeds again
/// for `r`; `open` turns a story into an article (fetching when needed).
///
/// # Errors
/// When the terminal cannot be used.
pub fn run(
    feeds: &[Feed],
    config: &Config,
    mut reload: impl FnMut() -> Result<Vec<Feed>, String>,
    open: impl Fn(&Story) -> Result<Article, ingest::Error> + Clone + Send + std::panic::UnwindSafe + 'static,
) -> Result<u8> {
    let mut view = FeedView::new(feeds);
    view.mark_library_read();
    let ended = Ended::watch().context("could not watch for signals")?;
    let mut guard = Guard::new().context("could not set up the terminal")?;
    let mut keys = Keys::start();
    let mut exit = 0;
    loop {
        guard.screen.draw(|f| view.draw(config, f.buffer_mut())).context("could not draw")?;
        if let Some(status) = ended.exit_status() {
            exit = status;
            break;
        }
        let event =
            keys.next(SIGNAL_POLL).map_err(|()| anyhow::anyhow!("the terminal can no longer be read"))?;
        let effect = match event {
            Some(Event::Key(key)) => view.key(key),
            Some(Event::Mouse(ev)) => view.mouse(ev),
            _ => continue,
        };
        match effect {
            None => {}
            Some(Effect::Quit) => break,
            Some(Effect::Refresh) => {
                view.status = Some("Refreshing…".to_owned());
                guard.screen.draw(|f| view.draw(config, f.buffer_mut())).context("could not draw")?;
                match reload() {
                    Ok(feeds) => {
                        view.set_feeds(&feeds);
                        view.status = Some(format!("Refreshed: {} stories", view.stories.len()));
                        // New stories may have been read elsewhere (another feed, the library).
                        view.mark_library_read();
                    }
                    Err(why) => view.status = Some(why),
                }
            }
            Some(Effect::Open(story)) => {
                keys.stop();
                drop(guard);
                let name = story.title.clone();
                let open = open.clone();
                let done = open_in_reader(name, config.clone(), Options::default(), move || open(&story));
                view.status = done.as_ref().err().map(|e| format!("{e:#}"));
                match done {
                    // The reader was ended by a signal: so is the list.
                    Ok(Ending::Signal(code)) => return Ok(code),
                    // `L`: the library, then back to the feed.
                    Ok(Ending::Library) => {
                        let store = Store::existing().map_err(anyhow::Error::from);
                        match store
                            .and_then(|s| super::library::run(s, config, &super::library::Start::Articles))
                        {
                            Ok(code @ 128..) => return Ok(code),
                            Ok(_) => {}
                            Err(e) => view.status = Some(format!("{e:#}")),
                        }
                    }
                    _ => {}
                }
                guard = Guard::new().context("could not set up the terminal")?;
                keys = Keys::start();
            }
        }
    }
    keys.stop();
    drop(guard);
    Ok(exit)
}

/// Open the reader on an article made by `fetch` on the background thread,
/// behind the spinner. The status line shows the extraction note.
///
/// # Errors
/// When the terminal cannot be used, or the article cannot be read.
pub fn open_in_reader(
    origin: String,
    config: Config,
    options: Options,
    fetch: impl FnOnce() -> Result<Article, ingest::Error> + Send + std::panic::UnwindSafe + 'static,
) -> Result<Ending> {
    super::read(origin, 0, config, options, move || fetch().map_err(|e| e.to_string()))
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};

    use super::*;

    fn story(title: &str, date: &str, feed: &str) -> Story {
        Story {
            title: title.to_owned(),
            date: Some(date.to_owned()),
            link: Some(format!("https://news.example/{}", title.len())),
            feed: feed.to_owned(),
            byline: None,
            content_included: false,
            body: None,
        }
    }

    fn feed(title: &str, items: Vec<Story>) -> Feed {
        Feed { title: title.to_owned(), source: "x".to_owned(), items }
    }

    #[test]
    fn keys_move_open_and_mark_read() {
        let a = feed(
            "A",
            vec![story("First", "2026-01-02 10:00", "A"), story("Second story", "2026-01-01 09:00", "A")],
        );
        let b = feed("B", vec![story("Newest of all", "2026-01-03 08:00", "B")]);
        let mut view = FeedView::new(&[a, b]);
        assert_eq!(view.stories[0].title, "Newest of all");
        let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
        assert_eq!(view.key(press(KeyCode::Char('j'))), None);
        assert_eq!(view.key(press(KeyCode::Char('j'))), None);
        assert_eq!(view.key(press(KeyCode::Char('j'))), None);
        assert_eq!(view.cursor.selected, 2);
        let Some(Effect::Open(opened)) = view.key(press(KeyCode::Enter)) else { panic!("Enter opens") };
        assert_eq!(opened.title, "Second story");
        assert!(view.read.contains(opened.key()));
        assert_eq!(view.key(press(KeyCode::Char('r'))), Some(Effect::Refresh));
        assert_eq!(view.key(press(KeyCode::Esc)), Some(Effect::Quit));
    }

    #[test]
    fn rows_show_title_date_source_and_read_state() {
        let mut view = FeedView::new(&[feed(
            "Harbour Gazette",
            vec![
                story("Council delays vote", "2026-01-02 10:00", "Harbour Gazette"),
                story("Ferry fares rise", "2026-01-01 09:00", "Harbour Gazette"),
            ],
        )]);
        view.read.insert(view.stories[1].key().to_owned());
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 6));
        view.draw(&Config::defaults().expect("defaults"), &mut buf);
        let rows: Vec<String> =
            (0..6).map(|y| (0..80).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>()).collect();
        assert!(rows[0].contains("Harbour Gazette · 2 stories"), "{rows:?}");
        assert!(rows[1].contains("● Council delays vote"), "{rows:?}");
        assert!(rows[1].contains("2026-01-02 10:00  Harbour Gazette"), "{rows:?}");
        assert!(rows[2].contains("  Ferry fares rise") && !rows[2].contains('●'), "{rows:?}");
        assert!(rows[5].contains("Enter open"), "{rows:?}");
    }

    fn screen(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>())
            .collect()
    }

    fn gazette() -> FeedView {
        FeedView::new(&[feed(
            "Harbour Gazette",
            vec![
                story("Council delays vote", "2026-01-04 10:00", "Harbour Gazette"),
                story("Ferry fares rise", "2026-01-03 09:00", "Harbour Gazette"),
                story("School opens", "2026-01-02 09:00", "Harbour Gazette"),
                story("Market moves", "2026-01-01 09:00", "Harbour Gazette"),
            ],
        )])
    }

    #[test]
    fn stories_kept_in_the_library_are_read_after_a_restart() {
        let home = tempfile::tempdir().expect("temp dir");
        let path = home.path().join("library.db");
        let mut view = gazette();
        // Read in an earlier session: saved under its link with a trailing
        // slash and a fragment, as a page's address may be.
        let earlier = format!("{}/#top", view.stories[1].link.as_deref().expect("link"));
        let store = Store::open(&path).expect("store");
        let new =
            crate::store::NewArticle { source: Some(&earlier), text: "Fares rise.", ..Default::default() };
        store.save_article(&new).expect("save");
        drop(store);
        // A new session opens the library afresh.
        let store = Store::open(&path).expect("reopen");
        let read = store.kept_links(view.stories.iter().filter_map(|s| s.link.as_deref())).expect("lookup");
        assert_eq!(read, HashSet::from([view.stories[1].key().to_owned()]));
        view.read.extend(read);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 7));
        view.draw(&Config::defaults().expect("defaults"), &mut buf);
        let rows = screen(&buf);
        assert!(rows[1].contains("● Council delays vote"), "{rows:?}");
        assert!(rows[2].contains("  Ferry fares rise") && !rows[2].contains('●'), "{rows:?}");
        assert!(rows[3].contains("● School opens"), "{rows:?}");
        // Drawn as the session's own read mark is: faint.
        let dim = Config::defaults().expect("defaults").theme.dim;
        assert_eq!(buf[(4, 2)].fg, dim);
        assert_ne!(buf[(4, 3)].fg, dim);
    }

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
    }

    #[test]
    fn the_mouse_selects_opens_and_scrolls_the_rows_drawn() {
        let config = Config::defaults().expect("defaults");
        let mut view = gazette();
        // 6 rows: border, three story rows, border, status line.
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 6));
        view.draw(&config, &mut buf);
        assert_eq!(view.body, Rect::new(1, 1, 58, 3));
        let click = |x, y| mouse(MouseEventKind::Down(MouseButton::Left), x, y);
        // The border, the side borders and the status line are not rows.
        for (x, y) in [(5, 0), (0, 2), (59, 2), (5, 4), (5, 5)] {
            assert_eq!(view.mouse(click(x, y)), None);
            assert_eq!(view.cursor.selected, 0);
        }
        assert_eq!(view.mouse(click(10, 3)), None);
        assert_eq!(view.cursor.selected, 2);
        let Some(Effect::Open(story)) = view.mouse(click(30, 3)) else { panic!("a second click opens") };
        assert_eq!(story.title, "School opens");
        assert!(view.read.contains(story.key()));
        // The wheel moves the selection; the list scrolls to keep it shown,
        // and a click then counts from the first row shown.
        assert_eq!(view.mouse(mouse(MouseEventKind::ScrollDown, 0, 0)), None);
        assert_eq!(view.mouse(mouse(MouseEventKind::ScrollDown, 0, 0)), None);
        assert_eq!(view.cursor.selected, 3);
        view.draw(&config, &mut buf);
        assert_eq!(view.cursor.offset, 1);
        assert_eq!(view.mouse(click(10, 1)), None);
        assert_eq!(view.cursor.selected, 1);
        assert_eq!(view.mouse(mouse(MouseEventKind::ScrollUp, 0, 0)), None);
        assert_eq!(view.cursor.selected, 0);
    }

    #[test]
    fn clicks_on_tiny_or_empty_screens_do_nothing() {
        let config = Config::defaults().expect("defaults");
        let click = |x, y| mouse(MouseEventKind::Down(MouseButton::Left), x, y);
        for (w, h) in [(0, 0), (1, 1), (9, 3), (10, 2), (10, 3), (12, 4)] {
            let mut view = gazette();
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            view.draw(&config, &mut buf);
            for y in 0..h.max(1) + 1 {
                for x in 0..w.max(1) + 1 {
                    let _ = view.mouse(click(x, y));
                }
            }
            assert!(view.cursor.selected < 4);
        }
        let mut empty = FeedView::new(&[feed("Quiet", Vec::new())]);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 6));
        empty.draw(&config, &mut buf);
        assert_eq!(empty.mouse(click(5, 1)), None);
        assert_eq!(empty.mouse(mouse(MouseEventKind::ScrollDown, 5, 1)), None);
    }
}
