//! The library: every article kept with its attributions, listed and
//! searched (SQLite FTS5 over titles and texts).

use rusqlite::{OptionalExtension, Row, params};
use sayso_nlp::{Annotation, Span};

use super::articles::{self, ArticleId};
use super::columns::{offset, usize_at};
use super::{Store, StoreError};

/// One article as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    /// Its stable id.
    pub id: ArticleId,
    /// The headline.
    pub title: Option<String>,
    /// A file path or URL.
    pub source: Option<String>,
    /// The publication date, as given.
    pub published: Option<String>,
    /// The site's name.
    pub site: Option<String>,
    /// When it was first saved (unix seconds).
    pub added: i64,
    /// When it was last opened (unix seconds).
    pub opened: i64,
    /// Distinct speakers among its saved attributions.
    pub speakers: usize,
    /// Saved attributions.
    pub attributions: usize,
    /// The reader's live highlights and notes.
    pub notes: usize,
}

const SUMMARY: &str = "SELECT a.id, a.title, a.source, a.published, a.added, a.opened, a.site,
    (SELECT COUNT(DISTINCT lower(t.speaker)) FROM attributions t WHERE t.article = a.id AND t.speaker IS NOT NULL),
    (SELECT COUNT(*) FROM attributions t WHERE t.article = a.id),
    (SELECT COUNT(*) FROM notes n WHERE n.article = a.id AND n.deleted IS NULL)";

impl ArticleSummary {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            id: ArticleId(r.get(0)?),
            title: r.get(1)?,
            source: r.get(2)?,
            published: r.get(3)?,
            added: r.get(4)?,
            opened: r.get(5)?,
            site: r.get(6)?,
            speakers: usize_at(r, 7)?,
            attributions: usize_at(r, 8)?,
            notes: usize_at(r, 9)?,
        })
    }
}

/// A full-text query from the reader's words: each word must appear (as a
/// phrase, so FTS5 syntax in the words is taken literally); a trailing `*`
/// keeps its prefix meaning.
fn fts_query(words: &str) -> String {
    words
        .split_whitespace()
        .map(|w| {
            let (word, prefix) = w.strip_suffix('*').map_or((w, ""), |s| (s, "*"));
            format!("\"{}\"{prefix}", word.replace('"', "\"\""))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Store {
    /// Keep the article's attributions (speaker, cue, content, kind, act,
    /// offsets) for the library and the speaker index, replacing any saved
    /// before. The reader's speaker corrections for the article apply.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown article; a database failure.
    pub fn save_annotation(&self, id: &ArticleId, ann: &Annotation, text: &str) -> Result<(), StoreError> {
        let corrections = self.corrections(id, text)?;
        self.write(|c| {
            articles::require(c, id)?;
            c.execute("DELETE FROM attributions WHERE article = ?1", [&id.0])?;
            let mut stmt = c.prepare_cached(
                "INSERT INTO attributions
                    (article, position, speaker, engine_speaker, label, engine_label, source, cue, content, kind, start, end, act)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            for (i, q) in ann.quotes.iter().enumerate() {
                let speaker = q.speaker.and_then(|s| ann.speakers.get(s));
                let engine = speaker.map(|s| s.name.trim());
                let corrected = corrections.iter().find(|c| c.span == Some(q.content)).map(|c| c.speaker.as_str());
                let engine_label = speaker.map(|s| s.label.as_str());
                let label = if corrected.is_some() { None } else { engine_label };
                let slice = |s: Option<Span>| s.map(|s| s.slice(text));
                stmt.execute(params![
                    id.0,
                    offset(i),
                    corrected.or(engine),
                    engine,
                    label,
                    engine_label,
                    slice(q.source),
                    slice(q.cue),
                    q.content.slice(text),
                    q.kind.as_str(),
                    offset(q.content.start),
                    offset(q.content.end),
                    q.act.as_str(),
                ])?;
            }
            Ok(())
        })
    }

    /// The library's articles, last opened first; with `search`, only those
    /// whose title or text has every word of it, best matches first.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn library(&self, search: Option<&str>) -> Result<Vec<ArticleSummary>, StoreError> {
        self.read(|| {
            let query = search.map(fts_query).filter(|q| !q.is_empty());
            let rows = match &query {
                None => {
                    let sql = format!("{SUMMARY} FROM articles a ORDER BY a.opened DESC, a.rowid DESC");
                    let mut stmt = self.conn.prepare(&sql)?;
                    stmt.query_map([], ArticleSummary::from_row)?.collect::<Result<Vec<_>, _>>()?
                }
                Some(q) => {
                    let sql = format!(
                        "{SUMMARY} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
                         WHERE articles_fts MATCH ?1 ORDER BY f.rank, a.id"
                    );
                    let mut stmt = self.conn.prepare(&sql)?;
                    stmt.query_map([q], ArticleSummary::from_row)?.collect::<Result<Vec<_>, _>>()?
                }
            };
            Ok(rows)
        })
    }

    /// Keep a correction in the speaker index in step with the reader's word.
    pub(super) fn correct_attribution(
        c: &rusqlite::Connection,
        article: &ArticleId,
        at: Span,
        speaker: Option<&str>,
    ) -> Result<(), StoreError> {
        let found: Option<i64> = c
            .query_row(
                "SELECT position FROM attributions WHERE article = ?1 AND start = ?2 AND end = ?3",
                params![article.0, offset(at.start), offset(at.end)],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(position) = found {
            c.execute(
                "UPDATE attributions SET speaker = COALESCE(?3, engine_speaker),
                    label = CASE WHEN ?3 IS NULL THEN engine_label ELSE NULL END
                 WHERE article = ?1 AND position = ?2",
                params![article.0, position, speaker],
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_literal_phrases() {
        assert_eq!(fts_query("kupchan  summit"), "\"kupchan\" \"summit\"");
        assert_eq!(fts_query("say* \"NEAR(a b)\" OR"), "\"say\"* \"\"\"NEAR(a\" \"b)\"\"\" \"OR\"");
        assert_eq!(fts_query("   "), "");
    }
}
