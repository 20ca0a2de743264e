//! Splits text into tokens. (Placeholder: whitespace and punctuation.)

use crate::annotation::{Token, TokenKind};
use crate::text::Span;

/// Append the tokens of `text[span]` to `out`.
pub fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let piece = span.slice(text);
    let mut start: Option<usize> = None;
    for (i, c) in piece.char_indices() {
        let at = span.start + i;
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(at);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token { span: Span::new(s, at), kind: TokenKind::Word });
        }
        if !c.is_whitespace() {
            out.push(Token { span: Span::new(at, at + c.len_utf8()), kind: TokenKind::Punct });
        }
    }
    if let Some(s) = start {
        out.push(Token { span: Span::new(s, span.end), kind: TokenKind::Word });
    }
}

/// The tokens of the whole text.
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}
