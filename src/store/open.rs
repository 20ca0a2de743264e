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
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
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
    let check: String =
        conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| classify(path, e))?;
    if check != "ok" {
        return Err(corrupt(&format!("integrity check: {check}")));
    }
    Ok(())
}

/// A damaged-file error from SQLite becomes [`StoreError::Corrupt`].
fn classify(path: &Path, err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_path_buf(), reason: err.to_string() }
        }
        _ => StoreError::Sql(err),
    }
}

fn reclassify(path: &Path, err: StoreError) -> StoreError {
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
    fn uri_paths_are_escaped() {
        assert_eq!(percent_encode(Path::new("/tmp/a b?#%é/x.db")), "/tmp/a%20b%3F%23%25%C3%A9/x.db");
    }
}
