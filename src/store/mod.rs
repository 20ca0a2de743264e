//! The notes store: one SQLite database holding the articles read, the
//! reader's highlights, notes and tags, speaker corrections and reading
//! positions.
//!
//! Every change is one transaction, committed before the call returns, so a
//! note the screen confirms survives a crash. A database written by a newer
//! sayso, or a damaged file, is refused and left byte for byte as it was.

mod anchor;
mod articles;
mod columns;
mod corrections;
mod error;
mod library;
mod notes;
mod open;
mod reopen;
mod schema;
mod sources;
mod speakers;
pub mod time;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use anchor::{Anchor, CONTEXT_CHARS};
pub use articles::{ArticleId, ArticleRecord, NewArticle};
pub use corrections::Correction;
pub use error::{Fault, StoreError};
pub use library::ArticleSummary;
pub use notes::{NewNote, Note, NoteId};
pub use reopen::kept_links;
pub use schema::SUPPORTED as SCHEMA_VERSION;
pub use sources::normalize_source;
pub use speakers::{SpeakerAttribution, SpeakerSummary};

/// An open notes database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Where the reader keeps its database: `$XDG_DATA_HOME/sayso/library.db`
    /// (or the platform's data folder). `None` when the system has none.
    #[must_use]
    pub fn default_path() -> Option<PathBuf> {
        use etcetera::BaseStrategy as _;
        let strategy = etcetera::choose_base_strategy().ok()?;
        Some(strategy.data_dir().join("sayso").join("library.db"))
    }

    /// Open (or create) the database at [`Store::default_path`].
    ///
    /// # Errors
    /// As [`Store::open`], or [`StoreError::NoDataDir`].
    pub fn open_default() -> Result<Self, StoreError> {
        Self::open(&Self::default_path().ok_or(StoreError::NoDataDir)?)
    }

    /// Open the database at `path`, creating its folders and the file when
    /// absent, and bring its schema up to date.
    ///
    /// # Errors
    /// [`StoreError::Corrupt`] or [`StoreError::TooNew`] for a file this build
    /// must not touch (it is left unchanged); [`StoreError::DiskFull`] or
    /// [`StoreError::ReadOnly`] when it cannot be written; [`StoreError::Io`]
    /// when the folder cannot be created; [`StoreError::Sql`] for other failures.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = open::open(path)?;
        Ok(Self { conn, path: Some(path.to_path_buf()) })
    }

    /// A database in memory, gone when dropped (for tests and benchmarks).
    ///
    /// # Errors
    /// When SQLite cannot create it.
    pub fn in_memory() -> Result<Self, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        schema::migrate(&mut conn, Path::new(":memory:"))?;
        Ok(Self { conn, path: None })
    }

    /// The database file, `None` in memory.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Run a read, with a full disk or an unwritable folder (SQLite needs
    /// to write its shared-memory index even to read) reported as such.
    fn read<T>(&self, query: impl FnOnce() -> Result<T, StoreError>) -> Result<T, StoreError> {
        query().map_err(|e| self.explain(e))
    }

    /// A failure as the fault a reader can act on, for a database on disk.
    fn explain(&self, e: StoreError) -> StoreError {
        match &self.path {
            Some(path) => open::reclassify(path, e),
            None => e,
        }
    }

    /// Run `change` as one IMMEDIATE transaction, committed before returning.
    ///
    /// IMMEDIATE takes the write lock up front, so a second reader on the
    /// same file waits (busy timeout) instead of failing half-way.
    ///
    /// A full disk or a file that became read-only is reported as such
    /// ([`StoreError::DiskFull`], [`StoreError::ReadOnly`]).
    fn write<T>(&self, change: impl FnOnce(&Connection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let run = || {
            let tx =
                rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
            let value = change(&tx)?;
            tx.commit()?;
            Ok(value)
        };
        run().map_err(|e| self.explain(e))
    }
}
