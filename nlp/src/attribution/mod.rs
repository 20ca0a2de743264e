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
    out.sort_by_key(|q| (q.content.start, q.content.end));
    out
}
