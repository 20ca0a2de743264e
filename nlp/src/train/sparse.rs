//! An averaged perceptron whose weights exist only where an update put
//! them: a parser's features meet few of its many moves, so a full row of
//! weights per feature would be mostly zeros.

use crate::tag::hash::PrehashedMap;

/// One class weight of a feature, with what averaging needs.
#[derive(Debug, Clone, Copy)]
struct Cell {
    /// Sum of the weight over every step up to `last`.
    total: i64,
    weight: i32,
    last: u32,
    class: u8,
}

/// A sparse multiclass perceptron with integer updates and exact averaging.
#[derive(Debug, Default)]
pub struct SparsePerceptron {
    index: PrehashedMap<u32>,
    keys: Vec<u64>,
    rows: Vec<Vec<Cell>>,
    now: u32,
}

impl SparsePerceptron {
    /// An empty perceptron.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of features with weights.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Current scores of `features` into `scores` (reset first).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut sums = [0i64; 256];
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for c in &self.rows[row as usize] {
                    sums[usize::from(c.class)] += i64::from(c.weight);
                }
            }
        }
        for (s, &sum) in scores.iter_mut().zip(&sums) {
            #[allow(clippy::cast_precision_loss)]
            let v = sum as f32;
            *s = v;
        }
    }

    /// Add `delta` to the weight of each of `features` for `class`.
    pub fn update(&mut self, features: &[u64], class: u8, delta: i32) {
        for &f in features {
            let next = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
            let row = *self.index.entry(f).or_insert(next);
            if row == next {
                self.keys.push(f);
                self.rows.push(Vec::new());
            }
            let cells = &mut self.rows[row as usize];
            let cell = if let Some(i) = cells.iter().position(|c| c.class == class) {
                &mut cells[i]
            } else {
                cells.push(Cell { total: 0, weight: 0, last: self.now, class });
                let last = cells.len() - 1;
                &mut cells[last]
            };
            cell.total += i64::from(cell.weight) * i64::from(self.now - cell.last);
            cell.last = self.now;
            cell.weight += delta;
        }
    }

    /// Mark the end of one training instance (for averaging).
    pub const fn tick(&mut self) {
        self.now += 1;
    }

    /// The averaged weights as sparse rows in key order, dropping those
    /// smaller than `min_weight`.
    #[must_use]
    pub fn averaged_rows(&self, min_weight: f32) -> Vec<(u64, Vec<(u8, f32)>)> {
        let steps = f64::from(self.now.max(1));
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = self
            .keys
            .iter()
            .zip(&self.rows)
            .filter_map(|(&key, cells)| {
                let mut entries: Vec<(u8, f32)> = cells
                    .iter()
                    .filter_map(|c| {
                        let total = c.total + i64::from(c.weight) * i64::from(self.now - c.last);
                        #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
                        let avg = (total as f64 / steps) as f32;
                        (avg.abs() >= min_weight && avg != 0.0).then_some((c.class, avg))
                    })
                    .collect();
                entries.sort_unstable_by_key(|e| e.0);
                (!entries.is_empty()).then_some((key, entries))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_exactly() {
        let mut p = SparsePerceptron::new();
        p.update(&[7], 3, 2);
        p.tick();
        p.tick();
        p.update(&[7], 3, -2);
        p.tick();
        p.tick();
        // Weight 2 for two of four steps: 1 on average; class 5 never updated.
        let rows = p.averaged_rows(0.0);
        assert_eq!(rows, vec![(7, vec![(3, 1.0)])]);
        let mut s = [0f32; 8];
        p.score(&[7, 8], &mut s);
        assert!(s.iter().all(|&v| v == 0.0));
    }
}
