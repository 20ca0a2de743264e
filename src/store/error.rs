//! What can go wrong with the notes database, in words a reader can act on.

use std::path::PathBuf;

/// An error from the notes database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not a SQLite database, or fails its integrity check.
    #[error(
        "the notes database {path} is damaged ({reason}); sayso left it untouched. \
         Keep a copy (your notes may still be recoverable) and move it aside to start a new one"
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What the check found.
        reason: String,
    },
    /// The file was written by a newer sayso with a schema this one cannot read.
    #[error(
        "the notes database {path} was written by a newer sayso (schema version {found}; this one \
         reads up to {supported}); update sayso. The file was left untouched"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The schema version in the file.
        found: i64,
        /// The newest schema version this build understands.
        supported: i64,
    },
    /// The disk holding the database is full: the last change was not saved.
    #[error("disk full: the notes database {path} cannot be written; free some space, then try again")]
    DiskFull {
        /// The database file (or the folder that holds it).
        path: PathBuf,
    },
    /// The database or its folder cannot be written.
    #[error(
        "read-only: {path} ({reason}); notes cannot be saved there. Make it writable, or set \
         XDG_DATA_HOME to a writable folder"
    )]
    ReadOnly {
        /// The file or folder that refused the write.
        path: PathBuf,
        /// Why, as the system says it ("permission denied", "read-only file system").
        reason: String,
    },
    /// A file or folder could not be read or created.
    #[error("could not open the notes database {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// No data folder could be found for this user.
    #[error("no data folder was found on this system; set XDG_DATA_HOME to a writable folder")]
    NoDataDir,
    /// A note, article or other record the call named does not exist.
    #[error("{0} is not in the notes database")]
    NotFound(String),
    /// SQLite reported an error.
    #[error("notes database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// What kind of fault a [`StoreError`] is, for a reader that reacts to each
/// differently (keep the text typed, offer to retry, or turn notes off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// No space left: a retry can work once space is freed.
    DiskFull,
    /// The file or folder cannot be written.
    ReadOnly,
    /// The file is not a healthy database; it was left untouched.
    Damaged,
    /// The file was written by a newer sayso; it was left untouched.
    Newer,
    /// Anything else (a missing record, a folder that cannot be found, …).
    Other,
}

impl StoreError {
    /// The kind of fault.
    #[must_use]
    pub const fn fault(&self) -> Fault {
        match self {
            Self::DiskFull { .. } => Fault::DiskFull,
            Self::ReadOnly { .. } => Fault::ReadOnly,
            Self::Corrupt { .. } => Fault::Damaged,
            Self::TooNew { .. } => Fault::Newer,
            Self::Io { .. } | Self::NoDataDir | Self::NotFound(_) | Self::Sql(_) => Fault::Other,
        }
    }
}
