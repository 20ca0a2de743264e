//! The one event loop. Terminal events, signals, ticks (only while
//! something animates) and the results of background work arrive on one
//! channel; the screen on top of the stack turns each into a change of its
//! state and effects; effects run off this thread; the screen is drawn
//! only when something changed, and the loop sleeps while nothing happens.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{self, Event as TermEvent};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::terminal::Guard;
use super::work::{Done, Executor, Opened, Reload};
use crate::app::library::{self, LibraryView};
use crate::app::notes::{Effect as NoteEffect, Stored};
use crate::app::screen::{Effect, Reading, Screen, reader_effects};
use crate::app::{Msg, State, update};
use crate::config::Config;
use crate::ingest::feed::Feed;

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

/// The first screen.
pub enum Start {
    /// An article in the reader.
    Read(Box<Reading>),
    /// The library view.
    Library(library::Start),
    /// A feed list, with how to read its feeds again.
    Feed(Vec<Feed>, Reload),
}

enum Event {
    Terminal(TermEvent),
    Signal(i32),
    Done(Done),
}

/// A screen with the id its background work answers to, and for a reader
/// opened from a feed, the story's key (read once it opens).
struct Entry {
    id: u64,
    screen: Screen,
    story: Option<String>,
}

/// The program's screens, from `start` until the last one closes or a
/// signal ends it; the exit status (0, or 128 + the signal).
///
/// # Errors
/// When the terminal cannot be used, or the first article cannot be opened.
pub fn run(start: Start, config: Config, options: Options) -> Result<u8> {
    let (tx, rx) = mpsc::channel();
    let reload = match &start {
        Start::Feed(_, reload) => Some(reload.clone()),
        _ => None,
    };
    let mut work = Executor::new(tx.clone(), Event::Done, reload);
    if matches!(start, Start::Read(_)) {
        // Loaded before the terminal is touched, so a failure is a plain error.
        work.load_models().map_err(anyhow::Error::msg)?;
    }

    // A terminal left in raw mode after SIGTERM or SIGHUP (a closed window,
    // `kill`) is unusable, so these signals become events that end the loop
    // through the same restoring path as `q`. signal-hook's handler only
    // writes to a pipe; the terminal is restored on this thread.
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

    let mut guard = Guard::new().context("could not set up the terminal")?;
    // One thread reads the terminal for the whole program, blocking: no
    // polling, so nothing wakes while nobody types.
    let tx_keys = tx;
    thread::Builder::new()
        .name("keys".to_owned())
        .spawn(move || {
            while let Ok(ev) = event::read() {
                if tx_keys.send(Event::Terminal(ev)).is_err() {
                    break;
                }
            }
        })
        .context("could not start reading the terminal")?;

    let size = guard.screen.size().context("could not read the terminal size")?;
    let mut stack =
        Stack { entries: Vec::new(), next: 0, area: Rect::new(0, 0, size.width, size.height), config };
    let first = match start {
        Start::Read(reading) => {
            let id = stack.push(Screen::reader(stack.config.clone(), &reading, stack.area), None);
            work.open(id, *reading);
            Vec::new()
        }
        Start::Library(start) => {
            let (screen, asks) = Screen::library(stack.config.clone(), &start, stack.area);
            stack.push(screen, None);
            asks
        }
        Start::Feed(feeds, _) => {
            let (screen, asks) = Screen::feed(&feeds, stack.area);
            stack.push(screen, None);
            asks
        }
    };
    let mut looped = Looping { work: &mut work, failure: None, signal: None };
    for effect in first {
        looped.carry_out(&mut stack, effect);
    }
    let result = looped.run(&mut guard, &mut stack, &rx, options);
    let failure = looped.failure.take();
    let signal = looped.signal;
    // Readers still open keep their place.
    while let Some(entry) = stack.entries.pop() {
        release(&work, &entry);
    }
    work.finish();
    signal_handle.close();
    drop(guard);
    result?;
    if let Some(why) = failure {
        anyhow::bail!("{why}");
    }
    Ok(signal.unwrap_or(0))
}

/// The screens, newest on top.
struct Stack {
    entries: Vec<Entry>,
    next: u64,
    area: Rect,
    config: Config,
}

impl Stack {
    fn push(&mut self, screen: Screen, story: Option<String>) -> u64 {
        self.next += 1;
        self.entries.push(Entry { id: self.next, screen, story });
        self.next
    }

    fn top(&mut self) -> Option<&mut Entry> {
        self.entries.last_mut()
    }

    fn reader(&mut self, id: u64) -> Option<&mut State> {
        self.entries.iter_mut().find(|e| e.id == id).and_then(|e| match &mut e.screen {
            Screen::Reader(s) => Some(&mut **s),
            _ => None,
        })
    }
}

/// Save a closing reader's place in the library.
fn release(work: &Executor<Event>, entry: &Entry) {
    if let Screen::Reader(state) = &entry.screen {
        work.release(entry.id, state.doc.as_ref().map(|_| state.top_offset()));
    }
}

struct Looping<'a> {
    work: &'a mut Executor<Event>,
    /// Why the first article could not be opened: the program ends with it.
    failure: Option<String>,
    signal: Option<u8>,
}

impl Looping<'_> {
    fn run(
        &mut self,
        guard: &mut Guard,
        stack: &mut Stack,
        rx: &Receiver<Event>,
        options: Options,
    ) -> Result<()> {
        let started = Instant::now();
        let mut dirty = true;
        while !stack.entries.is_empty() && self.signal.is_none() {
            let animating = stack.entries.last().is_some_and(|e| e.screen.animating());
            let grace = LOADING_GRACE.saturating_sub(started.elapsed());
            let holding = animating && !grace.is_zero();
            if dirty && !holding {
                let size = guard.screen.size().context("could not read the terminal size")?;
                let area = Rect::new(0, 0, size.width, size.height);
                if area != stack.area {
                    stack.area = area;
                    for e in &mut stack.entries {
                        e.screen.resize(area);
                    }
                }
                let config = &stack.config;
                if let Some(top) = stack.entries.last() {
                    guard
                        .screen
                        .draw(|f| super::draw_screen(&top.screen, config, f))
                        .context("could not draw")?;
                }
                dirty = false;
                let shown = matches!(stack.entries.last(), Some(Entry { screen: Screen::Reader(s), .. }) if s.doc.is_some());
                if options.exit_after_first_frame && shown {
                    break;
                }
            }
            let first = if animating {
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
                if let Some(Entry { screen: Screen::Reader(s), .. }) = stack.entries.last_mut() {
                    dirty |= update(s, Msg::Tick) || holding;
                }
                continue;
            };
            // Everything already queued is handled before drawing again, so
            // a burst of keys or resizes costs one frame.
            for ev in std::iter::once(first).chain(rx.try_iter()) {
                dirty |= self.handle(stack, ev);
                if stack.entries.is_empty() || self.signal.is_some() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// One event; whether the screen must be drawn again.
    fn handle(&mut self, stack: &mut Stack, ev: Event) -> bool {
        match ev {
            Event::Signal(sig) => {
                self.signal = Some(u8::try_from(128 + sig).unwrap_or(1));
                false
            }
            Event::Terminal(ev) => {
                if let TermEvent::Resize(w, h) = ev {
                    stack.area = Rect::new(0, 0, w, h);
                    for e in &mut stack.entries {
                        e.screen.resize(stack.area);
                    }
                    return true;
                }
                let config = stack.config.clone();
                let Some(top) = stack.top() else { return false };
                let (changed, effects) = top.screen.on_event(&config, &ev);
                let any = !effects.is_empty();
                for effect in effects {
                    self.carry_out(stack, effect);
                }
                changed || any
            }
            Event::Done(done) => self.done(stack, done),
        }
    }

    /// A result of background work; whether the screen must be drawn again.
    fn done(&mut self, stack: &mut Stack, done: Done) -> bool {
        match done {
            Done::Opened(id, Ok(mut opened)) => {
                // A reader closed while its article loaded takes nothing.
                let Some(entry) = stack.entries.iter().find(|e| e.id == id) else { return false };
                let story = entry.story.clone();
                self.work.adopt(id, &mut opened);
                let Some(state) = stack.reader(id) else { return false };
                let Opened { doc, kept, store_error, .. } = *opened;
                state.notes = kept.notes;
                state.resume = kept.position;
                state.store_error = store_error;
                update(state, Msg::Loaded(Box::new(doc)));
                if let Some(key) = story {
                    for e in &mut stack.entries {
                        if let Screen::Feed(view) = &mut e.screen {
                            view.opened(&key);
                        }
                    }
                }
                true
            }
            Done::Opened(id, Err(why)) => {
                let Some(at) = stack.entries.iter().position(|e| e.id == id) else { return false };
                stack.entries.remove(at);
                match stack.entries.last_mut().map(|e| &mut e.screen) {
                    Some(Screen::Feed(view)) => view.status = Some(why),
                    Some(Screen::Library(view)) => view.status = Some(why),
                    Some(Screen::Reader(state)) => state.message = Some(why),
                    None => self.failure = Some(why),
                }
                true
            }
            Done::Stored(id, result) => {
                let Some(state) = stack.reader(id) else { return false };
                let changed = update(state, Msg::Stored(result));
                let effects = reader_effects(state);
                for effect in effects {
                    self.carry_out(stack, effect);
                }
                changed
            }
            Done::Answer(answer) => {
                for e in &mut stack.entries {
                    if let Screen::Library(view) = &mut e.screen {
                        view.answer(answer);
                        view.settle(stack.area);
                        break;
                    }
                }
                true
            }
            Done::Kept(links) => {
                for e in &mut stack.entries {
                    if let Screen::Feed(view) = &mut e.screen {
                        view.kept(links);
                        break;
                    }
                }
                true
            }
            Done::Refreshed(result) => {
                let Some(Entry { screen: Screen::Feed(view), .. }) =
                    stack.entries.iter_mut().find(|e| matches!(e.screen, Screen::Feed(_)))
                else {
                    return false;
                };
                match result {
                    Ok(feeds) => {
                        view.set_feeds(&feeds);
                        view.status = Some(format!("Refreshed: {} stories", view.stories.len()));
                        // New stories may have been read elsewhere (another feed, the library).
                        let links = view.links();
                        view.settle(stack.area);
                        self.work.kept(links);
                    }
                    Err(why) => view.status = Some(why),
                }
                true
            }
        }
    }

    /// Carry out one effect of the screen on top.
    fn carry_out(&mut self, stack: &mut Stack, effect: Effect) {
        match effect {
            Effect::Read(reading) => {
                let story = match &reading.source {
                    crate::app::screen::Source::Story(s) => Some(s.key().to_owned()),
                    _ => None,
                };
                let id = stack.push(Screen::reader(stack.config.clone(), &reading, stack.area), story);
                self.work.open(id, *reading);
            }
            Effect::Keep(NoteEffect::Copy(text)) => {
                // The terminal belongs to this thread: the clipboard (OSC 52)
                // is written here, between frames.
                let Some(top) = stack.top() else { return };
                let id = top.id;
                let result = copy(&text);
                self.done(stack, Done::Stored(id, result));
            }
            Effect::Keep(effect) => {
                let Some(Entry { id, screen: Screen::Reader(state), .. }) = stack.entries.last() else {
                    return;
                };
                self.work.keep(*id, effect, state.doc.as_ref().map(|d| &d.ann));
            }
            Effect::Ask(query) => self.work.ask(query),
            Effect::Kept(links) => self.work.kept(links),
            Effect::Refresh => self.work.refresh(),
            Effect::Remember(setting) => {
                // A few bytes: written here, between frames, like the clipboard.
                let crate::app::state::Remember::WordsOnly(on) = setting;
                stack.config.words_only = on;
                let Some(path) = stack.config.file.clone() else { return };
                let (table, key, value) = setting.entry();
                if let Err(why) = crate::remember::setting(&path, table, key, value) {
                    match stack.entries.last_mut().map(|e| &mut e.screen) {
                        Some(Screen::Reader(state)) => state.message = Some(why),
                        Some(Screen::Library(view)) => view.status = Some(why),
                        _ => {}
                    }
                }
            }
            Effect::Close => {
                if let Some(entry) = stack.entries.pop() {
                    release(self.work, &entry);
                }
                self.back_on_top(stack);
            }
            Effect::Library => {
                if let Some(entry) = stack.entries.pop() {
                    release(self.work, &entry);
                }
                // Back to the library view below, or a new one in the reader's place.
                if let Some(at) = stack.entries.iter().rposition(|e| matches!(e.screen, Screen::Library(_))) {
                    while stack.entries.len() > at + 1 {
                        if let Some(entry) = stack.entries.pop() {
                            release(self.work, &entry);
                        }
                    }
                    self.back_on_top(stack);
                } else {
                    let (screen, asks) =
                        Screen::library(stack.config.clone(), &library::Start::Articles, stack.area);
                    stack.push(screen, None);
                    for ask in asks {
                        self.carry_out(stack, ask);
                    }
                }
            }
        }
    }

    /// A screen is on top again: a library view reads its lists again (the
    /// reader may have changed notes, added an article or turned `w`).
    fn back_on_top(&mut self, stack: &mut Stack) {
        let words_only = stack.config.words_only;
        if let Some(Entry { screen: Screen::Library(view), .. }) = stack.entries.last_mut() {
            let view: &mut LibraryView = view;
            view.config.words_only = words_only;
            view.reload();
            let asks: Vec<_> = view.queries.drain(..).collect();
            for query in asks {
                self.work.ask(query);
            }
        }
    }
}

/// Put `text` on the clipboard through the terminal (OSC 52).
fn copy(text: &str) -> Result<Stored, String> {
    use std::io::Write as _;
    let mut out = std::io::stdout();
    execute!(out, CopyToClipboard::to_clipboard_from(text.as_bytes()))
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())?;
    Ok(Stored::Copied(text.chars().count()))
}
