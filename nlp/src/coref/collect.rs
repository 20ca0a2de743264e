//! Gathering mentions: the sources quotes name, the names of people and
//! organisations, roles given in apposition, and bare surnames the entity
//! recogniser missed; then grouping the names.

use std::collections::HashMap;

use super::cluster::Cluster;
use super::doc::Doc;
use super::lexicon::{Class, lexicon};
use super::mention::{Determiner, Form, Mention, Role, analyse, title_start, with_normal};
use crate::annotation::EntityLabel;
use crate::tag::hash::{PrehashedMap, hash_bytes};
use crate::text::Span;

/// Every mention, in text order, and what points at each.
#[derive(Debug, Default)]
pub struct Mentions {
    /// The mentions, sorted by position.
    pub list: Vec<Mention>,
    /// (mention, quote) for every quote naming a mention as its source
    /// (pairs, not a list per mention: most mentions have none, and a
    /// vector each would cost more than the pairs on long texts).
    pub quotes: Vec<(u32, u32)>,
    /// (mention, entity) for every entity a mention stands for.
    pub entities: Vec<(u32, u32)>,
    /// (mention, probe) for every span the caller asked to have resolved.
    pub probes: Vec<(u32, u32)>,
}

/// Longest apposition read next to a name ("a professor at Georgetown").
const APPOSITION_WORDS: usize = 8;

/// Collect the mentions of `doc`, then group the names into `clusters`;
/// `probes` are spans to be taken as mentions too (a mention already found
/// at the same tokens stands for its probe).
pub fn collect(doc: &Doc<'_>, clusters: &mut Vec<Cluster>, probes: &[Span]) -> Mentions {
    let mut found = Mentions::default();
    let mut by_span: HashMap<Span, usize> = HashMap::new();
    for (qi, q) in doc.ann.quotes.iter().enumerate() {
        let Some(source) = q.source else { continue };
        if let Some(&at) = by_span.get(&source) {
            found.quotes.push((index32(at), index32(qi)));
            continue;
        }
        if let Some(mut m) = analyse(doc, doc.tokens_in(source)) {
            // "The developer, Bayline Partners, said": the name speaks.
            if let Some(named) = apposed_name(doc, &m).and_then(|name| analyse(doc, name)) {
                m = named;
            }
            m.is_source = true;
            m.in_content = false;
            if m.form == Form::Name {
                appositions(doc, &mut m);
            }
            by_span.insert(source, found.list.len());
            found.quotes.push((index32(found.list.len()), index32(qi)));
            found.list.push(m);
        }
    }
    drop(by_span);
    // For each token, the named source whose name covers it (`NONE` for none).
    let mut owner: Vec<u32> = vec![NONE; doc.len()];
    for (at, m) in found.list.iter().enumerate() {
        let Some(name) = m.name_span else { continue };
        for slot in owner.get_mut(doc.tokens_in(name)).into_iter().flatten() {
            *slot = index32(at);
        }
    }
    // Tokens before this belong to the last name taken from an entity.
    let mut joined_until = 0;
    for (ei, e) in doc.ann.entities.iter().enumerate() {
        if !matches!(e.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc)
            || doc.in_dateline(e.tokens.start)
        {
            continue;
        }
        // An entity inside a named source is that source's name.
        let named_source = e.tokens.clone().find_map(|i| owner.get(i).copied().filter(|&o| o != NONE));
        if let Some(at) = named_source {
            found.entities.push((at, index32(ei)));
            continue;
        }
        if e.tokens.start < joined_until {
            if let Some(last) = found.list.len().checked_sub(1) {
                found.entities.push((index32(last), index32(ei)));
            }
            continue;
        }
        let end = if e.label == EntityLabel::Person { name_end(doc, e.tokens.end) } else { e.tokens.end };
        let from = title_start(doc, e.tokens.start);
        let Some(mut m) = analyse(doc, from..end) else { continue };
        if m.form != Form::Name {
            continue;
        }
        m.label = Some(e.label);
        appositions(doc, &mut m);
        joined_until = end;
        found.entities.push((index32(found.list.len()), index32(ei)));
        found.list.push(m);
    }
    drop(owner);
    let covered = covered_tokens(doc, &found.list);
    subject_descriptions(doc, &covered, &mut found.list);
    drop(covered);
    let order = text_order(&found.list);
    group_names(&mut found.list, &order, clusters);
    drop(order);
    for m in bare_surnames(doc, &found.list, clusters) {
        if let Some(c) = m.cluster.and_then(|ci| clusters.get_mut(ci)) {
            c.mentions.push(found.list.len());
        }
        found.list.push(m);
    }
    for (pi, &span) in probes.iter().enumerate() {
        let tokens = doc.tokens_in(span);
        let at = match found.list.iter().position(|m| m.tokens == tokens) {
            Some(at) => at,
            None => {
                let Some(m) = analyse(doc, tokens) else { continue };
                found.list.push(m);
                found.list.len() - 1
            }
        };
        found.probes.push((index32(at), index32(pi)));
    }
    into_text_order(&mut found, clusters);
    found
}

/// No mention, in per-token tables.
const NONE: u32 = u32::MAX;

/// An index that fits a per-token table (token counts stay far below `u32::MAX`).
fn index32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

/// For each token, whether some mention of `list` covers it.
fn covered_tokens(doc: &Doc<'_>, list: &[Mention]) -> Vec<bool> {
    let mut covered = vec![false; doc.len()];
    for m in list {
        for slot in covered.get_mut(m.tokens.clone()).into_iter().flatten() {
            *slot = true;
        }
    }
    covered
}

/// Where a person's name ends when the recogniser cut it at a particle
/// ("Ursula von" and "Leyen" in "Ursula von der Leyen"): past the
/// particles and the name that follows them.
fn name_end(doc: &Doc<'_>, end: usize) -> usize {
    let lex = lexicon();
    let particle = |i: usize| doc.is_lower(i) && lex.is(doc.word(i), Class::Particle);
    let Some(last) = end.checked_sub(1) else { return end };
    let mut k = end;
    while k < doc.len() && particle(k) {
        k += 1;
    }
    let cut = k > end || particle(last);
    if !cut || k >= doc.len() || doc.sentence_of(k) != doc.sentence_of(last) {
        return end;
    }
    if !(doc.is_capitalised(k) && doc.is_name_like(k)) {
        return end;
    }
    match doc.entity_of(k).and_then(|e| doc.ann.entities.get(e)) {
        Some(e) if e.label == EntityLabel::Person && e.tokens.start == k => e.tokens.end,
        Some(_) => end,
        None => k + 1,
    }
}

/// Indices of `list` by position in the text.
fn text_order(list: &[Mention]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by_key(|&i| (list[i].span.start, list[i].span.end));
    order
}

/// Put the mentions into text order in place (the lists are large on long
/// texts: no second copy) and renumber the clusters' mention indices.
fn into_text_order(found: &mut Mentions, clusters: &mut [Cluster]) {
    let order = text_order(&found.list);
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for c in clusters.iter_mut() {
        for i in &mut c.mentions {
            *i = new_index[*i];
        }
        c.mentions.sort_unstable();
    }
    for (m, _) in found.quotes.iter_mut().chain(&mut found.entities).chain(&mut found.probes) {
        *m = index32(new_index[*m as usize]);
    }
    drop(new_index);
    permute(&mut found.list, &order);
}

/// Reorder `v` so that position `k` holds what was at `order[k]`, by
/// following the permutation's cycles.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut cur = start;
        while !done[cur] {
            done[cur] = true;
            let src = order[cur];
            if src == start {
                break;
            }
            v.swap(cur, src);
            cur = src;
        }
    }
}

/// Descriptions of people that open a sentence before its verb ("My mother
/// has softened", "The former governor is") or before a relative clause or
/// participle set off by a comma, antecedents for later pronouns, added to
/// `out` unless a token of theirs is `covered`.
fn subject_descriptions(doc: &Doc<'_>, covered: &[bool], out: &mut Vec<Mention>) {
    let lex = lexicon();
    for s in &doc.ann.sentences {
        let mut i = s.tokens.start;
        // Past a leading conjunction or adverb and its comma ("But", "Still,").
        while i < s.tokens.end && (!doc.is_word(i) || doc.is_connective(i)) && i < s.tokens.start + 3 {
            i += 1;
        }
        if i >= s.tokens.end || !lex.is(doc.word(i), Class::Determiner) {
            continue;
        }
        let limit = s.tokens.end.min(i + 1 + APPOSITION_WORDS);
        let Some(end) = (i + 1..limit).find(|&j| doc.is_verb(j) || doc.is_clause_break(j)) else { continue };
        // "A senior official, who asked not to be named, said …": the
        // relative clause's pronoun is often the source the tagger finds.
        // So is a participle's ("The researchers, led by Ana Sousa, found …").
        let relative = doc.word(end) == ","
            && end + 1 < s.tokens.end
            && doc.is_lower(end + 1)
            && (lex.is(doc.word(end + 1), Class::Relative)
                || doc.ann.pos.get(end + 1).is_some_and(|p| p.as_str() == "VBN"));
        if !(doc.is_verb(end) || relative) || doc.in_content(i) {
            continue;
        }
        let head = doc.word(end - 1);
        if lex.noun(head).is_some_and(|e| matches!(e.class, Class::Role | Class::Person)) {
            let m = analyse(doc, i..end).filter(|m| m.form == Form::Nominal);
            out.extend(m.filter(|m| !m.tokens.clone().any(|k| covered.get(k).copied().unwrap_or(true))));
        }
    }
}

/// Roles given in apposition beside a name: "his Russian counterpart,
/// Vladimir Putin" and "Charles Kupchan, a professor at Georgetown,".
fn appositions(doc: &Doc<'_>, m: &mut Mention) {
    let lex = lexicon();
    let (start, end) = (m.tokens.start, m.tokens.end);
    party_mark(doc, m);
    if end < doc.len() && doc.word(end) == "," {
        let stop = (end + 1..doc.len().min(end + 1 + APPOSITION_WORDS))
            .find(|&i| doc.is_clause_break(i) || doc.word(i) == "." || doc.is_verb(i));
        if let Some(stop) = stop.filter(|&s| doc.is_clause_break(s) || doc.word(s) == ".") {
            take_apposition(doc, end + 1..stop, m, true);
        }
    }
    if start >= 2 && doc.word(start - 1) == "," {
        let from = start.saturating_sub(1 + APPOSITION_WORDS);
        let sentence = doc.sentence_of(start);
        let open = (from..start - 1)
            .rev()
            .take_while(|&i| !doc.is_clause_break(i) && !doc.is_verb(i) && doc.sentence_of(i) == sentence)
            .last();
        // A description starts at its determiner, or with the possessor
        // standing for one ("Trump’s envoy, Steve Witkoff").
        let det = open.and_then(|o| {
            (o..start - 1)
                .find(|&i| lex.is(doc.word(i), Class::Determiner) || doc.is_possessive_mark(i))
                .map(|i| if doc.is_possessive_mark(i) { o } else { i })
        });
        // "According to the average, Trump is up": a name that goes on
        // into its clause is not in apposition.
        let closed = apposition_closes(doc, end, sentence);
        if let Some(d) = det {
            take_apposition(doc, d..start - 1, m, closed);
        }
    }
}

/// The party and state in brackets after a name ("Sen. Sherrod Brown
/// (D-Ohio)"): the party as a role and a modifier, the state's words as
/// modifiers, so that "the Ohio Democrat" finds the name.
fn party_mark(doc: &Doc<'_>, m: &mut Mention) {
    // A source's span may hold the mark; the name ends before it.
    let open = m.name_span.map_or(m.tokens.end, |name| doc.tokens_in(name).end);
    if open >= doc.len() || doc.word(open) != "(" {
        return;
    }
    let Some(close) = (open + 1..doc.len().min(open + 8)).find(|&i| doc.word(i) == ")") else { return };
    let inside = Span::new(doc.token(open).end, doc.token(close).start);
    let Some((party, state)) = super::affiliation::party_and_state(inside.slice(doc.text)) else {
        return;
    };
    m.animacy = super::mention::Animacy::Person;
    if !m.roles.iter().any(|r| r.head == party) {
        m.roles.push(Role { head: party.to_owned(), titles: Vec::new(), ranks: Vec::new() });
    }
    m.mods.push(party.to_owned());
    m.mods.extend(state.split_whitespace().map(str::to_lowercase));
}

/// The tokens of the name a description is in apposition with ("The
/// developer, Bayline Partners,", "A spokeswoman for the company, Dana
/// Ruiz,", "One of them, Professor Kathy Jacobs,"): a person or
/// organisation named (after its title, if any) right after the
/// description and a comma, and closed by a comma or the sentence.
fn apposed_name(doc: &Doc<'_>, m: &Mention) -> Option<std::ops::Range<usize>> {
    use super::mention::Determiner;
    if m.form != Form::Nominal || m.determiner == Determiner::Bare || m.plural {
        return None;
    }
    let comma = doc.tokens_in(Span::new(m.span.start, m.description.end)).end;
    if comma >= doc.len() || doc.word(comma) != "," {
        return None;
    }
    // The name may follow its title ("the expert, Professor Kathy Jacobs,").
    let at = (comma + 1..doc.len()).find(|&i| !doc.is_title(i))?;
    let e = doc.entities_starting_in(at..at + 1).iter().find(|e| e.tokens.start == at)?;
    if !matches!(e.label, EntityLabel::Person | EntityLabel::Org)
        || doc.sentence_of(e.tokens.start) != doc.sentence_of(comma)
    {
        return None;
    }
    apposition_closes(doc, e.tokens.end, doc.sentence_of(comma)).then(|| e.tokens.clone())
}

/// True when a name in apposition ends at token `after`: a comma follows,
/// or `sentence` (the apposition's) has ended.
fn apposition_closes(doc: &Doc<'_>, after: usize, sentence: usize) -> bool {
    after >= doc.len() || doc.word(after) == "," || doc.sentence_of(after) != sentence
}

/// Add the role of description `range` to name mention `m`, when it is one
/// (any noun, when "the" opens it and the apposition is `closed` by a comma
/// after the name).
fn take_apposition(doc: &Doc<'_>, range: std::ops::Range<usize>, m: &mut Mention, closed: bool) {
    let Some(first) = range.clone().next() else { return };
    if !lexicon().is(doc.word(first), Class::Determiner) && !range.clone().any(|i| doc.is_possessive_mark(i))
    {
        return;
    }
    let Some(a) = analyse(doc, range) else { return };
    let is_role = a.roles.last().is_some_and(|r| lexicon().get(&r.head, Class::Role).is_some());
    // A name is what "the" description beside it says it is ("The
    // developer, Bayline Partners," "the assailant, John McGraw,"), whatever
    // the noun, unless the description ends a phrase of its own ("At the
    // rally, Clinton, who …").
    let after_preposition =
        first > 0 && doc.ann.pos.get(first - 1).is_some_and(|p| matches!(p.as_str(), "IN" | "TO"));
    let apposed = closed && a.determiner == Determiner::Definite && !after_preposition;
    if a.form == Form::Nominal && (is_role || apposed) && a.determiner != Determiner::Bare && !a.plural {
        m.roles.extend(a.roles);
        m.mods.extend(a.mods);
        if m.gender == super::lexicon::Gender::Unknown {
            m.gender = a.gender;
        }
    }
}

/// Give every name mention a cluster: the most-mentioned cluster whose
/// fullest name it matches, else a new one.
fn group_names(list: &mut [Mention], order: &[usize], clusters: &mut Vec<Cluster>) {
    // Clusters by the first and last word of each of their names: a match
    // shares one of them.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in order {
        let m = &mut list[i];
        let (Some(first), Some(last)) = (m.name.first(), m.name.last()) else { continue };
        let candidates = by_word.get(first).into_iter().chain(by_word.get(last)).flatten();
        let best = candidates
            .copied()
            .filter(|&ci| clusters[ci].accepts_name(&m.name) && clusters[ci].may_be_labelled(m.label))
            .max_by_key(|&ci| (clusters[ci].mentions.len(), ci));
        let ci = best.unwrap_or_else(|| {
            clusters.push(Cluster::default());
            clusters.len() - 1
        });
        if !clusters[ci].names.contains(&m.name) {
            for w in [first, last] {
                let entry = by_word.entry(w.clone()).or_default();
                if !entry.contains(&ci) {
                    entry.push(ci);
                }
            }
        }
        clusters[ci].add(i, m);
        m.cluster = Some(ci);
    }
}

/// Single capitalised tokens the recogniser missed that repeat a known
/// surname ("Trump" after "Donald Trump").
fn bare_surnames(doc: &Doc<'_>, list: &[Mention], clusters: &[Cluster]) -> Vec<Mention> {
    let mut surnames: PrehashedMap<usize> = PrehashedMap::default();
    for (ci, c) in clusters.iter().enumerate() {
        if let Some(last) = c.longest_name().and_then(<[String]>::last) {
            surnames.entry(hash_bytes(0, last.as_bytes())).or_insert(ci);
        }
    }
    let mut extra = Vec::new();
    if surnames.is_empty() {
        return extra;
    }
    let covered = covered_tokens(doc, list);
    for (i, &seen) in covered.iter().enumerate() {
        if seen || !doc.is_capitalised(i) || !doc.is_name_like(i) {
            continue;
        }
        let Some(&ci) = with_normal(doc.word(i), |w| surnames.get(&hash_bytes(0, w.as_bytes()))) else {
            continue;
        };
        if let Some(mut m) = analyse(doc, i..i + 1).filter(|m| m.form == Form::Name && m.name.len() == 1)
            && clusters[ci].longest_name().and_then(<[String]>::last) == m.name.last()
        {
            m.cluster = Some(ci);
            extra.push(m);
        }
    }
    extra
}
