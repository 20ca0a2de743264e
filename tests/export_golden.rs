//! Golden files of each export format, on a small hand-annotated article,
//! and hostile note text that must come out inert in every format.

use sayso::export::{self, CSV_HEADER, Digest, Format, Meta};
use sayso::store::{Anchor, Correction, Note, NoteId};
use sayso_nlp::{Annotation, EntityLabel, Quote, QuoteKind, Span, Speaker};

const TEXT: &str = "Lighthouse keepers return to Skerry Point
The coastal trust said on Friday that two keepers would live at the Skerry Point light again from next spring.
“A light without a keeper is just a lamp,” said Marta Quayle, the trust's director. She added that volunteers had already repainted the tower.
Local councillor Bram Hollis told the Gazette the plan was \"a costly bit of nostalgia\" and asked who would pay.
Quayle said the trust would raise the money from visitors.
Fishermen, according to the harbour association, welcome a human on the rock after two wrecks in a decade.
";

/// An instant in 2026, so the golden files do not depend on the clock.
const EXPORTED: i64 = 1_790_000_000;

fn span(needle: &str) -> Span {
    let at = TEXT.find(needle).expect("needle present");
    Span::new(at, at + needle.len())
}

/// The span of `word` inside the first occurrence of `context`.
fn within(word: &str, context: &str) -> Span {
    let outer = span(context);
    let at = outer.start + context.find(word).expect("word in context");
    Span::new(at, at + word.len())
}

fn quote(content: &str, cue: Span, source: Span, speaker: Option<usize>, kind: QuoteKind) -> Quote {
    Quote {
        content: span(content),
        content_fragments: Vec::new(),
        cue: Some(cue),
        source: Some(source),
        speaker,
        kind,
        act: sayso_nlp::Act::Said,
    }
}

fn annotation() -> Annotation {
    let person = |name: &str, mentions: &[&str]| Speaker {
        name: name.to_owned(),
        label: EntityLabel::Person,
        mentions: mentions.iter().map(|m| span(m)).collect(),
    };
    Annotation {
        title: Some(span("Lighthouse keepers return to Skerry Point")),
        speakers: vec![
            person("Marta Quayle", &["Marta Quayle", "Quayle said"]),
            person("Bram Hollis", &["Bram Hollis"]),
        ],
        quotes: vec![
            quote(
                "A light without a keeper is just a lamp,",
                within("said", "said Marta"),
                span("Marta Quayle"),
                Some(0),
                QuoteKind::Direct,
            ),
            quote(
                "volunteers had already repainted the tower",
                span("added"),
                within("She", "She added"),
                Some(0),
                QuoteKind::Indirect,
            ),
            quote(
                "the plan was \"a costly bit of nostalgia\"",
                span("told"),
                span("Local councillor Bram Hollis"),
                Some(1),
                QuoteKind::Mixed,
            ),
            quote(
                "the trust would raise the money from visitors",
                within("said", "Quayle said the trust"),
                within("Quayle", "Quayle said the trust"),
                Some(0),
                QuoteKind::Indirect,
            ),
            quote(
                "welcome a human on the rock",
                span("according to"),
                span("the harbour association"),
                None,
                QuoteKind::Indirect,
            ),
        ],
        ..Annotation::default()
    }
}

fn note(id: i64, passage: &str, highlight: bool, body: &str, tags: &[&str]) -> Note {
    let anchor = Anchor::new(TEXT, span(passage));
    Note {
        id: NoteId(id),
        span: Some(Span::new(anchor.start, anchor.end)),
        anchor,
        highlight,
        body: body.to_owned(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        created: EXPORTED - 86_400 + id,
        updated: EXPORTED - 3_600 + id,
    }
}

fn notes() -> Vec<Note> {
    let mut gone = note(5, "Lighthouse keepers", false, "This was about the old cottages.", &[]);
    gone.span = None;
    gone.anchor.exact = "the old cottages were sold".to_owned();
    vec![
        note(1, "A light without a keeper is just a lamp,", true, "", &["lighthouse"]),
        note(
            2,
            "a costly bit of nostalgia",
            false,
            "Ask Hollis for the figures.\nCompare with 2019.",
            &["to check", "budget"],
        ),
        note(3, "from next spring", true, "Which month?", &[]),
        note(4, "two wrecks in a decade", true, "", &[]),
        gone,
    ]
}

fn digest(notes: &[Note]) -> Digest {
    digest_with(notes, true)
}

fn digest_with(notes: &[Note], corrected: bool) -> Digest {
    let meta = Meta {
        id: Some("5a1e0c0ffee0b0a7".to_owned()),
        title: None,
        source: Some("https://example.org/news/skerry-point".to_owned()),
        author: Some("Jo Tern".to_owned()),
        published: Some("2026-03-01".to_owned()),
        site: Some("The Coast Gazette".to_owned()),
    };
    let correction = Correction {
        anchor: Anchor::new(TEXT, span("welcome a human on the rock")),
        span: Some(span("welcome a human on the rock")),
        speaker: "Skerry Harbour Association".to_owned(),
    };
    let corrections = if corrected { vec![correction] } else { Vec::new() };
    export::digest(&meta, TEXT, &annotation(), notes, &corrections)
}

fn render(format: Format, d: &Digest) -> String {
    export::article(format, d, EXPORTED).expect("export")
}

#[test]
fn a_content_in_pieces_is_exported_without_the_words_between_them() {
    let mut ann = annotation();
    let pieces = vec![
        span("A light without a keeper is just a lamp,"),
        span("volunteers had already repainted the tower"),
    ];
    ann.quotes[0].content = pieces[0].cover(pieces[1]);
    ann.quotes[0].content_fragments = pieces;
    let d = export::digest(&Meta::default(), TEXT, &ann, &[], &[]);
    assert_eq!(
        d.attributions[0].content,
        "A light without a keeper is just a lamp, … volunteers had already repainted the tower"
    );
    // The JSON export also carries the passage's anchor, which is the exact
    // text from the first piece to the last, so that it can be found again.
    for format in [Format::Markdown, Format::Csv] {
        let out = render(format, &d);
        assert!(!out.contains("the trust's director"), "{format:?}: {out}");
    }
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!(render(Format::Markdown, &digest(&notes())));
}

#[test]
fn json_golden() {
    insta::assert_snapshot!(render(Format::Json, &digest(&notes())));
}

#[test]
fn csv_golden() {
    insta::assert_snapshot!(render(Format::Csv, &digest(&notes())));
}

#[test]
fn markdown_without_notes_is_the_digest() {
    insta::assert_snapshot!(render(Format::Markdown, &digest_with(&[], false)));
}

#[test]
fn library_markdown_separates_articles() {
    let d = digest(&notes());
    let out = export::library(Format::Markdown, &[d.clone(), d], EXPORTED).expect("export");
    assert_eq!(out.matches("\n* * *\n").count(), 2);
    assert_eq!(out.matches("\n# Lighthouse keepers return to Skerry Point\n").count(), 2);
    assert!(out.starts_with("---\ntitle: \"sayso library\"\n"));
    let json = export::library(Format::Json, &[digest(&[])], EXPORTED).expect("export");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}

/// Note bodies and tags a careless or hostile source could produce.
const HOSTILE: &[&str] = &[
    "He said \"no\", then 'yes', then \"\"maybe\"\".",
    "a,b,,c\r\nnext line\n\nlast",
    "---\ntitle: injected\n---",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "\u{1b}[31mred\u{1b}[0m and \u{1b}]52;c;aGk=\u{7} osc",
    "evil \u{202e}txt.exe\u{202c} and zero\u{200b}width",
    "# not a heading\n> not a quote\n- not a list\n1. nor this\n<script>alert(1)</script> [x](javascript:alert(1))",
];

fn hostile_notes() -> Vec<Note> {
    HOSTILE
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let id = i64::try_from(i).expect("small") + 10;
            note(
                id,
                if i % 2 == 0 { "from next spring" } else { "just a lamp" },
                true,
                body,
                &[body, "ok tag"],
            )
        })
        .collect()
}

fn unsafe_free(s: &str) {
    assert!(
        !s.chars().any(|c| c != '\r' && sayso_nlp::text::is_unsafe_char(c)),
        "unsafe character left in:\n{s}"
    );
}

#[test]
fn hostile_notes_round_trip_through_csv() {
    let out = render(Format::Csv, &digest(&hostile_notes()));
    unsafe_free(&out.replace("\r\n", "\n"));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(header, CSV_HEADER);
    assert_eq!(&header[..7], ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date"]);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("every row parses");
    let notes: Vec<&str> = rows.iter().map(|r| &r[4]).collect();
    for body in HOSTILE {
        let clean = sayso_nlp::text::sanitize(body);
        assert!(notes.iter().any(|n| n.contains(clean.trim())), "{clean:?} missing from {notes:?}");
    }
    assert!(
        notes.iter().filter(|n| !n.is_empty()).all(|n| n.contains(".ok_tag")),
        "tags appended Readwise-style"
    );
    assert!(rows.iter().all(|r| r.len() == 9 && r[1] == *"Lighthouse keepers return to Skerry Point"));
}

#[test]
fn hostile_notes_round_trip_through_json() {
    let out = render(Format::Json, &digest(&hostile_notes()));
    unsafe_free(&out);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let bodies: Vec<&str> =
        v["notes"].as_array().expect("notes").iter().filter_map(|n| n["body"].as_str()).collect();
    for body in HOSTILE {
        assert!(bodies.contains(&sayso_nlp::text::sanitize(body).as_ref()), "{body:?}");
    }
}

#[test]
fn hostile_notes_stay_inside_their_markdown_item() {
    let mut d = digest(&hostile_notes());
    d.meta.title = Some("A \"title\"\n---\nwith: yaml".to_owned());
    let out = render(Format::Markdown, &d);
    unsafe_free(&out);
    let lines: Vec<&str> = out.lines().collect();
    // The front matter is the first two `---` lines, and no other line is one.
    let rules: Vec<usize> =
        lines.iter().enumerate().filter(|(_, l)| l.starts_with("---")).map(|(i, _)| i).collect();
    assert_eq!(rules.len(), 2, "{out}");
    assert_eq!(rules[0], 0);
    assert!(lines[1].starts_with("title: \"A \\\"title\\\"\\n---\\nwith: yaml\""), "{}", lines[1]);
    for line in &lines[rules[1] + 1..] {
        let structural = line.is_empty()
            || line.starts_with("# ")
            || line.starts_with("## ")
            || line.starts_with("> ")
            || line.starts_with("- **")
            || line.starts_with("  ")
            || line.starts_with("Who said what")
            || line.starts_with('*');
        assert!(structural, "a note line escaped its place: {line:?}");
        assert!(!line.contains("<script>") && !line.replace("\\]", "").contains("]("), "{line}");
    }
}

#[test]
fn unsafe_characters_in_the_article_are_stripped_everywhere() {
    let text = "Evil\u{202e} title\u{200b}\nAnn Lee said \u{1b}[2Jthe \u{202e}vote\u{202c} is off. More text\u{7} here.\n";
    let content = text.find("\u{1b}[2J").expect("present");
    let end = text.find(" is off").expect("present");
    let ann = Annotation {
        title: Some(Span::new(0, text.find('\n').expect("line"))),
        speakers: vec![Speaker {
            name: "Ann\u{200f} Lee".to_owned(),
            label: EntityLabel::Person,
            mentions: Vec::new(),
        }],
        quotes: vec![Quote {
            content: Span::new(content, end),
            content_fragments: Vec::new(),
            cue: None,
            source: None,
            speaker: Some(0),
            kind: QuoteKind::Indirect,
            act: sayso_nlp::Act::Said,
        }],
        ..Annotation::default()
    };
    let mut n = note(1, "Lighthouse", true, "ok\u{9b}31m", &["t\u{2066}ag"]);
    n.anchor = Anchor::new(text, Span::new(content, end));
    n.span = Some(Span::new(content, end));
    let d = export::digest(&Meta::default(), text, &ann, &[n], &[]);
    for format in [Format::Markdown, Format::Json, Format::Csv] {
        let out = render(format, &d).replace("\r\n", "\n");
        unsafe_free(&out);
        assert!(out.contains("Ann Lee") && out.contains("[2Jthe vote"), "{out}");
    }
}

#[test]
fn csv_cells_that_would_run_as_formulas_open_as_text_unless_raw() {
    let formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let notes = vec![
        note(30, "just a lamp", true, formula, &[]),
        note(31, "from next spring", true, "- first point", &[]),
    ];
    let d = digest(&notes);
    let cells = |format| -> Vec<String> {
        let out = render(format, &d);
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows parse");
        rows.iter().map(|r| r[4].to_owned()).filter(|n| !n.is_empty()).collect()
    };
    let guarded = cells(Format::Csv);
    assert!(guarded.contains(&format!("'{formula}")), "{guarded:?}");
    assert!(guarded.contains(&"'- first point".to_owned()), "{guarded:?}");
    assert!(guarded.iter().all(|n| !n.starts_with(['=', '+', '-', '@'])), "{guarded:?}");
    let raw = cells(Format::CsvRaw);
    assert!(raw.contains(&formula.to_owned()), "{raw:?}");
    assert!(raw.contains(&"- first point".to_owned()), "{raw:?}");
}

#[test]
fn every_format_carries_each_attributions_act() {
    let mut ann = annotation();
    let raise =
        ann.quotes.iter().position(|q| q.content.slice(TEXT).contains("raise the money")).expect("quote");
    ann.quotes[raise].act = sayso_nlp::Act::Thought;
    let d = export::digest(&Meta::default(), TEXT, &ann, &[], &[]);
    let acts: Vec<sayso_nlp::Act> = d.attributions.iter().map(|a| a.act).collect();
    assert_eq!(acts.iter().filter(|&&a| a == sayso_nlp::Act::Thought).count(), 1, "{acts:?}");

    let json: serde_json::Value = serde_json::from_str(&render(Format::Json, &d)).expect("JSON");
    let in_json: Vec<&str> = json["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .filter_map(|a| a["act"].as_str())
        .collect();
    assert_eq!(in_json, acts.iter().map(|a| a.as_str()).collect::<Vec<_>>());

    let csv_text = render(Format::Csv, &d);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    let row = rows.iter().find(|r| r[0].contains("raise the money")).expect("the row");
    assert_eq!(&row[8], "thought");
    assert!(rows.iter().filter(|r| !r[0].contains("raise the money")).all(|r| &r[8] == "said"));

    let md = render(Format::Markdown, &d);
    let line = md.lines().find(|l| l.contains("raise the money")).expect("the quote");
    assert!(line.ends_with("*(thought)*"), "{line}");
}
