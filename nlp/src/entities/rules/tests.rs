use super::*;
use crate::annotation::TokenKind;

fn tokens(text: &str) -> Vec<Token> {
    crate::segment::tokenize::pretokenised(text)
}

fn found(text: &str) -> Vec<(EntityLabel, String)> {
    numeric_entities(text, &tokens(text)).iter().map(|e| (e.label, e.span.slice(text).to_owned())).collect()
}

fn labelled(text: &str, label: EntityLabel) -> Vec<String> {
    found(text).into_iter().filter(|(l, _)| *l == label).map(|(_, s)| s).collect()
}

use EntityLabel::{Date, Money, Percent, Time};

#[test]
fn weekdays_without_their_preposition() {
    assert_eq!(found("They met on Friday in Anchorage ."), [(Date, "Friday".to_owned())]);
    assert_eq!(labelled("on Monday , Feb. 24 , 2022 , he said", Date), ["Monday , Feb. 24 , 2022"]);
}

#[test]
fn month_dates() {
    assert_eq!(labelled("since February 2022 .", Date), ["February 2022"]);
    assert_eq!(labelled("the Sept. 11 attacks", Date), ["Sept. 11"]);
    assert_eq!(
        labelled("on 11 September 2001 and in May of 2020", Date),
        ["11 September 2001", "May of 2020"]
    );
    assert_eq!(labelled("by the 4th of July", Date), ["4th of July"]);
    assert_eq!(labelled("September was hot", Date), ["September"]);
}

#[test]
fn a_split_off_abbreviation_period_stays_in_the_date() {
    let text = "on Sept. 11, 2001";
    let spans = [(0, 2), (3, 7), (7, 8), (9, 11), (11, 12), (13, 17)];
    let toks: Vec<Token> =
        spans.iter().map(|&(s, e)| Token { span: Span::new(s, e), kind: TokenKind::Word }).collect();
    let ents = numeric_entities(text, &toks);
    assert_eq!(ents.len(), 1);
    assert_eq!(ents[0].span.slice(text), "Sept. 11, 2001");
    assert_eq!(ents[0].tokens, 1..6);
}

#[test]
fn ambiguous_months_need_context() {
    assert!(labelled("Theresa May said", Date).is_empty());
    assert!(labelled("a March on Washington", Date).is_empty());
    assert_eq!(labelled("elections in May", Date), ["May"]);
    assert_eq!(labelled("on May 5", Date), ["May 5"]);
    assert!(labelled("Jan said", Date).is_empty());
}

#[test]
fn numeric_and_relative_dates() {
    assert_eq!(labelled("posted 2016-09-12 and 9/12/2016", Date), ["2016-09-12", "9/12/2016"]);
    assert_eq!(labelled("in 2016 and the 1990s", Date), ["2016", "1990s"]);
    assert_eq!(labelled("last week and earlier this year", Date), ["last week", "earlier this year"]);
    assert_eq!(labelled("two years ago , yesterday", Date), ["two years ago", "yesterday"]);
    assert_eq!(labelled("by mid-2020 or late September", Date), ["mid-2020", "late September"]);
    assert_eq!(labelled("next Friday and this summer", Date), ["next Friday", "this summer"]);
    assert_eq!(labelled("on Christmas Eve and Election Day", Date), ["Christmas Eve", "Election Day"]);
}

#[test]
fn plain_numbers_are_not_dates() {
    assert!(found("2,016 people and 15 cars").is_empty());
    assert!(labelled("this is the last one", Date).is_empty());
    assert!(labelled("the leaves fall", Date).is_empty());
}

#[test]
fn times() {
    assert_eq!(labelled("at 9:30 a.m. ET on Friday", Time), ["9:30 a.m. ET"]);
    assert_eq!(labelled("at 9 p.m. and 10am and noon", Time), ["9 p.m.", "10am", "noon"]);
    assert_eq!(found("this morning"), [(Time, "this morning".to_owned())]);
    assert_eq!(found("Tuesday night"), [(Time, "Tuesday night".to_owned())]);
    assert!(labelled("I am 9", Time).is_empty());
}

#[test]
fn money() {
    assert_eq!(labelled("a $5 million deal", Money), ["$5 million"]);
    assert_eq!(labelled("a $ 5 million deal", Money), ["$ 5 million"]);
    assert_eq!(labelled("cost €20 or 20 dollars", Money), ["€20", "20 dollars"]);
    assert_eq!(labelled("worth $3bn , or five billion euros", Money), ["$3bn", "five billion euros"]);
    assert_eq!(labelled("a million dollars and 40 cents", Money), ["a million dollars", "40 cents"]);
    assert_eq!(labelled("USD 40 and 5 EUR", Money), ["USD 40", "5 EUR"]);
    assert!(labelled("5 million people", Money).is_empty());
}

#[test]
fn percentages() {
    assert_eq!(labelled("24 percent and 3.5% and 5 % more", Percent), ["24 percent", "3.5%", "5 %"]);
    assert_eq!(
        labelled("two per cent , twenty-five percent", Percent),
        ["two per cent", "twenty-five percent"]
    );
    assert_eq!(labelled("by 3 percentage points", Percent), ["3 percentage points"]);
}

#[test]
fn entities_are_token_aligned_and_ordered() {
    let text = "On Friday , Trump spent $5 million , 24 percent more than at 9 a.m. ;";
    let toks = tokens(text);
    let ents = numeric_entities(text, &toks);
    assert_eq!(ents.len(), 4);
    for pair in ents.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    for e in &ents {
        assert_eq!(e.span.start, toks[e.tokens.start].span.start);
        assert_eq!(e.span.end, toks[e.tokens.end - 1].span.end);
        assert_eq!(e.speaker, None);
    }
}

#[test]
fn works_with_the_crate_tokenizer() {
    let text = "On Friday, the fund fell 24 percent to $5 million.";
    let toks = crate::segment::tokenize::tokenize(text);
    let ents = numeric_entities(text, &toks);
    let labels: Vec<EntityLabel> = ents.iter().map(|e| e.label).collect();
    assert!(labels.contains(&Date));
    assert!(labels.contains(&Percent));
    assert!(labels.contains(&Money));
}

#[test]
fn empty_and_odd_input() {
    assert!(numeric_entities("", &[]).is_empty());
    assert!(found("$ % , . ' 's 9: :30 -").is_empty());
}
