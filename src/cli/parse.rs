//! `sayso parse`: dependency trees in CoNLL-U, from CoNLL-U or plain text.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sayso_nlp::Annotator;
use sayso_nlp::syntax::conllu::{self, Predicted};
use sayso_nlp::syntax::{ParsedWords, Syntax};
use sayso_nlp::tag::features::WordInfo;

/// Arguments of `sayso parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The input: a CoNLL-U or plain-text file, or `-` (the default) for
    /// standard input.
    #[arg(default_value = "-")]
    input: PathBuf,

    /// How to read the input (by default, guessed from its first line).
    #[arg(long, value_enum, default_value_t)]
    input_format: InputFormat,
}

/// How `sayso parse` reads its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum InputFormat {
    /// CoNLL-U when the first non-blank line is a comment (`#`) or a word
    /// line (a number, then a tab); plain text otherwise.
    #[default]
    Auto,
    /// CoNLL-U: the FORM of every word line is parsed, as given.
    Conllu,
    /// Plain text, split into words and sentences by sayso.
    Text,
}

/// Run `sayso parse`.
pub fn run(args: &Args) -> Result<()> {
    let text = read_input(&args.input)?;
    let name = if args.input == Path::new("-") {
        "standard input".to_owned()
    } else {
        args.input.display().to_string()
    };
    if text.trim().is_empty() {
        bail!("{name} is empty: nothing to parse (give CoNLL-U or plain text)");
    }
    let conllu = match args.input_format {
        InputFormat::Auto => looks_like_conllu(&text),
        InputFormat::Conllu => true,
        InputFormat::Text => false,
    };
    let annotator = Annotator::new()
        .and_then(Annotator::with_syntax)
        .context("the built-in models could not be loaded")?;
    let syntax = annotator.syntax().context("the parser could not be loaded")?;
    let out = if conllu {
        let sentences = conllu::read(&text).with_context(|| format!("{name} is not valid CoNLL-U"))?;
        parse_conllu(syntax, &sentences)
    } else {
        conllu::of_text(&annotator, &text).context("the parser could not be loaded")?
    };
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes()).and_then(|()| lock.flush()).context("writing the trees")?;
    Ok(())
}

/// The whole input as UTF-8 text.
fn read_input(path: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        if std::io::stdin().is_terminal() {
            eprintln!("sayso: reading CoNLL-U or plain text from the keyboard; end with Ctrl-D");
        }
        std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    }
    let shown = sayso_nlp::text::sanitize(&path.display().to_string()).into_owned();
    // A byte-order mark says nothing about the content: it would hide a
    // first comment line from format detection.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{shown} is not UTF-8 text (invalid byte at offset {}): give CoNLL-U or plain text",
            e.utf8_error().valid_up_to()
        )
    })
}

/// True when the first non-blank line is a CoNLL-U comment or word line.
fn looks_like_conllu(text: &str) -> bool {
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else { return false };
    if first.starts_with('#') {
        return true;
    }
    first.split_once('\t').is_some_and(|(id, _)| {
        !id.is_empty() && id.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '.')
    })
}

/// Parse CoNLL-U sentences, keeping their words and other lines.
fn parse_conllu(syntax: &Syntax, sentences: &[conllu::Sentence]) -> String {
    let mut out = String::new();
    let mut parsed = ParsedWords::default();
    for s in sentences {
        let words: Vec<WordInfo> = s.forms().map(WordInfo::new).collect();
        syntax.parse_words(&words, &mut parsed);
        let xpos: Vec<&str> = parsed.tags.iter().map(|t| t.as_str()).collect();
        let upos: Vec<&str> = words.iter().zip(&parsed.tags).map(|(w, &t)| syntax.upos(w, t)).collect();
        conllu::write(s, Predicted { upos: &upos, xpos: &xpos, tree: &parsed.tree }, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conllu_is_told_from_text_by_its_first_line() {
        assert!(looks_like_conllu("# sent_id = 1\n1\tHi\n"));
        assert!(looks_like_conllu("\n1\tHi\t_\n"));
        assert!(looks_like_conllu("1-2\twon't\n"));
        assert!(!looks_like_conllu("1 in 5 people said so.\n"));
        assert!(!looks_like_conllu("The mayor said so.\n"));
        assert!(!looks_like_conllu("   \n"));
    }
}
