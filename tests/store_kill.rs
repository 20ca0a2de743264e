//! `kill -9` while notes are being written loses no confirmed note.
//!
//! The test runs this same test binary again as a child that adds notes and
//! prints `saved N` after each commit, kills it with SIGKILL mid-stream, and
//! checks every note the child confirmed is in the database.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use sayso::store::{Anchor, NewArticle, NewNote, Store};
use sayso_nlp::Span;

const TEXT: &str = "A short article about tides. The tide rose at noon, the harbour master said.";
const CHILD_DB: &str = "SAYSO_TEST_CHILD_DB";

/// The writer, run only as the child of `a_killed_writer_loses_no_confirmed_note`.
#[test]
#[ignore = "run as a child process by a_killed_writer_loses_no_confirmed_note"]
fn child_writer() {
    let Some(path) = std::env::var_os(CHILD_DB) else { return };
    let store = Store::open(std::path::Path::new(&path)).expect("child opens");
    let id = store.save_article(&NewArticle { text: TEXT, ..NewArticle::default() }).expect("article");
    for n in 1..=100_000 {
        let anchor = Anchor::new(TEXT, Span::new(29, 37));
        let new =
            NewNote { anchor, highlight: n % 2 == 0, body: format!("note {n}"), tags: vec![format!("t{n}")] };
        store.add_note(&id, &new).expect("child writes");
        println!("saved {n}");
    }
}

#[test]
fn a_killed_writer_loses_no_confirmed_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "child_writer", "--include-ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_DB, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("piped");
    let mut confirmed = 0u32;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("child output");
        if let Some(n) = line.strip_prefix("saved ") {
            confirmed = n.parse().expect("a count");
            if confirmed >= 40 {
                break;
            }
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(confirmed >= 40, "the child confirmed {confirmed} notes before it was killed");

    let store = Store::open(&path).expect("reopens after the crash");
    let id = store.find_article(None, TEXT).expect("find").expect("article stored");
    let notes = store.notes(&id, TEXT).expect("read");
    for n in 1..=confirmed {
        let body = format!("note {n}");
        let found =
            notes.iter().find(|x| x.body == body).unwrap_or_else(|| panic!("{body} was confirmed but lost"));
        assert_eq!(found.tags, [format!("t{n}")]);
    }
    assert!(notes.len() >= confirmed as usize);
}
