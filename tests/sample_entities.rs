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

/// The sample's annotation as JSON, and its text.
fn sample() -> (serde_json::Value, String) {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = Command::cargo_bin("sayso")
        .expect("the sayso binary is built")
        .args(["annotate", "assets/sample/alaska-summit.txt"])
        .current_dir(dir)
        .output()
        .expect("sayso runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(format!("{dir}/assets/sample/alaska-summit.txt")).expect("sample");
    (serde_json::from_slice(&out.stdout).expect("JSON"), text)
}

#[test]
fn every_mention_of_a_person_is_a_person_and_each_entity_is_one() {
    let (v, text) = sample();
    let chars: Vec<char> = text.chars().collect();
    let entities: Vec<(usize, usize, String, u64)> = v["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| {
            let at = |k: usize| e["span"][k].as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
            (
                at(0),
                at(1),
                e["label"].as_str().unwrap_or("").to_owned(),
                e["entity"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect();
    // Every standalone occurrence of each surname, headline included, lies
    // inside a PERSON mention, and all of them belong to one entity.
    for name in ["Trump", "Putin", "Kupchan", "Zelenskyy", "Rubio", "Witkoff", "Lavrov", "Ushakov", "Ishiba"]
    {
        let name_chars: Vec<char> = name.chars().collect();
        let mut ids = HashSet::new();
        for start in 0..chars.len().saturating_sub(name_chars.len() - 1) {
            let end = start + name_chars.len();
            if chars[start..end] != name_chars[..] || chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let around: String =
                chars[start.saturating_sub(20)..(end + 20).min(chars.len())].iter().collect();
            let found = entities.iter().find(|(s, e, _, _)| *s <= start && end <= *e);
            let Some((_, _, label, id)) = found else {
                panic!("“{name}” in “{around}” is not marked")
            };
            assert_eq!(label, "PERSON", "“{name}” in “{around}”");
            ids.insert(*id);
        }
        assert_eq!(ids.len(), 1, "every “{name}” is one entity");
    }
    for (name, label) in
        [("Alaska", "LOC"), ("Ukraine", "LOC"), ("Moscow", "LOC"), ("NATO", "ORG"), ("Fox News", "ORG")]
    {
        let labels: HashSet<&str> = entities
            .iter()
            .filter(|(s, e, _, _)| chars[*s..*e].iter().collect::<String>() == name)
            .map(|(_, _, l, _)| l.as_str())
            .collect();
        assert_eq!(labels, HashSet::from([label]), "{name}");
    }
    // One label per entity, so a list of entities shows each once.
    let mut label_of = std::collections::HashMap::new();
    for (_, _, label, id) in &entities {
        assert_eq!(label_of.entry(*id).or_insert(label.clone()), label, "entity {id} has one label");
    }
}
