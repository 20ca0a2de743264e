//! Splits a paragraph's tokens into sentences.
//!
//! The tokenizer has already decided which periods are abbreviations (they
//! stay inside their word) and which end a sentence (they are tokens of
//! their own), so a sentence ends at every full stop, question mark or
//! exclamation mark. Closing quotation marks and brackets right after it
//! belong to the sentence that ends.

use std::ops::Range;

use crate::annotation::{Token, TokenKind};
use crate::segment::tokenize::chars;

/// Split `tokens[range]` into sentences: non-empty token ranges that cover
/// `range` in order. A paragraph without final punctuation is one sentence.
#[must_use]
pub fn split(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let end = range.end.min(tokens.len());
    let mut out = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while i < end {
        if !ends_sentence(text, tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < end && closes(text, tokens[j - 1], tokens[j]) {
            j += 1;
        }
        out.push(start..j);
        start = j;
        i = j;
    }
    if start < end {
        out.push(start..end);
    }
    out
}

/// True for a full stop, question or exclamation mark (or a run of them).
fn ends_sentence(text: &str, token: Token) -> bool {
    if token.kind != TokenKind::Punct {
        return false;
    }
    let s = token.span.slice(text);
    match s.as_bytes() {
        [b'.'] => true,
        [first, ..] if first.is_ascii() => s.bytes().all(|b| b == b'!' || b == b'?'),
        _ => s.chars().all(chars::is_terminal),
    }
}

/// True when `token`, right after `prev`, still belongs to the sentence
/// `prev` ends: a closing quotation mark or bracket, or more final punctuation.
fn closes(text: &str, prev: Token, token: Token) -> bool {
    let attached = token.span.start == prev.span.end;
    let s = token.span.slice(text);
    match s {
        ")" | "]" | "}" => true,
        "\"" | "'" | "''" | "`" => attached,
        _ if token.kind == TokenKind::Quote => s.chars().next().is_some_and(chars::is_closing_quote),
        _ => attached && ends_sentence(text, token),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize::{tokenize, tokenize_into};
    use crate::text::Span;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split(text, &tokens, 0..tokens.len())
            .into_iter()
            .map(|r| Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end).slice(text))
            .collect()
    }

    #[test]
    fn full_stops_questions_and_exclamations_end_sentences() {
        assert_eq!(sentences("He left. She stayed! Why? No"), ["He left.", "She stayed!", "Why?", "No"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Sen. Jones in the U.S. Senate on Sept. 11 at 9 a.m. on Friday."),
            ["Mr. Smith met Sen. Jones in the U.S. Senate on Sept. 11 at 9 a.m. on Friday."]
        );
        assert_eq!(
            sentences("George W. Bush and George H.W. Bush spoke."),
            ["George W. Bush and George H.W. Bush spoke."]
        );
    }

    #[test]
    fn an_abbreviation_before_a_sentence_opener_ends_the_sentence() {
        assert_eq!(
            sentences("He lives in the U.S. The next day he left."),
            ["He lives in the U.S.", "The next day he left."]
        );
        assert_eq!(
            sentences("They met in Sacramento, Calif. Brown spoke."),
            ["They met in Sacramento, Calif.", "Brown spoke."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_the_sentence() {
        assert_eq!(
            sentences("He said, “It is over.” Then he left."),
            ["He said, “It is over.”", "Then he left."]
        );
        assert_eq!(
            sentences("(It was late.) \"Go.\" \"Now,\" she said."),
            ["(It was late.)", "\"Go.\"", "\"Now,\" she said."]
        );
        assert_eq!(sentences("Was it ‘over?’ Maybe."), ["Was it ‘over?’", "Maybe."]);
    }

    #[test]
    fn a_straight_quote_after_a_space_opens_the_next_sentence() {
        assert_eq!(sentences("He left. \"Why?\" she asked."), ["He left.", "\"Why?\"", "she asked."]);
    }

    #[test]
    fn ellipses_do_not_end_sentences_but_runs_of_marks_do() {
        assert_eq!(sentences("Well… maybe... yes?! Fine."), ["Well… maybe... yes?!", "Fine."]);
    }

    #[test]
    fn a_paragraph_without_final_punctuation_is_one_sentence() {
        assert_eq!(sentences("Trump meets Putin in Alaska"), ["Trump meets Putin in Alaska"]);
        assert!(sentences("").is_empty());
    }

    #[test]
    fn other_scripts_end_sentences_too() {
        assert_eq!(sentences("你好。世界！"), ["你好。", "世界！"]);
    }

    #[test]
    fn splits_only_inside_the_given_range() {
        let text = "A b. C d. E f.";
        let mut tokens = Vec::new();
        tokenize_into(text, Span::new(0, 9), &mut tokens);
        let first = tokens.len();
        tokenize_into(text, Span::new(10, text.len()), &mut tokens);
        assert_eq!(split(text, &tokens, first..tokens.len()), vec![first..tokens.len()]);
        assert_eq!(split(text, &tokens, 0..first), vec![0..3, 3..first]);
        assert!(split(text, &tokens, 2..2).is_empty());
    }
}
