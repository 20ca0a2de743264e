//! The database schema and its migrations, versioned by `PRAGMA user_version`.

use rusqlite::Connection;

use super::StoreError;

/// Each step brings the schema from version `i` to `i + 1`; never edit a
/// released step, add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: articles, notes with their tags, speaker corrections, reading position.
    "CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT,
        content_hash TEXT NOT NULL,
        title TEXT,
        author TEXT,
        published TEXT,
        site TEXT,
        text TEXT NOT NULL,
        added INTEGER NOT NULL,
        opened INTEGER NOT NULL,
        position INTEGER
    );
    CREATE INDEX articles_source ON articles(source);
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        highlight INTEGER NOT NULL,
        body TEXT NOT NULL,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        deleted INTEGER
    );
    CREATE INDEX notes_article ON notes(article, start);
    CREATE TABLE note_tags (
        note INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (note, position)
    );
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        speaker TEXT NOT NULL,
        updated INTEGER NOT NULL
    );
    CREATE INDEX corrections_article ON corrections(article, start);",
    // 2: the library: each article's attributions, and full-text search over
    // titles and texts (kept in step with `articles` by triggers).
    "CREATE TABLE attributions (
        article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        speaker TEXT,
        engine_speaker TEXT,
        label TEXT,
        engine_label TEXT,
        source TEXT,
        cue TEXT,
        content TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article, position)
    );
    CREATE INDEX attributions_speaker ON attributions(speaker);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');",
    // 3: each attribution's act (said, wrote, thought); rows kept before it
    // have none until their article is saved again.
    "ALTER TABLE attributions ADD COLUMN act TEXT;",
];

/// The newest schema version this build reads and writes.
pub const SUPPORTED: i64 = MIGRATIONS.len() as i64;

/// Bring the database up to [`SUPPORTED`] in one transaction.
pub fn migrate(conn: &mut Connection, path: &std::path::Path) -> Result<(), StoreError> {
    // IMMEDIATE: a second process opening at the same time waits, then sees the new version.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SUPPORTED {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found, supported: SUPPORTED });
    }
    let from = usize::try_from(found.max(0)).unwrap_or(0);
    for step in MIGRATIONS.iter().skip(from) {
        tx.execute_batch(step)?;
    }
    if found < SUPPORTED {
        tx.pragma_update(None, "user_version", SUPPORTED)?;
    }
    tx.commit()?;
    Ok(())
}
