//! Ingest throughput: a noisy news page through readability, a 5 MB page,
//! a page nested 20,000 deep (flattened), and a feed parsed.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso::ingest::{feed, from_bytes};

fn big_page() -> String {
    let mut page = String::from("<!doctype html><html><head><title>Long read</title></head><body><article>");
    let mut n = 0;
    while page.len() < 5_000_000 {
        n += 1;
        page.push_str(&format!(
            "<p>Paragraph {n}: the council said that the harbour plan would be debated again in May.</p>\n"
        ));
    }
    page.push_str("</article></body></html>");
    page
}

fn ingest_bench(c: &mut Criterion) {
    let noisy = include_bytes!("../tests/fixtures/ingest/harbour-council.html");
    let big = big_page();
    let deep = format!("<body>{}<p>Deep.</p>{}</body>", "<div>".repeat(20_000), "</div>".repeat(20_000));
    let rss = include_bytes!("../tests/fixtures/ingest/rss20.xml");
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(noisy.len() as u64));
    group.bench_function("noisy page", |b| b.iter(|| from_bytes("page.html", None, noisy, None)));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("5 MB page", |b| b.iter(|| from_bytes("big.html", None, big.as_bytes(), None)));
    group.throughput(Throughput::Bytes(deep.len() as u64));
    group.bench_function("20,000 nested divs", |b| {
        b.iter(|| from_bytes("deep.html", None, deep.as_bytes(), None))
    });
    group.throughput(Throughput::Bytes(rss.len() as u64));
    group.bench_function("RSS 2.0 feed", |b| b.iter(|| feed::parse(rss, "rss", None)));
    group.finish();
}

criterion_group!(benches, ingest_bench);
criterion_main!(benches);
