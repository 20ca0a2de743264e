//! The event loop: terminal, signal and annotation events arrive on one
//! channel; each becomes a message for `update`; the screen is redrawn only
//! when the state changed. The loop blocks while nothing happens.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event as TermEvent};
use ratatui::layout::Rect;
use sayso_nlp::Annotator;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::keep::{Keeper, Kept};
use super::render;
use super::terminal::Guard;
use crate::app::{Document, Msg, State, update};
use crate::config::Config;
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
}

/// An article to read, with what is known about it.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// What the status bar calls it: a file name, a URL, `sample`.
    pub origin: String,
    /// A canonical file path or URL, by which the library finds it again.
    pub source: Option<String>,
    /// The headline, when known apart from the text.
    pub title: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The publication date.
    pub published: Option<String>,
    /// The site's name.
    pub site: Option<String>,
    /// The text.
    pub text: String,
}

enum Event {
    Terminal(TermEvent),
    Loaded(Box<Document>),
    Failed(String),
    Signal(i32),
}

/// Read `text` in the terminal until the user quits. Returns the exit code:
/// 0, or 128 + the signal that ended the reader.
///
/// # Errors
/// When the terminal cannot be used or the article cannot be annotated.
pub fn run(article: Article, config: Config, options: Options) -> Result<u8> {
    let bytes = article.text.len();
    let name = article.origin.clone();
    // Loaded before the terminal is touched, so a failure is a plain error.
    let annotator = Annotator::new().context("the built-in models could not be loaded")?;
    // The library is opened here too: a damaged or newer database is
    // reported in the reader, which then works without notes.
    let opened = Store::open_default().map_err(|e| e.to_string()).and_then(|store| {
        let new = NewArticle {
            source: article.source.as_deref(),
            title: article.title.as_deref(),
            author: article.author.as_deref(),
            published: article.published.as_deref(),
            site: article.site.as_deref(),
            text: &article.text,
        };
        Keeper::open(store, &new)
    });
    let (keeper, kept, store_error) = match opened {
        Ok((k, kept)) => (Some(k), kept, None),
        Err(why) => (None, Kept::default(), Some(why)),
    };
    let corrections = kept.corrections.clone();
    let text = article.text;
    let library = Library { keeper, kept, store_error };
    run_with(name.clone(), bytes, config, options, library, move || {
        let ann = annotator.annotate(&text);
        Document::new(name, text, ann).reassigned(&corrections)
    })
}

/// The library's part in a reading session.
#[derive(Default)]
pub struct Library {
    keeper: Option<Keeper>,
    kept: Kept,
    store_error: Option<String>,
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
    library: Library,
    load: impl FnOnce() -> Document + Send + std::panic::UnwindSafe + 'static,
) -> Result<u8> {
    let Library { mut keeper, kept, store_error } = library;
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
                Ok(doc) => Event::Loaded(Box::new(doc)),
                Err(_) => Event::Failed("the annotator stopped on this text".to_owned()),
            });
        })
        .context("could not start the annotation thread")?;

    let mut guard = Guard::new().context("could not set up the terminal")?;
    let size = guard.screen.size().context("could not read the terminal size")?;
    let mut state = State::loading(config, origin, bytes, Rect::new(0, 0, size.width, size.height));
    state.notes = kept.notes;
    state.store_error = store_error;
    state.resume = kept.position;

    let tx_input = tx;
    thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx_input.send(Event::Terminal(ev)).is_err() {
                break;
            }
        }
    });

    let started = Instant::now();
    let mut dirty = true;
    let mut exit = 0;
    loop {
        let grace = LOADING_GRACE.saturating_sub(started.elapsed());
        let holding = state.loading.is_some() && !grace.is_zero();
        if dirty && !holding {
            let size = guard.screen.size().context("could not read the terminal size")?;
            if (size.width, size.height) != (state.area.width, state.area.height) {
                update(&mut state, Msg::Resize(size.width, size.height));
            }
            guard.screen.draw(|f| render(&state, f)).context("could not draw")?;
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
            dirty |= update(&mut state, Msg::Tick) || holding;
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
                Event::Loaded(doc) => Msg::Loaded(doc),
                Event::Failed(why) => {
                    drop(guard);
                    anyhow::bail!("{why}");
                }
                Event::Signal(sig) => {
                    exit = u8::try_from(128 + sig).unwrap_or(1);
                    state.quit = true;
                    break;
                }
            };
            dirty |= update(&mut state, msg);
            // Changes are committed before the screen hears of them.
            for effect in std::mem::take(&mut state.effects) {
                let result = match keeper.as_mut() {
                    Some(k) => k.carry_out(effect, state.doc.as_ref()),
                    None => Err(state.store_error.clone().unwrap_or_else(|| "no library".to_owned())),
                };
                dirty |= update(&mut state, Msg::Stored(result));
            }
            if state.quit {
                break;
            }
        }
        if state.quit {
            break;
        }
    }
    signal_handle.close();
    if let (Some(k), Some(_)) = (&keeper, &state.doc) {
        k.save_position(state.top_offset());
    }
    drop(guard);
    Ok(exit)
}
