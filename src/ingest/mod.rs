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
pub mod text;

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
    /// A name for the status line: the origin, with the extraction note.
    #[must_use]
    pub fn label(&self) -> String {
        match &self.note {
            Some(note) => format!("{} · {note}", self.origin),
            None => self.origin.clone(),
        }
    }
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
            article.source = Some(name);
            Ok(article)
        }
        Source::Url(url) => {
            progress(&format!("fetching {url}…"));
            let page = fetcher.get(url)?;
            page.into_article()
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
            html::extract(&decoded, None, origin)
        }
        Kind::Text => {
            let (text, note) = text::decode(origin, bytes, charset)?;
            Ok(Article { origin: origin.to_owned(), text, note, ..Article::default() })
        }
    }
}
