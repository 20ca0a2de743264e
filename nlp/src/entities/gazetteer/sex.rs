//! The sex that the bearers of a given name mostly share, read from the
//! `sex` column of `assets/gazetteers/given-names.tsv` (F, M, or - when
//! neither sex has 90% of the bearers).

use std::sync::OnceLock;

use crate::tag::hash::PrehashedMap;
use crate::text::keys::{self, EMPTY_KEY};

/// The given names with their columns, as the gazetteer lists them.
const GIVEN_NAMES: &str = include_str!("../../../../assets/gazetteers/given-names.tsv");

/// The sex that most bearers of a given name share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Mostly women ("Mary").
    Female,
    /// Mostly men ("John").
    Male,
}

/// The sex at least 90% of the bearers of the given name `word` share, in
/// the US Census lists; `None` for names that are shared or not listed.
/// Case and periods are ignored as in every gazetteer lookup.
#[must_use]
pub fn given_name_sex(word: &str) -> Option<Sex> {
    static SEXES: OnceLock<PrehashedMap<Sex>> = OnceLock::new();
    let key = keys::word_key(word).hash;
    if key == EMPTY_KEY {
        return None;
    }
    SEXES.get_or_init(parse).get(&key).copied()
}

fn parse() -> PrehashedMap<Sex> {
    let mut out = PrehashedMap::default();
    for row in keys::rows(GIVEN_NAMES) {
        let sex = match row.get(3).copied() {
            Some("F") => Sex::Female,
            Some("M") => Sex::Male,
            _ => continue,
        };
        if let Some(name) = row.first() {
            out.insert(keys::word_key(name).hash, sex);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_tell_their_usual_sex_in_any_case() {
        assert_eq!(given_name_sex("MARY"), Some(Sex::Female));
        assert_eq!(given_name_sex("John"), Some(Sex::Male));
        assert_eq!(given_name_sex("mckinley"), Some(Sex::Male));
        // Shared by men and women, so no cue either way.
        assert_eq!(given_name_sex("Jordan"), None);
        assert_eq!(given_name_sex("Putin"), None);
        assert_eq!(given_name_sex("."), None);
    }
}
