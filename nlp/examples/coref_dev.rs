//! Speaker resolution on PolNeAR gold attributions, checked against the
//! CoreNLP coreference chains of `silver.jsonl`.
//!
//!     cargo run --release -p sayso-nlp --example coref_dev [SPLIT_DIR] [--show]
//!
//! For every gold attribution whose source is a pronoun, the pronoun's
//! antecedent is the nearest earlier mention, outside quoted content, of
//! the speaker it was resolved to; it agrees when it overlaps a mention of the CoreNLP chain holding
//! the pronoun. SPLIT_DIR defaults to `../shared/corpus/polnear/dev` beside
//! the workspace; `--show` prints each disagreement.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sayso_nlp::{Annotator, Quote, QuoteKind, Span, coref};

const PRONOUNS: [&str; 8] = ["he", "she", "they", "it", "we", "i", "him", "them"];

#[derive(Default)]
struct Tally {
    pronoun_sources: usize,
    unresolved: usize,
    no_chain: usize,
    nearest_agrees: usize,
    cluster_agrees: usize,
    with_chain: usize,
    attributions: usize,
    speakers: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let show = std::env::args().any(|a| a == "--show");
    let dir = std::env::args().skip(1).find(|a| a != "--show").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/polnear/dev"),
        PathBuf::from,
    );
    if !dir.join("attributions").is_dir() {
        eprintln!("no corpus at {}: pass a split folder", dir.display());
        return Ok(());
    }
    let chains = silver_chains(&dir.join("silver.jsonl"))?;
    let annotator = Annotator::new()?;
    let mut names: Vec<_> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    names.sort();
    let mut t = Tally::default();
    for ann_path in &names {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let text = std::fs::read_to_string(dir.join("text").join(format!("{stem}.txt")))?;
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let to_bytes =
            |s: [usize; 2]| Span::new(bytes[s[0].min(bytes.len() - 1)], bytes[s[1].min(bytes.len() - 1)]);
        let gold = read_brat(&std::fs::read_to_string(ann_path)?);
        let mut ann = annotator.annotate(&text);
        ann.quotes = gold
            .iter()
            .filter_map(|g| {
                let content: Vec<Span> = g.content.iter().map(|&f| to_bytes(f)).collect();
                let first = content.first().copied()?;
                let cover = content.iter().fold(first, |a, &b| a.cover(b));
                let source = g.source.as_ref().and_then(|s| {
                    let f: Vec<Span> = s.iter().map(|&f| to_bytes(f)).collect();
                    f.first().map(|&first| f.iter().fold(first, |a, &b| a.cover(b)))
                });
                Some(Quote {
                    content: cover,
                    content_fragments: if content.len() > 1 { content } else { Vec::new() },
                    cue: None,
                    source,
                    speaker: None,
                    kind: QuoteKind::Indirect,
                    act: sayso_nlp::Act::Said,
                })
            })
            .collect();
        ann.quotes.sort_by_key(|q| q.content.start);
        coref::resolve(&text, &mut ann);
        t.attributions += ann.quotes.len();
        t.speakers += ann.speakers.len();
        let doc_chains: Vec<Vec<Span>> = chains
            .get(&stem)
            .map(|cs| cs.iter().map(|c| c.iter().map(|&m| to_bytes(m)).collect()).collect())
            .unwrap_or_default();
        for q in &ann.quotes {
            let Some(source) = q.source else { continue };
            if !PRONOUNS.contains(&source.slice(&text).trim().to_lowercase().as_str()) {
                continue;
            }
            t.pronoun_sources += 1;
            let Some(chain) = doc_chains.iter().find(|c| c.iter().any(|m| m.overlaps(source))) else {
                t.no_chain += 1;
                continue;
            };
            t.with_chain += 1;
            let Some(speaker) = q.speaker.and_then(|s| ann.speakers.get(s)) else {
                t.unresolved += 1;
                continue;
            };
            let outside = |m: &Span| !ann.quotes.iter().any(|q| q.content.contains(*m));
            let earlier: Vec<Span> = speaker
                .mentions
                .iter()
                .copied()
                .filter(|m| m.end <= source.start && !m.overlaps(source) && outside(m))
                .collect();
            let in_chain = |m: &Span| chain.iter().any(|c| c.overlaps(*m) && !c.overlaps(source));
            if earlier.last().is_some_and(in_chain) {
                t.nearest_agrees += 1;
            } else if show {
                let line_start = text[..source.start].rfind('\n').map_or(0, |i| i + 1);
                let nearest_chain =
                    chain.iter().rfind(|c| c.end <= source.start).map_or("-", |c| c.slice(&text));
                println!(
                    "{stem}\n  {}\n  ours: {:?} ({:?})  corenlp: {:?}",
                    &text[line_start..source.end.max(line_start)],
                    speaker.name,
                    earlier.last().map_or("-", |m| m.slice(&text)),
                    nearest_chain
                );
            }
            if speaker.mentions.iter().filter(|m| !m.overlaps(source)).any(in_chain) {
                t.cluster_agrees += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!("articles {}  attributions {}  speakers {}", names.len(), t.attributions, t.speakers);
    println!(
        "pronoun sources {}  in a CoreNLP chain {}  (no chain {})",
        t.pronoun_sources, t.with_chain, t.no_chain
    );
    println!(
        "nearest earlier mention in the pronoun's chain: {} / {} = {:.1}%",
        t.nearest_agrees,
        t.with_chain,
        pct(t.nearest_agrees, t.with_chain)
    );
    println!(
        "any mention of the speaker in the pronoun's chain: {} / {} = {:.1}%",
        t.cluster_agrees,
        t.with_chain,
        pct(t.cluster_agrees, t.with_chain)
    );
    println!("unresolved: {} / {}", t.unresolved, t.with_chain);
    Ok(())
}

/// One gold attribution: content fragments and source fragments, code points.
struct Gold {
    content: Vec<[usize; 2]>,
    source: Option<Vec<[usize; 2]>>,
}

fn read_brat(ann: &str) -> Vec<Gold> {
    let mut spans: HashMap<&str, Vec<[usize; 2]>> = HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut f = line.splitn(3, '\t');
        let (Some(id), Some(info)) = (f.next(), f.next()) else { continue };
        let offsets = info.split_once(' ').map_or("", |(_, o)| o);
        let frags = offsets
            .split(';')
            .filter_map(|p| {
                let mut n = p.split_whitespace().filter_map(|x| x.parse().ok());
                Some([n.next()?, n.next()?])
            })
            .collect();
        spans.insert(id, frags);
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let mut content = Vec::new();
        let mut source = None;
        for role in line.split('\t').nth(1).unwrap_or_default().split_whitespace() {
            let Some((name, id)) = role.split_once(':') else { continue };
            let Some(s) = spans.get(id) else { continue };
            if name.starts_with("Content") {
                content.extend(s.iter().copied());
            } else if name.starts_with("Source") {
                source.get_or_insert_with(Vec::new).extend(s.iter().copied());
            }
        }
        content.sort_unstable();
        if !content.is_empty() {
            out.push(Gold { content, source });
        }
    }
    out
}

type Chains = HashMap<String, Vec<Vec<[usize; 2]>>>;

fn silver_chains(path: &Path) -> Result<Chains, Box<dyn std::error::Error>> {
    let mut out = HashMap::new();
    let Ok(data) = std::fs::read_to_string(path) else { return Ok(out) };
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let doc = v["doc"].as_str().unwrap_or_default().to_owned();
        let chains = v["coref"]
            .as_array()
            .map(|cs| {
                cs.iter()
                    .map(|c| {
                        c.as_array()
                            .map(|ms| {
                                ms.iter()
                                    .filter_map(|m| Some([m[0].as_u64()? as usize, m[1].as_u64()? as usize]))
                                    .collect()
                            })
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.insert(doc, chains);
    }
    Ok(out)
}
