//! Markdown export: YAML front matter, then each speaker with their
//! attributions as block quotes and the reader's notes under them, then the
//! notes on other passages. Written for Obsidian and GitHub alike.

use std::fmt::Write as _;

use sayso_nlp::QuoteKind;

use super::digest::{Attribution, Digest, NoteItem};
use crate::store::time;

/// One article as a Markdown document.
#[must_use]
pub fn article(d: &Digest, exported: i64) -> String {
    let mut s = String::from("---\n");
    for (key, value) in [
        ("title", &d.meta.title),
        ("source", &d.meta.source),
        ("author", &d.meta.author),
        ("published", &d.meta.published),
        ("site", &d.meta.site),
    ] {
        if let Some(v) = value {
            let _ = writeln!(s, "{key}: {}", yaml_string(v));
        }
    }
    let _ = writeln!(s, "exported: {}", yaml_string(&time::rfc3339(exported)));
    let _ = writeln!(s, "tags: [{}]", d.tags.iter().map(|t| yaml_string(t)).collect::<Vec<_>>().join(", "));
    s.push_str("---\n\n");
    body(&mut s, d, false);
    s
}

/// Every article in one document, separated by rules.
#[must_use]
pub fn library(digests: &[Digest], exported: i64) -> String {
    let mut tags: Vec<&String> = digests.iter().flat_map(|d| &d.tags).collect();
    tags.sort();
    tags.dedup();
    let mut s = String::from("---\ntitle: \"sayso library\"\n");
    let _ = writeln!(s, "exported: {}", yaml_string(&time::rfc3339(exported)));
    let _ = writeln!(s, "articles: {}", digests.len());
    let _ = writeln!(s, "tags: [{}]", tags.iter().map(|t| yaml_string(t)).collect::<Vec<_>>().join(", "));
    s.push_str("---\n");
    for d in digests {
        // One blank line before the rule, however the last article ended.
        while s.ends_with("\n\n") {
            s.pop();
        }
        s.push_str("\n* * *\n\n");
        body(&mut s, d, true);
    }
    s
}

/// The title, the speakers and the other notes; with `meta`, the source,
/// author and date under the title (when there is no front matter for them).
fn body(s: &mut String, d: &Digest, meta: bool) {
    let h = "#";
    let title = d.meta.title.as_deref().unwrap_or("Untitled article");
    let _ = writeln!(s, "{h} {}\n", inline(title));
    if meta {
        for (key, value) in
            [("Source", &d.meta.source), ("Author", &d.meta.author), ("Published", &d.meta.published)]
        {
            if let Some(v) = value {
                let _ = writeln!(s, "{key}: {}  ", inline(v));
            }
        }
        s.push('\n');
    }
    let speakers = d.speakers.len();
    let _ = writeln!(
        s,
        "Who said what: {} from {}.\n",
        plural(d.attributions.len(), "attribution"),
        plural(speakers, "speaker")
    );
    for section in &d.speakers {
        let _ = writeln!(s, "{h}# {}\n", inline(&section.name));
        for &i in &section.attributions {
            attribution(s, &d.attributions[i], false);
        }
    }
    if !d.unresolved.is_empty() {
        let _ = writeln!(s, "{h}# Source not resolved\n");
        for &i in &d.unresolved {
            attribution(s, &d.attributions[i], true);
        }
    }
    if !d.other_notes.is_empty() {
        let _ = writeln!(s, "{h}# Notes on other passages\n");
        for item in &d.other_notes {
            let gone = if item.chars.is_none() { " *(passage no longer found)*" } else { "" };
            quote_block(s, &format!("{}{gone}", inline_block(&crate::safe::in_quotes(&item.passage))));
            s.push('\n');
            note(s, item, false);
            s.push('\n');
        }
    }
}

/// An attribution as a block quote ("cue: content (act)", the act left out
/// when the cue is its word), then its notes.
fn attribution(s: &mut String, a: &Attribution, with_source: bool) {
    let content = inline_block(&a.content);
    let content = if a.kind == QuoteKind::Direct { crate::safe::in_quotes(&content) } else { content };
    let mut line = String::new();
    if with_source && let Some(src) = &a.source {
        let _ = write!(line, "{} ", inline(src));
    }
    if let Some(cue) = &a.cue {
        let _ = write!(line, "**{}:** ", inline(cue));
    }
    line.push_str(&content);
    // The act, unless the cue says it already ("said").
    if a.cue.as_deref().is_none_or(|c| !c.eq_ignore_ascii_case(a.act.as_str())) {
        let _ = write!(line, " *({})*", a.act.as_str());
    }
    quote_block(s, &line);
    // A blank line ends the block quote; a line right after it would join it.
    s.push('\n');
    if a.corrected {
        s.push_str("*Speaker set by the reader.*\n\n");
    }
    for item in &a.notes {
        note(s, item, item.passage != a.content);
    }
    if !a.notes.is_empty() {
        s.push('\n');
    }
}

/// A list item: what kind of note, its passage when it differs, its tags,
/// then its text indented under it.
fn note(s: &mut String, item: &NoteItem, show_passage: bool) {
    let n = &item.note;
    let kind = match (n.highlight, n.body.trim().is_empty()) {
        (true, true) => "Highlight",
        (true, false) => "Highlighted note",
        (false, _) => "Note",
    };
    let _ = write!(s, "- **{kind}**");
    if show_passage {
        let _ = write!(s, " on {}", inline(&crate::safe::in_quotes(&item.passage)));
    }
    for tag in &n.tags {
        let _ = write!(s, " #{}", tag_word(tag));
    }
    s.push('\n');
    for line in n.body.trim_end().lines() {
        let line = line.trim();
        if line.is_empty() {
            s.push('\n');
        } else {
            let _ = writeln!(s, "  {}", block_line(line));
        }
    }
}

/// Lines of (already escaped) text as a block quote.
fn quote_block(s: &mut String, text: &str) {
    for line in text.lines() {
        if line.trim().is_empty() {
            s.push_str(">\n");
        } else {
            let _ = writeln!(s, "> {}", line.trim());
        }
    }
}

/// Text of several lines, each escaped as a block line.
fn inline_block(text: &str) -> String {
    text.trim().lines().map(|l| block_line(l.trim())).collect::<Vec<_>>().join("\n")
}

/// One line escaped so that it cannot start a heading, list, rule, table
/// or code block, nor open any inline markup.
fn block_line(line: &str) -> String {
    let mut out = inline(line);
    // A list item or ordered list marker at the start stays literal text.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    } else if let Some(end) = out.find(|c: char| !c.is_ascii_digit()).filter(|&e| e > 0)
        && out[end..].starts_with(['.', ')'])
    {
        out.insert(end, '\\');
    }
    out
}

/// Text on one line with Markdown (and Obsidian) syntax characters escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' | '=' | '!'
            | '^' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A tag as an Obsidian tag word: letters, digits, `_`, `-` and `/`.
fn tag_word(tag: &str) -> String {
    tag.chars().map(|c| if c.is_alphanumeric() || matches!(c, '_' | '-' | '/') { c } else { '-' }).collect()
}

/// A YAML double-quoted scalar: safe for any text.
#[must_use]
pub fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn plural(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_syntax_is_neutralised() {
        assert_eq!(block_line("---"), "\\---");
        assert_eq!(block_line("# Heading"), "\\# Heading");
        assert_eq!(block_line("12. item"), "12\\. item");
        assert_eq!(block_line("> quote | pipe"), "\\> quote \\| pipe");
        assert_eq!(inline("<script>*x*</script>"), "\\<script\\>\\*x\\*\\</script\\>");
        assert_eq!(yaml_string("a \"b\"\n\\ c"), "\"a \\\"b\\\"\\n\\\\ c\"");
        assert_eq!(tag_word("to read/later on"), "to-read/later-on");
    }
}
