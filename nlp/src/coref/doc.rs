//! Read-only views of an annotation that coreference asks for often:
//! the sentence and paragraph of a token, whether it lies inside quoted
//! content, and what kind of word it is.

use std::ops::Range;

use crate::annotation::{Annotation, Entity, EntityLabel, TokenKind};
use crate::segment::article::{DATELINE_WORDS, dateline_end_of};
use crate::text::Span;

/// An annotation with per-token indexes.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The document text.
    pub text: &'a str,
    /// The annotation being resolved.
    pub ann: &'a Annotation,
    // u32 indices: these tables hold one slot per sentence, or per token,
    // of possibly very long texts.
    paragraph: Vec<u32>,
    content: Vec<bool>,
    /// True when sentences come in token order (see [`in_order`]; the
    /// pipeline's do): a token's sentence is then found by binary search.
    sentences_ordered: bool,
    /// The same for entities.
    entities_ordered: bool,
}

/// True when neither the starts nor the ends of `ranges` ever go back
/// (two entities may share a token: "Trump-Putin").
fn in_order<'r>(ranges: impl Iterator<Item = &'r Range<usize>>) -> bool {
    let mut last = 0..0;
    for r in ranges {
        if r.start > r.end || r.start < last.start || r.end < last.end {
            return false;
        }
        last = r.clone();
    }
    true
}

/// The last of `items` whose tokens hold token `i`: found by binary search
/// when they are `ordered` (see [`in_order`]), else by a scan.
fn last_holding<T>(
    items: &[T],
    tokens: impl Fn(&T) -> &Range<usize>,
    ordered: bool,
    i: usize,
) -> Option<usize> {
    if ordered {
        // Every later item starts after `i`; every earlier one ends no later than this one.
        let k = items.partition_point(|x| tokens(x).start <= i).checked_sub(1)?;
        items.get(k).is_some_and(|x| tokens(x).contains(&i)).then_some(k)
    } else {
        items.iter().rposition(|x| tokens(x).contains(&i))
    }
}

/// An index as stored in the per-sentence table (texts never hold `u32::MAX` sentences).
fn index32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<'a> Doc<'a> {
    /// Index `ann` over `text`.
    pub fn new(text: &'a str, ann: &'a Annotation) -> Self {
        let n = ann.tokens.len();
        let mut paragraph = vec![0; ann.sentences.len()];
        for (pi, p) in ann.paragraphs.iter().enumerate() {
            for slot in paragraph.get_mut(p.sentences.clone()).into_iter().flatten() {
                *slot = index32(pi);
            }
        }
        let mut content = vec![false; n];
        for q in &ann.quotes {
            let pieces = if q.content_fragments.is_empty() {
                std::slice::from_ref(&q.content)
            } else {
                q.content_fragments.as_slice()
            };
            for &piece in pieces {
                for slot in content.get_mut(token_range(ann, piece)).into_iter().flatten() {
                    *slot = true;
                }
            }
        }
        let sentences_ordered = in_order(ann.sentences.iter().map(|s| &s.tokens));
        let entities_ordered = in_order(ann.entities.iter().map(|e| &e.tokens));
        Self { text, ann, paragraph, content, sentences_ordered, entities_ordered }
    }

    /// The entities that may start within tokens `range`, in order: a
    /// binary search when entities are in token order (the pipeline's), else all.
    pub fn entities_starting_in(&self, range: Range<usize>) -> &'a [Entity] {
        let all = self.ann.entities.as_slice();
        if !self.entities_ordered {
            return all;
        }
        let from = all.partition_point(|e| e.tokens.start < range.start);
        let to = all.partition_point(|e| e.tokens.start < range.end).max(from);
        &all[from..to]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ann.tokens.len()
    }

    /// The tokens lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        token_range(self.ann, span)
    }

    /// The span of token `i`.
    pub fn token(&self, i: usize) -> Span {
        self.ann.tokens.get(i).map_or_else(Span::default, |t| t.span)
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.token(i).slice(self.text)
    }

    /// The sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        last_holding(&self.ann.sentences, |s| &s.tokens, self.sentences_ordered, i).unwrap_or(0)
    }

    /// The paragraph holding sentence `s`.
    pub fn paragraph_of(&self, s: usize) -> usize {
        self.paragraph.get(s).map_or(0, |&p| p as usize)
    }

    /// True when token `i` lies inside attributed content.
    pub fn in_content(&self, i: usize) -> bool {
        self.content.get(i).copied().unwrap_or(false)
    }

    /// The entity covering token `i`.
    pub fn entity_of(&self, i: usize) -> Option<usize> {
        last_holding(&self.ann.entities, |e| &e.tokens, self.entities_ordered, i)
    }

    /// True when token `i` lies in a job title the gazetteer marked
    /// ("President", "Secretary of State", "special envoy").
    pub fn is_title(&self, i: usize) -> bool {
        self.label_of(i) == Some(EntityLabel::Title)
    }

    /// The label of the entity covering token `i`.
    pub fn label_of(&self, i: usize) -> Option<EntityLabel> {
        self.entity_of(i).and_then(|e| self.ann.entities.get(e)).map(|e| e.label)
    }

    /// True for words that join the parts of a title ("of", "the", "and").
    pub fn is_function_word(&self, i: usize) -> bool {
        self.ann.pos.get(i).is_some_and(|p| matches!(p.as_str(), "IN" | "DT" | "CC" | "TO"))
    }

    /// The label of the first name among tokens `range`: a person,
    /// organisation, place or other name, not a title, date or amount.
    pub fn label_over(&self, range: Range<usize>) -> Option<EntityLabel> {
        range.into_iter().filter_map(|i| self.label_of(i)).find(|&l| is_name_label(l))
    }

    /// True for word and number tokens.
    pub fn is_word(&self, i: usize) -> bool {
        self.ann.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// True when token `i` starts with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `i` starts with a lower-case letter.
    pub fn is_lower(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// True when token `i` can be a pronoun by its case: "he", "He", "I", not "US".
    pub fn is_pronoun_form(&self, i: usize) -> bool {
        let w = self.word(i);
        w == "I" || !w.chars().skip(1).any(char::is_uppercase)
    }

    /// True when token `i` is a proper noun by its tag or its entity, or a
    /// word in capitals that opens a paragraph with a colon, as a
    /// transcript names who speaks ("PENCE: Well, …").
    pub fn is_name_like(&self, i: usize) -> bool {
        self.ann.pos.get(i).is_some_and(|p| p.is_proper_noun())
            || self.label_of(i).is_some_and(is_name_label)
            || self.labels_a_turn(i)
    }

    /// True when token `i` is a word in capitals in a run of at most three
    /// that opens its paragraph (after a quotation mark, if any) and ends
    /// with a colon.
    fn labels_a_turn(&self, i: usize) -> bool {
        let capitals = |k: usize| {
            let w = self.word(k);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
        };
        if !capitals(i) {
            return false;
        }
        let mut start = i;
        while start > 0 && i - start < 3 && capitals(start - 1) {
            start -= 1;
        }
        let opens = self.opens_paragraph(start)
            || (start > 0 && self.opens_paragraph(start - 1) && matches!(self.word(start - 1), "\"" | "“"));
        let mut end = i + 1;
        while end < self.len() && end - start < 3 && capitals(end) {
            end += 1;
        }
        opens && end < self.len() && self.word(end) == ":"
    }

    /// True when token `i` is in the dateline opening its paragraph
    /// ("SAN JOSE, Calif. —", "WASHINGTON (Reuters) -"): place and agency
    /// in capitals or abbreviated, then a dash and the story's first word.
    /// A dateline names no one the story goes on to speak of.
    pub fn in_dateline(&self, i: usize) -> bool {
        let Some(start) = (i.saturating_sub(DATELINE_WORDS)..=i).rev().find(|&k| self.opens_paragraph(k))
        else {
            return false;
        };
        // The story's first word is past the dash that ends the dateline.
        dateline_end_of((start..self.len()).map(|k| self.word(k))).is_some_and(|story| i + 1 < start + story)
    }

    /// True when token `i` is an adjective by its tag or a nationality or
    /// party by its entity ("Russian", "Republican").
    pub fn is_adjective(&self, i: usize) -> bool {
        self.ann.pos.get(i).is_some_and(|p| p.as_str().starts_with("JJ"))
            || self
                .entity_of(i)
                .and_then(|e| self.ann.entities.get(e))
                .is_some_and(|e| e.label == EntityLabel::Misc && e.tokens.end == i + 1 && e.tokens.start == i)
    }

    /// True when token `i` is tagged as a plural noun.
    pub fn is_plural_noun(&self, i: usize) -> bool {
        self.ann.pos.get(i).is_some_and(|p| matches!(p.as_str(), "NNS" | "NNPS"))
    }

    /// True when token `i` is a conjunction, adverb or interjection.
    pub fn is_connective(&self, i: usize) -> bool {
        self.ann.pos.get(i).is_some_and(|p| matches!(p.as_str(), "CC" | "RB" | "UH"))
    }

    /// True when token `i` is tagged as a verb.
    pub fn is_verb(&self, i: usize) -> bool {
        self.ann.pos.get(i).is_some_and(|p| p.is_verb())
    }

    /// True when token `i` comes early in its sentence with no verb before it.
    pub fn opens_sentence(&self, i: usize) -> bool {
        let Some(s) = self.ann.sentences.get(self.sentence_of(i)) else { return false };
        i >= s.tokens.start && i - s.tokens.start <= 6 && !(s.tokens.start..i).any(|j| self.is_verb(j))
    }

    /// True when token `i` is the first token of its paragraph.
    pub fn opens_paragraph(&self, i: usize) -> bool {
        let s = self.sentence_of(i);
        let first = self.ann.sentences.get(s).is_some_and(|x| x.tokens.start == i);
        first && (s == 0 || self.paragraph_of(s - 1) != self.paragraph_of(s))
    }

    /// True when token `i` is the first word of its sentence.
    pub fn opens_sentence_strictly(&self, i: usize) -> bool {
        let Some(s) = self.ann.sentences.get(self.sentence_of(i)) else { return false };
        (s.tokens.start..i).all(|j| !self.is_word(j))
    }

    /// True when punctuation token `i` touches the tokens on both sides, or
    /// ends an initial ("U.S.", "Al-Assad", "George W. Bush").
    pub fn is_joiner(&self, i: usize) -> bool {
        if self.is_word(i) || i == 0 || i + 1 >= self.len() {
            return false;
        }
        let (prev, this, next) = (self.token(i - 1), self.token(i), self.token(i + 1));
        let left = prev.end == this.start;
        let initial =
            self.word(i) == "." && self.word(i - 1).chars().count() <= 2 && self.is_capitalised(i - 1);
        left && (this.end == next.start || initial) && !self.is_clause_break(i)
    }

    /// True for punctuation that ends a phrase: commas, semicolons, colons,
    /// brackets, spaced dashes and quotation marks.
    pub fn is_clause_break(&self, i: usize) -> bool {
        let Some(t) = self.ann.tokens.get(i) else { return false };
        match t.kind {
            TokenKind::Quote => !self.is_possessive_mark(i),
            TokenKind::Punct => {
                let w = self.word(i);
                let spaced = i == 0 || self.token(i - 1).end != t.span.start;
                matches!(w, "," | ";" | ":" | "(" | ")" | "[" | "]" | "—" | "–" | "…" | "\"")
                    || (w == "-" && spaced)
            }
            _ => false,
        }
    }

    /// True for the marks of a possessive: "’s" (one token or two), a word
    /// ending in it, or a bare apostrophe after a plural.
    pub fn is_possessive_mark(&self, i: usize) -> bool {
        let w = self.word(i);
        let apostrophe = |s: &str| s == "'" || s == "’";
        if w.ends_with("'s") || w.ends_with("’s") {
            return true;
        }
        if apostrophe(w) && i > 0 && self.token(i - 1).end == self.token(i).start {
            let next_s =
                i + 1 < self.len() && self.word(i + 1) == "s" && self.token(i + 1).start == self.token(i).end;
            return next_s || self.word(i - 1).ends_with('s');
        }
        w == "s" && i > 0 && apostrophe(self.word(i - 1)) && self.token(i - 1).end == self.token(i).start
    }
}

/// True for the labels of names; titles, dates and amounts are not names.
const fn is_name_label(label: EntityLabel) -> bool {
    matches!(label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc)
}

/// The tokens of `ann` lying inside `span`.
pub fn token_range(ann: &Annotation, span: Span) -> Range<usize> {
    crate::annotation::tokens_overlapping(&ann.tokens, span)
}
