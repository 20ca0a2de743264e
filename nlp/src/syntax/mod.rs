//! Syntax: a greedy transition-based dependency parser (arc-hybrid moves,
//! an averaged perceptron over hashed features, Universal Dependencies
//! relations) over the engine's own words and part-of-speech tags.

pub mod conllu;
pub mod eval;
pub mod features;
pub mod parser;
pub mod relations;
pub mod transition;
pub mod upos;

use crate::tag::features::WordInfo;
use crate::tag::model::Model;
use crate::tag::pos::Pos;
use crate::tag::pos_tagger::PosTagger;

pub use parser::{Parser, Scratch};
pub use relations::{RELATIONS, Relation};
pub use upos::UposTable;

/// One word's place in its sentence's tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Dependency {
    /// The head word's number in the sentence, counting from 1; 0 for the
    /// sentence's root word (as in CoNLL-U).
    pub head: u32,
    /// The relation to the head (`root` for the root word).
    pub relation: Relation,
}

/// The parser model, embedded at build time.
const PARSER_MODEL: &[u8] = include_bytes!("../../../assets/models/parser.bin");
/// The parser's own part-of-speech tagger, embedded at build time: it learned
/// from the treebanks' tags as well as from news, like the parser, while the
/// entity and attribution models keep the tagger whose tags they learned from.
const TAGGER_MODEL: &[u8] = include_bytes!("../../../assets/models/parser-pos.bin");

/// Why the parser could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxError {
    /// The embedded parser model is damaged.
    #[error("parser model: {0}")]
    Model(#[from] crate::tag::model::ModelError),
    /// The embedded universal tag table is malformed.
    #[error(transparent)]
    Upos(#[from] upos::UposError),
}

/// Tags and trees of sentences given as words: the engine's part-of-speech
/// tagger, the parser and the universal tag table together.
#[derive(Debug, Clone)]
pub struct Syntax {
    tagger: PosTagger,
    parser: Parser,
    upos: UposTable,
}

/// One sentence's tags and tree, with memory reused from one sentence to the next.
#[derive(Debug, Clone, Default)]
pub struct ParsedWords {
    /// One Penn tag per word.
    pub tags: Vec<Pos>,
    /// One dependency per word.
    pub tree: Vec<Dependency>,
    scratch: Scratch,
    features: Vec<u64>,
}

impl Syntax {
    /// The embedded parser, its part-of-speech tagger and the tag table.
    ///
    /// # Errors
    /// When an embedded model or the tag table is damaged (which a test rules out).
    pub fn new() -> Result<Self, SyntaxError> {
        Ok(Self {
            tagger: PosTagger::with_classes(Model::from_bytes(TAGGER_MODEL)?)?,
            parser: Parser::new(Model::from_bytes(PARSER_MODEL)?)?,
            upos: UposTable::embedded()?,
        })
    }

    /// The parser.
    #[must_use]
    pub const fn parser(&self) -> &Parser {
        &self.parser
    }

    /// The parser's own part-of-speech tags of one sentence's words, appended to `out`.
    pub fn tag(&self, words: &[WordInfo], out: &mut Vec<Pos>) {
        self.tagger.tag(words, out, &mut Vec::new());
    }

    /// Tag and parse one sentence's words into `out`.
    pub fn parse_words(&self, words: &[WordInfo], out: &mut ParsedWords) {
        out.tags.clear();
        out.tree.clear();
        self.tagger.tag(words, &mut out.tags, &mut out.features);
        self.parser.parse(words, &out.tags, &mut out.tree, &mut out.scratch);
    }

    /// Parse one sentence's tagged words, appending to `out`.
    pub fn parse_tagged(
        &self,
        words: &[WordInfo],
        tags: &[Pos],
        out: &mut Vec<Dependency>,
        scratch: &mut Scratch,
    ) {
        self.parser.parse(words, tags, out, scratch);
    }

    /// The universal part-of-speech tag of a word with Penn tag `tag`.
    #[must_use]
    pub fn upos(&self, word: &WordInfo, tag: Pos) -> &str {
        self.upos.upos(word, tag)
    }
}

/// The embedded parser, loaded the first time it is asked for, and shared
/// by the clones of its holder (loading takes tens of milliseconds and tens
/// of megabytes, which most uses of the engine never need).
#[derive(Debug, Clone, Default)]
pub struct LazyParser(std::sync::Arc<std::sync::OnceLock<Option<Parser>>>);

impl LazyParser {
    /// The parser; `None` if the embedded model is damaged (which a test rules out).
    #[must_use]
    pub fn get(&self) -> Option<&Parser> {
        self.0.get_or_init(|| Parser::embedded().ok()).as_ref()
    }
}

impl Parser {
    /// The parser embedded at build time.
    ///
    /// # Errors
    /// When the embedded model is damaged (which a test rules out).
    pub fn embedded() -> Result<Self, crate::tag::model::ModelError> {
        Self::new(Model::from_bytes(PARSER_MODEL)?)
    }
}
