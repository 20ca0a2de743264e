//! Reading `silver.jsonl`: machine-made tokens, part-of-speech tags and
//! entity classes per article, with code-point offsets into the article text.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::annotation::{Token, TokenKind};
use crate::tag::pos::Pos;
use crate::text::{CharOffsets, Span};

/// Why a corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file could not be read.
    #[error("could not read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of `silver.jsonl` is not valid.
    #[error("{path}:{line}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

#[derive(Deserialize)]
struct Line {
    doc: String,
    tokens: Vec<(usize, usize, String, String, String, String)>,
    sentences: Vec<(usize, usize)>,
}

/// One article with its machine annotation, offsets in bytes.
#[derive(Debug, Clone)]
pub struct SilverDoc {
    /// The article's file stem.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Tokens (byte spans).
    pub tokens: Vec<Token>,
    /// One part-of-speech tag per token.
    pub pos: Vec<Pos>,
    /// One entity class per token: index into [`crate::entities::ner::TYPES`], or `None`.
    pub entity: Vec<Option<usize>>,
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
}

impl SilverDoc {
    /// Entity runs as `(start, end, type)` byte spans: maximal runs of
    /// tokens with the same class.
    #[must_use]
    pub fn entities(&self) -> Vec<(Span, usize)> {
        let mut out: Vec<(Span, usize)> = Vec::new();
        let mut prev: Option<usize> = None;
        for (t, e) in self.tokens.iter().zip(&self.entity) {
            match (*e, out.last_mut()) {
                (Some(ty), Some(last)) if prev == Some(ty) => last.0.end = t.span.end,
                (Some(ty), _) => out.push((t.span, ty)),
                (None, _) => {}
            }
            prev = *e;
        }
        out
    }
}

/// Map a CoreNLP entity class to a model type index.
fn entity_type(ner: &str) -> Option<usize> {
    match ner {
        "PERSON" => Some(0),
        "ORGANIZATION" => Some(1),
        "LOCATION" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// Read `split/silver.jsonl` and the texts it refers to, in file order.
///
/// # Errors
/// When a file cannot be read or a line is not valid.
pub fn read_split(split: &Path) -> Result<Vec<SilverDoc>, CorpusError> {
    let path = split.join("silver.jsonl");
    let data =
        std::fs::read_to_string(&path).map_err(|source| CorpusError::Io { path: path.clone(), source })?;
    let mut docs = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: Line = serde_json::from_str(line).map_err(|source| CorpusError::Json {
            path: path.clone(),
            line: i + 1,
            source,
        })?;
        let tpath = split.join("text").join(format!("{}.txt", rec.doc));
        let text =
            std::fs::read_to_string(&tpath).map_err(|source| CorpusError::Io { path: tpath, source })?;
        let map = CharOffsets::new(&text);
        let mut doc = SilverDoc {
            name: rec.doc,
            tokens: Vec::with_capacity(rec.tokens.len()),
            pos: Vec::with_capacity(rec.tokens.len()),
            entity: Vec::with_capacity(rec.tokens.len()),
            sentences: rec.sentences.iter().map(|&(a, b)| a..b.min(rec.tokens.len())).collect(),
            text: String::new(),
        };
        for (s, e, _word, pos, _lemma, ner) in &rec.tokens {
            let span = Span::new(map.bytes(*s).min(text.len()), map.bytes(*e).min(text.len()));
            doc.tokens.push(Token { span, kind: TokenKind::Word });
            doc.pos.push(Pos::parse(pos).unwrap_or_default());
            doc.entity.push(entity_type(ner));
        }
        doc.text = text;
        docs.push(doc);
    }
    Ok(docs)
}
