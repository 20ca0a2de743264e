//! What kind of report an attribution is — speech, writing or thought —
//! read from its cue with the act lexicon (assets/lexicons/acts.txt),
//! matched over lower-cased word keys as the cue lexicon is.

use crate::annotation::Act;
use crate::attribution::cues::{LexiconError, read_sections};
use crate::segment::tokenize;
use crate::tag::features::WordInfo;
use crate::tag::hash::PrehashedMap;

/// The embedded lexicon source.
const ACTS: &str = include_str!("../../../assets/lexicons/acts.txt");

/// Between single words of one cue, the act that wins: writing names the
/// medium ("posted a message saying"), speech the manner ("said he believes").
const fn precedence(act: Act) -> u8 {
    match act {
        Act::Wrote => 2,
        Act::Said => 1,
        Act::Thought => 0,
    }
}

/// The act lexicon, keyed by lower-cased word hashes.
#[derive(Debug, Clone, Default)]
pub struct ActLexicon {
    words: PrehashedMap<Act>,
    /// First word → (every word of the phrase, act).
    phrases: PrehashedMap<Vec<(Box<[u64]>, Act)>>,
    /// Words in the longest phrase.
    longest: usize,
}

impl ActLexicon {
    /// The lexicon built into the engine.
    ///
    /// # Errors
    /// When the embedded file is malformed (which a build should never allow).
    pub fn embedded() -> Result<Self, LexiconError> {
        Self::parse(ACTS)
    }

    /// Read a lexicon in the format of `assets/lexicons/acts.txt`.
    ///
    /// # Errors
    /// On an unknown act, a form before the first act, or a form listed
    /// under two acts.
    pub fn parse(src: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Self::default();
        read_sections(src, Act::parse, |line, form, act| {
            if lexicon.add(form, act) {
                Ok(())
            } else {
                Err(LexiconError::Ambiguous { line, form: form.to_owned() })
            }
        })?;
        for list in lexicon.phrases.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        Ok(lexicon)
    }

    /// Add one form; false when it is already listed under another act.
    fn add(&mut self, form: &str, act: Act) -> bool {
        let words = keys(form);
        self.longest = self.longest.max(words.len());
        let old = match *words {
            [] => None,
            [one] => self.words.insert(one, act),
            [first, ..] => {
                let list = self.phrases.entry(first).or_default();
                match list.iter_mut().find(|(w, _)| *w == words) {
                    Some((_, a)) => Some(std::mem::replace(a, act)),
                    None => {
                        list.push((words, act));
                        None
                    }
                }
            }
        };
        old.is_none_or(|old| old == act)
    }

    /// The act of a cue given as lower-cased word keys: the longest listed
    /// phrase in it, else its listed words by precedence; `None` when the
    /// lexicon knows none of it.
    #[must_use]
    pub fn of_keys(&self, words: &[u64]) -> Option<Act> {
        let mut phrase: Option<(usize, Act)> = None;
        for i in 0..words.len() {
            let Some(list) = self.phrases.get(&words[i]) else { continue };
            let found = list.iter().find(|(p, _)| words.get(i..i + p.len()).is_some_and(|ws| ws == &p[..]));
            if let Some((p, act)) = found
                && phrase.is_none_or(|(len, _)| p.len() > len)
            {
                phrase = Some((p.len(), *act));
            }
        }
        if let Some((_, act)) = phrase {
            return Some(act);
        }
        words.iter().filter_map(|w| self.words.get(w).copied()).max_by_key(|&a| precedence(a))
    }

    /// True when `text` opens with a phrase of the lexicon naming a medium
    /// of writing ("in a post", "in a statement", "on Twitter"), after at
    /// most one word ("Then, in a statement"): the words that set a report
    /// in writing when they open its sentence ("In a post on X, he urged
    /// supporters to stay calm"). Single words are not read ("report" is as
    /// often what is reported on).
    #[must_use]
    pub fn opens_with_a_medium(&self, text: &str) -> bool {
        // Only the opening words matter: reading no further keeps a long
        // sentence of many reports linear.
        let words = keys(first_words(text, 2 * (self.longest + 2)));
        (0..words.len().min(2)).any(|i| {
            self.phrases.get(&words[i]).is_some_and(|list| {
                list.iter().any(|(p, act)| {
                    *act == Act::Wrote && words.get(i..i + p.len()).is_some_and(|ws| ws == &p[..])
                })
            })
        })
    }

    /// The act of a cue's text; speech when the lexicon knows none of its
    /// words, or when there is no cue (a quotation set off by its marks).
    #[must_use]
    pub fn of_cue(&self, cue: Option<&str>) -> Act {
        cue.and_then(|c| self.of_keys(&keys(c))).unwrap_or_default()
    }
}

/// `text` up to the end of its first `n` words split at white space (all
/// of it when it has fewer).
fn first_words(text: &str, n: usize) -> &str {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return &text[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

/// The lower-cased word keys of `text`, split as the tokenizer splits it.
fn keys(text: &str) -> Box<[u64]> {
    tokenize::tokenize(text)
        .iter()
        .map(|t| t.span.slice(text))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| WordInfo::new(w).lower)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn act(lex: &ActLexicon, cue: &str) -> Act {
        lex.of_cue(Some(cue))
    }

    #[test]
    fn the_opening_words_are_cut_at_white_space() {
        assert_eq!(first_words("In a post on X, he", 3), "In a post");
        assert_eq!(first_words("  In  a", 5), "  In  a");
        assert_eq!(first_words("Über  die Brücke", 2), "Über  die");
        assert_eq!(first_words("", 2), "");
    }

    #[test]
    fn a_medium_is_named_by_a_phrase_not_a_word() {
        let lex = ActLexicon::embedded().expect("lexicon parses");
        assert!(lex.opens_with_a_medium("In a post on X, he "));
        assert!(lex.opens_with_a_medium("Then, in a statement Tuesday, the agency "));
        assert!(!lex.opens_with_a_medium("After the report, he "));
        assert!(!lex.opens_with_a_medium("On Tuesday, she "));
        assert!(!lex.opens_with_a_medium("Trump called it rigged in a tweet, and lawmakers "));
    }

    #[test]
    fn verbs_of_saying_writing_and_thinking_in_every_inflection() {
        let lex = ActLexicon::embedded().expect("lexicon parses");
        for cue in
            ["said", "says", "told", "Added", "responded", "argued", "did not elaborate on", "confirmed"]
        {
            assert_eq!(act(&lex, cue), Act::Said, "{cue}");
        }
        for cue in ["wrote", "writes", "tweeted", "posted", "published", "reported"] {
            assert_eq!(act(&lex, cue), Act::Wrote, "{cue}");
        }
        for cue in ["believes", "knew", "seemed", "wanted", "saw", "thinks", "hoped", "is expected", "fears"]
        {
            assert_eq!(act(&lex, cue), Act::Thought, "{cue}");
        }
    }

    #[test]
    fn phrases_win_over_words_and_writing_over_speech_over_thought() {
        let lex = ActLexicon::embedded().expect("lexicon parses");
        assert_eq!(act(&lex, "said in a statement"), Act::Wrote);
        assert_eq!(act(&lex, "posted a message on social media saying"), Act::Wrote);
        assert_eq!(act(&lex, "told Fox News in an interview"), Act::Said);
        assert_eq!(act(&lex, "seemed to suggest"), Act::Said);
        assert_eq!(act(&lex, "pushed back"), Act::Said, "the phrase, not the word `back`");
        assert_eq!(act(&lex, "according to"), Act::Said);
    }

    #[test]
    fn unknown_cues_and_missing_cues_are_speech() {
        let lex = ActLexicon::embedded().expect("lexicon parses");
        assert_eq!(act(&lex, "came away with"), Act::Said);
        assert_eq!(act(&lex, "—"), Act::Said);
        assert_eq!(lex.of_cue(None), Act::Said);
        assert_eq!(lex.of_keys(&keys("came away with")), None);
    }

    #[test]
    fn malformed_lexicons_are_rejected() {
        assert_eq!(ActLexicon::parse("say\n").err(), Some(LexiconError::NoClass { line: 1 }));
        assert!(matches!(ActLexicon::parse("[spoke]\nsay\n"), Err(LexiconError::UnknownClass { .. })));
        assert_eq!(
            ActLexicon::parse("[said]\nsay\n[thought]\nsay\n").err(),
            Some(LexiconError::Ambiguous { line: 4, form: "say".to_owned() })
        );
        let lex = ActLexicon::parse("# c\n[wrote]\nin a post, pen\n[thought]\nmull\n").expect("parses");
        assert_eq!(act(&lex, "said in a post"), Act::Wrote);
        assert_eq!(act(&lex, "mulled"), Act::Said, "inflections are listed, not guessed");
        assert_eq!(act(&lex, "mull"), Act::Thought);
    }
}
