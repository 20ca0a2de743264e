//! Agreement of the tokenizer and sentence splitter with Stanford CoreNLP on
//! the PolNeAR corpus (read from `../shared`, never copied into the project).
//!
//! Set `SAYSO_SHOW_DIFFS=N` to print up to N disagreements of each kind.

use std::collections::HashSet;
use std::path::PathBuf;

use sayso_nlp::segment::{article, sentences, tokenize};
use sayso_nlp::{CharOffsets, Span};
use serde_json::Value;

/// Counts for one F1 figure.
#[derive(Default)]
struct Score {
    both: usize,
    ours: usize,
    theirs: usize,
}

impl Score {
    fn add<T: std::hash::Hash + Eq>(&mut self, ours: &HashSet<T>, theirs: &HashSet<T>) {
        self.both += ours.intersection(theirs).count();
        self.ours += ours.len();
        self.theirs += theirs.len();
    }

    fn f1(&self) -> f64 {
        let p = self.both as f64 / self.ours.max(1) as f64;
        let r = self.both as f64 / self.theirs.max(1) as f64;
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

struct Report {
    articles: usize,
    tokens: Score,
    sentences: Score,
    /// Sentence ends, counting paragraph ends as given (the pipeline never
    /// lets a sentence cross a line break; CoreNLP sometimes does).
    sentences_in_paragraphs: Score,
}

fn split_dir(split: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/polnear").join(split);
    dir.join("silver.jsonl").is_file().then_some(dir)
}

fn pairs(value: &Value) -> Vec<(usize, usize)> {
    let num =
        |v: Option<&Value>| v.and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
    value
        .as_array()
        .map_or_else(Vec::new, |items| items.iter().map(|p| (num(p.get(0)), num(p.get(1)))).collect())
}

fn context(chars: &[char], at: usize) -> String {
    let from = at.saturating_sub(30);
    let to = (at + 30).min(chars.len());
    chars[from..to].iter().collect::<String>().replace('\n', "⏎")
}

fn compare(split: &str) -> Option<Report> {
    let Some(dir) = split_dir(split) else {
        eprintln!("skipping: ../shared/corpus/polnear/{split} is not there");
        return None;
    };
    let show: usize = std::env::var("SAYSO_SHOW_DIFFS").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut shown = [0usize; 4];
    let silver = std::fs::read_to_string(dir.join("silver.jsonl")).expect("silver.jsonl is readable");
    let mut report = Report {
        articles: 0,
        tokens: Score::default(),
        sentences: Score::default(),
        sentences_in_paragraphs: Score::default(),
    };
    for line in silver.lines() {
        let doc: Value = serde_json::from_str(line).expect("silver lines are JSON");
        let name = doc["doc"].as_str().expect("every line names its article");
        let text =
            std::fs::read_to_string(dir.join("text").join(format!("{name}.txt"))).expect("article text");
        let chars: Vec<char> = text.chars().collect();
        let map = CharOffsets::new(&text);
        let cp = |span: Span| (map.chars(span.start), map.chars(span.end));

        let silver_tokens = pairs(&doc["tokens"]);
        let silver_ends: HashSet<usize> = pairs(&doc["sentences"])
            .into_iter()
            .filter_map(|(_, end)| end.checked_sub(1).and_then(|last| silver_tokens.get(last)).map(|t| t.1))
            .collect();

        let mut tokens = Vec::new();
        let mut ends = HashSet::new();
        let mut paragraph_ends = HashSet::new();
        for block in article::blocks(&text) {
            let first = tokens.len();
            tokenize::tokenize_into(&text, block.span, &mut tokens);
            for range in sentences::split(&text, &tokens, first..tokens.len()) {
                ends.insert(cp(tokens[range.end - 1].span).1);
            }
            if let Some(last) = tokens[first..].last() {
                paragraph_ends.insert(cp(last.span).1);
            }
        }
        let ours: HashSet<(usize, usize)> = tokens.iter().map(|t| cp(t.span)).collect();
        let theirs: HashSet<(usize, usize)> = silver_tokens.iter().copied().collect();
        report.tokens.add(&ours, &theirs);
        report.sentences.add(&ends, &silver_ends);
        report.sentences_in_paragraphs.add(&ends, &silver_ends.union(&paragraph_ends).copied().collect());
        report.articles += 1;

        let slice = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
        let mut diffs: Vec<(usize, usize, String)> = Vec::new();
        for &t in theirs.difference(&ours) {
            diffs.push((t.0, 0, format!("token missed  {:?}", slice(t))));
        }
        for &t in ours.difference(&theirs) {
            diffs.push((t.0, 1, format!("token extra   {:?}", slice(t))));
        }
        let with_paragraphs: HashSet<usize> = silver_ends.union(&paragraph_ends).copied().collect();
        for &e in with_paragraphs.difference(&ends) {
            diffs.push((e, 2, "sentence end missed".to_string()));
        }
        for &e in ends.difference(&with_paragraphs) {
            diffs.push((e, 3, "sentence end extra".to_string()));
        }
        diffs.sort();
        for (at, kind, what) in diffs {
            if shown[kind] < show {
                shown[kind] += 1;
                eprintln!("{what:<40} {name} …{}…", context(&chars, at));
            }
        }
    }
    eprintln!(
        "{split}: {} articles; token F1 {:.4} ({} ours, {} CoreNLP); sentence-end F1 {:.4}, \
         with paragraph ends given {:.4} ({} ours, {} CoreNLP)",
        report.articles,
        report.tokens.f1(),
        report.tokens.ours,
        report.tokens.theirs,
        report.sentences.f1(),
        report.sentences_in_paragraphs.f1(),
        report.sentences.ours,
        report.sentences.theirs,
    );
    Some(report)
}

#[test]
fn tokens_and_sentences_agree_with_corenlp_on_dev() {
    let Some(report) = compare("dev") else { return };
    assert!(report.articles > 80);
    assert!(report.tokens.f1() >= 0.998, "token F1 {:.4}", report.tokens.f1());
    assert!(report.sentences.f1() >= 0.955, "sentence F1 {:.4}", report.sentences.f1());
    assert!(
        report.sentences_in_paragraphs.f1() >= 0.975,
        "sentence F1 {:.4}",
        report.sentences_in_paragraphs.f1()
    );
}

/// The training split, for looking at disagreements: `cargo test -p sayso-nlp
/// --release --test corenlp_agreement -- --ignored --nocapture`.
#[test]
#[ignore = "reads the 32 MB training split; run by hand"]
fn tokens_and_sentences_agree_with_corenlp_on_train() {
    let Some(report) = compare("train") else { return };
    assert!(report.tokens.f1() >= 0.998, "token F1 {:.4}", report.tokens.f1());
}
