//! One entity, one label, per article. The recogniser labels sentence by
//! sentence, so one person can come out as PERSON in one sentence and ORG
//! in the next, or not at all. This pass reads the whole article: mentions
//! written alike ("Trump", "TRUMP", "Trump’s") and short forms of a longer
//! name ("Trump" of "Donald Trump") join one entity, which takes the label
//! most of its words were given; capitalised words that repeat a name the
//! article uses elsewhere become mentions too; a compound of two known
//! names ("Trump-Putin") holds both; a headline's capitalised words that
//! the body writes only in lower case, or not at all, are no name; and a name that ends as a
//! business's does ("Orvane Robotics") or that a noun for a business stands
//! before ("the app maker Clipstream") is an organisation, and the name
//! opening a dateline ("BOSTON —") a place. Every mention then carries
//! the index of its entity.

use std::collections::HashMap;

use crate::annotation::{Annotation, Entity, EntityLabel, Token};
use crate::entities::gazetteer::given_name_sex;
use crate::segment::article::dateline_end_of;
use crate::text::Span;

/// Link the entities of `ann` (sorted by position, not overlapping) into
/// entities, as described in the module documentation.
pub fn link(text: &str, ann: &mut Annotation) {
    drop_headline_words(text, ann);
    businesses(text, ann);
    dateline_places(text, ann);
    let mut names = Names::default();
    for (i, e) in ann.entities.iter().enumerate() {
        if is_name(e.label) {
            names.add(i, &form(text, &ann.tokens, e));
        }
    }
    names.join_short_forms(&ann.entities);
    let labels = names.vote(&ann.entities);
    for (mention, group) in names.group_of.iter().enumerate().filter_map(|(m, g)| Some((m, (*g)?))) {
        ann.entities[mention].label = labels[group];
    }
    add_repeated_names(text, ann, &names, &labels);
    number(text, ann);
    introduced_businesses(text, ann);
}

/// "the video app maker Clipstream": an entity that a noun for a business
/// stands before is a business in all its mentions, wherever else the
/// recogniser took it for a person, unless its name opens with a given name
/// ("manufacturer Ron Johnson").
fn introduced_businesses(text: &str, ann: &mut Annotation) {
    let word = |i: usize| token_text(text, &ann.tokens, i);
    let firms: Vec<usize> = ann
        .entities
        .iter()
        .filter(|e| {
            is_name(e.label)
                && e.tokens.start > 0
                && !capitalised(word(e.tokens.start - 1))
                && crate::coref::names_a_business(word(e.tokens.start - 1))
                && given_name_sex(word(e.tokens.start)).is_none()
        })
        .map(|e| e.entity)
        .collect();
    for e in &mut ann.entities {
        if firms.contains(&e.entity) && is_name(e.label) {
            e.label = EntityLabel::Org;
        }
    }
}

/// A name of two words or more that ends as a business's does ("Orvane
/// Robotics", "Walter Energy", "Acme Inc.") is an organisation, whatever the
/// recogniser, which has never met the firm, made of it.
fn businesses(text: &str, ann: &mut Annotation) {
    for e in &mut ann.entities {
        if !matches!(e.label, EntityLabel::Person | EntityLabel::Loc | EntityLabel::Misc)
            || e.tokens.len() < 2
        {
            continue;
        }
        let last = token_text(text, &ann.tokens, e.tokens.end - 1);
        if capitalised(last) && crate::coref::ends_a_business_name(last) {
            e.label = EntityLabel::Org;
        }
    }
}

/// The name in capitals that opens a dateline ("BOSTON —", "SAN JOSE,
/// Calif. —") is the place the story was filed from, whatever the
/// recogniser, reading capitals it seldom saw, made of it.
fn dateline_places(text: &str, ann: &mut Annotation) {
    for p in &ann.paragraphs {
        let Some(first) = ann.sentences.get(p.sentences.start).map(|s| s.tokens.start) else { continue };
        let words = ann.tokens.get(first..).unwrap_or(&[]).iter().map(|t| t.span.slice(text));
        if dateline_end_of(words).is_none() {
            continue;
        }
        let word = |i: usize| token_text(text, &ann.tokens, i);
        // Not a line that opens with an organisation ("RUGBY UNION - …") or
        // a paper ("LA PRESSE - …"), as digests and sports pages do.
        let place = |e: &&mut Entity| {
            matches!(e.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Misc)
                && !crate::coref::names_an_organisation(word(e.tokens.end - 1))
                && !(e.tokens.len() > 1
                    && matches!(word(first), "LA" | "LE" | "LES" | "EL" | "IL" | "DIE" | "DER" | "DAS"))
        };
        if let Some(e) = ann.entities.iter_mut().find(|e| e.tokens.start == first).filter(place) {
            e.label = EntityLabel::Loc;
        }
    }
}

/// The text of token `i` ("" past the end).
fn token_text<'t>(text: &'t str, tokens: &[Token], i: usize) -> &'t str {
    tokens.get(i).map_or("", |t| t.span.slice(text))
}

/// The learned classes; rule-made ones (dates, titles, amounts) are kept as made.
const fn is_name(label: EntityLabel) -> bool {
    matches!(label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc)
}

/// A mention's words, lower-cased, without a trailing possessive.
fn form(text: &str, tokens: &[Token], e: &Entity) -> Vec<String> {
    let mut words: Vec<String> =
        tokens.get(e.tokens.clone()).unwrap_or(&[]).iter().map(|t| fold(t.span.slice(text))).collect();
    if words.len() > 1 && words.last().is_some_and(|w| is_possessive(w)) {
        words.pop();
    }
    let whole_token = e.tokens.len() != 1 || tokens.get(e.tokens.start).is_some_and(|t| t.span == e.span);
    if !whole_token || words.is_empty() {
        // A mention inside one token (a part of a compound) is its own text.
        return vec![fold(e.span.slice(text))];
    }
    words
}

/// A word as names are compared: lower case, one kind of apostrophe
/// ("O’Neill" is "O'Neill").
fn fold(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// Groups of mentions that name one entity.
#[derive(Debug, Default)]
struct Names {
    /// Group of each mention (index into the entities), if it is a name.
    group_of: Vec<Option<usize>>,
    /// The forms of each group, longest first once joined.
    forms: Vec<Vec<Vec<String>>>,
    /// Mentions of each group.
    mentions: Vec<Vec<usize>>,
    by_form: HashMap<Vec<String>, usize>,
}

impl Names {
    fn add(&mut self, mention: usize, form: &[String]) {
        if self.group_of.len() <= mention {
            self.group_of.resize(mention + 1, None);
        }
        let group = match self.by_form.get(form) {
            Some(&g) => g,
            None => {
                let g = self.forms.len();
                self.forms.push(vec![form.to_vec()]);
                self.mentions.push(Vec::new());
                self.by_form.insert(form.to_vec(), g);
                g
            }
        };
        self.mentions[group].push(mention);
        self.group_of[mention] = Some(group);
    }

    /// A one- or two-word name that ends a longer name of a person ("Trump"
    /// of "Donald Trump") joins it, when exactly one longer name ends so.
    fn join_short_forms(&mut self, entities: &[Entity]) {
        let groups = self.forms.len();
        // The people's longer names by their last one and two words.
        let mut ends: HashMap<&[String], Vec<usize>> = HashMap::new();
        for g in 0..groups {
            if !self.mostly(g, entities, EntityLabel::Person) {
                continue;
            }
            for f in &self.forms[g] {
                for k in 1..=2.min(f.len().saturating_sub(1)) {
                    let list = ends.entry(&f[f.len() - k..]).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
        }
        let mut joins = Vec::new();
        for short in 0..groups {
            let Some(form) = self.forms[short].first() else { continue };
            if form.len() > 2 {
                continue;
            }
            let longer: Vec<usize> = ends
                .get(form.as_slice())
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .copied()
                .filter(|&g| g != short)
                .collect();
            if let [g] = longer[..] {
                joins.push((short, g));
            }
        }
        for (short, g) in joins {
            let moved = std::mem::take(&mut self.mentions[short]);
            let forms = std::mem::take(&mut self.forms[short]);
            for &m in &moved {
                self.group_of[m] = Some(g);
            }
            self.mentions[g].extend(moved);
            for f in forms {
                self.by_form.insert(f.clone(), g);
                self.forms[g].push(f);
            }
        }
        for forms in &mut self.forms {
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
    }

    /// Whether most words of group `g`'s mentions are labelled `label`.
    fn mostly(&self, g: usize, entities: &[Entity], label: EntityLabel) -> bool {
        let (mut yes, mut all) = (0, 0);
        for &m in &self.mentions[g] {
            let n = entities[m].tokens.len().max(1);
            all += n;
            if entities[m].label == label {
                yes += n;
            }
        }
        2 * yes > all
    }

    /// Each group's label: the one most of its mentions' words were given
    /// (a tie goes to the label of the longest mention, then the first).
    fn vote(&self, entities: &[Entity]) -> Vec<EntityLabel> {
        self.mentions
            .iter()
            .map(|mentions| {
                let mut score: Vec<(EntityLabel, usize, usize)> = Vec::new();
                for &m in mentions {
                    let e = &entities[m];
                    let n = e.tokens.len().max(1);
                    match score.iter_mut().find(|(l, _, _)| *l == e.label) {
                        Some(s) => {
                            s.1 += n;
                            s.2 = s.2.max(n);
                        }
                        None => score.push((e.label, n, n)),
                    }
                }
                score.iter().max_by_key(|&&(_, n, longest)| (n, longest)).map_or(EntityLabel::Misc, |s| s.0)
            })
            .collect()
    }
}

/// Capitalised words outside any entity that spell a name of a person,
/// organisation or place the article names elsewhere become mentions of it;
/// a hyphenated compound of such names ("Trump-Putin") holds each of them.
fn add_repeated_names(text: &str, ann: &mut Annotation, names: &Names, labels: &[EntityLabel]) {
    let mut covered = vec![false; ann.tokens.len()];
    for e in &ann.entities {
        for c in covered.get_mut(e.tokens.clone()).unwrap_or(&mut []) {
            *c = true;
        }
    }
    let longest = names.forms.iter().flatten().map(Vec::len).max().unwrap_or(0);
    let known = |words: &[String]| -> Option<usize> {
        let g = *names.by_form.get(words)?;
        (!names.mentions[g].is_empty() && labels[g] != EntityLabel::Misc).then_some(g)
    };
    let mut added = Vec::new();
    let mut i = 0;
    while i < ann.tokens.len() {
        if covered[i] || !capitalised(ann.tokens[i].span.slice(text)) {
            i += 1;
            continue;
        }
        // The longest known name starting here, over words no entity holds.
        let mut found = None;
        let mut words = Vec::new();
        let reach = ann.tokens.len().min(i + longest);
        for (j, (token, &taken)) in ann.tokens[i..reach].iter().zip(&covered[i..reach]).enumerate() {
            if taken {
                break;
            }
            words.push(fold(token.span.slice(text)));
            if let Some(g) = known(&words) {
                found = Some((i + j + 1, g));
            }
        }
        if let Some((end, g)) = found {
            let span = Span::new(ann.tokens[i].span.start, ann.tokens[end - 1].span.end);
            added.push(Entity { span, label: labels[g], tokens: i..end, speaker: None, entity: 0 });
            i = end;
            continue;
        }
        added.extend(compound_parts(text, ann.tokens[i], i, &known, labels));
        i += 1;
    }
    // Compounds the recogniser labelled whole give way to their parts.
    for e in &ann.entities {
        if e.tokens.len() == 1 && is_name(e.label) {
            let t = ann.tokens[e.tokens.start];
            let parts = compound_parts(text, t, e.tokens.start, &known, labels);
            if !parts.is_empty() {
                added.extend(parts);
            }
        }
    }
    if added.is_empty() {
        return;
    }
    // Whole-token mentions of a compound that was split into its names.
    let split: std::collections::HashSet<(usize, usize)> = added
        .iter()
        .filter(|a| a.tokens.len() == 1 && ann.tokens[a.tokens.start].span != a.span)
        .map(|a| (a.tokens.start, a.tokens.end))
        .collect();
    ann.entities.retain(|e| {
        !(split.contains(&(e.tokens.start, e.tokens.end))
            && e.tokens.len() == 1
            && ann.tokens[e.tokens.start].span == e.span)
    });
    ann.entities.extend(added);
    ann.entities.sort_by_key(|e| (e.span.start, e.span.end));
    ann.entities.dedup_by_key(|e| e.span);
}

/// The known names inside a hyphenated token, when all its parts are known.
fn compound_parts(
    text: &str,
    token: Token,
    index: usize,
    known: &impl Fn(&[String]) -> Option<usize>,
    labels: &[EntityLabel],
) -> Vec<Entity> {
    let word = token.span.slice(text);
    if !word.contains('-') {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut at = token.span.start;
    for part in word.split('-') {
        let g = if capitalised(part) { known(&[fold(part)]) } else { None };
        let Some(g) = g else { return Vec::new() };
        let span = Span::new(at, at + part.len());
        parts.push(Entity { span, label: labels[g], tokens: index..index + 1, speaker: None, entity: 0 });
        at += part.len() + 1;
    }
    if parts.len() < 2 { Vec::new() } else { parts }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Headline mentions the body never names, made only of words the body
/// writes in lower case ("Summit" when the body says "summit") or not at
/// all, one of them at least in lower case ("Malaria Vaccine Shows Promise"
/// over "A new malaria vaccine …"), are no names.
fn drop_headline_words(text: &str, ann: &mut Annotation) {
    let Some(title) = ann.title else { return };
    let body = |e: &Entity| !title.contains(e.span);
    let mut lower: std::collections::HashSet<&str> = std::collections::HashSet::new();
    // The headline entities' words (lower-cased), and those the body writes in any case.
    let wanted: std::collections::HashSet<String> = ann
        .entities
        .iter()
        .filter(|e| !body(e))
        .flat_map(|e| ann.tokens.get(e.tokens.clone()).unwrap_or(&[]))
        .map(|t| t.span.slice(text).to_lowercase())
        .collect();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut named: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut folded = String::new();
    for t in &ann.tokens {
        let w = t.span.slice(text);
        if !title.contains(t.span) {
            if w.chars().next().is_some_and(char::is_lowercase) {
                lower.insert(w);
            }
            if !wanted.is_empty() {
                folded.clear();
                folded.extend(w.chars().flat_map(char::to_lowercase));
                if let Some(k) = wanted.get(folded.as_str()) {
                    seen.insert(k);
                }
            }
        }
    }
    for e in ann.entities.iter().filter(|e| body(e)) {
        named.insert(e.span.slice(text).to_lowercase());
    }
    let tokens = &ann.tokens;
    ann.entities.retain(|e| {
        if body(e) || !is_name(e.label) || named.contains(&e.span.slice(text).to_lowercase()) {
            return true;
        }
        // Every word written in lower case in the body, or not there at all
        // ("Malaria Vaccine Shows Promise" over "A new malaria vaccine …").
        let words = tokens.get(e.tokens.clone()).unwrap_or(&[]);
        let low = |t: &Token| lower.contains(t.span.slice(text).to_lowercase().as_str());
        let absent = |t: &Token| !seen.contains(t.span.slice(text).to_lowercase().as_str());
        !(words.iter().any(low) && words.iter().all(|t| low(t) || absent(t)))
    });
}

/// Give every mention the index of its entity: name mentions by their
/// group (via their forms), others by their exact text and label.
fn number(text: &str, ann: &mut Annotation) {
    let mut names = Names::default();
    for (i, e) in ann.entities.iter().enumerate() {
        if is_name(e.label) {
            names.add(i, &form(text, &ann.tokens, e));
        }
    }
    names.join_short_forms(&ann.entities);
    let mut ids: HashMap<usize, usize> = HashMap::new();
    let mut others: HashMap<(String, EntityLabel), usize> = HashMap::new();
    let mut next = 0;
    for (i, e) in ann.entities.iter_mut().enumerate() {
        let id = match names.group_of.get(i).copied().flatten() {
            Some(g) => *ids.entry(g).or_insert(next),
            None => *others.entry((e.span.slice(text).to_owned(), e.label)).or_insert(next),
        };
        if id == next {
            next += 1;
        }
        e.entity = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize::pretokenised;

    /// An annotation of `text` (words split at spaces) with the given
    /// entities (token ranges and labels); `title` words first are the headline.
    fn ann(text: &str, title: usize, entities: &[(std::ops::Range<usize>, EntityLabel)]) -> Annotation {
        let tokens = pretokenised(text);
        let entities = entities
            .iter()
            .map(|(r, label)| Entity {
                span: Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end),
                label: *label,
                tokens: r.clone(),
                speaker: None,
                entity: 0,
            })
            .collect();
        let title = (title > 0).then(|| Span::new(0, tokens[title - 1].span.end));
        Annotation { title, tokens, entities, ..Annotation::default() }
    }

    fn labelled<'t>(text: &'t str, a: &Annotation) -> Vec<(&'t str, EntityLabel)> {
        a.entities.iter().map(|e| (e.span.slice(text), e.label)).collect()
    }

    fn found(text: &str, a: &Annotation) -> Vec<(String, EntityLabel, usize)> {
        a.entities.iter().map(|e| (e.span.slice(text).to_owned(), e.label, e.entity)).collect()
    }

    #[test]
    fn one_person_one_label_one_entity() {
        use EntityLabel::{Org, Person};
        let text = "Donald Trump spoke . Trump 's aides left . Trump smiled . Later Trump waved";
        let mut a = ann(text, 0, &[(0..2, Person), (4..5, Org), (9..10, Person)]);
        link(text, &mut a);
        let f = found(text, &a);
        assert_eq!(f.len(), 4, "{f:?}");
        assert!(f.iter().all(|(_, label, id)| *label == Person && *id == f[0].2), "{f:?}");
        assert_eq!(f[3].0, "Trump");
    }

    #[test]
    fn a_name_ending_as_a_business_does_is_an_organisation() {
        use EntityLabel::{Loc, Org, Person};
        let text = "Orvane Robotics cut jobs . Walter Energy closed . Priya Raman left . New York Times";
        let mut a = ann(text, 0, &[(0..2, Person), (5..7, Loc), (9..11, Person), (13..16, Org)]);
        link(text, &mut a);
        assert_eq!(
            labelled(text, &a),
            [
                ("Orvane Robotics", Org),
                ("Walter Energy", Org),
                ("Priya Raman", Person),
                ("New York Times", Org),
            ]
        );
    }

    #[test]
    fn the_name_opening_a_dateline_is_a_place() {
        use crate::annotation::{Paragraph, Sentence};
        use EntityLabel::{Loc, Org};
        let text = "BOSTON — Acme said it would cut jobs . NATO — the alliance — will meet . RUGBY UNION - England won .";
        let mut a = ann(text, 0, &[(0..1, Org), (2..3, Org), (9..10, Org), (17..19, Org), (20..21, Loc)]);
        // One paragraph of one sentence per " . ".
        let ends: Vec<usize> = (0..a.tokens.len()).filter(|&i| a.tokens[i].span.slice(text) == ".").collect();
        let mut start = 0;
        for (k, &end) in ends.iter().enumerate() {
            let span = Span::new(a.tokens[start].span.start, a.tokens[end].span.end);
            a.sentences.push(Sentence { span, tokens: start..end + 1 });
            a.paragraphs.push(Paragraph { span, sentences: k..k + 1, headline: false });
            start = end + 1;
        }
        link(text, &mut a);
        let expected =
            [("BOSTON", Loc), ("Acme", Org), ("NATO", Org), ("RUGBY UNION", Org), ("England", Loc)];
        assert_eq!(labelled(text, &a), expected);
    }

    #[test]
    fn a_name_a_noun_for_a_business_stands_before_is_a_business() {
        use EntityLabel::Person;
        let text = "the app maker Clipstream was fined . Clipstream said no . manufacturer Ron Johnson spoke";
        let mut a = ann(text, 0, &[(3..4, Person), (7..8, Person), (12..14, Person)]);
        link(text, &mut a);
        assert_eq!(
            labelled(text, &a),
            [("Clipstream", EntityLabel::Org), ("Clipstream", EntityLabel::Org), ("Ron Johnson", Person)]
        );
    }

    #[test]
    fn a_headline_phrase_of_words_the_body_writes_in_lower_case_or_not_at_all_is_no_name() {
        use EntityLabel::{Loc, Org};
        let text = "Malaria Vaccine Shows Promise as Chile Votes . A new malaria vaccine worked in Chile";
        let mut a = ann(text, 7, &[(0..4, Org), (5..7, Loc), (14..15, Loc)]);
        link(text, &mut a);
        assert_eq!(labelled(text, &a), [("Chile Votes", Loc), ("Chile", Loc)]);
    }

    #[test]
    fn a_compound_of_two_known_names_holds_both() {
        use EntityLabel::{Loc, Person};
        let text = "Trump-Putin summit . Trump met Putin";
        let mut a = ann(text, 0, &[(0..1, Loc), (3..4, Person), (5..6, Person)]);
        link(text, &mut a);
        let f = found(text, &a);
        let names: Vec<(&str, EntityLabel)> = f.iter().map(|(t, l, _)| (t.as_str(), *l)).collect();
        assert_eq!(names, vec![("Trump", Person), ("Putin", Person), ("Trump", Person), ("Putin", Person)]);
        assert_eq!(f[0].2, f[2].2);
        assert_eq!(f[1].2, f[3].2);
        assert_ne!(f[0].2, f[1].2);
    }

    #[test]
    fn a_headline_word_the_body_writes_in_lower_case_is_no_name() {
        use EntityLabel::{Loc, Org};
        let text = "Summit In Alaska Ends . The summit in Alaska ended";
        let mut a = ann(text, 4, &[(0..1, Org), (2..3, Loc), (8..9, Loc)]);
        link(text, &mut a);
        let f = found(text, &a);
        let names: Vec<&str> = f.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(names, vec!["Alaska", "Alaska"]);
        assert_eq!(f[0].2, f[1].2);
    }

    #[test]
    fn apostrophes_and_case_do_not_make_two_people() {
        use EntityLabel::Person;
        let text = "JAMES O’NEILL RESIGNS . James O’Neill left . O'Neill said";
        let mut a = ann(text, 0, &[(0..2, Person), (4..6, Person), (8..9, Person)]);
        link(text, &mut a);
        let ids: Vec<usize> = a.entities.iter().map(|e| e.entity).collect();
        assert_eq!(ids, vec![0, 0, 0]);
    }

    #[test]
    fn different_names_stay_different_entities() {
        use EntityLabel::{Loc, Person};
        let text = "Marco Rubio met Sergey Lavrov in Moscow";
        let mut a = ann(text, 0, &[(0..2, Person), (3..5, Person), (6..7, Loc)]);
        link(text, &mut a);
        let ids: Vec<usize> = a.entities.iter().map(|e| e.entity).collect();
        assert_eq!(ids, vec![0, 1, 2]);
    }
}
