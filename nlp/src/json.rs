//! The annotation JSON contract (version 1): code-point offsets into the
//! unchanged document text.

use serde::Serialize;

use crate::annotation::{Act, Annotation, EntityLabel, QuoteKind};
use crate::text::{CharOffsets, Span};

/// Version of the JSON contract written by [`to_json`].
pub const JSON_VERSION: u32 = 1;

/// The top-level JSON document.
#[derive(Debug, Serialize)]
pub struct JsonAnnotation<'a> {
    /// Always [`JSON_VERSION`].
    pub version: u32,
    /// The headline, or `null`.
    pub title: Option<&'a str>,
    /// The document text, only with `--include-text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Entities in text order.
    pub entities: Vec<JsonEntity<'a>>,
    /// Speakers after coreference.
    pub speakers: Vec<JsonSpeaker<'a>>,
    /// Attributions.
    pub quotes: Vec<JsonQuote>,
    /// Each sentence's dependency tree, only when the annotation was parsed
    /// (`--include-syntax`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub syntax: Option<Vec<JsonTree<'a>>>,
}

/// One sentence's dependency tree.
#[derive(Debug, Serialize)]
pub struct JsonTree<'a> {
    /// The sentence, `[start, end]` in code points.
    pub span: [usize; 2],
    /// Its words in order.
    pub words: Vec<JsonWord<'a>>,
}

/// One word of a dependency tree.
#[derive(Debug, Serialize)]
pub struct JsonWord<'a> {
    /// `[start, end]` in code points.
    pub span: [usize; 2],
    /// The word.
    pub text: &'a str,
    /// Its Penn Treebank part-of-speech tag.
    pub tag: &'static str,
    /// The head word's number in the sentence, counting from 1; 0 for the root.
    pub head: u32,
    /// The Universal Dependencies relation to the head.
    pub relation: &'static str,
}

/// One entity.
#[derive(Debug, Serialize)]
pub struct JsonEntity<'a> {
    /// `[start, end]` in code points.
    pub span: [usize; 2],
    /// The label.
    pub label: EntityLabel,
    /// The mention's text.
    pub text: &'a str,
    /// The speaker this mention belongs to.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<usize>,
    /// The real-world entity this mention names, shared by all its mentions.
    pub entity: usize,
}

/// One speaker.
#[derive(Debug, Serialize)]
pub struct JsonSpeaker<'a> {
    /// Index in `speakers`.
    pub id: usize,
    /// Display name.
    pub name: &'a str,
    /// PERSON, ORG or MISC.
    pub label: EntityLabel,
    /// Every mention, `[start, end]` in code points.
    pub mentions: Vec<[usize; 2]>,
}

/// One attribution.
#[derive(Debug, Serialize)]
pub struct JsonQuote {
    /// The attributed words.
    pub content: [usize; 2],
    /// The cue, or `null`.
    pub cue: Option<[usize; 2]>,
    /// The source mention, or `null`.
    pub source: Option<[usize; 2]>,
    /// Index into `speakers`, or `null`.
    pub speaker: Option<usize>,
    /// direct, indirect or mixed.
    pub kind: QuoteKind,
    /// said, wrote or thought.
    pub act: Act,
    /// The pieces of a split content.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content_fragments: Vec<[usize; 2]>,
}

/// Build the JSON view of `annotation` over `text`.
#[must_use]
pub fn to_json<'a>(annotation: &'a Annotation, text: &'a str, include_text: bool) -> JsonAnnotation<'a> {
    let map = CharOffsets::new(text);
    let span = |s: Span| map.span(s);
    JsonAnnotation {
        version: JSON_VERSION,
        title: annotation.title.map(|s| s.slice(text)),
        text: include_text.then_some(text),
        entities: annotation
            .entities
            .iter()
            .map(|e| JsonEntity {
                span: span(e.span),
                label: e.label,
                text: e.span.slice(text),
                reference: e.speaker,
                entity: e.entity,
            })
            .collect(),
        speakers: annotation
            .speakers
            .iter()
            .enumerate()
            .map(|(id, s)| JsonSpeaker {
                id,
                name: &s.name,
                label: s.label,
                mentions: s.mentions.iter().map(|&m| span(m)).collect(),
            })
            .collect(),
        quotes: annotation
            .quotes
            .iter()
            .map(|q| JsonQuote {
                content: span(q.content),
                cue: q.cue.map(span),
                source: q.source.map(span),
                speaker: q.speaker,
                kind: q.kind,
                act: q.act,
                content_fragments: q.content_fragments.iter().map(|&f| span(f)).collect(),
            })
            .collect(),
        syntax: (!annotation.syntax.is_empty()).then(|| {
            annotation
                .sentences
                .iter()
                .map(|s| JsonTree {
                    span: span(s.span),
                    words: s
                        .tokens
                        .clone()
                        .filter_map(|i| {
                            let (t, d) = (annotation.tokens.get(i)?, annotation.syntax.get(i)?);
                            Some(JsonWord {
                                span: span(t.span),
                                text: t.span.slice(text),
                                tag: annotation
                                    .syntax_tags
                                    .get(i)
                                    .or_else(|| annotation.pos.get(i))
                                    .map_or("NN", |p| p.as_str()),
                                head: d.head,
                                relation: d.relation.as_str(),
                            })
                        })
                        .collect(),
                })
                .collect()
        }),
    }
}
