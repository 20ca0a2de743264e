//! DATE and TIME: calendar dates, relative dates, clock times and parts of days.

use super::Matcher;
use super::words::{Shape, Tail, class, is_day, is_hour, is_year};

impl Matcher<'_> {
    fn year(&self, i: usize) -> bool {
        is_year(self.at(i).shape) && self.at(i).tail == Tail::None && !self.at(i).symbol
    }

    /// After a short month, a period split off by the tokenizer ("Sept" ".").
    fn skip_period(&self, j: usize) -> usize {
        if self.at(j).period && self.glued(j) { j + 1 } else { j }
    }

    /// True when the token before `i` calls for a date ("in May", "since March").
    fn cued(&self, i: usize) -> bool {
        i > 0 && self.is(i - 1, class::CUE | class::EDGE | class::RELATIVE)
    }

    /// "September", "Sept. 11", "Feb. 24, 2022", "February 2022", "May of 2020", "11 September 2001", "4th of July".
    fn month_date(&self, i: usize) -> Option<usize> {
        let w = self.at(i);
        if w.class & class::MONTH != 0 {
            let mut j = i + 1;
            if w.class & class::MONTH_SHORT != 0 {
                j = self.skip_period(j);
            }
            let mut more = true;
            if is_day(self.at(j).shape) && self.at(j).tail == Tail::None {
                j += 1;
                if self.at(j).comma && self.year(j + 1) {
                    j += 2;
                } else if self.year(j) {
                    j += 1;
                }
            } else if self.year(j) {
                j += 1;
            } else if self.lexicon.of == self.at(j).key && self.year(j + 1) {
                j += 2;
            } else {
                more = false;
            }
            if more {
                return Some(j);
            }
            let alone = w.class & (class::MONTH_SHORT | class::MONTH_AMBIGUOUS) == 0;
            return (alone || w.edge || self.cued(i)).then_some(i + 1);
        }
        if is_day(w.shape) && w.tail == Tail::None && !w.symbol {
            // "11 September", "the 4th of July"
            let at = if self.lexicon.of == self.at(i + 1).key { i + 2 } else { i + 1 };
            let month = self.at(at).class;
            if month & class::MONTH != 0 {
                let j = self.skip_period(at + 1);
                if self.year(j) {
                    return Some(j + 1);
                }
                // "5 May" alone could be anything; "5 May 2020" is a date.
                return (month & class::MONTH_AMBIGUOUS == 0).then_some(j);
            }
        }
        None
    }

    /// "last week", "earlier this year", "next Friday", "this summer", "late 2020", "later today".
    fn relative_date(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let edge = self.is(j, class::EDGE);
        if edge {
            j += 1;
        }
        let relative = self.is(j, class::RELATIVE);
        if relative {
            j += 1;
            // "the past three years"
            let counted = matches!(self.at(j).shape, Shape::Number { .. }) || self.is(j, class::NUMBER);
            if counted && self.is(j + 1, class::UNIT) {
                return Some(j + 2);
            }
            if self.is(j, class::UNIT | class::WEEKDAY | class::SEASON) {
                return Some(j + 1);
            }
            return self.month_date(j);
        }
        if edge {
            if self.year(j) || self.is(j, class::SEASON | class::DATE) {
                return Some(j + 1);
            }
            return self.month_date(j);
        }
        None
    }

    /// "two years ago", "a week ago", "days ago".
    fn ago(&self, i: usize) -> Option<usize> {
        let unit = if self.is(i, class::UNIT) {
            i
        } else if self.lexicon.article.contains(&self.at(i).key) {
            i + 1
        } else {
            self.amount(i)?
        };
        (self.is(unit, class::UNIT) && self.is(unit + 1, class::AGO)).then_some(unit + 2)
    }

    /// "Christmas", "Christmas Eve", "Election Day", "Valentine's Day".
    fn holiday(&self, i: usize) -> Option<usize> {
        if self.is(i, class::HOLIDAY) {
            let j = if self.is(i + 1, class::HOLIDAY_TAIL) { i + 2 } else { i + 1 };
            return Some(if self.year(j) { j + 1 } else { j });
        }
        if self.is(i, class::HOLIDAY_NAME) {
            let j = if self.lexicon.possessive.contains(&self.at(i + 1).key) { i + 2 } else { i + 1 };
            return self.is(j, class::HOLIDAY_TAIL).then_some(j + 1);
        }
        None
    }

    /// "summer 2022", "spring of 2020", and a season after a cue ("in the fall" gives "fall").
    fn season(&self, i: usize) -> Option<usize> {
        if !self.is(i, class::SEASON) {
            return None;
        }
        if self.year(i + 1) {
            return Some(i + 2);
        }
        if self.lexicon.of == self.at(i + 1).key && self.year(i + 2) {
            return Some(i + 3);
        }
        let after_the = i >= 2 && self.lexicon.the == self.at(i - 1).key && self.is(i - 2, class::CUE);
        (after_the || self.cued(i) || self.at(i).edge).then_some(i + 1)
    }

    /// The longest date starting at `i`.
    pub(super) fn date(&self, i: usize) -> Option<usize> {
        let w = self.at(i);
        if w.symbol || w.tail != Tail::None {
            return None;
        }
        if matches!(w.shape, Shape::FullDate | Shape::Decade) || self.year(i) || w.class & class::DATE != 0 {
            return Some(i + 1);
        }
        if w.class & class::WEEKDAY != 0 {
            let j = i + 1;
            let after = if self.at(j).comma { self.month_date(j + 1) } else { self.month_date(j) };
            return Some(after.unwrap_or(j));
        }
        [self.month_date(i), self.relative_date(i), self.ago(i), self.holiday(i), self.season(i)]
            .into_iter()
            .flatten()
            .max()
    }

    /// "9:30 a.m. ET", "9 p.m.", "9am", "noon", "this morning", "Tuesday night", "5 o'clock".
    pub(super) fn time(&self, i: usize) -> Option<usize> {
        let w = self.at(i);
        if w.symbol {
            return None;
        }
        let mut j = if w.shape == Shape::Clock || (is_hour(w.shape) && w.tail == Tail::AmPm) {
            let j = i + 1;
            if w.tail == Tail::None && self.is(j, class::AMPM) { self.skip_period(j + 1) } else { j }
        } else if is_hour(w.shape) && w.tail == Tail::None && self.is(i + 1, class::AMPM) {
            self.skip_period(i + 2)
        } else if is_hour(w.shape) && w.tail == Tail::None && self.is(i + 1, class::OCLOCK) {
            i + 2
        } else if w.class & class::TIME != 0 {
            i + 1
        } else if w.class & (class::WEEKDAY | class::DATE | class::RELATIVE) != 0
            && self.is(i + 1, class::PART_OF_DAY)
        {
            return Some(i + 2);
        } else {
            return None;
        };
        if self.is(j, class::ZONE) {
            j += 1;
        }
        Some(j)
    }
}
