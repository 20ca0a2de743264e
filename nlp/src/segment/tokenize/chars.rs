//! Character classes for the tokenizer, and grapheme boundaries so that a
//! token never ends between a letter and its combining mark or inside an
//! emoji sequence.

use unicode_segmentation::GraphemeCursor;

/// The char starting at byte `i` of `s`, if `i` is a char boundary inside `s`.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// True for letters and digits; answers without the Unicode tables for the
/// punctuation block, where news text has most of its non-ASCII characters.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
    }
}

/// White space, control characters and invisible separators: never part of a token.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}')
        || matches!(c, '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Quotation marks other than the ASCII ones, which the lexer handles itself.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '‘' | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '＂'
            | '＇'
    )
}

/// Quotation marks that can only close a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '’' | '”' | '»' | '›' | '」' | '』')
}

/// Dashes; a run of the same dash is one token.
pub fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}')
}

/// Hyphens that join the parts of a word, like ASCII '-'.
pub fn is_word_hyphen(c: char) -> bool {
    matches!(c, '\u{2010}' | '\u{2011}')
}

/// Marks that end a sentence, in any script.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '।'
            | '॥'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '።'
            | '჻'
    )
}

/// Other punctuation that is a token of kind `Punct`.
pub fn is_punct(c: char) -> bool {
    matches!(
        c,
        '…' | '¡'
            | '¿'
            | '·'
            | '•'
            | '‥'
            | '、'
            | '，'
            | '；'
            | '：'
            | '（'
            | '）'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '،'
            | '؛'
    )
}

/// True for characters that can never continue the grapheme before them,
/// so the grapheme tables need not be consulted (Latin letters, spaces,
/// general punctuation, currency signs).
#[inline]
fn never_extends(c: char) -> bool {
    matches!(c, '\u{00A0}'..='\u{02FF}' | '\u{2000}'..='\u{200B}' | '\u{200E}'..='\u{20CF}')
}

/// True when byte `i` of `s` starts a new grapheme cluster.
#[inline]
pub fn is_boundary(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        Some(&b) if b >= 0x80 => is_boundary_slow(s, i),
        _ => true,
    }
}

/// [`is_boundary`] before a non-ASCII char.
#[cold]
fn is_boundary_slow(s: &str, i: usize) -> bool {
    if char_at(s, i).is_none_or(never_extends) {
        return true;
    }
    GraphemeCursor::new(i, s.len(), true).is_boundary(s, 0).unwrap_or(true)
}

/// The first grapheme boundary after byte `i` (a char boundary inside `s`).
pub fn next_boundary(s: &str, i: usize) -> usize {
    let one_char = i + char_at(s, i).map_or(1, char::len_utf8);
    if is_boundary(s, one_char) {
        return one_char;
    }
    match GraphemeCursor::new(i, s.len(), true).next_boundary(s, 0) {
        Ok(Some(next)) if next > i => next,
        _ => one_char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_marks_and_emoji_sequences_are_not_boundaries() {
        let s = "e\u{301}x👍🏽y🇺🇸";
        assert!(!is_boundary(s, 1));
        assert!(is_boundary(s, 3));
        let thumb = s.find('👍').unwrap_or(0);
        assert!(!is_boundary(s, thumb + 4));
        assert_eq!(next_boundary(s, thumb), thumb + 8);
        let flag = s.find('🇺').unwrap_or(0);
        assert_eq!(next_boundary(s, flag), s.len());
        assert!(is_boundary(s, s.len()));
    }

    #[test]
    fn classes() {
        assert!(is_space('\u{A0}') && is_space('\u{200F}') && is_space('\u{7}'));
        assert!(!is_space('a'));
        assert!(is_quote('“') && is_closing_quote('”') && !is_closing_quote('“'));
        assert!(is_dash('—') && is_dash('–') && !is_dash('-'));
        assert!(is_terminal('。') && is_punct('…'));
    }
}
