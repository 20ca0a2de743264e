//! The annotation pipeline: article layout, tokens, sentences, tags,
//! entities, quotes and speakers.

use crate::annotation::{Annotation, Paragraph, Sentence};
use crate::article;
use crate::pos::Pos;
use crate::sentences;
use crate::text::Span;
use crate::tokenize;

/// Holds the loaded models; cheap to share between threads.
#[derive(Debug, Default)]
pub struct Annotator {}

impl Annotator {
    /// Load the embedded models.
    #[must_use]
    pub fn new() -> Self {
        Self {}
    }

    /// Annotate one article given as plain text.
    #[must_use]
    pub fn annotate(&self, text: &str) -> Annotation {
        let mut ann = Annotation::default();
        for block in article::blocks(text) {
            let first_token = ann.tokens.len();
            tokenize::tokenize_into(text, block.span, &mut ann.tokens);
            let first_sentence = ann.sentences.len();
            for range in sentences::split(text, &ann.tokens, first_token..ann.tokens.len()) {
                if range.is_empty() {
                    continue;
                }
                let span = Span::new(ann.tokens[range.start].span.start, ann.tokens[range.end - 1].span.end);
                ann.sentences.push(Sentence { span, tokens: range });
            }
            if block.headline {
                ann.title = Some(block.span);
            }
            ann.paragraphs.push(Paragraph {
                span: block.span,
                sentences: first_sentence..ann.sentences.len(),
                headline: block.headline,
            });
        }
        ann.pos = vec![Pos::default(); ann.tokens.len()];
        ann
    }
}
