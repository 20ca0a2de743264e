//! Averaged perceptron training over hashed features.

use std::collections::HashMap;

use crate::tag::model::Model;

/// A multiclass perceptron being trained; [`Perceptron::finish`] averages it
/// into a compact [`Model`].
///
/// Only features registered with [`Perceptron::allow`] get weights, so rare
/// features can be left out before training starts.
#[derive(Debug)]
pub struct Perceptron {
    n_classes: usize,
    index: HashMap<u64, u32>,
    keys: Vec<u64>,
    weights: Vec<f32>,
    /// Sum of `step * delta` per weight, for averaging.
    totals: Vec<f64>,
    step: f64,
}

impl Perceptron {
    /// An empty perceptron over `n_classes` classes.
    #[must_use]
    pub fn new(n_classes: usize) -> Self {
        Self {
            n_classes,
            index: HashMap::new(),
            keys: Vec::new(),
            weights: Vec::new(),
            totals: Vec::new(),
            step: 1.0,
        }
    }

    /// Give `feature` a row of weights.
    pub fn allow(&mut self, feature: u64) {
        if let std::collections::hash_map::Entry::Vacant(e) = self.index.entry(feature) {
            e.insert(u32::try_from(self.keys.len()).unwrap_or(u32::MAX));
            self.keys.push(feature);
            self.weights.extend(std::iter::repeat_n(0.0, self.n_classes));
            self.totals.extend(std::iter::repeat_n(0.0, self.n_classes));
        }
    }

    /// Number of features with a row.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Current (not averaged) scores of `features` into `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let row = &self.weights[row as usize * self.n_classes..][..self.n_classes];
                scores.iter_mut().zip(row).for_each(|(s, w)| *s += w);
            }
        }
    }

    /// Add `delta` to the weight of each of `features` for `class`.
    pub fn update(&mut self, features: &[u64], class: usize, delta: f32) {
        for f in features {
            if let Some(&row) = self.index.get(f) {
                let i = row as usize * self.n_classes + class;
                self.weights[i] += delta;
                self.totals[i] += self.step * f64::from(delta);
            }
        }
    }

    /// Mark the end of one training instance (for averaging).
    pub fn tick(&mut self) {
        self.step += 1.0;
    }

    /// The averaged model, dropping weights smaller than `min_weight`.
    #[must_use]
    pub fn finish(&self, labels: Vec<String>, info: String, min_weight: f32) -> Model {
        Model::from_rows(labels, info, self.averaged_rows(min_weight))
    }

    /// The averaged weights as sparse rows, dropping weights smaller than `min_weight`.
    #[must_use]
    pub fn averaged_rows(&self, min_weight: f32) -> Vec<(u64, Vec<(u8, f32)>)> {
        let mut rows = Vec::with_capacity(self.keys.len());
        for (r, &key) in self.keys.iter().enumerate() {
            let mut entries = Vec::new();
            for c in 0..self.n_classes {
                let i = r * self.n_classes + c;
                #[allow(clippy::cast_possible_truncation)]
                let avg = (f64::from(self.weights[i]) - self.totals[i] / self.step) as f32;
                if avg.abs() >= min_weight {
                    entries.push((u8::try_from(c).unwrap_or(u8::MAX), avg));
                }
            }
            if !entries.is_empty() {
                rows.push((key, entries));
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        // Class = which of two features is present.
        let mut p = Perceptron::new(2);
        p.allow(10);
        p.allow(20);
        let data = [(10u64, 0usize), (20, 1)];
        let mut s = [0f32; 2];
        for _ in 0..5 {
            for &(f, y) in &data {
                p.score(&[f], &mut s);
                let guess = usize::from(s[1] > s[0]);
                if guess != y {
                    p.update(&[f], y, 1.0);
                    p.update(&[f], guess, -1.0);
                }
                p.tick();
            }
        }
        let m = p.finish(vec!["a".into(), "b".into()], String::new(), 0.0);
        for &(f, y) in &data {
            m.score(&[f], &mut s);
            assert_eq!(usize::from(s[1] > s[0]), y);
        }
    }
}
