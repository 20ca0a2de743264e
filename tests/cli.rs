//! The `sayso` command line on good and hostile input.

use assert_cmd::Command;
use predicates::prelude::*;

fn sayso() -> Command {
    Command::cargo_bin("sayso").expect("the sayso binary is built")
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("stdout is one JSON document")
}

#[test]
fn annotate_prints_the_contract_shape() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("story.txt");
    std::fs::write(&path, "A headline\nMaria Lopez visited Paris on Monday.\n").expect("write");
    let out = sayso().args(["annotate", "--include-text"]).arg(&path).output().expect("runs");
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["version"], 1);
    assert_eq!(v["title"], "A headline");
    assert_eq!(v["text"], "A headline\nMaria Lopez visited Paris on Monday.\n");
    for key in ["entities", "speakers", "quotes"] {
        assert!(v[key].is_array(), "{key} is a list");
    }
    // Every entity's span slices the text to the entity's own text, in code points.
    let text: Vec<char> = v["text"].as_str().unwrap_or_default().chars().collect();
    for e in v["entities"].as_array().into_iter().flatten() {
        let (s, t) =
            (e["span"][0].as_u64().unwrap_or(0) as usize, e["span"][1].as_u64().unwrap_or(0) as usize);
        assert_eq!(text[s..t].iter().collect::<String>(), e["text"].as_str().unwrap_or_default());
    }
}

#[test]
fn offsets_are_code_points_not_bytes() {
    let text = "Titre “é”\n“Ça va,” dit Zoë Müller à Genève. Then Angela Merkel spoke in Berlin.\n";
    let out = sayso().args(["annotate", "-"]).write_stdin(text).output().expect("runs");
    assert!(out.status.success());
    let chars: Vec<char> = text.chars().collect();
    let v = json(&out.stdout);
    let entities = v["entities"].as_array().expect("entities");
    assert!(!entities.is_empty(), "some entity is found");
    for e in entities {
        let (s, t) =
            (e["span"][0].as_u64().unwrap_or(0) as usize, e["span"][1].as_u64().unwrap_or(0) as usize);
        assert_eq!(chars[s..t].iter().collect::<String>(), e["text"].as_str().unwrap_or_default());
    }
}

#[test]
fn binary_input_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("image.bin");
    std::fs::write(&path, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).expect("write");
    sayso()
        .arg("annotate")
        .arg(&path)
        .assert()
        .failure()
        .stderr(predicate::str::contains("binary"))
        .stdout(predicate::str::is_empty());
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let out = sayso()
        .args(["annotate", "-"])
        .write_stdin(b"Title\nCaf\xe9 owner Jean Dupont said hello.\n".to_vec())
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    assert_eq!(json(&out.stdout)["version"], 1);
}

#[test]
fn an_empty_file_gives_an_empty_result() {
    let out = sayso().args(["annotate", "-"]).write_stdin("").output().expect("runs");
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["entities"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["quotes"].as_array().map(Vec::len), Some(0));
    assert!(v["title"].is_null());
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    sayso()
        .args(["annotate", "no/such/file.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no/such/file.txt"));
}

#[test]
fn a_folder_is_annotated_into_one_json_per_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path().join("in");
    let out = dir.path().join("out");
    std::fs::create_dir(&src).expect("mkdir");
    for i in 0..5 {
        std::fs::write(src.join(format!("a{i}.txt")), format!("Story {i}\nJohn Smith went to London.\n"))
            .expect("write");
    }
    std::fs::write(src.join("notes.md"), "not an article").expect("write");
    sayso().arg("annotate").arg(&src).arg("--out").arg(&out).assert().success();
    for i in 0..5 {
        let bytes = std::fs::read(out.join(format!("a{i}.json"))).expect("one JSON per article");
        assert_eq!(json(&bytes)["title"], format!("Story {i}"));
    }
    assert!(!out.join("notes.json").exists());
    // Without --out a folder is an error that says what to do.
    sayso().arg("annotate").arg(&src).assert().failure().stderr(predicate::str::contains("--out"));
}

#[test]
fn text_format_marks_entities_without_colour_when_piped() {
    let out = sayso()
        .args(["annotate", "--format", "text", "-"])
        .write_stdin("News\nThe mayor of Chicago met Barack Obama.\n")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("](LOC)") || s.contains("](PERSON)"), "entities are marked: {s}");
    assert!(!s.contains('\u{1b}'), "no escape codes when stdout is not a terminal");
}

#[test]
fn control_characters_never_reach_the_text_view() {
    let out = sayso()
        .args(["annotate", "--format", "text", "-"])
        .write_stdin("Head\u{1b}]0;pwned\u{7}line\nBody \u{202e}text\u{9b}31m here.\n")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
        assert!(!s.contains(bad), "{bad:?} was printed");
    }
}

#[test]
fn unreviewed_keeps_what_the_reviewer_leaves_out() {
    let text = "Harbor City council delays stadium vote\n\n\
                Republicans rebuffed the plan, and the mayor's office did not recommend prosecution of the developer.\n\n\
                \u{201c}We will open the bridge in May,\u{201d} the mayor said.\n";
    let quotes = |extra: &[&str]| -> Vec<serde_json::Value> {
        let out = sayso().arg("annotate").args(extra).arg("-").write_stdin(text).output().expect("runs");
        assert!(out.status.success());
        json(&out.stdout)["quotes"].as_array().cloned().unwrap_or_default()
    };
    let (reviewed, all) = (quotes(&[]), quotes(&["--unreviewed"]));
    let key =
        |q: &serde_json::Value| (q["content"].to_string(), q["cue"].to_string(), q["source"].to_string());
    let all_keys: Vec<_> = all.iter().map(key).collect();
    assert!(reviewed.iter().all(|q| all_keys.contains(&key(q))), "the reviewer only leaves out");
    assert!(all.len() > reviewed.len(), "\"rebuffed the plan\" is seldom an attribution: {reviewed:?}");
    // The direct quotation is kept either way.
    assert!(reviewed.iter().any(|q| q["kind"] == "direct"));
}
