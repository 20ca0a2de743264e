//! Reading gold attributions from brat standoff files (`<name>.ann` beside
//! `text/<name>.txt`): every event with a Content role, its Source and Cue.

use std::path::Path;

use crate::text::{CharOffsets, Span};
use crate::train::silver::CorpusError;

/// One gold attribution; every role is a list of fragments (byte spans).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The attributed words.
    pub content: Vec<Span>,
    /// The source mention; empty when the annotators found none.
    pub source: Vec<Span>,
    /// The cue; empty when there is none.
    pub cue: Vec<Span>,
}

/// One article with its gold attributions.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The article's file stem.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Attributions in file order.
    pub attributions: Vec<GoldAttribution>,
}

/// Parse a brat `.ann` file whose offsets (code points) refer to `text`.
#[must_use]
pub fn parse(ann: &str, text: &str) -> Vec<GoldAttribution> {
    let map = CharOffsets::new(text);
    let byte = |c: usize| map.bytes(c).min(text.len());
    let mut spans: std::collections::HashMap<&str, Vec<Span>> = std::collections::HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(body)) = (parts.next(), parts.next()) else { continue };
        // Continuation lines of a span text have no identifier.
        if !id.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if id.starts_with('T') {
            let Some((_, offsets)) = body.split_once(' ') else { continue };
            let frags: Vec<Span> = offsets
                .split(';')
                .filter_map(|f| {
                    let mut it = f.split_whitespace().map(str::parse::<usize>);
                    match (it.next(), it.next()) {
                        (Some(Ok(a)), Some(Ok(b))) if a <= b => Some(Span::new(byte(a), byte(b))),
                        _ => None,
                    }
                })
                .collect();
            spans.insert(id, frags);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut a = GoldAttribution::default();
        for role in body.split_whitespace() {
            let Some((name, tid)) = role.split_once(':') else { continue };
            let Some(frags) = spans.get(tid) else { continue };
            match name.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => a.content.extend_from_slice(frags),
                "Source" => a.source.extend_from_slice(frags),
                "Cue" => a.cue.extend_from_slice(frags),
                _ => {}
            }
        }
        if !a.content.is_empty() {
            for role in [&mut a.content, &mut a.source, &mut a.cue] {
                role.sort_unstable();
            }
            out.push(a);
        }
    }
    out
}

/// Read every `attributions/<name>.ann` of a split with its text, by name.
///
/// # Errors
/// When a file cannot be read.
pub fn read_split(split: &Path) -> Result<Vec<GoldDoc>, CorpusError> {
    let dir = split.join("attributions");
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CorpusError + '_ {
        move |source| CorpusError::Io { path: path.to_path_buf(), source }
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(io(&dir))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".ann").map(str::to_owned))
        .collect();
    names.sort();
    let mut docs = Vec::with_capacity(names.len());
    for name in names {
        let ann_path = dir.join(format!("{name}.ann"));
        let ann = std::fs::read_to_string(&ann_path).map_err(io(&ann_path))?;
        let text_path = split.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(io(&text_path))?;
        let attributions = parse(&ann, &text);
        docs.push(GoldDoc { name, text, attributions });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_collect_their_fragments_in_bytes() {
        let text = "“A,” é said, “B.”";
        let ann = "T1\tSource 5 6\té\nT2\tCue 7 11\tsaid\nT3\tContent 1 3;14 16\tA, B.\n\
                   T4\tAttribution 7 11\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
                   #1\tAnnotatorNotes T1\tnote\nE2\tAttribution:T4 Cue:T2\n";
        let gold = parse(ann, text);
        assert_eq!(gold.len(), 1);
        let g = &gold[0];
        assert_eq!(g.source[0].slice(text), "é");
        assert_eq!(g.cue[0].slice(text), "said");
        let parts: Vec<&str> = g.content.iter().map(|s| s.slice(text)).collect();
        assert_eq!(parts, ["A,", "B."]);
    }
}
