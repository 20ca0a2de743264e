//! The whole annotator on arbitrary input: no panic, and every span valid.

use proptest::prelude::*;
use std::sync::LazyLock;

use sayso_nlp::{Annotator, Span};

static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(|| Annotator::new().expect("embedded models load"));

fn on_boundaries(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

/// Text with the characters news, quotes and hostile input are made of.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Trump",
        "said",
        " ",
        "\n",
        "\n\n",
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        ".",
        ",",
        "U.S.",
        "Mr.",
        "he",
        "—",
        "…",
        "Sept. 11",
        "$5",
        "3.5%",
        "according to",
        "Kupchan",
        "«",
        "»",
        "\u{202e}",
        "\u{0}",
        "é",
        "🙂",
        "a\u{301}",
        "\r\n",
        "told",
        "that",
        "The",
        "President",
        ":",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn check(annotator: &Annotator, text: &str) {
    let ann = annotator.annotate(text);
    assert_eq!(ann.pos.len(), ann.tokens.len());
    for t in &ann.tokens {
        assert!(on_boundaries(text, t.span) && !t.span.is_empty());
    }
    for s in &ann.sentences {
        assert!(on_boundaries(text, s.span));
        assert!(s.tokens.end <= ann.tokens.len());
    }
    for p in &ann.paragraphs {
        assert!(on_boundaries(text, p.span));
    }
    let mut last_end = 0;
    for e in &ann.entities {
        assert!(on_boundaries(text, e.span));
        assert!(e.span.start >= last_end, "entities do not overlap");
        last_end = e.span.end;
    }
    for q in &ann.quotes {
        assert!(on_boundaries(text, q.content));
        for f in &q.content_fragments {
            assert!(on_boundaries(text, *f) && q.content.contains(*f));
        }
        for role in [q.cue, q.source].into_iter().flatten() {
            assert!(on_boundaries(text, role));
            let pieces =
                if q.content_fragments.is_empty() { vec![q.content] } else { q.content_fragments.clone() };
            assert!(pieces.iter().all(|c| !c.overlaps(role)), "content overlaps its own source or cue");
        }
        if let Some(s) = q.speaker {
            assert!(s < ann.speakers.len());
        }
    }
    for s in &ann.speakers {
        assert!(s.mentions.iter().all(|&m| on_boundaries(text, m)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_unicode_is_annotated_safely(text in "\\PC{0,300}") {
        check(&ANNOTATOR, &text);
    }

    #[test]
    fn newsy_fragments_are_annotated_safely(text in newsy()) {
        check(&ANNOTATOR, &text);
    }
}
