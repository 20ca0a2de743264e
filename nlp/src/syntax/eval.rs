//! Attachment scores as the CoNLL 2018 shared task defines them: over every
//! word (punctuation included), relations compared without their subtype.

use super::Dependency;

/// Counts of words and of correctly attached words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Words scored.
    pub words: usize,
    /// Words with the right head.
    pub heads: usize,
    /// Words with the right head and relation.
    pub labelled: usize,
}

impl Score {
    /// Count one sentence: gold and predicted dependencies, word by word.
    pub fn add(&mut self, gold: &[Dependency], predicted: &[Dependency]) {
        self.words += gold.len();
        for (g, p) in gold.iter().zip(predicted) {
            if g.head == p.head {
                self.heads += 1;
                if g.relation == p.relation {
                    self.labelled += 1;
                }
            }
        }
    }

    /// Unlabelled attachment score.
    #[must_use]
    pub fn uas(&self) -> f64 {
        ratio(self.heads, self.words)
    }

    /// Labelled attachment score.
    #[must_use]
    pub fn las(&self) -> f64 {
        ratio(self.labelled, self.words)
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Relation;

    #[test]
    fn counts_heads_and_labels() {
        let d = |head, r: &str| Dependency { head, relation: Relation::parse(r).expect("relation") };
        let gold = [d(2, "nsubj"), d(0, "root"), d(2, "obj"), d(2, "punct")];
        let pred = [d(2, "nsubj"), d(0, "root"), d(2, "iobj"), d(3, "punct")];
        let mut s = Score::default();
        s.add(&gold, &pred);
        assert_eq!((s.words, s.heads, s.labelled), (4, 3, 2));
        assert!((s.uas() - 0.75).abs() < 1e-9 && (s.las() - 0.5).abs() < 1e-9);
        assert!(Score::default().las().abs() < 1e-9);
    }
}
