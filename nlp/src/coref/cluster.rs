//! A cluster: the mentions taken to name one real-world source, and what
//! they say about it together (names, roles, modifiers, gender, animacy).

use super::lexicon::{Gender, lexicon};
use super::mention::{Animacy, Form, Mention, Role};
use crate::annotation::EntityLabel;

/// The mentions of one referent and their pooled attributes.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Indices of its mentions, in the order they were added.
    pub mentions: Vec<usize>,
    /// Distinct names (lower-case tokens).
    pub names: Vec<Vec<String>>,
    /// Roles given anywhere in the document.
    pub roles: Vec<Role>,
    /// Modifier and name words ("russian", "georgetown", "putin").
    pub attrs: Vec<String>,
    /// Gender, once shown.
    pub gender: Gender,
    /// True when a plural description opened it.
    pub plural: bool,
    /// Strong evidence of a person: a role, honorific, given name or he/she.
    pub person: bool,
    /// Strong evidence of a thing: an organisation noun or "it".
    pub thing: bool,
    /// True when a document noun opened it ("the report").
    pub document: bool,
    /// Entity-label votes: person, organisation, place.
    pub label_votes: [u32; 3],
    /// True for the writer of the article ("I", "we").
    pub author: bool,
    /// Named as a group ("Republicans", "Americans") ...
    pub group: bool,
    /// ... or by a name of one.
    pub individual: bool,
}

impl Cluster {
    /// Pool the attributes of mention `index`.
    pub fn add(&mut self, index: usize, m: &Mention) {
        self.mentions.push(index);
        if m.form == Form::Name && !m.name.is_empty() && !self.names.contains(&m.name) {
            self.names.push(m.name.clone());
        }
        for r in &m.roles {
            if !self.roles.contains(r) {
                self.roles.push(r.clone());
            }
        }
        for w in m.mods.iter().chain(&m.post_mods).chain(&m.name) {
            if !self.attrs.contains(w) {
                self.attrs.push(w.clone());
            }
        }
        if self.gender == Gender::Unknown {
            self.gender = m.gender;
        }
        match m.animacy {
            Animacy::Person => self.person = true,
            Animacy::Thing => self.thing = true,
            Animacy::Document => self.document = true,
            Animacy::Unknown => {}
        }
        if m.form == Form::Pronoun {
            match m.pronoun {
                Some("he" | "she") => self.person = true,
                Some("it") => self.thing = true,
                _ => {}
            }
        }
        if m.form == Form::Name {
            if m.plural {
                self.group = true;
            } else {
                self.individual = true;
            }
        }
        if m.form == Form::Nominal && self.mentions.len() == 1 {
            self.plural = m.plural;
        }
        match m.label {
            Some(EntityLabel::Person) => self.label_votes[0] += 1,
            Some(EntityLabel::Org) => self.label_votes[1] += 1,
            Some(EntityLabel::Loc) => self.label_votes[2] += 1,
            _ => {}
        }
    }

    /// True when a proper name has been given.
    pub fn named(&self) -> bool {
        !self.names.is_empty()
    }

    /// The fullest name: most tokens, first given on ties.
    pub fn longest_name(&self) -> Option<&[String]> {
        self.names.iter().rev().max_by_key(|n| n.len()).map(Vec::as_slice)
    }

    /// Person, thing or document: strong evidence first, then entity labels.
    pub fn animacy(&self) -> Animacy {
        if self.document && !self.person {
            return Animacy::Document;
        }
        let [p, o, l] = self.label_votes;
        match (self.person, self.thing) {
            (true, false) => Animacy::Person,
            (false, true) => Animacy::Thing,
            _ if p > o + l => Animacy::Person,
            _ if o + l > p => Animacy::Thing,
            _ => Animacy::Unknown,
        }
    }

    /// True when the entity labels make it a place, neither a person nor an
    /// organisation.
    pub fn only_a_place(&self) -> bool {
        let [p, o, l] = self.label_votes;
        !self.thing && !self.person && l > p + o
    }

    /// True when the entity labels make it a place rather than an organisation.
    fn place(&self) -> bool {
        let [_, o, l] = self.label_votes;
        !self.thing && l > o
    }

    /// The label a speaker of this cluster gets.
    pub fn label(&self) -> EntityLabel {
        // A people or a party's members named as a group are no one person.
        if !self.named() || self.author || (self.group && !self.individual) {
            EntityLabel::Misc
        } else if self.animacy() == Animacy::Thing {
            EntityLabel::Org
        } else {
            EntityLabel::Person
        }
    }

    /// True unless the entity labels part a name from this cluster: a
    /// place never joins an organisation by a word of its name ("Kenya" is
    /// not "Amnesty International Kenya"), nor an organisation a place. (A
    /// person's surname read as a place now and then still joins the person.)
    pub fn may_be_labelled(&self, label: Option<EntityLabel>) -> bool {
        let [p, o, l] = self.label_votes;
        match label {
            Some(EntityLabel::Loc) => !(o > 0 && p == 0 && l == 0),
            Some(EntityLabel::Org) => !(l > 0 && p == 0 && o == 0),
            _ => true,
        }
    }

    /// True when `name` can be another form of this cluster's fullest name.
    pub fn accepts_name(&self, name: &[String]) -> bool {
        self.longest_name().is_some_and(|full| names_match(name, full))
    }

    /// True when description `m` can designate this cluster: a role it holds
    /// and modifiers it is known by.
    pub fn fits_description(&self, m: &Mention) -> bool {
        self.fits_description_by(m, Role::fits)
    }

    /// [`Cluster::fits_description`] by roles held exactly as described
    /// ("counterpart" fitting no other role).
    pub fn fits_description_exactly(&self, m: &Mention) -> bool {
        self.fits_description_by(m, Role::fits_exactly)
    }

    fn fits_description_by(&self, m: &Mention, fits: fn(&Role, &Role) -> bool) -> bool {
        let role_fits = m.roles.iter().all(|r| self.roles.iter().any(|held| fits(r, held)));
        let mods_fit = m.mods.iter().all(|w| self.attrs.iter().any(|a| same_stem(w, a)));
        let gender_fits =
            m.gender == Gender::Unknown || self.gender == Gender::Unknown || m.gender == self.gender;
        role_fits && mods_fit && gender_fits && m.plural == self.plural && !self.author
    }

    /// True when `pronoun` ("he", "she", "it", "they") can refer to this
    /// cluster: he and she need a person, they a group or an organisation.
    pub fn fits_pronoun(&self, pronoun: &str) -> bool {
        if self.author {
            return false;
        }
        let animacy = self.animacy();
        match pronoun {
            "he" => !self.plural && animacy == Animacy::Person && self.gender != Gender::Female,
            "she" => !self.plural && animacy == Animacy::Person && self.gender != Gender::Male,
            "it" => !self.plural && animacy != Animacy::Person,
            "they" => self.plural || (animacy == Animacy::Thing && !self.place()),
            _ => false,
        }
    }
}

/// True when the shorter name is a form of the longer: same surname with
/// the other words found (or abbreviated) in it, or the same given name alone.
pub fn names_match(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let (Some(last), Some(long_last)) = (short.last(), long.last()) else { return false };
    if last == long_last {
        let initial = |w: &String, l: &String| w.chars().count() == 1 && l.starts_with(w.as_str());
        return short[..short.len() - 1].iter().all(|w| long.iter().any(|l| l == w || initial(w, l)));
    }
    short.len() == 1 && long.len() > 1 && short[0] == long[0] && lexicon().given_name(&short[0]).is_some()
}

/// True for the same word, or a country and its adjective ("russia",
/// "russian"; "ukraine", "ukrainian").
pub fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 4 && common + 1 >= shorter
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn surnames_and_given_names_match_but_relatives_do_not() {
        assert!(names_match(&words("trump"), &words("donald trump")));
        assert!(names_match(&words("donald j trump"), &words("donald trump")));
        assert!(!names_match(&words("ivanka trump"), &words("donald trump")));
        assert!(names_match(&words("hillary"), &words("hillary clinton")));
        assert!(names_match(&words("post"), &words("new york post")));
        assert!(!names_match(&words("new"), &words("new york post")));
    }

    #[test]
    fn countries_match_their_adjectives_only() {
        assert!(same_stem("russia", "russian"));
        assert!(same_stem("ukraine", "ukrainian"));
        assert!(same_stem("japan", "japanese"));
        assert!(!same_stem("eu", "white"));
        assert!(!same_stem("austria", "australia"));
    }
}
