//! The cue lexicon: reporting verbs and phrases (assets/lexicons/cues.txt),
//! matched over tokens by their lower-cased forms.

use crate::attribution::layers::Word;
use crate::segment::tokenize;
use crate::tag::features::WordInfo;
use crate::tag::hash::PrehashedMap;
use crate::text::Span;

/// The embedded lexicon source.
const CUES: &str = include_str!("../../../assets/lexicons/cues.txt");

/// Verbs and phrases of saying and writing.
pub const SPEECH: u8 = 1;
/// Belief, wish and expectation.
pub const THOUGHT: u8 = 2;
/// What studies, polls and documents show.
pub const EVIDENCE: u8 = 4;
/// Support and opposition.
pub const STANCE: u8 = 8;
/// Phrases naming a source ("according to").
pub const SOURCE: u8 = 16;
/// Things said (statement, interview).
pub const NOUN: u8 = 32;
/// Hearsay adverbs (reportedly).
pub const ADVERB: u8 = 64;
/// Common verbs that only sometimes introduce speech.
pub const WEAK: u8 = 128;

/// Classes that make a token a likely cue on their own.
pub const STRONG: u8 = SPEECH | THOUGHT | EVIDENCE | STANCE | SOURCE;

const CLASSES: [(&str, u8); 8] = [
    ("speech", SPEECH),
    ("thought", THOUGHT),
    ("evidence", EVIDENCE),
    ("stance", STANCE),
    ("source", SOURCE),
    ("noun", NOUN),
    ("adverb", ADVERB),
    ("weak", WEAK),
];

/// Why a lexicon could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LexiconError {
    /// A `[class]` line names no known class.
    #[error("cue lexicon line {line}: unknown class `{name}`")]
    UnknownClass {
        /// 1-based line number.
        line: usize,
        /// The name found.
        name: String,
    },
    /// A form appears before any `[class]` line.
    #[error("cue lexicon line {line}: forms before the first [class] line")]
    NoClass {
        /// 1-based line number.
        line: usize,
    },
    /// A form is listed under two classes that exclude each other.
    #[error("cue lexicon line {line}: `{form}` is already listed under another class")]
    Ambiguous {
        /// 1-based line number.
        line: usize,
        /// The form found.
        form: String,
    },
}

/// Read a word list in the format of `assets/lexicons/cues.txt`: `#`
/// comments, `[class]` lines, and lines of forms separated by commas.
/// `class` gives the value of a class name (`None`: unknown); `form` gets
/// every form with its 1-based line number and its class's value.
///
/// # Errors
/// [`LexiconError::UnknownClass`], [`LexiconError::NoClass`] for a form
/// before the first class, or what `form` returns.
pub fn read_sections<C: Copy>(
    src: &str,
    class: impl Fn(&str) -> Option<C>,
    mut form: impl FnMut(usize, &str, C) -> Result<(), LexiconError>,
) -> Result<(), LexiconError> {
    let mut current = None;
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(
                class(name)
                    .ok_or_else(|| LexiconError::UnknownClass { line: n + 1, name: name.to_owned() })?,
            );
            continue;
        }
        let Some(value) = current else { return Err(LexiconError::NoClass { line: n + 1 }) };
        for f in line.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            form(n + 1, f, value)?;
        }
    }
    Ok(())
}

/// How the lexicon marks one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueMark {
    /// Classes of the token as a one-word cue.
    pub word: u8,
    /// Classes of the longest several-word cue covering the token.
    pub phrase: u8,
    /// The token begins that several-word cue.
    pub phrase_start: bool,
}

impl CueMark {
    /// Every class the token carries.
    #[must_use]
    pub const fn classes(self) -> u8 {
        self.word | self.phrase
    }
}

/// The cue lexicon, keyed by lower-cased word hashes.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: PrehashedMap<u8>,
    /// First word → (every word of the phrase, classes), longest first.
    phrases: PrehashedMap<Vec<(Box<[u64]>, u8)>>,
}

impl Lexicon {
    /// The lexicon built into the engine.
    ///
    /// # Errors
    /// When the embedded file is malformed (which a build should never allow).
    pub fn embedded() -> Result<Self, LexiconError> {
        Self::parse(CUES)
    }

    /// Read a lexicon in the format of `assets/lexicons/cues.txt`.
    ///
    /// # Errors
    /// On an unknown class or a form before the first class.
    pub fn parse(src: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Self::default();
        read_sections(
            src,
            |name| CLASSES.iter().find(|(c, _)| *c == name).map(|&(_, f)| f),
            |_, form, flags| {
                lexicon.add(form, flags);
                Ok(())
            },
        )?;
        for list in lexicon.phrases.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        Ok(lexicon)
    }

    /// Add one form, split into words as the tokenizer splits text.
    fn add(&mut self, form: &str, flags: u8) {
        let words: Box<[u64]> =
            tokenize::tokenize(form).iter().map(|t| WordInfo::new(t.span.slice(form)).lower).collect();
        match *words {
            [] => {}
            [one] => *self.words.entry(one).or_insert(0) |= flags,
            [first, ..] => {
                let list = self.phrases.entry(first).or_default();
                match list.iter_mut().find(|(w, _)| *w == words) {
                    Some((_, f)) => *f |= flags,
                    None => list.push((words, flags)),
                }
            }
        }
    }

    /// Mark the cues among `words` (one sequence of tokens); `out` is
    /// cleared and gets one mark per word.
    pub fn mark(&self, words: &[Word], out: &mut Vec<CueMark>) {
        out.clear();
        out.extend(
            words.iter().map(|w| CueMark {
                word: self.words.get(&w.lower).copied().unwrap_or(0),
                ..CueMark::default()
            }),
        );
        for i in 0..words.len() {
            let Some(list) = self.phrases.get(&words[i].lower) else { continue };
            let found = list.iter().find(|(p, _)| {
                words
                    .get(i..i + p.len())
                    .is_some_and(|ws| ws.iter().zip(p.iter()).all(|(w, h)| w.lower == *h))
            });
            if let Some((p, flags)) = found {
                out[i].phrase_start = true;
                for m in &mut out[i..i + p.len()] {
                    m.phrase |= flags;
                }
            }
        }
    }
}

/// One past the last token of the several-word cue that starts at `start`
/// (so that a phrase such as "according to" is read as one cue).
#[must_use]
pub fn phrase_end(marks: &[CueMark], start: usize) -> usize {
    let mut end = start + 1;
    while end < marks.len() && marks[end].phrase != 0 && !marks[end].phrase_start {
        end += 1;
    }
    end
}

/// Convenience for tests and tools: the cue spans of `text` by the lexicon alone.
#[must_use]
pub fn spans(lexicon: &Lexicon, text: &str) -> Vec<(Span, u8)> {
    let tokens = tokenize::tokenize(text);
    let words: Vec<Word> = tokens.iter().map(|t| Word::from(&WordInfo::new(t.span.slice(text)))).collect();
    let mut marks = Vec::new();
    lexicon.mark(&words, &mut marks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < marks.len() {
        if marks[i].phrase_start {
            let end = phrase_end(&marks, i);
            out.push((Span::new(tokens[i].span.start, tokens[end - 1].span.end), marks[i].phrase));
            i = end;
        } else {
            if marks[i].word != 0 {
                out.push((tokens[i].span, marks[i].word));
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_marks_words_and_phrases() {
        let lex = Lexicon::embedded().expect("lexicon parses");
        let text = "Kupchan said, according to reports, that he Told them and pointed out the rest.";
        let found: Vec<(&str, u8)> = spans(&lex, text).iter().map(|&(s, f)| (s.slice(text), f)).collect();
        assert!(found.contains(&("said", found[0].1)) && found[0].1 & SPEECH != 0);
        assert!(found.iter().any(|&(s, f)| s == "according to" && f & SOURCE != 0));
        assert!(found.iter().any(|&(s, f)| s == "Told" && f & SPEECH != 0));
        assert!(found.iter().any(|&(s, _)| s == "pointed out"));
        assert!(!found.iter().any(|&(s, _)| s == "Kupchan" || s == "the"));
    }

    #[test]
    fn malformed_lexicons_are_rejected() {
        assert_eq!(Lexicon::parse("say\n").err(), Some(LexiconError::NoClass { line: 1 }));
        assert!(matches!(Lexicon::parse("[speeches]\nsay\n"), Err(LexiconError::UnknownClass { .. })));
    }
}
