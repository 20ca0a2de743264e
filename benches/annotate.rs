//! Annotation speed: the engine alone and its speaker-resolution share,
//! model loading, and the whole `sayso annotate` command (start-up, model
//! load, JSON out) on a long file.

use std::hint::black_box;
use std::process::{Command, Stdio};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use sayso_nlp::{Annotator, coref};

/// The sample article repeated until the text holds at least `words` words.
fn long_text(words: usize) -> String {
    let one = include_str!("../assets/sample/alaska-summit.txt");
    let per = one.split_whitespace().count().max(1);
    let mut text = String::with_capacity(one.len() * (words / per + 1));
    while text.split_whitespace().count() < words {
        text.push_str(one);
        text.push_str("\n\n");
    }
    text
}

fn engine(c: &mut Criterion) {
    let annotator = Annotator::new().expect("embedded models load");
    let text = long_text(50_000);
    let words = annotator.annotate(&text).word_count();
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(20);
    group.bench_function("annotate 50k words", |b| b.iter(|| annotator.annotate(black_box(&text))));
    // Tokens, sentences, part-of-speech tags and entities only.
    group.bench_function("entities 50k words", |b| b.iter(|| annotator.entities(black_box(&text))));
    // The same with every sentence parsed as well.
    let parsing = annotator.clone().with_syntax().expect("embedded parser loads");
    group.bench_function("annotate with syntax 50k words", |b| b.iter(|| parsing.annotate(black_box(&text))));
    // The speaker-resolution share of the above, on a copy of its annotation.
    let annotated = annotator.annotate(&text);
    group.bench_function("resolve speakers 50k words", |b| {
        b.iter_batched(
            || annotated.clone(),
            |mut ann| coref::resolve(black_box(&text), &mut ann),
            BatchSize::LargeInput,
        );
    });
    group.finish();

    c.bench_function("load models", |b| b.iter(|| Annotator::new().expect("models load")));
}

/// The sample article's paragraphs joined into one paragraph of at least
/// `bytes` bytes: prose with quotations, but no line break to split at.
fn one_paragraph(bytes: usize) -> String {
    let one = include_str!("../assets/sample/alaska-summit.txt");
    let body: Vec<&str> = one.lines().skip(1).map(str::trim).filter(|l| !l.is_empty()).collect();
    let body = body.join(" ");
    let mut text = String::from("A long paragraph\n\n");
    while text.len() < bytes {
        text.push_str(&body);
        text.push(' ');
    }
    text.push('\n');
    text
}

/// Time per byte for inputs of very different shapes: a normal article, one
/// 4 MB paragraph, and 200,000 quotation marks in a row. Linear stages keep
/// the three within a small factor of each other per MB.
fn shapes(c: &mut Criterion) {
    let annotator = Annotator::new().expect("embedded models load");
    let article = include_str!("../assets/sample/alaska-summit.txt").to_owned();
    let paragraph = one_paragraph(4_000_000);
    let marks = format!("Quotes\n\n{}\n", "\"".repeat(200_000));
    let mut group = c.benchmark_group("shapes");
    group.sample_size(10);
    for (name, text) in [
        ("normal article", &article),
        ("4 MB single paragraph", &paragraph),
        ("200,000 quotation marks", &marks),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| annotator.annotate(black_box(text))));
    }
    group.finish();
}

fn command(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("sayso-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("long.txt");
    let text = long_text(1_000_000);
    std::fs::write(&path, &text).expect("write the long file");
    let words = Annotator::new().expect("models load").annotate(&text).word_count();
    let mut group = c.benchmark_group("command");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("sayso annotate 1M words to JSON", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_sayso"))
                .arg("annotate")
                .arg(&path)
                .stdout(Stdio::null())
                .status()
                .expect("sayso runs");
            assert!(status.success());
        });
    });
    // The same with every sentence parsed and its tree in the JSON.
    group.bench_function("sayso annotate --include-syntax 1M words to JSON", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_sayso"))
                .args(["annotate", "--include-syntax"])
                .arg(&path)
                .stdout(Stdio::null())
                .status()
                .expect("sayso runs");
            assert!(status.success());
        });
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, engine, shapes, command);
criterion_main!(benches);
