//! The bundled sample article through the `sayso` binary: the people,
//! places and organisations a reader expects to see highlighted.

use std::collections::HashSet;

use assert_cmd::Command;

#[test]
fn the_sample_names_its_people_places_and_organisations() {
    let out = Command::cargo_bin("sayso")
        .expect("the sayso binary is built")
        .args(["annotate", "assets/sample/alaska-summit.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sayso runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: HashSet<(String, String)> = v["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| (e["label"].as_str().unwrap_or("").to_owned(), e["text"].as_str().unwrap_or("").to_owned()))
        .collect();
    let expect = |label: &str, names: &[&str]| {
        for name in names {
            assert!(found.contains(&(label.to_owned(), (*name).to_owned())), "{name} should be {label}");
        }
    };
    expect(
        "PERSON",
        &[
            "Donald Trump",
            "Vladimir Putin",
            "Marco Rubio",
            "Steve Witkoff",
            "Sergey Lavrov",
            "Yury Ushakov",
            "Volodymyr Zelenskyy",
            "Ursula von der Leyen",
            "Ishiba Shigeru",
            "Charles Kupchan",
        ],
    );
    expect("LOC", &["Alaska", "Ukraine", "Moscow", "Washington", "Germany", "France"]);
    expect(
        "ORG",
        &["NATO", "Fox News", "Georgetown University", "Council on Foreign Relations", "European Commission"],
    );
    expect("TITLE", &["Secretary of State", "Professor"]);
    expect("DATE", &["Friday", "February 2022"]);
}
