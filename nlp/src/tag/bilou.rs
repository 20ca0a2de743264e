//! The BILOU labelling scheme both taggers use: label 0 is "outside", then
//! Begin, Inside, Last and Unit for each kind of span, so that spans always
//! nest correctly once decoded under [`allowed`] and [`may_end`].

/// Position of a label inside its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First of several tokens.
    Begin = 0,
    /// Middle token.
    Inside = 1,
    /// Last of several tokens.
    Last = 2,
    /// A one-token span.
    Unit = 3,
}

/// The "outside" label.
pub const OUTSIDE: usize = 0;

/// Every part, in label order.
pub const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

impl Part {
    /// The BILOU label of this part of span kind `kind` (label 0 is O).
    #[must_use]
    pub const fn label(self, kind: usize) -> usize {
        1 + 4 * kind + self as usize
    }

    /// The span kind and part of `label`, or `None` for O and labels at or
    /// past `n_labels`.
    #[must_use]
    pub const fn of(label: usize, n_labels: usize) -> Option<(usize, Self)> {
        if label == 0 || label >= n_labels {
            return None;
        }
        let part = match (label - 1) % 4 {
            0 => Self::Begin,
            1 => Self::Inside,
            2 => Self::Last,
            _ => Self::Unit,
        };
        Some(((label - 1) / 4, part))
    }

    /// The part of a token given whether its span begins and ends there.
    #[must_use]
    pub const fn at(first: bool, last: bool) -> Self {
        match (first, last) {
            (true, true) => Self::Unit,
            (true, false) => Self::Begin,
            (false, true) => Self::Last,
            (false, false) => Self::Inside,
        }
    }

    /// True when a token at this position starts a span.
    #[must_use]
    pub const fn begins(self) -> bool {
        matches!(self, Self::Begin | Self::Unit)
    }

    /// True when a token at this position ends a span.
    #[must_use]
    pub const fn ends(self) -> bool {
        matches!(self, Self::Last | Self::Unit)
    }

    /// The letter naming this part in label names.
    #[must_use]
    pub const fn letter(self) -> &'static str {
        match self {
            Self::Begin => "B",
            Self::Inside => "I",
            Self::Last => "L",
            Self::Unit => "U",
        }
    }
}

/// Number of labels for `kinds` kinds of span: O plus four per kind.
#[must_use]
pub const fn n_labels(kinds: usize) -> usize {
    1 + 4 * kinds
}

/// True when `cur` may follow `prev` (`None` = start): an open span (B, I)
/// continues only with I or L of its kind, and I and L only continue one.
#[must_use]
pub const fn allowed(prev: Option<usize>, cur: usize, n_labels: usize) -> bool {
    let open = match prev {
        None => None,
        Some(p) => match Part::of(p, n_labels) {
            Some((kind, Part::Begin | Part::Inside)) => Some(kind),
            _ => None,
        },
    };
    match (open, Part::of(cur, n_labels)) {
        (Some(kind), Some((k, Part::Inside | Part::Last))) => kind == k,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, _) => true,
    }
}

/// True when a sequence may end after `label` (not inside an open span).
#[must_use]
pub const fn may_end(label: usize, n_labels: usize) -> bool {
    !matches!(Part::of(label, n_labels), Some((_, Part::Begin | Part::Inside)))
}

/// The label constraints of `n_labels` BILOU labels, tabulated for Viterbi.
#[must_use]
pub fn lattice(n_labels: usize) -> crate::tag::viterbi::Lattice {
    crate::tag::viterbi::Lattice::new(n_labels, |p, c| allowed(p, c, n_labels), |l| may_end(l, n_labels))
}

/// Label names as stored in a model: "O", then "B-KIND", "I-KIND", ….
#[must_use]
pub fn label_names(kinds: &[&str]) -> Vec<String> {
    let mut names = vec!["O".to_owned()];
    for kind in kinds {
        for part in PARTS {
            names.push(format!("{}-{kind}", part.letter()));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        let n = n_labels(3);
        for kind in 0..3 {
            for part in PARTS {
                assert_eq!(Part::of(part.label(kind), n), Some((kind, part)));
            }
        }
        assert_eq!(Part::of(OUTSIDE, n), None);
        assert_eq!(Part::of(n, n), None);
    }

    #[test]
    fn spans_nest() {
        let n = n_labels(2);
        let b0 = Part::Begin.label(0);
        assert!(allowed(Some(b0), Part::Inside.label(0), n));
        assert!(allowed(Some(b0), Part::Last.label(0), n));
        assert!(!allowed(Some(b0), Part::Last.label(1), n));
        assert!(!allowed(Some(b0), OUTSIDE, n));
        assert!(!allowed(None, Part::Inside.label(0), n));
        assert!(allowed(None, Part::Unit.label(1), n));
        assert!(!may_end(b0, n));
        assert!(may_end(Part::Last.label(0), n));
        assert_eq!(label_names(&["A"]), ["O", "B-A", "I-A", "L-A", "U-A"]);
    }
}
