//! Party and home state, as descriptions of politicians use them: "the Ohio
//! Democrat" designates the person introduced as "Sen. Sherrod Brown
//! (D-Ohio)" or "Ohio Democrat Sherrod Brown".

use std::sync::OnceLock;

use super::mention::normal;
use crate::text::keys::rows;

/// Parties: canonical name, letter, and the words that name a member or side.
const PARTIES: &str = include_str!("../../../assets/lexicons/parties.tsv");
/// US states with the abbreviations a party-and-state mark uses.
const STATES: &str = include_str!("../../../assets/lexicons/us-states.tsv");
/// Public offices, by their role nouns.
const OFFICES: &str = include_str!("../../../assets/lexicons/offices.txt");

/// The loaded lists.
#[derive(Debug, Default)]
struct Lists {
    /// (normal form of a word naming a party, canonical party).
    party_words: Vec<(String, &'static str)>,
    /// (party letter, canonical party).
    letters: Vec<(&'static str, &'static str)>,
    /// (normal form of a state or its abbreviation, state name).
    states: Vec<(String, &'static str)>,
    /// Role nouns of public offices.
    offices: Vec<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut out = Lists::default();
        for row in rows(PARTIES) {
            let (Some(&party), Some(&letter), Some(words)) = (row.first(), row.get(1), row.get(2)) else {
                continue;
            };
            out.letters.push((letter, party));
            out.party_words.extend(words.split_whitespace().map(|w| (normal(w), party)));
        }
        for row in rows(STATES) {
            let Some(&state) = row.first() else { continue };
            for form in &row {
                out.states.push((normal(form), state));
            }
        }
        out.offices = rows(OFFICES).filter_map(|row| row.first().copied()).collect();
        out
    })
}

/// The canonical party a word names ("Democratic" and "Democrats" give
/// "democrat", "GOP" gives "republican").
pub fn party(word: &str) -> Option<&'static str> {
    let w = normal(word);
    lists().party_words.iter().find(|(p, _)| *p == w).map(|&(_, party)| party)
}

/// The US state a word names on its own ("Ohio", "Texas"; not "New").
pub fn state(word: &str) -> Option<&'static str> {
    let w = normal(word);
    lists().states.iter().find(|(s, _)| *s == w).map(|&(_, state)| state)
}

/// True when role noun `head` (canonical, as coreference gives it) names a
/// public office ("mayor", "senator").
pub fn is_office(head: &str) -> bool {
    lists().offices.contains(&head)
}

/// Party and state read from the inside of a mark such as "D-Ohio",
/// "R-S.C." or "I - Vt.": the canonical party and the state's name.
pub fn party_and_state(mark: &str) -> Option<(&'static str, &'static str)> {
    let (letter, state) = mark.split_once(['-', '–'])?;
    let letter = letter.trim();
    let party = lists().letters.iter().find(|(l, _)| l.eq_ignore_ascii_case(letter)).map(|&(_, p)| p)?;
    let state = normal(state.trim());
    let name = lists().states.iter().find(|(s, _)| *s == state).map(|&(_, name)| name)?;
    Some((party, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_give_party_and_state() {
        assert_eq!(party_and_state("D-Ohio"), Some(("democrat", "Ohio")));
        assert_eq!(party_and_state("R-S.C."), Some(("republican", "South Carolina")));
        assert_eq!(party_and_state("I - Vt."), Some(("independent", "Vermont")));
        assert_eq!(party_and_state("R-W.Va."), Some(("republican", "West Virginia")));
        // Neither a party letter nor a state: a year range, a plain aside.
        assert_eq!(party_and_state("1990-1994"), None);
        assert_eq!(party_and_state("D-Paris"), None);
        assert_eq!(party_and_state("retired"), None);
    }

    #[test]
    fn party_words_have_one_canonical_form() {
        assert_eq!(party("Democratic"), Some("democrat"));
        assert_eq!(party("Democrats"), Some("democrat"));
        assert_eq!(party("GOP"), Some("republican"));
        assert_eq!(party("Ohio"), None);
    }

    #[test]
    fn offices_are_read_from_their_list() {
        assert!(is_office("mayor"));
        assert!(is_office("congressperson"));
        assert!(!is_office("spokesperson"));
        assert!(!is_office("# Public"));
    }
}
