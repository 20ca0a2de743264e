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

/// The whole text of a corpus file.
///
/// # Errors
/// [`CorpusError::Io`] naming the file when it cannot be read.
pub fn read_text(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|source| CorpusError::Io { path: path.to_path_buf(), source })
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
    /// Whether each token starts an entity (so that two adjacent entities of
    /// one type stay two).
    pub begins: Vec<bool>,
    /// Sentences as token ranges.
    pub sentences: Vec<Range<usize>>,
}

impl SilverDoc {
    /// Entity runs as `(start, end, type)` byte spans.
    #[must_use]
    pub fn entities(&self) -> Vec<(Span, usize)> {
        self.entity_runs().into_iter().map(|(r, ty)| (self.span(r), ty)).collect()
    }

    /// Entity runs as token ranges with their type: runs of tokens with the
    /// same class, split where a token begins a new entity.
    #[must_use]
    pub fn entity_runs(&self) -> Vec<(Range<usize>, usize)> {
        let mut out: Vec<(Range<usize>, usize)> = Vec::new();
        let mut prev: Option<usize> = None;
        for (i, e) in self.entity.iter().enumerate() {
            let begins = self.begins.get(i).copied().unwrap_or(false);
            match (*e, out.last_mut()) {
                (Some(ty), Some(last)) if prev == Some(ty) && !begins => last.0.end = i + 1,
                (Some(ty), _) => out.push((i..i + 1, ty)),
                (None, _) => {}
            }
            prev = *e;
        }
        out
    }

    /// The byte span of a token range.
    #[must_use]
    pub fn span(&self, tokens: Range<usize>) -> Span {
        match (self.tokens.get(tokens.start), tokens.end.checked_sub(1).and_then(|l| self.tokens.get(l))) {
            (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }
}

/// A document built word by word from a corpus that gives words, not text
/// (CoNLL, CoNLL-U): its text is the words joined by spaces, one sentence a
/// line, so the engine reads it like any article.
#[derive(Debug, Default)]
pub struct WordsDoc {
    text: String,
    tokens: Vec<Token>,
    pos: Vec<Pos>,
    entity: Vec<Option<usize>>,
    begins: Vec<bool>,
    sentences: Vec<Range<usize>>,
    sentence_start: usize,
}

impl WordsDoc {
    /// Add a word with its Penn tag, entity class and whether it begins an entity.
    pub fn push(&mut self, word: &str, pos: &str, entity: Option<usize>, begins: bool) {
        if !self.at_sentence_start() {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(word);
        self.tokens.push(Token { span: Span::new(start, self.text.len()), kind: TokenKind::Word });
        self.pos.push(Pos::parse(pos).unwrap_or_default());
        self.entity.push(entity);
        self.begins.push(begins);
    }

    /// Whether the next word starts a sentence.
    #[must_use]
    pub fn at_sentence_start(&self) -> bool {
        self.tokens.len() == self.sentence_start
    }

    /// The entity class of the last word.
    #[must_use]
    pub fn last_entity(&self) -> Option<usize> {
        self.entity.last().copied().flatten()
    }

    /// End the sentence (nothing when it has no words).
    pub fn end_sentence(&mut self) {
        if !self.at_sentence_start() {
            self.sentences.push(self.sentence_start..self.tokens.len());
            self.text.push('\n');
            self.sentence_start = self.tokens.len();
        }
    }

    /// The document called `name`, or `None` when it has no words; the
    /// builder is left empty for the next one.
    pub fn finish(&mut self, name: &str) -> Option<SilverDoc> {
        self.end_sentence();
        let b = std::mem::take(self);
        (!b.tokens.is_empty()).then(|| SilverDoc {
            name: name.to_owned(),
            text: b.text,
            tokens: b.tokens,
            pos: b.pos,
            entity: b.entity,
            begins: b.begins,
            sentences: b.sentences,
        })
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
    let data = read_text(&path)?;
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
        let text = read_text(&tpath)?;
        let map = CharOffsets::new(&text);
        let mut doc = SilverDoc {
            name: rec.doc,
            tokens: Vec::with_capacity(rec.tokens.len()),
            pos: Vec::with_capacity(rec.tokens.len()),
            entity: Vec::with_capacity(rec.tokens.len()),
            begins: Vec::with_capacity(rec.tokens.len()),
            sentences: rec.sentences.iter().map(|&(a, b)| a..b.min(rec.tokens.len())).collect(),
            text: String::new(),
        };
        for (s, e, _word, pos, _lemma, ner) in &rec.tokens {
            let span = Span::new(map.bytes(*s).min(text.len()), map.bytes(*e).min(text.len()));
            doc.tokens.push(Token { span, kind: TokenKind::Word });
            doc.pos.push(Pos::parse(pos).unwrap_or_default());
            let ty = entity_type(ner);
            doc.begins.push(ty.is_some() && doc.entity.last().copied().flatten() != ty);
            doc.entity.push(ty);
        }
        // An entity never runs on into the next sentence.
        for s in &doc.sentences {
            if let Some(b) = doc.begins.get_mut(s.start) {
                *b = doc.entity[s.start].is_some();
            }
        }
        doc.text = text;
        docs.push(doc);
    }
    Ok(docs)
}
