//! The bundled sample article: who the speakers are and who said what.

use assert_cmd::Command;
use serde_json::Value;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample/alaska-summit.txt");

/// The text of a `[start, end]` code-point span.
fn slice(chars: &[char], span: &Value) -> String {
    let at = |i: usize| span[i].as_u64().and_then(|v| usize::try_from(v).ok()).unwrap_or(0);
    chars.get(at(0)..at(1)).map(|c| c.iter().collect()).unwrap_or_default()
}

/// The sample's characters and its annotation as `sayso annotate` prints it.
fn annotated_sample() -> (Vec<char>, Value) {
    let text = std::fs::read_to_string(SAMPLE).expect("sample readable");
    let out = Command::cargo_bin("sayso")
        .expect("binary built")
        .args(["annotate", SAMPLE, "--format", "json"])
        .output()
        .expect("sayso runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (text.chars().collect(), serde_json::from_slice(&out.stdout).expect("valid JSON"))
}

#[test]
fn sample_speakers_and_attributions() {
    let (chars, json) = annotated_sample();
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
    let text: String = chars.iter().collect();
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

/// Every attribution the engine finds in the sample, by a phrase of its
/// content, with its act as read by hand.
const ACTS: [(&str, &str); 33] = [
    ("the talks as “productive,”", "said"),
    // "came away with no deal" reports no words at all; of the three acts
    // it is nearest speech, which is what an unknown cue counts as.
    ("no deal on a ceasefire", "said"),
    ("the talks as “constructive”", "said"),
    ("one of the central topics", "said"),
    ("“primary causes”", "said"),
    ("the meeting “very productive.”", "said"),
    ("they had agreed on many points", "said"),
    ("But we’ve made some headway", "said"),
    ("any specific points he and Putin", "said"),
    ("see each other again very soon", "said"),
    ("Next time in Moscow", "said"),
    ("the suggestion “interesting,”", "said"),
    ("get a little heat on that one", "said"),
    ("a long telephone call", "said"),
    ("Trump talked with the leaders of NATO", "said"),
    ("leaders of Germany, France and the UK", "said"),
    ("might soon set up a meeting", "said"),
    ("he will meet Trump in Washington", "wrote"),
    ("he welcomes a trilateral meeting", "wrote"),
    ("the details of the summit", "said"),
    ("its timing will be something to watch", "said"),
    ("he welcomes US President Donald Trump", "said"),
    ("Trump will pay a price if the meeting", "thought"),
    ("he gives Trump credit", "said"),
    ("This is a war that will end", "said"),
    ("perhaps making a mistake", "said"),
    ("Putin is coming out of the cold", "said"),
    ("One would hope that Trump", "said"),
    ("he doesn’t see an indication", "said"),
    ("the most likely scenario", "said"),
    ("time is on his side", "said"),
    ("Trump “will pay a price” if he walks away", "said"),
    ("Trump is “gambling”", "said"),
];

#[test]
fn every_attribution_of_the_sample_is_said_written_or_thought_as_read_by_hand() {
    let (chars, json) = annotated_sample();
    assert_eq!(json["speakers"].as_array().map(Vec::len), Some(7), "exactly the seven speakers");
    let quotes = json["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), ACTS.len(), "every attribution has its line");
    let mut used = [false; ACTS.len()];
    for q in quotes {
        let content = slice(&chars, &q["content"]);
        let found: Vec<usize> = (0..ACTS.len()).filter(|&i| content.contains(ACTS[i].0)).collect();
        let [i] = found[..] else { panic!("{content:?} matches {found:?} of the hand-read lines") };
        assert!(!used[i], "two attributions hold {:?}", ACTS[i].0);
        used[i] = true;
        assert_eq!(q["act"].as_str(), Some(ACTS[i].1), "{content}");
        assert!(q["speaker"].is_u64(), "every attribution of the sample has its speaker: {content}");
    }
}
