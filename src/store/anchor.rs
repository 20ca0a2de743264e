//! Anchors: where a note or correction sits in an article, by offsets and by
//! the quoted text with its context (the W3C `TextQuoteSelector` idea), so it
//! re-attaches when the article is re-extracted slightly differently.

use std::collections::HashMap;

use sayso_nlp::Span;

/// Characters of context kept on each side of the anchored passage.
pub const CONTEXT_CHARS: usize = 32;

/// Least share of matching words (Dice coefficient) for a tolerant match.
const MIN_WORD_SIMILARITY: f64 = 0.6;

/// A passage of an article: byte offsets plus the text quote that survives edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Anchor {
    /// First byte of the passage when it was anchored.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The passage's text.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters just before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters just after it.
    pub suffix: String,
}

impl Anchor {
    /// Anchor `span` of `text`; a span past the end or inside a character is
    /// widened to the nearest character boundaries inside the text.
    #[must_use]
    pub fn new(text: &str, span: Span) -> Self {
        let start = floor_boundary(text, span.start.min(text.len()));
        let end = ceil_boundary(text, span.end.clamp(start, text.len()));
        let before = &text[..start];
        let prefix_at = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
        let after = &text[end..];
        let suffix_to = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
        Self {
            start,
            end,
            exact: text[start..end].to_owned(),
            prefix: before[prefix_at..].to_owned(),
            suffix: after[..suffix_to].to_owned(),
        }
    }

    /// Where the passage is in `text`: at its old offsets when the text there
    /// is unchanged; else the occurrence of the passage whose context matches
    /// best, nearest the old place; else the stretch between its unchanged
    /// context; else the run of words most like it. `None` when it is gone.
    #[must_use]
    pub fn locate(&self, text: &str) -> Option<Span> {
        if text.get(self.start..self.end) == Some(self.exact.as_str()) {
            return Some(Span::new(self.start, self.end));
        }
        if self.exact.is_empty() {
            return self.between_context(text).filter(|s| s.is_empty());
        }
        self.by_occurrence(text).or_else(|| self.between_context(text)).or_else(|| self.by_words(text))
    }

    /// The occurrence of `exact` with the most matching context, then nearest.
    fn by_occurrence(&self, text: &str) -> Option<Span> {
        text.match_indices(self.exact.as_str())
            .map(|(at, _)| {
                let context = common_suffix_chars(&self.prefix, &text[..at])
                    + common_prefix_chars(&self.suffix, &text[at + self.exact.len()..]);
                (context, std::cmp::Reverse(at.abs_diff(self.start)), at)
            })
            .max()
            .map(|(_, _, at)| Span::new(at, at + self.exact.len()))
    }

    /// The text between an occurrence of the prefix and the next occurrence
    /// of the suffix, when both survived and the stretch has a plausible length.
    fn between_context(&self, text: &str) -> Option<Span> {
        let longest = self.exact.len() * 2 + 64;
        let starts: Vec<usize> = if self.prefix.is_empty() {
            if self.start == 0 { vec![0] } else { return None }
        } else {
            text.match_indices(self.prefix.as_str()).map(|(at, p)| at + p.len()).collect()
        };
        starts
            .into_iter()
            .filter_map(|p| {
                let end = if self.suffix.is_empty() {
                    (text.len() - p <= longest).then_some(text.len())?
                } else {
                    let window =
                        &text[p..ceil_boundary(text, (p + longest + self.suffix.len()).min(text.len()))];
                    p + window.find(self.suffix.as_str())?
                };
                Some(Span::new(p, end))
            })
            .min_by_key(|s| s.start.abs_diff(self.start))
    }

    /// The window of words most like the passage's words (as a multiset),
    /// nearest the old place among equals, widened by the punctuation the
    /// passage starts and ends with.
    fn by_words(&self, text: &str) -> Option<Span> {
        let wanted = words(&self.exact);
        let m = wanted.len();
        if m == 0 {
            return None;
        }
        let mut need: HashMap<&str, i32> = HashMap::new();
        for w in &wanted {
            *need.entry(w.1.as_str()).or_insert(0) += 1;
        }
        let found = words(text);
        let mut best: Option<(f64, usize, Span)> = None;
        let slack = m / 4 + 1;
        for len in m.saturating_sub(slack).max(1)..=m + slack {
            if len > found.len() {
                break;
            }
            let mut have: HashMap<&str, i32> = HashMap::new();
            let mut overlap = 0usize;
            for (i, (_, w)) in found.iter().enumerate() {
                if let Some(&n) = need.get(w.as_str()) {
                    let c = have.entry(w.as_str()).or_insert(0);
                    if *c < n {
                        overlap += 1;
                    }
                    *c += 1;
                }
                if i >= len {
                    let gone = found[i - len].1.as_str();
                    if let (Some(&n), Some(c)) = (need.get(gone), have.get_mut(gone)) {
                        *c -= 1;
                        if *c < n {
                            overlap -= 1;
                        }
                    }
                }
                if i + 1 >= len {
                    let score = 2.0 * overlap as f64 / (m + len) as f64;
                    let span = found[i + 1 - len].0.cover(found[i].0);
                    let distance = span.start.abs_diff(self.start);
                    let better =
                        best.is_none_or(|(s, d, _)| score > s + 1e-9 || (score > s - 1e-9 && distance < d));
                    if better {
                        best = Some((score, distance, span));
                    }
                }
            }
        }
        let (score, _, span) = best?;
        (score >= MIN_WORD_SIMILARITY).then(|| self.widen(text, span))
    }

    /// Extend a word-aligned span by the non-word characters that open and
    /// close the passage (quotation marks, a final full stop) when the text has them.
    fn widen(&self, text: &str, span: Span) -> Span {
        let head_len = self.exact.find(char::is_alphanumeric).unwrap_or(0);
        let tail_at = self
            .exact
            .rfind(char::is_alphanumeric)
            .map_or(self.exact.len(), |i| i + self.exact[i..].chars().next().map_or(0, char::len_utf8));
        let (head, tail) = (&self.exact[..head_len], &self.exact[tail_at..]);
        let start = if text[..span.start].ends_with(head) { span.start - head.len() } else { span.start };
        let end = if text[span.end..].starts_with(tail) { span.end + tail.len() } else { span.end };
        Span::new(start, end)
    }
}

/// Words (runs of letters and digits), lower-cased, with their spans.
fn words(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((Span::new(s, i), text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// How many characters at the end of `a` and `b` agree.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// How many characters at the start of `a` and `b` agree.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The council met on Tuesday. “We will not raise taxes this year,” said Mayor Ann Holt, \
        who spoke for an hour. Critics said the plan was thin. Holt said taxes would wait.";

    fn anchor(text: &str, needle: &str) -> Anchor {
        let at = text.find(needle).expect("needle present");
        Anchor::new(text, Span::new(at, at + needle.len()))
    }

    fn located<'t>(a: &Anchor, text: &'t str) -> Option<&'t str> {
        a.locate(text).map(|s| s.slice(text))
    }

    #[test]
    fn context_is_cut_on_char_boundaries() {
        let text = format!("{}passage{}", "é€".repeat(40), "𝄞ü".repeat(40));
        let a = anchor(&text, "passage");
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.suffix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.locate(&text), Some(Span::new(a.start, a.end)));
        // A span inside a character is widened to whole characters.
        let b = Anchor::new("aé b", Span::new(2, 3));
        assert_eq!(b.exact, "é");
    }

    #[test]
    fn unchanged_text_keeps_the_offsets() {
        let a = anchor(TEXT, "We will not raise taxes this year,");
        assert_eq!(a.locate(TEXT), Some(Span::new(a.start, a.end)));
    }

    #[test]
    fn words_added_before_shift_the_passage() {
        let a = anchor(TEXT, "We will not raise taxes this year,");
        let edited =
            TEXT.replace("The council met on Tuesday.", "The city council met late on Tuesday night.");
        assert_eq!(located(&a, &edited), Some("We will not raise taxes this year,"));
    }

    #[test]
    fn words_changed_after_leave_it_in_place() {
        let a = anchor(TEXT, "Critics said the plan was thin.");
        let edited =
            TEXT.replace("Holt said taxes would wait.", "Holt later said that taxes could wait a year.");
        assert_eq!(located(&a, &edited), Some("Critics said the plan was thin."));
    }

    #[test]
    fn a_small_edit_inside_is_followed() {
        let a = anchor(TEXT, "We will not raise taxes this year,");
        let edited = TEXT.replace("not raise taxes", "not raise any taxes");
        assert_eq!(located(&a, &edited), Some("We will not raise any taxes this year,"));
    }

    #[test]
    fn edits_inside_and_around_fall_back_to_words() {
        let a = anchor(TEXT, "We will not raise taxes this year,");
        let edited = "Council met Tuesday. “We will not raise the taxes this year”, Mayor Holt said. End.";
        assert_eq!(located(&a, edited), Some("We will not raise the taxes this year"));
    }

    #[test]
    fn the_occurrence_with_matching_context_wins() {
        let a = anchor(TEXT, "Holt said");
        // Both "said" passages survive; context picks the second "Holt said".
        let edited = format!("Holt said hello. {TEXT}");
        let span = a.locate(&edited).expect("found");
        assert_eq!(&edited[span.start - 10..span.end], "was thin. Holt said");
    }

    #[test]
    fn a_deleted_passage_is_not_found() {
        let a = anchor(TEXT, "Critics said the plan was thin.");
        let edited = TEXT.replace(" Critics said the plan was thin.", "");
        assert_eq!(a.locate(&edited), None);
        assert_eq!(anchor(TEXT, "Tuesday").locate("Nothing alike at all."), None);
    }

    proptest::proptest! {
        #[test]
        fn any_span_locates_to_itself(text in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
            let (s, e) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let anchor = Anchor::new(&text, Span::new(s, e));
            let span = anchor.locate(&text).expect("unchanged text");
            proptest::prop_assert_eq!(span.slice(&text), anchor.exact.as_str());
            proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
