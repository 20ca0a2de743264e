//! Speaker resolution on small made-up articles with hand-placed quotes.

use crate::annotation::{Annotation, EntityLabel, Quote, QuoteKind};
use crate::pipeline::Annotator;
use crate::text::Span;

/// One hand-placed attribution: each part is found by its first occurrence
/// from the first occurrence of `sentence` to the end of that line.
struct Hand<'a> {
    sentence: &'a str,
    source: &'a str,
    cue: &'a str,
    content: &'a str,
}

fn find(text: &str, within: Span, needle: &str) -> Span {
    let at = text[within.start..within.end].find(needle).map(|i| within.start + i);
    let start = at.unwrap_or_else(|| panic!("{needle:?} not found"));
    Span::new(start, start + needle.len())
}

fn annotate(text: &str, hands: &[Hand<'_>]) -> Annotation {
    let mut ann = Annotator::new().expect("models load").annotate(text);
    ann.quotes.clear();
    ann.speakers.clear();
    for h in hands {
        let anchor = find(text, Span::new(0, text.len()), h.sentence);
        let line_end = text[anchor.start..].find('\n').map_or(text.len(), |i| anchor.start + i);
        let sentence = Span::new(anchor.start, line_end);
        ann.quotes.push(Quote {
            content: find(text, sentence, h.content),
            content_fragments: Vec::new(),
            cue: Some(find(text, sentence, h.cue)),
            source: Some(find(text, sentence, h.source)),
            speaker: None,
            kind: QuoteKind::Indirect,
            act: crate::annotation::Act::Said,
        });
    }
    ann.quotes.sort_by_key(|q| q.content.start);
    super::resolve(text, &mut ann);
    ann
}

/// The display name of the speaker of the quote whose content starts with `content`.
fn speaker_of<'a>(ann: &'a Annotation, text: &str, content: &str) -> &'a str {
    let q = ann.quotes.iter().find(|q| q.content.slice(text).starts_with(content)).expect("quote exists");
    q.speaker.and_then(|s| ann.speakers.get(s)).map_or("<none>", |s| s.name.as_str())
}

fn names(ann: &Annotation) -> Vec<&str> {
    ann.speakers.iter().map(|s| s.name.as_str()).collect()
}

const SUMMIT: &str = "Talks end without a deal; analyst warns of a price
Brazilian President Lucas Moreira and his Argentine counterpart, Mateo Ferreyra, have ended their summit in Lisbon. Moreira described the talks as “useful,” but left without a deal.
Speaking to reporters after the meeting, Ferreyra described the talks as “frank.”
He said the central topic was trade. He said all the “root causes” must be removed.
Moreira also called the meeting “very good.” He went on to say they had agreed on many points.
Moreira told Ferreyra during a news conference that they would meet again soon. The Argentine president responded in Portuguese, “Next time in Buenos Aires.”
The Canadian government spokesperson told reporters that Moreira had called Prime Minister Anne Dufour, she also said Moreira talked with the leaders of Chile.
The UN spokesperson confirmed Moreira spoke with the leaders of Peru.
Dufour posted a message on social media saying she will meet Moreira in Ottawa on Monday. She wrote that she welcomes a wider meeting.
A senior official of the government of Spanish Prime Minister Elena Ruiz said the meeting could be a starting point.
The official who commented after Brazilian President Lucas Moreira and Argentine President Mateo Ferreyra met in Lisbon said that the timing will be watched closely.
Meanwhile, Oxford University Professor Daniel Whitfield says he welcomes the talks between the two leaders.
The professor of economics and senior fellow at the Institute for Trade, a British research group, said he gives Moreira credit for starting a dialogue with Ferreyra.
He said, “This is a dispute that will end at the table, not in the courts.”
But Whitfield added that Moreira is “perhaps making a mistake” by meeting too early.
He said: “Ferreyra is coming out of the cold. He has been invited to Brazil.”
As for the outcome, the professor said the likely result is no change, with Ferreyra only buying time.
He said the Argentine president “thinks that time is on his side.”
";

fn summit() -> Annotation {
    let hands = [
        Hand {
            sentence: "Moreira described the talks",
            source: "Moreira",
            cue: "described",
            content: "the talks as",
        },
        Hand {
            sentence: "Ferreyra described",
            source: "Ferreyra",
            cue: "described",
            content: "the talks as “frank",
        },
        Hand { sentence: "He said the central", source: "He", cue: "said", content: "the central topic" },
        Hand { sentence: "He said all the", source: "He", cue: "said", content: "all the “root" },
        Hand {
            sentence: "Moreira also called",
            source: "Moreira",
            cue: "called",
            content: "the meeting “very",
        },
        Hand { sentence: "He went on", source: "He", cue: "went on to say", content: "they had agreed" },
        Hand {
            sentence: "Moreira told Ferreyra",
            source: "Moreira",
            cue: "told",
            content: "they would meet",
        },
        Hand {
            sentence: "The Argentine president responded",
            source: "The Argentine president",
            cue: "responded",
            content: "Next time",
        },
        Hand {
            sentence: "The Canadian government spokesperson",
            source: "The Canadian government spokesperson",
            cue: "told",
            content: "Moreira had called",
        },
        Hand { sentence: "she also said", source: "she", cue: "said", content: "Moreira talked" },
        Hand {
            sentence: "The UN spokesperson",
            source: "The UN spokesperson",
            cue: "confirmed",
            content: "Moreira spoke",
        },
        Hand {
            sentence: "Dufour posted",
            source: "Dufour",
            cue: "posted a message",
            content: "she will meet",
        },
        Hand { sentence: "She wrote", source: "She", cue: "wrote", content: "she welcomes" },
        Hand {
            sentence: "A senior official",
            source: "A senior official of the government of Spanish Prime Minister Elena Ruiz",
            cue: "said",
            content: "the meeting could",
        },
        Hand {
            sentence: "The official who",
            source: "The official who commented after Brazilian President Lucas Moreira and Argentine President Mateo Ferreyra met in Lisbon",
            cue: "said",
            content: "the timing",
        },
        Hand {
            sentence: "Meanwhile, Oxford",
            source: "Oxford University Professor Daniel Whitfield",
            cue: "says",
            content: "he welcomes",
        },
        Hand {
            sentence: "The professor of economics",
            source: "The professor of economics and senior fellow at the Institute for Trade, a British research group",
            cue: "said",
            content: "he gives Moreira",
        },
        Hand { sentence: "He said, “This", source: "He", cue: "said", content: "This is a dispute" },
        Hand { sentence: "But Whitfield added", source: "Whitfield", cue: "added", content: "Moreira is" },
        Hand { sentence: "He said: “Ferreyra", source: "He", cue: "said", content: "Ferreyra is coming" },
        Hand {
            sentence: "the professor said the likely",
            source: "the professor",
            cue: "said",
            content: "the likely result",
        },
        Hand {
            sentence: "He said the Argentine",
            source: "He",
            cue: "said",
            content: "the Argentine president “thinks",
        },
    ];
    annotate(SUMMIT, &hands)
}

#[test]
fn summit_speakers_are_the_seven_sources() {
    let ann = summit();
    let mut got = names(&ann);
    got.sort_unstable();
    let mut want = [
        "Daniel Whitfield",
        "Lucas Moreira",
        "Mateo Ferreyra",
        "The Canadian government spokesperson",
        "The UN spokesperson",
        "Spanish senior official",
        "Anne Dufour",
    ];
    want.sort_unstable();
    assert_eq!(got.len(), 7, "{got:?}");
    assert_eq!(got, want);
    assert_eq!(ann.speakers[0].name, "Daniel Whitfield", "most attributions first");
}

#[test]
fn titles_and_descriptions_find_their_holder() {
    let ann = summit();
    let t = SUMMIT;
    assert_eq!(speaker_of(&ann, t, "Next time"), "Mateo Ferreyra");
    assert_eq!(speaker_of(&ann, t, "he gives Moreira"), "Daniel Whitfield");
    assert_eq!(speaker_of(&ann, t, "the likely result"), "Daniel Whitfield");
    assert_eq!(speaker_of(&ann, t, "the timing"), speaker_of(&ann, t, "the meeting could"));
    assert_ne!(speaker_of(&ann, t, "Moreira had called"), speaker_of(&ann, t, "Moreira spoke"));
}

#[test]
fn pronouns_follow_the_salient_source_not_names_in_content() {
    let ann = summit();
    let t = SUMMIT;
    for content in ["This is a dispute", "Ferreyra is coming", "the Argentine president “thinks"] {
        assert_eq!(speaker_of(&ann, t, content), "Daniel Whitfield", "{content}");
    }
    assert_eq!(speaker_of(&ann, t, "the central topic"), "Mateo Ferreyra");
    assert_eq!(speaker_of(&ann, t, "they had agreed"), "Lucas Moreira");
    assert_eq!(speaker_of(&ann, t, "Moreira talked"), "The Canadian government spokesperson");
    assert_eq!(speaker_of(&ann, t, "she welcomes"), "Anne Dufour");
}

#[test]
fn entity_mentions_point_at_their_speaker() {
    let ann = summit();
    let whitfield = ann.speakers.iter().position(|s| s.name == "Daniel Whitfield");
    let marked = ann
        .entities
        .iter()
        .filter(|e| e.span.slice(SUMMIT).contains("Whitfield"))
        .all(|e| e.speaker == whitfield);
    assert!(whitfield.is_some() && marked);
    let moreira =
        &ann.speakers[ann.speakers.iter().position(|s| s.name == "Lucas Moreira").expect("Moreira")];
    assert_eq!(moreira.label, EntityLabel::Person);
    assert!(moreira.mentions.len() >= 6, "{:?}", moreira.mentions);
    assert!(moreira.mentions.windows(2).all(|w| w[0] < w[1]), "mentions sorted and distinct");
}

#[test]
fn gender_picks_between_two_people() {
    let text = "Budget row deepens\nSenator Maria Lopez met Governor Tom Baker on Monday. Baker said the plan works. She said it would fail within a year.\n";
    let ann = annotate(
        text,
        &[
            Hand { sentence: "Baker said", source: "Baker", cue: "said", content: "the plan works" },
            Hand { sentence: "She said", source: "She", cue: "said", content: "it would fail" },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "it would fail"), "Maria Lopez");
    assert_eq!(speaker_of(&ann, text, "the plan works"), "Tom Baker");
}

#[test]
fn gazetteer_titles_and_whole_names_are_read() {
    let text = "Budget talks\nTreasurer Jim Chalmers met European Commission President Ursula von der Leyen in Brussels on Tuesday. The treasurer said the talks went well. The Commission president said a deal was near. The Council on Foreign Relations said both sides gained.\nMayor Anne Dufour’s envoy, Sam Reed, arrived later. The envoy said talks would resume.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "The treasurer said",
                source: "The treasurer",
                cue: "said",
                content: "the talks",
            },
            Hand {
                sentence: "The Commission president",
                source: "The Commission president",
                cue: "said",
                content: "a deal",
            },
            Hand {
                sentence: "The Council on",
                source: "The Council on Foreign Relations",
                cue: "said",
                content: "both sides",
            },
            Hand { sentence: "The envoy said", source: "The envoy", cue: "said", content: "talks would" },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "the talks"), "Jim Chalmers");
    assert_eq!(speaker_of(&ann, text, "a deal"), "Ursula von der Leyen");
    assert_eq!(speaker_of(&ann, text, "both sides"), "Council on Foreign Relations");
    assert_eq!(speaker_of(&ann, text, "talks would"), "Sam Reed", "a possessor stands for a determiner");
}

#[test]
fn organisations_speak_and_unnamed_sources_stay_apart() {
    let text = "Mayor quits\nThe Daily Courier reports that the mayor resigned on Friday. A source said the council knew for weeks. Another source said the vote was close. The source added that nobody objected. The Courier said the decision came late.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "The Daily Courier reports",
                source: "The Daily Courier",
                cue: "reports",
                content: "the mayor resigned",
            },
            Hand { sentence: "A source said", source: "A source", cue: "said", content: "the council knew" },
            Hand {
                sentence: "Another source said",
                source: "Another source",
                cue: "said",
                content: "the vote was",
            },
            Hand {
                sentence: "The source added",
                source: "The source",
                cue: "added",
                content: "nobody objected",
            },
            Hand {
                sentence: "The Courier said",
                source: "The Courier",
                cue: "said",
                content: "the decision came",
            },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "the mayor resigned"), "Daily Courier");
    assert_eq!(speaker_of(&ann, text, "the decision came"), "Daily Courier");
    assert_eq!(ann.speakers[0].label, EntityLabel::Org);
    assert_eq!(ann.speakers.len(), 3, "{:?}", names(&ann));
    assert_eq!(speaker_of(&ann, text, "the council knew"), "A source");
    let ids: Vec<_> = ann.quotes.iter().map(|q| q.speaker).collect();
    assert_ne!(ids[1], ids[2], "a source and another source are two speakers");
    assert_eq!(ids[2], ids[3], "the source is the latest one");
}

#[test]
fn no_quotes_no_speakers_and_bad_spans_are_ignored() {
    let text = "Quiet day\nNothing was said by anyone today.\n";
    let mut ann = Annotator::new().expect("models load").annotate(text);
    super::resolve(text, &mut ann);
    assert!(ann.speakers.is_empty());
    ann.quotes.push(Quote {
        content: Span::new(500, 900),
        content_fragments: vec![Span::new(900, 800)],
        cue: None,
        source: Some(Span::new(1000, 2000)),
        speaker: None,
        kind: QuoteKind::Direct,
        act: crate::annotation::Act::Said,
    });
    super::resolve(text, &mut ann);
    assert!(ann.speakers.is_empty());
    assert_eq!(ann.quotes[0].speaker, None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text and any quote spans: no panic, indices in range, mentions
    /// on char boundaries and in text order.
    #[test]
    fn any_input_resolves_safely(
        text in "([A-Z][a-z]{0,6}|he|she|they|said|the|,|\\.|“|”|’s|é|\\n| ){0,60}",
        spans in proptest::collection::vec((0usize..400, 0usize..400, 0usize..400, 0usize..400), 0..6),
    ) {
        let mut ann = Annotator::new().expect("models load").annotate(&text);
        for (a, b, c, d) in spans {
            ann.quotes.push(Quote {
                content: Span::new(a.min(b), a.max(b)),
                content_fragments: Vec::new(),
                cue: None,
                source: Some(Span::new(c.min(d), c.max(d))),
                speaker: None,
                kind: QuoteKind::Indirect,
                act: crate::annotation::Act::Said,
            });
        }
        super::resolve(&text, &mut ann);
        for q in &ann.quotes {
            proptest::prop_assert!(q.speaker.is_none_or(|s| s < ann.speakers.len()));
        }
        for e in &ann.entities {
            proptest::prop_assert!(e.speaker.is_none_or(|s| s < ann.speakers.len()));
        }
        for s in &ann.speakers {
            proptest::prop_assert!(!s.name.is_empty());
            proptest::prop_assert!(s.mentions.windows(2).all(|w| w[0] < w[1]));
            for m in &s.mentions {
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.end <= text.len());
            }
        }
    }
}

/// Leaves every pronoun without an antecedent.
struct NoAntecedent;

impl super::Choose for NoAntecedent {
    fn choose(&mut self, _: Span, _: &[super::Candidate], _: &[u64]) -> Option<usize> {
        None
    }
}

#[test]
fn probes_find_the_antecedents_the_rules_or_a_chooser_give() {
    let text = "Maria Lopez met Peter Hall in Lisbon on Monday.\n\
She said the talks went well. He nodded, and she smiled at him.\n";
    let ann = Annotator::new().expect("models load").annotate(text);
    let at = |needle: &str| find(text, Span::new(0, text.len()), needle);
    let she = find(text, at("She said"), "She");
    let he = find(text, at("He nodded"), "He");
    let him = find(text, at("at him"), "him");
    let probes = [she, he, him];
    let rules = super::antecedents(text, &ann, &probes, None);
    let slice = |s: Option<Span>| s.map(|s| s.slice(text));
    assert_eq!(slice(rules[0]), Some("Maria Lopez"));
    assert_eq!(slice(rules[1]), Some("Peter Hall"));
    assert_eq!(slice(rules[2]), Some("He"), "the latest mention of Peter Hall's cluster");
    let same = super::antecedents(text, &ann, &probes, Some(&mut super::RulesChoice));
    assert_eq!(same, rules);
    // A pronoun left alone starts its own cluster: no earlier mention.
    let none = super::antecedents(text, &ann, &probes, Some(&mut NoAntecedent));
    assert_eq!(none, vec![None; 3]);
}

#[test]
fn a_relative_pronoun_source_speaks_for_the_description_it_follows() {
    let text = "Council delays the budget vote
A senior city official, who asked not to be named, said the mayor wanted more time.
Mayor Ines Baptiste said the council would vote in March.
";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "A senior city official",
                source: "who",
                cue: "said",
                content: "the mayor wanted",
            },
            Hand {
                sentence: "Mayor Ines",
                source: "Mayor Ines Baptiste",
                cue: "said",
                content: "the council",
            },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "the mayor wanted"), "A senior city official");
    assert_eq!(speaker_of(&ann, text, "the council"), "Ines Baptiste");
}

#[test]
fn a_dateline_place_is_no_one_to_refer_to() {
    let text = "Forecast cut\n\nSAN JOSE, Calif. — Shares of chipmakers fell on Thursday after a weak \
                forecast.\n\nIt now expects sales of $4 billion, the company said.\n";
    let ann = annotate(
        text,
        &[Hand { sentence: "It now expects", source: "It", cue: "expects", content: "sales of $4 billion" }],
    );
    let who = speaker_of(&ann, text, "sales of");
    assert!(!who.contains("JOSE") && !who.contains("Calif"), "{who}");
}

#[test]
fn a_place_is_not_the_organisation_whose_name_ends_with_it() {
    let text = "Protests\n\nAmnesty International Kenya said police had fired tear gas at marchers.\n\
                Officials in Kenya said the bill would pass.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "Amnesty International Kenya said",
                source: "Amnesty International Kenya",
                cue: "said",
                content: "police had fired",
            },
            Hand {
                sentence: "Officials in Kenya",
                source: "Officials in Kenya",
                cue: "said",
                content: "the bill would",
            },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "police had fired"), "Amnesty International Kenya");
    let kenya = ann.entities.iter().filter(|e| e.span.slice(text) == "Kenya").collect::<Vec<_>>();
    assert!(!kenya.is_empty());
    let amnesty =
        ann.quotes.iter().find_map(|q| q.speaker.filter(|_| q.content.slice(text).starts_with("police")));
    assert!(kenya.iter().all(|e| e.speaker.is_none() || e.speaker != amnesty), "{:?}", ann.speakers);
    let label = amnesty.and_then(|s| ann.speakers.get(s)).map(|s| s.label);
    assert_eq!(label, Some(EntityLabel::Org), "{:?}", ann.speakers);
}

#[test]
fn a_subject_set_off_by_a_participle_is_who_they_are() {
    let text = "Sleep\n\nThe study appeared in the journal Nature Communications on Tuesday.\n\
                The researchers, led by Ana Sousa of the Lisbon institute, followed 8,000 adults for 25 years.\n\
                They found that short sleepers fell ill more often.\n";
    let ann = annotate(
        text,
        &[Hand { sentence: "They found", source: "They", cue: "found", content: "short sleepers fell" }],
    );
    assert_eq!(speaker_of(&ann, text, "short sleepers"), "The researchers");
}

#[test]
fn a_long_description_of_a_thing_keeps_its_words_and_names_its_organisation() {
    let text = "Voters\n\nA January 2016 study released on Monday by the Pew Research Center found that most voters \
                were angry.\nAbout two-thirds of the Republican primary voters polled by the university said the party had \
                failed them.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "A January 2016 study",
                source: "A January 2016 study released on Monday by the Pew Research Center",
                cue: "found",
                content: "most voters were angry",
            },
            Hand {
                sentence: "About two-thirds",
                source: "About two-thirds of the Republican primary voters polled by the university",
                cue: "said",
                content: "the party had failed",
            },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "most voters"), "A January 2016 study (Pew Research Center)");
    assert!(!speaker_of(&ann, text, "the party had").starts_with("Republican"), "{:?}", ann.speakers);
}

#[test]
fn a_people_or_a_party_named_as_a_group_is_no_person() {
    let text = "Vote\n\nRepublicans said the bill was too costly.\nMany Americans said prices were too high.\n\
                Ruth Olsen said the vote would be close.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "Republicans said",
                source: "Republicans",
                cue: "said",
                content: "the bill was",
            },
            Hand { sentence: "Many Americans", source: "Americans", cue: "said", content: "prices were" },
            Hand { sentence: "Ruth Olsen", source: "Ruth Olsen", cue: "said", content: "the vote would" },
        ],
    );
    let label_of = |content: &str| {
        let q = ann.quotes.iter().find(|q| q.content.slice(text).starts_with(content)).expect("quote");
        q.speaker.and_then(|s| ann.speakers.get(s)).map(|s| s.label)
    };
    assert_eq!(label_of("the bill was"), Some(EntityLabel::Misc), "{:?}", ann.speakers);
    assert_eq!(label_of("prices were"), Some(EntityLabel::Misc), "{:?}", ann.speakers);
    assert_eq!(label_of("the vote would"), Some(EntityLabel::Person), "{:?}", ann.speakers);
}

#[test]
fn a_name_after_a_preposition_names_whom_the_speaker_serves_or_where_they_are() {
    let text = "Campaign\n\nHillary Clinton said the plan was sound.\n\
                A spokeswoman for Clinton said there was no comment.\n\
                A spokesman for Mrs. Clinton said she was pleased.\n\
                Union leaders in Lowell said they were not told.\n\
                “The plan is late,” said Dr. Lucy Okell of Imperial College London.\n\
                A report by Pew Research Center found that turnout fell.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "Hillary Clinton said",
                source: "Hillary Clinton",
                cue: "said",
                content: "the plan was",
            },
            Hand {
                sentence: "A spokeswoman",
                source: "A spokeswoman for Clinton",
                cue: "said",
                content: "there was no",
            },
            Hand {
                sentence: "A spokesman for Mrs.",
                source: "A spokesman for Mrs. Clinton",
                cue: "said",
                content: "she was pleased",
            },
            Hand {
                sentence: "Union leaders",
                source: "Union leaders in Lowell",
                cue: "said",
                content: "they were not",
            },
            Hand {
                sentence: "“The plan is late",
                source: "Dr. Lucy Okell of Imperial College London",
                cue: "said",
                content: "The plan is late",
            },
            Hand {
                sentence: "A report by",
                source: "A report by Pew Research Center",
                cue: "found",
                content: "turnout fell",
            },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "the plan was"), "Hillary Clinton");
    assert_ne!(speaker_of(&ann, text, "there was no"), "Hillary Clinton", "{:?}", ann.speakers);
    assert_ne!(speaker_of(&ann, text, "she was pleased"), "Hillary Clinton", "{:?}", ann.speakers);
    assert!(speaker_of(&ann, text, "they were not").starts_with("Union leaders"), "{:?}", ann.speakers);
    assert_eq!(speaker_of(&ann, text, "The plan is late"), "Lucy Okell");
    assert_eq!(speaker_of(&ann, text, "turnout fell"), "Pew Research Center");
}

#[test]
fn a_given_name_read_as_an_adjective_still_opens_the_name() {
    let text = "Budget\n\nMaya MacGuineas, the president of the group, said lawmakers had failed.\n\
                Republican Donald Trump said it was bad.\n";
    let ann = annotate(
        text,
        &[
            Hand {
                sentence: "Maya MacGuineas",
                source: "Maya MacGuineas, the president of the group,",
                cue: "said",
                content: "lawmakers had failed",
            },
            Hand {
                sentence: "Republican Donald",
                source: "Republican Donald Trump",
                cue: "said",
                content: "it was bad",
            },
        ],
    );
    assert_eq!(speaker_of(&ann, text, "lawmakers had failed"), "Maya MacGuineas");
    assert_eq!(speaker_of(&ann, text, "it was bad"), "Donald Trump");
}

#[test]
fn a_noun_for_a_trade_names_the_business_in_view() {
    let text = "Flights\n\nSkylark Airlines apologized on Monday after a computer failure.\n\
                The airline said the outage began on Sunday.\n";
    let ann = annotate(
        text,
        &[Hand { sentence: "The airline", source: "The airline", cue: "said", content: "the outage began" }],
    );
    assert_eq!(speaker_of(&ann, text, "the outage began"), "Skylark Airlines");
}

#[test]
fn a_speaker_named_in_capitals_by_the_dateline_goes_by_the_body_s_name() {
    let text = "Port deal stalls\nMOMBASA, Kenya — Talks on the port lease ended on Monday.\n\
Mombasa rejected the lease, saying the terms were unfair.\n";
    let hands = [Hand {
        sentence: "Mombasa rejected",
        source: "Mombasa",
        cue: "saying",
        content: "the terms were unfair",
    }];
    let ann = annotate(text, &hands);
    assert_eq!(speaker_of(&ann, text, "the terms"), "Mombasa");
}

#[test]
fn an_epithet_naming_another_office_is_someone_new() {
    let text = "Floods\n\nMayor Ann Lee spoke about the flooding, arguing that the levees must be rebuilt.\n\
                The governor wrote to the families, saying that the state would pay for repairs.\n\
                Senator Tom Reyes toured the levees, arguing that they had failed.\n\
                The former mayor said that the city had been warned.\n";
    let hands = [
        Hand {
            sentence: "Mayor Ann Lee",
            source: "Mayor Ann Lee",
            cue: "arguing",
            content: "the levees must",
        },
        Hand { sentence: "The governor", source: "The governor", cue: "saying", content: "the state would" },
        Hand {
            sentence: "Senator Tom",
            source: "Senator Tom Reyes",
            cue: "arguing",
            content: "they had failed",
        },
        Hand { sentence: "The former", source: "The former mayor", cue: "said", content: "the city had" },
    ];
    let ann = annotate(text, &hands);
    assert_eq!(speaker_of(&ann, text, "the levees must"), "Ann Lee");
    // Ann Lee is known as the mayor: the governor is someone else.
    assert_ne!(speaker_of(&ann, text, "the state would"), "Ann Lee");
    // A former office may be anyone's: the senator who spoke just before.
    assert_eq!(speaker_of(&ann, text, "the city had"), "Tom Reyes");
}

#[test]
fn a_relative_pronoun_after_a_name_and_its_place_is_the_name_s() {
    let text = "Donors\n\nThe money came from Harlan Crow of Texas, who said that he backed Rubio.\n\
                It also came from Sen. Ann Moss, the Vermont independent who has argued that prices must fall.\n";
    let hands = [
        Hand { sentence: "The money", source: "who", cue: "said", content: "he backed Rubio" },
        Hand { sentence: "It also", source: "who", cue: "has argued", content: "prices must fall" },
    ];
    let ann = annotate(text, &hands);
    assert_eq!(speaker_of(&ann, text, "he backed Rubio"), "Harlan Crow");
    assert_eq!(speaker_of(&ann, text, "prices must fall"), "Ann Moss");
}

#[test]
fn a_possessive_inside_a_name_stays_in_it() {
    let text = "Fields\n\nCampaigners from Save Our Fields said they would appeal the ruling.\n";
    let hands = [Hand {
        sentence: "Campaigners",
        source: "Campaigners from Save Our Fields",
        cue: "said",
        content: "they would appeal",
    }];
    let ann = annotate(text, &hands);
    assert_eq!(speaker_of(&ann, text, "they would appeal"), "Save Our Fields");
}

#[test]
fn a_player_s_position_describes_the_player_just_quoted() {
    let text = "Match\n\nSaka said he was pleased to be back after an injury.\n\
                Asked about his future, the winger said he was happy at the club.\n";
    let hands = [
        Hand { sentence: "Saka said", source: "Saka", cue: "said", content: "he was pleased" },
        Hand { sentence: "Asked about", source: "the winger", cue: "said", content: "he was happy" },
    ];
    let ann = annotate(text, &hands);
    assert_eq!(speaker_of(&ann, text, "he was happy"), "Saka");
}
