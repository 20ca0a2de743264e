//! The built binary on pages, feeds and standard input (no network: feeds
//! and pages are local files; data folders are temporary).

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name)
}

fn sayso(home: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("sayso").expect("binary");
    cmd.env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("HOME", home.path());
    cmd
}

#[test]
fn text_and_html_on_standard_input() {
    let home = tempfile::tempdir().expect("temp");
    sayso(&home)
        .arg("-")
        .write_stdin("Vote delayed\n\nMayor Ann Holt said the vote will wait.\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("stdin · "))
        .stdout(predicate::str::contains("Who said what"));
    let page = std::fs::read(fixture("harbour-council.html")).expect("fixture");
    let out = sayso(&home)
        .args(["annotate", "-", "--format", "json", "--include-text"])
        .write_stdin(page)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        json["text"]
            .as_str()
            .expect("text")
            .starts_with("Council delays harbour vote after residents protest\n\n")
    );
    assert_eq!(json["metadata"]["site"], "The Harbour Gazette");
}

#[test]
fn a_saved_page_is_annotated_and_text_files_keep_their_shape() {
    let home = tempfile::tempdir().expect("temp");
    sayso(&home)
        .arg(fixture("harbour-council.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Council delays harbour vote after residents protest\n\n"))
        .stdout(predicate::str::contains("cookie").not());
    // A plain text file: no metadata, text unchanged.
    let story = home.path().join("story.txt");
    std::fs::write(&story, "Vote delayed\nThe mayor said the vote will wait.\n").expect("write");
    let out = sayso(&home).args(["annotate"]).arg(&story).args(["--include-text"]).output().expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["text"], "Vote delayed\nThe mayor said the vote will wait.\n");
    assert!(json.get("metadata").is_none());
    // A thin page says how it was read.
    sayso(&home)
        .args(["annotate"])
        .arg(fixture("thin.html"))
        .assert()
        .success()
        .stderr(predicate::str::contains("no article found: read as plain text"));
}

#[test]
fn feeds_list_headless_and_malformed_ones_fail() {
    let home = tempfile::tempdir().expect("temp");
    sayso(&home)
        .args(["feed"])
        .arg(fixture("atom.xml"))
        .arg("--list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Northern Wire"))
        .stdout(predicate::str::contains(
            "2026-03-14 11:20  Minister rejects fishing quota cut  [full text in feed]",
        ));
    sayso(&home)
        .args(["feed"])
        .arg(fixture("malformed.xml"))
        .arg("--list")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not a feed sayso can read"));
}

#[test]
fn followed_feeds_are_remembered() {
    let home = tempfile::tempdir().expect("temp");
    sayso(&home)
        .args(["feed", "--list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("sayso feed add URL"));
    for file in ["rss20.xml", "feed.json"] {
        sayso(&home).args(["feed", "add"]).arg(fixture(file)).assert().success();
    }
    sayso(&home)
        .args(["feed", "add"])
        .arg(fixture("feed.json"))
        .assert()
        .success()
        .stderr(predicate::str::contains("already following"));
    sayso(&home)
        .args(["feed", "add", "ftp://x.example/rss"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("only http and https"));
    let saved = home.path().join("data/sayso/feeds.toml");
    assert!(std::fs::read_to_string(&saved).expect("feeds.toml").contains("rss20.xml"));
    sayso(&home)
        .args(["feed", "ls"])
        .assert()
        .success()
        .stdout(predicate::str::contains("rss20.xml\n").and(predicate::str::contains("feed.json\n")));
    let out = sayso(&home).args(["feed", "--list", "--format", "json"]).output().expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let feeds = json["feeds"].as_array().expect("feeds");
    assert_eq!(feeds.len(), 2);
    assert_eq!(feeds[1]["title"], "Metro Daily");
    let json_feed = fixture("feed.json").display().to_string();
    sayso(&home).args(["feed", "rm", &json_feed]).assert().success();
    sayso(&home)
        .args(["feed", "rm", &json_feed])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not followed"));
    sayso(&home).args(["feed", "ls"]).assert().success().stdout(predicate::str::contains("feed.json").not());
}

#[test]
fn stories_already_in_the_library_are_listed_as_read() {
    let home = tempfile::tempdir().expect("temp");
    let db = home.path().join("data/sayso/library.db");
    // The feed listed as JSON: the command's output and the parsed list.
    let list = || {
        let mut cmd = sayso(&home);
        let out = cmd.args(["feed"]).arg(fixture("rss20.xml")).args(["--list", "--format", "json"]);
        let out = out.output().expect("runs");
        assert!(out.status.success(), "{out:?}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        (out, json)
    };
    // No library yet: nothing is read, and listing does not create one.
    let (_, json) = list();
    assert!(json["items"].as_array().expect("items").iter().all(|i| i["read"] == false), "{json}");
    assert!(!db.exists());
    // Read in an earlier session: the page's address has a trailing slash.
    let store = sayso::store::Store::open(&db).expect("store");
    let page = sayso::store::NewArticle {
        source: Some("https://gazette.example/news/harbour-vote/"),
        text: "Council delays harbour vote.",
        ..Default::default()
    };
    store.save_article(&page).expect("saved");
    drop(store);
    let (_, json) = list();
    let items = json["items"].as_array().expect("items");
    assert_eq!(items[0]["link"], "https://gazette.example/news/harbour-vote", "fields unchanged");
    assert_eq!(items[0]["title"], "Council delays harbour vote after residents protest");
    assert_eq!(items[0]["read"], true);
    assert!(items[1..].iter().all(|i| i["read"] == false), "{json}");
    sayso(&home)
        .args(["feed"])
        .arg(fixture("rss20.xml"))
        .arg("--list")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Council delays harbour vote after residents protest  [full text in feed, read]",
        ))
        .stdout(predicate::str::contains("Ferry fares to rise by eight per cent in April  [link only]"));
    // A damaged library: the list still works, without read marks, and says why.
    std::fs::remove_file(db.with_extension("db-wal")).ok();
    std::fs::remove_file(db.with_extension("db-shm")).ok();
    std::fs::write(&db, "not a database at all").expect("damage");
    let (out, json) = list();
    assert!(json["items"].as_array().expect("items").iter().all(|i| i["read"] == false), "{json}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not marked read"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&db).expect("kept"), "not a database at all", "left untouched");
}
