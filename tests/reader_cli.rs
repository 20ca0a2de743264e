//! The command line without a terminal: scripts get text, bad settings get
//! a precise error before anything else happens.

use assert_cmd::Command;
use predicates::prelude::*;

fn sayso() -> Command {
    let mut cmd = Command::cargo_bin("sayso").expect("the sayso binary");
    // Keep the developer's own settings out of the tests.
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-sayso-test");
    cmd
}

#[test]
fn without_a_terminal_it_prints_the_annotation() {
    sayso().assert().success().stdout(
        predicate::str::starts_with("sample · ")
            .and(predicate::str::contains("\n\nNo ceasefire deal reached in ")),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "Headline\nThe mayor said the pier will reopen.\n").expect("write");
    sayso().arg(&file).assert().success().stdout(predicate::str::contains("said the pier will reopen."));
}

#[test]
fn help_says_what_happens_without_a_terminal() {
    sayso()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"When standard\s+output is not a\s+terminal").expect("regex"))
        .stdout(predicate::str::contains("--config <PATH>"));
}

#[test]
fn a_bad_config_is_reported_with_its_place_and_a_failing_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bad.toml");
    std::fs::write(&file, "[theme]\naccent = \"bluish\"\n").expect("write");
    sayso().arg("--config").arg(&file).assert().failure().stdout(predicate::str::is_empty()).stderr(
        predicate::str::contains(format!(
            "{}:2:10: `theme.accent`: `bluish` is not a colour",
            file.display()
        )),
    );
}

#[test]
fn the_users_file_is_found_through_xdg_config_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("sayso")).expect("mkdir");
    let file = dir.path().join("sayso/config.toml");
    std::fs::write(&file, "[layout]\nwidth = 3\n").expect("write");
    sayso()
        .env("XDG_CONFIG_HOME", dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("sayso/config.toml:2:1: `layout.width`: unknown field `width`"));
    std::fs::write(&file, "[layout]\ntext_width = 60\n").expect("write");
    sayso().env("XDG_CONFIG_HOME", dir.path()).assert().success();
}

#[test]
fn config_prints_the_documented_defaults() {
    sayso()
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("[keys]\nscroll_down = [\"j\", \"down\"]"));
}

#[test]
fn annotate_still_prints_json() {
    sayso()
        .args(["annotate", "-"])
        .write_stdin("Title\nShe said it works.\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{"));
}
