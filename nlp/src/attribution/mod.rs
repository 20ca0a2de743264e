//! Who said what: every attribution of an article — direct quotation,
//! reported speech or mixed — with its content, cue and source mention.
//!
//! A learned tagger labels sources, cues and contents paragraph by
//! paragraph; decoding joins split quotations and pairs each content with
//! its cue and source; rules add the quotations the tagger missed.

pub mod cues;
pub mod decode;
pub mod features;
pub mod layers;
pub mod mention;
pub mod quotes;
pub mod tagger;

use crate::annotation::{Annotation, Quote};
use cues::Lexicon;
use layers::Layers;
pub use layers::Word;
use tagger::{AttributionTagger, Scratch};

/// Find the attributions of an article whose tokens, tags and entities are
/// done; `words` are the tokens' keys.
#[must_use]
pub fn find(
    tagger: &AttributionTagger,
    lexicon: &Lexicon,
    text: &str,
    words: &[Word],
    ann: &Annotation,
) -> Vec<Quote> {
    let layers = Layers::new(text, ann, words, lexicon);
    let mut labels = Vec::new();
    let mut scratch = Scratch::default();
    let mut carry = decode::Carry::default();
    let mut out = Vec::new();
    for para in &layers.paragraphs {
        if para.is_empty() {
            continue;
        }
        tagger.tag(&layers, para.clone(), &mut labels, &mut scratch);
        decode::paragraph(&layers, para.clone(), &labels, &mut carry, &mut out);
    }
    for q in &mut out {
        tidy(text, q);
        keep_roles_apart(q);
    }
    out.sort_by_key(|q| (q.content.start, q.content.end));
    out
}

/// Spans as a reader expects them: a cue without trailing punctuation
/// ("said" for "said:"), and a direct quote's content inside its marks.
fn tidy(text: &str, q: &mut Quote) {
    if let Some(cue) = q.cue {
        let trimmed = cue
            .slice(text)
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '—' | '-'));
        if !trimmed.is_empty() {
            q.cue = Some(crate::text::Span::new(cue.start, cue.start + trimmed.len()));
        }
    }
    let unwrap = |span: crate::text::Span| -> crate::text::Span {
        let s = span.slice(text);
        let inner = s.strip_prefix(['“', '"', '«']).and_then(|r| r.strip_suffix(['”', '"', '»']));
        match inner {
            Some(inner) if !inner.trim().is_empty() && !inner.contains(['“', '”', '"', '«', '»']) => {
                let start = span.start + (s.len() - s.trim_start_matches(['“', '"', '«']).len());
                crate::text::Span::new(start, start + inner.len())
            }
            _ => span,
        }
    };
    if q.kind == crate::annotation::QuoteKind::Direct {
        if q.content_fragments.is_empty() {
            q.content = unwrap(q.content);
        } else {
            for f in &mut q.content_fragments {
                *f = unwrap(*f);
            }
            if let (Some(first), Some(last)) = (q.content_fragments.first(), q.content_fragments.last()) {
                q.content = first.cover(*last);
            }
        }
    }
}

/// The last word on roles: a cue or source that overlaps the content (or a
/// source that overlaps the cue) is dropped rather than shown wrongly.
fn keep_roles_apart(q: &mut Quote) {
    let pieces = if q.content_fragments.is_empty() {
        std::slice::from_ref(&q.content)
    } else {
        q.content_fragments.as_slice()
    };
    let clashes = |role: crate::text::Span| pieces.iter().any(|c| c.overlaps(role));
    if q.cue.is_some_and(clashes) {
        q.cue = None;
    }
    if q.source.is_some_and(|s| clashes(s) || q.cue.is_some_and(|c| c.overlaps(s))) {
        q.source = None;
    }
}
