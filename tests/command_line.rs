//! The command line as people know it from other tools: completions, a man
//! page, "did you mean", quiet closed pipes, settings only where they mean
//! something, and no progress lines in a pipe.

use std::io::{BufRead as _, BufReader};
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;

fn sayso() -> Command {
    let mut c = Command::cargo_bin("sayso").expect("the sayso binary is built");
    c.env("XDG_CONFIG_HOME", "/nonexistent-sayso-test");
    c
}

#[test]
fn completions_for_each_shell_and_a_man_page() {
    for (shell, mark) in [("bash", "complete -F"), ("zsh", "#compdef sayso"), ("fish", "complete -c sayso")] {
        sayso()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(mark).and(predicate::str::contains("library")));
    }
    sayso().args(["completions", "tcsh"]).assert().failure();
    sayso()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH sayso 1").and(predicate::str::contains("completions")));
}

#[test]
fn a_mistyped_command_gets_did_you_mean() {
    sayso()
        .arg("librray")
        .assert()
        .failure()
        .stderr(predicate::str::contains("did you mean `sayso library`?"));
    // A file that does not exist and looks like one is still a missing file.
    sayso().arg("library.txt").assert().failure().stderr(predicate::str::contains("did you mean").not());
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let story = dir.path().join("story.txt");
    let long = "Mayor Anna Berg said the harbour would reopen. ".repeat(4000);
    std::fs::write(&story, format!("A headline\n\n{long}\n")).expect("write");
    let story = story.to_string_lossy().into_owned();
    let runs: [&[&str]; 4] = [
        &["config"],
        &["completions", "bash"],
        &["annotate", "--format", "text", &story],
        &["export", &story],
    ];
    for args in runs {
        for _ in 0..5 {
            let mut child = Process::new(assert_cmd::cargo::cargo_bin("sayso"))
                .args(args)
                .env("XDG_CONFIG_HOME", "/nonexistent-sayso-test")
                .env("XDG_DATA_HOME", dir.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("runs");
            let mut first = String::new();
            let out = child.stdout.take().expect("stdout");
            BufReader::new(out).read_line(&mut first).expect("a first line");
            // The reader goes away after one line, as `head -1` does.
            let done = child.wait_with_output().expect("ends");
            assert!(
                done.status.success(),
                "{args:?}: {:?} {}",
                done.status,
                String::from_utf8_lossy(&done.stderr)
            );
            assert!(done.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&done.stderr));
        }
    }
}

#[test]
fn config_is_refused_where_it_means_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = dir.path().join("mine.toml");
    std::fs::write(&settings, "[layout]\nside_width = 40\n").expect("write");
    sayso()
        .arg("--config")
        .arg(&settings)
        .args(["annotate", "-"])
        .write_stdin("A headline\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not used by `sayso annotate`"));
    // `config` checks the file given and names it.
    sayso()
        .arg("--config")
        .arg(&settings)
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("# Your file: {}", settings.display())));
    std::fs::write(&settings, "[layout]\nside_width = 4\n").expect("write");
    sayso()
        .arg("--config")
        .arg(&settings)
        .arg("config")
        .assert()
        .failure()
        .stderr(predicate::str::contains("out of range"));
}

#[test]
fn no_progress_lines_when_standard_error_is_a_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..3 {
        std::fs::write(
            dir.path().join(format!("{i}.txt")),
            format!("Story {i}\n\nAnna Berg said it was {i}.\n"),
        )
        .expect("write");
    }
    let data = tempfile::tempdir().expect("data dir");
    let out = sayso()
        .env("XDG_DATA_HOME", data.path())
        .args(["library", "add"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\r') && !err.contains("3/3 files"), "{err}");
    assert!(err.contains("added 3 of 3 files"), "{err}");
}
