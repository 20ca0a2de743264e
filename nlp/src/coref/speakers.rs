//! From clusters to speakers: which clusters said something, in what order,
//! and under what display name.

use super::cluster::Cluster;
use super::collect::Mentions;
use super::doc::Doc;
use super::lexicon::{Class, lexicon};
use super::mention::{Animacy, Form, Mention};
use crate::annotation::{EntityLabel, Speaker};
use crate::text::Span;

/// Descriptions longer than this many words get a short display form.
const LONG_DESCRIPTION: usize = 8;

/// The speakers, most attributions first, and for each cluster its speaker index.
pub fn speakers(
    doc: &Doc<'_>,
    mentions: &Mentions,
    clusters: &[Cluster],
) -> (Vec<Speaker>, Vec<Option<usize>>) {
    let mut counts = vec![0usize; clusters.len()];
    for &(m, _) in &mentions.quotes {
        if let Some(ci) = mentions.list.get(m as usize).and_then(|m| m.cluster) {
            counts[ci] += 1;
        }
    }
    let first =
        |c: &Cluster| c.mentions.iter().filter_map(|&i| mentions.list.get(i)).map(|m| m.span.start).min();
    let mut order: Vec<usize> = (0..clusters.len()).filter(|&ci| counts[ci] > 0).collect();
    order.sort_by_key(|&ci| (std::cmp::Reverse(counts[ci]), first(&clusters[ci])));
    let mut index = vec![None; clusters.len()];
    let mut out = Vec::with_capacity(order.len());
    for ci in order {
        index[ci] = Some(out.len());
        let c = &clusters[ci];
        let mut spans: Vec<Span> =
            c.mentions.iter().filter_map(|&i| mentions.list.get(i)).map(|m| m.span).collect();
        spans.sort();
        spans.dedup();
        out.push(Speaker { name: display_name(doc, &mentions.list, c), label: c.label(), mentions: spans });
    }
    (out, index)
}

/// The fullest proper name, else the fullest description.
fn display_name(doc: &Doc<'_>, list: &[Mention], c: &Cluster) -> String {
    if c.author {
        return "The author".to_owned();
    }
    let members = || c.mentions.iter().filter_map(|&i| list.get(i));
    // Headlines capitalise every word, which blurs where names end.
    let in_body = |m: &&Mention| !doc.ann.paragraphs.get(m.paragraph as usize).is_some_and(|p| p.headline);
    // Between names as full, one in the body's case before one in capitals
    // ("Manila", not the dateline's "MANILA").
    let cased = |m: &&Mention| m.name_span.is_some_and(|s| s.slice(doc.text).chars().any(char::is_lowercase));
    let named = members()
        .filter(|m| m.form == Form::Name)
        .max_by_key(|m| (in_body(m), m.name.len(), cased(m), std::cmp::Reverse(m.span.start)))
        .and_then(|m| m.name_span);
    if let Some(span) = named {
        return span.slice(doc.text).to_owned();
    }
    let described = members()
        .filter(|m| m.form == Form::Nominal)
        .max_by_key(|m| (words(doc, m.description), std::cmp::Reverse(m.span.start)));
    match described {
        Some(m) if words(doc, m.description) > LONG_DESCRIPTION => short_description(doc, m),
        Some(m) => capitalise(m.description.slice(doc.text)),
        None => members().next().map_or_else(String::new, |m| m.span.slice(doc.text).to_owned()),
    }
}

/// A long description shortened to its head phrase, a person's led by the
/// nationality or organisation its post-modifier names: "A senior official
/// of the administration of Japanese Prime Minister ..." gives "Japanese
/// senior official".
fn short_description(doc: &Doc<'_>, m: &Mention) -> String {
    let lex = lexicon();
    let head = doc.tokens_in(Span::new(m.span.start, m.head_end));
    let mut parts: Vec<&str> = Vec::new();
    let post = doc.tokens_in(Span::new(m.head_end, m.description.end));
    let affiliation = doc.entities_starting_in(post.clone()).iter().find(|e| {
        e.tokens.start >= post.start
            && e.tokens.end <= post.end
            && matches!(e.label, EntityLabel::Misc | EntityLabel::Org)
    });
    // A thing keeps its own words, and the organisation after them in
    // brackets: "A large study published … by Inserm" is "A large study
    // (Inserm)"; a nationality or party is no author.
    if m.animacy != Animacy::Person {
        let own = capitalise(Span::new(m.span.start, m.head_end).slice(doc.text));
        return match affiliation.filter(|e| e.label == EntityLabel::Org) {
            Some(e) => format!("{own} ({})", e.span.slice(doc.text)),
            None => own,
        };
    }
    if let Some(e) = affiliation {
        parts.push(e.span.slice(doc.text));
    }
    for i in head {
        let w = doc.word(i);
        if doc.is_word(i) && !(i == m.tokens.start && lex.is(w, Class::Determiner)) {
            parts.push(w);
        }
    }
    if affiliation.is_none() {
        return capitalise(&parts.join(" "));
    }
    parts.join(" ")
}

fn words(doc: &Doc<'_>, span: Span) -> usize {
    doc.tokens_in(span).filter(|&i| doc.is_word(i)).count()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
