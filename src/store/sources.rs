//! Which links are already articles in the library (a feed's stories read
//! before), compared after a small normalisation of the address.

use super::{Store, StoreError};

/// An address as the library compares it: without its `#fragment` and
/// without trailing slashes. Nothing else changes (case, `http` against
/// `https`, `www.`, query strings all count), so two addresses match only
/// when they name the same page in all but those trimmings.
#[must_use]
pub fn normalize_source(source: &str) -> &str {
    let source = source.trim();
    let source = source.split_once('#').map_or(source, |(before, _)| before);
    source.trim_end_matches('/')
}

impl Store {
    /// For each of `sources`, whether an article in the library has that
    /// source (compared by [`normalize_source`]). One prepared statement
    /// answers every source through the index on `articles(source)`.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn sources_kept(&self, sources: &[&str]) -> Result<Vec<bool>, StoreError> {
        self.read(|| {
            // Stored sources that begin with the address itself, or with it and
            // `/` or `#`: the only ones that can normalise to it. ('$' follows
            // '#' and '0' follows '/' in byte order.)
            let mut stmt = self.conn.prepare_cached(
                "SELECT source FROM articles
                 WHERE source = ?1
                    OR (source >= ?1 || '#' AND source < ?1 || '$')
                    OR (source >= ?1 || '/' AND source < ?1 || '0')",
            )?;
            let mut kept = Vec::with_capacity(sources.len());
            for source in sources {
                let wanted = normalize_source(source);
                if wanted.is_empty() {
                    kept.push(false);
                    continue;
                }
                let mut rows = stmt.query([wanted])?;
                let mut found = false;
                while let Some(row) = rows.next()? {
                    let stored: String = row.get(0)?;
                    if normalize_source(&stored) == wanted {
                        found = true;
                        break;
                    }
                }
                kept.push(found);
            }
            Ok(kept)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewArticle;

    #[test]
    fn fragments_and_trailing_slashes_are_ignored_and_nothing_else() {
        assert_eq!(normalize_source(" https://a.example/news/1/#top "), "https://a.example/news/1");
        assert_eq!(normalize_source("https://a.example/"), "https://a.example");
        assert_eq!(normalize_source("https://a.example/x?id=2#c"), "https://a.example/x?id=2");
        assert_eq!(normalize_source("HTTPS://A.example/x"), "HTTPS://A.example/x");
        assert_eq!(normalize_source("#only"), "");
    }

    #[test]
    fn links_are_matched_against_the_library_in_a_file_store() {
        let home = tempfile::tempdir().expect("temp dir");
        let path = home.path().join("sayso").join("library.db");
        let store = Store::open(&path).expect("store");
        for (source, text) in [
            ("https://news.example/harbour/", "Harbour vote delayed."),
            ("https://news.example/ferry#comments", "Ferry fares rise."),
            ("https://news.example/school?page=2", "School opens."),
        ] {
            let new = NewArticle { source: Some(source), text, ..NewArticle::default() };
            store.save_article(&new).expect("save");
        }
        // Text from standard input has no source and matches nothing.
        store.save_article(&NewArticle { text: "No source at all.", ..NewArticle::default() }).expect("save");
        let links = [
            "https://news.example/harbour",
            "https://news.example/harbour#top",
            "https://news.example/ferry/",
            "https://news.example/school?page=2",
            "https://news.example/school",
            "https://news.example/harbour/extra",
            "https://news.example/ferr",
            "http://news.example/ferry",
            "",
        ];
        let kept = store.sources_kept(&links).expect("lookup");
        assert_eq!(kept, [true, true, true, true, false, false, false, false, false]);
        drop(store);
        // A second opening sees the same (the state outlives the process).
        let again = Store::open(&path).expect("reopen");
        assert_eq!(again.sources_kept(&links[..2]).expect("lookup"), [true, true]);
        assert!(again.sources_kept(&[]).expect("lookup").is_empty());
    }
}
