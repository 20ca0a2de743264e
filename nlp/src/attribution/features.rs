//! The emission features of the attribution tagger: words, tags, entities,
//! quote state, cue marks and distances, sentence and paragraph position,
//! over a window of two tokens either side. Cheap: no allocation per token.

use std::ops::Range;

use crate::attribution::layers::{HAS_CUE, HAS_MARK, Layers, Near, STARTS_QUOTED, Word};
use crate::attribution::quotes;
use crate::tag::features::{feat, feat2};

/// Value used for positions beyond the paragraph's edges.
const EDGE: u64 = 0xEE;

/// A coarse bucket of a token distance (0 = none).
const fn bucket(d: u16) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        9..=15 => 6,
        _ => 7,
    }
}

/// A near cue as one value: distance bucket and classes.
const fn near_code(n: Near) -> u64 {
    bucket(n.distance) | (n.classes as u64) << 8
}

/// The emission features of token `i` of paragraph `para`, appended to `out`.
pub fn features(l: &Layers<'_>, para: Range<usize>, i: usize, out: &mut Vec<u64>) {
    let pad = Word::pad();
    let idx = |k: isize| i.checked_add_signed(k).filter(|j| para.contains(j));
    let word = |k: isize| idx(k).and_then(|j| l.words.get(j)).unwrap_or(&pad);
    let pos = |k: isize| idx(k).and_then(|j| l.pos.get(j)).map_or(EDGE, |p| u64::from(p.0));
    let ent = |k: isize| idx(k).and_then(|j| l.entity.get(j)).map_or(EDGE, |&e| u64::from(e));
    let quote = |k: isize| {
        idx(k)
            .and_then(|j| l.quote.get(j))
            .map_or(EDGE, |q| u64::from(q.depth.min(2)) | u64::from(q.flags) << 2)
    };
    let cue = |k: isize| {
        idx(k)
            .and_then(|j| l.cue.get(j))
            .map_or(EDGE, |c| u64::from(c.word) | u64::from(c.phrase) << 8 | u64::from(c.phrase_start) << 16)
    };
    let (w, p1, n1, p2, n2) = (word(0), word(-1), word(1), word(-2), word(2));
    let q0 = quote(0);
    let (near_left, near_right) = l.near.get(i).copied().unwrap_or_default();
    let (left, right) = (near_code(near_left), near_code(near_right));
    let strong = u64::from(l.strong.get(i).copied().unwrap_or(false));
    // The nearest cues' words, the word after the left one ("said that",
    // "told reporters") and what precedes the right one ("he said").
    let lower_at = |j: usize| l.words.get(j).map_or(EDGE, |w| w.lower);
    let (la, ra) = (near_left.at(i, false), near_right.at(i, true));
    let lw = la.map_or(0, lower_at);
    let rw = ra.map_or(0, lower_at);
    let l_next = la.filter(|_| near_left.distance > 1).map_or(0, |j| lower_at(j + 1));
    let r_prev = if let Some(j) = ra.filter(|_| near_right.distance > 1).map(|j| j - 1) {
        feat2(
            0,
            l.pos.get(j).map_or(EDGE, |p| u64::from(p.0)),
            l.entity.get(j).map_or(EDGE, |&e| u64::from(e & 7)),
        )
    } else {
        0
    };
    let sentence = l.sentence(i);
    let sflags = u64::from(l.sentence_flags_of(i));
    let at_start = u64::from(i == sentence.start) | u64::from(i + 1 == sentence.end) << 1;
    let first_sentence = u64::from(sentence.start == para.start);
    let position = bucket(u16::try_from(i - sentence.start).unwrap_or(u16::MAX))
        | bucket(u16::try_from(sentence.end - i).unwrap_or(u16::MAX)) << 4;
    let para_quoted = l.quote.get(para.start).map_or(0, |q| u64::from(q.flags & quotes::OPENING != 0));
    out.extend_from_slice(&[
        feat(1, 0),
        feat(2, w.lower),
        feat(3, p1.lower),
        feat(4, n1.lower),
        feat(5, p2.lower),
        feat(6, n2.lower),
        feat2(7, p1.lower, w.lower),
        feat2(8, w.lower, n1.lower),
        feat(9, pos(0)),
        feat2(10, pos(-1), pos(0)),
        feat2(11, pos(0), pos(1)),
        feat2(12, pos(1), pos(2)),
        feat2(13, pos(-2), pos(-1)),
        feat(17, q0),
        feat(21, cue(0)),
        feat2(26, cue(0), pos(0)),
        feat(27, left),
        feat(28, right),
        feat2(29, left, right),
        feat2(30, left, q0),
        feat2(31, right, q0),
        feat2(32, right, ent(0)),
        feat2(33, left, pos(0)),
        feat2(34, right, pos(0)),
        feat2(35, strong, q0),
        feat2(36, sflags, q0),
        feat2(37, at_start, q0),
        feat2(38, at_start, pos(0)),
        feat2(39, first_sentence | para_quoted << 1, q0),
        feat2(40, sflags & u64::from(HAS_CUE | HAS_MARK | STARTS_QUOTED), at_start),
        feat2(41, p1.lower, cue(-1)),
        feat2(42, right, w.lower),
        feat2(43, left, w.lower),
        feat2(44, lw, bucket(near_left.distance)),
        feat2(45, rw, bucket(near_right.distance)),
        feat2(46, feat2(0, lw, bucket(near_left.distance)), q0),
        feat2(47, feat2(0, rw, bucket(near_right.distance)), ent(0)),
        feat2(48, feat2(0, lw, l_next), bucket(near_left.distance)),
        feat2(49, r_prev, bucket(near_right.distance)),
        feat2(50, position, q0),
    ]);
}
