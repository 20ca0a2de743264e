//! Ingest: turning a text file, a saved web page, a URL, a feed item or
//! standard input into an [`Article`] the annotator can read.
//!
//! Everything here is headless (no terminal): the CLI and the reader call
//! [`open`] and get plain, sanitised text with its metadata.

pub mod charset;
pub mod error;
pub mod feed;
pub mod feeds_file;
pub mod fetch;
pub mod flatten;
pub mod html;
pub mod junk;
pub mod text;
pub mod title;

use std::io::Read as _;
use std::path::Path;

pub use error::Error;
pub use fetch::Fetcher;

/// An article ready for annotation, with what is known of where it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// A short name for titles and messages: the file name, `stdin`, or the
    /// URL's host and path.
    pub origin: String,
    /// The path or URL it was read from (`None` for standard input and the
    /// bundled sample).
    pub source: Option<String>,
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// The author line, as the page gives it.
    pub byline: Option<String>,
    /// When it was published, as the page gives it (often ISO 8601).
    pub published: Option<String>,
    /// The site's name.
    pub site: Option<String>,
    /// The text handed to the annotator. For web pages and feed items: the
    /// headline, a blank line, then one paragraph per line with blank lines
    /// between. For text files: the file's content unchanged.
    pub text: String,
    /// How the text was obtained, when the reader should know (for example
    /// that a page was read as plain text because no article was found).
    pub note: Option<String>,
}

impl Article {
    /// A name for the reader's meta line: the site (else the origin), the
    /// byline, the day of publication and the extraction note, as known.
    #[must_use]
    pub fn label(&self) -> String {
        let day = self.published.as_deref().map(|p| p.get(..10).filter(|d| is_iso_day(d)).unwrap_or(p));
        let parts = [
            Some(self.site.as_deref().unwrap_or(&self.origin)),
            self.byline.as_deref(),
            day,
            self.note.as_deref(),
        ];
        parts.into_iter().flatten().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
    }
}

/// `YYYY-MM-DD`.
fn is_iso_day(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

/// Where an article comes from, as typed on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// An http or https URL.
    Url(String),
    /// A file on disk.
    File(std::path::PathBuf),
}

impl Source {
    /// Classify a command-line argument. Other URL schemes (`file:`, `ftp:`,
    /// `javascript:`, …) are refused rather than read as file names.
    ///
    /// # Errors
    /// [`Error::Scheme`] for a URL that is not http or https.
    pub fn parse(arg: &Path) -> Result<Self, Error> {
        let Some(s) = arg.to_str() else { return Ok(Self::File(arg.to_path_buf())) };
        if s == "-" {
            return Ok(Self::Stdin);
        }
        match fetch::scheme(s) {
            Some(scheme) if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {
                Ok(Self::Url(s.to_owned()))
            }
            // A Windows drive letter (`C:\…`) is a path, not a scheme.
            Some(scheme) if scheme.len() > 1 && !arg.exists() => Err(Error::Scheme(scheme.to_owned())),
            _ => Ok(Self::File(arg.to_path_buf())),
        }
    }
}

/// Read an article from a file, standard input or a URL, extracting the
/// article from HTML. Progress for URLs is reported through `progress`.
///
/// # Errors
/// When the source cannot be read or fetched, or holds no text.
pub fn open(source: &Source, fetcher: &Fetcher, progress: &mut dyn FnMut(&str)) -> Result<Article, Error> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Read { what: "standard input".to_owned(), source: e })?;
            from_bytes("stdin", None, &bytes, None)
        }
        Source::File(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| Error::Read { what: path.display().to_string(), source: e })?;
            let name = path.display().to_string();
            let html_ext = path
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"));
            let kind = html_ext.then_some(Kind::Html);
            let mut article = from_bytes(&name, kind, &bytes, None)?;
            // The library finds the article again by its full path.
            let full = std::fs::canonicalize(path).map_or(name, |p| p.display().to_string());
            article.source = Some(full);
            Ok(article)
        }
        Source::Url(url) => {
            progress(&format!("fetching {url}…"));
            let page = fetcher.get(url)?;
            page.into_article()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_site_author_and_day() {
        let mut a = Article { origin: "page.html".to_owned(), ..Article::default() };
        assert_eq!(a.label(), "page.html");
        a.site = Some("The Gazette".to_owned());
        a.byline = Some("Ann Holt".to_owned());
        a.published = Some("2026-03-14T09:30:00+01:00".to_owned());
        a.note = Some("no article found: read as plain text".to_owned());
        assert_eq!(a.label(), "The Gazette · Ann Holt · 2026-03-14 · no article found: read as plain text");
        a.published = Some("14 March".to_owned());
        assert!(a.label().contains(" · 14 March · "));
    }

    #[test]
    fn sources_are_classified_and_other_schemes_refused() {
        assert_eq!(Source::parse(Path::new("-")).expect("stdin"), Source::Stdin);
        assert_eq!(
            Source::parse(Path::new("https://a.example/x")).expect("url"),
            Source::Url("https://a.example/x".to_owned())
        );
        assert_eq!(Source::parse(Path::new("story.txt")).expect("file"), Source::File("story.txt".into()));
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "ftp://a.example/x"] {
            assert!(matches!(Source::parse(Path::new(bad)), Err(Error::Scheme(_))), "{bad}");
        }
    }
}

/// What a body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text, read as it is.
    Text,
    /// An HTML page, whose article is extracted.
    Html,
}

/// Make an article from raw bytes: HTML when `kind` says so or the bytes
/// look like HTML, else plain text. `charset` is the one a server declared.
///
/// # Errors
/// When the bytes are binary, or the page holds no text at all.
pub fn from_bytes(
    origin: &str,
    kind: Option<Kind>,
    bytes: &[u8],
    charset: Option<&str>,
) -> Result<Article, Error> {
    let kind = kind.unwrap_or_else(|| if html::sniff(bytes) { Kind::Html } else { Kind::Text });
    match kind {
        Kind::Html => {
            let decoded = charset::decode_html(bytes, charset);
            let article = html::extract(&decoded, None, origin);
            if article.text.trim().is_empty() {
                return Err(Error::NoText(origin.to_owned()));
            }
            Ok(article)
        }
        Kind::Text => {
            let (text, note) = text::decode(origin, bytes, charset)?;
            Ok(Article { origin: origin.to_owned(), text, note, ..Article::default() })
        }
    }
}
