use super::*;

fn tokens(text: &str) -> Vec<Token> {
    crate::segment::tokenize::pretokenised(text)
}

fn marks(text: &str) -> Vec<(String, GazFlags)> {
    let toks = tokens(text);
    let mut flags = Vec::new();
    Gazetteer::embedded().mark(text, &toks, &mut flags);
    assert_eq!(flags.len(), toks.len());
    toks.iter().zip(flags).map(|(t, f)| (t.span.slice(text).to_owned(), f)).collect()
}

fn flags_of(marked: &[(String, GazFlags)], word: &str) -> GazFlags {
    marked.iter().find(|(w, _)| w == word).map_or(GazFlags::EMPTY, |(_, f)| *f)
}

fn title_texts(text: &str) -> Vec<String> {
    titles(text, &tokens(text)).iter().map(|e| e.span.slice(text).to_owned()).collect()
}

#[test]
fn embedded_lists_load() {
    assert!(Gazetteer::embedded().len() > 40_000);
}

#[test]
fn places_begin_and_continue() {
    let m = marks("She flew from New York to Paris and then to Germany .");
    assert!(flags_of(&m, "New").contains(GazFlags::CITY_BEGIN));
    assert!(flags_of(&m, "York").contains(GazFlags::CITY_INSIDE));
    assert!(!flags_of(&m, "York").contains(GazFlags::CITY_BEGIN));
    assert!(flags_of(&m, "Paris").contains(GazFlags::CITY_BEGIN));
    assert!(flags_of(&m, "Germany").contains(GazFlags::COUNTRY_BEGIN));
    assert!(flags_of(&m, "flew").is_empty());
    assert!(flags_of(&m, ".").is_empty());
}

#[test]
fn longest_match_wins_within_a_kind() {
    let m = marks("the Republic of Korea said");
    assert!(flags_of(&m, "Republic").contains(GazFlags::COUNTRY_BEGIN));
    assert!(flags_of(&m, "Korea").contains(GazFlags::COUNTRY_INSIDE));
    assert!(!flags_of(&m, "Korea").contains(GazFlags::COUNTRY_BEGIN));
}

#[test]
fn kinds_overlap_independently() {
    let m = marks("a report by Bank of America on America");
    assert!(flags_of(&m, "Bank").contains(GazFlags::ORG_BEGIN));
    assert!(flags_of(&m, "of").contains(GazFlags::ORG_INSIDE));
    let americas: Vec<GazFlags> = m.iter().filter(|(w, _)| w == "America").map(|(_, f)| *f).collect();
    assert!(americas[0].contains(GazFlags::ORG_INSIDE | GazFlags::COUNTRY_BEGIN));
    assert!(americas[1].contains(GazFlags::COUNTRY_BEGIN));
    assert!(!americas[1].contains(GazFlags::ORG_INSIDE));
}

#[test]
fn capitalisation_is_required_for_proper_names() {
    let m = marks("Turkey sent us a turkey from the US and U.S.");
    assert!(flags_of(&m, "Turkey").contains(GazFlags::COUNTRY_BEGIN));
    assert!(!flags_of(&m, "turkey").contains(GazFlags::COUNTRY_BEGIN));
    assert!(!flags_of(&m, "us").contains(GazFlags::COUNTRY_BEGIN));
    assert!(flags_of(&m, "US").contains(GazFlags::COUNTRY_BEGIN));
    assert!(flags_of(&m, "U.S.").contains(GazFlags::COUNTRY_BEGIN));
    let shouting = marks("TURKEY AND GERMANY");
    assert!(flags_of(&shouting, "GERMANY").contains(GazFlags::COUNTRY_BEGIN));
}

#[test]
fn names_nationalities_and_keywords() {
    let m = marks("Mary Smith , a South Korean , studied at Acme University");
    assert!(flags_of(&m, "Mary").contains(GazFlags::GIVEN_NAME));
    assert!(flags_of(&m, "Smith").contains(GazFlags::SURNAME));
    assert!(flags_of(&m, "South").contains(GazFlags::NATIONALITY_BEGIN));
    assert!(flags_of(&m, "Korean").contains(GazFlags::NATIONALITY_INSIDE));
    assert!(flags_of(&m, "University").contains(GazFlags::ORG_KEYWORD));
    assert!(!flags_of(&m, "studied").intersects(GazFlags::GIVEN_NAME | GazFlags::SURNAME));
}

#[test]
fn possessives_and_apostrophes_match() {
    let m = marks("the People 's Bank of China and Xi’an");
    assert!(flags_of(&m, "People").contains(GazFlags::ORG_BEGIN));
    assert!(flags_of(&m, "China").contains(GazFlags::ORG_INSIDE));
    assert!(flags_of(&m, "Xi’an").contains(GazFlags::CITY_BEGIN));
}

#[test]
fn titles_are_found_in_any_case() {
    assert_eq!(
        title_texts("Secretary of State Marco Rubio met the special envoy"),
        ["Secretary of State", "special envoy"]
    );
    assert_eq!(
        title_texts("said Professor Jane Doe , a former prime minister"),
        ["Professor", "prime minister"]
    );
}

#[test]
fn modifiers_join_the_title_after_them() {
    assert_eq!(
        title_texts("the deputy foreign minister and the acting director spoke"),
        ["deputy foreign minister", "acting director"]
    );
    assert!(title_texts("a deputy of the party").is_empty());
}

#[test]
fn capitalised_title_words_need_capitals() {
    assert_eq!(title_texts("General Mark Milley"), ["General"]);
    assert!(title_texts("in general terms").is_empty());
}

#[test]
fn title_entities_carry_token_ranges() {
    let text = "Prime Minister Ishiba spoke";
    let toks = tokens(text);
    let found = titles(text, &toks);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].tokens, 0..2);
    assert_eq!(found[0].label, EntityLabel::Title);
    assert_eq!(found[0].speaker, None);
}

#[test]
fn empty_input_gives_no_flags() {
    let mut flags = vec![GazFlags::CITY_BEGIN];
    Gazetteer::embedded().mark("", &[], &mut flags);
    assert!(flags.is_empty());
}
