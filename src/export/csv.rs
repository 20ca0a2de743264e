//! CSV export in the Readwise import shape: `Highlight, Title, Author, URL,
//! Note, Location, Date`, plus `Speaker` and `Act` (said, wrote or thought;
//! empty on a row of a note).
//!
//! One row per attribution (its notes joined in `Note`), then one row per
//! note on another passage. Tags are appended to `Note` the way Readwise
//! reads them: ` .tag1 .tag2`, spaces in a tag becoming `_`. `Location` is
//! the code-point offset of the passage; `Date` is when its note was last
//! changed, `YYYY-MM-DD HH:MM:SS` in UTC (empty for an attribution without
//! notes).
//!
//! Article text and notes are untrusted: a cell that a spreadsheet would
//! run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) gets a leading `'`, which spreadsheets show as text. The raw
//! flavour keeps every cell exactly, for tools that read CSV as data.

use super::digest::{Digest, NoteItem};
use crate::store::time;

/// The header row.
pub const HEADER: [&str; 9] =
    ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date", "Speaker", "Act"];

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet shows it as text: a leading `'` when it would
/// otherwise start a formula.
fn as_text(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) { format!("'{cell}").into() } else { cell.into() }
}

/// Rows of one or more articles, with the header; with `guard`, cells that
/// would start a spreadsheet formula are written as text (see the module).
///
/// # Errors
/// Never in practice (writing to memory).
pub fn rows(digests: &[Digest], guard: bool) -> Result<String, csv::Error> {
    let cell = |c: &str| -> String { if guard { as_text(c).into_owned() } else { c.to_owned() } };
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    out.write_record(HEADER)?;
    for d in digests {
        let title = cell(d.meta.title.as_deref().unwrap_or(""));
        let author = cell(d.meta.author.as_deref().unwrap_or(""));
        let url = cell(d.meta.source.as_deref().unwrap_or(""));
        let mut lines: Vec<(Option<usize>, [String; 6])> = Vec::new();
        for a in &d.attributions {
            let date = a.notes.iter().map(|n| n.note.updated).max().map(time::date_time).unwrap_or_default();
            let note =
                a.notes.iter().map(note_text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n\n");
            let speaker = a.speaker.clone().unwrap_or_default();
            let act = a.act.as_str().to_owned();
            lines.push((
                Some(a.chars[0]),
                [a.content.clone(), note, a.chars[0].to_string(), date, speaker, act],
            ));
        }
        for item in &d.other_notes {
            let at = item.chars.map(|c| c[0]);
            let location = at.map(|c| c.to_string()).unwrap_or_default();
            let date = time::date_time(item.note.updated);
            lines.push((
                at,
                [item.passage.clone(), note_text(item), location, date, String::new(), String::new()],
            ));
        }
        lines.sort_by_key(|(at, _)| (at.is_none(), *at));
        for (_, [highlight, note, location, date, speaker, act]) in lines {
            let (highlight, note, speaker) = (cell(&highlight), cell(&note), cell(&speaker));
            out.write_record([&highlight, &title, &author, &url, &note, &location, &date, &speaker, &act])?;
        }
    }
    let bytes = out.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A note's text with its tags appended as `.tag` words.
fn note_text(item: &NoteItem) -> String {
    let mut s = item.note.body.trim().to_owned();
    for tag in &item.note.tags {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push('.');
        s.extend(tag.chars().map(|c| if c.is_whitespace() { '_' } else { c }));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_run_as_formulas_become_text() {
        assert_eq!(as_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(as_text("+1 202"), "'+1 202");
        assert_eq!(as_text("- a list"), "'- a list");
        assert_eq!(as_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(as_text("\tx"), "'\tx");
        assert_eq!(as_text("He said = twice"), "He said = twice");
        assert_eq!(as_text(""), "");
    }
}
