//! The annotation pipeline: article layout, tokens, sentences, tags,
//! entities, quotes and speakers.

use crate::annotation::{Annotation, Entity, Paragraph, Sentence};
use crate::article;
use crate::attribution::{self, Word, cues::Lexicon, tagger::AttributionTagger};
use crate::features::WordInfo;
use crate::model::{Model, ModelError};
use crate::ner::{self, DocMemory, EntityTagger};
use crate::sentences;
use crate::tagger::PosTagger;
use crate::text::Span;
use crate::tokenize;

/// The part-of-speech model, embedded at build time.
const POS_MODEL: &[u8] = include_bytes!("../../assets/models/pos.bin");
/// The entity model, embedded at build time.
const NER_MODEL: &[u8] = include_bytes!("../../assets/models/ner.bin");
/// The attribution model, embedded at build time.
const ATTRIBUTION_MODEL: &[u8] = include_bytes!("../../assets/models/attribution.bin");

/// Why the annotator could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// An embedded model is damaged.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The embedded cue lexicon is malformed.
    #[error(transparent)]
    Lexicon(#[from] attribution::cues::LexiconError),
}

/// Holds the loaded models; cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Annotator {
    pos: PosTagger,
    ner: EntityTagger,
    attribution: AttributionTagger,
    cues: Lexicon,
}

impl Annotator {
    /// Load the embedded models.
    ///
    /// # Errors
    /// When an embedded model or lexicon is damaged (which a build should never allow).
    pub fn new() -> Result<Self, LoadError> {
        Ok(Self {
            pos: PosTagger::new(Model::from_bytes(POS_MODEL)?)?,
            ner: EntityTagger::new(Model::from_bytes(NER_MODEL)?)?,
            attribution: AttributionTagger::new(Model::from_bytes(ATTRIBUTION_MODEL)?)?,
            cues: Lexicon::embedded()?,
        })
    }

    /// An annotator over the given taggers and the built-in attribution
    /// model (the trainer uses this to measure freshly trained models through
    /// the whole pipeline). Should the built-in attribution model or lexicon
    /// be damaged — which [`Annotator::new`] reports — it finds no attributions.
    #[must_use]
    pub fn with_models(pos: PosTagger, ner: EntityTagger) -> Self {
        let attribution = Model::from_bytes(ATTRIBUTION_MODEL)
            .and_then(AttributionTagger::new)
            .unwrap_or_else(|_| AttributionTagger::empty());
        Self { pos, ner, attribution, cues: Lexicon::embedded().unwrap_or_default() }
    }

    /// The same annotator with another attribution tagger (to evaluate one
    /// being trained).
    #[must_use]
    pub fn with_attribution(mut self, tagger: AttributionTagger) -> Self {
        self.attribution = tagger;
        self
    }

    /// The cue lexicon.
    #[must_use]
    pub const fn cues(&self) -> &Lexicon {
        &self.cues
    }

    /// Annotate one article given as plain text.
    #[must_use]
    pub fn annotate(&self, text: &str) -> Annotation {
        let (mut ann, words) = self.layers(text);
        ann.quotes = attribution::find(&self.attribution, &self.cues, text, &words, &ann);
        ann
    }

    /// Everything before attribution: layout, tokens, sentences, tags and
    /// entities, with the word keys the attribution tagger reads.
    #[must_use]
    pub fn layers(&self, text: &str) -> (Annotation, Vec<Word>) {
        let mut ann = Annotation::default();
        segment(text, &mut ann);
        let mut keys = Vec::new();
        self.tag(text, &mut ann, &mut keys);
        (ann, keys)
    }

    /// Part-of-speech tags and model entities, sentence by sentence; `keys`
    /// gets the word key of every token.
    fn tag(&self, text: &str, ann: &mut Annotation, keys: &mut Vec<Word>) {
        let mut scratch = Vec::new();
        let mut ner_scratch = ner::Scratch::default();
        let mut memory = DocMemory::default();
        let mut labels = Vec::new();
        // Word descriptions are made per sentence: a whole-document table
        // would cost ~90 bytes a token on very long inputs.
        let mut words: Vec<WordInfo> = Vec::new();
        ann.pos.reserve(ann.tokens.len());
        for s in &ann.sentences {
            let range = s.tokens.clone();
            words.clear();
            words.extend(ann.tokens[range.clone()].iter().map(|t| WordInfo::new(t.span.slice(text))));
            keys.extend(words.iter().map(Word::from));
            self.pos.tag(&words, &mut ann.pos, &mut scratch);
            let cx = ner::Context { words: &words, pos: &ann.pos[range.clone()], gazetteer: &[] };
            self.ner.tag(&cx, &memory, &mut labels, &mut ner_scratch);
            memory.learn(cx.words, &labels);
            for (a, b, label) in ner::runs(&labels) {
                let tokens = range.start + a..range.start + b;
                let span =
                    Span::new(ann.tokens[tokens.start].span.start, ann.tokens[tokens.end - 1].span.end);
                ann.entities.push(Entity { span, label, tokens, speaker: None });
            }
        }
    }
}

/// Paragraphs, tokens and sentences.
fn segment(text: &str, ann: &mut Annotation) {
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
}
