//! Opening a database file safely: look before writing anything.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::StoreError;
use super::schema::{self, SUPPORTED};

/// How long a write waits for another reader's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The first bytes of every SQLite 3 database file.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Open `path` read-write after checking it is a healthy database of a
/// version this build knows; create it (and its folders) when absent.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| {
            unwritable(path, dir, &source).unwrap_or(StoreError::Io { path: dir.to_path_buf(), source })
        })?;
    }
    inspect(path)?;
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    configure(&conn).map_err(|e| reclassify(path, e))?;
    schema::migrate(&mut conn, path).map_err(|e| reclassify(path, e))?;
    Ok(conn)
}

/// Settings every connection needs: wait on locks, write-ahead log, full
/// sync so a committed note survives power loss too, foreign keys.
pub fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Refuse an existing file that is not SQLite, is damaged, or is newer,
/// without writing to it or leaving anything beside it.
fn inspect(path: &Path) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        other => other.map_err(io)?,
    };
    let corrupt = |reason: &str| StoreError::Corrupt { path: path.to_path_buf(), reason: reason.to_owned() };
    if !meta.is_file() {
        return Err(corrupt("it is not a regular file"));
    }
    if meta.len() == 0 {
        // SQLite treats an empty file as a new database.
        return Ok(());
    }
    let mut header = [0u8; 100];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if read.is_err() || &header[..16] != MAGIC {
        return Err(corrupt("it is not a SQLite database"));
    }
    let wal = sidecar(path, "-wal");
    let has_wal = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    let header_version = i64::from(i32::from_be_bytes([header[60], header[61], header[62], header[63]]));
    if !has_wal && header_version > SUPPORTED {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: header_version,
            supported: SUPPORTED,
        });
    }
    // Without a write-ahead log the file alone is the database: `immutable`
    // reads it with no lock and no -shm/-wal files created beside it.
    let query = if has_wal { "mode=ro" } else { "immutable=1" };
    let uri = format!("file:{}?{query}", percent_encode(path));
    let flags =
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&uri, flags).map_err(|e| classify(path, e))?;
    let found: i64 =
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| classify(path, e))?;
    if found > SUPPORTED {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, supported: SUPPORTED });
    }
    let rows: Vec<String> = conn
        .prepare(&format!("PRAGMA quick_check({MAX_PROBLEMS})"))
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| classify(path, e))?;
    if rows.len() != 1 || rows[0] != "ok" {
        return Err(corrupt(&summarise_check(&rows)));
    }
    Ok(())
}

/// The most problems an integrity check lists.
const MAX_PROBLEMS: usize = 100;

/// SQLite's integrity report (one problem a row, some rows several lines,
/// headed `*** in database main ***`) as one line: how many problems, and
/// the first.
fn summarise_check(rows: &[String]) -> String {
    let problems: Vec<&str> = rows
        .iter()
        .flat_map(|r| r.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect();
    let first = problems.first().map_or("no details", |p| p.trim_end_matches('.'));
    let first: String = first.chars().filter(|c| !c.is_control()).take(120).collect();
    match problems.len() {
        0 | 1 => format!("integrity check: {first}"),
        n if n >= MAX_PROBLEMS => format!("integrity check: {first}, and many more problems"),
        n => format!("integrity check: {first}, and {} more problem{}", n - 1, if n == 2 { "" } else { "s" }),
    }
}

/// Why a file or folder cannot be written, when that is the reason: a
/// full disk, or a folder or file system that refuses writes.
fn unwritable(db: &Path, at: &Path, err: &std::io::Error) -> Option<StoreError> {
    use std::io::ErrorKind as K;
    let reason = match err.kind() {
        K::StorageFull | K::QuotaExceeded => return Some(StoreError::DiskFull { path: db.to_path_buf() }),
        K::PermissionDenied => "permission denied",
        K::ReadOnlyFilesystem => "read-only file system",
        _ => return None,
    };
    Some(StoreError::ReadOnly { path: at.to_path_buf(), reason: reason.to_owned() })
}

/// Try writing beside the database (64 KiB, removed again) to learn why
/// SQLite could not: `None` when the folder takes the write.
fn probe(db: &Path) -> Option<StoreError> {
    use std::io::Write as _;
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let probe = dir.join(format!(".sayso-write-check-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut f| f.write_all(&[0u8; 64 * 1024]).and_then(|()| f.sync_all()));
    let _ = std::fs::remove_file(&probe);
    match written {
        Ok(()) => {
            // The folder is fine: perhaps the file itself is read-only.
            let file = std::fs::OpenOptions::new().read(true).write(true).open(db);
            file.err().and_then(|e| unwritable(db, db, &e))
        }
        Err(e) => unwritable(db, dir, &e),
    }
}

/// A SQLite error as the fault a reader can act on: a damaged file, a full
/// disk, or a file or folder that cannot be written (SQLite says only
/// "unable to open database file" or "disk I/O error": a probe tells which).
fn classify(path: &Path, err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_path_buf(), reason: summarise_check(&[err.to_string()]) }
        }
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: path.to_path_buf() },
        Some(ErrorCode::ReadOnly) => probe(path).unwrap_or_else(|| StoreError::ReadOnly {
            path: path.to_path_buf(),
            reason: "SQLite opened it read-only".to_owned(),
        }),
        Some(ErrorCode::CannotOpen | ErrorCode::SystemIoFailure | ErrorCode::PermissionDenied) => {
            probe(path).unwrap_or(StoreError::Sql(err))
        }
        _ => StoreError::Sql(err),
    }
}

/// [`classify`] for an error that may already be a [`StoreError`].
pub(super) fn reclassify(path: &Path, err: StoreError) -> StoreError {
    match err {
        StoreError::Sql(e) => classify(path, e),
        other => other,
    }
}

/// `path` with `suffix` appended to its file name (`library.db-wal`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A path as the path part of a `file:` URI.
fn percent_encode(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_reports_are_summarised_on_one_line() {
        let rows = [
            "*** in database main ***\nOn tree page 3 cell 0: invalid page number 99\nPage 4: never used"
                .to_owned(),
            "Page 5: btreeInitPage() returns error code 11".to_owned(),
        ];
        assert_eq!(
            summarise_check(&rows),
            "integrity check: On tree page 3 cell 0: invalid page number 99, and 2 more problems"
        );
        assert_eq!(
            summarise_check(&["database disk image is malformed".to_owned()]),
            "integrity check: database disk image is malformed"
        );
    }

    #[test]
    fn sqlite_faults_become_typed_errors() {
        use rusqlite::ffi;
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("library.db");
        let sqlite = |code| rusqlite::Error::SqliteFailure(ffi::Error::new(code), None);
        assert!(matches!(classify(&path, sqlite(ffi::SQLITE_FULL)), StoreError::DiskFull { .. }));
        assert!(matches!(classify(&path, sqlite(ffi::SQLITE_CORRUPT)), StoreError::Corrupt { .. }));
        // The folder is writable: an unexplained open failure stays SQLite's.
        assert!(matches!(classify(&path, sqlite(ffi::SQLITE_CANTOPEN)), StoreError::Sql(_)));
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = unwritable(&path, dir.path(), &denied).expect("read-only");
        assert!(
            err.to_string().starts_with(&format!("read-only: {} (permission denied)", dir.path().display())),
            "{err}"
        );
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(matches!(unwritable(&path, dir.path(), &full), Some(StoreError::DiskFull { .. })));
        assert!(unwritable(&path, dir.path(), &std::io::Error::other("x")).is_none());
    }

    #[test]
    fn uri_paths_are_escaped() {
        assert_eq!(percent_encode(Path::new("/tmp/a b?#%é/x.db")), "/tmp/a%20b%3F%23%25%C3%A9/x.db");
    }
}
