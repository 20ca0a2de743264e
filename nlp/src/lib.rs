//! `sayso-nlp`: the annotation engine behind sayso.
//!
//! Given the text of a news article it finds tokens, sentences, paragraphs,
//! parts of speech, named entities, and — the point of it all — who said
//! what: every attribution with its cue, source and resolved speaker.
//! Every span is a byte range into the original, unchanged text.
//!
//! The crate has no terminal, network or database dependency; models are
//! embedded at build time.

pub mod annotation;
pub mod article;
pub mod attribution;
pub mod consistency;
pub mod coref;
pub mod gazetteer;
pub mod json;
pub mod lexicon;
pub mod pipeline;
pub mod pos;
pub mod quotes;
pub mod rules;
pub mod sentences;
pub mod text;
pub mod tokenize;

pub use annotation::{
    Annotation, Entity, EntityLabel, Paragraph, Quote, QuoteKind, Sentence, Speaker, Token, TokenKind,
};
pub use pipeline::Annotator;
pub use text::{CharOffsets, Span};
pub mod features;
pub mod hash;
pub mod model;
pub mod ner;
pub mod tagger;
pub mod train;
pub mod viterbi;
