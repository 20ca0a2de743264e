//! Part-of-speech tagging: a greedy, left-to-right averaged perceptron.

use crate::tag::classes::Classes;
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
    /// Whether the model reads the words' classes (the parser's tagger).
    classes: bool,
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
        Ok(Self { model, classes: false })
    }

    /// Wrap a model trained with the words' classes among its features
    /// (see [`crate::tag::classes`]).
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the labels are not the tag set.
    pub fn with_classes(model: Model) -> Result<Self, ModelError> {
        Ok(Self { classes: true, ..Self::new(model)? })
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
                if self.classes {
                    class_features(words, i, prev, scratch);
                }
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

/// The features of word `i` that read the classes of it and its neighbours.
pub fn class_features(words: &[WordInfo], i: usize, prev: u64, out: &mut Vec<u64>) {
    let pad = WordInfo::pad();
    let at = |k: isize| -> &WordInfo { i.checked_add_signed(k).and_then(|j| words.get(j)).unwrap_or(&pad) };
    let (w, p1, n1) = (at(0), at(-1), at(1));
    let [w_c, p1_c, n1_c] = [w, p1, n1].map(crate::tag::classes::of);
    let (coarse, fine) = (|x: Classes| u64::from(x.0), |x: Classes| u64::from(x.1));
    out.extend_from_slice(&[
        feat(30, fine(w_c)),
        feat(31, coarse(w_c)),
        feat(32, fine(p1_c)),
        feat(33, fine(n1_c)),
        feat2(34, prev, fine(w_c)),
        feat2(35, fine(w_c), fine(n1_c)),
        feat2(36, w.suffix[2], coarse(w_c)),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagger_with_classes_carries_a_word_s_weights_to_its_class_mates() {
        let friday = WordInfo::new("Friday");
        let tuesday = WordInfo::new("Tuesday");
        let fine = |w: &WordInfo| crate::tag::classes::of(w).1;
        assert_ne!(fine(&friday), 0, "weekdays are in the word class table");
        assert_eq!(fine(&friday), fine(&tuesday), "and share a class");
        let nnp = TAGSET.iter().position(|&t| t == "NNP").expect("NNP");
        let class_feature = feat(30, u64::from(fine(&friday)));
        let labels = TAGSET.iter().map(|&t| t.to_owned()).collect();
        let model = Model::from_rows(labels, String::new(), vec![(class_feature, vec![(nnp as u8, 1.0)])]);
        let tag = |tagger: &PosTagger, w: &WordInfo| {
            let mut out = Vec::new();
            tagger.tag(std::slice::from_ref(w), &mut out, &mut Vec::new());
            out[0].as_str()
        };
        let with = PosTagger::with_classes(model.clone()).expect("tag set");
        assert_eq!(tag(&with, &tuesday), "NNP");
        let without = PosTagger::new(model).expect("tag set");
        assert_ne!(tag(&without, &tuesday), "NNP", "a tagger without classes does not read them");
    }
}
