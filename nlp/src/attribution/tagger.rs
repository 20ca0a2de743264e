//! The attribution tagger: a structured perceptron labelling every token of
//! a paragraph with BILOU tags over SOURCE, CUE and CONTENT, decoded by Viterbi.

use std::ops::Range;

use crate::attribution::features::features;
use crate::attribution::layers::Layers;
use crate::tag::bilou;
pub use crate::tag::bilou::Part;
use crate::tag::features::feat;
use crate::tag::model::{Model, ModelError};
use crate::tag::viterbi::{self, Lattice};

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
/// Number of labels: O, then B, I, L and U of each role.
pub const N_LABELS: usize = bilou::n_labels(ROLES.len());
/// The "outside" label.
pub const OUTSIDE: usize = bilou::OUTSIDE;

/// The label of a role's token at a position in its span.
#[must_use]
pub const fn label(role: Role, part: Part) -> usize {
    let r = match role {
        Role::Source => 0,
        Role::Cue => 1,
        Role::Content => 2,
    };
    part.label(r)
}

/// The role of a label and the token's position in its span; `None` for O.
#[must_use]
pub const fn role(label: usize) -> Option<(Role, Part)> {
    match Part::of(label, N_LABELS) {
        Some((r, part)) => Some((ROLES[r], part)),
        None => None,
    }
}

/// True when a token at this position starts a span.
#[must_use]
pub const fn begins(part: Part) -> bool {
    part.begins()
}

/// True when a token at this position ends a span.
#[must_use]
pub const fn ends(part: Part) -> bool {
    part.ends()
}

/// The label for a token of `role` given whether its span begins and ends there.
#[must_use]
pub const fn label_at(role: Role, first: bool, last: bool) -> usize {
    label(role, Part::at(first, last))
}

/// Label names as stored in the model.
#[must_use]
pub fn label_names() -> Vec<String> {
    bilou::label_names(&["SOURCE", "CUE", "CONTENT"])
}

/// The label constraints, tabulated.
#[must_use]
pub fn lattice() -> Lattice {
    bilou::lattice(N_LABELS)
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

impl Scratch {
    /// The emission scores of the last block tagged: one row of
    /// [`N_LABELS`] per token.
    #[must_use]
    pub fn emissions(&self) -> &[f32] {
        &self.emissions
    }
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
            return Err(ModelError::Malformed("attribution labels differ from the BILOU role set"));
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
        self.tag_block(layers, para.clone(), para, out, scratch);
    }

    /// Label the tokens of `block`, a part of paragraph `para` (features
    /// still see the whole paragraph); `out` gets one label per token of
    /// the block.
    pub fn tag_block(
        &self,
        layers: &Layers<'_>,
        para: Range<usize>,
        block: Range<usize>,
        out: &mut Vec<usize>,
        scratch: &mut Scratch,
    ) {
        let n = block.len();
        scratch.emissions.clear();
        scratch.emissions.resize(n * N_LABELS, 0.0);
        for (k, i) in block.enumerate() {
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

    fn allowed(prev: Option<usize>, cur: usize) -> bool {
        bilou::allowed(prev, cur, N_LABELS)
    }

    fn may_end(label: usize) -> bool {
        bilou::may_end(label, N_LABELS)
    }

    #[test]
    fn labels_round_trip_and_spans_stay_well_formed() {
        assert_eq!(label_names().len(), N_LABELS);
        for r in ROLES {
            for p in [Part::Begin, Part::Inside, Part::Last, Part::Unit] {
                assert_eq!(role(label(r, p)), Some((r, p)));
            }
        }
        let (bs, is, ls) = (
            label(Role::Source, Part::Begin),
            label(Role::Source, Part::Inside),
            label(Role::Source, Part::Last),
        );
        let ic = label(Role::Content, Part::Inside);
        assert!(allowed(Some(bs), is) && allowed(Some(is), ls));
        assert!(!allowed(Some(bs), ic));
        assert!(!allowed(Some(bs), OUTSIDE));
        assert!(!allowed(None, is) && !allowed(Some(OUTSIDE), ls));
        assert!(allowed(None, bs) && allowed(Some(ls), OUTSIDE));
        assert!(!may_end(bs) && may_end(ls));
        assert_eq!(label_at(Role::Cue, true, true), label(Role::Cue, Part::Unit));
    }
}
