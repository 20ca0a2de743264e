//! The annotation pipeline: article layout, tokens, sentences, tags,
//! entities, quotes and speakers.

use crate::annotation::{Act, Annotation, Entity, Paragraph, Sentence};
use crate::attribution::{
    self, Word, acts::ActLexicon, cues::Lexicon, review::Review, tagger::AttributionTagger,
};
use crate::entities::gazetteer::{Gazetteer, title_entities};
use crate::entities::ner::{self, EntityTagger};
use crate::entities::rules;
use crate::entities::{consistency, linking};
use crate::segment::article;
use crate::segment::sentences;
use crate::segment::tokenize;
use crate::syntax::{LazyParser, ParsedWords, Syntax, SyntaxError};
use crate::tag::features::WordInfo;
use crate::tag::model::{Model, ModelError};
use crate::tag::pos_tagger::PosTagger;
use crate::text::Span;

/// The part-of-speech model, embedded at build time.
const POS_MODEL: &[u8] = include_bytes!("../../assets/models/pos.bin");
/// The entity model, embedded at build time.
const NER_MODEL: &[u8] = include_bytes!("../../assets/models/ner.bin");
/// The attribution model, embedded at build time.
const ATTRIBUTION_MODEL: &[u8] = include_bytes!("../../assets/models/attribution.bin");
/// The attribution reviewer, embedded at build time.
const REVIEW_MODEL: &[u8] = include_bytes!("../../assets/models/review.bin");
/// Where the reviewer ends reported contents, embedded at build time.
const ENDS_MODEL: &[u8] = include_bytes!("../../assets/models/ends.bin");

/// Why the annotator could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// An embedded model is damaged.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The embedded cue lexicon is malformed.
    #[error(transparent)]
    Lexicon(#[from] attribution::cues::LexiconError),
    /// The embedded parser is damaged.
    #[error(transparent)]
    Syntax(#[from] SyntaxError),
}

/// Holds the loaded models; cheap to share between threads.
#[derive(Debug, Clone)]
pub struct Annotator {
    pos: PosTagger,
    ner: EntityTagger,
    attribution: AttributionTagger,
    /// Leaves out the reported attributions seldom right.
    review: Review,
    cues: Lexicon,
    acts: ActLexicon,
    /// The dependency parser, when sentences are to be parsed.
    syntax: Option<std::sync::Arc<Syntax>>,
    /// The parser alone, loaded when attribution first needs a sentence's tree.
    parser: LazyParser,
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
            review: Review::new(Model::from_bytes(REVIEW_MODEL)?)?
                .with_ends(Model::from_bytes(ENDS_MODEL)?)?,
            cues: Lexicon::embedded()?,
            acts: ActLexicon::embedded()?,
            syntax: None,
            parser: LazyParser::default(),
        })
    }

    /// The same annotator, also parsing every sentence into a dependency
    /// tree ([`Annotation::syntax`]) before attribution. Parsing is off
    /// by default: it makes annotation about five times slower.
    ///
    /// # Errors
    /// When the embedded parser is damaged (which a build should never allow).
    pub fn with_syntax(mut self) -> Result<Self, LoadError> {
        self.syntax = Some(std::sync::Arc::new(Syntax::new()?));
        Ok(self)
    }

    /// The parser with the part-of-speech tagger, once [`Annotator::with_syntax`] loaded it.
    #[must_use]
    pub fn syntax(&self) -> Option<&Syntax> {
        self.syntax.as_deref()
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
        let mut review = Model::from_bytes(REVIEW_MODEL).and_then(Review::new).unwrap_or_default();
        if let Ok(with_ends) = Model::from_bytes(ENDS_MODEL).and_then(|m| review.clone().with_ends(m)) {
            review = with_ends;
        }
        Self {
            pos,
            ner,
            attribution,
            review,
            cues: Lexicon::embedded().unwrap_or_default(),
            acts: ActLexicon::embedded().unwrap_or_default(),
            syntax: None,
            parser: LazyParser::default(),
        }
    }

    /// The same annotator with another attribution tagger (to evaluate one
    /// being trained), and no reviewer: the built-in one learned the
    /// built-in tagger's mistakes.
    #[must_use]
    pub fn with_attribution(mut self, tagger: AttributionTagger) -> Self {
        self.attribution = tagger;
        self.review = Review::none();
        self
    }

    /// The same annotator keeping every attribution found, also those the
    /// reviewer finds seldom right: more are found, and more of them are wrong.
    #[must_use]
    pub fn without_review(mut self) -> Self {
        self.review = Review::none();
        self
    }

    /// The parser attribution reads sentences' trees with.
    #[must_use]
    pub const fn parser(&self) -> &LazyParser {
        &self.parser
    }

    /// The cue lexicon.
    #[must_use]
    pub const fn cues(&self) -> &Lexicon {
        &self.cues
    }

    /// Annotate one article given as plain text: everything of
    /// [`Annotator::layers`], then attributions and speakers.
    #[must_use]
    pub fn annotate(&self, text: &str) -> Annotation {
        let (mut ann, words) = self.layers(text);
        ann.quotes =
            attribution::find(&self.attribution, &self.review, &self.cues, text, &words, &ann, &self.parser);
        for q in &mut ann.quotes {
            q.act = self.acts.of_cue(q.cue.map(|c| c.slice(text)));
            // "In a post on X, he urged …": the sentence's opening words
            // name the medium the cue does not.
            if q.act == Act::Said
                && let Some(cue) = q.cue
                && let Some(s) = ann.sentences.get(ann.sentences.partition_point(|s| s.span.end <= cue.start))
                && s.span.contains(cue)
                && q.content.start > s.span.start
                && self.acts.opens_with_a_medium(text.get(s.span.start..cue.start).unwrap_or(""))
            {
                q.act = Act::Wrote;
            }
        }
        // Word keys are not needed past attribution; free them before coreference.
        drop(words);
        crate::coref::resolve(text, &mut ann);
        ann
    }

    /// Only the first stages: paragraphs, tokens, sentences, part-of-speech
    /// tags and entities, with no attributions or speakers.
    #[must_use]
    pub fn entities(&self, text: &str) -> Annotation {
        self.layers(text).0
    }

    /// The stages before attribution (see [`Annotator::entities`]), with the
    /// word key of every token, which the attribution tagger reads.
    #[must_use]
    pub fn layers(&self, text: &str) -> (Annotation, Vec<Word>) {
        let mut ann = Annotation::default();
        segment(text, &mut ann);
        let mut keys = Vec::with_capacity(ann.tokens.len());
        self.tag(text, &mut ann, &mut keys);
        linking::link(text, &mut ann);
        (ann, keys)
    }

    /// Part-of-speech tags and entities, sentence by sentence: the model's
    /// PERSON / ORG / LOC / MISC, then job titles and numeric expressions
    /// wherever they do not overlap a model entity; `keys` gets every
    /// token's word key.
    fn tag(&self, text: &str, ann: &mut Annotation, keys: &mut Vec<Word>) {
        let gazetteer = Gazetteer::embedded();
        let mut scratch = Vec::new();
        let mut ner_scratch = ner::Scratch::default();
        let mut labels = Vec::new();
        let mut flags = Vec::new();
        let mut extra = Vec::new();
        let mut parsed = ParsedWords::default();
        ann.pos.reserve(ann.tokens.len());
        // Word descriptions are made block by block: a whole-document table
        // would cost ~90 bytes a token on very long inputs. A block is what
        // the entity features call the document (a whole article, unless
        // the input is far longer than any article).
        let mut words: Vec<WordInfo> = Vec::new();
        let mut doc = ner::DocWords::default();
        let mut block = 0..0;
        for (k, s) in ann.sentences.iter().enumerate() {
            if s.tokens.end > block.end {
                block = next_block(text, ann, k, &mut words, &mut doc);
            }
            let range = s.tokens.clone();
            let tokens = &ann.tokens[range.clone()];
            let words = &words[range.start - block.start..range.end - block.start];
            keys.extend(words.iter().map(Word::from));
            flags.clear();
            gazetteer.mark(text, tokens, &mut flags);
            self.pos.tag(words, &mut ann.pos, &mut scratch);
            if let Some(syntax) = &self.syntax {
                // The parser reads its own tagger's tags (see `Syntax`).
                syntax.parse_words(words, &mut parsed);
                ann.syntax.extend_from_slice(&parsed.tree);
                ann.syntax_tags.extend_from_slice(&parsed.tags);
            }
            let cx = ner::Context { words, pos: &ann.pos[range.clone()], gazetteer: &flags, doc: &doc };
            self.ner.tag(&cx, &mut labels, &mut ner_scratch);
            let first = ann.entities.len();
            for (a, b, label) in ner::runs(&labels) {
                let tokens = range.start + a..range.start + b;
                let span =
                    Span::new(ann.tokens[tokens.start].span.start, ann.tokens[tokens.end - 1].span.end);
                ann.entities.push(Entity { span, label, tokens, speaker: None, entity: 0 });
            }
            let mut sentence_entities = ann.entities.split_off(first);
            consistency::known_organisations(text, &mut sentence_entities, range.start, tokens, &flags);
            ann.entities.append(&mut sentence_entities);
            extra.clear();
            extra.extend(title_entities(tokens, &flags));
            extra.extend(rules::numeric_entities(text, tokens));
            for mut e in extra.drain(..) {
                if ann.entities[first..].iter().any(|m| m.span.overlaps(e.span)) {
                    continue;
                }
                e.tokens = range.start + e.tokens.start..range.start + e.tokens.end;
                ann.entities.push(e);
            }
            ann.entities[first..].sort_by_key(|e| e.span.start);
        }
    }
}

/// Tokens described in one go: a document's words are described once and
/// read by both taggers, and the entity features see how the whole block
/// writes each word (a headline's capitals are weighed against the body).
const BLOCK_TOKENS: usize = 1 << 16;

/// Describe the words of the sentences from `first` on, up to about
/// [`BLOCK_TOKENS`] tokens (always whole sentences, at least one), into
/// `words` and `doc`; returns the block's token range.
fn next_block(
    text: &str,
    ann: &Annotation,
    first: usize,
    words: &mut Vec<WordInfo>,
    doc: &mut ner::DocWords,
) -> std::ops::Range<usize> {
    let sentences = &ann.sentences[first..];
    let start = sentences.first().map_or(0, |s| s.tokens.start);
    let mut end = start;
    for s in sentences {
        if end > start && s.tokens.end - start > BLOCK_TOKENS {
            break;
        }
        end = s.tokens.end;
    }
    words.clear();
    words.extend(ann.tokens[start..end].iter().map(|t| WordInfo::new(t.span.slice(text))));
    let block = sentences.iter().take_while(|s| s.tokens.end <= end);
    *doc = ner::DocWords::of(words, block.map(|s| s.tokens.start - start..s.tokens.end - start));
    start..end
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::EntityLabel;

    #[test]
    fn inputs_longer_than_a_block_are_tagged_the_same_in_every_block() {
        let sentence = "Russian President Vladimir Putin met Donald Trump in Alaska on Friday.\n";
        let n = BLOCK_TOKENS / 12 * 2;
        let text = sentence.repeat(n);
        let annotator = Annotator::new().expect("models load");
        let ann = annotator.entities(&text);
        assert!(ann.tokens.len() > BLOCK_TOKENS, "the input spans more than one block");
        assert_eq!(ann.pos.len(), ann.tokens.len());
        let per_sentence = |k: usize| -> Vec<(usize, EntityLabel)> {
            let range = ann.sentences[k].tokens.clone();
            ann.entities
                .iter()
                .filter(|e| range.contains(&e.tokens.start))
                .map(|e| (e.tokens.start - range.start, e.label))
                .collect()
        };
        let first = per_sentence(0);
        assert!(!first.is_empty());
        assert_eq!(per_sentence(ann.sentences.len() - 1), first, "the last block reads like the first");
        assert_eq!(per_sentence(ann.sentences.len() / 2), first);
    }

    #[test]
    fn parsed_words_are_shown_with_the_tags_the_parser_read() {
        let annotator = Annotator::new().and_then(Annotator::with_syntax).expect("models load");
        let text = include_str!("../../assets/sample/alaska-summit.txt");
        let ann = annotator.annotate(text);
        assert_eq!(ann.syntax_tags.len(), ann.tokens.len());
        let json = serde_json::to_value(crate::json::to_json(&ann, text, false)).expect("serialises");
        let shown: Vec<String> = json["syntax"]
            .as_array()
            .expect("trees")
            .iter()
            .flat_map(|s| s["words"].as_array().cloned().unwrap_or_default())
            .filter_map(|w| w["tag"].as_str().map(str::to_owned))
            .collect();
        let read: Vec<String> = ann
            .sentences
            .iter()
            .flat_map(|s| s.tokens.clone())
            .map(|i| ann.syntax_tags[i].as_str().to_owned())
            .collect();
        assert_eq!(shown, read);
    }
}
