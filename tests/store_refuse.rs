//! A damaged or newer database is refused with a clear message and left
//! exactly as it was, with nothing created beside it.

use std::path::Path;

use sayso::store::{NewArticle, SCHEMA_VERSION, Store, StoreError};

/// The files in `dir`, with their bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

fn refused(path: &Path) -> StoreError {
    let dir = path.parent().expect("in a folder");
    let before = snapshot(dir);
    let err = Store::open(path).expect_err("refused");
    assert_eq!(snapshot(dir), before, "nothing written, nothing left beside it");
    err
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    std::fs::write(&path, b"these are my notes, in a text file\n".repeat(100)).expect("write");
    let err = refused(&path);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("library.db") && message.contains("damaged") && message.contains("untouched"),
        "{message}"
    );
}

#[test]
fn a_damaged_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    {
        let store = Store::open(&path).expect("created");
        let long = "a long article text. ".repeat(2000);
        for i in 0..5 {
            let source = format!("/a/{i}.txt");
            store
                .save_article(&NewArticle { source: Some(&source), text: &long, ..NewArticle::default() })
                .expect("saved");
        }
    }
    assert!(!dir.path().join("library.db-wal").exists(), "a clean close leaves no log");
    // Keep the header, scribble over the pages after the first.
    let mut bytes = std::fs::read(&path).expect("read");
    assert!(bytes.len() > 8192);
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).expect("write");
    let err = refused(&path);
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    // SQLite's integrity report runs over many lines: the message is one.
    let message = err.to_string();
    assert!(!message.contains('\n') && !message.contains("***"), "{message}");
    assert!(message.len() < 400, "{message}");
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    drop(Store::open(&path).expect("created"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7).expect("bump");
    }
    let err = refused(&path);
    match &err {
        StoreError::TooNew { found, supported, .. } => {
            assert_eq!((*found, *supported), (SCHEMA_VERSION + 7, SCHEMA_VERSION))
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert!(err.to_string().contains("newer sayso"), "{err}");
}

#[test]
fn an_empty_file_becomes_a_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    std::fs::write(&path, b"").expect("touch");
    let store = Store::open(&path).expect("an empty file is a new database");
    store.save_article(&NewArticle { text: "Hello.", ..NewArticle::default() }).expect("saved");
}
