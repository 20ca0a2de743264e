//! Properties of the tokenizer and sentence splitter on arbitrary text.

use proptest::prelude::*;
use sayso_nlp::segment::{article, sentences, tokenize};
use sayso_nlp::{Span, Token};

/// Pieces that exercise the tokenizer's special cases, glued at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<char>().prop_map(String::from),
        "[a-zA-Z0-9]{1,6}",
        "[ .,;:!?'\"`()\\[\\]{}<>/@#&_*=+$%-]{1,4}",
        prop::sample::select(vec![
            "Mr.",
            "U.S.",
            "U.S",
            "a.m.",
            "No.",
            "Calif.",
            "Int’l",
            "H.W.",
            "’s",
            "n’t",
            "'s",
            "n't",
            "’90s",
            "’cause",
            "cannot",
            "http://",
            "https://x.co/a",
            "www.",
            ".com",
            "@",
            "x@y.org",
            "…",
            "...",
            ". . .",
            "—",
            "–",
            "--",
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "''",
            "``",
            "\u{301}",
            "\u{200D}",
            "\u{FE0F}",
            "👍🏽",
            "👨‍👩‍👧",
            "🇺🇸",
            "\u{1F1FA}",
            "\u{200F}",
            "\u{202E}",
            "שָׁלוֹם",
            "مرحبا",
            "ह\u{94D}",
            "你好。",
            "\u{0}",
            "\u{7}",
            "\u{7F}",
            "\u{85}",
            "\u{A0}",
            "\u{AD}",
            "\u{FEFF}",
            "\r\n",
            "\n",
            "\t",
            " ",
            "\u{600}1",
            "ﷺ",
            "Ⅻ",
            "²",
            "٣",
            "ß",
            "İ",
        ])
        .prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// Check every token property for the tokens of `text[span]`.
fn check_tokens(text: &str, span: Span, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut previous_end = span.start;
    for token in tokens {
        let s = token.span;
        prop_assert!(s.start < s.end, "empty token {s:?}");
        prop_assert!(span.contains(s), "token {s:?} outside {span:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} splits a char");
        prop_assert!(s.start >= previous_end, "token {s:?} overlaps or is out of order");
        prop_assert!(!s.slice(text).chars().all(char::is_whitespace), "white-space token {s:?}");
        // What lies between tokens is only white space or invisible separators.
        let gap = &text[previous_end..s.start];
        prop_assert!(!gap.chars().any(char::is_alphanumeric), "skipped {gap:?}");
        previous_end = s.end;
    }
    let tail = &text[previous_end..span.end];
    prop_assert!(!tail.chars().any(char::is_alphanumeric), "skipped {tail:?}");
    Ok(())
}

/// Check that `ranges` cover `range` in order, none empty.
fn check_sentences(
    ranges: &[std::ops::Range<usize>],
    range: std::ops::Range<usize>,
) -> Result<(), TestCaseError> {
    let mut next = range.start;
    for r in ranges {
        prop_assert!(r.start == next && r.start < r.end, "sentence {r:?} does not follow {next}");
        next = r.end;
    }
    prop_assert_eq!(next, range.end.max(range.start));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn whole_text(text in text()) {
        let tokens = tokenize::tokenize(&text);
        check_tokens(&text, Span::new(0, text.len()), &tokens)?;
        let ranges = sentences::split(&text, &tokens, 0..tokens.len());
        check_sentences(&ranges, 0..tokens.len())?;
    }

    #[test]
    fn any_sub_span_and_token_range(text in text(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        let span = Span::new(x.min(y), x.max(y));
        let mut tokens = tokenize::tokenize("leading words.");
        let first = tokens.len();
        tokenize::tokenize_into(&text, span, &mut tokens);
        check_tokens(&text, span, &tokens[first..])?;
        let ranges = sentences::split(&text, &tokens[..], first..tokens.len());
        check_sentences(&ranges, first..tokens.len())?;
    }

    #[test]
    fn paragraphs_as_the_pipeline_reads_them(text in text()) {
        for block in article::blocks(&text) {
            let mut tokens = Vec::new();
            tokenize::tokenize_into(&text, block.span, &mut tokens);
            check_tokens(&text, block.span, &tokens)?;
            check_sentences(&sentences::split(&text, &tokens, 0..tokens.len()), 0..tokens.len())?;
        }
    }

    #[test]
    fn arbitrary_unicode_never_breaks(text in any::<String>()) {
        let tokens = tokenize::tokenize(&text);
        check_tokens(&text, Span::new(0, text.len()), &tokens)?;
        check_sentences(&sentences::split(&text, &tokens, 0..tokens.len()), 0..tokens.len())?;
    }
}

#[test]
fn a_span_off_char_boundaries_or_out_of_range_gives_nothing() {
    let mut tokens = Vec::new();
    tokenize::tokenize_into("é", Span::new(1, 2), &mut tokens);
    tokenize::tokenize_into("ab", Span::new(1, 9), &mut tokens);
    tokenize::tokenize_into("ab", Span::new(2, 1), &mut tokens);
    assert!(tokens.is_empty());
    let (from, to) = (3, 1);
    assert!(sentences::split("ab", &tokens, from..to).is_empty());
}
