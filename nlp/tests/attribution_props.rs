//! Attribution finding on arbitrary quote-heavy text: no panic, spans on
//! char boundaries inside the text, no content overlapping its own source
//! or cue, and quotations that never leave their paragraph.

use std::sync::LazyLock;

use proptest::prelude::*;
use sayso_nlp::attribution::quotes;
use sayso_nlp::{Annotator, QuoteKind, Span};

static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(|| Annotator::new().expect("embedded models load"));

fn on_boundaries(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

/// Sentences built from the pieces attributions are made of: marks of every
/// kind, names, pronouns, cues, dashes, apostrophes and line breaks.
fn quote_heavy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "''",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        " ― ",
        "He",
        "she",
        "Kupchan",
        "Mr. Obama",
        "the official",
        "said",
        "says",
        "told reporters",
        "according to",
        "added",
        "that",
        "we’ve",
        "Int’l",
        "’90s",
        "voters’",
        "This is a war",
        "time is on his side",
        "é",
        "🙂",
        "\u{301}",
        "\r\n",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let ann = ANNOTATOR.annotate(text);
    for q in &ann.quotes {
        assert!(on_boundaries(text, q.content) && !q.content.is_empty());
        let pieces =
            if q.content_fragments.is_empty() { vec![q.content] } else { q.content_fragments.clone() };
        for f in &pieces {
            assert!(on_boundaries(text, *f) && q.content.contains(*f));
        }
        assert!(pieces.windows(2).all(|w| w[0].end <= w[1].start), "fragments in order, apart");
        for role in [q.cue, q.source].into_iter().flatten() {
            assert!(on_boundaries(text, role) && !role.is_empty());
            assert!(pieces.iter().all(|c| !c.overlaps(role)), "content overlaps its own source or cue");
        }
        if let (Some(c), Some(s)) = (q.cue, q.source) {
            assert!(!c.overlaps(s), "cue overlaps source");
        }
        if q.kind == QuoteKind::Direct {
            assert!(
                pieces.iter().all(|p| !p.slice(text).contains('\n')),
                "a direct quote stays in its paragraph"
            );
        }
    }
    let paragraphs: Vec<Span> = ann.paragraphs.iter().map(|p| p.span).collect();
    for q in quotes::find(text, &paragraphs) {
        assert!(on_boundaries(text, q.content) && on_boundaries(text, q.open));
        let home = paragraphs.iter().find(|p| p.contains(q.open)).copied();
        assert!(home.is_some_and(|p| p.contains(q.content)), "a quotation never leaves its paragraph");
        if let Some(c) = q.close {
            assert!(on_boundaries(text, c) && q.open.end <= q.content.start && q.content.end <= c.start);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn quote_heavy_text_is_attributed_safely(text in quote_heavy()) {
        check(&text);
    }

    #[test]
    fn any_text_is_attributed_safely(text in "\\PC{0,400}") {
        check(&text);
    }
}
