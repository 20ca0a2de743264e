//! Reading CoNLL-2003 style named-entity files: one `WORD POS CHUNK NER`
//! line per token with IOB1 or IOB2 tags, a blank line between sentences and
//! `-DOCSTART-` lines between documents.
//!
//! Each document becomes a [`SilverDoc`] whose text is its words joined by
//! spaces, one sentence a line, so the engine's word descriptions, document
//! features and evaluation read it like any article.

use std::path::Path;

use crate::train::silver::{CorpusError, SilverDoc, WordsDoc};

/// Map a CoNLL entity type to a model type index (PER, ORG, LOC, MISC).
fn entity_type(tag: &str) -> Option<usize> {
    match tag {
        "PER" => Some(0),
        "ORG" => Some(1),
        "LOC" => Some(2),
        "MISC" => Some(3),
        _ => None,
    }
}

/// Read a CoNLL file into documents, in file order. Documents are named
/// `<file stem>-<n>`.
///
/// # Errors
/// When the file cannot be read.
pub fn read(path: &Path) -> Result<Vec<SilverDoc>, CorpusError> {
    let data = crate::train::silver::read_text(path)?;
    let stem = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    Ok(parse(&data, &stem))
}

/// Parse CoNLL text into documents (see [`read`]).
#[must_use]
pub fn parse(data: &str, stem: &str) -> Vec<SilverDoc> {
    let mut docs = Vec::new();
    let mut doc = Builder::default();
    for line in data.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => doc.end_sentence(),
            ["-DOCSTART-", ..] => {
                if let Some(d) = doc.finish(&format!("{stem}-{}", docs.len())) {
                    docs.push(d);
                }
            }
            [word, rest @ ..] => {
                let (pos, tag) = match rest {
                    [] => ("", "O"),
                    [tag] => ("", *tag),
                    [pos, .., tag] => (*pos, *tag),
                };
                doc.push(word, pos, tag);
            }
        }
    }
    if let Some(d) = doc.finish(&format!("{stem}-{}", docs.len())) {
        docs.push(d);
    }
    docs
}

#[derive(Default)]
struct Builder(WordsDoc);

impl Builder {
    fn push(&mut self, word: &str, pos: &str, tag: &str) {
        let (prefix, ty) = tag.split_once('-').map_or((tag, None), |(p, t)| (p, entity_type(t)));
        // IOB1: B- only separates two adjacent entities of one type; IOB2:
        // B- starts every entity. Either way a new entity starts at B-, or
        // where the type changes.
        let begins =
            ty.is_some() && (prefix == "B" || self.0.last_entity() != ty || self.0.at_sentence_start());
        self.0.push(word, pos, ty, begins);
    }

    fn end_sentence(&mut self) {
        self.0.end_sentence();
    }

    fn finish(&mut self, name: &str) -> Option<SilverDoc> {
        self.0.finish(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- -X- O\n\nAcme NNP I-NP I-ORG\nsued VBD I-VP O\nJo NNP I-NP I-PER\nSmith NNP I-NP I-PER\nBen NNP I-NP B-PER\n. . O O\n\nIn IN I-PP O\nParis NNP I-NP I-LOC\n\n-DOCSTART- -X- -X- O\n\nHi UH O O\n";

    #[test]
    fn documents_sentences_and_entities() {
        let docs = parse(SAMPLE, "x");
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.text, "Acme sued Jo Smith Ben .\nIn Paris\n");
        assert_eq!(d.sentences, vec![0..6, 6..8]);
        let spans: Vec<(&str, usize)> = d.entities().iter().map(|(s, t)| (s.slice(&d.text), *t)).collect();
        assert_eq!(spans, vec![("Acme", 1), ("Jo Smith", 0), ("Ben", 0), ("Paris", 2)]);
        assert_eq!(docs[1].name, "x-1");
    }
}
