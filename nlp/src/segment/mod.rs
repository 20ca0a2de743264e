//! Segmentation: an article's headline and paragraphs, its tokens (Penn
//! Treebank style, every span into the original text) and its sentences.

pub mod article;
pub mod sentences;
pub mod tokenize;
