//! The effect executor: everything that touches the world runs here, off
//! the screen's thread, and its result comes back on the event channel.
//! Opening an article (fetching, saving it in the library, annotating) runs
//! on a thread of its own; the library's changes and questions run in
//! order on one worker that owns the database connections.

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, OnceLock};
use std::thread::{self, JoinHandle};

use sayso_nlp::{Annotation, Annotator};

use super::keep::{Keeper, Kept};
use crate::app::Document;
use crate::app::library::{Answer, Ask};
use crate::app::notes::{Effect as NoteEffect, Stored};
use crate::app::screen::{Reading, Source};
use crate::ingest::feed::Feed;
use crate::ingest::{self, Fetcher};
use crate::store::{NewArticle, Store};

/// Reads the feeds again, for the feed list's refresh.
pub type Reload = Arc<dyn Fn() -> Result<Vec<Feed>, String> + Send + Sync>;

/// A result of work done off the screen's thread.
pub enum Done {
    /// The reader `id`'s article is ready (or could not be opened).
    Opened(u64, Result<Box<Opened>, String>),
    /// The reader `id`'s change was carried out (or not).
    Stored(u64, Result<Stored, String>),
    /// The library answered the library view.
    Answer(Answer),
    /// The links the library keeps, among a feed's.
    Kept(Result<HashSet<String>, String>),
    /// The feeds, read again.
    Refreshed(Result<Vec<Feed>, String>),
}

/// An article ready to read, with the library's part in it.
pub struct Opened {
    /// The annotated article.
    pub doc: Document,
    /// Its notes, corrections and reading place.
    pub kept: Kept,
    /// Why notes cannot be kept, when the library could not be used.
    pub store_error: Option<String>,
    /// The link to the library, for the worker.
    keeper: Option<Keeper>,
}

/// What the library worker does, in order.
enum Job {
    /// Take the link to the library of reader `id`.
    Adopt(u64, Keeper),
    /// Carry out reader `id`'s change; exports need its annotation.
    Keep(u64, NoteEffect, Option<Box<Annotation>>),
    /// Reader `id` closed, at this place in its text.
    Release(u64, Option<usize>),
    /// A library view's question.
    Ask(Ask),
    /// Which of these links the library keeps.
    Kept(Vec<String>),
}

/// Runs effects; results go to the loop through `done`.
pub struct Executor<E> {
    jobs: Option<Sender<Job>>,
    worker: Option<JoinHandle<()>>,
    done: Sender<E>,
    wrap: fn(Done) -> E,
    annotator: Arc<OnceLock<Result<Annotator, String>>>,
    reload: Option<Reload>,
}

impl<E: Send + 'static> Executor<E> {
    /// An executor sending each result, wrapped by `wrap`, to `done`.
    pub fn new(done: Sender<E>, wrap: fn(Done) -> E, reload: Option<Reload>) -> Self {
        let (jobs, rx) = mpsc::channel::<Job>();
        let out = done.clone();
        let worker = thread::Builder::new()
            .name("library".to_owned())
            .spawn(move || {
                let mut keepers: HashMap<u64, Keeper> = HashMap::new();
                let mut library: Option<Store> = None;
                for job in rx {
                    let result = match job {
                        Job::Adopt(id, keeper) => {
                            keepers.insert(id, keeper);
                            continue;
                        }
                        Job::Keep(id, effect, ann) => {
                            let result = match keepers.get_mut(&id) {
                                Some(k) => k.carry_out(effect, ann.as_deref()),
                                None => Err("notes are off for this article".to_owned()),
                            };
                            Done::Stored(id, result)
                        }
                        Job::Release(id, at) => {
                            if let (Some(k), Some(at)) = (keepers.remove(&id), at) {
                                k.save_position(at);
                            }
                            continue;
                        }
                        Job::Ask(query) => Done::Answer(answer(&mut library, query)),
                        Job::Kept(links) => Done::Kept(kept(&mut library, &links)),
                    };
                    if out.send(wrap(result)).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Self { jobs: Some(jobs), worker, done, wrap, annotator: Arc::new(OnceLock::new()), reload }
    }

    /// Load the models now, so that a failure is reported before the
    /// terminal is taken over.
    ///
    /// # Errors
    /// When the built-in models cannot be loaded.
    pub fn load_models(&self) -> Result<(), String> {
        self.annotator.get_or_init(load_annotator).as_ref().map(|_| ()).map_err(Clone::clone)
    }

    fn job(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // A worker that has gone away has nothing left to answer.
            let _ = jobs.send(job);
        }
    }

    /// Open `reading` for reader `id` on a thread of its own.
    pub fn open(&self, id: u64, reading: Reading) {
        let (done, wrap, annotator) = (self.done.clone(), self.wrap, Arc::clone(&self.annotator));
        let spawned = thread::Builder::new().name("annotate".to_owned()).spawn(move || {
            let opened = std::panic::catch_unwind(move || open(reading, &annotator))
                .unwrap_or_else(|_| Err("the annotator stopped on this text".to_owned()));
            let _ = done.send(wrap(Done::Opened(id, opened.map(Box::new))));
        });
        if spawned.is_err() {
            let _ = self.done.send((self.wrap)(Done::Opened(id, Err("could not start a thread".to_owned()))));
        }
    }

    /// Reader `id` is ready: its link to the library goes to the worker.
    pub fn adopt(&self, id: u64, opened: &mut Opened) {
        if let Some(keeper) = opened.keeper.take() {
            self.job(Job::Adopt(id, keeper));
        }
    }

    /// Carry out reader `id`'s change.
    pub fn keep(&self, id: u64, effect: NoteEffect, ann: Option<&Annotation>) {
        let ann = matches!(effect, NoteEffect::Export { .. }).then(|| ann.cloned().map(Box::new)).flatten();
        self.job(Job::Keep(id, effect, ann));
    }

    /// Reader `id` closed at byte `at` of its text.
    pub fn release(&self, id: u64, at: Option<usize>) {
        self.job(Job::Release(id, at));
    }

    /// Ask the library a library view's question.
    pub fn ask(&self, query: Ask) {
        self.job(Job::Ask(query));
    }

    /// Ask which of `links` the library keeps.
    pub fn kept(&self, links: Vec<String>) {
        self.job(Job::Kept(links));
    }

    /// Read the feeds again on a thread of their own.
    pub fn refresh(&self) {
        let Some(reload) = self.reload.clone() else { return };
        let (done, wrap) = (self.done.clone(), self.wrap);
        let _ = thread::Builder::new().name("refresh".to_owned()).spawn(move || {
            let _ = done.send(wrap(Done::Refreshed(reload())));
        });
    }

    /// Finish the library's work (a reading place to save) before the
    /// program ends.
    pub fn finish(&mut self) {
        drop(self.jobs.take());
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn load_annotator() -> Result<Annotator, String> {
    Annotator::new().map_err(|e| format!("the built-in models could not be loaded: {e}"))
}

/// The library at its usual place, opened once it exists.
fn library(slot: &mut Option<Store>) -> Result<Option<&Store>, String> {
    if slot.is_none() {
        *slot = Store::existing().map_err(|e| e.to_string())?;
    }
    Ok(slot.as_ref())
}

/// Answer a library view's question (no library yet: empty lists).
#[must_use]
fn answer(slot: &mut Option<Store>, query: Ask) -> Answer {
    match library(slot) {
        Ok(store) => answer_from(store, query),
        Err(e) => match query {
            Ask::Articles(q) => Answer::Articles(q, Err(e)),
            Ask::Speakers(all, words_only) => Answer::Speakers(all, words_only, Err(e)),
            Ask::Attributions(name) => Answer::Attributions(name, Err(e)),
        },
    }
}

/// Answer a library view's question from `store`.
#[must_use]
pub fn answer_from(store: Option<&Store>, query: Ask) -> Answer {
    let err = |e: crate::store::StoreError| e.to_string();
    match query {
        Ask::Articles(q) => {
            let list = store.map_or(Ok(Vec::new()), |s| s.library(q.as_deref()).map_err(err));
            Answer::Articles(q, list)
        }
        Ask::Speakers(all, words_only) => Answer::Speakers(
            all,
            words_only,
            store.map_or(Ok(Vec::new()), |s| s.speakers_of(all, words_only).map_err(err)),
        ),
        Ask::Attributions(name) => {
            let found = store.map_or(Ok((None, Vec::new())), |s| {
                let list = s.speaker_attributions(&name).map_err(err)?;
                let speaker = s.speakers(true).map_err(err)?.into_iter().find(|x| x.name == name);
                Ok((speaker, list))
            });
            Answer::Attributions(name, found)
        }
    }
}

fn kept(slot: &mut Option<Store>, links: &[String]) -> Result<HashSet<String>, String> {
    match library(slot)? {
        Some(store) => store.kept_links(links.iter().map(String::as_str)).map_err(|e| e.to_string()),
        None => Ok(HashSet::new()),
    }
}

/// Get the article, keep it in the library, annotate it with the reader's
/// corrections laid over.
fn open(reading: Reading, annotator: &OnceLock<Result<Annotator, String>>) -> Result<Opened, String> {
    let article = match reading.source {
        Source::Document(doc) => {
            return Ok(Opened { doc: *doc, kept: Kept::default(), store_error: None, keeper: None });
        }
        Source::Article(article) => *article,
        Source::Url(url) => ingest::open(&ingest::Source::Url(url), &Fetcher::from_env(), &mut |_| {})
            .map_err(|e| e.to_string())?,
        Source::Story(story) => story.article(&Fetcher::from_env()).map_err(|e| e.to_string())?,
        Source::Stored(id) => {
            let store = Store::existing().map_err(|e| e.to_string())?;
            let record = store.and_then(|s| s.article(&id).ok().flatten());
            record.ok_or_else(|| "that article is no longer in the library".to_owned())?.into_article()
        }
    };
    let annotator = annotator.get_or_init(load_annotator).as_ref().map_err(Clone::clone)?;
    let (mut keeper, kept, mut store_error) = match keep(&article) {
        Ok((keeper, kept)) => (Some(keeper), kept, None),
        Err(why) => (None, Kept::default(), Some(why)),
    };
    let ann = annotator.annotate(&article.text);
    let doc = Document::new(article.label(), article.text, ann).reassigned(&kept.corrections);
    if let Some(Err(why)) = keeper.as_ref().map(|k| k.save_annotation(&doc.ann)) {
        store_error = Some(why);
        keeper = None;
    }
    Ok(Opened { doc, kept, store_error, keeper })
}

/// Save `article` in the library and read back its notes, corrections and
/// reading place. A library that cannot be opened (damaged, newer) is left
/// untouched and the reader works without notes, saying why.
fn keep(article: &ingest::Article) -> Result<(Keeper, Kept), String> {
    // A text file's headline is its first line, as the engine reads it.
    let headline = article.text.lines().map(str::trim).find(|l| !l.is_empty()).map(|l| {
        let l = sayso_nlp::text::sanitize(l);
        l.chars().take(300).collect::<String>()
    });
    let store = Store::open_default().map_err(|e| e.to_string())?;
    let new = NewArticle {
        source: article.source.as_deref(),
        title: article.title.as_deref().or(headline.as_deref()),
        author: article.byline.as_deref(),
        published: article.published.as_deref(),
        site: article.site.as_deref(),
        text: &article.text,
    };
    Keeper::open(store, &new)
}
