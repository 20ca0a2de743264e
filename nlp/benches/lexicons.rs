//! Cost of the gazetteers and the rule-based entities: loading the
//! gazetteer table, and marking tokens of the sample article.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso_nlp::entities::gazetteer::Gazetteer;
use sayso_nlp::entities::rules;
use sayso_nlp::segment::tokenize;

fn sample_text() -> String {
    let one = include_str!("../../assets/sample/alaska-summit.txt");
    let mut body = String::new();
    while body.len() < 200_000 {
        body.push_str(one);
        body.push('\n');
    }
    body
}

fn load(c: &mut Criterion) {
    c.bench_function("gazetteer load", |b| b.iter(Gazetteer::load));
}

fn mark(c: &mut Criterion) {
    let text = sample_text();
    let tokens = tokenize::tokenize(&text);
    let gazetteer = Gazetteer::embedded();
    let mut flags = Vec::new();
    let mut group = c.benchmark_group("per token");
    group.throughput(Throughput::Elements(tokens.len() as u64));
    group.sample_size(20);
    group.bench_function("gazetteer mark", |b| b.iter(|| gazetteer.mark(&text, &tokens, &mut flags)));
    group.bench_function("numeric entities", |b| b.iter(|| rules::numeric_entities(&text, &tokens)));
    group.finish();
}

criterion_group!(benches, load, mark);
criterion_main!(benches);
