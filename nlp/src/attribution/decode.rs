//! From role tags to attributions: contents joined across a split quote,
//! each given the nearest cue and the source nearest that cue, with
//! fallbacks for untagged sources and paragraphs that open with a quote.

use std::ops::Range;

use crate::annotation::{Quote, QuoteKind};
use crate::attribution::layers::Layers;
use crate::attribution::tagger::{Role, role};
use crate::quotes;
use crate::text::Span;

/// A run of tokens with one role (token indices into the article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The role.
    pub role: Role,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

impl Run {
    const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// An attribution being assembled, as token ranges.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Content fragments in text order.
    pub content: Vec<Range<usize>>,
    /// The cue, if any.
    pub cue: Option<Range<usize>>,
    /// The source, if any.
    pub source: Option<Range<usize>>,
}

impl Draft {
    /// First content token.
    #[must_use]
    pub fn start(&self) -> usize {
        self.content.first().map_or(0, |r| r.start)
    }

    /// One past the last content token.
    #[must_use]
    pub fn end(&self) -> usize {
        self.content.last().map_or(0, |r| r.end)
    }

    /// True when token `i` is inside a content fragment.
    #[must_use]
    pub fn covers(&self, i: usize) -> bool {
        self.content.iter().any(|r| r.contains(&i))
    }
}

/// What decoding carries from one paragraph to the next.
#[derive(Debug, Clone, Default)]
pub struct Carry {
    /// The source of the last attribution.
    pub last_source: Option<Range<usize>>,
}

/// The role runs of a paragraph's labels (`labels[k]` for token `para.start + k`).
#[must_use]
pub fn runs(para: Range<usize>, labels: &[usize]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (k, &l) in labels.iter().enumerate() {
        let i = para.start + k;
        match role(l) {
            Some((r, false)) if out.last().is_some_and(|x| x.role == r && x.end == i) => {
                if let Some(last) = out.last_mut() {
                    last.end = i + 1;
                }
            }
            Some((r, _)) => out.push(Run { role: r, start: i, end: i + 1 }),
            None => {}
        }
    }
    out
}

/// True when the tokens between two content runs are a split quote's
/// attribution: a closing mark, at most one source and one cue, a few
/// other words, and an opening mark.
fn splits_quote(l: &Layers<'_>, runs: &[Run], gap: Range<usize>) -> bool {
    if gap.is_empty() || gap.len() > 14 {
        return false;
    }
    let first = l.quote[gap.start.saturating_sub(1)..gap.end].iter().any(|q| q.flags & quotes::CLOSING != 0);
    let last =
        l.quote[gap.start..(gap.end + 1).min(l.quote.len())].iter().any(|q| q.flags & quotes::OPENING != 0);
    if !first || !last {
        return false;
    }
    let inside = |r: &&Run| r.start >= gap.start && r.end <= gap.end;
    let sources = runs.iter().filter(inside).filter(|r| r.role == Role::Source).count();
    let cues = runs.iter().filter(inside).filter(|r| r.role == Role::Cue).count();
    sources <= 1 && cues <= 1
}

/// Group the content runs of a paragraph into drafts.
fn group(l: &Layers<'_>, runs: &[Run]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for r in runs.iter().filter(|r| r.role == Role::Content) {
        if let Some(d) = drafts.last_mut()
            && splits_quote(l, runs, d.end()..r.start)
        {
            d.content.push(r.range());
            continue;
        }
        drafts.push(Draft { content: vec![r.range()], ..Draft::default() });
    }
    drafts
}

/// Token distance from a span to a draft's content (0 when they touch or overlap).
fn distance(d: &Draft, r: Range<usize>) -> usize {
    if r.end <= d.start() {
        d.start() - r.end
    } else if r.start >= d.end() {
        r.start - d.end()
    } else {
        0
    }
}

/// Choose the cue of a draft among the cue runs: inside a split first, then
/// the nearest in the sentences the content spans.
fn choose_cue(l: &Layers<'_>, d: &Draft, runs: &[Run]) -> Option<Range<usize>> {
    let cues = runs.iter().filter(|r| r.role == Role::Cue && !d.covers(r.start));
    if d.content.len() > 1 {
        let inside = cues.clone().find(|r| r.start > d.start() && r.end < d.end());
        if let Some(r) = inside {
            return Some(r.range());
        }
    }
    let first = l.sentence(d.start());
    let last = l.sentence(d.end().saturating_sub(1).max(d.start()));
    let span = first.start..last.end;
    cues.filter(|r| r.start >= span.start && r.end <= span.end)
        .min_by_key(|r| distance(d, r.range()))
        .map(|r| r.range())
}

/// Choose the source: the source run nearest the cue in its sentence, else
/// the nearest entity or pronoun before the cue.
fn choose_source(l: &Layers<'_>, d: &Draft, cue: Option<Range<usize>>, runs: &[Run]) -> Option<Range<usize>> {
    let anchor = cue.clone().unwrap_or_else(|| d.start()..d.start());
    let sentence = l.sentence(anchor.start.min(l.tokens.len().saturating_sub(1)));
    let near = |r: Range<usize>| {
        if r.end <= anchor.start { anchor.start - r.end } else { r.start.saturating_sub(anchor.end) + 1 }
    };
    let tagged = runs
        .iter()
        .filter(|r| r.role == Role::Source && !d.covers(r.start))
        .filter(|r| r.start >= sentence.start && r.end <= sentence.end)
        .min_by_key(|r| near(r.range()));
    if let Some(r) = tagged {
        return Some(r.range());
    }
    cue.as_ref()?;
    fallback_source(l, d, anchor.start, sentence.start)
}

/// The nearest person, organisation or personal pronoun before `before`
/// (not inside the content), back to `floor`.
fn fallback_source(l: &Layers<'_>, d: &Draft, before: usize, floor: usize) -> Option<Range<usize>> {
    let mut i = before;
    while i > floor {
        i -= 1;
        if d.covers(i) {
            continue;
        }
        let e = l.entity[i] & 7;
        if e == 1 || e == 2 {
            let mut s = i;
            while s > floor
                && l.entity[s] & crate::attribution::layers::ENTITY_BEGIN == 0
                && l.entity[s - 1] & 7 == e
            {
                s -= 1;
            }
            return Some(s..i + 1);
        }
        if l.pos[i].as_str() == "PRP" {
            return Some(i..i + 1);
        }
    }
    None
}

/// The byte span of a token range.
fn span(l: &Layers<'_>, r: &Range<usize>) -> Span {
    Span::new(l.tokens[r.start].span.start, l.tokens[r.end - 1].span.end)
}

/// Whether a content span is a direct quotation, mixed, or reported speech.
fn kind(l: &Layers<'_>, d: &Draft) -> QuoteKind {
    let (s, e) = (d.start(), d.end() - 1);
    let opened = l.quote[s].depth > 0 || l.quote[s].flags & quotes::OPENING != 0;
    let closed = l.quote[e].depth > 0 || l.quote[e].flags & quotes::CLOSING != 0;
    let whole =
        d.content.iter().flat_map(Clone::clone).all(|i| l.quote[i].depth > 0 || l.quote[i].flags != 0);
    if opened && closed && whole {
        QuoteKind::Direct
    } else if d
        .content
        .iter()
        .flat_map(Clone::clone)
        .any(|i| l.quote[i].flags & (quotes::OPENING | quotes::CLOSING) != 0)
    {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// Decode one paragraph's labels into attributions appended to `out`.
pub fn paragraph(
    l: &Layers<'_>,
    para: Range<usize>,
    labels: &[usize],
    carry: &mut Carry,
    out: &mut Vec<Quote>,
) {
    let runs = runs(para.clone(), labels);
    let mut drafts = group(l, &runs);
    for d in &mut drafts {
        d.cue = choose_cue(l, d, &runs);
        d.source = choose_source(l, d, d.cue.clone(), &runs);
        let opens_para = l.quote[para.start].flags & quotes::OPENING != 0 && d.start() <= para.start + 1;
        if d.source.is_none() && opens_para {
            d.source.clone_from(&carry.last_source);
        }
        if d.source.is_some() {
            carry.last_source.clone_from(&d.source);
        }
    }
    for d in drafts {
        out.push(finish(l, &d));
    }
}

/// The quote of a finished draft, with byte spans and without a leading "that".
fn finish(l: &Layers<'_>, d: &Draft) -> Quote {
    let mut fragments: Vec<Span> = d.content.iter().map(|r| span(l, r)).collect();
    if let Some(first) = d.content.first()
        && first.len() > 1
        && l.tokens[first.start].span.slice(l.text).eq_ignore_ascii_case("that")
    {
        fragments[0].start = l.tokens[first.start + 1].span.start;
    }
    let content = fragments.iter().copied().reduce(Span::cover).unwrap_or_default();
    Quote {
        content,
        content_fragments: if fragments.len() > 1 { fragments } else { Vec::new() },
        cue: d.cue.as_ref().map(|r| span(l, r)),
        source: d.source.as_ref().map(|r| span(l, r)),
        speaker: None,
        kind: kind(l, d),
    }
}
