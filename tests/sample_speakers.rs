//! The bundled sample article: who the speakers are and who said what.

use assert_cmd::Command;
use serde_json::Value;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample/alaska-summit.txt");

/// The text of a `[start, end]` code-point span.
fn slice(chars: &[char], span: &Value) -> String {
    let at = |i: usize| span[i].as_u64().and_then(|v| usize::try_from(v).ok()).unwrap_or(0);
    chars.get(at(0)..at(1)).map(|c| c.iter().collect()).unwrap_or_default()
}

#[test]
fn sample_speakers_and_attributions() {
    let text = std::fs::read_to_string(SAMPLE).expect("sample readable");
    let chars: Vec<char> = text.chars().collect();
    let out = Command::cargo_bin("sayso")
        .expect("binary built")
        .args(["annotate", SAMPLE, "--format", "json"])
        .output()
        .expect("sayso runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let speakers: Vec<&str> =
        json["speakers"].as_array().expect("speakers").iter().filter_map(|s| s["name"].as_str()).collect();
    let quotes = json["quotes"].as_array().expect("quotes");
    let speaker_of =
        |q: &Value| q["speaker"].as_u64().and_then(|s| speakers.get(usize::try_from(s).ok()?)).copied();

    // Exactly these seven, Kupchan first.
    assert_eq!(speakers.len(), 7, "{speakers:?}");
    assert_eq!(speakers[0], "Charles Kupchan", "{speakers:?}");
    for name in ["Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy"] {
        assert!(speakers.contains(&name), "{name} missing from {speakers:?}");
    }
    let has = |parts: &[&str]| speakers.iter().any(|s| parts.iter().all(|p| s.contains(p)));
    assert!(has(&["White House", "spokesperson"]), "{speakers:?}");
    assert!(has(&["EU", "spokesperson"]), "{speakers:?}");
    assert!(has(&["official"]), "{speakers:?}");

    // “Next time in Moscow” is Putin's.
    let moscow = quotes.iter().find(|q| slice(&chars, &q["content"]).contains("Next time in Moscow"));
    assert_eq!(moscow.and_then(speaker_of), Some("Vladimir Putin"));

    // Every "He" after Kupchan is introduced is Kupchan.
    let intro = text.find("Georgetown University Professor Charles Kupchan").expect("intro present");
    let intro = text[..intro].chars().count();
    let mut hes = 0;
    for q in quotes {
        let source = &q["source"];
        if source.is_null() || slice(&chars, source) != "He" {
            continue;
        }
        if source[0].as_u64().is_some_and(|s| s > intro as u64) {
            hes += 1;
            assert_eq!(speaker_of(q), Some("Charles Kupchan"), "{}", slice(&chars, &q["content"]));
        }
    }
    assert!(hes >= 6, "only {hes} attributions to He after Kupchan");
}
