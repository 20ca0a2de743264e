//! Treebank sentences (CoNLL-U) as documents the part-of-speech tagger can
//! learn from: the treebank's gold words and Penn tags, its extensions read
//! into the tag set (see [`Pos::from_treebank`]).

use crate::syntax::conllu::Sentence;
use crate::tag::pos::Pos;
use crate::train::silver::{SilverDoc, WordsDoc};

/// One document per sentence (so that any split of the sentences, such as
/// the folds that tag the parser's training data, is a split of documents),
/// named `<name>-<n>` by the sentence's place; sentences without words are skipped.
#[must_use]
pub fn tagged_docs(sentences: &[Sentence], name: &str) -> Vec<SilverDoc> {
    let mut doc = WordsDoc::default();
    sentences
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            for c in s.words() {
                doc.push(&c[1], Pos::from_treebank(&c[1], &c[4], &c[3]).as_str(), None, false);
            }
            doc.finish(&format!("{name}-{i}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    #[test]
    fn sentences_become_tagged_documents() {
        let text = "1\tWell\twell\tINTJ\tUH\t_\t3\tdiscourse\t_\t_\n\
                    2\tfar\tfar\tADV\tRB\t_\t3\tadvmod\t_\t_\n\
                    3\t-\t-\tPUNCT\tHYPH\t_\t0\troot\t_\t_\n\n\
                    1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";
        let sentences = conllu::read(text).expect("valid CoNLL-U");
        let docs = tagged_docs(&sentences, "t");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].name, "t-0");
        assert_eq!(docs[0].text, "Well far -\n");
        let tags: Vec<&str> = docs[0].pos.iter().map(|p| p.as_str()).collect();
        assert_eq!(tags, ["UH", "RB", ":"]);
        assert_eq!(docs[0].sentences, vec![0..3]);
        assert_eq!(docs[1].text, "OK\n");
    }
}
