//! Rule-based entities: dates, times, amounts of money and percentages.
//!
//! The rules work on tokens, so every entity starts and ends on a token
//! boundary; the word lists (months, weekdays, number words, currencies,
//! units) are data files in `assets/lexicons/`. Prepositions and articles
//! before an expression stay out of it ("on Monday" gives "Monday"). Where
//! expressions compete, the longest one starting at a token wins, and a
//! time beats a date of the same length ("Tuesday night" is a TIME).

mod amounts;
mod dates;
mod words;

use crate::annotation::{Entity, EntityLabel, Token};
use crate::text::Span;
use words::{Word, Words};

/// True when the word `text` names a day or a time by itself ("Wednesday",
/// "yesterday", "tonight", "September").
#[must_use]
pub fn names_a_time(text: &str) -> bool {
    use words::class;
    let when = class::WEEKDAY | class::RELATIVE | class::MONTH | class::PART_OF_DAY | class::HOLIDAY;
    Words::embedded().word(text).class & when != 0
}

/// The DATE, TIME, MONEY and PERCENT expressions in `tokens`, in text order,
/// not overlapping, each with its token range filled and no speaker.
#[must_use]
pub fn numeric_entities(text: &str, tokens: &[Token]) -> Vec<Entity> {
    let lexicon = Words::embedded();
    let words: Vec<Word> = tokens.iter().map(|t| lexicon.word(t.span.slice(text))).collect();
    let m = Matcher { words: &words, tokens, lexicon };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = [
            (m.money(i), EntityLabel::Money),
            (m.percent(i), EntityLabel::Percent),
            (m.time(i), EntityLabel::Time),
            (m.date(i), EntityLabel::Date),
        ]
        .into_iter()
        .filter_map(|(end, label)| end.filter(|&e| e > i).map(|e| (e, label)))
        .max_by_key(|&(end, label)| (end, std::cmp::Reverse(priority(label))));
        match found {
            Some((end, label)) => {
                out.push(Entity {
                    span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
                    label,
                    tokens: i..end,
                    speaker: None,
                    entity: 0,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Lower wins a tie in length.
const fn priority(label: EntityLabel) -> u8 {
    match label {
        EntityLabel::Money => 0,
        EntityLabel::Percent => 1,
        EntityLabel::Time => 2,
        _ => 3,
    }
}

/// The tokens of one text as the rules see them.
struct Matcher<'a> {
    words: &'a [Word],
    tokens: &'a [Token],
    lexicon: &'a Words,
}

impl Matcher<'_> {
    /// The word at `i`, or a blank one past the end.
    fn at(&self, i: usize) -> Word {
        self.words.get(i).copied().unwrap_or_default()
    }

    /// True when the word at `i` has any class of `class`.
    fn is(&self, i: usize, class: u32) -> bool {
        self.at(i).class & class != 0
    }

    /// True when the token at `i` directly follows the one before it.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.tokens[i - 1].span.end == self.tokens[i].span.start
    }
}

#[cfg(test)]
mod tests;
