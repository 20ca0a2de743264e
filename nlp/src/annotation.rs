//! The result of annotating one article: tokens, sentences, paragraphs,
//! entities, quotes and speakers, all as byte spans into the original text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::tag::pos::Pos;
use crate::text::Span;

/// What kind of thing a token is, as decided by the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "Int’l").
    Word,
    /// Digits with optional separators ("2,000", "3.5", "9:30", "1990s").
    Number,
    /// A quotation mark, straight or curly, single or double, or a guillemet.
    Quote,
    /// Other punctuation: . , ; : ! ? ( ) dashes and ellipses.
    Punct,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// Anything else: symbols, emoji, currency signs.
    Symbol,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// The token's class.
    pub kind: TokenKind,
}

/// The tokens of `tokens` (in text order) that overlap `span`; an empty
/// range where none does.
#[must_use]
pub fn tokens_overlapping(tokens: &[Token], span: Span) -> Range<usize> {
    let start = tokens.partition_point(|t| t.span.end <= span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    start..end.max(start)
}

/// One sentence: a span of text and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Annotation::tokens`].
    pub tokens: Range<usize>,
}

/// One paragraph (a line of the plain-text article, or a block of the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text without its line break.
    pub span: Span,
    /// Indices into [`Annotation::sentences`].
    pub sentences: Range<usize>,
    /// True for the article's headline.
    pub headline: bool,
}

/// The type of a named entity or other marked expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    /// A person.
    Person,
    /// A company, agency, institution, party or outlet.
    Org,
    /// A place: country, city, region, landmark.
    Loc,
    /// Other names: nationalities, events, works.
    Misc,
    /// A date or period ("Friday", "February 2022").
    Date,
    /// A time of day.
    Time,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A job title or role ("President", "Secretary of State").
    Title,
}

impl EntityLabel {
    /// Every label, in a stable order.
    pub const ALL: [Self; 9] = [
        Self::Person,
        Self::Org,
        Self::Loc,
        Self::Misc,
        Self::Date,
        Self::Time,
        Self::Money,
        Self::Percent,
        Self::Title,
    ];

    /// The label as written in the JSON contract.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Money => "MONEY",
            Self::Percent => "PERCENT",
            Self::Title => "TITLE",
        }
    }

    /// Parse a label as written in the JSON contract (case-insensitive).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(s))
    }
}

/// A named entity or other labelled expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Where the mention is.
    pub span: Span,
    /// What it is.
    pub label: EntityLabel,
    /// Indices into [`Annotation::tokens`].
    pub tokens: Range<usize>,
    /// Index of the speaker this mention refers to, when it is one.
    pub speaker: Option<usize>,
    /// Index of the real-world entity the mention names, shared by every
    /// mention of it in the article ("Donald Trump", "Trump", "TRUMP").
    pub entity: usize,
}

/// How the attributed words are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Verbatim words inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech that quotes some words verbatim.
    Mixed,
}

impl QuoteKind {
    /// The kind as written in the JSON contract.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Indirect => "indirect",
            Self::Mixed => "mixed",
        }
    }
}

/// What kind of report an attribution is, whatever its [`QuoteKind`]:
/// "she wrote that …" is indirect and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Act {
    /// Speech: said, told, added, argued.
    #[default]
    Said,
    /// Writing: posts, statements, letters, reports.
    Wrote,
    /// Belief, intention, knowledge, perception or feeling.
    Thought,
}

impl Act {
    /// Every act, in a stable order.
    pub const ALL: [Self; 3] = [Self::Said, Self::Wrote, Self::Thought];

    /// The act as written in the JSON contract.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Said => "said",
            Self::Wrote => "wrote",
            Self::Thought => "thought",
        }
    }

    /// Parse an act as written in the JSON contract (case-insensitive).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str().eq_ignore_ascii_case(s))
    }

    /// True for speech and writing: a report of words someone put out,
    /// not of what they thought.
    #[must_use]
    pub const fn is_words(self) -> bool {
        matches!(self, Self::Said | Self::Wrote)
    }
}

/// One attribution: who (source) said (cue) what (content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The attributed words; covers every fragment when the content is split.
    pub content: Span,
    /// The pieces of a content split by its attribution ("A," he said, "B."),
    /// or carried on past it into the next sentence or paragraph.
    /// Empty when the content is one piece.
    pub content_fragments: Vec<Span>,
    /// The reporting verb or phrase, if any.
    pub cue: Option<Span>,
    /// The mention of the source at this place (a name, description or pronoun).
    pub source: Option<Span>,
    /// Index into [`Annotation::speakers`] after coreference.
    pub speaker: Option<usize>,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Speech, writing or thought.
    pub act: Act,
}

impl Quote {
    /// The spans of the content: its fragments, or the whole content.
    #[must_use]
    pub fn pieces(&self) -> &[Span] {
        if self.content_fragments.is_empty() {
            std::slice::from_ref(&self.content)
        } else {
            &self.content_fragments
        }
    }

    /// The content's words in `text`: its pieces joined by " … ", without
    /// the narration between them.
    #[must_use]
    pub fn content_words(&self, text: &str) -> String {
        self.pieces().iter().map(|p| p.slice(text)).collect::<Vec<_>>().join(" … ")
    }
}

/// One real-world source: every mention of them merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest proper name, or the fullest description.
    pub name: String,
    /// PERSON or ORG for named sources; MISC for unnamed descriptions.
    pub label: EntityLabel,
    /// Every mention of the speaker, in text order.
    pub mentions: Vec<Span>,
}

/// Everything the engine found in one article.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    /// The headline, when the article has one.
    pub title: Option<Span>,
    /// All tokens in text order.
    pub tokens: Vec<Token>,
    /// One part-of-speech tag per token.
    pub pos: Vec<Pos>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs in text order; the headline first when there is one.
    pub paragraphs: Vec<Paragraph>,
    /// Entities in text order, not overlapping.
    pub entities: Vec<Entity>,
    /// Speakers, most attributions first.
    pub speakers: Vec<Speaker>,
    /// Attributions in text order of their content.
    pub quotes: Vec<Quote>,
    /// One dependency per token (its head within its sentence and the
    /// relation), when the annotator parses ([`crate::Annotator::with_syntax`]);
    /// empty otherwise.
    pub syntax: Vec<crate::syntax::Dependency>,
    /// The Penn tag of every token as the parser read it (its own tagger's,
    /// which can differ from [`Annotation::pos`]), beside [`Annotation::syntax`];
    /// empty without parsing.
    pub syntax_tags: Vec<Pos>,
}

impl Annotation {
    /// The token that heads `token` in its sentence's dependency tree:
    /// `None` for a sentence's root word, a token outside every sentence,
    /// or when the annotation was made without parsing.
    #[must_use]
    pub fn head(&self, token: usize) -> Option<usize> {
        let head = self.syntax.get(token)?.head as usize;
        let k = self.sentences.partition_point(|s| s.tokens.end <= token);
        let sentence = self.sentences.get(k).filter(|s| s.tokens.contains(&token))?;
        (head > 0).then(|| sentence.tokens.start + head - 1).filter(|h| sentence.tokens.contains(h))
    }

    /// Number of word and number tokens (for words/s figures and reading time).
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count()
    }

    /// Give the attribution whose content is `content` to the speaker called
    /// `name` — a reader's correction. A speaker of that name (compared
    /// without regard to case) is reused, else one is added. Returns false
    /// when no attribution has that content or the name is blank.
    pub fn reassign(&mut self, content: Span, name: &str) -> bool {
        let name = name.trim();
        let Some(quote) = self.quotes.iter().position(|q| q.content == content) else { return false };
        if name.is_empty() {
            return false;
        }
        let lower = name.to_lowercase();
        let id = self.speakers.iter().position(|s| s.name.to_lowercase() == lower).unwrap_or_else(|| {
            self.speakers.push(Speaker {
                name: name.to_owned(),
                label: EntityLabel::Person,
                mentions: Vec::new(),
            });
            self.speakers.len() - 1
        });
        self.quotes[quote].speaker = Some(id);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_in_pieces_reads_without_the_words_between_them() {
        let text = "“Open it,” she said at the meeting. “Now.”";
        let at = |s: &str| {
            let start = text.find(s).expect("in the text");
            Span::new(start, start + s.len())
        };
        let mut q = Quote {
            content: at("Open it,").cover(at("Now.")),
            content_fragments: vec![at("Open it,"), at("Now.")],
            cue: Some(at("said")),
            source: Some(at("she")),
            speaker: None,
            kind: QuoteKind::Direct,
            act: Act::Said,
        };
        assert_eq!(q.content_words(text), "Open it, … Now.");
        assert_eq!(q.pieces().len(), 2);
        q.content_fragments.clear();
        q.content = at("Open it,");
        assert_eq!(q.content_words(text), "Open it,");
        assert_eq!(q.pieces(), [at("Open it,")]);
    }
}
