//! Part-of-speech tagging: a greedy, left-to-right averaged perceptron.

use crate::tag::features::{WordInfo, feat, feat2};
use crate::tag::model::{Model, ModelError};
use crate::tag::pos::{Pos, TAGSET};

/// Tag id used for "before the sentence start".
const START: u64 = 0xFF;
const START2: u64 = 0xFE;
/// Template of the tag-dictionary entries: frequent words that (nearly)
/// always take one tag are tagged without scoring.
const TAGDICT: u64 = 99;

/// The tag-dictionary key of a word.
#[must_use]
pub const fn tagdict_key(word: &WordInfo) -> u64 {
    feat(TAGDICT, word.exact)
}

/// A trained part-of-speech tagger.
#[derive(Debug, Clone)]
pub struct PosTagger {
    model: Model,
}

impl PosTagger {
    /// Wrap a model whose labels are the [`TAGSET`] in order.
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the labels are not the tag set.
    pub fn new(model: Model) -> Result<Self, ModelError> {
        if model.labels.iter().map(String::as_str).ne(TAGSET.iter().copied()) {
            return Err(ModelError::Malformed("part-of-speech labels differ from the tag set"));
        }
        Ok(Self { model })
    }

    /// The underlying model.
    #[must_use]
    pub const fn model(&self) -> &Model {
        &self.model
    }

    /// Tag one sentence; `out` receives one tag per word.
    pub fn tag(&self, words: &[WordInfo], out: &mut Vec<Pos>, scratch: &mut Vec<u64>) {
        let mut scores = [0f32; TAGSET.len()];
        let (mut prev, mut prev2) = (START, START2);
        for (i, w) in words.iter().enumerate() {
            let best = if let Some(tag) = self.model.best_class(tagdict_key(w)) {
                tag
            } else {
                scratch.clear();
                features(words, i, prev, prev2, scratch);
                self.model.score(scratch, &mut scores);
                argmax(&scores)
            };
            out.push(Pos(u8::try_from(best).unwrap_or(0)));
            prev2 = prev;
            prev = best as u64;
        }
    }
}

/// Index of the highest score (the first on ties).
#[must_use]
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// The features of word `i` given the two previous tags.
pub fn features(words: &[WordInfo], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    let pad = WordInfo::pad();
    let at = |k: isize| -> &WordInfo { i.checked_add_signed(k).and_then(|j| words.get(j)).unwrap_or(&pad) };
    let (w, p1, p2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    out.extend_from_slice(&[
        feat(1, 0),
        feat(2, w.lower),
        feat(3, w.exact),
        feat(4, w.suffix[2]),
        feat(5, w.suffix[1]),
        feat(6, w.suffix[3]),
        feat(7, w.prefix[0]),
        feat(8, w.shape),
        feat(9, prev),
        feat(10, prev2),
        feat2(11, prev, prev2),
        feat2(12, prev, w.lower),
        feat(13, p1.lower),
        feat(14, p1.suffix[2]),
        feat(15, p2.lower),
        feat(16, n1.lower),
        feat(17, n1.suffix[2]),
        feat(18, n2.lower),
        feat2(19, w.lower, n1.lower),
        feat2(20, p1.lower, w.lower),
        feat2(21, n1.shape, w.shape),
        feat(22, u64::from(w.flags)),
    ]);
    if i == 0 {
        out.push(feat(23, w.shape));
    }
}
