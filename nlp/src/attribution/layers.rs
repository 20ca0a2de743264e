//! Everything the attribution tagger and decoder read about one article,
//! computed once: quote state, cue marks, entity codes, sentence and
//! paragraph positions, and the distance from each token to the nearest cue.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::annotation::{Annotation, Sentence, Token};
use crate::attribution::cues::{self, CueMark, Lexicon};
use crate::attribution::quotes::{self, Quotation, QuoteState};
use crate::syntax::{Dependency, LazyParser};
use crate::tag::features::WordInfo;
use crate::tag::pos::Pos;
use crate::text::Span;

/// The parts of a token's description the attribution features read
/// (9 bytes a token, where a whole [`WordInfo`] takes ~90).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Word {
    /// Hash of the lower-cased form.
    pub lower: u64,
    /// Surface flags ([`crate::tag::features::IS_TITLE`], ...).
    pub flags: u8,
}

impl From<&WordInfo> for Word {
    fn from(w: &WordInfo) -> Self {
        Self { lower: w.lower, flags: w.flags }
    }
}

impl Word {
    /// The key of a word beyond the paragraph's edge.
    #[must_use]
    pub const fn pad() -> Self {
        Self { lower: crate::tag::features::PAD, flags: 0 }
    }
}

/// Entity code of a token: 0 outside, else 1 + the label's index in
/// [`crate::entities::ner::TYPES`], plus [`ENTITY_BEGIN`] on an entity's first token.
pub const ENTITY_BEGIN: u8 = 8;

/// The nearest cue on one side of a token, inside its sentence (4 bytes:
/// an article keeps two per token).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Near {
    /// Distance in tokens (0 = none on that side; [`u16::MAX`] for that
    /// far or farther).
    pub distance: u16,
    /// The cue's classes.
    pub classes: u8,
}

impl Near {
    /// The cue's token index, seen from token `i` on side `right` (`None`
    /// when there is no cue, or it is too far to say where).
    #[must_use]
    pub fn at(self, i: usize, right: bool) -> Option<usize> {
        let d = usize::from(self.distance);
        if d == 0 || self.distance == u16::MAX {
            return None;
        }
        if right { i.checked_add(d) } else { i.checked_sub(d) }
    }
}

/// The per-article inputs of attribution finding.
#[derive(Debug)]
pub struct Layers<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Word keys per token.
    pub words: &'a [Word],
    /// Part-of-speech tag per token.
    pub pos: &'a [Pos],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// Entity code per token (see [`ENTITY_BEGIN`]).
    pub entity: Vec<u8>,
    /// Quotations found by their marks.
    pub quotations: Vec<Quotation>,
    /// Quote state per token.
    pub quote: Vec<QuoteState>,
    /// Cue lexicon marks per token.
    pub cue: Vec<CueMark>,
    /// True where the token is a likely cue by itself (see [`is_strong_cue`]).
    pub strong: Vec<bool>,
    /// Sentence index per token.
    pub sentence_of: Vec<u32>,
    /// Token ranges of the paragraphs.
    pub paragraphs: Vec<Range<usize>>,
    /// Per paragraph: true for the article's headline.
    pub headline: Vec<bool>,
    /// Nearest strong cue to the left and to the right, within the sentence.
    pub near: Vec<(Near, Near)>,
    /// Per sentence: [`HAS_MARK`], [`HAS_CUE`], [`STARTS_QUOTED`].
    pub sentence_flags: Vec<u8>,
    /// The sentences' trees.
    trees: Trees<'a>,
}

/// Where the trees of sentences come from: the parser, sentence by sentence
/// as they are asked for, or, without one, the trees the article came with.
struct Trees<'a> {
    article: &'a [Dependency],
    parser: Option<&'a LazyParser>,
    parsed: RefCell<HashMap<usize, Rc<[Dependency]>>>,
}

impl std::fmt::Debug for Trees<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trees")
            .field("article", &self.article.len())
            .field("parser", &self.parser.is_some())
            .field("parsed", &self.parsed.borrow().len())
            .finish()
    }
}

/// What follows a cue: "that".
pub const THAT_CLAUSE: u8 = 1;
/// What follows a cue: a noun phrase and then a finite verb, a clause
/// without "that" ("confirmed Trump spoke with …").
pub const BARE_CLAUSE: u8 = 2;
/// What follows a cue: a noun phrase and then anything else, likely its
/// object ("confirmed the report").
pub const OBJECT: u8 = 3;
/// What follows a cue: anything else.
pub const OTHER: u8 = 4;

/// Longest noun phrase read between a cue and the verb of its clause.
const PHRASE_REACH: usize = 6;

/// The shape of what follows the cue at token `j` of a sentence ending
/// before `end`: [`THAT_CLAUSE`], [`BARE_CLAUSE`], [`OBJECT`] or [`OTHER`].
#[must_use]
pub fn complement(words: &[Word], pos: &[Pos], j: usize, end: usize) -> u8 {
    static THAT: std::sync::LazyLock<u64> = std::sync::LazyLock::new(|| WordInfo::new("that").lower);
    let end = end.min(words.len()).min(pos.len());
    if j + 1 < end && words[j + 1].lower == *THAT {
        return THAT_CLAUSE;
    }
    let mut k = j + 1;
    while k < end && k - j <= PHRASE_REACH {
        let tag = pos[k].as_str();
        if pos[k].is_finite() {
            return if k > j + 1 { BARE_CLAUSE } else { OTHER };
        }
        let nominal = tag.starts_with("NN")
            || matches!(tag, "DT" | "PRP$" | "PRP" | "JJ" | "JJR" | "JJS" | "CD" | "POS");
        if !nominal {
            break;
        }
        k += 1;
    }
    if k > j + 1 { OBJECT } else { OTHER }
}

/// The sentence holds a quotation mark.
pub const HAS_MARK: u8 = 1;
/// The sentence holds a strong cue.
pub const HAS_CUE: u8 = 2;
/// The sentence starts inside or at the start of a quotation.
pub const STARTS_QUOTED: u8 = 4;

/// True when a token with these marks and tag is a likely cue on its own:
/// a phrase, a source marker, or a verb of a cue class.
#[must_use]
pub fn is_strong_cue(mark: CueMark, pos: Pos) -> bool {
    mark.phrase & cues::STRONG != 0
        || mark.word & cues::SOURCE != 0
        || (mark.word & cues::STRONG != 0 && pos.is_verb())
}

impl<'a> Layers<'a> {
    /// Compute the layers of an annotated article (tokens, tags, entities done).
    #[must_use]
    pub fn new(text: &'a str, ann: &'a Annotation, words: &'a [Word], lexicon: &Lexicon) -> Self {
        let n = ann.tokens.len();
        let mut entity = vec![0u8; n];
        for e in &ann.entities {
            let code = crate::entities::ner::TYPES.iter().position(|&t| t == e.label).map_or(0, |k| k + 1);
            let code = u8::try_from(code).unwrap_or(0);
            for i in e.tokens.clone() {
                if let Some(c) = entity.get_mut(i) {
                    *c = code | if i == e.tokens.start { ENTITY_BEGIN } else { 0 };
                }
            }
        }
        let para_spans: Vec<Span> = ann.paragraphs.iter().map(|p| p.span).collect();
        let quotations = quotes::find(text, &para_spans);
        let quote = quotes::token_states(&ann.tokens, &quotations);
        let mut cue = Vec::with_capacity(n);
        let mut paragraphs = Vec::with_capacity(ann.paragraphs.len());
        let mut buf = Vec::new();
        for p in &ann.paragraphs {
            let first = ann.sentences.get(p.sentences.start).map_or(cue.len(), |s| s.tokens.start);
            let last = p.sentences.end.checked_sub(1).and_then(|k| ann.sentences.get(k));
            let end = last.map_or(first, |s| s.tokens.end);
            let range = first.max(cue.len())..end.max(first);
            cue.resize(range.start, CueMark::default());
            lexicon.mark(&words[range.clone()], &mut buf);
            cue.extend_from_slice(&buf);
            paragraphs.push(range);
        }
        cue.resize(n, CueMark::default());
        let strong: Vec<bool> = cue.iter().zip(&ann.pos).map(|(&m, &p)| is_strong_cue(m, p)).collect();
        let mut sentence_of = vec![0u32; n];
        let mut near = vec![(Near::default(), Near::default()); n];
        let mut sentence_flags = Vec::with_capacity(ann.sentences.len());
        for (k, s) in ann.sentences.iter().enumerate() {
            let mut flags = 0;
            for i in s.tokens.clone() {
                if quote[i].flags & (quotes::OPENING | quotes::CLOSING) != 0 {
                    flags |= HAS_MARK;
                }
                if strong[i] {
                    flags |= HAS_CUE;
                }
            }
            if quote.get(s.tokens.start).is_some_and(|q| q.depth > 0 || q.flags & quotes::OPENING != 0) {
                flags |= STARTS_QUOTED;
            }
            sentence_flags.push(flags);
            let k = u32::try_from(k).unwrap_or(u32::MAX);
            sentence_of[s.tokens.clone()].iter_mut().for_each(|x| *x = k);
            let near_cue = |i: usize, j: usize| Near {
                distance: u16::try_from(i.abs_diff(j)).unwrap_or(u16::MAX),
                classes: cue[j].classes(),
            };
            let mut last: Option<usize> = None;
            for i in s.tokens.clone() {
                if let Some(j) = last {
                    near[i].0 = near_cue(i, j);
                }
                if strong[i] {
                    last = Some(i);
                }
            }
            last = None;
            for i in s.tokens.clone().rev() {
                if let Some(j) = last {
                    near[i].1 = near_cue(i, j);
                }
                if strong[i] {
                    last = Some(i);
                }
            }
        }
        Self {
            text,
            tokens: &ann.tokens,
            words,
            pos: &ann.pos,
            sentences: &ann.sentences,
            entity,
            quotations,
            quote,
            cue,
            strong,
            sentence_of,
            paragraphs,
            headline: ann.paragraphs.iter().map(|p| p.headline).collect(),
            near,
            sentence_flags,
            trees: Trees {
                article: if ann.syntax.len() == n { &ann.syntax } else { &[] },
                parser: None,
                parsed: RefCell::default(),
            },
        }
    }

    /// The same layers, parsing sentences with `parser` when a rule asks
    /// for a tree. The trees the article came with are set aside: they were
    /// read from the parser's own tagger's tags, where these are read from
    /// the engine's (as the attribution models learned them), and what the
    /// engine finds must not depend on whether the trees are written out.
    #[must_use]
    pub const fn with_parser(mut self, parser: &'a LazyParser) -> Self {
        self.trees.parser = Some(parser);
        self.trees.article = &[];
        self
    }

    /// The tree of sentence `k` (heads counted from the sentence's first
    /// word, as in [`Dependency`]), if a parser is at hand or the article
    /// came with trees.
    #[must_use]
    pub fn tree(&self, k: usize) -> Option<Rc<[Dependency]>> {
        let s = self.sentences.get(k)?.tokens.clone();
        if !self.trees.article.is_empty() {
            return self.trees.article.get(s).map(Rc::from);
        }
        if let Some(tree) = self.trees.parsed.borrow().get(&k) {
            return Some(Rc::clone(tree));
        }
        let parser = self.trees.parser?.get()?;
        let tokens = self.tokens.get(s.clone())?;
        let words: Vec<WordInfo> = tokens.iter().map(|t| WordInfo::new(t.span.slice(self.text))).collect();
        let mut out = Vec::with_capacity(words.len());
        parser.parse(&words, self.pos.get(s)?, &mut out, &mut crate::syntax::Scratch::default());
        let tree: Rc<[Dependency]> = Rc::from(out);
        self.trees.parsed.borrow_mut().insert(k, Rc::clone(&tree));
        Some(tree)
    }

    /// The flags of the sentence holding token `i`.
    #[must_use]
    pub fn sentence_flags_of(&self, i: usize) -> u8 {
        self.sentence_of.get(i).and_then(|&k| self.sentence_flags.get(k as usize)).copied().unwrap_or(0)
    }

    /// The sentence holding token `i`.
    #[must_use]
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.sentence_of
            .get(i)
            .and_then(|&k| self.sentences.get(k as usize))
            .map_or(i..i + 1, |s| s.tokens.clone())
    }
}
