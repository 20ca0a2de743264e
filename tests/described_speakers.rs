//! Speakers given by a description ("the Ohio Democrat", "the professor"):
//! the description finds the person the article named with that party,
//! state or title, and a description that finds nobody stays a description,
//! labelled MISC, never an organisation.

use sayso_nlp::{Annotation, Annotator, EntityLabel};

/// An article of one paragraph under a neutral headline.
fn article(body: &str) -> String {
    format!("Notes from the week\n\n{body}\n")
}

/// Annotate `body` as an article and check who said the attribution whose
/// content starts with `content`.
fn assert_speaker(
    annotator: &Annotator,
    body: &str,
    content: &str,
    name: &str,
    label: EntityLabel,
) -> Annotation {
    let text = article(body);
    let ann = annotator.annotate(&text);
    assert_eq!(speaker_of(&ann, &text, content), Some((name.to_owned(), label)), "{body}: {content}");
    ann
}

/// The name and label of the speaker of the attribution whose content
/// starts with `content`.
fn speaker_of(ann: &Annotation, text: &str, content: &str) -> Option<(String, EntityLabel)> {
    let q = ann.quotes.iter().find(|q| q.content.slice(text).starts_with(content))?;
    let s = ann.speakers.get(q.speaker?)?;
    Some((s.name.clone(), s.label))
}

/// (body, content of the described speaker's attribution, expected speaker name).
const RESOLVED: [(&str, &str, &str); 11] = [
    (
        "Sen. Martin Kell (D-Ohio) opened the hearing with a question. The Ohio Democrat said the fees had \
         hurt families for years.",
        "the fees had hurt",
        "Martin Kell",
    ),
    (
        "Ohio Democrat Nora Fenwick spoke first at the meeting. Later the Ohio Democrat said the plan needed \
         more money.",
        "the plan needed",
        "Nora Fenwick",
    ),
    (
        "Sen. Martin Kell (D-Ohio) and Sen. Paul Ostrander (R-Texas) met on Monday. The Texas Republican said \
         the talks had gone well.",
        "the talks had gone",
        "Paul Ostrander",
    ),
    (
        "Sen. Paul Ostrander (R-Texas) and Sen. Martin Kell (D-Ohio) met on Monday. The Ohio senator said the \
         talks had gone badly.",
        "the talks had gone",
        "Martin Kell",
    ),
    (
        "Rep. Dana Whitcombe (R-S.C.) visited the port on Friday. The South Carolina congresswoman said the \
         harbour needed dredging.",
        "the harbour needed",
        "Dana Whitcombe",
    ),
    (
        "Gov. Arthur Penhale signed the budget late on Tuesday. The governor said the state would hire more \
         nurses.",
        "the state would hire",
        "Arthur Penhale",
    ),
    (
        "Economics professor Helen Drayton studied the market for a decade. The professor said prices would \
         fall next spring.",
        "prices would fall",
        "Helen Drayton",
    ),
    (
        "Republican Lena Hartwig won the primary in May. The Republican said on Sunday that she would debate \
         her rival twice.",
        "she would debate",
        "Lena Hartwig",
    ),
    (
        "Montana Gov. Ray Dunmore and Idaho Gov. Claire Booth met at the border. The Idaho governor said the \
         road would be rebuilt.",
        "the road would",
        "Claire Booth",
    ),
    (
        "Foreign Minister Lusine Hakobyan said the talks had failed. Her counterpart, Elchin Mammadli, \
         rejected that account. The minister said his country was ready to sign.",
        "his country was ready",
        "Elchin Mammadli",
    ),
    (
        "Prof. Ruth Amsel has studied the river for twenty years. The professor said the water was cleaner \
         than in the nineties.",
        "the water was cleaner",
        "Ruth Amsel",
    ),
];

#[test]
fn descriptions_find_the_person_named_with_that_party_state_or_title() {
    let annotator = Annotator::new().expect("models load");
    for (body, content, name) in RESOLVED {
        assert_speaker(&annotator, body, content, name, EntityLabel::Person);
    }
}

/// (body, content, expected speaker name): the description names nobody
/// the article introduced.
const UNRESOLVED: [(&str, &str, &str); 4] = [
    (
        "The hearing ran for three hours. The Ohio Democrat said the fees had hurt families for years.",
        "the fees had hurt",
        "The Ohio Democrat",
    ),
    (
        "Sen. Paul Ostrander (R-Texas) spoke first. The Ohio Democrat said the fees had hurt families.",
        "the fees had hurt",
        "The Ohio Democrat",
    ),
    ("A senior official said the agency would review the fees.", "the agency would", "A senior official"),
    (
        "The Texas Republican said the border plan would cost too much.",
        "the border plan",
        "The Texas Republican",
    ),
];

#[test]
fn a_description_that_finds_nobody_stays_an_unnamed_description() {
    let annotator = Annotator::new().expect("models load");
    for (body, content, name) in UNRESOLVED {
        let ann = assert_speaker(&annotator, body, content, name, EntityLabel::Misc);
        assert!(ann.speakers.iter().all(|s| s.label != EntityLabel::Org), "{body}: {:?}", ann.speakers);
    }
}

#[test]
fn a_party_member_is_named_without_the_party() {
    let annotator = Annotator::new().expect("models load");
    let text = article("Ohio Democrat Nora Fenwick said the plan needed more money.");
    let ann = annotator.annotate(&text);
    assert_eq!(
        speaker_of(&ann, &text, "the plan needed"),
        Some(("Nora Fenwick".to_owned(), EntityLabel::Person))
    );
}

/// (body, content, expected speaker name and label): a description that fits
/// no role the article gave, where the text leaves no doubt who it is.
const EPITHETS: [(&str, &str, &str, EntityLabel); 10] = [
    (
        "Arthur Belmont said the tower would open in May. The New York businessman also said rents would \
         stay low.",
        "rents would stay",
        "Arthur Belmont",
        EntityLabel::Person,
    ),
    (
        "Nora Fenwick told the crowd that the mill would reopen. The Democratic nominee said the jobs would \
         come back within a year.",
        "the jobs would come",
        "Nora Fenwick",
        EntityLabel::Person,
    ),
    (
        "Arthur Belmont said the tower would open in May, and Nora Fenwick said it would not. The \
         businessman added that rents would stay low.",
        "rents would stay",
        "Arthur Belmont",
        EntityLabel::Person,
    ),
    (
        "The Harbor Transit Commission said fares would rise in March. The commission added that night \
         buses would run every hour.",
        "night buses would run",
        "Harbor Transit Commission",
        EntityLabel::Org,
    ),
    (
        "Graham said the fund had run dry by June. She said the board would meet again next week.",
        "the board would meet",
        "Graham",
        EntityLabel::Person,
    ),
    (
        "Senator Ruth Alvarez spoke to reporters on Monday. \"This bill is dead,\" the Ohio Democrat said.",
        "This bill",
        "Ruth Alvarez",
        EntityLabel::Person,
    ),
    (
        "Arthur Belmont toured the site on Friday. \"The tower will open in May,\" the businessman told \
         reporters.",
        "The tower",
        "Arthur Belmont",
        EntityLabel::Person,
    ),
    (
        "Emeka Obi scored twice on Saturday. \"I just tried to stay calm,\" the 24-year-old told \
         reporters.",
        "I just tried",
        "Emeka Obi",
        EntityLabel::Person,
    ),
    (
        "Dana Okafor scored the winner in the last minute. \"We never stopped believing,\" the midfielder \
         said.",
        "We never stopped",
        "Dana Okafor",
        EntityLabel::Person,
    ),
    (
        "The goalkeeper, Tomas Ruiz, admitted he should have stopped the shot. \"That one is on me,\" the \
         Spaniard said.",
        "That one is",
        "Tomas Ruiz",
        EntityLabel::Person,
    ),
];

#[test]
fn an_epithet_names_the_one_person_just_speaking() {
    let annotator = Annotator::new().expect("models load");
    for (body, content, name, label) in EPITHETS {
        assert_speaker(&annotator, body, content, name, label);
    }
}

/// (body, content, expected speaker name): the epithet could be someone the
/// article never named, so it stays a description.
const DOUBTFUL_EPITHETS: [(&str, &str, &str); 4] = [
    (
        "Arthur Belmont said the tower would open in May. The FBI director said the inquiry would go on.",
        "the inquiry would go",
        "The FBI director",
    ),
    (
        "Arthur Belmont said the tower would open in May, and Paul Ostrander said it would not. The \
         businessman added that rents would stay low.",
        "rents would stay",
        "The businessman",
    ),
    (
        "Arthur Belmont said the tower would open in May. Paul Ostrander called for a vote after the \
         businessman said rents would stay low.",
        "rents would stay",
        "The businessman",
    ),
    (
        "Arthur Lincoln said the tower would open in May. \"Rents will stay low,\" the Lincoln actor said.",
        "Rents will",
        "The Lincoln actor",
    ),
];

#[test]
fn a_nationality_inside_a_name_or_an_age_before_one_stays_out_of_the_name() {
    let annotator = Annotator::new().expect("models load");
    // "Cuban" is a nationality, and here a surname.
    assert_speaker(
        &annotator,
        "Billionaire Mark Cuban spoke at the rally on Monday. Mark Cuban said the debate had been a mess.",
        "the debate had been",
        "Mark Cuban",
        EntityLabel::Person,
    );
    // An age in front of a place and a noun makes no person of the place.
    let body = "In May the home of a 26-year-old Berlin man was searched after he had posted: \"We will not \
                mourn.\"";
    let text = article(body);
    let ann = annotator.annotate(&text);
    let named = speaker_of(&ann, &text, "We will not");
    assert!(named.as_ref().is_none_or(|(name, _)| !name.contains("Berlin")), "{named:?}");
}

#[test]
fn a_noun_for_a_person_before_a_name_is_no_part_of_it() {
    let annotator = Annotator::new().expect("models load");
    assert_speaker(
        &annotator,
        "Striker Emeka Obi scored twice on Saturday and said the team had earned the win.",
        "the team had earned",
        "Emeka Obi",
        EntityLabel::Person,
    );
    // A given name that is also such a noun stays in the name.
    assert_speaker(
        &annotator,
        "Guy Anders Holm spoke in Brussels on Monday and said the vote would be close.",
        "the vote would be",
        "Guy Anders Holm",
        EntityLabel::Person,
    );
}

#[test]
fn an_epithet_in_doubt_stays_a_description() {
    let annotator = Annotator::new().expect("models load");
    for (body, content, name) in DOUBTFUL_EPITHETS {
        assert_speaker(&annotator, body, content, name, EntityLabel::Misc);
    }
}

#[test]
fn names_joined_by_and_speak_together_not_as_one_of_them() {
    let annotator = Annotator::new().expect("models load");
    let text = article(
        "Arthur Belmont and Nora Fenwick said the plan was sound. On Friday, Fenwick said the vote would \
         be close.",
    );
    let ann = annotator.annotate(&text);
    let both = speaker_of(&ann, &text, "the plan was sound").map(|s| s.0);
    assert_eq!(both.as_deref(), Some("Arthur Belmont and Nora Fenwick"));
    assert_eq!(
        speaker_of(&ann, &text, "the vote would"),
        Some(("Nora Fenwick".to_owned(), EntityLabel::Person))
    );
}

#[test]
fn a_description_beside_a_name_speaks_with_that_name() {
    let annotator = Annotator::new().expect("models load");
    let cases = [
        (
            "The developer, Bayline Partners, said it would build the tower by 2030. Later the developer \
             said rents would stay low.",
            ["it would build", "rents would stay"],
            ("Bayline Partners", EntityLabel::Org),
        ),
        (
            "A spokeswoman for the company, Dana Ruiz, said the increase reflected higher costs. Later she \
             said prices would fall.",
            ["the increase reflected", "prices would fall"],
            ("Dana Ruiz", EntityLabel::Person),
        ),
        (
            "Campaign manager Robby Mook spoke for Senator Ann Holt. Her rival's campaign manager, Jeff \
             Weaver, said the polls were tight. Weaver said the money was there.",
            ["the polls were", "the money was"],
            ("Jeff Weaver", EntityLabel::Person),
        ),
        (
            "The assailant, John McGraw, said he regretted nothing. The assailant said the police were \
             late.",
            ["he regretted", "the police were"],
            ("John McGraw", EntityLabel::Person),
        ),
        (
            "Hydrologists have warned for years that the river is shrinking. One of them, Professor Ilse \
             Brandt, said the council had waited too long.",
            ["the council had", "the council had"],
            ("Ilse Brandt", EntityLabel::Person),
        ),
        (
            "A lawyer for the family, Attorney General Mara Quist, said the case would go on. Quist said \
             the court would rule in May.",
            ["the case would", "the court would"],
            ("Mara Quist", EntityLabel::Person),
        ),
    ];
    for (body, contents, (name, label)) in cases {
        for content in contents {
            assert_speaker(&annotator, body, content, name, label);
        }
    }
}

#[test]
fn a_participle_after_the_head_ends_the_description() {
    let annotator = Annotator::new().expect("models load");
    // The study, not a day or a journal, is the source: it wrote.
    let text =
        article("People sleep less, according to a study published Monday in the journal Sleep Health.");
    let ann = annotator.annotate(&text);
    let q =
        ann.quotes.iter().find(|q| q.content.slice(&text).starts_with("People sleep")).expect("the report");
    assert_eq!(q.act, sayso_nlp::Act::Wrote, "{:?}", ann.quotes);
    // The people supporting someone are not that someone.
    let text = article("Several delegates supporting Nora Fenwick said the count was wrong.");
    let ann = annotator.annotate(&text);
    let who = speaker_of(&ann, &text, "the count was").map(|s| s.0);
    assert!(who.as_deref().is_some_and(|w| w != "Nora Fenwick"), "{who:?}");
}

#[test]
fn the_company_is_the_business_in_view_and_no_other_organisation() {
    let annotator = Annotator::new().expect("models load");
    assert_speaker(
        &annotator,
        "Pellworth Construction said in a statement that it was cooperating fully with investigators. \
         The company said safety was its first priority.",
        "safety was its first",
        "Pellworth Construction",
        EntityLabel::Org,
    );
    // A council is not a company: "the company" stays a description.
    let text = article(
        "The Harbor City Council said on Tuesday that it would delay the vote. The company said the \
         stadium would create 4,000 jobs.",
    );
    let ann = annotator.annotate(&text);
    let speaker = speaker_of(&ann, &text, "the stadium would create");
    assert!(speaker.as_ref().is_some_and(|(name, _)| name != "Harbor City Council"), "{speaker:?}");
}

#[test]
fn a_sentence_opening_in_a_post_or_a_statement_sets_its_report_in_writing() {
    let annotator = Annotator::new().expect("models load");
    for (body, content, act) in [
        (
            "In a post on X, Raila Odinga urged supporters to stay peaceful.",
            "supporters to stay",
            sayso_nlp::Act::Wrote,
        ),
        (
            "In a statement, the league said it was investigating the match.",
            "it was investigating",
            sayso_nlp::Act::Wrote,
        ),
        // A medium named later in the sentence, or not at all, leaves speech.
        (
            "Ruth Olsen called the vote rigged in a post, and Paul Ostrander said the count was fair.",
            "the count was fair",
            sayso_nlp::Act::Said,
        ),
        ("On Tuesday, Ruth Olsen said the count was fair.", "the count was fair", sayso_nlp::Act::Said),
    ] {
        let text = article(body);
        let ann = annotator.annotate(&text);
        let q = ann.quotes.iter().find(|q| q.content.slice(&text).starts_with(content));
        assert_eq!(q.map(|q| q.act), Some(act), "{body}: {:?}", ann.quotes);
    }
}

#[test]
fn the_company_is_the_one_organisation_named_as_speaker_just_before() {
    let annotator = Annotator::new().expect("models load");
    assert_speaker(
        &annotator,
        "Zentrip said in a statement that its figures were accurate. The company declined to comment \
         further on the inquiry.",
        "to comment further",
        "Zentrip",
        EntityLabel::Org,
    );
    // With someone else speaking in between, the company is left as described.
    let text = article(
        "Zentrip said in a statement that its figures were accurate. Its rival's chief, Ana Diaz, said the \
         figures were false. The company declined to comment further on the inquiry.",
    );
    let ann = annotator.annotate(&text);
    let who = speaker_of(&ann, &text, "to comment further").map(|s| s.0);
    assert!(who.as_deref().is_some_and(|w| w != "Zentrip"), "{who:?}");
}
