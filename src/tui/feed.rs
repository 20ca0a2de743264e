//! The feed view: a feed's stories (or every followed feed's, merged) in a
//! list; Enter opens one in the reader, `q` in the reader comes back here.
//! Read state lives in memory for the session.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use signal_hook::consts::{SIGHUP, SIGTERM};

use super::keys::Keys;
use super::terminal::Guard;
use super::{Ending, Options, safe, wrap};
use crate::config::Config;
use crate::ingest::feed::{Feed, Story};
use crate::ingest::{self, Article};

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
    /// The selected row.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// Keys of the stories opened this session.
    pub read: HashSet<String>,
    /// A message for the status line (an error, a refresh).
    pub status: Option<String>,
}

impl FeedView {
    /// A view of `feeds`: one feed as it is ordered, several merged newest first.
    #[must_use]
    pub fn new(feeds: &[Feed]) -> Self {
        let mut view = Self {
            title: String::new(),
            stories: Vec::new(),
            selected: 0,
            offset: 0,
            read: HashSet::new(),
            status: None,
        };
        view.set_feeds(feeds);
        view
    }

    /// Replace the stories (after a refresh), keeping read state and,
    /// where it still exists, the selected story.
    pub fn set_feeds(&mut self, feeds: &[Feed]) {
        let keep = self.stories.get(self.selected).map(|s| s.key().to_owned());
        self.stories = feeds.iter().flat_map(|f| f.items.iter().cloned()).collect();
        if feeds.len() > 1 {
            // Dates are `YYYY-MM-DD HH:MM`, so text order is time order.
            self.stories.sort_by(|a, b| b.date.cmp(&a.date));
        }
        self.title = match feeds {
            [one] => one.title.clone(),
            _ => format!("{} feeds", feeds.len()),
        };
        self.selected = keep
            .and_then(|k| self.stories.iter().position(|s| s.key() == k))
            .unwrap_or(0)
            .min(self.stories.len().saturating_sub(1));
    }

    /// Handle a key; the effect for the owner, if any.
    pub fn key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let last = self.stories.len().saturating_sub(1);
        match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => return Some(Effect::Quit),
            KeyCode::Char('q') | KeyCode::Esc => return Some(Effect::Quit),
            KeyCode::Char('j') | KeyCode::Down => self.selected = (self.selected + 1).min(last),
            KeyCode::Char('k') | KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('g') | KeyCode::Home => self.selected = 0,
            KeyCode::Char('G') | KeyCode::End => self.selected = last,
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::Char('r') => return Some(Effect::Refresh),
            KeyCode::Enter => {
                let story = self.stories.get(self.selected)?.clone();
                self.read.insert(story.key().to_owned());
                return Some(Effect::Open(Box::new(story)));
            }
            _ => {}
        }
        None
    }

    /// Draw the view into `buf`.
    pub fn draw(&mut self, config: &Config, buf: &mut Buffer) {
        let area = buf.area;
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
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if rows > 0 && self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        let width = usize::from(inner.width);
        for (row, (i, story)) in self.stories.iter().enumerate().skip(self.offset).take(rows).enumerate() {
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
            if i == self.selected {
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
    // SIGTERM or SIGHUP (a closed window) ends the view through the same
    // restoring path as `q`; the flag is checked between short waits.
    let ended = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&ended), usize::try_from(sig).unwrap_or(1))
            .context("could not watch for signals")?;
    }
    let mut guard = Guard::new().context("could not set up the terminal")?;
    let mut keys = Keys::start();
    let mut exit = 0;
    loop {
        guard.screen.draw(|f| view.draw(config, f.buffer_mut())).context("could not draw")?;
        let sig = ended.load(Ordering::Relaxed);
        if sig != 0 {
            exit = u8::try_from(128 + sig).unwrap_or(1);
            break;
        }
        let event =
            keys.next(SIGNAL_POLL).map_err(|()| anyhow::anyhow!("the terminal can no longer be read"))?;
        let Some(Event::Key(key)) = event else { continue };
        match view.key(key) {
            None => {}
            Some(Effect::Quit) => break,
            Some(Effect::Refresh) => {
                view.status = Some("Refreshing…".to_owned());
                guard.screen.draw(|f| view.draw(config, f.buffer_mut())).context("could not draw")?;
                match reload() {
                    Ok(feeds) => {
                        view.set_feeds(&feeds);
                        view.status = Some(format!("Refreshed: {} stories", view.stories.len()));
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
                        let store = super::library::existing_store().map_err(anyhow::Error::from);
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
        assert_eq!(view.selected, 2);
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
}
