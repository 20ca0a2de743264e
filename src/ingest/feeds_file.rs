//! The feeds the user follows, kept in `feeds.toml` in sayso's data folder
//! (`$XDG_DATA_HOME/sayso/feeds.toml` on Linux). Read state is kept in
//! memory for the session only.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Error;

/// The followed feeds, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feeds {
    /// Their addresses (URLs or paths).
    #[serde(default)]
    pub feeds: Vec<String>,
}

/// Where the file lives: `<data dir>/sayso/feeds.toml`.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy as _;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("sayso").join("feeds.toml"))
}

impl Feeds {
    /// Read the file; a missing file is an empty list.
    ///
    /// # Errors
    /// When the file exists but cannot be read or parsed.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let err = |detail: String| Error::FeedsFile { path: path.display().to_string(), detail };
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| err(e.to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(err(e.to_string())),
        }
    }

    /// Write the file atomically: a temporary file beside it, then a rename,
    /// so a crash never leaves half a list.
    ///
    /// # Errors
    /// When the folder or file cannot be written.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let err = |detail: String| Error::FeedsFile { path: path.display().to_string(), detail };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| err(e.to_string()))?;
        }
        let body = toml::to_string(self).map_err(|e| err(e.to_string()))?;
        let text = format!("# Feeds followed by sayso: `sayso feed add URL`, `sayso feed rm URL`.\n{body}");
        crate::atomic::write(path, text.as_bytes()).map_err(|e| err(e.to_string()))
    }

    /// Add a feed; false when it was already followed.
    pub fn add(&mut self, source: &str) -> bool {
        if self.feeds.iter().any(|f| f == source) {
            return false;
        }
        self.feeds.push(source.to_owned());
        true
    }

    /// Remove a feed; false when it was not followed.
    pub fn remove(&mut self, source: &str) -> bool {
        let before = self.feeds.len();
        self.feeds.retain(|f| f != source);
        self.feeds.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_round_trip_through_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sayso").join("feeds.toml");
        let mut feeds = Feeds::load(&path).expect("missing file is empty");
        assert!(feeds.feeds.is_empty());
        assert!(feeds.add("https://news.example/rss"));
        assert!(!feeds.add("https://news.example/rss"));
        assert!(feeds.add("/tmp/local.xml"));
        feeds.save(&path).expect("saved");
        let again = Feeds::load(&path).expect("loaded");
        assert_eq!(again, feeds);
        let mut again = again;
        assert!(again.remove("/tmp/local.xml"));
        assert!(!again.remove("/tmp/local.xml"));
        std::fs::write(&path, "feeds = 3").expect("write");
        assert!(Feeds::load(&path).is_err());
    }
}
