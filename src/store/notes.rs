//! Highlights and notes with their tags.

use std::collections::HashMap;
use std::fmt;

use rusqlite::{Connection, OptionalExtension, Row, params};
use sayso_nlp::Span;

use super::articles::{self, ArticleId};
use super::columns::{AnchorColumns, anchor_at, offset};
use super::{Anchor, Store, StoreError, time};

/// A note's id, unique in the database and kept across delete and undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoteId(pub i64);

impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "note {}", self.0)
    }
}

/// A highlight or note to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    /// The passage it is about.
    pub anchor: Anchor,
    /// Whether the passage is highlighted.
    pub highlight: bool,
    /// The note's text (may be empty for a bare highlight).
    pub body: String,
    /// Tags, without `#`.
    pub tags: Vec<String>,
}

/// A stored highlight or note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its id.
    pub id: NoteId,
    /// The passage as anchored when the note was written or last saved.
    pub anchor: Anchor,
    /// Where the passage is in the text it was read back against; `None`
    /// when it cannot be found there (the note is kept all the same).
    pub span: Option<Span>,
    /// Whether the passage is highlighted.
    pub highlight: bool,
    /// The note's text.
    pub body: String,
    /// Tags, without `#`, in the order given.
    pub tags: Vec<String>,
    /// When it was written (unix seconds).
    pub created: i64,
    /// When it was last changed (unix seconds).
    pub updated: i64,
}

const COLUMNS: &str = "id, start, end, exact, prefix, suffix, highlight, body, created, updated";

impl Note {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        let anchor = anchor_at(r, 1)?;
        Ok(Self {
            id: NoteId(r.get(0)?),
            span: Some(Span::new(anchor.start, anchor.end)),
            anchor,
            highlight: r.get(6)?,
            body: r.get(7)?,
            tags: Vec::new(),
            created: r.get(8)?,
            updated: r.get(9)?,
        })
    }
}

/// Tags trimmed, without a leading `#`, empty ones and repeats dropped.
#[must_use]
pub fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for t in tags {
        let t = t.trim().trim_start_matches('#').trim();
        if !t.is_empty() && !out.iter().any(|o| o == t) {
            out.push(t.to_owned());
        }
    }
    out
}

fn write_tags(c: &Connection, id: NoteId, tags: &[String]) -> Result<(), StoreError> {
    c.execute("DELETE FROM note_tags WHERE note = ?1", [id.0])?;
    let mut stmt = c.prepare_cached("INSERT INTO note_tags (note, tag, position) VALUES (?1, ?2, ?3)")?;
    for (i, tag) in tags.iter().enumerate() {
        stmt.execute(params![id.0, tag, offset(i)])?;
    }
    Ok(())
}

fn live_note(c: &Connection, id: NoteId) -> Result<Option<Note>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM notes WHERE id = ?1 AND deleted IS NULL");
    let Some(mut note) = c.query_row(&sql, [id.0], Note::from_row).optional()? else { return Ok(None) };
    let mut stmt = c.prepare_cached("SELECT tag FROM note_tags WHERE note = ?1 ORDER BY position")?;
    note.tags = stmt.query_map([id.0], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(Some(note))
}

impl Store {
    /// The article's notes, re-anchored to `text`, in article order; notes
    /// whose passage is gone come last with `span: None`.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn notes(&self, article: &ArticleId, text: &str) -> Result<Vec<Note>, StoreError> {
        self.read(|| {
            let sql = format!(
                "SELECT {COLUMNS} FROM notes WHERE article = ?1 AND deleted IS NULL ORDER BY start, id"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut notes: Vec<Note> =
                stmt.query_map([&article.0], Note::from_row)?.collect::<Result<_, _>>()?;
            let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.note, t.tag FROM note_tags t JOIN notes n ON n.id = t.note
                 WHERE n.article = ?1 AND n.deleted IS NULL ORDER BY t.note, t.position",
            )?;
            let rows = stmt.query_map([&article.0], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (note, tag) = row?;
                tags.entry(note).or_default().push(tag);
            }
            for note in &mut notes {
                note.span = note.anchor.locate(text);
                note.tags = tags.remove(&note.id.0).unwrap_or_default();
            }
            notes.sort_by_key(|n| (n.span.is_none(), n.span.map_or(n.anchor.start, |s| s.start), n.id));
            Ok(notes)
        })
    }

    /// Add a highlight or note to an article.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown article; a database failure.
    pub fn add_note(&self, article: &ArticleId, new: &NewNote) -> Result<Note, StoreError> {
        let now = time::now();
        let tags = clean_tags(&new.tags);
        let a = &new.anchor;
        let columns = AnchorColumns::new(a);
        let id = self.write(|c| {
            articles::require(c, article)?;
            c.prepare_cached(
                "INSERT INTO notes (article, start, end, exact, prefix, suffix, highlight, body, created, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?
            .execute(&*columns.after(&article.0, &[&new.highlight, &new.body, &now]))?;
            let id = NoteId(c.last_insert_rowid());
            write_tags(c, id, &tags)?;
            Ok(id)
        })?;
        Ok(Note {
            id,
            anchor: a.clone(),
            span: Some(Span::new(a.start, a.end)),
            highlight: new.highlight,
            body: new.body.clone(),
            tags,
            created: now,
            updated: now,
        })
    }

    /// Save a note's anchor, highlight flag, body and tags; returns it with
    /// its new `updated` time.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the note is not (or no longer) stored.
    pub fn update_note(&self, note: &Note) -> Result<Note, StoreError> {
        let now = time::now().max(note.created);
        let tags = clean_tags(&note.tags);
        let columns = AnchorColumns::new(&note.anchor);
        self.write(|c| {
            let n = c.execute(
                "UPDATE notes SET start = ?2, end = ?3, exact = ?4, prefix = ?5, suffix = ?6,
                    highlight = ?7, body = ?8, updated = ?9
                 WHERE id = ?1 AND deleted IS NULL",
                &*columns.after(&note.id.0, &[&note.highlight, &note.body, &now]),
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(note.id.to_string()));
            }
            write_tags(c, note.id, &tags)
        })?;
        Ok(Note { tags, updated: now, ..note.clone() })
    }

    /// Delete a note and return it, so the reader can undo with
    /// [`Store::restore_note`]. The row is kept, marked deleted, so nothing
    /// the reader wrote is destroyed by a stray key.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the note is not stored.
    pub fn delete_note(&self, id: NoteId) -> Result<Note, StoreError> {
        let now = time::now();
        self.write(|c| {
            let note = live_note(c, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
            c.execute("UPDATE notes SET deleted = ?2 WHERE id = ?1", params![id.0, now])?;
            Ok(note)
        })
    }

    /// Undo [`Store::delete_note`]: the note comes back with the same id and
    /// the anchor, flag, body and tags of `note`.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when no note with that id was ever stored.
    pub fn restore_note(&self, note: &Note) -> Result<(), StoreError> {
        let tags = clean_tags(&note.tags);
        let columns = AnchorColumns::new(&note.anchor);
        self.write(|c| {
            let n = c.execute(
                "UPDATE notes SET deleted = NULL, start = ?2, end = ?3, exact = ?4, prefix = ?5,
                    suffix = ?6, highlight = ?7, body = ?8
                 WHERE id = ?1",
                &*columns.after(&note.id.0, &[&note.highlight, &note.body]),
            )?;
            if n == 0 {
                return Err(StoreError::NotFound(note.id.to_string()));
            }
            write_tags(c, note.id, &tags)
        })
    }
}
