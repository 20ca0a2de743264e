//! First-order Viterbi decoding over any label set with hard constraints on
//! which label may follow which, shared by the sequence taggers.

/// The label constraints of one tag set, tabulated once.
#[derive(Debug, Clone)]
pub struct Lattice {
    n: usize,
    /// `(n + 1) × n`: may label `c` follow `p` (the last row: the start)?
    allowed: Vec<bool>,
    /// May a sequence end on this label?
    may_end: Vec<bool>,
    /// For every label, the labels that may precede it (the inner loop
    /// visits only these: most moves are forbidden in BILOU sets).
    preds: Vec<Vec<u16>>,
}

/// Reusable buffers for [`Lattice::decode`].
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    /// Transitions with forbidden moves at minus infinity.
    trans: Vec<f32>,
    /// For every label in turn, its allowed predecessors with the weight of
    /// the move, contiguous so that the inner loop reads one run.
    moves: Vec<(u16, f32)>,
    score: Vec<f32>,
    next: Vec<f32>,
    back: Vec<u16>,
}

impl Lattice {
    /// Tabulate `allowed(prev, cur)` (`prev = None` at the start) and
    /// `may_end(label)` over `n` labels.
    #[must_use]
    pub fn new(
        n: usize,
        allowed: impl Fn(Option<usize>, usize) -> bool,
        may_end: impl Fn(usize) -> bool,
    ) -> Self {
        let mut table = Vec::with_capacity((n + 1) * n);
        for p in 0..=n {
            let prev = (p < n).then_some(p);
            table.extend((0..n).map(|c| allowed(prev, c)));
        }
        let preds = (0..n)
            .map(|c| (0..n).filter(|&p| table[p * n + c]).filter_map(|p| u16::try_from(p).ok()).collect())
            .collect();
        Self { n, allowed: table, may_end: (0..n).map(may_end).collect(), preds }
    }

    /// Number of labels.
    #[must_use]
    pub const fn n_labels(&self) -> usize {
        self.n
    }

    /// The best label sequence for emission scores (`len × n`, row-major)
    /// and transition scores (`(n + 1) × n`, the last row from the start).
    /// Moves the constraints forbid are never taken, whatever their weight.
    pub fn decode(
        &self,
        emissions: &[f32],
        transitions: &[f32],
        out: &mut Vec<usize>,
        scratch: &mut Scratch,
    ) {
        let n = self.n;
        let len = emissions.len().checked_div(n).unwrap_or(0);
        out.clear();
        if len == 0 || transitions.len() < (n + 1) * n {
            out.resize(len, 0);
            return;
        }
        let Scratch { trans, moves, score, next, back } = scratch;
        trans.clear();
        trans.extend(
            transitions[..(n + 1) * n]
                .iter()
                .zip(&self.allowed)
                .map(|(&t, &ok)| if ok { t } else { f32::NEG_INFINITY }),
        );
        moves.clear();
        for (c, preds) in self.preds.iter().enumerate() {
            moves.extend(preds.iter().map(|&p| (p, trans[usize::from(p) * n + c])));
        }
        score.clear();
        score.extend((0..n).map(|c| emissions[c] + trans[n * n + c]));
        next.clear();
        next.resize(n, f32::NEG_INFINITY);
        back.clear();
        back.resize(len * n, 0);
        for i in 1..len {
            let em = &emissions[i * n..(i + 1) * n];
            let back_row = &mut back[i * n..(i + 1) * n];
            let mut from = 0;
            for (c, (&e, (slot, back_slot))) in em.iter().zip(next.iter_mut().zip(back_row)).enumerate() {
                let to = from + self.preds[c].len();
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u16;
                for &(p, t) in &moves[from..to] {
                    let v = score[usize::from(p)] + t;
                    if v > best {
                        best = v;
                        arg = p;
                    }
                }
                from = to;
                *slot = best + e;
                *back_slot = arg;
            }
            std::mem::swap(score, next);
        }
        let mut cur = 0;
        for c in 0..n {
            if self.may_end[c] && (score[c] > score[cur] || !self.may_end[cur]) {
                cur = c;
            }
        }
        out.resize(len, 0);
        for i in (0..len).rev() {
            out[i] = cur;
            cur = usize::from(back[i * n + cur]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_override_greedy_choices() {
        // Label 1 may only follow label 1 or 2; label 2 may not end a sequence.
        let lattice = Lattice::new(3, |p, c| c != 1 || matches!(p, Some(1 | 2)), |c| c != 2);
        let em = [0.0, 5.0, 0.0, /**/ 0.0, 5.0, 0.0, /**/ 0.0, 0.5, 1.0];
        let tr = vec![0.0; 12];
        let mut out = Vec::new();
        lattice.decode(&em, &tr, &mut out, &mut Scratch::default());
        assert_eq!(out, [2, 1, 1]);
        // A forbidden move stays forbidden however much it would pay.
        let mut tr = vec![0.0; 12];
        tr[9 + 1] = 100.0;
        lattice.decode(&em, &tr, &mut out, &mut Scratch::default());
        assert_ne!(out[0], 1);
    }
}
