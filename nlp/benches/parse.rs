//! Parsing speed alone: the sample article's sentences, already tokenised
//! and tagged, parsed on one core.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso_nlp::Annotator;
use sayso_nlp::syntax::{Parser, Scratch};
use sayso_nlp::tag::features::WordInfo;

fn parse(c: &mut Criterion) {
    let text = include_str!("../../assets/sample/alaska-summit.txt").repeat(20);
    let ann = Annotator::new().expect("embedded models load").entities(&text);
    let sentences: Vec<(Vec<WordInfo>, &[sayso_nlp::tag::pos::Pos])> = ann
        .sentences
        .iter()
        .map(|s| {
            let words =
                ann.tokens[s.tokens.clone()].iter().map(|t| WordInfo::new(t.span.slice(&text))).collect();
            (words, &ann.pos[s.tokens.clone()])
        })
        .collect();
    let parser = Parser::embedded().expect("embedded parser loads");
    let mut group = c.benchmark_group("parser");
    group.throughput(Throughput::Elements(ann.tokens.len() as u64));
    group.sample_size(20);
    group.bench_function(format!("parse {} tokens", ann.tokens.len()), |b| {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        b.iter(|| {
            for (words, tags) in &sentences {
                out.clear();
                parser.parse(black_box(words), tags, &mut out, &mut scratch);
            }
            out.len()
        });
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
