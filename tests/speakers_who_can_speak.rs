//! Sentences where a place, a sentence adverb, a headline, an object or a
//! time stands where the source of an attribution would: none of them may come
//! out as a speaker. A place stays a speaker only when it stands for its
//! government and no person or group is named beside the cue.

use sayso_nlp::{Annotation, Annotator};

/// An article of one paragraph under a neutral headline.
fn article(body: &str) -> String {
    format!("Notes from the week\n\n{body}\n")
}

fn annotate(annotator: &Annotator, text: &str) -> Annotation {
    annotator.annotate(text)
}

/// The speaker names and the source mentions of every attribution.
fn who(ann: &Annotation, text: &str) -> (Vec<String>, Vec<String>) {
    let names = ann.speakers.iter().map(|s| s.name.to_lowercase()).collect();
    let sources = ann.quotes.iter().filter_map(|q| q.source).map(|s| s.slice(text).to_lowercase()).collect();
    (names, sources)
}

/// (body, words that must name no speaker and be no source on their own,
/// a word some attribution's speaker must have when one is named).
const CASES: [(&str, &[&str], Option<&str>); 31] = [
    // Places where a person or group is named beside the cue.
    ("Officials in Michigan said the water in the city was safe to drink.", &["michigan"], Some("officials")),
    (
        "In Michigan, a senior official said the count would finish by Friday.",
        &["michigan"],
        Some("official"),
    ),
    ("Texas Sen. Ted Cruz said the plan was a disgrace.", &["texas"], Some("cruz")),
    ("Ohio Gov. Mike DeWine told reporters the state would not appeal.", &["ohio"], Some("dewine")),
    (
        "Sen. Sherrod Brown spoke for an hour. The Ohio Democrat said the bill would fail without changes.",
        &["ohio"],
        None,
    ),
    ("Police in Denver said two men had been arrested after the fire.", &["denver"], Some("police")),
    ("Voters in Arizona say the price of groceries worries them most.", &["arizona"], Some("voters")),
    ("Residents of Florida said the storm had flooded their streets.", &["florida"], Some("residents")),
    // Sentence adverbs at the head of the clause.
    ("Meanwhile, the governor said the state would appeal the ruling.", &["meanwhile"], Some("governor")),
    ("However, the mayor said the budget would be balanced next year.", &["however"], Some("mayor")),
    ("Separately, officials said the bridge would reopen on Monday.", &["separately"], Some("officials")),
    ("Still, the company said it expected sales to grow.", &["still"], Some("company")),
    ("Later, the minister told parliament that talks had failed.", &["later"], Some("minister")),
    ("Moreover, the senator argued that the law was unfair.", &["moreover"], Some("senator")),
    // Objects, drugs and machines.
    ("The computer said the flight was on time.", &["the computer", "computer"], None),
    ("The drug said little about side effects on its first day in shops.", &["the drug", "drug"], None),
    ("The vaccine said nothing about how long the protection would last.", &["the vaccine", "vaccine"], None),
    ("The phone said the battery would be empty within an hour.", &["the phone", "phone"], None),
    ("A box said the toy was safe for children under three.", &["a box", "box"], None),
    ("The pills said the dose should not be taken twice a day.", &["the pills", "pills"], None),
    ("The robot said the room was empty when it entered.", &["the robot", "robot"], None),
    ("The car said the tyre pressure was too low.", &["the car", "car"], None),
    (
        "The missile said nothing. The general told reporters that the test had failed.",
        &["the missile", "missile"],
        Some("general"),
    ),
    (
        "Protesters marching through the streets chanted \"What curfew?\" and kept going until dawn.",
        &["the streets", "streets"],
        None,
    ),
    (
        "The water said enough about the state of the river, the inspector wrote.",
        &["the water", "water"],
        None,
    ),
    // Days, months and spans of time.
    (
        "Governor Ann Holt this week also said she would consider naming a new judge.",
        &["this week", "week", "governor ann holt this week"],
        Some("holt"),
    ),
    ("The board of elections on Monday said both objections had failed.", &["monday"], Some("board")),
    ("Local activists in October said the plant had polluted the river.", &["october"], Some("activists")),
    ("Saturday said little about who would win the race.", &["saturday"], None),
    ("Last week showed that the law works.", &["last week", "week"], None),
    ("Thursday's memo said the money had been spent on travel.", &["thursday"], None),
];

#[test]
fn places_adverbs_objects_and_times_name_no_speaker() {
    let annotator = Annotator::new().expect("models load");
    let mut failures = Vec::new();
    for (body, forbidden, expected) in CASES {
        let text = article(body);
        let ann = annotate(&annotator, &text);
        let (names, sources) = who(&ann, &text);
        for word in forbidden {
            if names.iter().any(|n| n == word) || sources.iter().any(|s| s == word) {
                failures.push(format!("{body}\n  `{word}` is a speaker or source: {names:?} {sources:?}"));
            }
        }
        if let Some(want) = expected
            && !names.iter().any(|n| n.contains(want))
        {
            failures.push(format!("{body}\n  no speaker named with `{want}`: {names:?}"));
        }
        for q in &ann.quotes {
            if q.speaker.is_none() {
                // A quote without a speaker keeps no source that cannot speak.
                let src = q.source.map(|s| s.slice(&text).to_lowercase());
                assert!(src.as_deref().is_none_or(|s| !forbidden.contains(&s)), "{body}: {src:?}");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_place_speaks_for_its_government_when_no_one_else_is_named() {
    let annotator = Annotator::new().expect("models load");
    let text = article("Russia said it would respond to the new sanctions within days.");
    let ann = annotate(&annotator, &text);
    let (names, _) = who(&ann, &text);
    assert_eq!(names, ["russia"], "{:?}", ann.quotes);
}

#[test]
fn a_headline_is_not_taken_for_its_speakers_name() {
    let annotator = Annotator::new().expect("models load");
    let text = "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Resign’\n\n\
                Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday. \
                “You should resign,” Warren told Stumpf.\n";
    let ann = annotate(&annotator, text);
    let (names, sources) = who(&ann, text);
    let headline = text.lines().next().unwrap_or_default().to_lowercase();
    for s in names.iter().chain(&sources) {
        assert!(s.split_whitespace().count() <= 3 || !headline.contains(s.as_str()), "{s}: {names:?}");
    }
    // The headline's own quotation, when found, is Warren's, not the bank's.
    let end = headline.len();
    for q in ann.quotes.iter().filter(|q| q.content.end <= end) {
        let speaker = q.speaker.and_then(|s| ann.speakers.get(s)).map(|s| s.name.as_str());
        assert!(speaker.is_none_or(|n| n.contains("Warren")), "{speaker:?} {names:?}");
    }
}
