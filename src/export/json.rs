//! JSON export: stable ids, code-point offsets, text-quote selectors,
//! speakers, notes, tags and RFC 3339 timestamps.

use serde::Serialize;

use super::digest::{Digest, NoteItem};
use crate::store::{Anchor, time};

/// Version of the export JSON shape.
pub const EXPORT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    exported: String,
    article: Article<'a>,
    tags: &'a [String],
    speakers: Vec<Speaker<'a>>,
    attributions: Vec<Attribution<'a>>,
    notes: Vec<NoteJson<'a>>,
}

#[derive(Serialize)]
struct Article<'a> {
    id: Option<&'a str>,
    title: Option<&'a str>,
    source: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<&'a str>,
    site: Option<&'a str>,
}

#[derive(Serialize)]
struct Speaker<'a> {
    name: &'a str,
    attributions: Vec<String>,
}

#[derive(Serialize)]
struct Selector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

impl<'a> Selector<'a> {
    fn new(a: &'a Anchor) -> Self {
        Self { kind: "TextQuoteSelector", exact: &a.exact, prefix: &a.prefix, suffix: &a.suffix }
    }
}

#[derive(Serialize)]
struct Attribution<'a> {
    id: String,
    speaker: Option<&'a str>,
    speaker_corrected: bool,
    source: Option<&'a str>,
    cue: Option<&'a str>,
    kind: &'static str,
    act: &'static str,
    content: &'a str,
    span: [usize; 2],
    selector: Selector<'a>,
    notes: Vec<i64>,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    id: i64,
    attribution: Option<String>,
    speaker: Option<&'a str>,
    highlight: bool,
    body: &'a str,
    tags: &'a [String],
    passage: &'a str,
    span: Option<[usize; 2]>,
    selector: Selector<'a>,
    created: String,
    updated: String,
}

fn attribution_id(index: usize) -> String {
    format!("q{index}")
}

fn note_json(item: &NoteItem) -> NoteJson<'_> {
    let n = &item.note;
    NoteJson {
        id: n.id.0,
        attribution: item.attribution.map(attribution_id),
        speaker: item.speaker.as_deref(),
        highlight: n.highlight,
        body: &n.body,
        tags: &n.tags,
        passage: &item.passage,
        span: item.chars,
        selector: Selector::new(&n.anchor),
        created: time::rfc3339(n.created),
        updated: time::rfc3339(n.updated),
    }
}

fn document(d: &Digest, exported: i64) -> Document<'_> {
    let mut notes: Vec<&NoteItem> =
        d.attributions.iter().flat_map(|a| &a.notes).chain(&d.other_notes).collect();
    notes.sort_by_key(|n| (n.chars.is_none(), n.chars, n.note.id));
    Document {
        version: EXPORT_VERSION,
        exported: time::rfc3339(exported),
        article: Article {
            id: d.meta.id.as_deref(),
            title: d.meta.title.as_deref(),
            source: d.meta.source.as_deref(),
            author: d.meta.author.as_deref(),
            published: d.meta.published.as_deref(),
            site: d.meta.site.as_deref(),
        },
        tags: &d.tags,
        speakers: d
            .speakers
            .iter()
            .map(|s| Speaker {
                name: &s.name,
                attributions: s
                    .attributions
                    .iter()
                    .map(|&i| attribution_id(d.attributions[i].index))
                    .collect(),
            })
            .collect(),
        attributions: d
            .attributions
            .iter()
            .map(|a| Attribution {
                id: attribution_id(a.index),
                speaker: a.speaker.as_deref(),
                speaker_corrected: a.corrected,
                source: a.source.as_deref(),
                cue: a.cue.as_deref(),
                kind: a.kind.as_str(),
                act: a.act.as_str(),
                content: &a.content,
                span: a.chars,
                selector: Selector::new(&a.anchor),
                notes: a.notes.iter().map(|n| n.note.id.0).collect(),
            })
            .collect(),
        notes: notes.into_iter().map(note_json).collect(),
    }
}

/// One article as a JSON object.
///
/// # Errors
/// Never in practice (every value is a string, number or list).
pub fn article(d: &Digest, exported: i64) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&document(d, exported)).map(|s| s + "\n")
}

/// Every article as a JSON array.
///
/// # Errors
/// Never in practice.
pub fn library(digests: &[Digest], exported: i64) -> serde_json::Result<String> {
    let docs: Vec<Document<'_>> = digests.iter().map(|d| document(d, exported)).collect();
    serde_json::to_string_pretty(&docs).map(|s| s + "\n")
}
