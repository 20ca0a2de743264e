//! Splits a paragraph's tokens into sentences. (Placeholder: . ! ? end one.)

use std::ops::Range;

use crate::annotation::Token;

/// Split `tokens[range]` into sentences; returns token ranges covering `range`.
#[must_use]
pub fn split(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if matches!(tokens[i].span.slice(text), "." | "!" | "?") {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}
