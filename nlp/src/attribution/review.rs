//! A second look at each reported attribution before it is shown: a
//! logistic model, learned from the attributions the finder makes on
//! articles it did not learn from, weighs its cue, source and content
//! and how sure the tagger was of its content, and leaves out those that
//! are seldom right ("Oz's show proved to be a safe space"). Direct
//! quotations are never left out: their marks say what was said. A second
//! model chooses where the content of each report kept ends (see
//! [`crate::attribution::ends`]).

use std::ops::Range;

use crate::annotation::{Quote, QuoteKind, tokens_overlapping};
use crate::attribution::ends;
use crate::attribution::layers::Layers;
use crate::attribution::tagger::{N_LABELS, Role, role};
use crate::tag::features::{IS_PUNCT, feat, feat2};
use crate::tag::model::{Model, ModelError};

/// The one class of a review model: its score is the log-odds that an
/// attribution is right, less the log-odds the trainer chose to keep at.
pub const LABEL: &str = "keep";

/// The attribution reviewer.
#[derive(Debug, Clone, Default)]
pub struct Review {
    model: Option<Model>,
    ends: Option<Model>,
}

impl Review {
    /// Wrap a model whose one label is [`LABEL`].
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the model has other labels.
    pub fn new(model: Model) -> Result<Self, ModelError> {
        if model.labels.len() != 1 || model.labels[0] != LABEL {
            return Err(ModelError::Malformed("review labels differ from the reviewer's"));
        }
        Ok(Self { model: Some(model), ends: None })
    }

    /// A reviewer that keeps every attribution as found.
    #[must_use]
    pub const fn none() -> Self {
        Self { model: None, ends: None }
    }

    /// The same reviewer, also ending contents where `ends` (a model whose
    /// one label is [`ends::LABEL`]) ranks first.
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the model has other labels.
    pub fn with_ends(self, ends: Model) -> Result<Self, ModelError> {
        if ends.labels.len() != 1 || ends.labels[0] != ends::LABEL {
            return Err(ModelError::Malformed("ends labels differ from the reviewer's"));
        }
        Ok(Self { ends: Some(ends), ..self })
    }

    /// The ends model, if any.
    #[must_use]
    pub const fn ends(&self) -> Option<&Model> {
        self.ends.as_ref()
    }

    /// End the content of `q` where the ends model ranks first.
    pub fn end(&self, l: &Layers<'_>, q: &mut Quote, scratch: &mut Vec<u64>) {
        let Some(model) = &self.ends else { return };
        if let Some(c) = ends::content(l, q) {
            let k = ends::best(model, l, &c, scratch);
            ends::cut(l, q, k);
        }
    }

    /// The underlying model, if any.
    #[must_use]
    pub const fn model(&self) -> Option<&Model> {
        self.model.as_ref()
    }

    /// True when `q` is to be shown; `sure` is how sure the tagger was of
    /// its content (see [`certainty`]).
    #[must_use]
    pub fn keeps(&self, l: &Layers<'_>, q: &Quote, sure: f32, scratch: &mut Vec<u64>) -> bool {
        let Some(model) = &self.model else { return true };
        if q.kind == QuoteKind::Direct {
            return true;
        }
        scratch.clear();
        features(l, q, sure, scratch);
        let mut score = [0f32; 1];
        model.score(scratch, &mut score);
        score[0] >= 0.0
    }
}

/// How sure the tagger was that the content of `q` is content: the mean,
/// over its tokens in `block` (whose emission scores are `emissions`, one
/// row of [`N_LABELS`] per token), of the best content label's score less
/// the best other label's. Negative where rules, not the tagger, found it;
/// 0 when none of its tokens is in the block.
#[must_use]
pub fn certainty(l: &Layers<'_>, block: &Range<usize>, emissions: &[f32], q: &Quote) -> f32 {
    let (mut sum, mut n) = (0f32, 0u16);
    for i in tokens_overlapping(l.tokens, q.content) {
        let Some(row) =
            i.checked_sub(block.start).and_then(|k| emissions.get(k * N_LABELS..(k + 1) * N_LABELS))
        else {
            continue;
        };
        let (mut content, mut other) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for (label, &e) in row.iter().enumerate() {
            if matches!(role(label), Some((Role::Content, _))) {
                content = content.max(e);
            } else {
                other = other.max(e);
            }
        }
        sum += content - other;
        n = n.saturating_add(1);
    }
    if n == 0 { 0.0 } else { sum / f32::from(n) }
}

/// A number's bucket: 0, 1, 2–3, 4–7, … (at most `max`).
fn log2_bucket(n: usize, max: u64) -> u64 {
    u64::from(usize::BITS - n.leading_zeros()).min(max)
}

/// A certainty's bucket (the scale of the tagger's scores).
fn certainty_bucket(sure: f32) -> u64 {
    // Clamped to a small range first, so the cast cannot wrap.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let b = ((sure / 2.0).floor().clamp(-8.0, 8.0) + 8.0) as u64;
    b
}

/// The features of attribution `q`: its kind, its cue's words and tags
/// and whether the lexicon knows them, its source's edges and entity, its
/// content's length and edges, where it stands, and the tagger's certainty.
pub fn features(l: &Layers<'_>, q: &Quote, sure: f32, out: &mut Vec<u64>) {
    let kind = q.kind as u64 + 1;
    let word = |i: usize| l.words.get(i).map_or(0, |w| w.lower);
    let tag = |i: usize| l.pos.get(i).map_or(0, |p| u64::from(p.0) + 1);
    out.push(feat(1, 0));
    out.push(feat(2, kind));
    let cue = q.cue.map_or(0..0, |c| tokens_overlapping(l.tokens, c));
    out.push(feat2(4, log2_bucket(cue.len(), 3), kind));
    let mut joined = 0u64;
    for i in cue.clone() {
        if l.words.get(i).is_some_and(|w| w.flags & IS_PUNCT != 0) && cue.len() > 1 {
            continue;
        }
        joined = crate::tag::hash::mix(joined, word(i));
        out.push(feat(5, word(i)));
        out.push(feat2(6, word(i), kind));
        out.push(feat(7, tag(i)));
        let mark = l.cue.get(i).map_or(0, |m| m.classes());
        out.push(feat2(8, u64::from(mark != 0), kind));
    }
    if !cue.is_empty() {
        out.push(feat(9, joined));
        out.push(feat(10, word(cue.start)));
        out.push(feat(11, word(cue.end - 1)));
        out.push(feat2(12, tag(cue.end - 1), kind));
        out.push(feat(13, u64::from(q.cue.is_some_and(|c| c.start < q.content.start))));
    }
    match q.source.map(|s| tokens_overlapping(l.tokens, s)).filter(|s| !s.is_empty()) {
        Some(src) => {
            out.push(feat2(20, 1, kind));
            out.push(feat(21, word(src.start)));
            out.push(feat(22, word(src.end - 1)));
            out.push(feat(23, tag(src.end - 1)));
            out.push(feat(24, log2_bucket(src.len(), 4)));
            out.push(feat(25, u64::from(l.entity.get(src.end - 1).copied().unwrap_or(0) & 7)));
            out.push(feat(26, u64::from(q.source.is_some_and(|s| s.start < q.content.start))));
        }
        None => out.push(feat2(20, 0, kind)),
    }
    let content = tokens_overlapping(l.tokens, q.content);
    out.push(feat2(30, log2_bucket(content.len(), 7), kind));
    if !content.is_empty() {
        out.push(feat(31, word(content.start)));
        out.push(feat(32, word(content.end - 1)));
        out.push(feat(33, tag(content.start)));
    }
    out.push(feat(34, u64::from(!q.content_fragments.is_empty())));
    let headline = l.paragraphs.iter().zip(&l.headline).any(|(p, &h)| h && p.contains(&content.start));
    out.push(feat(35, u64::from(headline)));
    out.push(feat2(36, certainty_bucket(sure), kind));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_grow_with_their_numbers_and_stop_at_their_ends() {
        assert_eq!(log2_bucket(0, 7), 0);
        assert_eq!(log2_bucket(1, 7), 1);
        assert_eq!(log2_bucket(3, 7), 2);
        assert_eq!(log2_bucket(4, 7), 3);
        assert_eq!(log2_bucket(10_000, 4), 4);
        assert!(certainty_bucket(-3.0) < certainty_bucket(0.0));
        assert!(certainty_bucket(0.0) < certainty_bucket(5.0));
        assert_eq!(certainty_bucket(f32::NEG_INFINITY), 0);
        assert_eq!(certainty_bucket(1e9), 16);
        assert_eq!(certainty_bucket(f32::NAN), certainty_bucket(f32::NAN));
    }

    /// A reviewer whose every score is `bias`.
    fn constant(bias: f32) -> Review {
        let rows = vec![(feat(1, 0), vec![(0u8, bias)])];
        Review::new(Model::from_rows(vec![LABEL.into()], String::new(), rows)).expect("a review model")
    }

    #[test]
    fn reported_speech_is_reviewed_and_direct_quotations_are_not() {
        let annotator = crate::pipeline::Annotator::new().expect("the built-in models");
        let text = "\u{201c}The bridge will open in May,\u{201d} the mayor said. The treasurer said it will cost more.\n";
        let (ann, words) = annotator.layers(text);
        let l = Layers::new(text, &ann, &words, annotator.cues());
        let at = |part: &str| {
            let start = text.find(part).expect("in the text");
            crate::text::Span::new(start, start + part.len())
        };
        let quote = |content: &str, kind: QuoteKind| Quote {
            content: at(content),
            content_fragments: Vec::new(),
            cue: Some(at("said")),
            source: Some(at("the mayor")),
            speaker: None,
            kind,
            act: crate::annotation::Act::Said,
        };
        let direct = quote("The bridge will open in May,", QuoteKind::Direct);
        let reported = quote("it will cost more", QuoteKind::Indirect);
        let mut scratch = Vec::new();
        for q in [&direct, &reported] {
            assert!(Review::none().keeps(&l, q, 0.0, &mut scratch));
            assert!(constant(5.0).keeps(&l, q, 0.0, &mut scratch));
        }
        assert!(constant(-5.0).keeps(&l, &direct, 0.0, &mut scratch));
        assert!(!constant(-5.0).keeps(&l, &reported, 0.0, &mut scratch));
        // The features describe the attribution, not only its kind.
        let (mut a, mut b) = (Vec::new(), Vec::new());
        features(&l, &reported, 0.0, &mut a);
        features(&l, &quote("The treasurer said it will cost more", QuoteKind::Indirect), 0.0, &mut b);
        assert_ne!(a, b);
    }

    #[test]
    fn other_models_are_refused() {
        let model = Model::from_rows(vec!["NN".into()], String::new(), Vec::new());
        assert!(Review::new(model).is_err());
        let ours = Model::from_rows(vec![LABEL.into()], String::new(), Vec::new());
        assert!(Review::new(ours).is_ok());
    }
}
