//! Tokenizer and sentence splitter throughput, paragraph by paragraph as the
//! pipeline runs them.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso_nlp::segment::{article, sentences, tokenize};
use sayso_nlp::{Token, TokenKind};

fn sample_text() -> String {
    let one = include_str!("../assets/sample/alaska-summit.txt");
    let mut body = String::new();
    while body.len() < 200_000 {
        body.push_str(one);
        body.push('\n');
    }
    body
}

/// Tokenize and split every paragraph; returns the number of sentences.
fn tokens_and_sentences(text: &str, tokens: &mut Vec<Token>) -> usize {
    tokens.clear();
    let mut count = 0;
    for block in article::blocks(text) {
        let first = tokens.len();
        tokenize::tokenize_into(text, block.span, tokens);
        count += sentences::split(text, tokens, first..tokens.len()).len();
    }
    count
}

fn tokenize_bench(c: &mut Criterion) {
    let text = sample_text();
    let mut tokens = Vec::new();
    tokens_and_sentences(&text, &mut tokens);
    let words = tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count();
    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tokens and sentences", |b| b.iter(|| tokens_and_sentences(&text, &mut tokens)));
    group.finish();
}

criterion_group!(benches, tokenize_bench);
criterion_main!(benches);
