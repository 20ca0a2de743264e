//! The trained parser: a linear model scoring the moves of the transition
//! system, applied greedily (the best legal move at every step).

use super::Dependency;
use super::features::{self, Atom};
use super::relations::Relation;
use super::transition::{Move, N_MOVES, NONE, State};
use crate::tag::features::WordInfo;
use crate::tag::model::{Model, ModelError};
use crate::tag::pos::Pos;

/// The dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    model: Model,
}

/// Memory reused from one sentence to the next.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    state: State,
    atoms: Vec<Atom>,
    features: Vec<u64>,
}

/// The labels a parser model must have, in class order.
#[must_use]
pub fn move_labels() -> Vec<String> {
    (0..N_MOVES).map(|c| Move::of_class(c).label()).collect()
}

impl Parser {
    /// Wrap a model whose labels are the moves of the transition system.
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the labels are not the parser's moves.
    pub fn new(model: Model) -> Result<Self, ModelError> {
        if model.labels != move_labels() {
            return Err(ModelError::Malformed("parser labels differ from the parser's moves"));
        }
        Ok(Self { model })
    }

    /// The underlying model.
    #[must_use]
    pub const fn model(&self) -> &Model {
        &self.model
    }

    /// Parse one sentence given its words and part-of-speech tags (as many
    /// as words; missing tags count as nouns); `out` receives one
    /// dependency per word, in order. The result is always one tree.
    pub fn parse(&self, words: &[WordInfo], tags: &[Pos], out: &mut Vec<Dependency>, scratch: &mut Scratch) {
        let Scratch { state, atoms, features } = scratch;
        if tags.len() < words.len() {
            let mut padded = tags.to_vec();
            padded.resize(words.len(), Pos::default());
            features::atoms(words, &padded, atoms);
        } else {
            features::atoms(words, tags, atoms);
        }
        state.reset(words.len());
        let mut scores = [0f32; N_MOVES];
        while !state.is_final() {
            // With only the root on the stack, SHIFT is the one legal move
            // (it is often so, after a run of left dependents): no need to score.
            if state.stack.len() < 2 {
                state.apply(Move::Shift);
                continue;
            }
            features::extract(state, atoms, features);
            self.model.score(features, &mut scores);
            state.apply(best_legal(state, &scores));
        }
        out.extend(state.nodes.iter().skip(1).map(|n| Dependency {
            head: if n.head == NONE { 0 } else { n.head },
            relation: if n.head == NONE { Relation::ROOT } else { n.relation },
        }));
    }
}

/// The legal move with the highest score (the first on ties).
#[must_use]
pub fn best_legal(state: &State, scores: &[f32; N_MOVES]) -> Move {
    let mut best = (f32::NEG_INFINITY, Move::Shift);
    let mut consider = |m: Move| {
        let s = scores[m.class()];
        if s > best.0 {
            best = (s, m);
        }
    };
    if state.buffer_has_words() {
        consider(Move::Shift);
    }
    if state.stack.len() >= 2 {
        let root_below = state.stack_at(1) == 0;
        for r in 0..super::relations::RELATIONS.len() {
            let r = Relation(u8::try_from(r).unwrap_or(0));
            let is_root = r == Relation::ROOT;
            if state.buffer_has_words() && !is_root {
                consider(Move::Left(r));
            }
            if (root_below && is_root && !state.buffer_has_words()) || (!root_below && !is_root) {
                consider(Move::Right(r));
            }
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_model_still_parses_every_word_into_one_tree() {
        let parser = Parser::new(Model::from_rows(move_labels(), String::new(), Vec::new())).expect("labels");
        let words: Vec<WordInfo> = ["They", "said", "so", "."].iter().map(|w| WordInfo::new(w)).collect();
        let mut out = Vec::new();
        parser.parse(&words, &[], &mut out, &mut Scratch::default());
        assert_eq!(out.len(), 4);
        assert_eq!(out.iter().filter(|d| d.head == 0).count(), 1);
        assert!(out.iter().all(|d| d.head as usize <= 4));
        let mut none = Vec::new();
        parser.parse(&[], &[], &mut none, &mut Scratch::default());
        assert!(none.is_empty());
    }

    #[test]
    fn other_models_are_refused() {
        let model = Model::from_rows(vec!["NN".into()], String::new(), Vec::new());
        assert!(Parser::new(model).is_err());
    }
}
