//! Where reported speech ends. The tagger reads a window of words, so the
//! content of a report often runs on past what was said into the rest of
//! the sentence ("endorsed Hillary Clinton for president on Thursday,
//! another example of …"). A ranking model, learned from the attributions
//! found on articles the tagger did not learn from, weighs every place the
//! content of a report could end and keeps the best. Direct quotations and
//! split contents keep their ends, and a content never ends inside a
//! quotation.

use std::ops::Range;

use crate::annotation::{Quote, QuoteKind, tokens_overlapping};
use crate::attribution::layers::Layers;
use crate::attribution::quotes::CLOSING;
use crate::tag::features::{IS_PUNCT, PAD, feat, feat2};
use crate::tag::model::Model;
use crate::text::Span;

/// The one class of an ends model: its score ranks the places a content
/// could end at.
pub const LABEL: &str = "end";

/// The feature only the end as found has.
pub const WHOLE: u64 = feat(1, 1);

/// What the features of every candidate end of one content share.
#[derive(Debug, Clone)]
pub struct Content {
    /// The content's tokens.
    pub tokens: Range<usize>,
    /// Where it may end: token indices one past its last token, ascending;
    /// the last is its end as found.
    pub ends: Vec<usize>,
    /// Finite verbs among the content's first `n` tokens, for every `n`.
    finite: Vec<u16>,
    /// Commas among the content's first `n` tokens, for every `n`.
    commas: Vec<u16>,
    /// The cue's last word (or [`PAD`]).
    cue: u64,
    /// Whether the cue stands after the content.
    cue_after: bool,
    /// The attribution's kind.
    kind: u64,
}

/// The content of `q` and where it may end, when it is one piece of
/// reported or mixed speech at least two tokens long.
#[must_use]
pub fn content(l: &Layers<'_>, q: &Quote) -> Option<Content> {
    if q.kind == QuoteKind::Direct || !q.content_fragments.is_empty() {
        return None;
    }
    let tokens = tokens_overlapping(l.tokens, q.content);
    if tokens.len() < 2 {
        return None;
    }
    let is_punct = |i: usize| l.words.get(i).is_none_or(|w| w.flags & IS_PUNCT != 0);
    let closing = |i: usize| l.quote.get(i).is_some_and(|s| s.flags & CLOSING != 0);
    let outside = |i: usize| l.quote.get(i).is_none_or(|s| s.depth == 0);
    let mut ends: Vec<usize> = (tokens.start + 1..tokens.end)
        .filter(|&k| outside(k) && (!is_punct(k - 1) || closing(k - 1)))
        .collect();
    ends.push(tokens.end);
    let (mut finite_counts, mut commas) = (vec![0u16], vec![0u16]);
    let (mut f, mut n) = (0u16, 0u16);
    for i in tokens.clone() {
        f = f.saturating_add(u16::from(l.pos.get(i).is_some_and(|p| p.is_finite())));
        n = n.saturating_add(u16::from(l.pos.get(i).is_some_and(|p| p.as_str() == ",")));
        finite_counts.push(f);
        commas.push(n);
    }
    let cue = q.cue.map(|c| tokens_overlapping(l.tokens, c)).filter(|c| !c.is_empty());
    Some(Content {
        cue: cue.as_ref().and_then(|c| l.words.get(c.end - 1)).map_or(PAD, |w| w.lower),
        cue_after: cue.is_some_and(|c| c.start >= tokens.end),
        kind: q.kind as u64,
        finite: finite_counts,
        commas,
        tokens,
        ends,
    })
}

/// A number's bucket: 0, 1, 2–3, 4–7, … (at most 6).
fn bucket(n: usize) -> u64 {
    u64::from(usize::BITS - n.leading_zeros()).min(6)
}

/// The features of ending content `c` before token `k`.
pub fn features(l: &Layers<'_>, c: &Content, k: usize, out: &mut Vec<u64>) {
    let word = |i: usize| l.words.get(i).map_or(PAD, |w| w.lower);
    let tag = |i: usize| l.pos.get(i).map_or(0, |p| u64::from(p.0) + 1);
    let (start, end) = (c.tokens.start, c.tokens.end);
    let whole = u64::from(k == end);
    let kept_finite = c.finite[k - start] > 0;
    let kept_commas = u64::from(c.commas[k - start].min(3));
    let dropped_finite = c.finite[end - start] > c.finite[k - start];
    let new_sentence = l.sentence_of.get(k).zip(l.sentence_of.get(k - 1)).is_some_and(|(a, b)| a != b);
    out.extend_from_slice(&[
        feat(1, whole),
        feat2(2, whole, word(k)),
        feat2(3, whole, tag(k)),
        feat2(4, tag(k - 1), tag(k)),
        feat2(5, whole, word(k - 1)),
        feat2(6, tag(k), tag(k + 1)),
        feat2(7, word(k), tag(k + 1)),
        feat2(8, whole, bucket(end - k)),
        feat2(9, whole, bucket(k - start)),
        feat2(10, whole, u64::from(kept_finite) * 2 + u64::from(dropped_finite)),
        feat2(11, whole, c.cue),
        feat2(12, c.cue, word(k)),
        feat2(13, whole, c.kind),
        feat2(14, whole, u64::from(new_sentence)),
        feat2(15, whole, u64::from(c.cue_after)),
        feat2(16, word(k), u64::from(kept_finite)),
        feat2(17, tag(start), tag(k)),
        feat2(18, word(k), bucket(end - k)),
        feat2(19, whole, word(start)),
        feat2(20, word(start), word(k)),
        feat2(21, kept_commas, word(k)),
        feat2(22, whole, tag(start)),
        feat2(23, u64::from(c.finite[k - start].min(2)), tag(k)),
        // A list goes on past its commas: "Germany, France and the UK".
        feat2(24, u64::from(tag(k - 1) == tag(k + 1)), word(k)),
        feat2(25, tag(k + 1), tag(k + 2)),
        feat2(
            26,
            u64::from((k + 1..k + 5).any(|i| l.pos.get(i).is_some_and(|p| p.as_str() == "CC"))),
            word(k),
        ),
    ]);
}

/// The end the model ranks first among `c`'s (its last, on ties).
#[must_use]
pub fn best(model: &Model, l: &Layers<'_>, c: &Content, scratch: &mut Vec<u64>) -> usize {
    let mut best = (f32::NEG_INFINITY, c.tokens.end);
    let mut score = [0f32; 1];
    for &k in &c.ends {
        scratch.clear();
        features(l, c, k, scratch);
        model.score(scratch, &mut score);
        if score[0] >= best.0 {
            best = (score[0], k);
        }
    }
    best.1
}

/// End the content of `q` before token `k` (no later than it ends now).
pub fn cut(l: &Layers<'_>, q: &mut Quote, k: usize) {
    let Some(last) = k.checked_sub(1).and_then(|i| l.tokens.get(i)) else { return };
    if last.span.end < q.content.end && last.span.end > q.content.start {
        q.content = Span::new(q.content.start, last.span.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Act;
    use crate::attribution::review::Review;

    /// The feature of an end before a content's first comma.
    fn before_the_first_comma() -> u64 {
        feat2(21, 0, crate::tag::features::WordInfo::new(",").lower)
    }

    fn at(text: &str, part: &str) -> Span {
        let start = text.find(part).expect("in the text");
        Span::new(start, start + part.len())
    }

    fn report(text: &str, content: &str, kind: QuoteKind) -> Quote {
        Quote {
            content: at(text, content),
            content_fragments: Vec::new(),
            cue: Some(at(text, "praised")),
            source: Some(at(text, "The mayor")),
            speaker: None,
            kind,
            act: Act::Said,
        }
    }

    /// A reviewer keeping everything whose ends model ranks an end before
    /// the first comma first.
    fn cutting_at_commas() -> Review {
        let rows = vec![(before_the_first_comma(), vec![(0u8, 3.0)])];
        Review::none()
            .with_ends(Model::from_rows(vec![LABEL.into()], String::new(), rows))
            .expect("an ends model")
    }

    #[test]
    fn a_report_ends_where_the_model_ranks_first_and_never_inside_a_quotation() {
        let annotator = crate::pipeline::Annotator::new().expect("the built-in models");
        let text = "The mayor praised the new bridge, which opened in May, and the ferry. \
                    The mayor praised the bridge as \u{201c}safe, quick and cheap\u{201d} to build.\n";
        let (ann, words) = annotator.layers(text);
        let l = Layers::new(text, &ann, &words, annotator.cues());
        let review = cutting_at_commas();
        let mut scratch = Vec::new();

        let mut q = report(text, "the new bridge, which opened in May, and the ferry", QuoteKind::Indirect);
        let c = content(&l, &q).expect("a report");
        assert_eq!(c.ends.last(), Some(&c.tokens.end), "the end as found is a candidate");
        assert!(c.ends.iter().all(|&k| l.words[k - 1].flags & IS_PUNCT == 0), "no end after a comma");
        review.end(&l, &mut q, &mut scratch);
        assert_eq!(q.content.slice(text), "the new bridge");

        // The same model keeps the end of a report whose commas are quoted.
        let whole = "the bridge as \u{201c}safe, quick and cheap\u{201d} to build";
        let mut q = report(text, whole, QuoteKind::Mixed);
        review.end(&l, &mut q, &mut scratch);
        assert_eq!(q.content.slice(text), whole);

        // Direct quotations keep their ends, and without a model so does all.
        let mut q = report(text, "the new bridge, which opened in May, and the ferry", QuoteKind::Direct);
        review.end(&l, &mut q, &mut scratch);
        assert!(q.content.slice(text).ends_with("ferry"));
        let mut q = report(text, "the new bridge, which opened in May, and the ferry", QuoteKind::Indirect);
        Review::none().end(&l, &mut q, &mut scratch);
        assert!(q.content.slice(text).ends_with("ferry"));
    }

    #[test]
    fn the_built_in_model_ends_a_report_before_what_the_writer_adds() {
        let annotator = crate::pipeline::Annotator::new().expect("the built-in models");
        let text = "The senator has acknowledged the reality of rising seas, which makes her \
                    something of an outlier in her party.\n";
        let ann = annotator.annotate(text);
        let q = ann.quotes.iter().find(|q| q.content.slice(text).contains("rising seas")).expect("a report");
        assert_eq!(q.content.slice(text), "the reality of rising seas");
    }
}
