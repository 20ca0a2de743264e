//! A small made-up article, annotated by hand, for tests and benchmarks of
//! the reader that must not depend on what the engine finds today.

use sayso_nlp::{
    Act, Annotation, Entity, EntityLabel, Paragraph, Quote, QuoteKind, Sentence, Span, Speaker, Token,
    TokenKind,
};

use crate::app::document::Document;

/// The article: a headline and seven paragraphs.
pub const TEXT: &str = "\
Harbour town votes to rebuild its storm-wrecked pier
The council of Port Elmsworth voted on Tuesday to rebuild the pier that a winter storm tore apart in January. Mayor Elena Ortiz called the decision “a promise kept to every family who fishes here.”
The vote was seven to two. Councillor Sam Whitfield, who voted against, said the town could not afford the £4.2 million bill and warned that “the sea will take it back within a decade.”
Ortiz said the Coastal Heritage Trust had pledged half of the cost. “We are not doing this alone,” she said. “The Trust stands with us, and so does the county.”
Fisherman Tom Reyes, whose boat has been moored in Halbury since the storm, welcomed the news. “Three months of driving an hour to my own boat,” he said. “I’ll believe it when I can walk out to her again.”
A spokesperson for the Coastal Heritage Trust confirmed the pledge and said work could begin in the spring.
Whitfield said he would ask the county auditor to review the contract. He added that he hoped he was wrong.
Ortiz said the new pier would be built to survive “the storms we have now, not the storms we had.” Construction is expected to take fourteen months.
";

/// The span of the `nth` (from 0) occurrence of `needle` after `from`.
fn find(text: &str, needle: &str, from: usize, nth: usize) -> Span {
    let mut at = from;
    let mut hit = 0;
    loop {
        let Some(i) = text.get(at..).and_then(|t| t.find(needle)) else {
            return Span::new(0, 0);
        };
        let start = at + i;
        if hit == nth {
            return Span::new(start, start + needle.len());
        }
        hit += 1;
        at = start + needle.len();
    }
}

/// The start of paragraph `p` (0 is the headline).
fn para(text: &str, p: usize) -> usize {
    text.split_inclusive('\n').take(p).map(str::len).sum()
}

/// The article's annotation, made by hand.
#[must_use]
pub fn annotation() -> Annotation {
    let t = TEXT;
    let mut ann = Annotation::default();
    let mut offset = 0;
    for (i, line) in t.split_inclusive('\n').enumerate() {
        let body = line.trim_end();
        let span = Span::new(offset, offset + body.len());
        let first = ann.sentences.len();
        // Sentences end at . ? or ! (and a closing quote) before a space.
        let mut start = 0;
        let bytes = body.as_bytes();
        for (j, _) in body.match_indices(' ') {
            let before = body[..j].trim_end_matches('”');
            if before.ends_with(['.', '?', '!']) && bytes.get(j + 1).is_some_and(u8::is_ascii_uppercase) {
                ann.sentences.push(Sentence { span: Span::new(offset + start, offset + j), tokens: 0..0 });
                start = j + 1;
            }
        }
        ann.sentences.push(Sentence { span: Span::new(offset + start, offset + body.len()), tokens: 0..0 });
        ann.paragraphs.push(Paragraph { span, sentences: first..ann.sentences.len(), headline: i == 0 });
        offset += line.len();
    }
    ann.title = ann.paragraphs.first().map(|p| p.span);
    for (start, word) in t.split_whitespace().map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w)) {
        ann.tokens.push(Token { span: Span::new(start, start + word.len()), kind: TokenKind::Word });
    }
    ann.speakers = vec![
        speaker("Elena Ortiz", EntityLabel::Person),
        speaker("Sam Whitfield", EntityLabel::Person),
        speaker("Tom Reyes", EntityLabel::Person),
        speaker("Coastal Heritage Trust spokesperson", EntityLabel::Misc),
    ];
    let q = |p: usize, content: &str, cue: &str, source: &str, speaker: usize, kind: QuoteKind| {
        let from = para(t, p);
        Quote {
            content: find(t, content, from, 0),
            content_fragments: Vec::new(),
            cue: Some(find(t, cue, from, 0)),
            source: Some(find(t, source, from, 0)),
            speaker: Some(speaker),
            kind,
            act: Act::Said,
        }
    };
    let mut split = q(
        3,
        "“We are not doing this alone,” she said. “The Trust stands with us, and so does the county.”",
        "said",
        "she",
        0,
        QuoteKind::Direct,
    );
    split.content_fragments = vec![
        find(t, "“We are not doing this alone,”", para(t, 3), 0),
        find(t, "“The Trust stands with us, and so does the county.”", para(t, 3), 0),
    ];
    split.cue = Some(find(t, "said", para(t, 3), 1));
    ann.quotes = vec![
        q(
            1,
            "“a promise kept to every family who fishes here.”",
            "called",
            "Mayor Elena Ortiz",
            0,
            QuoteKind::Direct,
        ),
        q(
            2,
            "the town could not afford the £4.2 million bill",
            "said",
            "Councillor Sam Whitfield",
            1,
            QuoteKind::Indirect,
        ),
        q(
            2,
            "“the sea will take it back within a decade.”",
            "warned",
            "Councillor Sam Whitfield",
            1,
            QuoteKind::Direct,
        ),
        q(
            3,
            "the Coastal Heritage Trust had pledged half of the cost",
            "said",
            "Ortiz",
            0,
            QuoteKind::Indirect,
        ),
        split,
        q(4, "“Three months of driving an hour to my own boat,”", "said", "he", 2, QuoteKind::Direct),
        q(4, "“I’ll believe it when I can walk out to her again.”", "said", "he", 2, QuoteKind::Direct),
        q(
            5,
            "work could begin in the spring",
            "said",
            "A spokesperson for the Coastal Heritage Trust",
            3,
            QuoteKind::Indirect,
        ),
        q(
            6,
            "he would ask the county auditor to review the contract",
            "said",
            "Whitfield",
            1,
            QuoteKind::Indirect,
        ),
        q(
            7,
            "the new pier would be built to survive “the storms we have now, not the storms we had.”",
            "said",
            "Ortiz",
            0,
            QuoteKind::Mixed,
        ),
    ];
    // `entity`: the real-world entity, shared by all its mentions.
    let e = |p: usize, words: &str, nth: usize, label: EntityLabel, speaker: Option<usize>, entity: usize| {
        Entity { span: find(t, words, para(t, p), nth), label, tokens: 0..0, speaker, entity }
    };
    use EntityLabel::{Date, Loc, Money, Org, Person, Title};
    ann.entities = vec![
        e(1, "Port Elmsworth", 0, Loc, None, 0),
        e(1, "Tuesday", 0, Date, None, 1),
        e(1, "January", 0, Date, None, 2),
        e(1, "Mayor", 0, Title, None, 3),
        e(1, "Elena Ortiz", 0, Person, Some(0), 4),
        e(2, "Councillor", 0, Title, None, 5),
        e(2, "Sam Whitfield", 0, Person, Some(1), 6),
        e(2, "£4.2 million", 0, Money, None, 7),
        e(3, "Ortiz", 0, Person, Some(0), 4),
        e(3, "Coastal Heritage Trust", 0, Org, None, 8),
        e(3, "Trust", 1, Org, None, 8),
        e(4, "Tom Reyes", 0, Person, Some(2), 9),
        e(4, "Halbury", 0, Loc, None, 10),
        e(5, "Coastal Heritage Trust", 0, Org, None, 8),
        e(6, "Whitfield", 0, Person, Some(1), 6),
        e(7, "Ortiz", 0, Person, Some(0), 4),
    ];
    ann.entities.sort_by_key(|e| e.span);
    for e in &ann.entities {
        if let Some(s) = e.speaker {
            ann.speakers[s].mentions.push(e.span);
        }
    }
    ann
}

fn speaker(name: &str, label: EntityLabel) -> Speaker {
    Speaker { name: name.to_owned(), label, mentions: Vec::new() }
}

/// The article as the reader holds it.
#[must_use]
pub fn document() -> Document {
    Document::new("harbour.txt".to_owned(), TEXT.to_owned(), annotation())
}

/// The article's body repeated until it has at least `words` words, with
/// every annotation repeated with it (for benchmarks).
#[must_use]
pub fn long_document(words: usize) -> Document {
    let base = annotation();
    let body_start = para(TEXT, 1);
    let body = &TEXT[body_start..];
    let per_copy = TEXT[body_start..].split_whitespace().count().max(1);
    let copies = words.div_ceil(per_copy).max(1);
    let mut text = TEXT[..body_start].to_owned();
    let mut ann = Annotation { title: base.title, speakers: base.speakers.clone(), ..Annotation::default() };
    ann.paragraphs.push(base.paragraphs[0].clone());
    for _ in 0..copies {
        let at = text.len();
        let shift = |s: Span| {
            if s.start >= body_start {
                Span::new(s.start - body_start + at, s.end - body_start + at)
            } else {
                s
            }
        };
        text.push_str(body);
        ann.paragraphs
            .extend(base.paragraphs[1..].iter().map(|p| Paragraph { span: shift(p.span), ..p.clone() }));
        ann.tokens.extend(
            base.tokens
                .iter()
                .filter(|t| t.span.start >= body_start)
                .map(|t| Token { span: shift(t.span), ..*t }),
        );
        ann.entities.extend(base.entities.iter().map(|e| Entity { span: shift(e.span), ..e.clone() }));
        ann.quotes.extend(base.quotes.iter().map(|q| Quote {
            content: shift(q.content),
            content_fragments: q.content_fragments.iter().map(|&f| shift(f)).collect(),
            cue: q.cue.map(shift),
            source: q.source.map(shift),
            ..q.clone()
        }));
    }
    ann.tokens.splice(0..0, base.tokens.iter().filter(|t| t.span.start < body_start).copied());
    Document::new("harbour-long.txt".to_owned(), text, ann)
}

/// Press keys written as in the configuration (`j`, `tab`, `ctrl-d`),
/// separated by spaces; returns whether any of them asked for a redraw.
///
/// # Panics
/// On a key that does not parse (a mistake in the calling test).
#[must_use = "tells whether the screen changed"]
#[allow(clippy::expect_used)]
pub fn press(state: &mut crate::app::State, keys: &str) -> bool {
    let mut changed = false;
    for k in keys.split_whitespace() {
        let key: crate::keymap::Key = k.parse().expect("a key as written in the configuration");
        let event = ratatui::crossterm::event::KeyEvent::new(key.code, key.mods);
        changed |= crate::app::update(state, crate::app::Msg::Key(event));
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_span_of_the_fixture_is_found_and_on_char_boundaries() {
        let ann = annotation();
        let mut spans: Vec<Span> = ann.entities.iter().map(|e| e.span).collect();
        for q in &ann.quotes {
            spans.push(q.content);
            spans.extend(q.content_fragments.iter().copied());
            spans.extend(q.cue);
            spans.extend(q.source);
        }
        for s in spans {
            assert!(!s.is_empty(), "a fixture span was not found");
            assert!(TEXT.is_char_boundary(s.start) && TEXT.is_char_boundary(s.end));
        }
        assert_eq!(ann.paragraphs.len(), 8);
        let long = long_document(2000);
        assert!(long.words >= 2000);
        assert_eq!(long.ann.quotes[10].content.slice(&long.text), ann.quotes[0].content.slice(TEXT));
    }
}
