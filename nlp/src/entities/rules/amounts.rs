//! MONEY and PERCENT: a number phrase with a currency or percent word.

use super::Matcher;
use super::words::{Shape, Tail, class};

impl Matcher<'_> {
    /// End of the number phrase starting at `i`: digits or number words,
    /// then any scale words ("5", "3.5 million", "two hundred", "a billion").
    pub(super) fn amount(&self, i: usize) -> Option<usize> {
        let w = self.at(i);
        let mut j = if matches!(w.shape, Shape::Number { .. }) {
            if !matches!(w.tail, Tail::None | Tail::Scale) {
                return None;
            }
            i + 1
        } else if w.class & class::NUMBER != 0 {
            let mut j = i + 1;
            while self.is(j, class::NUMBER) {
                j += 1;
            }
            j
        } else if self.lexicon.article.contains(&w.key) && self.is(i + 1, class::SCALE) {
            i + 1
        } else {
            return None;
        };
        while self.is(j, class::SCALE) {
            j += 1;
        }
        Some(j)
    }

    /// "$5 million", "€20", "US$3bn", "20 dollars", "5 million euros", "USD 40".
    pub(super) fn money(&self, i: usize) -> Option<usize> {
        let w = self.at(i);
        if w.symbol && w.shape != Shape::None {
            return self.amount(i);
        }
        if w.class & (class::SYMBOL | class::CODE) != 0
            && w.shape == Shape::None
            && let Some(end) = self.amount(i + 1)
        {
            return Some(end);
        }
        let end = self.amount(i)?;
        self.is(end, class::CURRENCY | class::CODE).then_some(end + 1)
    }

    /// "24 percent", "3.5%", "5 per cent", "two percentage points".
    pub(super) fn percent(&self, i: usize) -> Option<usize> {
        let w = self.at(i);
        if w.tail == Tail::Percent && !w.symbol {
            return Some(i + 1);
        }
        let end = self.amount(i)?;
        if self.is(end, class::PERCENT) {
            Some(end + 1)
        } else if (self.is(end, class::PER) && self.is(end + 1, class::CENT))
            || (self.is(end, class::PERCENTAGE) && self.is(end + 1, class::POINT))
        {
            Some(end + 2)
        } else {
            None
        }
    }
}
