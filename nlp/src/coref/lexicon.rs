//! The word lists coreference reads: pronouns, determiners, role nouns
//! (with the heads of the gazetteer's job titles) and honorifics; given
//! names with their usual sex come from the gazetteer.

use std::sync::OnceLock;

use crate::entities::gazetteer::{GazFlags, Gazetteer, Sex, given_name_sex};
use crate::tag::hash::{PrehashedMap, hash_bytes};
use crate::text::keys::word_key;

/// Referring words, one per line: word, class, canonical form, flag.
const REFERRING_WORDS: &str = include_str!("../../../assets/lexicons/referring-words.tsv");
/// Job titles, shared with the gazetteer; their head nouns are role nouns.
const TITLES: &str = include_str!("../../../assets/lexicons/titles.txt");
/// Nouns learned to name a person (`sayso-train person-nouns`).
const PERSON_NOUNS: &str = include_str!("../../../assets/lexicons/person-nouns.tsv");
/// Nationalities, singular and plural.
const DEMONYMS: &str = include_str!("../../../assets/lexicons/demonyms.tsv");

/// Grammatical gender as far as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// Nothing shows it.
    #[default]
    Unknown,
    /// He, Mr, spokesman, a male given name.
    Male,
    /// She, Mrs, spokeswoman, a female given name.
    Female,
}

/// The class of a referring word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// he, she, it, they, I.
    Pronoun,
    /// the, a, his.
    Determiner,
    /// who, which, that: starts a relative clause.
    Relative,
    /// of, at, for: starts a post-modifier.
    Preposition,
    /// von, de, bin: lower-case words inside names.
    Particle,
    /// Mr, Dr, Sen.
    Honorific,
    /// vice, deputy, former: changes who a role designates.
    Rank,
    /// prime, foreign, press: narrows a role.
    Title,
    /// A noun designating a person by role.
    Role,
    /// A noun designating an organisation.
    Org,
    /// A noun designating a document or publication ("report", "statement").
    Document,
    /// A word that ends a business's name ("Inc", "Pharmaceuticals").
    Business,
    /// A noun learned to name a person ("midfielder", from
    /// `person-nouns.tsv`): a role where it heads a description or stands
    /// before a name, but a name's own word when written inside one
    /// ("Guy Verhofstadt").
    Person,
    /// A nationality that names one person ("Spaniard", "German"): a person
    /// when it heads a description ("the Spaniard"), not inside a name
    /// ("Mark Cuban").
    Nationality,
}

/// The extra mark a lexicon entry carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// No mark.
    None,
    /// Male.
    Male,
    /// Female.
    Female,
    /// Plural.
    Plural,
    /// Neuter ("it").
    Neuter,
    /// First person ("I", "we").
    First,
    /// A role that is whatever role the one it is said of holds ("counterpart").
    SameRole,
    /// An organisation noun that names any business ("company").
    AnyBusiness,
}

/// One lexicon entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The class of the word.
    pub class: Class,
    /// Its canonical form ("spokesperson" for "spokeswoman", "definite" for "the").
    pub canonical: &'static str,
    /// Its mark.
    pub flag: Flag,
}

/// The loaded word lists, keyed by the hash of the lower-case word.
#[derive(Debug)]
pub struct Lexicon {
    words: PrehashedMap<Vec<(&'static str, Entry)>>,
}

/// The lexicon, parsed once on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

impl Lexicon {
    fn parse() -> Self {
        let mut words: PrehashedMap<Vec<(&'static str, Entry)>> = PrehashedMap::default();
        for line in data_lines(REFERRING_WORDS) {
            let mut f = line.split('\t');
            let (Some(word), Some(class), Some(canonical)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(class) = parse_class(class) else { continue };
            let flag = match f.next() {
                Some("M") => Flag::Male,
                Some("F") => Flag::Female,
                Some("P") => Flag::Plural,
                Some("N") => Flag::Neuter,
                Some("1") => Flag::First,
                Some("S") => Flag::SameRole,
                Some("B") => Flag::AnyBusiness,
                _ => Flag::None,
            };
            words.entry(key(word)).or_default().push((word, Entry { class, canonical, flag }));
        }
        for head in crate::text::keys::entries(TITLES).filter_map(title_head) {
            let entries = words.entry(with_lower(head, key)).or_default();
            if !entries.iter().any(|(k, e)| e.class == Class::Role && k.eq_ignore_ascii_case(head)) {
                entries.push((head, Entry { class: Class::Role, canonical: head, flag: Flag::None }));
            }
        }
        // The learned nouns add to the lists, never override them.
        for noun in crate::text::keys::entries(PERSON_NOUNS) {
            let entries = words.entry(with_lower(noun, key)).or_default();
            if !entries.iter().any(|(k, _)| k.eq_ignore_ascii_case(noun)) {
                entries.push((noun, Entry { class: Class::Person, canonical: noun, flag: Flag::None }));
            }
        }
        for name in person_demonyms() {
            let entry = Entry { class: Class::Nationality, canonical: name, flag: Flag::None };
            words.entry(with_lower(name, key)).or_default().push((name, entry));
        }
        Self { words }
    }

    /// The entry of `word` (any case, a trailing period ignored) in `class`.
    /// Each run of digits reads as one 0, as the lists write them
    /// ("24-year-old" is "0-year-old").
    pub fn get(&self, word: &str, class: Class) -> Option<Entry> {
        let word = word.strip_suffix('.').unwrap_or(word);
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return self.get_folded(&fold_digits(word), class);
        }
        self.get_folded(word, class)
    }

    fn get_folded(&self, word: &str, class: Class) -> Option<Entry> {
        with_lower(word, |w| {
            let entries = self.words.get(&key(w))?;
            entries.iter().find(|(k, e)| e.class == class && k.eq_ignore_ascii_case(w)).map(|&(_, e)| e)
        })
    }

    /// True when `word` names a people in the plural ("Americans",
    /// "Spaniards", "Frenchmen"): the plural of a nationality that names one
    /// person.
    pub fn names_a_people(&self, word: &str) -> bool {
        word.strip_suffix('s').is_some_and(|w| self.is(w, Class::Nationality))
            || word.strip_suffix("men").is_some_and(|stem| self.is(&format!("{stem}man"), Class::Nationality))
    }

    /// True when `word` belongs to `class`.
    pub fn is(&self, word: &str, class: Class) -> bool {
        self.get(word, class).is_some()
    }

    /// A role, organisation or document noun, singular or plural ("officials",
    /// "spokesmen"): its entry, with the flag set to plural for plural forms.
    pub fn noun(&self, word: &str) -> Option<Entry> {
        let find = |w: &str| {
            self.get(w, Class::Role)
                .or_else(|| self.get(w, Class::Org))
                .or_else(|| self.get(w, Class::Document))
                .or_else(|| self.get(w, Class::Person))
        };
        let plural = |e: Entry| Entry { flag: Flag::Plural, ..e };
        with_lower(word, |w| {
            if let Some(e) = find(w) {
                return Some(e);
            }
            if !w.ends_with('s') && !w.ends_with("men") {
                return None;
            }
            let irregular = [("men", "man"), ("ies", "y")].into_iter().find_map(|(suffix, singular)| {
                w.strip_suffix(suffix).and_then(|stem| find(&format!("{stem}{singular}")))
            });
            irregular
                .or_else(|| w.strip_suffix("es").and_then(find))
                .or_else(|| w.strip_suffix('s').and_then(find))
                .map(plural)
        })
    }

    /// The usual sex of a given name, if the name is listed and tells it.
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        given_name_sex(word).map(|s| match s {
            Sex::Female => Gender::Female,
            Sex::Male => Gender::Male,
        })
    }

    /// True when the gazetteer knows `word`, in any case, as a surname
    /// ("Clinton", "warren").
    pub fn surname(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return false };
        // The gazetteer wants names capitalised.
        let name: String = first.to_uppercase().chain(chars).collect();
        let mut flags = Vec::with_capacity(1);
        Gazetteer::embedded().mark_keys(&[word_key(&name)], &mut flags);
        flags.first().is_some_and(|f| f.contains(GazFlags::SURNAME))
    }
}

/// The head noun of a job title: the word before "of", "in" or "for"
/// ("secretary of state", "commander in chief"), else the last word.
/// Titles capitalised only as titles ("General", "Gen.") are left out:
/// this lexicon ignores case, and as common words they are not roles.
fn title_head(title: &'static str) -> Option<&'static str> {
    let mut words = title.split_whitespace();
    let capitalised =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
    if title.contains('.') || title.split_whitespace().any(capitalised) {
        return None;
    }
    let mut head = words.next()?;
    for w in words {
        if matches!(w, "of" | "in" | "for") {
            break;
        }
        head = w;
    }
    Some(head)
}

/// The nationalities that name one person: a noun for a man or woman
/// ("Frenchman"), or one listed with its plural ("Spaniard" and
/// "Spaniards"). One without ("French", "Chinese") is an adjective, or the
/// people as a whole.
fn person_demonyms() -> impl Iterator<Item = &'static str> {
    let names: Vec<&'static str> = crate::text::keys::entries(DEMONYMS).collect();
    let listed: std::collections::HashSet<&str> = names.iter().copied().collect();
    names.into_iter().filter(move |name| {
        !name.contains(' ') && (name.ends_with("man") || listed.contains(format!("{name}s").as_str()))
    })
}

/// `word` with each run of ASCII digits written as one 0.
fn fold_digits(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut in_digits = false;
    for c in word.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('0');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

fn key(word: &str) -> u64 {
    hash_bytes(0, word.as_bytes())
}

/// Call `f` with `word` in lower case, without allocating for short ASCII words.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        for (slot, b) in buf.iter_mut().zip(word.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        if let Ok(s) = std::str::from_utf8(&buf[..word.len()]) {
            return f(s);
        }
    }
    f(&word.to_lowercase())
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn parse_class(s: &str) -> Option<Class> {
    Some(match s {
        "pronoun" => Class::Pronoun,
        "determiner" => Class::Determiner,
        "relative" => Class::Relative,
        "preposition" => Class::Preposition,
        "particle" => Class::Particle,
        "honorific" => Class::Honorific,
        "rank" => Class::Rank,
        "title" => Class::Title,
        "role" => Class::Role,
        "org" => Class::Org,
        "document" => Class::Document,
        "business" => Class::Business,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_with_any_number_and_nationalities_name_one_person() {
        let lex = lexicon();
        assert!(lex.is("24-year-old", Class::Role));
        assert!(lex.is("9-year-old", Class::Role));
        assert!(lex.noun("30-year-olds").is_some_and(|e| e.flag == Flag::Plural));
        assert!(!lex.is("year-old", Class::Role));
        assert!(lex.is("Spaniard", Class::Nationality));
        assert!(lex.is("Frenchman", Class::Nationality));
        assert!(lex.is("german", Class::Nationality));
        // Listed without a plural: the people as a whole, or an adjective.
        assert!(!lex.is("French", Class::Nationality));
        assert!(!lex.is("Chinese", Class::Nationality));
        assert!(!lex.is("Spaniard", Class::Role), "a nationality is no role in front of a name");
        assert!(lex.names_a_people("Americans") && lex.names_a_people("Frenchmen"));
        assert!(!lex.names_a_people("States") && !lex.names_a_people("American"));
    }

    #[test]
    fn a_title_is_headed_by_its_noun() {
        assert_eq!(title_head("secretary of state"), Some("secretary"));
        assert_eq!(title_head("commander in chief"), Some("commander"));
        assert_eq!(title_head("special envoy"), Some("envoy"));
        assert_eq!(title_head("CEO"), Some("CEO"));
        assert_eq!(title_head("Lt. Gen."), None);
        assert_eq!(title_head("General"), None);
    }

    #[test]
    fn looks_up_words_in_any_case_and_plural() {
        let lex = lexicon();
        assert_eq!(lex.get("He", Class::Pronoun).map(|e| e.flag), Some(Flag::Male));
        assert_eq!(lex.get("Sen.", Class::Honorific).map(|e| e.class), Some(Class::Honorific));
        let spokesmen = lex.noun("spokesmen");
        assert_eq!(spokesmen.map(|e| (e.canonical, e.flag)), Some(("spokesperson", Flag::Plural)));
        assert_eq!(lex.noun("Officials").map(|e| e.flag), Some(Flag::Plural));
        assert!(lex.noun("table").is_none());
        // Heads of job titles are role nouns; a title only in capitals is not.
        assert_eq!(lex.get("Envoy", Class::Role).map(|e| e.canonical), Some("envoy"));
        assert_eq!(lex.noun("treasurers").map(|e| (e.canonical, e.flag)), Some(("treasurer", Flag::Plural)));
        assert!(lex.get("MP", Class::Role).is_some());
        assert!(lex.get("major", Class::Role).is_none());
        assert_eq!(lex.given_name("MARY"), Some(Gender::Female));
        assert_eq!(lex.given_name("John"), Some(Gender::Male));
    }

    #[test]
    fn surnames_are_told_from_given_names_alone() {
        let lex = lexicon();
        assert!(lex.surname("Clinton"));
        assert!(lex.surname("warren"));
        assert!(!lex.surname("Kevin"));
        assert!(!lex.surname("Melanie"));
    }
}
