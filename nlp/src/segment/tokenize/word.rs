//! Words and numbers: what may join inside them (hyphens, periods,
//! apostrophes, separators of numbers), abbreviations and their periods,
//! contractions, and web and e-mail addresses.

use super::Lexer;
use super::chars::{self, char_at};
use super::lexicon::AbbrevClass;
use crate::annotation::TokenKind;

/// What follows an abbreviation's period.
enum Next<'a> {
    /// Nothing: the end of the text.
    End,
    /// A digit.
    Digit,
    /// A word starting with a capital letter (its letters).
    Capital(&'a str),
    /// A lower-case word, punctuation or a symbol.
    Other,
}

/// What an apostrophe inside a word means.
enum Apostrophe {
    /// Part of the word ("O’Malley", "Int’l").
    Joins,
    /// The start of a clitic: the word ends before it ("Kupchan" "’s").
    Ends,
    /// A negation: the word ends before the "n" ("do" "n’t").
    Negation,
}

impl<'a> Lexer<'a, '_> {
    /// Scan the word or number whose token starts at `start` and whose
    /// letters or digits start at `from` (after a "#" or "."); push it and
    /// any clitic split from it, and return where scanning goes on.
    pub(super) fn word(&mut self, start: usize, from: usize) -> usize {
        let numeric = match self.b.get(from) {
            Some(&b) if b < 0x80 => b.is_ascii_digit(),
            _ => char_at(self.s, from).is_some_and(char::is_numeric),
        };
        let mut kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        let mut j = self.run_alnum(from);
        // Start of the current hyphen-separated part, for abbreviation look-ups.
        let mut part = from;
        while let Some(&byte) = self.b.get(j) {
            match byte {
                b'-' | b'/' | b'_' if self.alnum_at(j + 1) => {
                    part = if byte == b'-' { j + 1 } else { part };
                    j = self.run_alnum(j + 1);
                }
                b'.' => {
                    if self.alnum_at(j + 1)
                        && let Some((end, as_kind)) = self.dotted(start, part, j)
                    {
                        j = end;
                        kind = as_kind.unwrap_or(kind);
                        if kind != TokenKind::Url && kind != TokenKind::Email {
                            continue;
                        }
                        break;
                    }
                    if kind == TokenKind::Word && self.keeps_period(start, part, j) {
                        j += 1;
                        if self.b.get(j) == Some(&b'-') && self.alnum_at(j + 1) {
                            part = j + 1;
                            j = self.run_alnum(j + 1);
                            continue;
                        }
                    }
                    break;
                }
                b',' if self.digit_at(j - 1) && self.thousands_at(j + 1) => j = self.run_alnum(j + 1),
                b':' if self.digit_at(j - 1) && self.digit_at(j + 1) => j = self.run_alnum(j + 1),
                b':' if self.b[j..].starts_with(b"://") && is_scheme(&self.s[start..j]) => {
                    j = self.url_rest(start, j);
                    kind = TokenKind::Url;
                    break;
                }
                b'&' if self.upper_at(j - 1) && self.upper_at(j + 1) => j = self.run_alnum(j + 1),
                b'@' => {
                    if let Some(end) = self.email_domain(j + 1) {
                        j = end;
                        kind = TokenKind::Email;
                    }
                    break;
                }
                b'\'' => match self.inner_apostrophe(from, j, 1) {
                    Apostrophe::Joins => j = self.run_alnum(j + 1),
                    Apostrophe::Ends => break,
                    Apostrophe::Negation => return self.negation(start, j, 1),
                },
                0x80.. => match char_at(self.s, j) {
                    Some(c @ '’') => match self.inner_apostrophe(from, j, c.len_utf8()) {
                        Apostrophe::Joins => j = self.run_alnum(j + c.len_utf8()),
                        Apostrophe::Ends => break,
                        Apostrophe::Negation => return self.negation(start, j, c.len_utf8()),
                    },
                    Some(c) if chars::is_word_hyphen(c) && self.alnum_at(j + c.len_utf8()) => {
                        part = j + c.len_utf8();
                        j = self.run_alnum(part);
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        if kind == TokenKind::Word
            && (5..=6).contains(&(j - start))
            && let Some(cut) = self.lex.contraction_cut(&self.s[start..j])
        {
            self.push(start, start + cut, kind);
            return self.push(start + cut, j, kind);
        }
        self.push(start, j, kind)
    }

    /// The end of the run of letters, digits and combining marks from `i`.
    pub(super) fn run_alnum(&self, mut i: usize) -> usize {
        while let Some(&b) = self.b.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
                continue;
            }
            let Some(c) = char_at(self.s, i) else { break };
            if chars::is_alnum(c) || (c == '\u{AD}' && self.alnum_at(i + 2)) {
                i += c.len_utf8();
            } else if !chars::is_boundary(self.s, i) {
                i = chars::next_boundary(self.s, i);
            } else {
                break;
            }
        }
        i
    }

    pub(super) fn digit_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_digit)
    }

    fn upper_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(u8::is_ascii_uppercase)
    }

    /// True when three digits and then no further digit start at `i` ("1,000").
    fn thousands_at(&self, i: usize) -> bool {
        (i..i + 3).all(|k| self.digit_at(k)) && !self.digit_at(i + 3)
    }

    /// A period at `dot` with a letter or digit after it, inside the word
    /// part starting at `part`. Returns where the word goes on and, for an
    /// address, its new kind; `None` when the period ends the word.
    fn dotted(&self, start: usize, part: usize, dot: usize) -> Option<(usize, Option<TokenKind>)> {
        if self.digit_at(dot - 1) && self.digit_at(dot + 1) {
            // Letters glued to a decimal are a word of their own ("1.2" "billion").
            let digits = self.b[dot + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
            return Some((dot + 1 + digits, None));
        }
        let mut single_letters = self.is_one_letter(part, dot);
        // A capital right after a period is more likely a missing space ("said.The").
        let mut no_capital = true;
        let mut last = (dot + 1, dot + 1);
        let mut k = dot;
        while self.b.get(k) == Some(&b'.') && self.alnum_at(k + 1) {
            let end = self.run_alnum(k + 1);
            single_letters &= self.is_one_letter(k + 1, end);
            no_capital &= !char_at(self.s, k + 1).is_some_and(char::is_uppercase);
            last = (k + 1, end);
            k = end;
        }
        if single_letters || self.lex.abbreviation(&self.s[part..k]).is_some() {
            return Some((k, None));
        }
        if self.lex.is_domain(&self.s[last.0..last.1]) {
            return Some((self.url_rest(start, k), Some(TokenKind::Url)));
        }
        if self.b.get(k) == Some(&b'@') {
            return self.email_domain(k + 1).map(|end| (end, Some(TokenKind::Email)));
        }
        // A web address glued to the previous sentence starts afresh ("30th.https://").
        (no_capital && !self.b[k..].starts_with(b"://")).then_some((k, None))
    }

    /// True when `s[from..to]` is exactly one letter.
    fn is_one_letter(&self, from: usize, to: usize) -> bool {
        char_at(self.s, from).is_some_and(|c| c.is_alphabetic() && from + c.len_utf8() == to)
    }

    /// Whether the word ending at the period `dot` is an abbreviation that
    /// keeps the period, given what follows.
    fn keeps_period(&self, start: usize, part: usize, dot: usize) -> bool {
        if self.b.get(dot + 1) == Some(&b'.') {
            return false;
        }
        let word = &self.s[part..dot];
        let whole = || if start == part { None } else { self.lex.abbreviation(&self.s[start..dot]) };
        let class =
            self.lex.abbreviation(word).or_else(whole).or_else(|| self.lex.capitalised_abbreviation(word));
        let class = match class {
            Some(class) => class,
            None if is_acronym(word) => AbbrevClass::Plain,
            None => return false,
        };
        match (class, self.next_word(dot + 1)) {
            (AbbrevClass::Title, _) => true,
            (AbbrevClass::Number, next) => matches!(next, Next::Digit),
            (AbbrevClass::Place, next) => !matches!(next, Next::Capital(_) | Next::End),
            (AbbrevClass::Plain, Next::Capital(w)) => !self.lex.is_starter(w),
            (AbbrevClass::Plain, _) => true,
        }
    }

    /// What comes after white space, opening quotes and brackets from `i`,
    /// looking past the end of the piece into the following text.
    fn next_word(&self, i: usize) -> Next<'a> {
        match next_in(self.s, i, false) {
            Some(next) => next,
            None => next_in(self.after, 0, true).unwrap_or(Next::End),
        }
    }

    /// How an apostrophe at `at` (of `len` bytes) inside the word whose
    /// letters start at `from` is read.
    fn inner_apostrophe(&self, from: usize, at: usize, len: usize) -> Apostrophe {
        let after = at + len;
        if !self.letter_at(after) {
            return Apostrophe::Ends;
        }
        let negation = at > from + 1
            && matches!(self.b[at - 1], b'n' | b'N')
            && matches!(self.b[after], b't' | b'T')
            && !self.alnum_at(after + 1);
        if negation {
            Apostrophe::Negation
        } else if self.clitic_end(after).is_some() {
            Apostrophe::Ends
        } else {
            Apostrophe::Joins
        }
    }

    /// Push a word ending in "n’t" as the word and the negation ("do" "n’t").
    fn negation(&mut self, start: usize, apostrophe: usize, len: usize) -> usize {
        self.push(start, apostrophe - 1, TokenKind::Word);
        self.push(apostrophe - 1, apostrophe + len + 1, TokenKind::Word)
    }

    /// The end of a web address starting at `start` whose host ends at `i`:
    /// its path, query and fragment, without trailing punctuation.
    fn url_rest(&self, start: usize, i: usize) -> usize {
        let stop = |b: u8| {
            b <= b' '
                || b >= 0x7f
                || matches!(b, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}')
        };
        let mut end = i + self.b[i..].iter().take_while(|&&b| !stop(b)).count();
        let count = |end: usize, byte: u8| self.b[start..end].iter().filter(|&&b| b == byte).count();
        while end > i {
            match self.b[end - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' => end -= 1,
                b')' if count(end, b')') > count(end, b'(') => end -= 1,
                _ => break,
            }
        }
        end
    }

    /// The end of the domain of an e-mail address starting at `i` (after
    /// the "@"): dotted parts ending in two or more letters.
    fn email_domain(&self, i: usize) -> Option<usize> {
        let is_host = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
        let mut k = i;
        let mut parts = 0;
        let mut last_alpha;
        loop {
            let len = self.b[k..].iter().take_while(|b| is_host(b)).count();
            if len == 0 {
                return None;
            }
            last_alpha = len >= 2 && self.b[k..k + len].iter().all(u8::is_ascii_alphabetic);
            parts += 1;
            k += len;
            if self.b.get(k) == Some(&b'.') && self.b.get(k + 1).is_some_and(is_host) {
                k += 1;
            } else {
                break;
            }
        }
        (parts >= 2 && last_alpha).then_some(k)
    }
}

/// What comes after white space and then opening quotes from byte `i` of
/// `s`; `None` when nothing does. A quotation mark right after the period
/// (no space) closes a quotation and is not skipped; neither are brackets,
/// which after an abbreviation seldom open a new sentence ("Reno, Nev. (AP)").
fn next_in(s: &str, mut i: usize, mut spaced: bool) -> Option<Next<'_>> {
    while let Some(c) = char_at(s, i).filter(|&c| chars::is_space(c)) {
        i += c.len_utf8();
        spaced = true;
    }
    while let Some(c) = char_at(s, i).filter(|c| spaced && matches!(c, '"' | '“' | '‘')) {
        i += c.len_utf8();
    }
    let c = char_at(s, i)?;
    Some(if c.is_numeric() {
        Next::Digit
    } else if c.is_uppercase() {
        let len: usize = s[i..].chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
        Next::Capital(&s[i..i + len])
    } else {
        Next::Other
    })
}

/// True for "http", "https", "ftp" and the like, before "://".
fn is_scheme(word: &str) -> bool {
    ["http", "https", "ftp", "ftps", "sftp", "file"].iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Letters separated by periods ("U.S", "a.m", "H.W"), or one capital letter (an initial).
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for piece in word.split('.') {
        let mut chars = piece.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters > 1 || word.chars().next().is_some_and(char::is_uppercase)
}
