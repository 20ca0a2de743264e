//! Whether a source mention can speak: a person, a group or organisation,
//! a description of people, a pronoun, or a document — not a sentence
//! adverb, a headline, an object, a substance or a time
//! (assets/lexicons/non-speakers.txt).
//! A place speaks only for its government or team, so it stays a source
//! only when no person or organisation can be found beside the cue.

use std::ops::Range;
use std::sync::OnceLock;

use crate::attribution::cues::read_sections;
use crate::attribution::layers::Layers;
use crate::attribution::mention;
use crate::segment::tokenize;
use crate::tag::features::{IS_PUNCT, IS_TITLE, WordInfo};
use crate::tag::hash::PrehashedMap;

/// The embedded word lists.
const NON_SPEAKERS: &str = include_str!("../../../assets/lexicons/non-speakers.txt");

/// What a mention is as a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Someone or something that speaks, writes or thinks.
    Speaker,
    /// A place: it speaks for its government or team, when nothing better is found.
    Place,
    /// Never a source.
    Never,
}

/// Sentence adverbs and connectives.
const ADVERB: u8 = 1;
/// Objects and substances (lower case only).
const THING: u8 = 2;
/// Spans of time (lower case only).
const TIME: u8 = 4;
/// Days of the week and months.
const CALENDAR: u8 = 8;

/// The word lists, keyed by lower-cased word hashes.
#[derive(Debug, Default)]
pub struct NonSpeakers {
    words: PrehashedMap<u8>,
}

impl NonSpeakers {
    /// Read lists in the format of `assets/lexicons/non-speakers.txt`;
    /// `None` on an unknown class or a form before the first class.
    #[must_use]
    pub fn parse(src: &str) -> Option<Self> {
        let mut out = Self::default();
        let class = |name: &str| match name {
            "adverb" => Some(ADVERB),
            "thing" => Some(THING),
            "time" => Some(TIME),
            "calendar" => Some(CALENDAR),
            _ => None,
        };
        read_sections(src, class, |_, form, flag| {
            for t in tokenize::tokenize(form) {
                *out.words.entry(WordInfo::new(t.span.slice(form)).lower).or_insert(0) |= flag;
            }
            Ok(())
        })
        .ok()?;
        Some(out)
    }

    fn is(&self, l: &Layers<'_>, i: usize, class: u8) -> bool {
        let w = l.words[i];
        let listed = self.words.get(&w.lower).is_some_and(|&f| f & class != 0);
        listed && (!matches!(class, THING | TIME) || w.flags & IS_TITLE == 0)
    }

    /// A time word or a day or month that the entity recogniser does not
    /// take for a person's or organisation's name.
    fn is_time(&self, l: &Layers<'_>, i: usize) -> bool {
        (self.is(l, i, TIME) || self.is(l, i, CALENDAR)) && !matches!(l.entity[i] & 7, PERSON | ORG)
    }
}

/// The lists built into the engine, read once.
pub fn non_speakers() -> &'static NonSpeakers {
    static LISTS: OnceLock<NonSpeakers> = OnceLock::new();
    LISTS.get_or_init(|| NonSpeakers::parse(NON_SPEAKERS).unwrap_or_default())
}

/// Entity code of a place (see [`crate::attribution::layers::ENTITY_BEGIN`]).
const LOC: u8 = 3;
/// Entity codes of a person and an organisation.
pub const PERSON: u8 = 1;
pub const ORG: u8 = 2;

/// Most words a headline mention may have unless it is one name: a longer
/// run of capitalised headline words is the headline, not a name.
const HEADLINE_WORDS: usize = 3;

fn is_word(l: &Layers<'_>, i: usize) -> bool {
    l.words[i].flags & IS_PUNCT == 0
}

fn is_determiner(l: &Layers<'_>, i: usize) -> bool {
    matches!(l.pos[i].as_str(), "DT" | "PRP$" | "POS")
}

/// The head of a mention: the last noun of its first run of nouns (past a
/// possessive: the noun possessed), or a pronoun, a number ("Twelve
/// percent") or a possessive determiner's noun.
fn head(l: &Layers<'_>, r: &Range<usize>) -> Option<usize> {
    // A name is a noun whatever its tag ("advisers to Patriot", tagged a verb).
    let nominal = |i: usize| l.pos[i].is_noun() || l.entity[i] & 7 != 0;
    let first = r.clone().find(|&i| nominal(i) || matches!(l.pos[i].as_str(), "PRP" | "WP" | "WDT"))?;
    let lists = non_speakers();
    let mut h = first;
    loop {
        let run = h;
        // "The November 23 lawsuit": a date's number does not end the run.
        let dated = |h: usize| {
            lists.is(l, h, CALENDAR) && h + 2 < r.end && l.pos[h + 1].as_str() == "CD" && nominal(h + 2)
        };
        while h + 1 < r.end && (nominal(h + 1) || dated(h)) {
            h += if nominal(h + 1) { 1 } else { 2 };
        }
        // "Thursday's memo", "the drug's maker": the possessed noun heads.
        if h + 2 < r.end && l.pos[h + 1].as_str() == "POS" {
            let next = (h + 2..r.end).find(|&i| !matches!(l.pos[i].as_str(), "JJ" | "JJR" | "JJS" | "CD"));
            if let Some(n) = next.filter(|&n| nominal(n)) {
                h = n;
                continue;
            }
        }
        // "a report Tuesday", "Broaddrick Sunday night": a time after a noun does not head.
        while h > run && lists.is_time(l, h) {
            h -= 1;
        }
        return Some(h);
    }
}

/// True when the mention is an article's headline, or most of one.
fn is_headline(l: &Layers<'_>, r: &Range<usize>) -> bool {
    let p = l.paragraphs.partition_point(|p| p.end <= r.start);
    if !l.headline.get(p).copied().unwrap_or(false) {
        return false;
    }
    let words = r.clone().filter(|&i| is_word(l, i)).count();
    let one_name = {
        let code = l.entity[r.start] & 7;
        matches!(code, PERSON | ORG)
            && r.clone().filter(|&i| is_word(l, i)).all(|i| l.entity[i] & 7 == code)
            && r.clone().skip(1).all(|i| l.entity[i] & crate::attribution::layers::ENTITY_BEGIN == 0)
    };
    words > HEADLINE_WORDS && !one_name
}

/// What the mention `r` is as a source.
#[must_use]
pub fn standing(l: &Layers<'_>, r: &Range<usize>) -> Standing {
    let lists = non_speakers();
    if r.is_empty() || r.end > l.tokens.len() || is_headline(l, r) {
        return Standing::Never;
    }
    let Some(h) = head(l, r) else {
        // "Some", "all", "the two", "many" describe people; adverbs,
        // verbs and particles describe no one.
        let nobody = r.clone().filter(|&i| is_word(l, i)).all(|i| {
            let tag = l.pos[i].as_str();
            lists.is(l, i, ADVERB)
                || l.pos[i].is_verb()
                || matches!(tag, "RB" | "RBR" | "RBS" | "IN" | "CC" | "UH" | "TO" | "RP")
        });
        return if nobody { Standing::Never } else { Standing::Speaker };
    };
    if lists.is(l, h, ADVERB) || lists.is(l, h, THING) || lists.is_time(l, h) {
        return Standing::Never;
    }
    let named = r.clone().filter(|&i| is_word(l, i) && !is_determiner(l, i));
    let mut named = named.peekable();
    if named.peek().is_some() && named.all(|i| l.entity[i] & 7 == LOC) {
        return Standing::Place;
    }
    Standing::Speaker
}

/// `r` trimmed (see [`trimmed`]) if it can speak as it is.
#[must_use]
pub fn speaking(l: &Layers<'_>, r: Option<Range<usize>>) -> Option<Range<usize>> {
    r.map(|r| trimmed(l, r)).filter(|r| !r.is_empty() && standing(l, r) == Standing::Speaker)
}

/// `r` trimmed (see [`trimmed`]) if it can speak as it is or is a place
/// that stands for its government or team.
#[must_use]
pub fn speaking_or_place(l: &Layers<'_>, r: Option<Range<usize>>) -> Option<Range<usize>> {
    r.map(|r| trimmed(l, r)).filter(|r| !r.is_empty() && standing(l, r) != Standing::Never)
}

/// True when the mention is headed by a time ("Monday", "last week").
fn is_time_phrase(l: &Layers<'_>, r: &Range<usize>) -> bool {
    head(l, r).is_some_and(|h| non_speakers().is_time(l, h))
}

/// `r` without the sentence adverbs, connectives and commas it opens with
/// ("Meanwhile, the governor") and the time it ends with ("this week").
fn trimmed(l: &Layers<'_>, r: Range<usize>) -> Range<usize> {
    let lists = non_speakers();
    let mut start = r.start;
    while start + 1 < r.end && (!is_word(l, start) || lists.is(l, start, ADVERB)) {
        start += 1;
    }
    // "Gov. Ann Holt this week", "the board on Monday": the time is not part of who.
    let mut end = r.end;
    let mut k = end;
    while k > start + 1 && lists.is_time(l, k - 1) {
        k -= 1;
        while k > start + 1 && matches!(l.pos[k - 1].as_str(), "DT" | "IN" | "JJ" | "CD") {
            k -= 1;
        }
        if l.pos[k - 1].is_noun() {
            end = k;
        }
    }
    start..end
}

/// The first person or organisation named wholly inside `r`.
fn named_inside(l: &Layers<'_>, r: &Range<usize>) -> Option<Range<usize>> {
    let begins = |i: usize| l.entity[i] & crate::attribution::layers::ENTITY_BEGIN != 0;
    let start = r.clone().find(|&i| begins(i) && matches!(l.entity[i] & 7, PERSON | ORG))?;
    let code = l.entity[start] & 7;
    let mut end = start + 1;
    while end < r.end && l.entity[end] & 7 == code && !begins(end) {
        end += 1;
    }
    let goes_on = end < l.entity.len() && l.entity[end] & 7 == code && !begins(end);
    (!goes_on).then_some(start..end)
}

/// True when token `i` is in the article's headline.
fn in_headline(l: &Layers<'_>, i: usize) -> bool {
    let p = l.paragraphs.partition_point(|p| p.end <= i);
    l.headline.get(p).copied().unwrap_or(false) && l.paragraphs.get(p).is_some_and(|p| p.contains(&i))
}

/// The number of tokens of the entity that begins at `j`.
pub fn entity_len(l: &Layers<'_>, j: usize) -> usize {
    let code = l.entity[j] & 7;
    let begins = |i: usize| l.entity[i] & crate::attribution::layers::ENTITY_BEGIN != 0;
    1 + (j + 1..l.entity.len()).take_while(|&i| l.entity[i] & 7 == code && !begins(i)).count()
}

/// A name in a headline, where every word is capitalised and a name runs
/// into the words after it, cut to its longest start that the body names
/// as a person or organisation ("Elizabeth Warren" of "Elizabeth Warren
/// Hammers Wells Fargo"); elsewhere, or when the body has no such name, as it is.
fn as_the_body_names(l: &Layers<'_>, name: Range<usize>) -> Range<usize> {
    if !in_headline(l, name.start) {
        return name;
    }
    let begins = |i: usize| l.entity[i] & crate::attribution::layers::ENTITY_BEGIN != 0;
    let starts: Vec<usize> = (0..l.entity.len())
        .filter(|&j| begins(j) && matches!(l.entity[j] & 7, PERSON | ORG) && !in_headline(l, j))
        .collect();
    for len in (1..=name.len()).rev() {
        let words = &l.words[name.start..name.start + len];
        let named = starts.iter().any(|&j| {
            entity_len(l, j) == len
                && l.words
                    .get(j..j + len)
                    .is_some_and(|ws| ws.iter().zip(words).all(|(a, b)| a.lower == b.lower))
        });
        if named {
            return name.start..name.start + len;
        }
    }
    name
}

/// The noun phrase a place modifies ("Ohio" in "the Ohio Democrat", "Texas"
/// in "Texas Sen. Ted Cruz"), when the place is all that was marked.
fn phrase_around(l: &Layers<'_>, r: &Range<usize>, stop: &dyn Fn(usize) -> bool) -> Option<Range<usize>> {
    let sentence = l.sentence(r.start);
    let mut end = r.end;
    while end < sentence.end
        && !stop(end)
        && (l.pos[end].is_noun() || (l.entity[end] != 0 && l.entity[end] & 7 != LOC))
    {
        end += 1;
    }
    if end == r.end {
        return None;
    }
    let mut start = r.start;
    if start > sentence.start && !stop(start - 1) && is_determiner(l, start - 1) {
        start -= 1;
    }
    Some(start..end)
}

/// The source to keep for an attribution whose chosen source is `source`
/// and whose cue is `cue`: the source itself when it can speak; for a place,
/// the phrase it modifies or a speaker beside the cue, else the place; for
/// anything else, a speaker or place beside the cue, else none. `excluded`
/// tokens (attributed content) are never taken.
#[must_use]
pub fn settle(
    l: &Layers<'_>,
    para: &Range<usize>,
    source: Option<Range<usize>>,
    cue: Option<&Range<usize>>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let source = trimmed(l, source?);
    let found = standing(l, &source);
    if found == Standing::Speaker {
        return Some(source);
    }
    // A person or organisation named inside a mention that cannot speak is
    // the speaker ("Elizabeth Warren" of a headline taken for one name).
    if found == Standing::Never
        && let Some(name) = named_inside(l, &source)
    {
        return Some(as_the_body_names(l, name));
    }
    let in_cue = |i: usize| excluded(i) || cue.is_some_and(|c| c.contains(&i));
    if found == Standing::Place
        && let Some(wider) = phrase_around(l, &source, &in_cue)
        && standing(l, &wider) == Standing::Speaker
    {
        return Some(wider);
    }
    let beside = cue.and_then(|cue| {
        let sentence = l.sentence(cue.start);
        let sentence = sentence.start.max(para.start)..sentence.end.min(para.end);
        let apart = |i: usize| excluded(i) || source.contains(&i);
        // "The board on Monday rejected …": the subject stands before the time.
        let before_time = is_time_phrase(l, &source).then(|| {
            let at = if source.start > sentence.start && l.pos[source.start - 1].as_str() == "IN" {
                source.start - 1
            } else {
                source.start
            };
            mention::subject_before(l, &(at..cue.end), sentence.start, &apart)
        });
        [
            before_time.flatten(),
            mention::subject_before(l, cue, sentence.start, &apart),
            mention::subject_after(l, cue, sentence.end, &apart),
        ]
        .into_iter()
        .flatten()
        .map(|r| trimmed(l, r))
        .map(|r| (standing(l, &r), r))
        .find(|(s, _)| *s == Standing::Speaker || (found == Standing::Never && *s == Standing::Place))
    });
    match (beside, found) {
        (Some((_, r)), _) => Some(r),
        (None, Standing::Place) => Some(source),
        (None, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lists_parse_and_hold_both_classes() {
        let lists = NonSpeakers::parse(NON_SPEAKERS).expect("lists parse");
        let flag = |w: &str| lists.words.get(&WordInfo::new(w).lower).copied().unwrap_or(0);
        assert_eq!(flag("Meanwhile"), ADVERB);
        assert_eq!(flag("drug"), THING);
        assert_eq!(flag("governor"), 0);
        assert!(NonSpeakers::parse("[adverbs]\nstill\n").is_none());
        assert!(NonSpeakers::parse("still\n").is_none());
    }
}
