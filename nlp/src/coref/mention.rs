//! What one mention says about its referent: a name, a role description or
//! a pronoun, with the titles, modifiers, gender and number it carries.

use std::ops::Range;

use super::affiliation::party;
use super::doc::Doc;
use super::lexicon::{Class, Entry, Flag, Gender, lexicon};
use crate::annotation::EntityLabel;
use crate::text::Span;

/// How a mention refers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// By proper name ("Russian President Vladimir Putin", "The New York Post").
    Name,
    /// By description ("the professor", "A senior official of ...").
    Nominal,
    /// By pronoun.
    Pronoun,
}

/// How a description is determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Determiner {
    /// No determiner ("officials", "White House spokesperson").
    Bare,
    /// the, this, that.
    Definite,
    /// a, an, another, some.
    Indefinite,
    /// his, her, their.
    Possessive,
}

/// The grammatical case of a pronoun, which hints at where its antecedent
/// stands ("himself" in its own clause, "his" often after its owner).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Case {
    /// he, she, it, they (and any non-pronoun).
    #[default]
    Subject,
    /// him, her, them.
    Object,
    /// his, her (before a noun), its, their, hers, theirs.
    Possessive,
    /// himself, herself, itself, themselves.
    Reflexive,
}

impl Case {
    /// The case of pronoun `word` (lower case) tagged `possessive` or not.
    fn of(word: &str, possessive_tag: bool) -> Self {
        match word {
            "him" | "them" | "me" | "us" => Self::Object,
            "her" if !possessive_tag => Self::Object,
            "his" | "her" | "its" | "their" | "hers" | "theirs" | "my" | "our" => Self::Possessive,
            w if w.ends_with("self") || w.ends_with("selves") => Self::Reflexive,
            _ => Self::Subject,
        }
    }
}

/// Whether a referent is a person or an organisation, as far as known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Animacy {
    /// Not shown.
    #[default]
    Unknown,
    /// A person.
    Person,
    /// An organisation or place.
    Thing,
    /// A report, statement or other document.
    Document,
}

/// A role noun with the words that narrow it ("deputy foreign minister").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The canonical head noun ("spokesperson").
    pub head: String,
    /// Narrowing words ("foreign", "press").
    pub titles: Vec<String>,
    /// Words that change who is meant ("vice", "former").
    pub ranks: Vec<String>,
}

impl Role {
    /// True when a description with role `self` can designate a holder of `held`.
    pub fn fits(&self, held: &Role) -> bool {
        self.fits_exactly(held) || self.fits_as_counterpart(held)
    }

    /// True when `held` is this very role: same head and ranks, and every title.
    pub fn fits_exactly(&self, held: &Role) -> bool {
        self.head == held.head
            && self.ranks == held.ranks
            && self.titles.iter().all(|t| held.titles.contains(t))
    }

    /// True when `held` is a role that is whatever role the one it is said
    /// of holds ("her Azerbaijani counterpart, Elchin Mammadli" may be "the
    /// minister"), and this is a person's role.
    fn fits_as_counterpart(&self, held: &Role) -> bool {
        let lex = lexicon();
        lex.get(&held.head, Class::Role).is_some_and(|e| e.flag == Flag::SameRole)
            && lex.get(&self.head, Class::Role).is_some()
    }
}

/// One mention of a possible source.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The whole mention.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Index of its sentence (32 bits: long inputs hold many mentions).
    pub sentence: u32,
    /// Index of its paragraph.
    pub paragraph: u32,
    /// How it refers.
    pub form: Form,
    /// True when some quote names it as its source.
    pub is_source: bool,
    /// True when it lies inside attributed content.
    pub in_content: bool,
    /// True when it opens its sentence (before any verb).
    pub subject: bool,
    /// True when it owns what follows ("Ivana Trump's brief").
    pub possessor: bool,
    /// Lower-case name tokens ("vladimir", "putin"), for names.
    pub name: Vec<String>,
    /// The span of the bare name, for names.
    pub name_span: Option<Span>,
    /// Roles the mention gives its referent.
    pub roles: Vec<Role>,
    /// Lower-case capitalised modifiers in front ("russian", "white", "house").
    pub mods: Vec<String>,
    /// Lower-case capitalised words after the head ("japanese", "ishiba").
    pub post_mods: Vec<String>,
    /// The description without relative clauses or appositions, for descriptions.
    pub description: Span,
    /// Where the head phrase ends (post-modifiers follow), for descriptions.
    pub head_end: usize,
    /// Gender cue.
    pub gender: Gender,
    /// Plural cue.
    pub plural: bool,
    /// Person or thing.
    pub animacy: Animacy,
    /// Determiner of a description.
    pub determiner: Determiner,
    /// Canonical pronoun ("he", "she", "it", "they", "i", or "who" for a
    /// relative pronoun), for pronouns.
    pub pronoun: Option<&'static str>,
    /// Case of a pronoun.
    pub case: Case,
    /// Label of the entity the mention comes from or covers.
    pub label: Option<EntityLabel>,
    /// The cluster it was resolved to.
    pub cluster: Option<usize>,
}

/// Analyse the tokens `range` as one mention; `None` when they hold no word.
pub fn analyse(doc: &Doc<'_>, range: Range<usize>) -> Option<Mention> {
    let lex = lexicon();
    let mut start = range.start;
    let mut end = range.end;
    while start < end && !doc.is_word(start) {
        start += 1;
    }
    while end > start && !doc.is_word(end - 1) {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    let span = Span::new(doc.token(start).start, doc.token(end - 1).end);
    let sentence = doc.sentence_of(start);
    let mut m = Mention {
        span,
        tokens: start..end,
        sentence: u32::try_from(sentence).unwrap_or(u32::MAX),
        paragraph: u32::try_from(doc.paragraph_of(sentence)).unwrap_or(u32::MAX),
        form: Form::Nominal,
        is_source: false,
        in_content: (start..end).all(|i| doc.in_content(i)),
        subject: doc.opens_sentence(start),
        possessor: doc.is_possessive_mark(end - 1) || (end < doc.len() && doc.is_possessive_mark(end)),
        name: Vec::new(),
        name_span: None,
        roles: Vec::new(),
        mods: Vec::new(),
        post_mods: Vec::new(),
        description: span,
        head_end: end,
        gender: Gender::Unknown,
        plural: false,
        animacy: Animacy::Unknown,
        determiner: Determiner::Bare,
        pronoun: None,
        case: Case::Subject,
        label: doc.label_over(start..end),
        cluster: None,
    };
    if end - start == 1 && doc.is_pronoun_form(start) {
        if lex.is(doc.word(start), Class::Relative) {
            m.form = Form::Pronoun;
            m.pronoun = Some("who");
            return Some(m);
        }
        if let Some(e) = lex.get(doc.word(start), Class::Pronoun) {
            m.form = Form::Pronoun;
            m.pronoun = Some(e.canonical);
            let tag = doc.ann.pos.get(start).is_some_and(|p| p.as_str() == "PRP$");
            m.case = Case::of(&doc.word(start).to_lowercase(), tag);
            m.gender = gender_of(e.flag);
            m.plural = e.flag == Flag::Plural;
            return Some(m);
        }
    }
    let mut body = start;
    if let Some(e) = lex.get(doc.word(start), Class::Determiner).filter(|_| end - start > 1) {
        m.determiner = match e.canonical {
            "definite" => Determiner::Definite,
            "possessive" => Determiner::Possessive,
            _ => Determiner::Indefinite,
        };
        body += 1;
    }
    let mut head_end = head_phrase_end(doc, body, end);
    // A place after a preposition says where the people described are
    // ("Officials in Michigan"): it is not their name.
    if let Some(p) = place_after_preposition(doc, body, head_end) {
        head_end = p;
    }
    m.head_end = doc.token(head_end - 1).end;
    m.description = Span::new(span.start, doc.token(description_end(doc, head_end, end) - 1).end);
    // A possessor ("Trump's campaign manager") only modifies the head after it.
    if let Some(p) = (body..head_end).rev().find(|&i| doc.is_possessive_mark(i)) {
        collect_mods(doc, body..p, &mut m.mods);
        body = (p + 1..head_end).find(|&i| doc.is_word(i) && !doc.is_possessive_mark(i)).unwrap_or(head_end);
        m.determiner = Determiner::Possessive;
    }
    if body >= head_end {
        return Some(m);
    }
    // "The Spaniard said": a nationality alone after a determiner
    // describes one person, where "Mark Cuban" is a name.
    let one_national = m.determiner != Determiner::Bare
        && head_end == body + 1
        && lex.is(doc.word(body), Class::Nationality);
    let name_start = if one_national { head_end } else { name_run_start(doc, body, head_end) };
    // "Trump and Clinton": two people together, neither alone.
    if let Some(and) = coordination(doc, body, name_start) {
        m.plural = true;
        let person = |i: usize| doc.label_of(i) == Some(EntityLabel::Person);
        if person(and - 1) && person(name_start) {
            m.animacy = Animacy::Person;
        }
        return Some(m);
    }
    if name_start < head_end {
        m.form = Form::Name;
        m.name = (name_start..head_end).filter(|&i| doc.is_word(i)).map(|i| normal(doc.word(i))).collect();
        m.name_span = Some(Span::new(doc.token(name_start).start, doc.token(head_end - 1).end));
        // The name's own entity, not a nationality or title in front of it.
        m.label = doc.label_over(name_start..head_end).or(m.label);
        // "Republicans", "Americans": a group named as one, not a person.
        if head_end == name_start + 1 {
            let w = doc.word(name_start);
            m.plural = lex.noun(w).is_some_and(|e| group_of_members(w, e)) || lex.names_a_people(w);
        }
        read_prefix(doc, body..name_start, &mut m);
        // A name of one word that is also a surname ("Clinton", "Warren")
        // tells no sex: only a given name alone or before more of the name does.
        let alone = m.name.len() == 1;
        if let Some(g) = m.name.first().filter(|w| !alone || !lex.surname(w)).and_then(|w| lex.given_name(w))
        {
            if m.gender == Gender::Unknown {
                m.gender = g;
            }
            m.animacy = Animacy::Person;
        }
        // People are seldom named with "the": "The New York Post", "the Kremlin".
        if m.determiner == Determiner::Definite && m.animacy == Animacy::Unknown {
            m.animacy = Animacy::Thing;
        }
    } else {
        read_head(doc, body..head_end, &mut m);
    }
    for i in head_end..end {
        if doc.is_capitalised(i) && !doc.opens_sentence_strictly(i) {
            m.post_mods.push(normal(doc.word(i)));
        }
    }
    Some(m)
}

/// Where "and" (or "&") joins two different names before the name run
/// starting at `name_start` ("Trump and Clinton"), if it does; the words of
/// one name ("Johnson & Johnson") are not two.
fn coordination(doc: &Doc<'_>, body: usize, name_start: usize) -> Option<usize> {
    name_start.checked_sub(1).filter(|&i| {
        i > body
            && matches!(doc.word(i), "and" | "&")
            && doc.is_capitalised(i - 1)
            && (doc.entity_of(i - 1).is_none() || doc.entity_of(i - 1) != doc.entity_of(name_start))
    })
}

/// Where the preposition before a trailing place name is ("in" of
/// "Officials in Michigan"), when words come before it.
fn place_after_preposition(doc: &Doc<'_>, body: usize, head_end: usize) -> Option<usize> {
    let name_start = name_run_start(doc, body, head_end);
    let mut names = (name_start..head_end).filter(|&i| doc.is_word(i)).peekable();
    if names.peek().is_none() || !names.all(|i| doc.label_of(i) == Some(EntityLabel::Loc)) {
        return None;
    }
    let lex = lexicon();
    (body + 1..name_start).find(|&i| doc.is_lower(i) && lex.is(doc.word(i), Class::Preposition))
}

/// Where a name's titles start: "Russian President" before "Vladimir Putin",
/// "special envoy" before "Steve Witkoff", "Secretary of State" before a name.
pub fn title_start(doc: &Doc<'_>, name_start: usize) -> usize {
    let lex = lexicon();
    let titled = |i: usize| {
        let w = doc.word(i);
        doc.is_title(i)
            || [Class::Role, Class::Title, Class::Rank, Class::Honorific].iter().any(|&c| lex.is(w, c))
    };
    let sentence = doc.sentence_of(name_start);
    let own = doc.entity_of(name_start);
    let mut j = name_start;
    while j > 0 && doc.sentence_of(j - 1) == sentence {
        let i = j - 1;
        // Another name only joins as the modifier of a title ("US President"),
        // not as a neighbour ("Trump-Putin meeting"); a title or a role
        // recognised as a name ("Republican") is no other name.
        let other = doc.entity_of(i).is_some_and(|e| Some(e) != own && Some(e) != doc.entity_of(j))
            && !titled(i)
            && !(doc.is_word(j) && titled(j));
        if other {
            break;
        }
        let proper = doc.is_capitalised(i) && doc.is_name_like(i) && !lex.is(doc.word(i), Class::Determiner);
        let of_title = doc.word(i) == "of" && i > 0 && titled(i - 1) && doc.is_capitalised(j);
        if (doc.is_word(i) && (titled(i) || proper)) || of_title || doc.is_joiner(i) {
            j = i;
        } else {
            break;
        }
    }
    while j < name_start && !doc.is_word(j) {
        j += 1;
    }
    j
}

/// The end of the head phrase: before a comma, a relative pronoun, or a
/// preposition that opens a lower-case post-modifier ("of international affairs",
/// but not "Secretary of State Marco Rubio").
fn head_phrase_end(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let lex = lexicon();
    for i in from + 1..end {
        if doc.is_clause_break(i) {
            return i;
        }
        let w = doc.word(i);
        if doc.is_lower(i) && lex.is(w, Class::Relative) {
            return i;
        }
        // "a study published Monday", "Democrats trying to regain": a
        // participle after the head ends it, unless it gives a name ("the
        // base chief known as Bob"); after a singular name it is part of a
        // title ("Oversight ranking Democrat").
        let tag = |k: usize| doc.ann.pos.get(k).map_or("", |p| p.as_str());
        let names = matches!(w, "known" | "named" | "called" | "nicknamed" | "dubbed");
        if doc.is_lower(i)
            && !names
            && matches!(tag(i), "VBN" | "VBG")
            && matches!(tag(i - 1), "NN" | "NNS" | "NNPS")
        {
            return i;
        }
        // "Secretary of State Marco Rubio" keeps its "of"; "the transition
        // in Burma" does not.
        // A person's name is whole before "of" ("Lucy Okell of Imperial
        // College"); a document is named by who wrote or printed it ("a
        // report by Pew"), and someone's post by an organisation's name after
        // "of" or "for" only: "union leaders in Lowell" are not named Lowell,
        // nor is "a spokeswoman for Clinton" Clinton.
        if doc.is_lower(i) && lex.is(w, Class::Preposition) {
            let person = doc.label_of(i - 1) == Some(EntityLabel::Person)
                && (i + 1 >= end || doc.entity_of(i + 1) != doc.entity_of(i - 1));
            let noun = lex.noun(doc.word(i - 1));
            let post = noun.is_some_and(|e| e.class == Class::Document)
                || noun.is_some()
                    && matches!(w, "of" | "for")
                    && !(i + 1..end).any(|k| doc.label_of(k) == Some(EntityLabel::Person));
            let titled = !person && (doc.is_capitalised(i - 1) || post);
            let next_capital = i + 1 < end && doc.is_capitalised(i + 1);
            if !(titled && next_capital) {
                return i;
            }
        }
    }
    end
}

/// The end of a description: the head with its prepositional post-modifiers,
/// cut before a comma, dash or relative clause.
fn description_end(doc: &Doc<'_>, head_end: usize, end: usize) -> usize {
    let lex = lexicon();
    (head_end..end)
        .find(|&i| doc.is_clause_break(i) || (doc.is_lower(i) && lex.is(doc.word(i), Class::Relative)))
        .unwrap_or(end)
}

/// Where the trailing proper-name run of `from..end` starts (`end` when none).
fn name_run_start(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let lex = lexicon();
    // An organisation or place is named by its whole entity, lower-case
    // and title words included ("Council on Foreign Relations").
    let last = end.saturating_sub(1);
    let whole = doc.entity_of(last).filter(|_| {
        matches!(doc.label_of(last), Some(EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc))
    });
    // A person described by a nationality or party noun is no name: "the
    // Ohio Democrat" even when "Democrat" is recognised as a name.
    let described = |i: usize| {
        let w = doc.word(i);
        doc.label_of(i) == Some(EntityLabel::Misc)
            && lex.noun(w).is_some_and(|e| e.class == Class::Role && !group_of_members(w, e))
    };
    // A possessive inside it ("Save Our Fields") is part of the name; a
    // determiner opening it ("The Times") is not.
    let inner_possessive = |i: usize| {
        i > from
            && doc.entity_of(i - 1) == whole
            && lex.get(doc.word(i), Class::Determiner).is_some_and(|e| e.canonical == "possessive")
    };
    let in_whole = |i: usize| {
        whole.is_some()
            && doc.entity_of(i) == whole
            && (!lex.is(doc.word(i), Class::Determiner) || inner_possessive(i))
            && !described(i)
    };
    let mut j = end;
    while j > from {
        let i = j - 1;
        let w = doc.word(i);
        let name_word = in_whole(i)
            || doc.is_capitalised(i)
                && doc.is_name_like(i)
                && lex.noun(w).is_none_or(|e| e.class != Class::Role || group_of_members(w, e))
                && !lex.is(w, Class::Honorific)
                && !lex.is(w, Class::Rank)
                && !lex.is(w, Class::Title)
                && !lex.is(w, Class::Determiner)
                && !doc.is_title(i)
                // "Local activists in October": a date names no one.
                && !matches!(doc.label_of(i), Some(EntityLabel::Date | EntityLabel::Time));
        let inner = j < end && (doc.is_joiner(i) || (doc.is_lower(i) && lex.is(w, Class::Particle)));
        if name_word || inner {
            j = i;
        } else {
            break;
        }
    }
    // A run starts with a name word, not a particle, a joiner, or an
    // adjective such as a party or nationality ("Republican Donald Trump"),
    // nor with a noun for a person before a whole name ("Striker Emeka
    // Obi", where "Guy Verhofstadt" and "Lady Gaga" are names).
    let person_noun = |j: usize| {
        let w = doc.word(j);
        j + 2 < end
            && doc.is_word(j + 2)
            && lex.is(w, Class::Person)
            && lex.given_name(w).is_none()
            && !in_whole(j)
    };
    // A given name the tagger read as an adjective ("Maya MacGuineas")
    // opens the person's name, where a party or nationality does not.
    let opens_a_person = |j: usize| {
        let w = doc.word(j);
        doc.label_of(j) == Some(EntityLabel::Person)
            && doc.entity_of(j) == doc.entity_of(j + 1)
            && lex.given_name(w).is_some()
            && !lex.is(w, Class::Nationality)
            && party(w).is_none()
    };
    while j < end
        && (!(doc.is_word(j) && doc.is_capitalised(j))
            || (j + 1 < end && doc.is_adjective(j) && !in_whole(j) && !opens_a_person(j))
            || person_noun(j))
    {
        j += 1;
    }
    j
}

/// True for a party's members in the plural ("Republicans"): named as one
/// group across the article, where a single member ("the Ohio Democrat") is
/// described.
fn group_of_members(word: &str, noun: Entry) -> bool {
    noun.flag == Flag::Plural && party(word).is_some()
}

/// Titles, honorifics and modifiers in front of a name.
fn read_prefix(doc: &Doc<'_>, range: Range<usize>, m: &mut Mention) {
    let lex = lexicon();
    for i in range.clone() {
        let w = doc.word(i);
        if let Some(h) = lex.get(w, Class::Honorific) {
            m.animacy = Animacy::Person;
            if h.flag != Flag::None {
                m.gender = gender_of(h.flag);
            }
            // "Sen." makes a senator, whom "the senator" designates later.
            if h.canonical != "-" && !m.roles.iter().any(|r| r.head == h.canonical) {
                m.roles.push(Role { head: h.canonical.to_owned(), titles: Vec::new(), ranks: Vec::new() });
            }
        } else if let Some(r) = lex
            .get(w, Class::Role)
            .filter(|_| !w.bytes().any(|b| b.is_ascii_digit()))
            .or_else(|| lex.get(w, Class::Person))
        {
            // An age is a person only as a head noun ("the 26-year-old");
            // in front of a name or noun it is an adjective ("a 26-year-old
            // Berlin man").
            m.animacy = Animacy::Person;
            if r.flag == Flag::Male || r.flag == Flag::Female {
                m.gender = gender_of(r.flag);
            }
            m.roles.push(role_at(doc, range.start, i, r.canonical));
            // A party is also a modifier: "Ohio Democrat X" is "the Democratic senator".
            if let Some(p) = party(w) {
                m.mods.push(p.to_owned());
            }
        } else if doc.is_capitalised(i)
            && !doc.is_title(i)
            && ![Class::Title, Class::Rank, Class::Preposition, Class::Determiner]
                .iter()
                .any(|&c| lex.is(w, c))
        {
            m.mods.push(party(w).map_or_else(|| normal(w), str::to_owned));
        }
    }
}

/// The head noun of a description and its modifiers.
fn read_head(doc: &Doc<'_>, range: Range<usize>, m: &mut Mention) {
    let lex = lexicon();
    let Some(head) = range.clone().rev().find(|&i| doc.is_word(i)) else { return };
    let w = doc.word(head);
    let entry = lex.noun(w).or_else(|| lex.get(w, Class::Nationality).filter(|_| head == range.start));
    let canonical = entry.map_or_else(|| w.to_lowercase(), |e| e.canonical.to_owned());
    m.plural = entry.is_some_and(|e| e.flag == Flag::Plural) || doc.is_plural_noun(head);
    if let Some(e) = entry {
        m.animacy = match e.class {
            Class::Role | Class::Nationality | Class::Person => Animacy::Person,
            Class::Document => Animacy::Document,
            _ => Animacy::Thing,
        };
        if matches!(e.flag, Flag::Male | Flag::Female) {
            m.gender = gender_of(e.flag);
        }
    }
    m.roles.push(role_at(doc, range.start, head, &canonical));
    let role_words = m.roles.last().map_or(0, |r| r.titles.len() + r.ranks.len());
    for i in range.start..head.saturating_sub(role_words) {
        if doc.is_capitalised(i) && doc.is_word(i) && !lex.is(doc.word(i), Class::Determiner) {
            let w = doc.word(i);
            m.mods.push(party(w).map_or_else(|| normal(w), str::to_owned));
        }
    }
}

/// The role with head `canonical` at token `head`, with the title and rank
/// words straight before it, and the other words of a gazetteer title
/// holding it ("Health and Human Services Secretary").
fn role_at(doc: &Doc<'_>, from: usize, head: usize, canonical: &str) -> Role {
    let lex = lexicon();
    let mut role = Role { head: canonical.to_owned(), titles: Vec::new(), ranks: Vec::new() };
    let title = doc.entity_of(head).filter(|_| doc.is_title(head));
    for i in (from..head).rev() {
        let w = doc.word(i);
        let in_title = title.is_some() && doc.entity_of(i) == title;
        if lex.is(w, Class::Rank) {
            role.ranks.push(w.to_lowercase());
        } else if lex.is(w, Class::Title) || (in_title && doc.is_word(i) && !doc.is_function_word(i)) {
            role.titles.push(w.to_lowercase());
        } else if !doc.is_joiner(i) && !in_title {
            break;
        }
    }
    role.ranks.sort();
    role
}

/// Capitalised words of `range` as modifiers, titles left out.
fn collect_mods(doc: &Doc<'_>, range: Range<usize>, out: &mut Vec<String>) {
    for i in range {
        if doc.is_word(i) && doc.is_capitalised(i) && !doc.is_title(i) {
            out.push(normal(doc.word(i)));
        }
    }
}

const fn gender_of(flag: Flag) -> Gender {
    match flag {
        Flag::Male => Gender::Male,
        Flag::Female => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Lower case without periods or a possessive ending, so "U.S." and "US",
/// "Trump’s" and "Trump" compare equal.
pub fn normal(word: &str) -> String {
    with_normal(word, str::to_owned)
}

/// Call `f` with the normal form of `word`, without allocating for short
/// ASCII words.
pub fn with_normal<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let word = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word);
    let mut buf = [0u8; 32];
    let mut n = 0;
    if word.is_ascii() && word.len() <= buf.len() {
        for b in word.bytes().filter(|&b| b != b'.') {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        if let Ok(s) = std::str::from_utf8(&buf[..n]) {
            return f(s);
        }
    }
    let owned: String = word.chars().filter(|c| *c != '.').flat_map(char::to_lowercase).collect();
    f(&owned)
}
