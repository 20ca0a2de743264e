//! An annotated article and what the reader derives from it once: speakers
//! ranked by attributions, paragraph numbers, entity lists.

use std::collections::HashMap;

use sayso_nlp::{Annotation, EntityLabel, Quote, Span};

use crate::safe;

/// Words read per minute, for the reading time on the meta line.
const WORDS_PER_MINUTE: usize = 230;

/// The name the Speakers pane gives the attributions whose speaker the
/// engine could not tell.
pub const UNATTRIBUTED: &str = "Unattributed";

/// One speaker as listed in the Speakers pane.
#[derive(Debug, Clone)]
pub struct SpeakerEntry {
    /// Index into [`Annotation::speakers`]; `None` for the attributions
    /// without a speaker, listed last as [`UNATTRIBUTED`].
    pub id: Option<usize>,
    /// The name, made safe for the screen.
    pub name: String,
    /// Their attributions: indices into [`Annotation::quotes`], in text order.
    pub quotes: Vec<usize>,
}

/// One person, organisation or place as listed in the Entities pane.
#[derive(Debug, Clone)]
pub struct EntityEntry {
    /// What kind of entity.
    pub label: EntityLabel,
    /// The name shown, made safe for the screen.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// An article ready to read.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from: a file name or `sample`.
    pub origin: String,
    /// The original text; every span points into it.
    pub text: String,
    /// What the engine found.
    pub ann: Annotation,
    /// Speakers with at least one attribution, most attributions first.
    pub speakers: Vec<SpeakerEntry>,
    /// For each quote: the rank of its speaker in [`Document::speakers`].
    pub quote_rank: Vec<Option<usize>>,
    /// For each quote: its paragraph's number, counting from 1 after the headline.
    pub quote_paragraph: Vec<usize>,
    /// For each paragraph: its number after the headline (0 for the headline).
    pub paragraph_number: Vec<usize>,
    /// People, organisations and places, most mentioned first within each kind.
    pub entities: Vec<EntityEntry>,
    /// Word count.
    pub words: usize,
    /// Every piece of attributed content with its quote, in text order.
    pub pieces: Vec<(Span, usize)>,
    /// Every cue with its quote, in text order.
    pub cues: Vec<(Span, usize)>,
    /// List only speech and writing in `speakers`, not thought.
    pub words_only: bool,
}

/// The entity kinds listed in the Entities pane, in order.
pub const LISTED_ENTITIES: [EntityLabel; 3] = [EntityLabel::Person, EntityLabel::Org, EntityLabel::Loc];

/// A row of the Entities pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityRow {
    /// A heading: the kind of the entities below it.
    Heading(EntityLabel),
    /// An entity, by its index in [`Document::entities`].
    Item(usize),
}

/// Headings the Entities pane may show at once (one per listed kind).
pub const ENTITY_HEADINGS: usize = LISTED_ENTITIES.len();

impl Document {
    /// The Entities pane's first `rows` rows from entity `offset`: a
    /// heading above the first entity shown and wherever the kind changes.
    #[must_use]
    pub fn entity_rows(&self, offset: usize, rows: usize) -> Vec<EntityRow> {
        let mut out = Vec::with_capacity(rows);
        let mut kind = None;
        for (i, e) in self.entities.iter().enumerate().skip(offset) {
            if out.len() >= rows {
                break;
            }
            if kind != Some(e.label) {
                kind = Some(e.label);
                out.push(EntityRow::Heading(e.label));
                if out.len() >= rows {
                    break;
                }
            }
            out.push(EntityRow::Item(i));
        }
        out
    }

    /// Derive the reader's lists from an annotation of `text`.
    #[must_use]
    pub fn new(origin: String, text: String, ann: Annotation) -> Self {
        let (speakers, quote_rank) = rank_speakers(&ann, false);
        let mut paragraph_number = Vec::with_capacity(ann.paragraphs.len());
        let mut n = 0;
        for p in &ann.paragraphs {
            if !p.headline {
                n += 1;
            }
            paragraph_number.push(if p.headline { 0 } else { n });
        }
        let quote_paragraph = ann
            .quotes
            .iter()
            .map(|q| {
                let i = ann.paragraphs.partition_point(|p| p.span.end <= q.content.start);
                paragraph_number.get(i).copied().unwrap_or(n).max(1)
            })
            .collect();
        let entities = list_entities(&ann, &text);
        let words = ann.word_count();
        let mut pieces = Vec::new();
        let mut cues = Vec::new();
        for (i, q) in ann.quotes.iter().enumerate() {
            if q.content_fragments.is_empty() {
                pieces.push((q.content, i));
            } else {
                pieces.extend(q.content_fragments.iter().map(|&f| (f, i)));
            }
            cues.extend(q.cue.map(|c| (c, i)));
        }
        pieces.sort_by_key(|p| p.0);
        cues.sort_by_key(|c| c.0);
        Self {
            origin,
            text,
            ann,
            speakers,
            quote_rank,
            quote_paragraph,
            paragraph_number,
            entities,
            words,
            pieces,
            cues,
            words_only: false,
        }
    }

    /// List only speech and writing (`true`), or thought too: the Speakers
    /// pane and each speaker's quotes are made again; the text keeps every
    /// attribution's words, unmarked when they are not listed.
    pub fn set_words_only(&mut self, on: bool) {
        self.words_only = on;
        (self.speakers, self.quote_rank) = rank_speakers(&self.ann, on);
    }

    /// The colour rank of the entry at `rank`: itself, or `None` for the
    /// attributions without a speaker, which take no speaker's colour.
    #[must_use]
    pub fn colour(&self, rank: Option<usize>) -> Option<usize> {
        rank.filter(|&r| self.speakers.get(r).is_some_and(|s| s.id.is_some()))
    }

    /// True when quote `q` is listed under the filter in force.
    #[must_use]
    pub fn listed(&self, q: usize) -> bool {
        self.quote_rank.get(q).is_some_and(Option::is_some)
    }

    /// The same article with the reader's corrections of who said what:
    /// each `(content, name)` gives the attribution with that content to `name`.
    #[must_use]
    pub fn reassigned(self, corrections: &[(Span, String)]) -> Self {
        let Self { origin, text, mut ann, words_only, .. } = self;
        for (content, name) in corrections {
            ann.reassign(*content, name);
        }
        let mut doc = Self::new(origin, text, ann);
        doc.set_words_only(words_only);
        doc
    }

    /// The headline, made safe, or the origin when there is none.
    #[must_use]
    pub fn title(&self) -> String {
        self.ann.title.map_or_else(|| self.origin.clone(), |t| safe::line(t.slice(&self.text)))
    }

    /// Minutes to read, at least one.
    #[must_use]
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// The spans a quote's content covers: its fragments, or the whole content.
    #[must_use]
    pub fn content_pieces(&self, quote: usize) -> &[Span] {
        self.ann.quotes.get(quote).map_or(&[], Quote::pieces)
    }
}

/// Speakers with attributions, by number of attributions (most first), ties
/// broken by who speaks first, then the attributions without a speaker
/// under [`UNATTRIBUTED`]; with `words_only`, only speech and writing count.
/// Also, for each quote, the rank of the entry listing it.
fn rank_speakers(ann: &Annotation, words_only: bool) -> (Vec<SpeakerEntry>, Vec<Option<usize>>) {
    let mut by_id: Vec<Vec<usize>> = vec![Vec::new(); ann.speakers.len()];
    let mut unattributed = Vec::new();
    for (qi, q) in ann.quotes.iter().enumerate() {
        if words_only && !q.act.is_words() {
            continue;
        }
        match q.speaker.and_then(|s| by_id.get_mut(s)) {
            Some(list) => list.push(qi),
            None => unattributed.push(qi),
        }
    }
    let by_start = |quotes: &mut Vec<usize>| quotes.sort_by_key(|&q| ann.quotes[q].content.start);
    let mut out: Vec<SpeakerEntry> = by_id
        .into_iter()
        .enumerate()
        .filter(|(_, quotes)| !quotes.is_empty())
        .map(|(id, mut quotes)| {
            by_start(&mut quotes);
            SpeakerEntry { id: Some(id), name: safe::line(&ann.speakers[id].name), quotes }
        })
        .collect();
    out.sort_by_key(|s| (std::cmp::Reverse(s.quotes.len()), ann.quotes[s.quotes[0]].content.start));
    if !unattributed.is_empty() {
        by_start(&mut unattributed);
        out.push(SpeakerEntry { id: None, name: UNATTRIBUTED.to_owned(), quotes: unattributed });
    }
    let mut quote_rank = vec![None; ann.quotes.len()];
    for (rank, s) in out.iter().enumerate() {
        for &q in &s.quotes {
            quote_rank[q] = Some(rank);
        }
    }
    (out, quote_rank)
}

/// Group mentions of people, organisations and places by the entity the
/// engine says they name; each is listed once, under its speaker's name
/// when it said something, else under its longest mention.
fn list_entities(ann: &Annotation, text: &str) -> Vec<EntityEntry> {
    let mut index: HashMap<usize, usize> = HashMap::new();
    // Each entity with its speaker's name, if any, and its longest mention.
    let mut found: Vec<(EntityEntry, Option<String>)> = Vec::new();
    for e in ann.entities.iter().filter(|e| LISTED_ENTITIES.contains(&e.label)) {
        let i = *index.entry(e.entity).or_insert_with(|| {
            found.push((EntityEntry { label: e.label, name: String::new(), mentions: Vec::new() }, None));
            found.len() - 1
        });
        let (entry, speaker) = &mut found[i];
        if speaker.is_none() {
            *speaker = e.speaker.and_then(|s| ann.speakers.get(s)).map(|s| safe::line(&s.name));
        }
        let mention = safe::line(e.span.slice(text));
        if mention.chars().count() > entry.name.chars().count() {
            entry.name = mention;
        }
        entry.mentions.push(e.span);
    }
    let mut out: Vec<EntityEntry> = found
        .into_iter()
        .map(|(mut entry, speaker)| {
            if let Some(name) = speaker.filter(|n| !n.is_empty()) {
                entry.name = name;
            }
            entry
        })
        .filter(|e| !e.name.is_empty())
        .collect();
    // Stable: first seen first among equal counts.
    out.sort_by_key(|e| {
        let kind = LISTED_ENTITIES.iter().position(|&l| l == e.label).unwrap_or(usize::MAX);
        (kind, std::cmp::Reverse(e.mentions.len()))
    });
    out
}
