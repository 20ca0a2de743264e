//! The digest of one article: who said what, grouped by speaker, with the
//! reader's notes attached to the attributions they fall on.

use std::collections::HashMap;

use sayso_nlp::text::sanitize;
use sayso_nlp::{Act, Annotation, CharOffsets, QuoteKind, Span};

use crate::store::{Anchor, ArticleRecord, Correction, Note};

/// What is known about the article, made safe for export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The stored article's id, when it is in the library.
    pub id: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// A file path or URL.
    pub source: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The publication date, as given.
    pub published: Option<String>,
    /// The site's name.
    pub site: Option<String>,
}

impl Meta {
    /// The metadata of a stored article.
    #[must_use]
    pub fn from_record(r: &ArticleRecord) -> Self {
        Self {
            id: Some(r.id.0.clone()),
            title: r.title.clone(),
            source: r.source.clone(),
            author: r.author.clone(),
            published: r.published.clone(),
            site: r.site.clone(),
        }
    }
}

/// One attribution of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Its position among the article's attributions (`q0`, `q1`… in JSON).
    pub index: usize,
    /// Who said it: the engine's speaker or the reader's correction.
    pub speaker: Option<String>,
    /// True when the reader set the speaker.
    pub corrected: bool,
    /// The source as written at this place, when the speaker is unknown.
    pub source: Option<String>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Said, wrote or thought.
    pub act: Act,
    /// The attributed words.
    pub content: String,
    /// `[start, end)` of the content in code points.
    pub chars: [usize; 2],
    /// The content as a text-quote selector.
    pub anchor: Anchor,
    /// The reader's notes on it, in article order.
    pub notes: Vec<NoteItem>,
}

/// One of the reader's highlights or notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteItem {
    /// The note, with body and tags made safe.
    pub note: Note,
    /// The passage it is on (as it is now, else as it was).
    pub passage: String,
    /// `[start, end)` of the passage in code points, when it is still found.
    pub chars: Option<[usize; 2]>,
    /// The speaker of the attribution it is on, if any.
    pub speaker: Option<String>,
    /// The index of that attribution.
    pub attribution: Option<usize>,
}

/// A speaker and their attributions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerSection {
    /// The speaker's name.
    pub name: String,
    /// Indices into [`Digest::attributions`], in text order.
    pub attributions: Vec<usize>,
}

/// Everything an export writes about one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    /// Title, source and the rest.
    pub meta: Meta,
    /// Every attribution, in text order.
    pub attributions: Vec<Attribution>,
    /// Speakers, most attributions first (ties: who speaks first).
    pub speakers: Vec<SpeakerSection>,
    /// Indices of attributions with no known speaker, in text order.
    pub unresolved: Vec<usize>,
    /// Notes on passages that are not an attribution, in article order;
    /// notes whose passage is gone come last.
    pub other_notes: Vec<NoteItem>,
    /// Every tag used, sorted.
    pub tags: Vec<String>,
}

/// The reader's own words: zero-width joiners stay (emoji sequences).
fn own(s: &str) -> String {
    sayso_nlp::text::sanitize_own_words(s).into_owned()
}

fn clean(s: &str) -> String {
    sanitize(s).into_owned()
}

/// A selector made safe: the same quote, minus unsafe characters.
fn clean_anchor(a: &Anchor) -> Anchor {
    Anchor { exact: clean(&a.exact), prefix: clean(&a.prefix), suffix: clean(&a.suffix), ..*a }
}

fn clean_opt(s: Option<&String>) -> Option<String> {
    s.map(|s| clean(s.trim())).filter(|s| !s.is_empty())
}

/// Build the digest of `text` from its annotation, the reader's notes
/// (already re-anchored to `text`) and speaker corrections. The title falls
/// back to the article's headline.
#[must_use]
pub fn digest(
    meta: &Meta,
    text: &str,
    ann: &Annotation,
    notes: &[Note],
    corrections: &[Correction],
) -> Digest {
    let map = CharOffsets::new(text);
    let headline = ann.title.map(|t| t.slice(text).to_owned());
    let meta = Meta {
        id: meta.id.clone(),
        title: clean_opt(meta.title.as_ref().or(headline.as_ref())),
        source: clean_opt(meta.source.as_ref()),
        author: clean_opt(meta.author.as_ref()),
        published: clean_opt(meta.published.as_ref()),
        site: clean_opt(meta.site.as_ref()),
    };
    let mut attributions: Vec<Attribution> = ann
        .quotes
        .iter()
        .enumerate()
        .map(|(index, q)| Attribution {
            index,
            speaker: q.speaker.and_then(|s| ann.speakers.get(s)).map(|s| clean(&s.name)),
            corrected: false,
            source: q.source.map(|s| clean(s.slice(text))),
            cue: q.cue.map(|c| clean(c.slice(text))),
            kind: q.kind,
            act: q.act,
            content: clean(&q.content_words(text)),
            chars: map.span(q.content),
            anchor: clean_anchor(&Anchor::new(text, q.content)),
            notes: Vec::new(),
        })
        .collect();
    let covers = Covers::new(
        ann.quotes
            .iter()
            .map(|q| [q.cue, q.source].into_iter().flatten().fold(q.content, Span::cover))
            .collect(),
    );
    for c in corrections {
        let Some(at) = c.span else { continue };
        let exact = ann.quotes.iter().position(|q| q.content == at);
        if let Some(i) = exact.or_else(|| most_overlap(ann.quotes.iter().map(|q| q.content), at)) {
            attributions[i].speaker = Some(clean(c.speaker.trim())).filter(|s| !s.is_empty());
            attributions[i].corrected = true;
        }
    }
    let mut other_notes = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    for note in notes {
        let on = note.span.and_then(|s| covers.most_overlap(s));
        let item = NoteItem {
            passage: clean(note.span.map_or(note.anchor.exact.as_str(), |s| s.slice(text))),
            chars: note.span.map(|s| map.span(s)),
            speaker: on.and_then(|i| attributions[i].speaker.clone()),
            attribution: on,
            note: Note {
                body: own(&note.body),
                tags: note.tags.iter().map(|t| own(t)).filter(|t| !t.is_empty()).collect(),
                anchor: clean_anchor(&note.anchor),
                ..note.clone()
            },
        };
        tags.extend(item.note.tags.iter().cloned());
        match on {
            Some(i) => attributions[i].notes.push(item),
            None => other_notes.push(item),
        }
    }
    tags.sort();
    tags.dedup();
    let (speakers, unresolved) = group(&attributions);
    Digest { meta, attributions, speakers, unresolved, other_notes, tags }
}

/// Attribution spans indexed by start, so a note finds its attribution
/// without a scan over all of them (10,000 notes stay fast).
struct Covers {
    /// (span, attribution index), by start.
    sorted: Vec<(Span, usize)>,
    /// The longest span, bounding how far back an overlap can start.
    longest: usize,
}

impl Covers {
    fn new(spans: Vec<Span>) -> Self {
        let longest = spans.iter().map(|s| s.len()).max().unwrap_or(0);
        let mut sorted: Vec<(Span, usize)> = spans.into_iter().enumerate().map(|(i, s)| (s, i)).collect();
        sorted.sort_by_key(|&(s, i)| (s.start, i));
        Self { sorted, longest }
    }

    /// The attribution overlapping `target` the most (the first among equals).
    fn most_overlap(&self, target: Span) -> Option<usize> {
        let from = self.sorted.partition_point(|(s, _)| s.start + self.longest < target.start);
        let to = self.sorted.partition_point(|(s, _)| s.start < target.end);
        let near = self.sorted.get(from..to.max(from)).unwrap_or(&[]);
        let best = most_overlap(near.iter().map(|&(s, _)| s), target)?;
        // Among equal overlaps `most_overlap` keeps the first in start order;
        // map back to the attribution's own index.
        Some(near[best].1)
    }
}

/// The index of the span overlapping `target` the most, if any does.
fn most_overlap(spans: impl Iterator<Item = Span>, target: Span) -> Option<usize> {
    spans
        .enumerate()
        .map(|(i, s)| (s.end.min(target.end).saturating_sub(s.start.max(target.start)), i))
        .filter(|&(overlap, _)| overlap > 0)
        .max_by_key(|&(overlap, i)| (overlap, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// Attributions grouped by speaker name, and those with no speaker.
fn group(attributions: &[Attribution]) -> (Vec<SpeakerSection>, Vec<usize>) {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut sections: Vec<SpeakerSection> = Vec::new();
    let mut unresolved = Vec::new();
    for (i, a) in attributions.iter().enumerate() {
        let Some(name) = a.speaker.as_deref() else {
            unresolved.push(i);
            continue;
        };
        let at = *index.entry(name).or_insert_with(|| {
            sections.push(SpeakerSection { name: name.to_owned(), attributions: Vec::new() });
            sections.len() - 1
        });
        sections[at].attributions.push(i);
    }
    // Stable sort: among equals, who speaks first stays first.
    sections.sort_by_key(|s| std::cmp::Reverse(s.attributions.len()));
    (sections, unresolved)
}
