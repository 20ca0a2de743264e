//! `sayso export` end to end: notes written through the store come out of
//! the command, into standard output or a file, in every format.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use sayso::store::{Anchor, NewArticle, NewNote, Store};
use sayso_nlp::Span;

const STORY: &str = "Lighthouse keepers return to Skerry Point
The coastal trust said on Friday that two keepers would live at the Skerry Point light again from next spring.
“A light without a keeper is just a lamp,” said Marta Quayle, the trust's director. She added that volunteers had already repainted the tower.
Local councillor Bram Hollis told the Gazette the plan was a costly bit of nostalgia.
";

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    /// Where sayso keeps its library when XDG_DATA_HOME is this folder.
    fn db(&self) -> PathBuf {
        self.dir.path().join("data/sayso/library.db")
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    fn sayso(&self) -> Command {
        let mut cmd = Command::cargo_bin("sayso").expect("the sayso binary is built");
        cmd.env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("SOURCE_DATE_EPOCH", "1790000000");
        cmd
    }
}

/// Save the story as the reader does and add a note on the director's quote.
fn save_with_note(home: &Home, path: &Path) {
    let store = Store::open(&home.db()).expect("store");
    let source = std::fs::canonicalize(path).expect("canonical").display().to_string();
    let id = store
        .save_article(&NewArticle { source: Some(&source), text: STORY, ..NewArticle::default() })
        .expect("saved");
    let at = STORY.find("A light without").expect("quote");
    let anchor = Anchor::new(STORY, Span::new(at, at + "A light without a keeper is just a lamp,".len()));
    let note = NewNote {
        anchor,
        highlight: true,
        body: "Open the piece with this.".to_owned(),
        tags: vec!["lede".to_owned()],
    };
    store.add_note(&id, &note).expect("note");
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn all_articles_as_markdown_hold_the_note_the_speaker_and_a_quote() {
    let home = Home::new();
    let path = home.file("story.txt", STORY);
    save_with_note(&home, &path);
    let md = stdout(home.sayso().args(["export", "--all", "--format", "md"]));
    assert!(md.contains("Open the piece with this."), "{md}");
    assert!(md.contains("#lede"), "{md}");
    assert!(md.contains("Quayle"), "{md}");
    assert!(md.lines().any(|l| l.starts_with("> ")), "{md}");
    assert!(md.starts_with("---\ntitle: \"sayso library\"\nexported: \"2026-09-21T14:13:20Z\""), "{md}");
}

#[test]
fn one_file_finds_its_notes_in_the_library() {
    let home = Home::new();
    let path = home.file("story.txt", STORY);
    save_with_note(&home, &path);
    let csv_text = stdout(home.sayso().args(["export", "--format", "csv"]).arg(&path));
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(header, ["Highlight", "Title", "Author", "URL", "Note", "Location", "Date", "Speaker", "Act"]);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    let noted = rows.iter().find(|r| !r[4].is_empty()).expect("a row with the note");
    assert_eq!(&noted[4], "Open the piece with this. .lede");
    assert_eq!(&noted[0], "A light without a keeper is just a lamp,");
    assert_eq!(&noted[8], "said", "the act of the attribution noted");

    // The same text through standard input is found by its content.
    let json = stdout(home.sayso().args(["export", "-", "--format", "json"]).write_stdin(STORY));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["notes"][0]["body"], "Open the piece with this.");
    let acts: Vec<&str> = v["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .filter_map(|a| a["act"].as_str())
        .collect();
    assert!(!acts.is_empty() && acts.len() == v["attributions"].as_array().map_or(0, Vec::len), "{json}");
    assert_eq!(v["exported"], "2026-09-21T14:13:20Z");
}

#[test]
fn an_article_outside_the_library_gives_the_digest_and_creates_nothing() {
    let home = Home::new();
    let path = home.file("story.txt", STORY);
    let md = stdout(home.sayso().arg("export").arg(&path));
    assert!(md.contains("Who said what:") && md.contains("\n> "), "{md}");
    assert!(!home.db().exists(), "export never creates the library");
}

#[test]
fn output_files_are_written_whole() {
    let home = Home::new();
    let path = home.file("story.txt", STORY);
    save_with_note(&home, &path);
    let target = home.dir.path().join("out.json");
    std::fs::write(&target, "old contents").expect("write");
    let printed = stdout(home.sayso().args(["export", "--all", "--format", "json", "-o"]).arg(&target));
    assert!(printed.is_empty());
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("read")).expect("JSON array");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let names: Vec<String> = std::fs::read_dir(home.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "no temporary file is left: {names:?}");
}

#[test]
fn mistakes_fail_with_a_clear_message() {
    let home = Home::new();
    let fails = |cmd: &mut Command, words: &str| {
        let out = cmd.output().expect("runs");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "expected {words:?} in {err}");
    };
    fails(home.sayso().arg("export"), "--all");
    fails(home.sayso().args(["export", "nowhere.txt"]), "could not read");
    fails(home.sayso().args(["export", "x.txt", "--all"]), "cannot be used with");
    let path = home.file("story.txt", STORY);
    fails(
        home.sayso().arg("export").arg(&path).arg("-o").arg(home.dir.path().join("no/such/dir/out.md")),
        "could not write",
    );
    std::fs::create_dir_all(home.db().parent().expect("folder")).expect("mkdir");
    std::fs::write(home.db(), "not a database at all, just some words").expect("write");
    fails(home.sayso().args(["export", "--all"]), "damaged");
}
