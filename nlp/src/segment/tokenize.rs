//! Splits text into tokens the way the Penn Treebank does, so that taggers
//! trained on Treebank-style data see the tokens they expect.
//!
//! Words keep their inner hyphens, periods and apostrophes ("front-runner",
//! "U.S.", "O’Malley"), while possessives and contractions are split off
//! ("Kupchan" "’s", "do" "n’t"). Abbreviations keep their period unless it
//! also ends the sentence. Numbers keep their separators ("2,000", "9:30",
//! "1.2"); currency signs, percent signs, quotation marks, brackets, dashes and
//! ellipses are tokens of their own; web and e-mail addresses are one token.
//!
//! Kinds: clitics ("’s", "n’t"), @handles and #hashtags are [`TokenKind::Word`];
//! a token that starts with a digit is a [`TokenKind::Number`] ("40-year-old",
//! "’90s" too); an apostrophe standing alone is a [`TokenKind::Quote`], even
//! when it marks a plural possessive ("Jones" "’"), and so are "''" and "’”".
//!
//! The lexer works on bytes and decodes a char only where the text is not
//! ASCII; it allocates nothing but the output tokens.

pub(crate) mod chars;
mod lexicon;
mod word;

use crate::annotation::{Token, TokenKind};
use crate::text::Span;

use chars::char_at;
use lexicon::{LEXICON, Lexicon};

/// Append the tokens of `text[span]` to `out`, in order.
///
/// A span that does not lie on char boundaries inside `text` yields no tokens.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let Some(piece) = text.get(span.start..span.end) else {
        return;
    };
    let after = text.get(span.end..).unwrap_or("");
    let mut lexer =
        Lexer { s: piece, b: piece.as_bytes(), after, base: span.start, out, lex: &LEXICON, last_end: None };
    lexer.run();
}

/// The tokens of the whole text.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

/// One pass over one piece of text. Offsets are relative to the piece.
struct Lexer<'a, 'o> {
    s: &'a str,
    b: &'a [u8],
    /// The text after the piece, read only to decide whether an abbreviation
    /// at the end of the piece also ends a sentence.
    after: &'a str,
    /// Offset of the piece in the original text.
    base: usize,
    out: &'o mut Vec<Token>,
    lex: &'static Lexicon,
    /// End of the last word or number pushed: an apostrophe right there is a clitic.
    last_end: Option<usize>,
}

/// A run of this many identical quotation marks or more is one token, as a
/// run of dashes or exclamation marks is: no prose repeats a mark three
/// times, and a token for each would make junk input cost a token a byte.
const MARK_RUN: usize = 3;

impl Lexer<'_, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while let Some(&byte) = self.b.get(i) {
            i = if byte < 0x80 { self.ascii(i, byte) } else { self.unicode(i) };
        }
    }

    /// Record a token and return where it ends, extended over any combining
    /// marks that follow it.
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) -> usize {
        let end = if chars::is_boundary(self.s, end) { end } else { self.grapheme_end(end) };
        self.out.push(Token { span: Span::new(self.base + start, self.base + end), kind });
        self.last_end = matches!(kind, TokenKind::Word | TokenKind::Number).then_some(end);
        end
    }

    /// The end of the grapheme cluster that contains byte `i`.
    fn grapheme_end(&self, mut i: usize) -> usize {
        while !chars::is_boundary(self.s, i) {
            i = chars::next_boundary(self.s, i);
        }
        i
    }

    /// A token of one grapheme cluster starting at `i`.
    fn single(&mut self, i: usize, kind: TokenKind) -> usize {
        let end = chars::next_boundary(self.s, i);
        self.push(i, end, kind)
    }

    /// The end of a run of the byte `byte` starting at `i`.
    fn run_of(&self, i: usize, byte: u8) -> usize {
        i + self.b[i..].iter().take_while(|&&x| x == byte).count()
    }

    fn ascii(&mut self, i: usize, byte: u8) -> usize {
        use TokenKind::{Punct, Quote, Symbol};
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => self.word(i, i),
            0..=b' ' | 0x7f => i + 1,
            b'\'' => self.apostrophe(i, 1),
            b'"' => {
                let end = self.run_of(i, b'"');
                self.push(i, if end - i >= MARK_RUN { end } else { i + 1 }, Quote)
            }
            b'`' => {
                let end = if self.b.get(i + 1) == Some(&b'`') { i + 2 } else { i + 1 };
                self.push(i, end, Quote)
            }
            b'.' => self.period(i),
            b'!' | b'?' => {
                let end = i + self.b[i..].iter().take_while(|&&x| x == b'!' || x == b'?').count();
                self.push(i, end, Punct)
            }
            // A sign before a number belongs to it ("-11 points", "+32").
            b'-' | b'+' if self.digit_at(i + 1) => self.word(i, i + 1),
            b'-' => {
                let end = self.run_of(i, b'-');
                self.push(i, end, Punct)
            }
            b'_' | b'*' | b'=' => {
                let end = self.run_of(i, byte);
                self.push(i, end, Symbol)
            }
            b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => self.push(i, i + 1, Punct),
            b'#' if self.letter_at(i + 1) => self.word(i, i + 1),
            b'@' if self.handle_char_at(i + 1) => {
                let end = i + 1 + self.b[i + 1..].iter().take_while(|&&x| Self::is_handle_byte(x)).count();
                self.push(i, end, TokenKind::Word)
            }
            b'<' => match self.markup_end(i) {
                Some(end) => self.push(i, end, Symbol),
                None => self.push(i, i + 1, Symbol),
            },
            _ => self.single(i, Symbol),
        }
    }

    fn unicode(&mut self, i: usize) -> usize {
        use TokenKind::{Punct, Quote, Symbol};
        let Some(c) = char_at(self.s, i) else {
            return i + 1;
        };
        let len = c.len_utf8();
        if chars::is_space(c) {
            i + len
        } else if chars::is_alnum(c) {
            self.word(i, i)
        } else if c == '’' || c == '‘' || c == '‛' {
            self.apostrophe(i, len)
        } else if c == '“' && self.s[i + len..].starts_with('‘') {
            // A quotation opening inside a quotation is one token, like "’”".
            self.push(i, i + len + '‘'.len_utf8(), Quote)
        } else if chars::is_quote(c) {
            let mut end = i + len;
            while char_at(self.s, end) == Some(c) {
                end += len;
            }
            if (end - i) / len >= MARK_RUN { self.push(i, end, Quote) } else { self.single(i, Quote) }
        } else if chars::is_dash(c) {
            let mut end = i + len;
            while char_at(self.s, end) == Some(c) {
                end += len;
            }
            self.push(i, end, Punct)
        } else if chars::is_terminal(c) || chars::is_punct(c) {
            self.single(i, Punct)
        } else if chars::is_word_hyphen(c) {
            self.push(i, i + len, Punct)
        } else {
            self.single(i, Symbol)
        }
    }

    /// A period that did not attach to a word: an ellipsis, a decimal such
    /// as ".5", or a full stop.
    fn period(&mut self, i: usize) -> usize {
        if self.b[i..].starts_with(b". . .") {
            return self.push(i, i + 5, TokenKind::Punct);
        }
        let end = self.run_of(i, b'.');
        if end == i + 1 && self.last_end != Some(i) && self.b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return self.word(i, i + 1);
        }
        self.push(i, end, TokenKind::Punct)
    }

    /// An apostrophe (of `len` bytes) that starts a token: a clitic ("’s",
    /// "’ll") after a word, a shortened decade ("’90s"), an elided word
    /// ("’cause"), or a quotation mark.
    fn apostrophe(&mut self, i: usize, len: usize) -> usize {
        let after = i + len;
        if self.last_end == Some(i)
            && let Some(end) = self.clitic_end(after)
        {
            return self.push(i, end, TokenKind::Word);
        }
        let digits = self.b[after..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 2 && matches!(self.b.get(after + 2), Some(b's')) && !self.alnum_at(after + 3) {
            return self.push(i, after + 3, TokenKind::Number);
        }
        let letters = self.b[after..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if letters > 0
            && !self.alnum_at(after + letters)
            && self.lex.is_elision(&self.s[after..after + letters])
        {
            return self.push(i, after + letters, TokenKind::Word);
        }
        // "''" is one closing quote, and so is "’”" (a quotation inside a quotation).
        let end = match (len, self.b.get(after)) {
            (1, Some(b'\'')) => after + 1,
            (3, Some(0xE2)) if self.s[after..].starts_with('”') => after + '”'.len_utf8(),
            _ => after,
        };
        self.push(i, end, TokenKind::Quote)
    }

    /// The end of the clitic ("s", "d", "m", "ll", "re", "ve") that starts
    /// at `i`, right after an apostrophe, if one does.
    fn clitic_end(&self, i: usize) -> Option<usize> {
        let lower = |k: usize| self.b.get(i + k).map(u8::to_ascii_lowercase);
        let len = match (lower(0)?, lower(1)) {
            (b's' | b'd' | b'm', _) => 1,
            (b'l', Some(b'l')) | (b'r' | b'v', Some(b'e')) => 2,
            _ => return None,
        };
        (!self.alnum_at(i + len)).then_some(i + len)
    }

    /// True when the char at `i` is a letter or digit.
    #[inline]
    fn alnum_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
            Some(_) => char_at(self.s, i).is_some_and(chars::is_alnum),
        }
    }

    /// True when the char at `i` is a letter.
    #[inline]
    fn letter_at(&self, i: usize) -> bool {
        match self.b.get(i) {
            None => false,
            Some(&b) if b < 0x80 => b.is_ascii_alphabetic(),
            Some(_) => char_at(self.s, i).is_some_and(char::is_alphabetic),
        }
    }

    fn is_handle_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    fn handle_char_at(&self, i: usize) -> bool {
        self.b.get(i).is_some_and(|&b| Self::is_handle_byte(b))
    }

    /// The end of a markup tag ("<br/>", "</p>") starting at `i`, when it
    /// closes on the same line within a thousand bytes.
    fn markup_end(&self, i: usize) -> Option<usize> {
        let next = *self.b.get(i + 1)?;
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
            return None;
        }
        let rest = &self.b[i + 1..self.b.len().min(i + 1000)];
        let close = rest.iter().position(|&b| matches!(b, b'>' | b'<' | b'\n'))?;
        (rest[close] == b'>').then_some(i + 1 + close + 1)
    }
}

#[cfg(test)]
mod tests;

/// Tokens split at single spaces only, for text that is already tokenised
/// ("Mr. Smith said “ yes ” ."), such as corpora and hand-made examples.
#[must_use]
pub fn pretokenised(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        if !word.is_empty() {
            out.push(Token { span: Span::new(at, at + word.len()), kind: TokenKind::Word });
        }
        at += word.len() + 1;
    }
    out
}
