//! The features of a parser state: words, tags, valencies, distances and
//! the relations of the dependents found so far around the top of the
//! stack and the front of the buffer (after Zhang and Nivre, 2011), with
//! coarse tags and the punctuation between the words a move would join.

use super::transition::{NONE, State};
use crate::tag::features::{IS_PUNCT, WordInfo};
use crate::tag::hash::{finish, mix};
use crate::tag::pos::Pos;

/// What the features read of one word: its lower-cased form, its tag and its suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atom {
    /// The lower-cased word (digits folded).
    pub word: u64,
    /// The part-of-speech tag (index + 1; 0 is "no word").
    pub tag: u64,
    /// The last three letters.
    pub suffix: u64,
    /// The word's shape ("Xx", "d,d", "x'x").
    pub shape: u64,
    /// The coarse tag: nouns, verbs, adjectives, adverbs, wh-words and
    /// personal pronouns each share one; other tags stand for themselves.
    pub coarse: u64,
    /// Punctuation marks before this node in its sentence.
    pub puncts: u32,
    /// The word's fine class (+ 1; 0: none), see [`crate::tag::classes`].
    pub class: u64,
    /// The word's coarse class (+ 1; 0: none).
    pub coarse_class: u64,
}

/// The atom of an absent position.
const ABSENT: Atom = Atom {
    word: 1,
    tag: 0,
    suffix: 1,
    shape: 1,
    coarse: 0,
    puncts: 0,
    class: 0x1_0001,
    coarse_class: 0x1_0001,
};
/// The atom of the root node.
const ROOT: Atom = Atom {
    word: 2,
    tag: 0xFF,
    suffix: 2,
    shape: 2,
    coarse: 0xFF,
    puncts: 0,
    class: 0x1_0002,
    coarse_class: 0x1_0002,
};

/// The atoms of a sentence's nodes, the root first.
pub fn atoms(words: &[WordInfo], tags: &[Pos], out: &mut Vec<Atom>) {
    out.clear();
    out.push(ROOT);
    let mut puncts = 0;
    out.extend(words.iter().zip(tags).map(|(w, t)| {
        let before = puncts;
        puncts += u32::from(w.flags & IS_PUNCT != 0);
        let classes = crate::tag::classes::of(w);
        Atom {
            word: w.lower,
            tag: u64::from(t.0) + 1,
            suffix: w.suffix[2],
            shape: w.shape,
            coarse: coarse(*t),
            puncts: before,
            class: u64::from(classes.1),
            coarse_class: u64::from(classes.0),
        }
    }));
}

/// The coarse class of a Penn tag: `NN`, `NNS`, `NNP` and `NNPS` are one
/// (so are the verbs, adjectives, adverbs, wh-words and `PRP`/`PRP$`);
/// other tags are their own class.
fn coarse(tag: Pos) -> u64 {
    let name = tag.as_str();
    match name.as_bytes() {
        [c @ (b'N' | b'V' | b'J' | b'R' | b'W'), _, ..] => u64::from(*c),
        [b'P', b'R', b'P', ..] => u64::from(b'P'),
        _ => 0x100 + u64::from(tag.0),
    }
}

/// Punctuation marks strictly between nodes `a` and `b` (`a` < `b`),
/// 0, 1 or 2 for more; 3 when either is absent.
fn puncts_between(atoms: &[Atom], a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE || b <= a {
        return 3;
    }
    let after_a = atoms.get(a as usize + 1).map_or(0, |x| x.puncts);
    let at_b = atoms.get(b as usize).map_or(after_a, |x| x.puncts);
    u64::from(at_b.saturating_sub(after_a).min(2))
}

#[inline]
fn f1(template: u64, a: u64) -> u64 {
    finish(mix(template.wrapping_mul(0x0100_0000_01B3), a))
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(template.wrapping_mul(0x0100_0000_01B3), a), b))
}

#[inline]
fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(template.wrapping_mul(0x0100_0000_01B3), a), b), c))
}

/// A distance bucket: 1, 2, 3, 4, 5–9, 10 and more.
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => u64::from(d) + 1,
        5..=9 => 6,
        _ => 7,
    }
}

/// Write the features of `state` into `out` (cleared first).
pub fn extract(state: &State, atoms: &[Atom], out: &mut Vec<u64>) {
    out.clear();
    let atom = |x: u32| if x == NONE { ABSENT } else { atoms.get(x as usize).copied().unwrap_or(ABSENT) };
    let node = |x: u32| state.nodes.get(x as usize);
    let child = |x: u32, side: usize, k: usize| {
        node(x).map_or(NONE, |n| if side == 0 { n.left[k] } else { n.right[k] })
    };
    // The relation of a dependent, + 1 (0: no such dependent).
    let rel = |x: u32| node(x).filter(|n| n.head != NONE).map_or(0, |n| u64::from(n.relation.0) + 1);
    let valency = |x: u32, side: usize| node(x).map_or(0, |n| u64::from(n.valency[side].min(8)));
    let relset = |x: u32, side: usize| node(x).map_or(0, |n| n.relations[side]);

    let (s0, s1, s2) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
    let (b0, b1, b2) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
    let (s0l, s0l2, s0r, s0r2) = (child(s0, 0, 0), child(s0, 0, 1), child(s0, 1, 0), child(s0, 1, 1));
    let (b0l, b0l2) = (child(b0, 0, 0), child(b0, 0, 1));
    let (s1l, s1r) = (child(s1, 0, 0), child(s1, 1, 0));
    let [a_s0, a_s1, a_s2, a_b0, a_b1, a_b2] = [s0, s1, s2, b0, b1, b2].map(atom);
    let [a_s0l, a_s0l2, a_s0r, a_s0r2, a_b0l, a_b0l2, a_s1l, a_s1r] =
        [s0l, s0l2, s0r, s0r2, b0l, b0l2, s1l, s1r].map(atom);
    let (w, p) = (|a: Atom| a.word, |a: Atom| a.tag);
    let wp = |a: Atom| mix(a.word, a.tag);
    let d = distance(s0, b0);
    let d1 = distance(s1, s0);
    let c = |a: Atom| a.coarse;
    let (k, kc) = (|a: Atom| a.class, |a: Atom| a.coarse_class);
    let pb = puncts_between(atoms, s0, b0);
    let pb1 = puncts_between(atoms, s1, s0);

    out.extend_from_slice(&[
        f1(0, 0),
        // One position.
        f1(1, w(a_s0)),
        f1(2, p(a_s0)),
        f1(3, wp(a_s0)),
        f1(4, w(a_b0)),
        f1(5, p(a_b0)),
        f1(6, wp(a_b0)),
        f1(7, w(a_b1)),
        f1(8, p(a_b1)),
        f1(9, wp(a_b1)),
        f1(10, w(a_b2)),
        f1(11, p(a_b2)),
        f1(12, w(a_s1)),
        f1(13, p(a_s1)),
        f1(14, wp(a_s1)),
        f1(15, p(a_s2)),
        f1(16, w(a_s2)),
        f1(17, a_s0.suffix),
        f1(18, a_b0.suffix),
        f1(19, a_b1.suffix),
        f2(102, a_s0.shape, p(a_s0)),
        f2(103, a_b0.shape, p(a_b0)),
        f3(104, a_s0.shape, a_b0.shape, p(a_b1)),
        f1(105, a_b1.shape),
        f1(35, a_s1.suffix),
        f2(36, a_s0.suffix, a_b0.suffix),
        f3(37, p(a_s1), w(a_s0), p(a_b0)),
        f3(38, p(a_s0), w(a_b0), p(a_b1)),
        f3(39, w(a_s0), p(a_b0), p(a_b1)),
        // Pairs.
        f2(20, wp(a_s0), wp(a_b0)),
        f2(21, wp(a_s0), w(a_b0)),
        f2(22, w(a_s0), wp(a_b0)),
        f2(23, wp(a_s0), p(a_b0)),
        f2(24, p(a_s0), wp(a_b0)),
        f2(25, w(a_s0), w(a_b0)),
        f2(26, p(a_s0), p(a_b0)),
        f2(27, p(a_b0), p(a_b1)),
        f2(28, wp(a_s1), wp(a_s0)),
        f2(29, p(a_s1), p(a_s0)),
        f2(30, w(a_s1), w(a_s0)),
        f2(31, p(a_s1), p(a_b0)),
        f2(32, wp(a_s1), p(a_s0)),
        f2(33, p(a_s1), wp(a_s0)),
        f2(34, w(a_b0), w(a_b1)),
        // Triples of tags.
        f3(40, p(a_b0), p(a_b1), p(a_b2)),
        f3(41, p(a_s0), p(a_b0), p(a_b1)),
        f3(42, p(a_s1), p(a_s0), p(a_b0)),
        f3(43, p(a_s0), p(a_s0l), p(a_b0)),
        f3(44, p(a_s0), p(a_s0r), p(a_b0)),
        f3(45, p(a_s0), p(a_b0), p(a_b0l)),
        f3(46, p(a_s2), p(a_s1), p(a_s0)),
        f3(47, p(a_s1), p(a_s1r), p(a_s0)),
        f3(48, p(a_s1), p(a_s0), p(a_s0l)),
        f3(49, p(a_s1), p(a_s1l), p(a_s0)),
        // Distance.
        f2(50, w(a_s0), d),
        f2(51, p(a_s0), d),
        f2(52, w(a_b0), d),
        f2(53, p(a_b0), d),
        f3(54, w(a_s0), w(a_b0), d),
        f3(55, p(a_s0), p(a_b0), d),
        f3(56, p(a_s1), p(a_s0), d1),
        f3(57, w(a_s1), w(a_s0), d1),
        // Valency.
        f2(60, w(a_s0), valency(s0, 1)),
        f2(61, p(a_s0), valency(s0, 1)),
        f2(62, w(a_s0), valency(s0, 0)),
        f2(63, p(a_s0), valency(s0, 0)),
        f2(64, w(a_b0), valency(b0, 0)),
        f2(65, p(a_b0), valency(b0, 0)),
        f2(66, p(a_s1), valency(s1, 0)),
        f2(67, p(a_s1), valency(s1, 1)),
        // Dependents found so far.
        f1(70, w(a_s0l)),
        f1(71, p(a_s0l)),
        f1(72, rel(s0l)),
        f1(73, w(a_s0r)),
        f1(74, p(a_s0r)),
        f1(75, rel(s0r)),
        f1(76, w(a_b0l)),
        f1(77, p(a_b0l)),
        f1(78, rel(b0l)),
        f2(79, p(a_s1l), rel(s1l)),
        f2(80, p(a_s1r), rel(s1r)),
        // Third order: second dependents and chains.
        f1(81, w(a_s0l2)),
        f1(82, p(a_s0l2)),
        f1(83, rel(s0l2)),
        f1(84, w(a_s0r2)),
        f1(85, p(a_s0r2)),
        f1(86, rel(s0r2)),
        f1(87, w(a_b0l2)),
        f1(88, p(a_b0l2)),
        f1(89, rel(b0l2)),
        f3(90, p(a_s0), p(a_s0l), p(a_s0l2)),
        f3(91, p(a_s0), p(a_s0r), p(a_s0r2)),
        f3(92, p(a_b0), p(a_b0l), p(a_b0l2)),
        f3(93, p(a_s0), rel(s0l), rel(s0r)),
        f3(94, p(a_b0), rel(b0l), rel(b0l2)),
        // Sets of relations of the dependents.
        f2(95, w(a_s0), relset(s0, 1)),
        f2(96, p(a_s0), relset(s0, 1)),
        f2(97, w(a_s0), relset(s0, 0)),
        f2(98, p(a_s0), relset(s0, 0)),
        f2(99, w(a_b0), relset(b0, 0)),
        f2(100, p(a_b0), relset(b0, 0)),
        f2(101, p(a_s1), relset(s1, 1)),
        // Punctuation between the words a move would join.
        f3(110, p(a_s0), p(a_b0), pb),
        f3(111, w(a_s0), p(a_b0), pb),
        f3(112, p(a_s0), w(a_b0), pb),
        f3(113, p(a_s1), p(a_s0), pb1),
        // Coarse tags, where fine ones are too rare together.
        f3(114, c(a_s0), c(a_b0), c(a_b1)),
        f3(115, c(a_s1), c(a_s0), c(a_b0)),
        f3(116, c(a_s0), c(a_s0l), c(a_b0)),
        f3(117, c(a_s0), c(a_s0r), c(a_b0)),
        f3(118, c(a_b0), c(a_b1), c(a_b2)),
        f3(119, c(a_s0), c(a_b0), d),
        // Word classes, where the words themselves are too rare together.
        f1(120, k(a_s0)),
        f1(121, k(a_b0)),
        f1(122, k(a_b1)),
        f1(123, k(a_s1)),
        f2(124, k(a_s0), k(a_b0)),
        f2(125, k(a_s0), p(a_b0)),
        f2(126, p(a_s0), k(a_b0)),
        f3(127, kc(a_s0), kc(a_b0), d),
        f2(128, k(a_s1), k(a_s0)),
        f2(129, k(a_b0), k(a_b1)),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str) -> Pos {
        Pos::parse(name).expect("a Penn tag")
    }

    #[test]
    fn coarse_tags_join_the_forms_of_a_word_class_only() {
        assert_eq!(coarse(tag("NN")), coarse(tag("NNPS")));
        assert_eq!(coarse(tag("VBD")), coarse(tag("VBZ")));
        assert_eq!(coarse(tag("PRP")), coarse(tag("PRP$")));
        assert_ne!(coarse(tag("NN")), coarse(tag("VB")));
        assert_ne!(coarse(tag("IN")), coarse(tag("DT")));
        assert_ne!(coarse(tag("PDT")), coarse(tag("PRP")));
    }

    #[test]
    fn nodes_carry_their_words_classes() {
        let words: Vec<WordInfo> =
            ["Friday", "Tuesday", "said", "Zqxvbw"].iter().map(|w| WordInfo::new(w)).collect();
        let tags = vec![tag("NNP"), tag("NNP"), tag("VBD"), tag("NNP")];
        let mut out = Vec::new();
        atoms(&words, &tags, &mut out);
        assert_ne!(out[1].class, 0);
        assert_eq!(out[1].class, out[2].class, "two weekdays share a class");
        assert_ne!(out[1].class, out[3].class);
        assert_eq!(out[4].class, 0, "an unknown word has none");
        assert!(out[0].class != 0 && out[0].class != out[1].class, "the root has its own");
    }

    #[test]
    fn punctuation_is_counted_between_two_nodes_only() {
        let words: Vec<WordInfo> =
            ["Yes", ",", "he", "said", ",", "\"", "no", "."].iter().map(|w| WordInfo::new(w)).collect();
        let tags =
            vec![tag("UH"), tag(","), tag("PRP"), tag("VBD"), tag(","), tag("``"), tag("UH"), tag(".")];
        let mut out = Vec::new();
        atoms(&words, &tags, &mut out);
        // Nodes: 0 root, 1 Yes, 2 ",", 3 he, 4 said, 5 ",", 6 ", 7 no, 8 ".".
        assert_eq!(puncts_between(&out, 1, 3), 1);
        assert_eq!(puncts_between(&out, 3, 4), 0);
        assert_eq!(puncts_between(&out, 4, 7), 2);
        assert_eq!(puncts_between(&out, 0, 8), 2, "three marks between count as more than one");
        assert_eq!(puncts_between(&out, 2, 5), 0, "the nodes themselves are not between");
        assert_eq!(puncts_between(&out, NONE, 5), 3);
        assert_eq!(puncts_between(&out, 5, 2), 3);
    }
}
