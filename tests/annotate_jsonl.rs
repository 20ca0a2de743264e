//! `sayso annotate --jsonl`: a stream of JSON lines in, one line out per input line.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

fn sayso() -> Command {
    Command::cargo_bin("sayso").expect("the sayso binary is built")
}

fn output_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn record(id: &Value, text: &str) -> String {
    format!("{}\n", json!({ "id": id, "text": text }))
}

#[test]
fn each_line_is_annotated_in_order_with_its_id() {
    let texts = [
        "Mayor Ann Holt said the vote will wait.",
        "“We need more time,” Holt told reporters in Boston.",
        "",
        "Nothing was said here.",
    ];
    let ids = [json!("a-1"), json!(2), json!({ "doc": 3 }), json!(null)];
    let input: String = (0..60).map(|i| record(&ids[i % 4], texts[i % 4])).collect();
    let out = sayso().args(["annotate", "--jsonl"]).write_stdin(input).output().expect("runs");
    assert!(out.status.success());
    let lines = output_lines(&out.stdout);
    assert_eq!(lines.len(), 60);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], ids[i % 4], "line {i}");
        assert_eq!(line["line"], i + 1);
        assert_eq!(line["version"], 1);
    }
}

#[test]
fn a_line_equals_the_annotation_of_its_text_alone() {
    let text = std::fs::read_to_string("assets/sample/alaska-summit.txt").expect("the sample");
    let single = sayso().args(["annotate", "-"]).write_stdin(text.clone()).output().expect("runs");
    let expected: Value = serde_json::from_slice(&single.stdout).expect("JSON");
    let streamed = sayso().args(["annotate", "--jsonl"]).write_stdin(record(&json!("s"), &text)).output();
    let mut got = output_lines(&streamed.expect("runs").stdout).remove(0);
    let got = got.as_object_mut().expect("an object");
    assert_eq!(got.remove("id"), Some(json!("s")));
    assert_eq!(got.remove("line"), Some(json!(1)));
    assert_eq!(Value::Object(got.clone()), expected);
}

#[test]
fn a_malformed_line_gets_an_error_and_the_rest_are_annotated() {
    let input = format!(
        "{}{{\"id\": \"broken\", \"text\": \n{}",
        record(&json!(1), "Senator Mark Ruiz said taxes will rise."),
        record(&json!(3), "The minister, Ana Costa, said she would resign."),
    );
    let out = sayso().args(["annotate", "--jsonl"]).write_stdin(input).output().expect("runs");
    assert!(out.status.success(), "a bad line does not stop the stream");
    let lines = output_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!((lines[0]["id"].clone(), lines[2]["id"].clone()), (json!(1), json!(3)));
    assert!(lines[0]["entities"].is_array() && lines[2]["entities"].is_array());
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.starts_with("not JSON")), "{}", lines[1]);
    assert!(lines[1].get("entities").is_none());
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 3 lines could not be annotated"));
}

#[test]
fn another_field_can_hold_the_text() {
    let input = "{\"id\": 1, \"body\": \"Mayor Ann Holt said the vote will wait.\", \"text\": 5}\n";
    let out = sayso()
        .args(["annotate", "--jsonl", "--jsonl-field", "body", "--include-text"])
        .write_stdin(input)
        .output()
        .expect("runs");
    let lines = output_lines(&out.stdout);
    assert_eq!(lines[0]["text"], "Mayor Ann Holt said the vote will wait.");
    let wrong = sayso().args(["annotate", "--jsonl"]).write_stdin(input).output().expect("runs");
    assert_eq!(output_lines(&wrong.stdout)[0]["error"], "\"text\" must be a string, not a number");
}

#[test]
fn a_file_of_lines_can_be_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, record(&json!("f"), "Holt said so.")).expect("write");
    let out = sayso().args(["annotate", "--jsonl"]).arg(&path).output().expect("runs");
    assert_eq!(output_lines(&out.stdout)[0]["id"], "f");
}

#[test]
fn flags_that_do_not_fit_a_stream_are_refused() {
    sayso().args(["annotate", "--jsonl", "--format", "text"]).assert().failure();
    sayso().args(["annotate", "--jsonl", "--out", "x"]).assert().failure();
    sayso()
        .args(["annotate", "--jsonl-field", "body", "x.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--jsonl"));
    sayso().arg("annotate").assert().failure().stderr(predicate::str::contains("<INPUT>"));
}

#[test]
fn a_reader_that_stops_early_ends_the_stream_quietly() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["annotate", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // Far more than a pipe holds: the command must notice its reader left.
        for i in 0..20_000 {
            if stdin
                .write_all(record(&json!(i), "Mayor Ann Holt said the vote will wait.").as_bytes())
                .is_err()
            {
                break;
            }
        }
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("one line");
    // Dropping the reader closes the pipe.
    let status = child.wait().expect("exits");
    let _ = writer.join();
    assert!(first.contains("\"id\":0"), "{first}");
    assert!(status.success(), "a closed output ends with status 0, not {status}");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut err).expect("stderr");
    assert!(err.is_empty(), "nothing on stderr: {err}");
}
