//! The attribution tagger: a structured perceptron labelling every token of
//! a paragraph with BIO tags over SOURCE, CUE and CONTENT, decoded by Viterbi.

use std::ops::Range;

use crate::attribution::features::features;
use crate::attribution::layers::Layers;
use crate::features::feat;
use crate::model::{Model, ModelError};
use crate::viterbi::{self, Lattice};

/// The role a tag gives its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The mention of who is speaking.
    Source,
    /// The reporting verb or phrase.
    Cue,
    /// What is attributed.
    Content,
}

/// Roles in label order.
pub const ROLES: [Role; 3] = [Role::Source, Role::Cue, Role::Content];
/// Number of labels: O, then B and I of each role.
pub const N_LABELS: usize = 1 + 2 * ROLES.len();
/// The "outside" label.
pub const OUTSIDE: usize = 0;

/// The label of a role's first (`begin`) or following token.
#[must_use]
pub const fn label(role: Role, begin: bool) -> usize {
    let r = match role {
        Role::Source => 0,
        Role::Cue => 1,
        Role::Content => 2,
    };
    1 + 2 * r + if begin { 0 } else { 1 }
}

/// The role of a label and whether it begins a span; `None` for O.
#[must_use]
pub const fn role(label: usize) -> Option<(Role, bool)> {
    if label == OUTSIDE || label >= N_LABELS {
        return None;
    }
    Some((ROLES[(label - 1) / 2], (label - 1) % 2 == 0))
}

/// Label names as stored in the model.
#[must_use]
pub fn label_names() -> Vec<String> {
    let mut names = vec!["O".to_owned()];
    for r in ["SOURCE", "CUE", "CONTENT"] {
        names.push(format!("B-{r}"));
        names.push(format!("I-{r}"));
    }
    names
}

/// An I tag must continue a span of its own role.
#[must_use]
pub const fn allowed(prev: Option<usize>, cur: usize) -> bool {
    match role(cur) {
        Some((r, false)) => match prev {
            Some(p) => match role(p) {
                Some((q, _)) => q as u8 == r as u8,
                None => false,
            },
            None => false,
        },
        _ => true,
    }
}

/// The label constraints, tabulated.
#[must_use]
pub fn lattice() -> Lattice {
    Lattice::new(N_LABELS, allowed, |_| true)
}

/// The feature of moving from `prev` (`None` = paragraph start) to the label scored.
#[must_use]
pub const fn transition_feature(prev: Option<usize>) -> u64 {
    match prev {
        None => feat(200, N_LABELS as u64),
        Some(p) => feat(200, p as u64),
    }
}

/// The dense transition table of a model, `(N_LABELS + 1) × N_LABELS`.
#[must_use]
pub fn transition_table(score: impl Fn(u64, &mut [f32])) -> Vec<f32> {
    let mut t = vec![0f32; (N_LABELS + 1) * N_LABELS];
    for p in 0..=N_LABELS {
        let prev = (p < N_LABELS).then_some(p);
        score(transition_feature(prev), &mut t[p * N_LABELS..(p + 1) * N_LABELS]);
    }
    t
}

/// A trained attribution tagger.
#[derive(Debug, Clone)]
pub struct AttributionTagger {
    model: Model,
    transitions: Vec<f32>,
    lattice: Lattice,
}

/// Reusable buffers for [`AttributionTagger::tag`].
#[derive(Debug, Default)]
pub struct Scratch {
    features: Vec<u64>,
    emissions: Vec<f32>,
    viterbi: viterbi::Scratch,
}

impl AttributionTagger {
    /// A tagger that labels nothing (an empty model).
    #[must_use]
    pub fn empty() -> Self {
        let model = Model::from_rows(label_names(), String::new(), Vec::new());
        Self { transitions: transition_table(|f, s| model.add(f, s)), model, lattice: lattice() }
    }

    /// Wrap a model whose labels are [`label_names`].
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the labels differ.
    pub fn new(model: Model) -> Result<Self, ModelError> {
        if model.labels != label_names() {
            return Err(ModelError::Malformed("attribution labels differ from the BIO role set"));
        }
        let transitions = transition_table(|f, s| model.add(f, s));
        Ok(Self { model, transitions, lattice: lattice() })
    }

    /// The underlying model.
    #[must_use]
    pub const fn model(&self) -> &Model {
        &self.model
    }

    /// Label the tokens of one paragraph; `out` gets one label per token.
    pub fn tag(&self, layers: &Layers<'_>, para: Range<usize>, out: &mut Vec<usize>, scratch: &mut Scratch) {
        let n = para.len();
        scratch.emissions.clear();
        scratch.emissions.resize(n * N_LABELS, 0.0);
        for (k, i) in para.clone().enumerate() {
            scratch.features.clear();
            features(layers, para.clone(), i, &mut scratch.features);
            self.model.score(&scratch.features, &mut scratch.emissions[k * N_LABELS..(k + 1) * N_LABELS]);
        }
        self.lattice.decode(&scratch.emissions, &self.transitions, out, &mut scratch.viterbi);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_inside_tags_continue_their_role() {
        assert_eq!(label_names().len(), N_LABELS);
        for r in ROLES {
            for b in [true, false] {
                assert_eq!(role(label(r, b)), Some((r, b)));
            }
        }
        let (bs, is, ic) =
            (label(Role::Source, true), label(Role::Source, false), label(Role::Content, false));
        assert!(allowed(Some(bs), is));
        assert!(allowed(Some(is), is));
        assert!(!allowed(Some(bs), ic));
        assert!(!allowed(None, is));
        assert!(!allowed(Some(OUTSIDE), ic));
        assert!(allowed(None, bs));
    }
}
