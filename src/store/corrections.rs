//! Speaker corrections: the reader's word on who said an attribution.

use sayso_nlp::Span;

use super::articles::{self, ArticleId};
use super::columns::{AnchorColumns, anchor_at};
use super::{Anchor, Store, StoreError, time};

/// The speaker the reader gave an attribution, anchored at its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The attribution's content as anchored when corrected.
    pub anchor: Anchor,
    /// Where that content is in the text read back against, if found.
    pub span: Option<Span>,
    /// The speaker's name as the reader gave it.
    pub speaker: String,
}

/// Remove the corrections at this anchor: same offsets, or same quote and context.
const DELETE_SAME: &str = "DELETE FROM corrections WHERE article = ?1
    AND ((start = ?2 AND end = ?3) OR (exact = ?4 AND prefix = ?5 AND suffix = ?6))";

impl Store {
    /// Say that the attribution anchored at `anchor` is by `speaker`,
    /// replacing any earlier correction there.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown article; a database failure.
    pub fn set_correction(
        &self,
        article: &ArticleId,
        anchor: &Anchor,
        speaker: &str,
    ) -> Result<(), StoreError> {
        let now = time::now();
        let a = anchor;
        let columns = AnchorColumns::new(a);
        self.write(|c| {
            articles::require(c, article)?;
            c.execute(DELETE_SAME, &*columns.after(&article.0, &[]))?;
            c.execute(
                "INSERT INTO corrections (article, start, end, exact, prefix, suffix, speaker, updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &*columns.after(&article.0, &[&speaker.trim(), &now]),
            )?;
            Self::correct_attribution(c, article, Span::new(a.start, a.end), Some(speaker.trim()))
        })
    }

    /// Forget the correction at `anchor` (the engine's speaker applies again).
    ///
    /// # Errors
    /// When the database cannot be written.
    pub fn clear_correction(&self, article: &ArticleId, anchor: &Anchor) -> Result<(), StoreError> {
        let a = anchor;
        let columns = AnchorColumns::new(a);
        self.write(|c| {
            c.execute(DELETE_SAME, &*columns.after(&article.0, &[]))?;
            Self::correct_attribution(c, article, Span::new(a.start, a.end), None)
        })
    }

    /// The article's corrections, re-anchored to `text`, in article order.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn corrections(&self, article: &ArticleId, text: &str) -> Result<Vec<Correction>, StoreError> {
        self.read(|| {
            let mut stmt = self.conn.prepare_cached(
                "SELECT start, end, exact, prefix, suffix, speaker FROM corrections WHERE article = ?1 ORDER BY start, id",
            )?;
            let rows = stmt.query_map([&article.0], |r| {
                Ok(Correction { anchor: anchor_at(r, 0)?, span: None, speaker: r.get(5)? })
            })?;
            let mut out: Vec<Correction> = rows.collect::<Result<_, _>>()?;
            for c in &mut out {
                c.span = c.anchor.locate(text);
            }
            out.sort_by_key(|c| (c.span.is_none(), c.span.map_or(c.anchor.start, |s| s.start)));
            Ok(out)
        })
    }
}
