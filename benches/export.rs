//! Export speed on one article with 10,000 notes: reading the notes back
//! (re-anchoring), building the digest, and writing each format.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sayso::export::{self, Format, Meta};
use sayso::store::{Anchor, NewArticle, NewNote, Store};
use sayso_nlp::{Annotator, Span};

/// The sample article repeated ten times (a long read, about 10,000 words).
fn long_text() -> String {
    include_str!("../assets/sample/alaska-summit.txt").repeat(10)
}

fn ten_thousand_notes(c: &mut Criterion) {
    let text = long_text();
    let ann = Annotator::new().expect("embedded models load").annotate(&text);
    let store = Store::in_memory().expect("store");
    let id = store.save_article(&NewArticle { text: &text, ..NewArticle::default() }).expect("article");
    // Notes on every sentence in turn, some on attributions, with tags and bodies.
    let sentences: Vec<Span> = ann.sentences.iter().map(|s| s.span).collect();
    for i in 0..10_000 {
        let span = sentences[i % sentences.len()];
        let new = NewNote {
            anchor: Anchor::new(&text, span),
            highlight: i % 3 != 0,
            body: if i % 2 == 0 {
                format!("Note {i}: check this, \"carefully\".\nSecond line.")
            } else {
                String::new()
            },
            tags: vec![format!("tag{}", i % 7), "review".to_owned()],
        };
        store.add_note(&id, &new).expect("note");
    }
    let meta = Meta { title: Some("Ten thousand notes".to_owned()), ..Meta::default() };
    let notes = store.notes(&id, &text).expect("notes");
    assert_eq!(notes.len(), 10_000);
    let corrections = store.corrections(&id, &text).expect("corrections");
    let digest = export::digest(&meta, &text, &ann, &notes, &corrections);

    let mut group = c.benchmark_group("export 10k notes");
    group.sample_size(20);
    group.bench_function("read notes", |b| b.iter(|| store.notes(black_box(&id), black_box(&text))));
    group.bench_function("digest", |b| {
        b.iter(|| export::digest(black_box(&meta), &text, &ann, black_box(&notes), &corrections));
    });
    for (name, format) in [("markdown", Format::Markdown), ("json", Format::Json), ("csv", Format::Csv)] {
        group.bench_function(name, |b| b.iter(|| export::article(format, black_box(&digest), 0)));
    }
    // What `sayso export` does after annotating: read, digest, write Markdown.
    group.bench_function("read + digest + markdown", |b| {
        b.iter(|| {
            let notes = store.notes(&id, &text).expect("notes");
            let d = export::digest(&meta, &text, &ann, &notes, &corrections);
            export::article(Format::Markdown, &d, 0)
        });
    });
    group.finish();
}

criterion_group!(benches, ten_thousand_notes);
criterion_main!(benches);
