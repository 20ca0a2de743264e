//! What each token is to the rules: its word classes from the lexicons in
//! `assets/lexicons/` and, for digits, the shape of the number.

use std::sync::OnceLock;

use crate::tag::hash::PrehashedMap;
use crate::text::keys::{self, Case};

/// Word classes, one bit each.
pub mod class {
    pub const MONTH: u32 = 1 << 0;
    pub const MONTH_SHORT: u32 = 1 << 1;
    pub const MONTH_AMBIGUOUS: u32 = 1 << 2;
    pub const WEEKDAY: u32 = 1 << 3;
    pub const DATE: u32 = 1 << 4;
    pub const UNIT: u32 = 1 << 5;
    pub const RELATIVE: u32 = 1 << 6;
    pub const EDGE: u32 = 1 << 7;
    pub const SEASON: u32 = 1 << 8;
    pub const HOLIDAY: u32 = 1 << 9;
    pub const HOLIDAY_NAME: u32 = 1 << 10;
    pub const HOLIDAY_TAIL: u32 = 1 << 11;
    pub const AGO: u32 = 1 << 12;
    pub const PART_OF_DAY: u32 = 1 << 13;
    pub const TIME: u32 = 1 << 14;
    pub const AMPM: u32 = 1 << 15;
    pub const ZONE: u32 = 1 << 16;
    pub const OCLOCK: u32 = 1 << 17;
    pub const CUE: u32 = 1 << 18;
    pub const NUMBER: u32 = 1 << 19;
    pub const SCALE: u32 = 1 << 20;
    pub const SYMBOL: u32 = 1 << 21;
    pub const CURRENCY: u32 = 1 << 22;
    pub const CODE: u32 = 1 << 23;
    pub const PERCENT: u32 = 1 << 24;
    pub const PER: u32 = 1 << 25;
    pub const CENT: u32 = 1 << 26;
    pub const PERCENTAGE: u32 = 1 << 27;
    pub const POINT: u32 = 1 << 28;
}

/// The shape of a token that starts with a digit (or a currency sign and a digit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// Not a number.
    #[default]
    None,
    /// Digits with optional separators ("5", "2,000", "3.5"); `plain` when
    /// there is no separator, for years and days.
    Number { value: u64, digits: usize, plain: bool },
    /// An ordinal day ("11th").
    Ordinal(u64),
    /// A clock time ("9:30").
    Clock,
    /// A whole date ("2016-09-12", "9/12/2016").
    FullDate,
    /// A decade ("1990s", "'90s").
    Decade,
}

/// What follows the digits inside the same token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tail {
    /// Nothing.
    #[default]
    None,
    /// A scale ("5m", "3bn").
    Scale,
    /// A percent sign ("3.5%").
    Percent,
    /// "am" or "pm" ("9am", "9:30pm").
    AmPm,
}

/// One token as the rules see it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Word {
    /// Bits of [`class`].
    pub class: u32,
    /// Digits' shape.
    pub shape: Shape,
    /// A currency sign glued in front ("$5").
    pub symbol: bool,
    /// An edge word glued in front ("mid-2020", "mid-September").
    pub edge: bool,
    /// What follows the digits.
    pub tail: Tail,
    /// The token is a lone comma.
    pub comma: bool,
    /// The token is a lone period.
    pub period: bool,
    /// Normalised key, for checks of a particular word ("a", "the").
    pub key: u64,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u32,
    required: Case,
}

/// The rules' lexicon: word key to classes.
#[derive(Debug)]
pub struct Words {
    /// Keyed by word-key hashes, which are already well mixed.
    entries: PrehashedMap<Entry>,
    /// Keys of "a" and "an", which count as one before a scale ("a million").
    pub article: [u64; 2],
    /// Key of "of" ("May of 2020").
    pub of: u64,
    /// Key of "the" ("in the fall").
    pub the: u64,
    /// Keys of the possessive ending ("Valentine's Day").
    pub possessive: [u64; 2],
}

const MONTHS: &str = include_str!("../../../../assets/lexicons/months.tsv");
const WEEKDAYS: &str = include_str!("../../../../assets/lexicons/weekdays.tsv");
const TEMPORAL: &str = include_str!("../../../../assets/lexicons/temporal.tsv");
const NUMBERS: &str = include_str!("../../../../assets/lexicons/numbers.tsv");
const AMOUNTS: &str = include_str!("../../../../assets/lexicons/amounts.tsv");

/// Class bits for the names used in the lexicon files.
fn class_of(name: &str) -> u32 {
    match name {
        "name" => class::MONTH,
        "short" => class::MONTH | class::MONTH_SHORT,
        "ambiguous" => class::MONTH | class::MONTH_AMBIGUOUS,
        "date" => class::DATE,
        "unit" => class::UNIT,
        "relative" => class::RELATIVE,
        "edge" => class::EDGE,
        "season" => class::SEASON,
        "holiday" => class::HOLIDAY,
        "holiday-name" => class::HOLIDAY_NAME,
        "holiday-tail" => class::HOLIDAY_TAIL,
        "ago" => class::AGO,
        "part-of-day" => class::PART_OF_DAY,
        "time" => class::TIME,
        "ampm" => class::AMPM,
        "zone" => class::ZONE,
        "oclock" => class::OCLOCK,
        "cue" => class::CUE,
        "number" => class::NUMBER,
        "scale" => class::SCALE,
        "symbol" => class::SYMBOL,
        "currency" => class::CURRENCY,
        "code" => class::CODE,
        "percent" => class::PERCENT,
        "per" => class::PER,
        "cent" => class::CENT,
        "percentage" => class::PERCENTAGE,
        "point" => class::POINT,
        _ => 0,
    }
}

impl Words {
    /// The embedded lexicons, loaded once.
    pub fn embedded() -> &'static Self {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(Self::load)
    }

    fn load() -> Self {
        let key = |w: &str| keys::word_key(w).hash;
        let mut words = Self {
            entries: PrehashedMap::default(),
            article: [key("a"), key("an")],
            of: key("of"),
            the: key("the"),
            possessive: [key("'s"), key("s")],
        };
        for row in keys::rows(MONTHS) {
            let kind = row.get(2).copied().unwrap_or("name");
            words.add(row[0], class_of(kind));
        }
        for row in keys::rows(WEEKDAYS) {
            words.add(row[0], class::WEEKDAY);
        }
        for row in keys::rows(TEMPORAL) {
            words.add(row[0], class_of(row.get(1).copied().unwrap_or("")));
        }
        for row in keys::rows(NUMBERS) {
            words.add(row[0], class_of(row.get(2).copied().unwrap_or("number")));
        }
        for row in keys::rows(AMOUNTS) {
            words.add(row[0], class_of(row.get(1).copied().unwrap_or("")));
        }
        words
    }

    fn add(&mut self, word: &str, class: u32) {
        let (key, required) = keys::entry_key(word);
        let entry = self.entries.entry(key).or_insert(Entry { class: 0, required });
        entry.class |= class;
        entry.required = entry.required.min(required);
    }

    /// Key and classes of a word as written, honouring the case its entry demands.
    fn lookup(&self, word: &str) -> (u64, u32) {
        let wk = keys::word_key(word);
        match self.entries.get(&wk.hash) {
            Some(e) if wk.case >= e.required => (wk.hash, e.class),
            _ => (wk.hash, 0),
        }
    }

    /// What the token `text` is.
    pub fn word(&self, text: &str) -> Word {
        match text {
            "," => return Word { comma: true, ..Word::default() },
            "." => return Word { period: true, ..Word::default() },
            _ => {}
        }
        let (key, class) = self.lookup(text);
        let mut word = Word { class, key, ..Word::default() };
        if class != 0 {
            return word;
        }
        // Hyphenated number words: "twenty-five".
        if let Some((head, rest)) = text.split_once('-')
            && self.lookup(head).1 & class::NUMBER != 0
            && self.lookup(rest).1 & class::NUMBER != 0
        {
            return Word { class: class::NUMBER, ..word };
        }
        // A glued edge word: "mid-2020", "mid-September".
        if let Some((head, rest)) = text.split_once('-')
            && !rest.is_empty()
            && self.lookup(head).1 & class::EDGE != 0
        {
            let inner = self.word(rest);
            if inner.class & (class::MONTH | class::SEASON) != 0 || is_year(inner.shape) {
                return Word { edge: true, ..inner };
            }
        }
        let digits_at = text.find(|c: char| c.is_ascii_digit() || c == '\'' || c == '\u{2019}');
        let Some(at) = digits_at else { return word };
        if at > 0 {
            if self.lookup(&text[..at]).1 & class::SYMBOL == 0 {
                return word;
            }
            word.symbol = true;
        }
        let (shape, tail) = self.shape(&text[at..]);
        word.shape = shape;
        word.tail = tail;
        word
    }

    /// The shape of `s`, which starts with a digit or an apostrophe.
    fn shape(&self, s: &str) -> (Shape, Tail) {
        let b = s.as_bytes();
        if matches!(s.chars().next(), Some('\'' | '\u{2019}')) {
            let rest = s.trim_start_matches(['\'', '\u{2019}']);
            let rb = rest.as_bytes();
            let decade = rb.len() == 3 && rb[0].is_ascii_digit() && rb[1] == b'0' && rb[2] == b's';
            return (if decade { Shape::Decade } else { Shape::None }, Tail::None);
        }
        let end = b.iter().position(|c| !(c.is_ascii_digit() || *c == b',' || *c == b'.')).unwrap_or(b.len());
        let mut num = &s[..end];
        let mut rest = &s[end..];
        // "5." at the end of a sentence: the period is not part of the number.
        while let Some(n) = num.strip_suffix(['.', ',']) {
            rest = &s[n.len()..];
            num = n;
        }
        let digits = num.bytes().filter(u8::is_ascii_digit).count();
        if digits == 0 {
            return (Shape::None, Tail::None);
        }
        let plain = num.bytes().all(|c| c.is_ascii_digit());
        let value = parse_value(num);
        let number = Shape::Number { value, digits, plain };
        if rest.is_empty() || rest == "." {
            return (number, Tail::None);
        }
        if let Some(clock) = rest.strip_prefix(':') {
            let (mins, after) = split_digits(clock);
            if mins.len() == 2 && plain {
                let after = after.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit());
                let tail = if self.lookup(after).1 & class::AMPM != 0 { Tail::AmPm } else { Tail::None };
                return if after.is_empty() || tail == Tail::AmPm {
                    (Shape::Clock, tail)
                } else {
                    (Shape::None, Tail::None)
                };
            }
        }
        if full_date(s) {
            return (Shape::FullDate, Tail::None);
        }
        if plain && rest == "s" && digits == 4 && num.ends_with('0') {
            return (Shape::Decade, Tail::None);
        }
        if plain && matches!(rest.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
            return (Shape::Ordinal(value), Tail::None);
        }
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let tail_class = self.lookup(rest).1;
        let tail = if rest == "%" {
            Tail::Percent
        } else if tail_class & class::SCALE != 0 {
            Tail::Scale
        } else if tail_class & class::AMPM != 0 {
            Tail::AmPm
        } else {
            return (Shape::None, Tail::None);
        };
        (number, tail)
    }
}

/// The integer part of a number with thousands separators ("2,000.5" -> 2000).
fn parse_value(num: &str) -> u64 {
    let int = num.split('.').next().unwrap_or("");
    int.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u64, |v, d| v.saturating_mul(10).saturating_add(u64::from(d - b'0')))
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.bytes().position(|c| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// "2016-09-12", "9/12/2016", "09/12/16".
fn full_date(s: &str) -> bool {
    let s = s.strip_suffix('.').unwrap_or(s);
    for sep in ['-', '/'] {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() != 3 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())) {
            continue;
        }
        let lens = [parts[0].len(), parts[1].len(), parts[2].len()];
        let iso = sep == '-' && lens == [4, 2, 2];
        let us = sep == '/' && lens[0] <= 2 && lens[1] <= 2 && matches!(lens[2], 2 | 4);
        if iso || us {
            return true;
        }
    }
    false
}

/// A four-digit year between 1800 and 2099 written without separators.
pub const fn is_year(shape: Shape) -> bool {
    matches!(shape, Shape::Number { value: 1800..=2099, digits: 4, plain: true })
}

/// A day of the month written as digits ("11") or an ordinal ("11th").
pub const fn is_day(shape: Shape) -> bool {
    matches!(shape, Shape::Number { value: 1..=31, digits: 1 | 2, plain: true } | Shape::Ordinal(1..=31))
}

/// An hour for "9 a.m." or "9 o'clock".
pub const fn is_hour(shape: Shape) -> bool {
    matches!(shape, Shape::Number { value: 1..=12, digits: 1 | 2, plain: true })
}
