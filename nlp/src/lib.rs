//! `sayso-nlp`: the annotation engine behind sayso.
//!
//! Given the text of a news article it finds tokens, sentences, paragraphs,
//! parts of speech, named entities, and — the point of it all — who said
//! what: every attribution with its cue, source and resolved speaker.
//! Every span is a byte range into the original, unchanged text.
//!
//! ```
//! let annotator = sayso_nlp::Annotator::new()?;
//! let text = "“We will meet,” the minister said.";
//! let annotation = annotator.annotate(text);
//! let json = sayso_nlp::to_json(&annotation, text, false);
//! assert_eq!(json.quotes.len(), 1);
//! # Ok::<(), sayso_nlp::LoadError>(())
//! ```
//!
//! The modules follow the stages of the pipeline: [`text`] (spans, offsets,
//! safe text), [`segment`] (layout, tokens, sentences), [`tag`] (the shared
//! tagging machinery and parts of speech), [`entities`], [`attribution`],
//! [`coref`] (who each source is), and [`pipeline`], which runs them in order.
//! The crate has no terminal, network or database dependency; models are
//! embedded at build time. Training lives behind the `train` feature.

pub mod annotation;
pub mod attribution;
pub mod coref;
pub mod entities;
pub mod json;
pub mod parallel;
pub mod pipeline;
pub mod segment;
pub mod syntax;
pub mod tag;
pub mod text;
#[cfg(feature = "train")]
pub mod train;

pub use annotation::{
    Act, Annotation, Entity, EntityLabel, Paragraph, Quote, QuoteKind, Sentence, Speaker, Token, TokenKind,
};
pub use json::to_json;
pub use pipeline::{Annotator, LoadError};
pub use text::{CharOffsets, Span, sanitize};
