//! Source mentions found where the tagger marked none: the subject of the
//! cue in its sentence's dependency tree (the sentence is parsed only
//! then), the noun phrase just before a cue ("His ex-wife also contended"),
//! the subject after an inverted cue ("said Mr. Burman"), or the nearest
//! person, organisation or pronoun before the cue.

use std::ops::Range;

use crate::attribution::layers::{ENTITY_BEGIN, Layers};
use crate::attribution::standing;
use crate::syntax::Dependency;
use crate::tag::features::IS_PUNCT;

/// Words that may sit between a subject and its verb ("also", "has", "would").
fn is_between(tag: &str) -> bool {
    matches!(tag, "RB" | "MD" | "VBD" | "VBZ" | "VBP" | "VB" | "VBN")
}

/// Words that may head a source mention.
fn is_head(tag: &str) -> bool {
    matches!(tag, "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "WP")
}

/// Words that may modify a head inside the mention.
fn is_modifier(tag: &str) -> bool {
    matches!(tag, "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "JJR" | "JJS" | "DT" | "PRP$" | "POS" | "CD")
}

/// Most words a mention found by shape may have.
const MAX_WORDS: usize = 8;

/// Furthest a subject is looked for from its verb, in words.
const SUBJECT_REACH: usize = 60;

/// The noun phrase ending right before `cue` (over a few adverbs and
/// auxiliaries), not below `floor` and not on an `excluded` token.
#[must_use]
pub fn subject_before(
    l: &Layers<'_>,
    cue: &Range<usize>,
    floor: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let mut i = cue.start;
    let mut skipped = 0;
    while i > floor && skipped < 3 && is_between(l.pos[i - 1].as_str()) {
        i -= 1;
        skipped += 1;
    }
    let head = i.checked_sub(1).filter(|&h| h >= floor && !excluded(h))?;
    if !is_head(l.pos[head].as_str()) {
        return None;
    }
    let mut start = head;
    if l.pos[head].as_str() != "PRP" && l.pos[head].as_str() != "WP" {
        while start > floor
            && head + 1 - start < MAX_WORDS
            && !excluded(start - 1)
            && (is_modifier(l.pos[start - 1].as_str()) || l.entity[start - 1] != 0)
        {
            start -= 1;
        }
    }
    Some(start..head + 1)
}

/// The noun phrase right after an inverted cue ("said Mr. Burman").
#[must_use]
pub fn subject_after(
    l: &Layers<'_>,
    cue: &Range<usize>,
    ceil: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let start = cue.end;
    let mut end = start;
    while end < ceil
        && end - start < MAX_WORDS
        && !excluded(end)
        && (is_modifier(l.pos[end].as_str()) || l.entity[end] != 0)
    {
        end += 1;
    }
    let named = (start..end).any(|k| l.pos[k].is_noun() || l.entity[k] != 0);
    (end > start && named && l.pos[end - 1].is_noun()).then_some(start..end)
}

/// The nearest person, organisation or personal pronoun before `before`,
/// back to `floor`, skipping `excluded` tokens.
#[must_use]
pub fn nearest_named(
    l: &Layers<'_>,
    before: usize,
    floor: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let mut i = before;
    while i > floor {
        i -= 1;
        if excluded(i) {
            continue;
        }
        let e = l.entity[i] & 7;
        if e == 1 || e == 2 {
            let mut s = i;
            while s > floor && l.entity[s] & ENTITY_BEGIN == 0 && l.entity[s - 1] & 7 == e {
                s -= 1;
            }
            return Some(s..i + 1);
        }
        if l.pos[i].as_str() == "PRP" {
            return Some(i..i + 1);
        }
    }
    None
}

/// One sentence's tree, read by token index.
struct Tree<'t> {
    sentence: Range<usize>,
    deps: &'t [Dependency],
}

impl Tree<'_> {
    /// The head of token `i` (`None` for the root).
    fn head(&self, i: usize) -> Option<usize> {
        let dep = self.deps.get(i.checked_sub(self.sentence.start)?)?;
        let h = self.sentence.start + (dep.head as usize).checked_sub(1)?;
        (h < self.sentence.end).then_some(h)
    }

    fn relation(&self, i: usize) -> &'static str {
        i.checked_sub(self.sentence.start).and_then(|k| self.deps.get(k)).map_or("", |d| d.relation.as_str())
    }

    /// The dependent of `h` whose subtree holds `k`, if `k` is under `h`.
    fn child_above(&self, h: usize, k: usize) -> Option<usize> {
        let mut at = k;
        for _ in 0..self.sentence.len() {
            match self.head(at)? {
                x if x == h => return Some(at),
                x => at = x,
            }
        }
        None
    }
}

/// The subject of the cue's predicate in its sentence's tree: the `nsubj`
/// of the cue's highest word, or of the predicate it is joined to
/// ("agreed, but also contended"), governed by ("wants to say") or hangs
/// from as a participle ("spoke on Tuesday, arguing"). The
/// mention is the subject's word with the words before it that modify it.
/// `None` without a tree, and for a relative pronoun, which speaks for the
/// phrase before it (the nearest name finds that better).
#[must_use]
pub fn subject_in_tree(
    l: &Layers<'_>,
    cue: &Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    // A cue without a verb ("a series of postings") has no subject: the
    // sentence is not parsed for it.
    if !cue.clone().any(|i| l.pos.get(i).is_some_and(|p| p.is_verb())) {
        return None;
    }
    let k = *l.sentence_of.get(cue.start)? as usize;
    let deps = l.tree(k)?;
    let t = Tree { sentence: l.sentence(cue.start), deps: &deps };
    let mut verb = cue.clone().find(|&i| t.head(i).is_none_or(|h| !cue.contains(&h)))?;
    for _ in 0..3 {
        // A subject stands near its verb: reading no further keeps a long
        // sentence of many reports linear.
        let near = verb.saturating_sub(SUBJECT_REACH).max(t.sentence.start)
            ..(verb + SUBJECT_REACH).min(t.sentence.end);
        let subject = |k: &usize| t.head(*k) == Some(verb) && t.relation(*k) == "nsubj";
        // A tree that splits one noun phrase into two subjects of the verb
        // ("Transport | Secretary Louise Haigh") has the name in the second.
        let first = near.clone().find(subject);
        let named = |k: &usize| subject(k) && matches!(l.entity[*k] & 7, standing::PERSON | standing::ORG);
        let split = |f: usize| {
            (f + 1..verb.min(f + 6))
                .take_while(|&k| l.pos[k].is_noun() && !subject(&k))
                .last()
                .map_or(f + 1, |k| k + 1)
        };
        let first = first.map(|f| if named(&f) || !named(&split(f)) { f } else { split(f) });
        if let Some(s) = first {
            // A noun or a personal pronoun heads a speaker, and so does a
            // word of quantity with its "of" ("All of the candidates", "two
            // of them"); "This", "even more stunning" and "~" are subjects too.
            let part = partitive(l, &t, s);
            if !(is_head(l.pos[s].as_str()) && l.pos[s].as_str() != "WP") && part.is_none() {
                return None;
            }
            let phrase = phrase_headed_by(l, &t, s, excluded)?;
            return Some(phrase.start..part.map_or(phrase.end, |p| p.end.max(phrase.end)));
        }
        match t.relation(verb) {
            "conj" | "xcomp" => verb = t.head(verb)?,
            // ", saying …": a participle speaks with the subject of the
            // clause it hangs from.
            "advcl" if l.pos[verb].as_str() == "VBG" => verb = t.head(verb)?,
            _ => return None,
        }
    }
    None
}

/// The "of" phrase after a word of quantity `h` ("All of the candidates"):
/// the tokens of its `nmod` that opens with "of", if `h` has one.
fn partitive(l: &Layers<'_>, t: &Tree<'_>, h: usize) -> Option<Range<usize>> {
    if !matches!(l.pos[h].as_str(), "DT" | "PDT" | "CD" | "JJ" | "JJS" | "RB") {
        return None;
    }
    let of = (h + 1..t.sentence.end).find(|&k| t.head(k) == Some(h) && t.relation(k) == "nmod")?;
    let first = (h + 1..=of).find(|&k| t.child_above(of, k).is_some() || k == of)?;
    let opens_with_of = l
        .text
        .get(l.tokens[first].span.start..l.tokens[first].span.end)
        .is_some_and(|w| w.eq_ignore_ascii_case("of"));
    let end = (of..t.sentence.end).take_while(|&k| k == of || t.child_above(of, k).is_some()).last()?;
    (opens_with_of && end - h < MAX_WORDS * 2).then_some(first..end + 1)
}

/// The mention headed by tree word `h`: `h` with the words before it that
/// modify it (determiners, adjectives, compounds, possessors, numbers, and
/// everything under them) and a name right after its title ("nominee
/// Donald Trump").
fn phrase_headed_by(
    l: &Layers<'_>,
    t: &Tree<'_>,
    h: usize,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    if excluded(h) {
        return None;
    }
    let mut start = h;
    while start > t.sentence.start && h + 1 - start < MAX_WORDS && !excluded(start - 1) {
        let modifies = t.child_above(h, start - 1).is_some_and(|c| {
            c < h
                && matches!(
                    t.relation(c),
                    "det" | "amod" | "compound" | "nmod" | "nummod" | "flat" | "advmod"
                )
        });
        if !modifies {
            break;
        }
        start -= 1;
    }
    let mut end = h + 1;
    while end < t.sentence.end
        && end - start < MAX_WORDS
        && !excluded(end)
        && l.words[end].flags & IS_PUNCT == 0
        && t.child_above(h, end).is_some_and(|c| matches!(t.relation(c), "flat" | "compound" | "appos"))
    {
        end += 1;
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Annotator;
    use crate::syntax::Relation;

    /// The subject the tree gives the cue `cue_word` of `sentence`, whose
    /// tree is `arcs`: one "head:relation" per token, heads counted from 1.
    fn subject(sentence: &str, arcs: &str, cue_word: &str) -> Option<String> {
        subject_with(sentence, arcs, cue_word, None)
    }

    /// [`subject`], with `parser` at hand when given.
    fn subject_with(
        sentence: &str,
        arcs: &str,
        cue_word: &str,
        parser: Option<&crate::syntax::LazyParser>,
    ) -> Option<String> {
        let annotator = Annotator::new().expect("models load");
        let (mut ann, words) = annotator.layers(sentence);
        let words_of: Vec<&str> = ann.tokens.iter().map(|t| t.span.slice(sentence)).collect();
        ann.syntax = arcs
            .split_whitespace()
            .map(|arc| {
                let (head, rel) = arc.split_once(':').expect("head:relation");
                Dependency {
                    head: head.parse().expect("a head number"),
                    relation: Relation::parse(rel).expect("a relation"),
                }
            })
            .collect();
        assert_eq!(words_of.len(), ann.syntax.len(), "one arc per token of {words_of:?}");
        assert_eq!(ann.sentences.len(), 1, "one sentence: {sentence}");
        let mut layers = Layers::new(sentence, &ann, &words, annotator.cues());
        if let Some(p) = parser {
            layers = layers.with_parser(p);
        }
        let cue = words_of.iter().position(|w| *w == cue_word).expect("the cue is a token");
        let found = subject_in_tree(&layers, &(cue..cue + 1), &|_| false)?;
        Some(sentence[ann.tokens[found.start].span.start..ann.tokens[found.end - 1].span.end].to_owned())
    }

    #[test]
    fn a_joined_predicate_takes_the_subject_of_the_first() {
        let sentence = "His wife agreed but contended that she was right.";
        let arcs = "2:nmod 3:nsubj 0:root 5:cc 3:conj 9:mark 9:nsubj 9:cop 5:ccomp 3:punct";
        assert_eq!(subject(sentence, arcs, "contended").as_deref(), Some("His wife"));
        // Without the tree's arc to "agreed", "contended" has no subject.
        let cut = "2:nmod 3:nsubj 5:dep 5:cc 0:root 9:mark 9:nsubj 9:cop 5:ccomp 3:punct";
        assert_eq!(subject(sentence, cut, "contended"), None);
    }

    #[test]
    fn a_participle_takes_the_subject_of_the_clause_it_hangs_from() {
        let sentence = "The senator spoke on Tuesday, arguing that taxes would fall.";
        let arcs =
            "2:det 3:nsubj 0:root 5:case 3:obl 7:punct 3:advcl 11:mark 11:nsubj 11:aux 7:ccomp 3:punct";
        assert_eq!(subject(sentence, arcs, "arguing").as_deref(), Some("The senator"));
        // Hung from nothing, the participle has no subject.
        let cut = "2:det 3:nsubj 0:root 5:case 3:obl 7:punct 3:dep 11:mark 11:nsubj 11:aux 7:ccomp 3:punct";
        assert_eq!(subject(sentence, cut, "arguing"), None);
    }

    #[test]
    fn with_a_parser_the_trees_the_article_came_with_are_not_read() {
        // The article's own trees come from the parser's tagger; the engine
        // parses over its own tags, so that writing the trees out changes
        // nothing it finds.
        let sentence = "His wife agreed but contended that she was right.";
        let cut = "2:nmod 3:nsubj 5:dep 5:cc 0:root 9:mark 9:nsubj 9:cop 5:ccomp 3:punct";
        let parser = crate::syntax::LazyParser::default();
        assert_eq!(subject_with(sentence, cut, "contended", Some(&parser)).as_deref(), Some("His wife"));
    }

    #[test]
    fn a_name_after_its_title_is_part_of_the_subject() {
        let sentence = "Republican nominee Donald Trump said that taxes would fall.";
        let arcs = "2:amod 5:nsubj 4:flat 2:appos 0:root 9:mark 9:nsubj 9:aux 5:ccomp 5:punct";
        assert_eq!(subject(sentence, arcs, "said").as_deref(), Some("Republican nominee Donald Trump"));
    }

    #[test]
    fn a_noun_phrase_split_into_two_subjects_speaks_by_its_name() {
        // A tree that gives "Transport" and "Louise" both as subjects.
        let sentence = "Transport Secretary Louise Haigh said that taxes would fall.";
        let arcs = "5:nsubj 3:nmod 5:nsubj 3:flat 0:root 9:mark 9:nsubj 9:aux 5:ccomp 5:punct";
        assert_eq!(subject(sentence, arcs, "said").as_deref(), Some("Secretary Louise Haigh"));
        // Two subjects apart ("One aide inside Trump Tower"): the first.
        let sentence = "One aide inside Trump Tower said that taxes would fall.";
        let arcs =
            "2:nummod 6:nsubj 5:case 5:compound 6:nsubj 0:root 10:mark 10:nsubj 10:aux 6:ccomp 6:punct";
        assert_eq!(subject(sentence, arcs, "said").as_deref(), Some("One aide"));
    }

    #[test]
    fn a_relative_pronoun_is_left_to_the_name_before_it() {
        let sentence = "Lee, who said that prices rose, left.";
        let arcs = "9:nsubj 1:punct 4:nsubj 1:acl 7:mark 7:nsubj 4:ccomp 1:punct 0:root 9:punct";
        assert_eq!(subject(sentence, arcs, "said"), None);
    }

    #[test]
    fn a_word_of_quantity_speaks_with_its_of_phrase_and_a_demonstrative_not_at_all() {
        let sentence = "All of the candidates said that taxes would fall.";
        let arcs = "5:nsubj 4:case 4:det 1:nmod 0:root 9:mark 9:nsubj 9:aux 5:ccomp 5:punct";
        assert_eq!(subject(sentence, arcs, "said").as_deref(), Some("All of the candidates"));
        let arcs = "2:nsubj 0:root 5:mark 5:nsubj 2:ccomp 2:punct";
        assert_eq!(subject("This shows that taxes fell.", arcs, "shows"), None);
    }
}
