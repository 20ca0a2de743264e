//! `sayso library` and `sayso speakers` end to end on generated articles.

use assert_cmd::Command;

fn sayso(data: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("sayso").expect("the sayso binary is built");
    cmd.env("XDG_DATA_HOME", data).env("XDG_CONFIG_HOME", data.join("config"));
    cmd
}

fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_folder_of_articles_becomes_a_searchable_library_with_a_speaker_index() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let articles = dir.path().join("articles/nested");
    std::fs::create_dir_all(&articles).expect("mkdir");
    for i in 0..10 {
        std::fs::write(
            articles.join(format!("full{i}.txt")),
            format!(
                "Talks stall in round {i}\nDiplomats met in Vienna on day {i} of the talks.\n\
                 “We are further apart than we were in spring,” said Charles Kupchan, a professor at Georgetown University.\n"
            ),
        )
        .expect("write");
        std::fs::write(
            articles.join(format!("short{i}.txt")),
            format!(
                "Markets calm after round {i}\nTraders shrugged off the news on day {i}.\n\
                 Kupchan said the talks would drag on for months.\n"
            ),
        )
        .expect("write");
    }
    std::fs::write(articles.join("skipped.md"), "not a .txt file").expect("write");
    let out = sayso(&data).args(["library", "add"]).arg(dir.path().join("articles")).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("added 20 of 20 files to the library (20 new articles)")
    );

    let list = json(sayso(&data).args(["library", "--format", "json"]));
    assert_eq!(list.as_array().map(Vec::len), Some(20));
    let found = json(sayso(&data).args(["library", "--search", "Vienna", "--format", "json"]));
    assert_eq!(found.as_array().map(Vec::len), Some(10));

    let speakers = json(sayso(&data).args(["speakers", "--format", "json"]));
    let kupchan = speakers
        .as_array()
        .and_then(|l| l.iter().find(|s| s["name"] == "Charles Kupchan"))
        .unwrap_or_else(|| panic!("Charles Kupchan listed: {speakers}"));
    assert!(
        kupchan["articles"].as_u64().unwrap_or(0) > 10,
        "the surname-only articles are merged: {kupchan}"
    );

    let one = json(sayso(&data).args(["speakers", "Kupchan", "--format", "json"]));
    let attributions = one["attributions"].as_array().expect("attributions");
    let sources: std::collections::BTreeSet<&str> =
        attributions.iter().filter_map(|a| a["source"].as_str()).collect();
    assert!(
        sources.iter().any(|s| s.ends_with("full3.txt")) && sources.iter().any(|s| s.ends_with("short3.txt"))
    );
    // Each attribution keeps its act, and the text view leads with it.
    assert!(attributions.iter().all(|a| a["act"] == "said"), "{one}");
    let text = sayso(&data).args(["speakers", "Kupchan", "--format", "text"]).output().expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("\n  said: the talks would drag on for months\n"), "{text}");

    let text = sayso(&data).args(["speakers", "nobody at all"]).output().expect("runs");
    assert!(!text.status.success());
    assert!(String::from_utf8_lossy(&text.stderr).contains("no speaker named"));
}

#[test]
fn an_empty_library_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = sayso(dir.path()).arg("library").output().expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("The library is empty"));
    assert_eq!(json(sayso(dir.path()).args(["speakers", "--format", "json"])), serde_json::json!([]));
    assert!(!dir.path().join("sayso").exists());
    let missing = sayso(dir.path()).args(["library", "add", "/no/such/folder"]).output().expect("runs");
    assert!(!missing.status.success());
}

#[test]
fn speech_and_writing_only_leaves_out_those_only_reported_as_thinking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let article = dir.path().join("bridge.txt");
    std::fs::write(
        &article,
        "Plans for the bridge\nThe bridge opened on Monday.\n\
         “It will carry ten thousand cars a day,” said Maria Lopez, the city engineer.\n\
         Tom Baker, a local shopkeeper, believes the bridge will bring more customers.\n\
         Lopez believes the traffic will ease by spring.\n",
    )
    .expect("write");
    let out = sayso(&data).args(["library", "add"]).arg(&article).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let names = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().expect("a list").iter().filter_map(|s| s["name"].as_str().map(str::to_owned)).collect()
    };
    let count = |v: &serde_json::Value, name: &str| {
        v.as_array().and_then(|l| l.iter().find(|s| s["name"] == name)).map(|s| s["attributions"].clone())
    };

    let every = json(sayso(&data).args(["speakers", "--format", "json"]));
    assert!(names(&every).contains(&"Tom Baker".to_owned()), "{every}");
    assert_eq!(count(&every, "Maria Lopez"), Some(serde_json::json!(2)), "{every}");

    let words = json(sayso(&data).args(["speakers", "--words-only", "--format", "json"]));
    assert!(!names(&words).contains(&"Tom Baker".to_owned()), "{words}");
    assert_eq!(count(&words, "Maria Lopez"), Some(serde_json::json!(1)), "{words}");
    let one = json(sayso(&data).args(["speakers", "Lopez", "--words-only", "--format", "json"]));
    let acts: Vec<&str> = one["attributions"]
        .as_array()
        .expect("attributions")
        .iter()
        .filter_map(|a| a["act"].as_str())
        .collect();
    assert_eq!(acts, ["said"], "{one}");
    let thinker = sayso(&data).args(["speakers", "Tom Baker", "--words-only"]).output().expect("runs");
    assert!(!thinker.status.success());
    assert!(String::from_utf8_lossy(&thinker.stderr).contains("--every-act"));

    // The reader's choice, kept in the config, holds here too; --every-act overrides it.
    let config = data.join("config/sayso");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(config.join("config.toml"), "[quotes]\nwords_only = true\n").expect("write");
    let remembered = json(sayso(&data).args(["speakers", "--format", "json"]));
    assert_eq!(names(&remembered), names(&words));
    let overridden = json(sayso(&data).args(["speakers", "--every-act", "--format", "json"]));
    assert_eq!(names(&overridden), names(&every));
    let both = sayso(&data).args(["speakers", "--every-act", "--words-only"]).output().expect("runs");
    assert!(!both.status.success(), "the two flags contradict each other");
}
