//! Source mentions found by their shape where the tagger marked none: the
//! noun phrase just before a cue ("His ex-wife also contended"), the
//! subject after an inverted cue ("said Mr. Burman"), or the nearest
//! person, organisation or pronoun before the cue.

use std::ops::Range;

use crate::attribution::layers::{ENTITY_BEGIN, Layers};

/// Words that may sit between a subject and its verb ("also", "has", "would").
fn is_between(tag: &str) -> bool {
    matches!(tag, "RB" | "MD" | "VBD" | "VBZ" | "VBP" | "VB" | "VBN")
}

/// Words that may head a source mention.
fn is_head(tag: &str) -> bool {
    matches!(tag, "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "WP")
}

/// Words that may modify a head inside the mention.
fn is_modifier(tag: &str) -> bool {
    matches!(tag, "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "JJR" | "JJS" | "DT" | "PRP$" | "POS" | "CD")
}

/// Most words a mention found by shape may have.
const MAX_WORDS: usize = 8;

/// The noun phrase ending right before `cue` (over a few adverbs and
/// auxiliaries), not below `floor` and not on an `excluded` token.
#[must_use]
pub fn subject_before(
    l: &Layers<'_>,
    cue: &Range<usize>,
    floor: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let mut i = cue.start;
    let mut skipped = 0;
    while i > floor && skipped < 3 && is_between(l.pos[i - 1].as_str()) {
        i -= 1;
        skipped += 1;
    }
    let head = i.checked_sub(1).filter(|&h| h >= floor && !excluded(h))?;
    if !is_head(l.pos[head].as_str()) {
        return None;
    }
    let mut start = head;
    if l.pos[head].as_str() != "PRP" && l.pos[head].as_str() != "WP" {
        while start > floor
            && head + 1 - start < MAX_WORDS
            && !excluded(start - 1)
            && (is_modifier(l.pos[start - 1].as_str()) || l.entity[start - 1] != 0)
        {
            start -= 1;
        }
    }
    Some(start..head + 1)
}

/// The noun phrase right after an inverted cue ("said Mr. Burman").
#[must_use]
pub fn subject_after(
    l: &Layers<'_>,
    cue: &Range<usize>,
    ceil: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let start = cue.end;
    let mut end = start;
    while end < ceil
        && end - start < MAX_WORDS
        && !excluded(end)
        && (is_modifier(l.pos[end].as_str()) || l.entity[end] != 0)
    {
        end += 1;
    }
    let named = (start..end).any(|k| l.pos[k].is_noun() || l.entity[k] != 0);
    (end > start && named && l.pos[end - 1].is_noun()).then_some(start..end)
}

/// The nearest person, organisation or personal pronoun before `before`,
/// back to `floor`, skipping `excluded` tokens.
#[must_use]
pub fn nearest_named(
    l: &Layers<'_>,
    before: usize,
    floor: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let mut i = before;
    while i > floor {
        i -= 1;
        if excluded(i) {
            continue;
        }
        let e = l.entity[i] & 7;
        if e == 1 || e == 2 {
            let mut s = i;
            while s > floor && l.entity[s] & ENTITY_BEGIN == 0 && l.entity[s - 1] & 7 == e {
                s -= 1;
            }
            return Some(s..i + 1);
        }
        if l.pos[i].as_str() == "PRP" {
            return Some(i..i + 1);
        }
    }
    None
}
