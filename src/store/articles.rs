//! Articles: the text read, its metadata, a stable id, the reading position.

use std::fmt;

use rusqlite::{Connection, OptionalExtension, Row, params};
use sayso_nlp::tag::hash::hash_bytes;

use super::{Store, StoreError, time};

/// An article's stable id: found by source first, else by content; made once
/// from the source and the content hash, and never changed afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An article to save: where it came from, what is known about it, its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct NewArticle<'a> {
    /// A canonical file path or a URL; `None` for standard input.
    pub source: Option<&'a str>,
    /// The headline.
    pub title: Option<&'a str>,
    /// The byline.
    pub author: Option<&'a str>,
    /// The publication date, as the page gave it.
    pub published: Option<&'a str>,
    /// The site's name.
    pub site: Option<&'a str>,
    /// The article's text; every offset stored for it points into this.
    pub text: &'a str,
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRecord {
    /// Its stable id.
    pub id: ArticleId,
    /// A file path or URL, when known.
    pub source: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The publication date, as given.
    pub published: Option<String>,
    /// The site's name.
    pub site: Option<String>,
    /// The text as last saved.
    pub text: String,
    /// When it was first saved (unix seconds).
    pub added: i64,
    /// When it was last opened (unix seconds).
    pub opened: i64,
}

const COLUMNS: &str = "id, source, title, author, published, site, text, added, opened";

impl ArticleRecord {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: ArticleId(r.get(0)?),
            source: r.get(1)?,
            title: r.get(2)?,
            author: r.get(3)?,
            published: r.get(4)?,
            site: r.get(5)?,
            text: r.get(6)?,
            added: r.get(7)?,
            opened: r.get(8)?,
        })
    }
}

/// A 128-bit hash of the text, as hex.
pub fn content_hash(text: &str) -> String {
    format!(
        "{:016x}{:016x}",
        hash_bytes(0x5341_5953_4f31, text.as_bytes()),
        hash_bytes(0x5341_5953_4f32, text.as_bytes())
    )
}

/// The id of the article with this source, else with this content.
pub fn find(conn: &Connection, source: Option<&str>, hash: &str) -> Result<Option<ArticleId>, StoreError> {
    if let Some(source) = source {
        let id = conn
            .query_row(
                "SELECT id FROM articles WHERE source = ?1 ORDER BY added, id LIMIT 1",
                [source],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = id {
            return Ok(Some(ArticleId(id)));
        }
    }
    let id = conn
        .query_row(
            "SELECT id FROM articles WHERE content_hash = ?1 ORDER BY added, id LIMIT 1",
            [hash],
            |r| r.get(0),
        )
        .optional()?;
    Ok(id.map(ArticleId))
}

/// Fail with [`StoreError::NotFound`] unless the article exists.
pub fn require(conn: &Connection, id: &ArticleId) -> Result<(), StoreError> {
    if exists(conn, id)? { Ok(()) } else { Err(StoreError::NotFound(format!("article {id}"))) }
}

fn exists(conn: &Connection, id: &ArticleId) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT 1 FROM articles WHERE id = ?1", [&id.0], |_| Ok(())).optional()?.is_some())
}

impl Store {
    /// Save an article, or update the one already stored for its source
    /// (else for its content): metadata given now replaces the old, the text
    /// is the new one, and it counts as opened now. Returns its stable id.
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn save_article(&self, a: &NewArticle<'_>) -> Result<ArticleId, StoreError> {
        let hash = content_hash(a.text);
        let now = time::now();
        self.write(|c| {
            if let Some(id) = find(c, a.source, &hash)? {
                c.execute(
                    "UPDATE articles SET source = COALESCE(source, ?2), title = COALESCE(?3, title),
                        author = COALESCE(?4, author), published = COALESCE(?5, published),
                        site = COALESCE(?6, site), text = ?7, content_hash = ?8, opened = ?9
                     WHERE id = ?1",
                    params![id.0, a.source, a.title, a.author, a.published, a.site, a.text, hash, now],
                )?;
                return Ok(id);
            }
            let id = new_id(c, a.source, &hash)?;
            c.execute(
                "INSERT INTO articles (id, source, content_hash, title, author, published, site, text, added, opened)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                params![id.0, a.source, hash, a.title, a.author, a.published, a.site, a.text, now],
            )?;
            Ok(id)
        })
    }

    /// The stored article, if any.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn article(&self, id: &ArticleId) -> Result<Option<ArticleRecord>, StoreError> {
        self.read(|| {
            let sql = format!("SELECT {COLUMNS} FROM articles WHERE id = ?1");
            Ok(self.conn.query_row(&sql, [&id.0], ArticleRecord::from_row).optional()?)
        })
    }

    /// The id of the article stored for `source` (a canonical path or URL),
    /// else for exactly this `text`.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn find_article(&self, source: Option<&str>, text: &str) -> Result<Option<ArticleId>, StoreError> {
        self.read(|| find(&self.conn, source, &content_hash(text)))
    }

    /// Every stored article, oldest first.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn articles(&self) -> Result<Vec<ArticleRecord>, StoreError> {
        self.read(|| {
            let sql = format!("SELECT {COLUMNS} FROM articles ORDER BY added, id");
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map([], ArticleRecord::from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Remember where the reader is in the article (a byte offset).
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown article; a database failure.
    pub fn set_position(&self, article: &ArticleId, byte_offset: usize) -> Result<(), StoreError> {
        let at = i64::try_from(byte_offset).unwrap_or(i64::MAX);
        self.write(|c| {
            let n = c.execute("UPDATE articles SET position = ?2 WHERE id = ?1", params![article.0, at])?;
            if n == 0 { Err(StoreError::NotFound(format!("article {article}"))) } else { Ok(()) }
        })
    }

    /// Where the reader was in the article, if recorded.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn position(&self, article: &ArticleId) -> Result<Option<usize>, StoreError> {
        let at: Option<Option<i64>> = self
            .conn
            .query_row("SELECT position FROM articles WHERE id = ?1", [&article.0], |r| r.get(0))
            .optional()?;
        Ok(at.flatten().and_then(|p| usize::try_from(p).ok()))
    }
}

/// A fresh id from the source and content hash; salted in the (unlikely)
/// case it is taken.
fn new_id(conn: &Connection, source: Option<&str>, hash: &str) -> Result<ArticleId, StoreError> {
    let mut material = source.unwrap_or("").as_bytes().to_vec();
    material.push(0);
    material.extend_from_slice(hash.as_bytes());
    for salt in 0u64.. {
        let id = ArticleId(format!("{:016x}", hash_bytes(0x5341_5953_4f33 + salt, &material)));
        if !exists(conn, &id)? {
            return Ok(id);
        }
    }
    Err(StoreError::NotFound("a free article id".to_owned()))
}
