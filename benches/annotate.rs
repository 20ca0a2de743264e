//! Annotation throughput.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso_nlp::Annotator;

fn sample_text() -> String {
    let one = include_str!("../assets/sample/alaska-summit.txt");
    let mut body = String::new();
    while body.len() < 200_000 {
        body.push_str(one);
        body.push('\n');
    }
    body
}

fn annotate(c: &mut Criterion) {
    let annotator = Annotator::new().expect("models load");
    let text = sample_text();
    let words = annotator.annotate(&text).word_count();
    let mut group = c.benchmark_group("annotate");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(20);
    group.bench_function("full pipeline", |b| b.iter(|| annotator.annotate(&text)));
    group.finish();
}

criterion_group!(benches, annotate);
criterion_main!(benches);
