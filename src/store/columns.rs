//! How offsets, counts and anchors are kept in SQLite's integer and text columns.

use rusqlite::{Row, ToSql};

use super::Anchor;

/// A byte offset or position as SQLite's integer (texts never come near the limit).
pub(super) fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The offset or count in column `i`; a negative one reads as 0.
pub(super) fn usize_at(r: &Row<'_>, i: usize) -> rusqlite::Result<usize> {
    Ok(usize::try_from(r.get::<_, i64>(i)?).unwrap_or(0))
}

/// The anchor in the five columns from `first`: start, end, exact, prefix, suffix.
pub(super) fn anchor_at(r: &Row<'_>, first: usize) -> rusqlite::Result<Anchor> {
    Ok(Anchor {
        start: usize_at(r, first)?,
        end: usize_at(r, first + 1)?,
        exact: r.get(first + 2)?,
        prefix: r.get(first + 3)?,
        suffix: r.get(first + 4)?,
    })
}

/// An anchor's five columns as SQL values, in the order the tables keep them.
pub(super) struct AnchorColumns<'a> {
    start: i64,
    end: i64,
    anchor: &'a Anchor,
}

impl<'a> AnchorColumns<'a> {
    pub(super) fn new(anchor: &'a Anchor) -> Self {
        Self { start: offset(anchor.start), end: offset(anchor.end), anchor }
    }

    /// Statement parameters: `key` as `?1`, the anchor as `?2` to `?6`, then `rest`.
    pub(super) fn after<'b>(&'b self, key: &'b dyn ToSql, rest: &[&'b dyn ToSql]) -> Vec<&'b dyn ToSql> {
        let a = self.anchor;
        let mut params: Vec<&dyn ToSql> = vec![key, &self.start, &self.end, &a.exact, &a.prefix, &a.suffix];
        params.extend_from_slice(rest);
        params
    }
}
