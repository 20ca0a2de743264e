//! Exports: an article's who-said-what digest with the reader's highlights,
//! notes, tags and speaker corrections, as Markdown, JSON or CSV.
//!
//! Every text field is stripped of control, bidi-override and zero-width
//! characters, then escaped for its format.

mod csv;
mod digest;
mod json;
mod markdown;

pub use self::csv::HEADER as CSV_HEADER;
pub use digest::{Attribution, Digest, Meta, NoteItem, SpeakerSection, digest};
pub use json::EXPORT_VERSION;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Markdown with YAML front matter.
    #[default]
    Markdown,
    /// JSON.
    Json,
    /// Readwise-compatible CSV, cells that would start a spreadsheet
    /// formula written as text.
    Csv,
    /// The same CSV with every cell exactly as written.
    CsvRaw,
}

/// A failure to write an export (in practice only from the CSV writer).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The JSON writer failed.
    #[error("could not write the JSON export: {0}")]
    Json(#[from] serde_json::Error),
    /// The CSV writer failed.
    #[error("could not write the CSV export: {0}")]
    Csv(#[from] ::csv::Error),
}

/// One article in `format`; `exported` (unix seconds) is written as the export time.
///
/// # Errors
/// When a writer fails.
pub fn article(format: Format, d: &Digest, exported: i64) -> Result<String, ExportError> {
    Ok(match format {
        Format::Markdown => markdown::article(d, exported),
        Format::Json => json::article(d, exported)?,
        Format::Csv => self::csv::rows(std::slice::from_ref(d), true)?,
        Format::CsvRaw => self::csv::rows(std::slice::from_ref(d), false)?,
    })
}

/// Several articles as one document: Markdown sections, a JSON array, or
/// all CSV rows under one header.
///
/// # Errors
/// When a writer fails.
pub fn library(format: Format, digests: &[Digest], exported: i64) -> Result<String, ExportError> {
    Ok(match format {
        Format::Markdown => markdown::library(digests, exported),
        Format::Json => json::library(digests, exported)?,
        Format::Csv => self::csv::rows(digests, true)?,
        Format::CsvRaw => self::csv::rows(digests, false)?,
    })
}

/// Write `bytes` to a temporary file beside `path`, then rename it over
/// `path`, so nobody ever sees half an export.
///
/// # Errors
/// When the folder cannot be written.
pub fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a file name", path.display()),
        )
    })?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let temp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
