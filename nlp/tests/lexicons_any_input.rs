//! The gazetteer and the numeric rules on arbitrary text: no panic, one
//! flag set per token, and entities that are ordered, disjoint and aligned
//! with the tokens they name.

use proptest::prelude::*;
use sayso_nlp::entities::gazetteer::{self, Gazetteer};
use sayso_nlp::entities::rules;
use sayso_nlp::segment::tokenize;
use sayso_nlp::{Entity, Token};

fn check_entities(text: &str, tokens: &[Token], entities: &[Entity]) {
    for e in entities {
        assert!(e.tokens.start < e.tokens.end && e.tokens.end <= tokens.len());
        assert_eq!(e.span.start, tokens[e.tokens.start].span.start);
        assert_eq!(e.span.end, tokens[e.tokens.end - 1].span.end);
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert_eq!(e.speaker, None);
    }
    for pair in entities.windows(2) {
        assert!(pair[0].tokens.end <= pair[1].tokens.start);
    }
}

fn space_tokens(text: &str) -> Vec<Token> {
    sayso_nlp::segment::tokenize::pretokenised(text)
}

fn check(text: &str) {
    check_tokens(text, &tokenize::tokenize(text));
    check_tokens(text, &space_tokens(text));
}

fn check_tokens(text: &str, tokens: &[Token]) {
    let mut flags = Vec::new();
    Gazetteer::embedded().mark(text, tokens, &mut flags);
    assert_eq!(flags.len(), tokens.len());
    check_entities(text, tokens, &gazetteer::title_entities(tokens, &flags));
    check_entities(text, tokens, &rules::numeric_entities(text, tokens));
}

proptest! {
    #[test]
    fn any_unicode(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn news_like_words(words in prop::collection::vec(
        prop::sample::select(vec![
            "$", "5", "3.5%", "million", "percent", "per", "cent", "Sept.", "Sept", ".", "11", ",",
            "2016", "May", "last", "week", "ago", "two", "9:30", "a.m.", "ET", "noon", "Friday",
            "night", "mid-2020", "'90s", "11th", "of", "July", "President", "deputy", "Secretary",
            "State", "New", "York", "US", "the", "’s", "Bank", "America", "€20", "5m", "9am",
        ]),
        0..40,
    )) {
        check(&words.join(" "));
    }
}
