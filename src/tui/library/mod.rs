//! The library view: the articles kept, newest first, with full-text
//! search; the speakers across them; and one speaker's attributions, each
//! opening its article in the reader at that attribution. `q` in the reader
//! (or `L`) comes back here.

mod draw;
mod view;

#[cfg(test)]
mod tests;

use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::crossterm::event::Event;

pub use view::{Cursor, Effect, LibraryView, Query, Screen};

use super::keys::Keys;
use super::terminal::{Ended, Guard};
use super::{Ending, Options};
use crate::config::Config;
use crate::store::Store;

/// How often the view looks for a signal while no key comes.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

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

/// Run the library view until the user quits; the exit code (0, or 128 +
/// the signal that ended it).
///
/// # Errors
/// When the terminal cannot be used.
pub fn run(mut store: Option<Store>, config: &Config, start: &Start) -> Result<u8> {
    let mut view = LibraryView::new(config.clone(), store.as_ref());
    match start {
        Start::Articles => {}
        Start::Search(words) => {
            view.search.text = words.clone();
            view.reload(store.as_ref());
        }
        Start::Speakers { all } => {
            view.screen = Screen::Speakers;
            if *all {
                view.all = true;
                view.reload(store.as_ref());
            }
        }
        Start::Speaker(name) => {
            view.all = true;
            view.reload(store.as_ref());
            view.choose(store.as_ref(), name);
        }
    }
    let ended = Ended::watch().context("could not watch for signals")?;
    let mut guard = Guard::new().context("could not set up the terminal")?;
    let mut keys = Keys::start();
    loop {
        guard.screen.draw(|f| view.draw(f.buffer_mut())).context("could not draw")?;
        if let Some(status) = ended.exit_status() {
            return Ok(status);
        }
        let event =
            keys.next(SIGNAL_POLL).map_err(|()| anyhow::anyhow!("the terminal can no longer be read"))?;
        let effect = match event {
            Some(Event::Key(key)) => view.key(key, store.as_ref()),
            Some(Event::Mouse(ev)) => view.mouse(ev, store.as_ref()),
            _ => continue,
        };
        match effect {
            None => {}
            Some(Effect::Quit) => break,
            Some(Effect::Open { article, at }) => {
                let record = match store.as_ref().map(|s| s.article(&article)).transpose() {
                    Ok(Some(Some(record))) => record,
                    Ok(_) => {
                        view.status = Some("that article is no longer in the library".to_owned());
                        continue;
                    }
                    Err(e) => {
                        view.status = Some(format!("the article could not be read: {e}"));
                        continue;
                    }
                };
                keys.stop();
                drop(guard);
                let article = record.into_article();
                let (origin, bytes) = (article.origin.clone(), article.text.len());
                let options = Options { start_at: at, ..Options::default() };
                let done = super::read(origin, bytes, config.clone(), options, move || Ok(article));
                match done {
                    Ok(Ending::Signal(code)) => return Ok(code),
                    Ok(Ending::Quit | Ending::Library) => {}
                    Err(e) => view.status = Some(format!("{e:#}")),
                }
                // The reader may have made the library (it saves what it opens).
                if store.is_none() {
                    store = Store::existing().ok().flatten();
                }
                view.reload(store.as_ref());
                guard = Guard::new().context("could not set up the terminal")?;
                keys = Keys::start();
            }
        }
    }
    keys.stop();
    drop(guard);
    Ok(0)
}
