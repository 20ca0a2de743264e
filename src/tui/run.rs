//! The event loop: terminal, signal and annotation events arrive on one
//! channel; each becomes a message for `update`; the screen is redrawn only
//! when the state changed. The loop blocks while nothing happens.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::crossterm::event::Event as TermEvent;
use ratatui::layout::Rect;
use sayso_nlp::Annotator;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::keep::{Keeper, Kept};
use super::keys::Reader;
use super::render;
use super::terminal::Guard;
use crate::app::{Document, Msg, State, update};
use crate::config::Config;
use crate::ingest;
use crate::store::{NewArticle, Store};

/// How long a quick annotation may take before the loading screen is drawn,
/// so that small articles open without a flash.
const LOADING_GRACE: Duration = Duration::from_millis(40);
/// Spinner period while loading (the only time the loop wakes on its own).
const TICK: Duration = Duration::from_millis(90);

/// Launch options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Exit right after the first frame that shows the article (to time start-up).
    pub exit_after_first_frame: bool,
    /// Open at the attribution whose words hold this byte offset, current
    /// and in view (from the speaker index).
    pub start_at: Option<usize>,
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The reader quit.
    Quit,
    /// The reader asked for the library view (`L`).
    Library,
    /// A signal ended it; the exit code is 128 + the signal.
    Signal(u8),
}

impl Ending {
    /// The process exit code this ending stands for.
    #[must_use]
    pub const fn code(self) -> u8 {
        match self {
            Self::Quit | Self::Library => 0,
            Self::Signal(code) => code,
        }
    }
}

enum Event {
    Terminal(TermEvent),
    Loaded(Box<Opened>),
    Failed(String),
    Signal(i32),
}

/// An article ready to read, with the library's part in it.
pub struct Opened {
    /// The annotated article.
    pub doc: Document,
    /// Its notes and corrections, and the link to save more.
    pub library: Library,
}

/// The library's part in a reading session.
#[derive(Default)]
pub struct Library {
    keeper: Option<Keeper>,
    kept: Kept,
    store_error: Option<String>,
}

impl Library {
    /// Save `article` in the library and read back its notes, corrections and
    /// reading place. A library that cannot be opened (damaged, newer) is
    /// left untouched and the reader works without notes, saying why.
    #[must_use]
    pub fn open(article: &ingest::Article) -> Self {
        // A text file's headline is its first line, as the engine reads it.
        let headline = article.text.lines().map(str::trim).find(|l| !l.is_empty()).map(|l| {
            let l = sayso_nlp::text::sanitize(l);
            l.chars().take(300).collect::<String>()
        });
        let opened = Store::open_default().map_err(|e| e.to_string()).and_then(|store| {
            let new = NewArticle {
                source: article.source.as_deref(),
                title: article.title.as_deref().or(headline.as_deref()),
                author: article.byline.as_deref(),
                published: article.published.as_deref(),
                site: article.site.as_deref(),
                text: &article.text,
            };
            Keeper::open(store, &new)
        });
        match opened {
            Ok((keeper, kept)) => Self { keeper: Some(keeper), kept, store_error: None },
            Err(why) => Self { keeper: None, kept: Kept::default(), store_error: Some(why) },
        }
    }
}

/// Read `article` in the terminal until the user quits, asks for the
/// library, or a signal ends it.
///
/// # Errors
/// When the terminal cannot be used or the article cannot be annotated.
pub fn run(article: ingest::Article, config: Config, options: Options) -> Result<Ending> {
    let (label, bytes) = (article.label(), article.text.len());
    read(label, bytes, config, options, move || Ok(article))
}

/// Read the article that `get` makes (fetching a page, say) on the
/// background thread, behind the spinner; `bytes` is 0 while its size is
/// unknown. The article is saved in the library, then annotated, with the
/// reader's corrections of who said what laid over.
///
/// # Errors
/// When the terminal cannot be used, the models cannot be loaded, or `get` fails.
pub fn read(
    origin: String,
    bytes: usize,
    config: Config,
    options: Options,
    get: impl FnOnce() -> Result<ingest::Article, String> + Send + std::panic::UnwindSafe + 'static,
) -> Result<Ending> {
    // Loaded before the terminal is touched, so a failure is a plain error.
    let annotator = Annotator::new().context("the built-in models could not be loaded")?;
    run_loading(origin, bytes, config, options, move || {
        let article = get()?;
        let mut library = Library::open(&article);
        let ann = annotator.annotate(&article.text);
        let doc = Document::new(article.label(), article.text, ann).reassigned(&library.kept.corrections);
        if let Some(Err(why)) = library.keeper.as_ref().map(|k| k.save_annotation(&doc.ann)) {
            library.store_error = Some(why);
            library.keeper = None;
        }
        Ok(Opened { doc, library })
    })
}

/// Like [`run`], with the document made by `load` on a background thread.
///
/// # Errors
/// When the terminal cannot be used or `load` panics.
pub fn run_with(
    origin: String,
    bytes: usize,
    config: Config,
    options: Options,
    load: impl FnOnce() -> Document + Send + std::panic::UnwindSafe + 'static,
) -> Result<Ending> {
    run_loading(origin, bytes, config, options, move || {
        Ok(Opened { doc: load(), library: Library::default() })
    })
}

/// Like [`run_with`], for a load that may fail (a page that cannot be
/// fetched): its message ends the reader as an error. `bytes` is 0 when
/// the size is not known yet.
///
/// # Errors
/// When the terminal cannot be used, or `load` fails or panics.
fn run_loading(
    origin: String,
    bytes: usize,
    config: Config,
    options: Options,
    load: impl FnOnce() -> Result<Opened, String> + Send + std::panic::UnwindSafe + 'static,
) -> Result<Ending> {
    let (tx, rx) = mpsc::channel();

    // A terminal left in raw mode after SIGTERM or SIGHUP (a closed window,
    // `kill`) is unusable, so these signals become events that end the loop
    // through the same restoring path as `q`. signal-hook's handler only
    // writes to a pipe (all a signal handler may safely do); the terminal is
    // restored on this thread, never inside the handler.
    let mut signals =
        Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).context("could not watch for signals")?;
    let signal_handle = signals.handle();
    let tx_signal = tx.clone();
    thread::spawn(move || {
        for sig in signals.forever() {
            if tx_signal.send(Event::Signal(sig)).is_err() {
                break;
            }
        }
    });

    let tx_annotate = tx.clone();
    thread::Builder::new()
        .name("annotate".to_owned())
        .spawn(move || {
            let done = std::panic::catch_unwind(load);
            let _ = tx_annotate.send(match done {
                Ok(Ok(doc)) => Event::Loaded(Box::new(doc)),
                Ok(Err(why)) => Event::Failed(why),
                Err(_) => Event::Failed("the annotator stopped on this text".to_owned()),
            });
        })
        .context("could not start the annotation thread")?;

    let mut guard = Guard::new().context("could not set up the terminal")?;
    let size = guard.screen.size().context("could not read the terminal size")?;
    let mut state = State::loading(config, origin, bytes, Rect::new(0, 0, size.width, size.height));
    state.start_at = options.start_at;

    // The input thread stops when the reader ends, so that a view that
    // opened the reader (the feed list) gets the keys back.
    let input = Reader::forward(tx, Event::Terminal);
    let mut keeper = None;
    let result = event_loop(&mut guard, &mut state, &mut keeper, &rx, options);
    if let (Some(k), Some(_)) = (&keeper, &state.doc) {
        k.save_position(state.top_offset());
    }
    signal_handle.close();
    drop(guard);
    input.stop();
    result
}

/// Draw and handle events until the reader quits; how it ended.
fn event_loop(
    guard: &mut Guard,
    state: &mut State,
    keeper: &mut Option<Keeper>,
    rx: &mpsc::Receiver<Event>,
    options: Options,
) -> Result<Ending> {
    let started = Instant::now();
    let mut dirty = true;
    let mut signal = None;
    loop {
        let grace = LOADING_GRACE.saturating_sub(started.elapsed());
        let holding = state.loading.is_some() && !grace.is_zero();
        if dirty && !holding {
            let size = guard.screen.size().context("could not read the terminal size")?;
            if (size.width, size.height) != (state.area.width, state.area.height) {
                update(state, Msg::Resize(size.width, size.height));
            }
            guard.screen.draw(|f| render(state, f)).context("could not draw")?;
            dirty = false;
            if options.exit_after_first_frame && state.doc.is_some() {
                break;
            }
        }
        let first = if state.loading.is_some() {
            match rx.recv_timeout(if holding { grace } else { TICK }) {
                Ok(ev) => Some(ev),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(ev) => Some(ev),
                Err(_) => break,
            }
        };
        let Some(first) = first else {
            dirty |= update(state, Msg::Tick) || holding;
            continue;
        };
        // Handle everything already queued before drawing again, so a burst
        // of keys or resizes costs one frame.
        for ev in std::iter::once(first).chain(rx.try_iter()) {
            let msg = match ev {
                Event::Terminal(TermEvent::Key(k)) => Msg::Key(k),
                Event::Terminal(TermEvent::Mouse(m)) => Msg::Mouse(m),
                Event::Terminal(TermEvent::Resize(w, h)) => Msg::Resize(w, h),
                Event::Terminal(_) => continue,
                Event::Loaded(opened) => {
                    let Opened { doc, library } = *opened;
                    *keeper = library.keeper;
                    state.notes = library.kept.notes;
                    state.resume = library.kept.position;
                    state.store_error = library.store_error;
                    Msg::Loaded(Box::new(doc))
                }
                Event::Failed(why) => anyhow::bail!("{why}"),
                Event::Signal(sig) => {
                    signal = Some(u8::try_from(128 + sig).unwrap_or(1));
                    state.quit = true;
                    break;
                }
            };
            dirty |= update(state, msg);
            // Changes are committed before the screen hears of them.
            for effect in std::mem::take(&mut state.effects) {
                let result = match keeper.as_mut() {
                    Some(k) => k.carry_out(effect, state.doc.as_ref()),
                    None => Err(state.store_error.clone().unwrap_or_else(|| "no library".to_owned())),
                };
                dirty |= update(state, Msg::Stored(result));
            }
            if state.quit {
                break;
            }
        }
        if state.quit {
            break;
        }
    }
    Ok(match signal {
        Some(code) => Ending::Signal(code),
        None if state.to_library => Ending::Library,
        None => Ending::Quit,
    })
}
