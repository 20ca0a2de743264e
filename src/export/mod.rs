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

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: [Self; 4] = [Self::Markdown, Self::Json, Self::Csv, Self::CsvRaw];
    /// The formats the reader's export dialog offers, in its order.
    pub const DIALOG: [Self; 3] = [Self::Markdown, Self::Json, Self::Csv];

    /// The name on the command line (`--format md`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::CsvRaw => "csv-raw",
        }
    }

    /// The format a command-line name stands for (`markdown` too).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "markdown" => Some(Self::Markdown),
            _ => Self::ALL.into_iter().find(|f| f.name() == name),
        }
    }

    /// The file extension.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv | Self::CsvRaw => "csv",
        }
    }

    /// The name shown in the reader's dialog.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Json => "JSON",
            Self::Csv => "CSV (Readwise)",
            Self::CsvRaw => "CSV (exact cells)",
        }
    }
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

/// Exports are written with the one atomic writer.
pub use crate::atomic::write as write_atomic;
