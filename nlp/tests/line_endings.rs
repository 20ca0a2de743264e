//! An article reads the same whatever ends its lines: LF, CRLF, CR alone
//! (old Mac files), or Unicode's paragraph and line separators.

use sayso_nlp::{Annotation, Annotator};

const SAMPLE: &str = include_str!("../../assets/sample/alaska-summit.txt");

/// Who said what, as text: (content, cue, source, speaker) of every quote.
fn said(text: &str, ann: &Annotation) -> Vec<(String, String, String, String)> {
    let slice = |s: Option<sayso_nlp::Span>| s.map(|s| s.slice(text).to_owned()).unwrap_or_default();
    ann.quotes
        .iter()
        .map(|q| {
            let speaker =
                q.speaker.and_then(|k| ann.speakers.get(k)).map(|s| s.name.clone()).unwrap_or_default();
            (slice(Some(q.content)), slice(q.cue), slice(q.source), speaker)
        })
        .collect()
}

#[test]
fn every_line_ending_gives_the_same_paragraphs_and_attributions() {
    let annotator = Annotator::new().expect("models load");
    let lf = SAMPLE.replace("\r\n", "\n");
    let reference = annotator.annotate(&lf);
    let expected = said(&lf, &reference);
    assert!(expected.len() > 20, "the sample has many attributions");
    for (name, ending) in [("CR", "\r"), ("CRLF", "\r\n"), ("U+2029", "\u{2029}"), ("U+2028", "\u{2028}")] {
        let text = lf.replace('\n', ending);
        let ann = annotator.annotate(&text);
        assert_eq!(ann.paragraphs.len(), reference.paragraphs.len(), "{name}");
        assert_eq!(said(&text, &ann), expected, "{name}");
    }
}
