//! `sayso annotate --jsonl`: JSON lines in, one annotation line out per
//! input line, in input order, for stream tools (Spark's `RDD.pipe`, Hadoop
//! streaming, GNU parallel).
//!
//! Lines are read in batches, each batch annotated on every core and written
//! before the next is read, so memory stays flat however long the stream.

use std::io::{BufRead, ErrorKind, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

use anyhow::{Context, Result};
use sayso_nlp::{Annotator, json};
use serde::Serialize;
use serde_json::Value;

/// Most lines in one batch.
const BATCH_LINES: usize = 256;
/// Most bytes of input in one batch (a batch holds at least one line).
const BATCH_BYTES: usize = 8 << 20;

/// What `--jsonl` does with each line.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The field holding the text.
    pub field: &'a str,
    /// Copy the text into the output (`text`).
    pub include_text: bool,
    /// Threads annotating a batch.
    pub threads: usize,
}

/// How a stream went.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines read that were not blank.
    pub lines: usize,
    /// Lines answered with an error object.
    pub failed: usize,
}

/// One input line that could be annotated: the annotation, with the line's
/// `id` and number first.
#[derive(Serialize)]
struct Annotated<'a> {
    id: &'a Value,
    line: usize,
    #[serde(flatten)]
    annotation: json::JsonAnnotation<'a>,
}

/// One input line that could not be annotated, and why.
#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    line: usize,
    error: String,
}

/// Annotate every line of `input` into `output`. A closed output (a reader
/// that stopped early) ends the stream quietly.
///
/// # Errors
/// When the input cannot be read or the output cannot be written (other
/// than being closed).
pub fn run(
    annotator: &Annotator,
    mut input: impl BufRead,
    mut output: impl Write,
    options: Options,
) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut number = 0;
    loop {
        let batch = read_batch(&mut input, &mut number)?;
        if batch.is_empty() {
            break;
        }
        let answers = annotate_batch(annotator, &batch, options);
        for (ok, answer) in &answers {
            summary.lines += 1;
            summary.failed += usize::from(!ok);
            if let Err(e) = output.write_all(answer).and_then(|()| output.write_all(b"\n")) {
                return closed_or(e, summary);
            }
        }
        // Each batch is passed on as soon as it is done.
        if let Err(e) = output.flush() {
            return closed_or(e, summary);
        }
    }
    Ok(summary)
}

/// A closed pipe is the reader's choice to stop; anything else is an error.
fn closed_or(e: std::io::Error, summary: Summary) -> Result<Summary> {
    if e.kind() == ErrorKind::BrokenPipe {
        Ok(summary)
    } else {
        Err(e).context("could not write to standard output")
    }
}

/// The next lines that are not blank, numbered from 1 in the whole stream.
fn read_batch(input: &mut impl BufRead, number: &mut usize) -> Result<Vec<(usize, Vec<u8>)>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line).context("could not read the input")? == 0 {
            break;
        }
        *number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        bytes += line.len();
        batch.push((*number, line));
    }
    Ok(batch)
}

/// Each line's output, in order, and whether it was annotated.
fn annotate_batch(
    annotator: &Annotator,
    batch: &[(usize, Vec<u8>)],
    options: Options,
) -> Vec<(bool, Vec<u8>)> {
    let answer = |(number, line): &(usize, Vec<u8>)| answer(annotator, *number, line, options);
    // `answer` catches the engine's panics, so every line has its output;
    // should a worker still have died, its lines get an error each.
    sayso_nlp::parallel::map_in_order(batch, options.threads, answer)
        .into_iter()
        .zip(batch)
        .map(|(out, (number, _))| {
            out.unwrap_or_else(|| {
                failed(&Value::Null, *number, "the line was lost by a worker thread".to_owned())
            })
        })
        .collect()
}

/// The output line for one input line.
fn answer(annotator: &Annotator, number: usize, line: &[u8], options: Options) -> (bool, Vec<u8>) {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let no_id = Value::Null;
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(e) => {
            return failed(
                &no_id,
                number,
                format!("not UTF-8: invalid byte at column {}", e.valid_up_to() + 1),
            );
        }
    };
    let value: Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(e) => return failed(&no_id, number, format!("not JSON: {e}")),
    };
    let Value::Object(record) = &value else {
        return failed(
            &no_id,
            number,
            format!("a JSON object was expected, with the text under \"{}\"", options.field),
        );
    };
    let id = record.get("id").unwrap_or(&no_id);
    let text = match record.get(options.field) {
        Some(Value::String(text)) => text,
        Some(other) => {
            return failed(
                id,
                number,
                format!("\"{}\" must be a string, not {}", options.field, kind(other)),
            );
        }
        None => return failed(id, number, format!("no \"{}\" field", options.field)),
    };
    let Ok(ann) = catch_unwind(AssertUnwindSafe(|| annotator.annotate(text))) else {
        return failed(id, number, "the engine failed on this text (a bug: please report it)".to_owned());
    };
    let out = Annotated { id, line: number, annotation: json::to_json(&ann, text, options.include_text) };
    match serde_json::to_vec(&out) {
        Ok(bytes) => (true, bytes),
        Err(e) => failed(id, number, format!("could not write the annotation: {e}")),
    }
}

fn failed(id: &Value, line: usize, error: String) -> (bool, Vec<u8>) {
    let fallback = || format!("{{\"id\":null,\"line\":{line},\"error\":\"unprintable error\"}}").into_bytes();
    (false, serde_json::to_vec(&Failed { id, line, error }).unwrap_or_else(|_| fallback()))
}

/// The JSON type of a value, for messages.
const fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, threads: usize) -> (Vec<Value>, Summary) {
        let annotator = Annotator::new().expect("models load");
        let mut out = Vec::new();
        let options = Options { field: "text", include_text: false, threads };
        let summary = run(&annotator, input.as_bytes(), &mut out, options).expect("runs");
        let values = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        (values, summary)
    }

    #[test]
    fn batches_keep_input_order_on_many_threads() {
        let input: String = (0..BATCH_LINES * 2 + 7)
            .map(|i| format!("{{\"id\":{i},\"text\":\"Mayor Ann Holt said {i} roads will close.\"}}\n"))
            .collect();
        let (out, summary) = lines(&input, 4);
        assert_eq!(summary, Summary { lines: BATCH_LINES * 2 + 7, failed: 0 });
        for (i, v) in out.iter().enumerate() {
            assert_eq!(v["id"], i, "line {i} is in its place");
            assert_eq!(v["line"], i + 1);
        }
    }

    #[test]
    fn blank_lines_are_skipped_but_counted_in_line_numbers() {
        let (out, summary) = lines("\n{\"id\":\"a\",\"text\":\"Hello.\"}\r\n  \n{\"text\":\"Bye.\"}", 1);
        assert_eq!(summary, Summary { lines: 2, failed: 0 });
        assert_eq!((out[0]["id"].clone(), out[0]["line"].clone()), (Value::from("a"), Value::from(2)));
        assert_eq!((out[1]["id"].clone(), out[1]["line"].clone()), (Value::Null, Value::from(4)));
    }

    #[test]
    fn every_kind_of_bad_line_gets_its_own_error() {
        let input = "[1]\n{\"id\":7}\n{\"id\":8,\"text\":3}\nnot json\n";
        let (out, summary) = lines(input, 2);
        assert_eq!(summary, Summary { lines: 4, failed: 4 });
        let errors: Vec<&str> = out.iter().map(|v| v["error"].as_str().expect("an error")).collect();
        assert!(errors[0].contains("JSON object"), "{}", errors[0]);
        assert_eq!(errors[1], "no \"text\" field");
        assert_eq!(errors[2], "\"text\" must be a string, not a number");
        assert!(errors[3].starts_with("not JSON"), "{}", errors[3]);
        assert_eq!((out[1]["id"].clone(), out[2]["id"].clone()), (Value::from(7), Value::from(8)));
    }

    #[test]
    fn invalid_utf8_is_an_error_line() {
        let annotator = Annotator::new().expect("models load");
        let options = Options { field: "text", include_text: false, threads: 1 };
        let (ok, out) = answer(&annotator, 3, b"{\"text\":\"caf\xe9\"}\n", options);
        assert!(!ok);
        let v: Value = serde_json::from_slice(&out).expect("JSON");
        assert_eq!(v["error"], "not UTF-8: invalid byte at column 13");
        assert_eq!(v["line"], 3);
    }

    /// A writer whose reader has gone.
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_output_ends_the_stream_quietly() {
        let annotator = Annotator::new().expect("models load");
        let options = Options { field: "text", include_text: false, threads: 1 };
        let input = "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n";
        let summary = run(&annotator, input.as_bytes(), Closed, options).expect("no error");
        assert_eq!(summary.lines, 1, "it stops at the first line that cannot be written");
    }
}
