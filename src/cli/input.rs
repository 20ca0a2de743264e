//! Reading an article for the command line: a text file, a saved web page,
//! a URL, or standard input, with progress and notes on stderr.

use std::path::Path;

use anyhow::Result;
use sayso::ingest::{self, Fetcher, Source};

pub use sayso::ingest::Article;

/// The text of the bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/sample/alaska-summit.txt");

/// The bundled sample article.
pub fn sample() -> Article {
    Article { origin: "sample".to_owned(), text: SAMPLE.to_owned(), ..Article::default() }
}

/// Read `path` (a file, `-` for stdin, or an http/https URL) as an article.
/// Web pages are extracted; progress and extraction notes go to stderr.
pub fn read(path: &Path) -> Result<Article> {
    let source = Source::parse(path)?;
    read_source(&source, true)
}

/// Like [`read`], for a parsed source; `verbose` prints progress and notes.
pub fn read_source(source: &Source, verbose: bool) -> Result<Article> {
    let mut progress = |line: &str| {
        if verbose {
            eprintln!("sayso: {}", sayso_nlp::text::sanitize(line));
        }
    };
    let article = ingest::open(source, &Fetcher::from_env(), &mut progress)?;
    if let Some(note) = &article.note
        && verbose
    {
        eprintln!("sayso: note: {}: {note}", sayso_nlp::text::sanitize(&article.origin));
    }
    Ok(article)
}
