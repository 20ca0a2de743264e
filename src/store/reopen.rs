//! Finding the library again: the database at its usual place when it
//! exists (looking never creates it), the links of a list already kept, and
//! a kept article made readable again.

use std::collections::HashSet;

use super::{ArticleRecord, Store, StoreError};
use crate::ingest;

impl Store {
    /// The library at its usual place when it exists; looking never creates it.
    ///
    /// # Errors
    /// When the database exists but cannot be opened (damaged, newer).
    pub fn existing() -> Result<Option<Self>, StoreError> {
        match Self::default_path() {
            Some(path) if path.exists() => Self::open(&path).map(Some),
            _ => Ok(None),
        }
    }

    /// The links among `links` that are already articles here (compared as
    /// [`super::normalize_source`] says), as given.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn kept_links<'a>(
        &self,
        links: impl IntoIterator<Item = &'a str>,
    ) -> Result<HashSet<String>, StoreError> {
        let links: Vec<&str> = links.into_iter().collect();
        let kept = self.sources_kept(&links)?;
        Ok(links.into_iter().zip(kept).filter(|&(_, kept)| kept).map(|(link, _)| link.to_owned()).collect())
    }
}

/// The links among `links` kept in the library at its usual place; none when
/// there is no library yet (it is never created here).
///
/// # Errors
/// When the library exists but cannot be opened (damaged, newer) or read.
pub fn kept_links<'a>(links: impl IntoIterator<Item = &'a str>) -> Result<HashSet<String>, StoreError> {
    match Store::existing()? {
        Some(store) => store.kept_links(links),
        None => Ok(HashSet::new()),
    }
}

impl ArticleRecord {
    /// The article to read for this record: its text and metadata as kept,
    /// with the same source, so the reader finds the same library entry again.
    #[must_use]
    pub fn into_article(self) -> ingest::Article {
        // Named as when it was first read: a file by its name, a page by its
        // URL without the scheme; text from standard input by its headline.
        let short = self.source.as_deref().map(|s| match s.split_once("://") {
            Some((_, rest)) => rest.to_owned(),
            None => s.rsplit('/').next().unwrap_or(s).to_owned(),
        });
        let title = self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
        let origin = short
            .filter(|s| !s.is_empty())
            .or(title)
            .unwrap_or_else(|| "an article from the library".to_owned());
        ingest::Article {
            origin,
            source: self.source,
            title: self.title,
            byline: self.author,
            published: self.published,
            site: self.site,
            text: self.text,
            note: None,
        }
    }
}
