//! Named entities from GUM's gold mentions (CoNLL-U with `Entity=` in the
//! MISC column). GUM marks every mention of every entity — pronouns and
//! descriptions too — so a name is read off a mention as its run of proper
//! nouns (joined by "of", "the", "and", "&" or "de"): a person, organisation
//! or place mention gives PERSON, ORG or LOC, any other mention whose head is
//! a proper noun gives MISC. The outermost mention decides ("University of
//! Chicago" is one ORG, not a place inside one).
//!
//! Each document becomes a [`SilverDoc`] whose text is its words joined by
//! spaces, one sentence a line.

use std::path::Path;

use crate::train::silver::{CorpusError, SilverDoc, WordsDoc};

/// Read a GUM CoNLL-U file into documents, in file order.
///
/// # Errors
/// When the file cannot be read.
pub fn read(path: &Path) -> Result<Vec<SilverDoc>, CorpusError> {
    let data = crate::train::silver::read_text(path)?;
    Ok(parse(&data))
}

/// One word of a sentence.
struct Word<'a> {
    form: &'a str,
    xpos: &'a str,
    proper: bool,
    head: usize,
}

/// One mention: its type and word range in the sentence.
struct Mention {
    kind: Option<usize>,
    start: usize,
    end: usize,
}

/// One step through a GUM CoNLL-U file.
enum Line<'a> {
    /// A new document starts (`# newdoc id = …`), with its name.
    Document(&'a str),
    /// A blank line: the sentence ends.
    SentenceEnd,
    /// A word line with an integer ID: its ten columns.
    Word([&'a str; 10]),
}

/// The documents, sentence ends and word lines of GUM CoNLL-U text; other
/// comments, multiword-token and empty-node lines, and malformed lines are
/// skipped.
fn lines(data: &str) -> impl Iterator<Item = Line<'_>> {
    data.lines().filter_map(|line| {
        if let Some(name) = line.strip_prefix("# newdoc id = ") {
            return Some(Line::Document(name.trim()));
        }
        if line.trim().is_empty() {
            return Some(Line::SentenceEnd);
        }
        if line.starts_with('#') {
            return None;
        }
        let mut cols = [""; 10];
        let mut fields = line.split('\t');
        for c in &mut cols {
            *c = fields.next()?;
        }
        cols[0].parse::<usize>().is_ok().then_some(Line::Word(cols))
    })
}

/// One sentence of a GUM CoNLL-U file.
#[derive(Default)]
pub(crate) struct GumSentence<'a> {
    /// The name of the document this sentence opens, when it is its first.
    pub document: Option<&'a str>,
    /// The ten columns of each word line.
    pub words: Vec<[&'a str; 10]>,
    /// The mentions it closes, each with its end (one past its last word).
    pub mentions: Vec<(Opened, usize)>,
}

/// The sentences of GUM CoNLL-U text, with the mentions read from their
/// words' `Entity=` fields (a mention left open at a sentence's end is dropped).
pub(crate) fn sentences(data: &str) -> Vec<GumSentence<'_>> {
    let mut out: Vec<GumSentence<'_>> = Vec::new();
    let mut current = GumSentence::default();
    let mut open: Vec<Opened> = Vec::new();
    for line in lines(data) {
        match line {
            Line::Document(name) => {
                current.flush_into(&mut out, &mut open);
                current.document = Some(name);
            }
            Line::SentenceEnd => current.flush_into(&mut out, &mut open),
            Line::Word(cols) => {
                let index = current.words.len();
                current.words.push(cols);
                if let Some(entity) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) {
                    read_entity(entity, index, &mut open, |o, end| current.mentions.push((o, end)));
                }
            }
        }
    }
    current.flush_into(&mut out, &mut open);
    out
}

impl<'a> GumSentence<'a> {
    /// End the sentence: move it into `out` when it has words, forget the
    /// mentions still open.
    fn flush_into(&mut self, out: &mut Vec<Self>, open: &mut Vec<Opened>) {
        open.clear();
        if !self.words.is_empty() {
            out.push(std::mem::take(self));
        }
    }
}

/// Parse GUM CoNLL-U text into documents (see [`read`]).
#[must_use]
pub fn parse(data: &str) -> Vec<SilverDoc> {
    let mut docs = Vec::new();
    let mut doc = Doc::default();
    for s in sentences(data) {
        if let Some(name) = s.document {
            docs.extend(std::mem::take(&mut doc).finish());
            doc.name = name.to_owned();
        }
        let words: Vec<Word<'_>> = s
            .words
            .iter()
            .map(|cols| Word {
                form: cols[1],
                xpos: cols[4],
                proper: cols[3] == "PROPN",
                head: cols[6].parse().unwrap_or(0),
            })
            .collect();
        let mentions: Vec<Mention> = s
            .mentions
            .iter()
            .map(|(o, end)| Mention { kind: kind_index(&o.kind), start: o.start, end: *end })
            .collect();
        doc.sentence(&words, &mentions);
    }
    docs.extend(doc.finish());
    docs
}

/// A mention opened at a word and not yet closed.
pub(crate) struct Opened {
    /// The entity's id.
    pub id: String,
    /// Its type as written ("person", "organization", "place", …).
    pub kind: String,
    /// The word it opens at.
    pub start: usize,
}

/// Read a word's `Entity=` field at word `index`: openings `(ID-type-…`
/// are pushed on `open`; each closing `ID)` takes the latest opening of
/// that id off it and hands it to `closed` with the end (one past `index`).
fn read_entity(field: &str, index: usize, open: &mut Vec<Opened>, mut closed: impl FnMut(Opened, usize)) {
    let mut close = |id: &str, open: &mut Vec<Opened>| {
        if let Some(k) = open.iter().rposition(|o| o.id == id) {
            closed(open.remove(k), index + 1);
        }
    };
    let mut rest = field;
    while let Some(c) = rest.chars().next() {
        if c == '(' {
            let spec_end = rest[1..].find(['(', ')']).map_or(rest.len(), |k| k + 1);
            let mut parts = rest[1..spec_end].split('-');
            let id = parts.next().unwrap_or("").to_owned();
            let kind = parts.next().unwrap_or("").to_owned();
            open.push(Opened { id: id.clone(), kind, start: index });
            rest = &rest[spec_end..];
            if let Some(after) = rest.strip_prefix(')') {
                close(&id, open);
                rest = after;
            }
        } else if c.is_ascii_digit() {
            let end = rest.find(')').unwrap_or(rest.len());
            let id = rest[..end].to_owned();
            close(&id, open);
            rest = rest.get(end + 1..).unwrap_or("");
        } else {
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// The entity type index of a GUM mention type (person, organisation, place).
fn kind_index(kind: &str) -> Option<usize> {
    match kind {
        "person" => Some(0),
        "organization" => Some(1),
        "place" => Some(2),
        _ => None,
    }
}

#[derive(Default)]
struct Doc {
    name: String,
    words: WordsDoc,
}

/// Words that may join proper nouns into one name.
const JOINERS: [&str; 6] = ["of", "the", "and", "&", "de", "for"];

impl Doc {
    fn sentence(&mut self, words: &[Word<'_>], mentions: &[Mention]) {
        if words.is_empty() {
            return;
        }
        let mut label: Vec<Option<usize>> = vec![None; words.len()];
        let mut begins = vec![false; words.len()];
        let mut taken = vec![false; words.len()];
        // Outermost mentions first.
        let mut order: Vec<&Mention> = mentions.iter().collect();
        order.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        for m in order {
            if taken[m.start..m.end].iter().any(|&t| t) {
                continue;
            }
            let Some(name) = name_run(words, m.start, m.end) else { continue };
            let kind = m.kind.unwrap_or(3);
            for (k, i) in name.clone().enumerate() {
                label[i] = Some(kind);
                begins[i] = k == 0;
            }
            for t in &mut taken[m.start..m.end] {
                *t = true;
            }
        }
        for (i, w) in words.iter().enumerate() {
            self.words.push(w.form, w.xpos, label[i], begins[i]);
        }
        self.words.end_sentence();
    }

    fn finish(mut self) -> Option<SilverDoc> {
        self.words.finish(&self.name)
    }
}

/// The name inside mention `start..end`: the run of proper nouns (with
/// joiners between them) that holds the mention's head, when the head is a
/// proper noun.
fn name_run(words: &[Word<'_>], start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let inside = |h: usize| h > start && h <= end;
    let head = (start..end).find(|&i| !inside(words[i].head))?;
    if !words[head].proper {
        return None;
    }
    let joins = |i: usize| JOINERS.contains(&words[i].form.to_lowercase().as_str());
    let mut a = head;
    while a > start {
        if words[a - 1].proper {
            a -= 1;
        } else if a >= start + 2 && joins(a - 1) && words[a - 2].proper {
            a -= 2;
        } else {
            break;
        }
    }
    let mut b = head + 1;
    while b < end {
        if words[b].proper {
            b += 1;
        } else if b + 1 < end && joins(b) && words[b + 1].proper {
            b += 2;
        } else {
            break;
        }
    }
    Some(a..b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new-x-y-z\n\
2\tUniversity\tuniversity\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n\
3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n\
4\tChicago\tChicago\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(2-place-new-x-y-z)1)\n\
5\thired\thire\tVERB\tVBD\t_\t0\troot\t_\t_\n\
6\tJo\tJo\tPROPN\tNNP\t_\t5\tobj\t_\tEntity=(3-person-new-x-y-z\n\
7\tSmith\tSmith\tPROPN\tNNP\t_\t6\tflat\t_\tEntity=3)\n\
8\tand\tand\tCCONJ\tCC\t_\t9\tcc\t_\t_\n\
9\ther\ther\tPRON\tPRP$\t_\t10\tnmod:poss\t_\tEntity=(4-person-giv-x-y-z)\n\
10\tdog\tdog\tNOUN\tNN\t_\t6\tconj\t_\t_\n\n";

    #[test]
    fn names_are_read_off_gold_mentions() {
        let docs = parse(SAMPLE);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.name, "d1");
        let found: Vec<(&str, usize)> = d.entities().iter().map(|(s, t)| (s.slice(&d.text), *t)).collect();
        assert_eq!(found, vec![("University of Chicago", 1), ("Jo Smith", 0)]);
    }
}
