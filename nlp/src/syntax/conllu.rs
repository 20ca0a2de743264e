//! Reading and writing CoNLL-U (<https://universaldependencies.org/format.html>).
//!
//! A sentence is a run of lines ended by a blank line: comments (`#`),
//! word lines (an integer ID then nine more tab-separated columns),
//! multiword-token lines (`3-4`) and empty nodes (`5.1`). Only word lines
//! are parsed; every other line is kept as written and written back.

use std::fmt::Write as _;

use super::Dependency;

/// Number of columns of a CoNLL-U line.
pub const COLUMNS: usize = 10;

/// Why CoNLL-U input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    /// The line number (from 1).
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// One line of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A comment, passed through (`# text = ...`).
    Comment(String),
    /// A multiword token or an empty node, passed through.
    Other(String),
    /// A word: its ten columns (missing trailing columns read as `_`).
    Word(Vec<String>),
}

/// One sentence: its lines in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comments, words and other lines as they came.
    pub lines: Vec<Line>,
}

impl Sentence {
    /// The word lines' columns, in order.
    pub fn words(&self) -> impl Iterator<Item = &[String]> {
        self.lines.iter().filter_map(|l| if let Line::Word(c) = l { Some(c.as_slice()) } else { None })
    }

    /// Number of words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words().count()
    }

    /// True when the sentence has no word lines.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The FORM of every word.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.words().map(|c| c[1].as_str())
    }
}

/// Read every sentence of `text`.
///
/// # Errors
/// A [`ConlluError`] naming the first malformed line: a word line with more
/// than ten columns or an empty FORM, word IDs out of sequence, an ID that
/// is not a number, a range or a decimal, or a control character.
pub fn read(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut next_id = 1usize;
    for (i, raw) in text.split('\n').enumerate() {
        let number = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let error = |message: String| ConlluError { line: number, message };
        if let Some(c) = line.chars().find(|&c| c.is_control() && c != '\t') {
            return Err(error(format!("control character U+{:04X} in the line", u32::from(c))));
        }
        if line.trim().is_empty() {
            if !current.lines.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            next_id = 1;
            continue;
        }
        if line.starts_with('#') {
            current.lines.push(Line::Comment(line.to_owned()));
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let id = columns[0];
        if columns.len() > COLUMNS {
            return Err(error(format!(
                "{} columns (CoNLL-U has {COLUMNS}, separated by tabs)",
                columns.len()
            )));
        }
        if is_range_or_decimal(id) {
            current.lines.push(Line::Other(line.to_owned()));
            continue;
        }
        let Ok(n) = id.parse::<usize>() else {
            return Err(error(format!(
                "expected a word line starting with a number and a tab, found {:?}",
                shorten(line)
            )));
        };
        if n != next_id {
            return Err(error(format!(
                "word ID {n} where {next_id} was expected (IDs count from 1 in each sentence)"
            )));
        }
        let form = columns.get(1).copied().unwrap_or("");
        if form.is_empty() {
            return Err(error(format!("word {n} has no FORM (the second column)")));
        }
        let mut fields: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
        fields.resize(COLUMNS, "_".to_owned());
        current.lines.push(Line::Word(fields));
        next_id += 1;
    }
    if !current.lines.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// True for a multiword-token ID (`3-4`) or an empty-node ID (`5.1`).
fn is_range_or_decimal(id: &str) -> bool {
    let two = |sep: char| {
        id.split_once(sep).is_some_and(|(a, b)| a.parse::<usize>().is_ok() && b.parse::<usize>().is_ok())
    };
    two('-') || two('.')
}

/// At most the first 40 characters of a line, for messages.
fn shorten(line: &str) -> String {
    let mut s: String = line.chars().take(40).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s
}

/// The words of a parsed sentence to write: tags and tree, one per word line.
#[derive(Debug, Clone, Copy)]
pub struct Predicted<'a> {
    /// Universal part-of-speech tags.
    pub upos: &'a [&'a str],
    /// Penn Treebank tags.
    pub xpos: &'a [&'a str],
    /// Heads and relations.
    pub tree: &'a [Dependency],
}

/// Write `sentence` with its word lines' UPOS, XPOS, HEAD and DEPREL
/// replaced by `predicted` (DEPS becomes `_`: it would no longer agree),
/// every other line as it came, and a blank line after.
pub fn write(sentence: &Sentence, predicted: Predicted<'_>, out: &mut String) {
    let mut k = 0;
    for line in &sentence.lines {
        match line {
            Line::Comment(s) | Line::Other(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Line::Word(columns) => {
                let upos = predicted.upos.get(k).copied().unwrap_or("X");
                let xpos = predicted.xpos.get(k).copied().unwrap_or("_");
                let (head, relation) =
                    predicted.tree.get(k).map_or((0, "dep"), |d| (d.head, d.relation.as_str()));
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{upos}\t{xpos}\t{}\t{head}\t{relation}\t_\t{}",
                    columns[0], columns[1], columns[2], columns[5], columns[9]
                );
                k += 1;
            }
        }
    }
    out.push('\n');
}

/// Split plain text into sentences and words with `annotator`'s tokeniser,
/// parse them, and write them as CoNLL-U (with `# sent_id` and `# text`
/// comments and `SpaceAfter=No` where words touch). `None` when the
/// annotator has no parser ([`crate::Annotator::with_syntax`]).
#[must_use]
pub fn of_text(annotator: &crate::Annotator, text: &str) -> Option<String> {
    let syntax = annotator.syntax()?;
    let ann = annotator.entities(text);
    let mut sentences = Vec::with_capacity(ann.sentences.len());
    for (k, s) in ann.sentences.iter().enumerate() {
        let mut lines = vec![
            Line::Comment(format!("# sent_id = {}", k + 1)),
            Line::Comment(format!("# text = {}", one_line(s.span.slice(text)))),
        ];
        for i in s.tokens.clone() {
            let token = &ann.tokens[i];
            let form = one_line(token.span.slice(text));
            let space_after = ann.tokens.get(i + 1).is_none_or(|next| next.span.start > token.span.end);
            let misc = if space_after || i + 1 == s.tokens.end { "_" } else { "SpaceAfter=No" };
            let mut columns = vec!["_".to_owned(); COLUMNS];
            columns[0] = (i - s.tokens.start + 1).to_string();
            columns[1] = if form.is_empty() { "\u{FFFD}".to_owned() } else { form };
            misc.clone_into(&mut columns[9]);
            lines.push(Line::Word(columns));
        }
        sentences.push((Sentence { lines }, s.tokens.clone()));
    }
    let mut out = String::new();
    for (sentence, tokens) in &sentences {
        let words: Vec<crate::tag::features::WordInfo> =
            sentence.forms().map(crate::tag::features::WordInfo::new).collect();
        // The tags the parser read, from its own tagger.
        let mut tags = Vec::with_capacity(words.len());
        syntax.tag(&words, &mut tags);
        let xpos: Vec<&str> = tags.iter().map(|t| t.as_str()).collect();
        let upos: Vec<&str> = words.iter().zip(&tags).map(|(w, &t)| syntax.upos(w, t)).collect();
        let tree = &ann.syntax[tokens.clone()];
        write(sentence, Predicted { upos: &upos, xpos: &xpos, tree }, &mut out);
    }
    Some(out)
}

/// Text on one line with no control characters (tabs and line breaks become spaces).
fn one_line(s: &str) -> String {
    let s: String = s.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect();
    crate::text::sanitize(&s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Relation;

    const SAMPLE: &str = "# text = They won't.\n1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
        2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\two\twill\tAUX\tMD\t_\t0\troot\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
        1\tYes\n";

    #[test]
    fn reads_words_and_keeps_other_lines() {
        let s = read(SAMPLE).expect("valid");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].forms().collect::<Vec<_>>(), ["They", "wo", "n't", "."]);
        assert!(matches!(&s[0].lines[0], Line::Comment(c) if c.starts_with("# text")));
        assert!(matches!(&s[0].lines[2], Line::Other(c) if c.starts_with("2-3")));
        assert_eq!(s[1].words().next().map(|c| c.len()), Some(COLUMNS));
    }

    #[test]
    fn writes_predictions_and_passes_the_rest_through() {
        let s = read(SAMPLE).expect("valid");
        let tree: Vec<Dependency> = [(2, "nsubj"), (0, "root"), (2, "advmod"), (2, "punct")]
            .iter()
            .map(|&(head, r)| Dependency { head, relation: Relation::parse(r).expect("relation") })
            .collect();
        let mut out = String::new();
        let upos = ["PRON", "AUX", "PART", "PUNCT"];
        let xpos = ["PRP", "MD", "RB", "."];
        write(&s[0], Predicted { upos: &upos, xpos: &xpos, tree: &tree }, &mut out);
        assert!(
            out.starts_with("# text = They won't.\n1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2-3\twon't")
        );
        assert!(out.contains("3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n"));
        assert!(out.ends_with("\n\n"));
        assert_eq!(read(&out).expect("output reads back")[0], read(&out).expect("again")[0]);
    }

    #[test]
    fn malformed_lines_are_named() {
        for (bad, line) in [
            ("1\tA\n3\tB\n", 2),
            ("1\tA\nx\tB\n", 2),
            ("1\t\tx\n", 1),
            ("1\ta\tb\tc\td\te\tf\tg\th\ti\tj\n", 1),
            ("1\tA\u{1b}[2J\n", 1),
            ("hello world\n", 1),
        ] {
            let err = read(bad).expect_err(bad);
            assert_eq!(err.line, line, "{bad:?}: {err}");
        }
        assert_eq!(read("").expect("empty"), Vec::new());
        assert_eq!(read("\n\n\n").expect("blank"), Vec::new());
    }
}
