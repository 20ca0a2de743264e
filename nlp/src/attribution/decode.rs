//! From role tags to attributions: contents joined across a split quote,
//! each given the nearest cue and the source nearest that cue, with
//! fallbacks for untagged sources and paragraphs that open with a quote.

use std::ops::Range;

use crate::annotation::{Act, Quote, QuoteKind};
use crate::attribution::cues;
use crate::attribution::layers::{self, Layers};
use crate::attribution::mention;
use crate::attribution::quotes;
use crate::attribution::standing;
use crate::attribution::tagger::{OUTSIDE, Role, begins, role};
use crate::entities::rules::names_a_time;
use crate::segment::article;
use crate::tag::features::{IS_PUNCT, IS_TITLE};
use crate::text::Span;

/// A run of tokens with one role (token indices into the article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The role.
    pub role: Role,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

impl Run {
    const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// An attribution being assembled, as token ranges.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Content fragments in text order.
    pub content: Vec<Range<usize>>,
    /// The cue, if any.
    pub cue: Option<Range<usize>>,
    /// The source, if any.
    pub source: Option<Range<usize>>,
}

impl Draft {
    /// True when a piece of the content overlaps `sentence` or the cue lies in it.
    fn touches(&self, sentence: &Range<usize>) -> bool {
        self.content.iter().any(|c| c.start < sentence.end && sentence.start < c.end)
            || self.cue.as_ref().is_some_and(|c| sentence.contains(&c.start))
    }

    /// First content token.
    #[must_use]
    pub fn start(&self) -> usize {
        self.content.first().map_or(0, |r| r.start)
    }

    /// One past the last content token.
    #[must_use]
    pub fn end(&self) -> usize {
        self.content.last().map_or(0, |r| r.end)
    }

    /// True when token `i` is inside a content fragment.
    #[must_use]
    pub fn covers(&self, i: usize) -> bool {
        self.content.iter().any(|r| r.contains(&i))
    }
}

/// What decoding carries from one paragraph to the next.
#[derive(Debug, Clone, Default)]
pub struct Carry {
    /// The source of the last attribution.
    pub last_source: Option<Range<usize>>,
    /// The last attribution (its index in the output) when it is a
    /// quotation that closes in its paragraph's last sentence: a paragraph
    /// that is all one quotation, with no cue, goes on with it.
    pub open_quotation: Option<usize>,
    /// The article is a transcript: at least [`TRANSCRIPT_TURNS`] of its
    /// paragraphs open with a speaker's name in capitals and a colon.
    pub transcript: bool,
}

impl Carry {
    /// What decoding starts an article with.
    #[must_use]
    pub fn new(l: &Layers<'_>) -> Self {
        let turns = l.paragraphs.iter().filter(|p| speaker_label(l, p).is_some()).count();
        Self { transcript: turns >= TRANSCRIPT_TURNS, ..Self::default() }
    }
}

/// Paragraphs that open with a name in capitals and a colon in a transcript.
const TRANSCRIPT_TURNS: usize = 3;

/// "WALLACE: Let's start with …": the name in capitals (at most three
/// words, after an opening quotation mark if any) and the colon that open
/// a paragraph.
fn speaker_label(l: &Layers<'_>, para: &Range<usize>) -> Option<(Range<usize>, usize)> {
    let start = if opens_quote(l, para.start) { para.start + 1 } else { para.start };
    let capitals = |i: usize| {
        let w = l.tokens[i].span.slice(l.text);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let colon = (start..para.end.min(start + 4)).find(|&i| !capitals(i))?;
    (colon > start && l.tokens[colon].span.slice(l.text) == ":").then_some((start..colon, colon))
}

/// In a transcript, a paragraph that opens with a speaker's name and a
/// colon is what they said; a content the tagger ran over the name, or gave
/// the colon as its cue, gives way.
fn transcript_turn(l: &Layers<'_>, para: &Range<usize>, carry: &Carry, drafts: &mut Vec<Draft>) {
    let Some((name, colon)) = speaker_label(l, para).filter(|_| carry.transcript) else { return };
    let content = words_before_the_stop(l, colon + 1..para.end);
    if content.len() < MIN_CLAUSE {
        return;
    }
    // Reports inside the turn keep their own attribution.
    drafts.retain(|d| d.start() > colon && d.cue.as_ref().is_some_and(|c| c.start > colon));
    drafts.push(Draft { content: vec![content], cue: Some(colon..colon + 1), source: Some(name) });
    drafts.sort_by_key(Draft::start);
}

/// The role runs of a paragraph's labels (`labels[k]` for token `para.start + k`).
#[must_use]
pub fn runs(para: Range<usize>, labels: &[usize]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (k, &l) in labels.iter().enumerate() {
        let i = para.start + k;
        match role(l) {
            Some((r, part)) if !begins(part) && out.last().is_some_and(|x| x.role == r && x.end == i) => {
                if let Some(last) = out.last_mut() {
                    last.end = i + 1;
                }
            }
            Some((r, _)) => out.push(Run { role: r, start: i, end: i + 1 }),
            None => {}
        }
    }
    out
}

/// True when the tokens between two content runs are a split quote's
/// attribution: a closing mark, at most one source and one cue, a few
/// other words, and an opening mark.
fn splits_quote(l: &Layers<'_>, runs: &[Run], gap: Range<usize>) -> bool {
    if gap.is_empty() || gap.len() > 14 {
        return false;
    }
    let first = l.quote[gap.start.saturating_sub(1)..gap.end].iter().any(|q| q.flags & quotes::CLOSING != 0);
    let last =
        l.quote[gap.start..(gap.end + 1).min(l.quote.len())].iter().any(|q| q.flags & quotes::OPENING != 0);
    if !first || !last {
        return false;
    }
    let inside = |r: &&Run| r.start >= gap.start && r.end <= gap.end;
    let sources = runs.iter().filter(inside).filter(|r| r.role == Role::Source).count();
    let cues = runs.iter().filter(inside).filter(|r| r.role == Role::Cue).count();
    sources <= 1 && cues <= 1
}

/// True when a cue follows the content run `r` in its own sentence: the
/// quotation after a split has its own report ("“…,” Warren said. “…” to
/// drive up the price, she said.") and is not the first one's second half.
fn reported_after(l: &Layers<'_>, runs: &[Run], r: &Run) -> bool {
    let sentence_of = |i: usize| l.sentence_of.get(i).copied();
    let Some(sentence) = r.end.checked_sub(1).and_then(sentence_of) else { return false };
    runs.iter().any(|x| x.role == Role::Cue && x.start >= r.end && sentence_of(x.start) == Some(sentence))
}

/// True when the tokens of `gap` are only quotation marks.
fn only_marks(l: &Layers<'_>, gap: Range<usize>) -> bool {
    gap.into_iter()
        .all(|i| l.quote.get(i).is_some_and(|q| q.flags & (quotes::OPENING | quotes::CLOSING) != 0))
}

/// Longest run of untagged words inside one content.
const MAX_PLAIN_GAP: usize = 12;

/// Group the content runs of a paragraph into drafts.
fn group(l: &Layers<'_>, runs: &[Run]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for r in runs.iter().filter(|r| r.role == Role::Content) {
        if let Some(d) = drafts.last_mut() {
            let gap = d.end()..r.start;
            // A content broken by a few untagged words of its own sentence is one.
            let plain = gap.len() <= MAX_PLAIN_GAP
                && gap.clone().all(|i| l.sentence_of[i] == l.sentence_of[r.start])
                && !runs.iter().any(|x| x.role != Role::Content && x.start < gap.end && x.end > gap.start);
            if only_marks(l, gap.clone()) || plain {
                if let Some(last) = d.content.last_mut() {
                    last.end = r.end;
                }
                continue;
            }
            // Only a quotation is split by its report ("“A,” she said, “B.”"):
            // after reported words with quoted ones, the next quotation is a
            // report of its own ("She says it is “rigged.” She adds, “…”").
            let quoted = (d.start().saturating_sub(1)..=d.start()).any(|i| opens_quote(l, i));
            if quoted && splits_quote(l, runs, gap) && !reported_after(l, runs, r) {
                d.content.push(r.range());
                continue;
            }
        }
        drafts.push(Draft { content: vec![r.range()], ..Draft::default() });
    }
    drafts
}

/// Extra cost of a cue or source in another sentence than its anchor.
const OTHER_SENTENCE: usize = 12;
/// Costlier pairings are not made.
const MAX_COST: usize = 40;

/// Extra cost of a source with another attribution's content between it and its cue.
const ACROSS_CONTENT: usize = 16;

/// Cost of pairing `r` with `anchor` (a content or a cue): the tokens
/// between them, more across sentences; when a content of the paragraph
/// lies between them, `None`, or with `across` a higher cost.
fn cost(
    l: &Layers<'_>,
    in_content: &dyn Fn(usize) -> bool,
    anchor: Range<usize>,
    r: Range<usize>,
    across: bool,
) -> Option<usize> {
    let gap = if r.end <= anchor.start {
        r.end..anchor.start
    } else if r.start >= anchor.end {
        anchor.end..r.start
    } else {
        return Some(0);
    };
    let crossed = gap.clone().any(in_content);
    if crossed && !across {
        return None;
    }
    let near = if r.end <= anchor.start { anchor.start } else { anchor.end.saturating_sub(1) };
    let far = if r.end <= anchor.start { r.end.saturating_sub(1) } else { r.start };
    let crossing = l.sentence_of[near].abs_diff(l.sentence_of[far]) as usize;
    let c = gap.len() + crossing * OTHER_SENTENCE + usize::from(crossed) * ACROSS_CONTENT;
    (c <= MAX_COST).then_some(c)
}

/// Choose the cue of a draft among the cue runs: one inside a split
/// quote first, then the cheapest (see [`cost`]).
fn choose_cue(
    l: &Layers<'_>,
    para: &Range<usize>,
    in_content: &dyn Fn(usize) -> bool,
    d: &Draft,
    runs: &[Run],
) -> Option<Range<usize>> {
    // ", saying …" reports what follows it, never what came before the
    // comma (", according to …" does).
    let leads_on = |r: &Run| {
        r.start >= d.end()
            && l.pos[r.start].as_str() == "VBG"
            && !l.tokens[r.start].span.slice(l.text).eq_ignore_ascii_case("according")
            && r.start > 0
            && is_comma(l, r.start - 1)
    };
    let cues = runs.iter().filter(|r| r.role == Role::Cue && !d.covers(r.start) && !leads_on(r));
    if let Some(r) = cues.clone().find(|r| r.start > d.start() && r.end < d.end()) {
        return Some(r.range());
    }
    // "…, a claim that …": a noun phrase after the content names it, and
    // is its cue only where no verb nearer reports it.
    let naming = |r: &Run| r.start >= d.end() && l.pos[r.start].as_str() == "DT";
    let tagged = cues
        .filter_map(|r| {
            let c = cost(l, in_content, d.start()..d.end(), r.range(), false)?;
            Some((c + usize::from(naming(r)) * NAMING_CUE, r.range()))
        })
        .min_by_key(|(c, r)| (*c, r.start));
    tagged.or_else(|| lexicon_cue(l, para, in_content, d)).map(|(_, r)| r)
}

/// Extra cost of a noun phrase after a content that names it ("a claim").
const NAMING_CUE: usize = 4;

/// Extra cost of a cue the tagger did not mark but the lexicon does.
const UNTAGGED_CUE: usize = 6;

/// The cheapest likely cue by the lexicon alone, for a content the tagger
/// left without one.
fn lexicon_cue(
    l: &Layers<'_>,
    para: &Range<usize>,
    in_content: &dyn Fn(usize) -> bool,
    d: &Draft,
) -> Option<(usize, Range<usize>)> {
    let lo = l.sentence(d.start()).start.saturating_sub(MAX_COST).max(para.start);
    let hi = (l.sentence(d.end() - 1).end + MAX_COST).min(para.end);
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut i = lo;
    while i < hi {
        if !l.strong[i] || in_content(i) || d.covers(i) {
            i += 1;
            continue;
        }
        let end = if l.cue[i].phrase_start { cues::phrase_end(&l.cue, i) } else { i + 1 };
        if let Some(c) = cost(l, in_content, d.start()..d.end(), i..end, false)
            && best.as_ref().is_none_or(|(b, _)| c + UNTAGGED_CUE < *b)
        {
            best = Some((c + UNTAGGED_CUE, i..end));
        }
        i = end;
    }
    best.filter(|(c, _)| *c <= MAX_COST)
}

/// Cost (doubled, see [`choose_source`]) beyond which a tagged source is far.
const FAR_SOURCE: usize = 30;

/// Choose the source: the cheapest tagged source run from the cue (or from
/// the content when there is no cue) unless it is far; else the subject of
/// the cue in its sentence's tree, or a mention found by shape in the cue's
/// sentence (see [`mention`]).
fn choose_source(
    l: &Layers<'_>,
    para: &Range<usize>,
    in_content: &dyn Fn(usize) -> bool,
    d: &Draft,
    cue: Option<Range<usize>>,
    runs: &[Run],
) -> Option<Range<usize>> {
    let anchor = cue.clone().unwrap_or_else(|| d.start()..d.end());
    let tagged = runs
        .iter()
        .filter(|r| r.role == Role::Source && !d.covers(r.start))
        // A mention inside a quotation speaks only for attributions inside it.
        .filter(|r| l.quote[r.start].depth <= l.quote[anchor.start].depth)
        .filter_map(|r| {
            let c = cost(l, in_content, anchor.clone(), r.range(), true)?;
            // Between equals, the mention before the cue is the subject.
            Some((2 * c + usize::from(r.start >= anchor.end), r))
        })
        .min_by_key(|&(c, r)| (c, r.start));
    // "Asked what went wrong, the mayor said …": the one answering did not
    // ask; whoever asked speaks only when named by "by" ("Asked by Holt").
    if let Some(cue) = cue.as_ref()
        && opens_as_a_participle(l, cue)
        && d.start() >= cue.end
        && is_comma(l, d.end())
    {
        let by = l.tokens.get(cue.end).is_some_and(|t| t.span.slice(l.text).eq_ignore_ascii_case("by"));
        if !by {
            return None;
        }
        let agent = cue.end + 1;
        return tagged
            .filter(|(_, r)| r.start == agent)
            .map(|(_, r)| r.range())
            .or_else(|| name_at(l, agent));
    }
    let excluded = |i: usize| d.covers(i) || in_content(i);
    // ", saying …" speaks for the subject of the clause before it.
    // The tagger often marks the nearest noun phrase instead ("in Tulsa,
    // Oklahoma, arguing"); the tree is read for these cues alone.
    if let Some(cue) = cue.as_ref()
        && l.pos[cue.start].as_str() == "VBG"
        && cue.start > 0
        && is_comma(l, cue.start - 1)
        && let Some(s) = tree_source(l, cue, &excluded)
    {
        return Some(s);
    }
    // A mention inside a relative clause between the subject and the cue
    // ("Germany, whose carmakers sell cars in China, has warned") is not
    // who speaks: the subject the clause describes is.
    if let (Some(cue), Some((_, r))) = (cue.as_ref(), tagged)
        && let Some(s) = described_subject(l, r.range(), cue, &excluded)
    {
        return Some(s);
    }
    // A tagged mention far from the cue loses to one found by shape beside it.
    if let Some((c, r)) = tagged
        && (c <= FAR_SOURCE || cue.is_none())
    {
        if let Some(name) = apposed_name_before(l, d, r.range()) {
            return Some(name..r.end);
        }
        // "Nicole Moore, president of Drivers United, a group that says …":
        // what a group or a thing says is not said by the person before it.
        if let Some(cue) = cue.as_ref()
            && r.end <= cue.start
            && r.end + 1 >= cue.start
            && let Some(that) = non_personal_relative(l, r.range())
        {
            return Some(that..that + 1);
        }
        return Some(r.range());
    }
    let fallback = cue.as_ref().and_then(|cue| {
        let sentence = within(l.sentence(cue.start), para);
        let named = mention::nearest_named(l, cue.start, sentence.start, &excluded)
            .map(|n| described_subject(l, n.clone(), cue, &excluded).unwrap_or(n));
        // A name that opens the sentence is its subject: no tree is needed.
        if named.as_ref().is_some_and(|n| n.start == sentence.start) {
            return named;
        }
        tree_source(l, cue, &excluded)
            .or(named)
            .or_else(|| mention::subject_before(l, cue, sentence.start, &excluded))
            .or_else(|| mention::subject_after(l, cue, sentence.end, &excluded))
    });
    fallback.or_else(|| tagged.map(|(_, r)| r.range()))
}

/// The subject a relative clause describes, when mention `r` lies inside
/// the clause, between that subject and `cue`: the cue's subject in the
/// tree if it comes before the clause, else the noun phrase just before
/// it (a place that stands for its government too).
fn described_subject(
    l: &Layers<'_>,
    r: Range<usize>,
    cue: &Range<usize>,
    excluded: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let opening = relative_clause_around(l, r, cue.start)?;
    tree_source(l, cue, excluded).filter(|s| s.end <= opening).or_else(|| {
        standing::speaking_or_place(
            l,
            mention::subject_before(l, &(opening..opening), l.sentence(opening).start, excluded),
        )
    })
}

/// True when token `i` is in a person's or an organisation's name.
fn in_a_name(l: &Layers<'_>, i: usize) -> bool {
    matches!(l.entity[i] & 7, standing::PERSON | standing::ORG)
}

/// The start of the name that ends right before the comma at `comma`
/// ("Volkswagen, the country's largest carmaker"), if one does.
fn name_before_comma(l: &Layers<'_>, comma: usize, floor: usize) -> Option<usize> {
    let mut k = comma;
    while k > floor && comma - k < MAX_NAME && in_a_name(l, k - 1) {
        k -= 1;
    }
    (k < comma).then_some(k)
}

/// Most words of a name read before an apposition.
const MAX_NAME: usize = 6;

/// "… would hurt jobs, and Volkswagen, the country's largest carmaker,
/// said …": a content that ends in "and" (or "but") and a name standing
/// in apposition before the source the tagger marked for the next report
/// does not take the name, nor the "and" before it.
fn names_before_an_apposed_source(l: &Layers<'_>, runs: &[Run], drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let Some(last) = d.content.last_mut() else { continue };
        let comma = last.end;
        // Runs are in text order: one lookup, not a scan, per draft.
        let at = runs.partition_point(|r| r.start <= comma);
        let apposed = runs.get(at).is_some_and(|r| r.role == Role::Source && r.start == comma + 1);
        if !apposed || comma >= l.tokens.len() || !is_comma(l, comma) {
            continue;
        }
        let Some(name) = name_before_comma(l, comma, last.start) else { continue };
        // Not a list of names ("Giles, Millis and Harold Doley").
        let joined = name > last.start + 2
            && l.pos[name - 1].as_str() == "CC"
            && !in_a_name(l, name - 2)
            && !(is_comma(l, name - 2) && in_a_name(l, name - 3));
        if joined {
            let mut end = name - 1;
            if is_comma(l, end - 1) {
                end -= 1;
            }
            last.end = end;
        }
    }
}

/// The comma that opens a relative clause (", which …,", ", whose …,")
/// holding `r` and closed before `cue`, if there is one.
fn relative_clause_around(l: &Layers<'_>, r: Range<usize>, cue: usize) -> Option<usize> {
    // A clause that long is no aside: the bounds keep decoding linear.
    if r.end > cue || cue - r.end > MAX_COST {
        return None;
    }
    let floor = l.sentence(r.start).start.max(r.start.saturating_sub(MAX_COST));
    let opening = (floor..r.start).rev().find(|&i| is_comma(l, i))?;
    let relative = l.pos.get(opening + 1).is_some_and(|p| matches!(p.as_str(), "WDT" | "WP" | "WP$"));
    let closed = (r.end.saturating_sub(1)..cue).any(|i| is_comma(l, i));
    (relative && closed).then_some(opening)
}

/// The start of a name in apposition before description `r` that the
/// tagger took as a source ("Volkswagen, the country's largest carmaker,
/// said"): the name speaks. Only a name opening its sentence or its own
/// clause (", and Volkswagen, …"), never one after a preposition.
fn apposed_name_before(l: &Layers<'_>, d: &Draft, r: Range<usize>) -> Option<usize> {
    if r.start < 2 || !is_comma(l, r.start - 1) || !matches!(l.pos[r.start].as_str(), "DT" | "PRP$") {
        return None;
    }
    let sentence = l.sentence(r.start).start;
    let name = name_before_comma(l, r.start - 1, sentence)?;
    let opens = name == sentence || (name > 1 && l.pos[name - 1].as_str() == "CC" && is_comma(l, name - 2));
    (!d.covers(name) && !matches!(l.pos[name].as_str(), "IN" | "TO") && opens).then_some(name)
}

/// The last word of mention `r` when it is "that" or "which" opening a
/// clause after an apposition ("…, a union that"): the words before it
/// name someone else.
fn non_personal_relative(l: &Layers<'_>, r: Range<usize>) -> Option<usize> {
    let last = r.end.checked_sub(1)?;
    let word = l.tokens[last].span.slice(l.text);
    let relative = word.eq_ignore_ascii_case("that") || word.eq_ignore_ascii_case("which");
    (relative && (r.start..last).any(|i| is_comma(l, i))).then_some(last)
}

/// The cue's subject in its sentence's tree, if it can speak.
fn tree_source(l: &Layers<'_>, cue: &Range<usize>, excluded: &dyn Fn(usize) -> bool) -> Option<Range<usize>> {
    standing::speaking(l, mention::subject_in_tree(l, cue, excluded))
}

/// The name of a person or an organisation that starts at token `i`.
fn name_at(l: &Layers<'_>, i: usize) -> Option<Range<usize>> {
    l.entity
        .get(i)
        .is_some_and(|&e| matches!(e & 7, standing::PERSON | standing::ORG))
        .then(|| i..i + standing::entity_len(l, i))
}

/// True when cue `cue` is a past participle opening its sentence, alone
/// or after a subordinating word ("Asked about …", "When asked whether …").
fn opens_as_a_participle(l: &Layers<'_>, cue: &Range<usize>) -> bool {
    let start = l.sentence(cue.start).start;
    l.pos.get(cue.start).is_some_and(|p| p.as_str() == "VBN")
        && cue.start - start <= 1
        && (start..cue.start).all(|i| matches!(l.pos[i].as_str(), "WRB" | "IN"))
}

/// `sentence` cut to the part inside `para` (the same sentence, unless a
/// very long paragraph is decoded in blocks).
fn within(sentence: Range<usize>, para: &Range<usize>) -> Range<usize> {
    sentence.start.max(para.start)..sentence.end.min(para.end)
}

/// True for a dash token (― — – --).
fn is_dash(l: &Layers<'_>, i: usize) -> bool {
    matches!(l.tokens[i].span.slice(l.text), "―" | "—" | "–" | "--")
}

/// A content that opens its paragraph with a dateline ("WASHINGTON
/// (Reuters) - The Fed said …", "RIVERMOUTH, Ore. (AP) — …") starts after
/// its dash: the place and the agency are not what was said.
fn past_a_dateline(l: &Layers<'_>, para: &Range<usize>, d: &mut Draft) {
    let Some(first) = d.content.first_mut() else { return };
    if let Some(start) = dateline_end(l, para, first) {
        first.start = start;
    }
}

/// Where the words of `span` start past the paragraph's dateline
/// ("RIVERMOUTH, Ore. (AP) —"), when `span` opens the paragraph with one
/// and goes on past it into a sentence.
fn dateline_end(l: &Layers<'_>, para: &Range<usize>, span: &Range<usize>) -> Option<usize> {
    if span.start != para.start {
        return None;
    }
    let words = (para.start..para.end).map(|i| l.tokens[i].span.slice(l.text));
    let start = para.start + article::dateline_end_of(words)?;
    (start < span.end).then_some(start)
}

/// "“…” ― Name": a quotation closed and followed by a dash and a name that
/// ends the paragraph. Returns (cue, source).
fn dash_byline(l: &Layers<'_>, para: &Range<usize>, d: &Draft) -> Option<(Range<usize>, Range<usize>)> {
    let mut i = d.end();
    while i < para.end && l.quote[i].flags & quotes::CLOSING != 0 {
        i += 1;
    }
    if i >= para.end || !is_dash(l, i) {
        return None;
    }
    let name = i + 1;
    let mut end = name;
    while end < para.end && end - name < 8 && l.words[end].flags & IS_PUNCT == 0 {
        end += 1;
    }
    let rest_is_punct = (end..para.end).all(|k| l.words[k].flags & IS_PUNCT != 0);
    let named = end > name && l.words[name].flags & IS_TITLE != 0;
    (named && rest_is_punct).then_some((i..i + 1, name..end))
}

/// "The New York Times reports:" ending a paragraph, and a quotation
/// opening the next one that has no cue of its own: the report before the
/// colon (or the colon alone) is the quotation's. Returns (cue, source).
fn colon_report(
    l: &Layers<'_>,
    para: &Range<usize>,
    d: &Draft,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let colon = para.start.checked_sub(1)?;
    if d.cue.is_some()
        || d.start() > para.start + 1
        || !opens_quote(l, para.start)
        || l.tokens[colon].span.slice(l.text) != ":"
    {
        return None;
    }
    let sentence = l.sentence(colon);
    let cue = (sentence.start..colon).rev().find(|&i| l.strong[i]).map_or(colon..colon + 1, |i| {
        let mut start = i;
        while start > sentence.start && l.cue[start].phrase != 0 && !l.cue[start].phrase_start {
            start -= 1;
        }
        let end = if l.cue[start].phrase_start { cues::phrase_end(&l.cue, start) } else { i + 1 };
        start..end.max(i + 1)
    });
    let excluded = |i: usize| d.covers(i);
    let source = tree_source(l, &cue, &excluded)
        .or_else(|| mention::nearest_named(l, cue.start, sentence.start, &excluded))
        .or_else(|| mention::subject_before(l, &cue, sentence.start, &excluded));
    Some((cue, source))
}

/// The byte span of a token range.
fn span(l: &Layers<'_>, r: &Range<usize>) -> Span {
    Span::new(l.tokens[r.start].span.start, l.tokens[r.end - 1].span.end)
}

/// Whether a content span is a direct quotation, mixed, or reported speech.
fn kind(l: &Layers<'_>, d: &Draft) -> QuoteKind {
    let (s, e) = (d.start(), d.end() - 1);
    let opened = l.quote[s].depth > 0 || l.quote[s].flags & quotes::OPENING != 0;
    let closed = l.quote[e].depth > 0 || l.quote[e].flags & quotes::CLOSING != 0;
    let whole =
        d.content.iter().flat_map(Clone::clone).all(|i| l.quote[i].depth > 0 || l.quote[i].flags != 0);
    if opened && closed && whole {
        QuoteKind::Direct
    } else if d
        .content
        .iter()
        .flat_map(Clone::clone)
        .any(|i| l.quote[i].flags & (quotes::OPENING | quotes::CLOSING) != 0)
    {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// Decode one paragraph's labels into attributions appended to `out`.
pub fn paragraph(
    l: &Layers<'_>,
    para: Range<usize>,
    labels: &[usize],
    carry: &mut Carry,
    out: &mut Vec<Quote>,
) {
    let mut runs = runs(para.clone(), labels);
    for r in runs.iter_mut().filter(|r| r.role == Role::Content) {
        // The end of the sentence before, a mark and at most a "that", is
        // not what was said ("… dispute that. “These studies …,” said Vega").
        let next = (r.start..r.end).find(|&i| l.sentence_of[i] != l.sentence_of[r.start]);
        if let Some(next) = next
            && next - r.start <= 2
            && (r.start..next)
                .all(|i| l.words[i].flags & IS_PUNCT != 0 || matches!(l.pos[i].as_str(), "IN" | "DT" | "WDT"))
        {
            r.start = next;
        }
    }
    let in_content = |i: usize| {
        i.checked_sub(para.start)
            .and_then(|k| labels.get(k))
            .is_some_and(|&x| matches!(role(x), Some((Role::Content, _))))
    };
    let continued = carry.open_quotation.take();
    let mut next_open = None;
    let mut drafts = group(l, &runs);
    split_at_reported_quotations(l, &runs, &mut drafts);
    for d in &mut drafts {
        d.cue = choose_cue(l, &para, &in_content, d, &runs);
    }
    let mut drafts = merge_continued(l, &runs, drafts);
    reports_around_an_inner_cue(l, &runs, &mut drafts);
    for d in &mut drafts {
        extend_to_sentence_end(l, &para, labels, d);
        end_at_a_semicolon(l, d);
    }
    clauses_of_idle_cues(l, &para, &runs, &mut drafts);
    asked_before_their_report(l, &para, &mut drafts);
    reports_before_a_comma(l, &para, &mut drafts);
    reports_before_said_and_a_name(l, &para, &mut drafts);
    reports_after_according_to(l, &para, &mut drafts);
    reports_before_according_to(l, &para, &mut drafts);
    headline_report(l, &para, &mut drafts);
    transcript_turn(l, &para, carry, &mut drafts);
    for d in &mut drafts {
        parenthetical_front(l, &para, d);
    }
    names_before_an_apposed_source(l, &runs, &mut drafts);
    let story_start = dateline_end(l, &para, &para);
    for mut d in drafts {
        past_a_dateline(l, &para, &mut d);
        if let Some((cue, source)) = dash_byline(l, &para, &d) {
            d.cue = Some(cue);
            d.source = Some(source);
        } else if let Some((cue, source)) = colon_report(l, &para, &d) {
            d.cue = Some(cue);
            d.source = source;
        } else {
            d.source =
                d.source.clone().or_else(|| choose_source(l, &para, &in_content, &d, d.cue.clone(), &runs));
        }
        // A dateline's place ("DENVER —") is where the story was filed, not who spoke.
        if d.source.as_ref().is_some_and(|s| story_start.is_some_and(|start| s.end < start)) {
            d.source = None;
        }
        let excluded = |i: usize| d.covers(i) || in_content(i);
        let source = standing::settle(l, &para, d.source.clone(), d.cue.as_ref(), &excluded);
        // A mention that cannot speak gives way to the cue's subject in the tree.
        let mut source = match (&source, &d.source, d.cue.as_ref()) {
            (None, Some(_), Some(cue)) => tree_source(l, cue, &excluded),
            _ => source,
        };
        // The source opening a wire story is who comes after its dateline.
        if let Some(s) = source.as_mut()
            && let Some(start) = dateline_end(l, &para, s)
        {
            s.start = start;
        }
        d.source = source;
        // A dateline's dash ("ATLANTA —") is no cue.
        if d.cue.as_ref().is_some_and(|c| story_start.is_some_and(|start| c.end <= start)) {
            d.cue = None;
        }
        // Every attribution has a cue: a content without one is more often a
        // title or a scare quote than speech, unless it is a paragraph of
        // quotation after one that closed with a quotation.
        if d.cue.is_none() {
            if let Some(k) = continued.filter(|_| whole_quotation(l, &para, &d))
                && let Some(q) = out.get_mut(k)
            {
                go_on(q, d.content.iter().map(|r| span(l, r)));
                next_open = Some(k);
            }
            continue;
        }
        let opens_para = l.quote[para.start].flags & quotes::OPENING != 0 && d.start() <= para.start + 1;
        if d.source.is_none() && opens_para {
            d.source.clone_from(&carry.last_source);
        }
        if d.source.is_some() {
            carry.last_source.clone_from(&d.source);
        }
        next_open = closes_paragraph(l, &para, &d).then_some(out.len());
        out.push(finish(l, &d));
    }
    carry.open_quotation = next_open;
}

/// A content carried over a sentence's end into a quotation that opens the
/// next sentence and has its own cue there ("… was over. “We are ready,”
/// said Diaz.") is two: the quotation is a content of its own.
fn split_at_reported_quotations(l: &Layers<'_>, runs: &[Run], drafts: &mut Vec<Draft>) {
    let mut k = 0;
    while let Some(d) = drafts.get_mut(k) {
        k += 1;
        let cut = d.content.iter().enumerate().find_map(|(f, c)| {
            let last = l.sentence_of[c.end - 1];
            let at = (c.start + 1..c.end).find(|&i| {
                l.sentence_of[i] == last
                    && l.sentence_of[i - 1] != last
                    && l.quote[i].flags & quotes::OPENING != 0
            })?;
            let reported = runs
                .iter()
                .any(|x| x.role == Role::Cue && x.start >= c.end && l.sentence_of[x.start] == last);
            reported.then_some((f, at))
        });
        let Some((f, at)) = cut else { continue };
        let before = words_before_the_stop(l, d.content[f].start..at);
        if before.is_empty() {
            continue;
        }
        let mut rest = d.content.split_off(f);
        d.content.push(before);
        rest[0].start = at;
        drafts.insert(k, Draft { content: rest, ..Draft::default() });
    }
}

/// "Demand was expected to break the record, the council said": the
/// tagger marks the passive inside a reported clause as its cue, splitting
/// the clause around it, and leaves the report after it without a content.
/// A content in one sentence split by a cue without a source of its own,
/// with an unclaimed cue and its source next to it in that sentence ("the
/// council said" after it, "According to the complaint," before it), is
/// that report's, whole.
fn reports_around_an_inner_cue(l: &Layers<'_>, runs: &[Run], drafts: &mut [Draft]) {
    let taken: Vec<Range<usize>> = drafts.iter().filter_map(|d| d.cue.clone()).collect();
    for d in drafts.iter_mut() {
        let (start, end) = (d.start(), d.end());
        if !d.cue.as_ref().is_some_and(|c| c.start > start && c.end < end) {
            continue;
        }
        let sentence = l.sentence_of[start];
        if l.sentence_of[end - 1] != sentence
            || opens_quote(l, start)
            || opens_quote(l, start.saturating_sub(1))
        {
            continue;
        }
        let in_sentence = |r: &&Run| l.sentence_of[r.start] == sentence && (r.start >= end || r.end <= start);
        if runs.iter().any(|r| r.role == Role::Source && r.start < end && r.end > start) {
            continue;
        }
        let unclaimed =
            |r: &&Run| r.role == Role::Cue && !taken.iter().any(|t| t.start < r.end && r.start < t.end);
        let Some(outer) = runs.iter().filter(in_sentence).find(unclaimed) else { continue };
        // Between the content and the cue only marks and the cue's source,
        // or the source on the cue's other side.
        let (near, far) = if outer.start >= end { (end, outer.start) } else { (outer.end, start) };
        let source_between = runs
            .iter()
            .filter(in_sentence)
            .find(|r| r.role == Role::Source && r.start >= near && r.end <= far);
        let marks_only = (near..far).all(|i| {
            l.words[i].flags & IS_PUNCT != 0 || source_between.is_some_and(|r| r.range().contains(&i))
        });
        let source_beside =
            runs.iter().any(|r| r.role == Role::Source && (r.start == outer.end || r.end == outer.start));
        if !marks_only || !(source_between.is_some() || source_beside) {
            continue;
        }
        d.cue = Some(outer.range());
        d.content.truncate(1);
        if let Some(c) = d.content.first_mut() {
            *c = start..end;
        }
    }
}

/// True when the draft's content is a quotation that closes in the last
/// sentence of `para`.
fn closes_paragraph(l: &Layers<'_>, para: &Range<usize>, d: &Draft) -> bool {
    let end = d.end();
    end <= para.end && closes_a_quotation(l, d) && l.sentence(end.saturating_sub(1)).end >= para.end
}

/// True when a closing quotation mark ends the draft's content or follows it.
fn closes_a_quotation(l: &Layers<'_>, d: &Draft) -> bool {
    let end = d.end();
    (end.saturating_sub(1)..=end).any(|i| l.quote.get(i).is_some_and(|q| q.flags & quotes::CLOSING != 0))
}

/// True when the paragraph is one quotation and the draft's content is it.
fn whole_quotation(l: &Layers<'_>, para: &Range<usize>, d: &Draft) -> bool {
    let opens = opens_quote(l, para.start) && d.start() <= para.start + 1;
    let inside = |i: usize| {
        let q = l.quote[i];
        q.flags & quotes::IN_UNCLOSED == 0 && q.depth > 0
            || q.flags & (quotes::OPENING | quotes::CLOSING) != 0
            || l.words[i].flags & IS_PUNCT != 0
    };
    opens && para.clone().all(inside) && d.end() + 2 >= para.end
}

/// Add the fragments of a content that goes on from `q` to it.
fn go_on(q: &mut Quote, more: impl Iterator<Item = Span>) {
    if q.content_fragments.is_empty() {
        q.content_fragments.push(q.content);
    }
    for f in more {
        q.content_fragments.push(f);
        q.content = q.content.cover(f);
    }
}

/// The tagger often stops a content early: carry its last fragment to the
/// end of its sentence when only untagged words lie between.
fn extend_to_sentence_end(l: &Layers<'_>, para: &Range<usize>, labels: &[usize], d: &mut Draft) {
    let cue_after = d.cue.as_ref().map(|c| c.start).filter(|&c| c >= d.end());
    let Some(last) = d.content.last_mut() else { return };
    // Never over the content's own cue.
    let mut stop = l.sentence(last.end - 1).end.min(para.end).min(cue_after.unwrap_or(usize::MAX));
    while stop > last.end && l.words[stop - 1].flags & IS_PUNCT != 0 {
        stop -= 1;
    }
    if (last.end..stop).all(|i| labels.get(i - para.start).is_some_and(|&x| x == OUTSIDE)) {
        last.end = last.end.max(stop);
    }
}

/// A reported content in one piece ends at a semicolon outside quotation
/// marks: what follows is the writer's next clause ("… was not intentional;
/// they only learned on Friday …").
fn end_at_a_semicolon(l: &Layers<'_>, d: &mut Draft) {
    let [only] = d.content.as_mut_slice() else { return };
    let semicolon = |i: usize| l.tokens[i].span.slice(l.text) == ";" && l.quote[i].depth == 0;
    if let Some(i) = (only.start + 1..only.end).find(|&i| semicolon(i)) {
        only.end = i;
    }
}

/// `range` without the punctuation that ends it.
fn words_before_the_stop(l: &Layers<'_>, range: Range<usize>) -> Range<usize> {
    let mut end = range.end;
    while end > range.start && l.words[end - 1].flags & IS_PUNCT != 0 {
        end -= 1;
    }
    range.start..end
}

/// Shortest clause taken as the content of an idle cue.
const MIN_CLAUSE: usize = 3;

/// A tagged cue ending in a reporting verb that no content took, followed by a clause ("that …", or a
/// subject and a finite verb) holding no content of its own, reports that
/// clause up to the end of its sentence. The tagger labels one layer, so
/// when the clause itself reports speech ("confirmed Trump spoke with …")
/// it marks the inner source and cue and leaves the outer content out.
fn clauses_of_idle_cues(l: &Layers<'_>, para: &Range<usize>, runs: &[Run], drafts: &mut Vec<Draft>) {
    let taken: Vec<Range<usize>> = drafts.iter().filter_map(|d| d.cue.clone()).collect();
    let has_content = |r: &Range<usize>| {
        drafts.iter().any(|d| d.content.iter().any(|c| c.start < r.end && r.start < c.end))
            || runs.iter().any(|x| x.role == Role::Content && x.start < r.end && r.start < x.end)
    };
    let mut found = Vec::new();
    for cue in runs.iter().filter(|r| r.role == Role::Cue) {
        if taken.iter().any(|t| t.start < cue.end && cue.start < t.end) {
            continue;
        }
        // Only a reporting verb governs a clause this way.
        let head = cue.end - 1;
        if l.cue[head].word & cues::STRONG == 0 || !l.pos[head].is_verb() {
            continue;
        }
        let sentence = within(l.sentence(cue.start), para);
        let start = match layers::complement(l.words, l.pos, cue.end - 1, sentence.end) {
            layers::THAT_CLAUSE => cue.end + 1,
            layers::BARE_CLAUSE => cue.end,
            _ => continue,
        };
        let clause = words_before_the_stop(l, start..sentence.end);
        let quoted = clause.clone().any(|i| l.quote[i].depth > 0);
        if clause.len() < MIN_CLAUSE || quoted || has_content(&clause) {
            continue;
        }
        found.push(Draft { content: vec![clause], cue: Some(cue.range()), source: None });
    }
    drafts.extend(found);
    drafts.sort_by_key(Draft::start);
}

/// True for a word that can be part of a short noun phrase naming a source.
fn nominal(l: &Layers<'_>, i: usize) -> bool {
    let tag = l.pos[i].as_str();
    tag.starts_with("NN") || matches!(tag, "DT" | "PRP" | "PRP$" | "JJ" | "POS" | "CD")
}

/// The sentences of `para`, each cut to the paragraph.
fn sentences<'l>(l: &'l Layers<'_>, para: &Range<usize>) -> impl Iterator<Item = Range<usize>> + 'l {
    let para = para.clone();
    let mut k = para.start;
    std::iter::from_fn(move || {
        (k < para.end).then(|| {
            let sentence = within(l.sentence(k), &para);
            k = sentence.end.max(k + 1);
            sentence
        })
    })
}

/// "The plant will close, the company said in a statement.": a sentence
/// that ends in a comma, a short noun phrase ("two people familiar with
/// the matter") and a verb of speech reports the clause before the comma.
/// The tagger often leaves such a sentence without any role, or takes only
/// the clause's object as the report's content, or reads a report of its
/// own inside the clause ("Investigators believe he acted alone, Moss
/// said"): the clause is the trailing report's whole content, and a report
/// inside it stays.
fn reports_before_a_comma(l: &Layers<'_>, para: &Range<usize>, drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    for sentence in sentences(l, para) {
        if sentence.clone().any(|i| l.quote[i].depth > 0 || l.quote[i].flags != 0) {
            continue;
        }
        // The report follows the sentence's last comma, or the one before
        // a noun phrase or a participle that comments on the whole ("…, the
        // company announced Wednesday, a move that …", "…, an official
        // said, adding that …").
        let commas = sentence.clone().rev().filter(|&i| is_comma(l, i));
        let comment = |stop: usize| {
            stop == sentence.end || l.pos.get(stop + 1).is_some_and(|p| matches!(p.as_str(), "DT" | "VBG"))
        };
        let Some((comma, verb, stop)) = commas
            .take(2)
            .find_map(|comma| report_after_comma(l, &sentence, comma).filter(|&(_, _, stop)| comment(stop)))
        else {
            continue;
        };
        let end = if l.cue[verb].phrase_start { cues::phrase_end(&l.cue, verb) } else { verb + 1 };
        let cue = verb..end;
        let clause = sentence.start..comma;
        let within = |r: &Range<usize>| r.start >= clause.start && r.end <= clause.end;
        // The tagger may have taken when they spoke for what they said
        // ("announced Wednesday, a move that …").
        let when = |i: usize| l.tokens.get(i).is_some_and(|t| names_a_time(t.span.slice(l.text)));
        let trailing = |r: &Range<usize>| r.start >= cue.end && r.start < stop && when(r.start);
        let ours =
            |d: &Draft| d.cue.as_ref() == Some(&cue) && d.content.iter().all(|r| within(r) || trailing(r));
        let inside = |d: &Draft| d.cue.as_ref().is_some_and(within) && d.content.iter().all(within);
        // Reports in a comment after the trailing report stay ("a move that
        // advocates said was overdue").
        let reporting = sentence.start..stop;
        let touching = || drafts.iter().filter(|d| d.touches(&reporting));
        if !touching().all(|d| ours(d) || inside(d)) {
            continue;
        }
        let mut reported = false;
        for d in drafts.iter_mut().filter(|d| ours(d)) {
            d.content = vec![clause.clone()];
            reported = true;
        }
        if !reported {
            found.push(Draft { content: vec![clause], cue: Some(cue), source: None });
        }
    }
    drafts.extend(found);
    drafts.sort_by_key(Draft::start);
}

/// The verb of speech after `comma` in `sentence`, after a short noun
/// phrase naming who speaks, when the clause before the comma reports
/// what they said, and what follows the verb up to the next comma (or the
/// sentence's end, returned) is short and no clause of its own ("…,
/// officials said the plan …" is not).
fn report_after_comma(
    l: &Layers<'_>,
    sentence: &Range<usize>,
    comma: usize,
) -> Option<(usize, usize, usize)> {
    if comma < sentence.start + MIN_CLAUSE {
        return None;
    }
    // The reported clause has a verb of its own.
    if !(sentence.start..comma).any(|i| l.pos[i].is_finite()) {
        return None;
    }
    let in_phrase = |i: usize| nominal(l, i) || (i > comma + 1 && l.pos[i].as_str() == "IN");
    let verb = (comma + 1..sentence.end).take(TRAILING_PHRASE + 1).find(|&i| !in_phrase(i))?;
    if l.cue[verb].word & cues::SPEECH == 0 || !l.pos[verb].is_verb() || verb == comma + 1 {
        return None;
    }
    let stop =
        (verb + 1..sentence.end).take(TRAILING_REST + 1).find(|&i| is_comma(l, i)).unwrap_or(sentence.end);
    let clause =
        matches!(layers::complement(l.words, l.pos, verb, stop), layers::THAT_CLAUSE | layers::BARE_CLAUSE);
    let ends_soon = (verb + 1..stop).filter(|&i| l.words[i].flags & IS_PUNCT == 0).count() <= TRAILING_REST;
    (!clause && ends_soon).then_some((comma, verb, stop))
}

/// Most words after the verb of a trailing report ("…, the company said in
/// a statement on Tuesday").
const TRAILING_REST: usize = 6;

/// Longest noun phrase taken as the source in "…, the company said".
const TRAILING_SOURCE: usize = 6;

/// Longest phrase, prepositions and all, taken as the source in "…, two
/// people familiar with the matter said".
const TRAILING_PHRASE: usize = 8;

/// "The talks were useful, said a senior official.": a clause, a comma, a
/// verb of speech and a noun phrase naming someone (a name, a pronoun, or a
/// noun for a reporter) that ends the sentence, perhaps with an apposition.
/// The tagger reads such a sentence as one long content or not at all;
/// whatever it made of the sentence gives way to this reading.
fn reports_before_said_and_a_name(l: &Layers<'_>, para: &Range<usize>, drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    for sentence in sentences(l, para) {
        if sentence.clone().any(|i| l.quote[i].depth > 0 || l.quote[i].flags != 0) {
            continue;
        }
        let finite = |i: usize| l.pos[i].is_finite();
        let comma = sentence.clone().find(|&i| {
            is_comma(l, i) && i + 1 < sentence.end && finite(i + 1) && l.cue[i + 1].word & cues::SPEECH != 0
        });
        let Some(comma) = comma.filter(|&c| c >= sentence.start + MIN_CLAUSE) else { continue };
        if !(sentence.start..comma).any(finite) {
            continue;
        }
        let verb = comma + 1;
        let end = (verb + 1..sentence.end).find(|&i| !nominal(l, i)).unwrap_or(sentence.end);
        let phrase = verb + 1..end;
        let names = phrase.clone().any(|i| {
            l.pos[i].is_proper_noun()
                || l.pos[i].as_str() == "PRP"
                || (l.pos[i].is_noun() && crate::coref::names_a_reporter(l.tokens[i].span.slice(l.text)))
        });
        // Only an apposition may follow the phrase: no verb of its own.
        let rest_plain = (end..sentence.end).all(|i| !l.pos[i].is_verb());
        if phrase.is_empty() || phrase.len() > TRAILING_SOURCE || !names || !rest_plain {
            continue;
        }
        drafts.retain(|d| !d.touches(&sentence));
        let clause = sentence.start..comma;
        found.push(Draft { content: vec![clause], cue: Some(verb..verb + 1), source: Some(phrase) });
    }
    drafts.extend(found);
    drafts.sort_by_key(Draft::start);
}

/// “You winning?” she said, …: a question or exclamation quoted and
/// followed by a short noun phrase naming someone and a verb of speech (or
/// the verb, then the name) is what they said, though the tagger, which
/// sees few such quotations, left it out. A content that took that verb as
/// its cue ("…, but Kevin was drifting off") gives way to it.
fn asked_before_their_report(l: &Layers<'_>, para: &Range<usize>, drafts: &mut Vec<Draft>) {
    let first_at = |pos: usize| l.tokens.partition_point(|t| t.span.start < pos);
    let (Some(opening), Some(closing)) =
        (l.tokens.get(para.start), para.end.checked_sub(1).and_then(|i| l.tokens.get(i)))
    else {
        return;
    };
    // Quotations are found paragraph by paragraph: those of this one follow
    // every earlier paragraph's and come before every later one's.
    let from = l.quotations.partition_point(|q| q.open.start < opening.span.start);
    let ours = l.quotations[from..].iter().take_while(|q| q.open.start < closing.span.end);
    let mut found = Vec::new();
    for q in ours {
        let Some(close) = q.close else { continue };
        let (inner, mark) = (first_at(q.content.start)..first_at(close.start), first_at(close.start));
        if q.depth > 0 || inner.is_empty() || !para.contains(&inner.start) || mark + 1 >= para.end {
            continue;
        }
        let last = l.tokens[inner.end - 1].span.slice(l.text);
        if !matches!(last, "?" | "!") || drafts.iter().any(|d| d.covers(inner.end - 1)) {
            continue;
        }
        // The sentence of what follows the mark (a quoted question may end a sentence of its own).
        let sentence = within(l.sentence(mark + 1), para);
        let speech = |i: usize| l.cue[i].word & cues::SPEECH != 0 && l.pos[i].is_verb();
        let names = |r: &Range<usize>| {
            !r.is_empty()
                && r.len() <= TRAILING_SOURCE
                && r.clone().all(|i| nominal(l, i))
                && r.clone().any(|i| l.pos[i].is_proper_noun() || l.pos[i].as_str() == "PRP")
        };
        let after = sentence.start.max(mark + 1);
        let phrase_end = (after..sentence.end).find(|&i| !nominal(l, i)).unwrap_or(sentence.end);
        let (cue, source) = if phrase_end < sentence.end && speech(phrase_end) && names(&(after..phrase_end))
        {
            (phrase_end..phrase_end + 1, after..phrase_end)
        } else if after < sentence.end && speech(after) {
            let end = (after + 1..sentence.end).find(|&i| !nominal(l, i)).unwrap_or(sentence.end);
            if !names(&(after + 1..end)) {
                continue;
            }
            (after..after + 1, after + 1..end)
        } else {
            continue;
        };
        drafts.retain(|d| d.cue.as_ref().is_none_or(|c| !c.contains(&cue.start)));
        found.push(Draft { content: vec![inner], cue: Some(cue), source: Some(source) });
    }
    drafts.extend(found);
    drafts.sort_by_key(Draft::start);
}

/// "The bridge, officials said, will reopen.": a reported clause that
/// starts right after a parenthetical ", source cue," also holds the
/// words before it, from the start of the sentence.
fn parenthetical_front(l: &Layers<'_>, para: &Range<usize>, d: &mut Draft) {
    let (Some(cue), Some(first)) = (d.cue.clone(), d.content.first().cloned()) else { return };
    if d.content.len() != 1 || first.start < 2 || cue.end + 1 != first.start {
        return;
    }
    let sentence = within(l.sentence(first.start), para);
    if !is_comma(l, cue.end) {
        return;
    }
    // The opening comma: before the source, which runs up to the cue.
    let Some(open) = (sentence.start..cue.start).rev().find(|&i| is_comma(l, i)) else { return };
    let phrase = open + 1..cue.start;
    let front = sentence.start..open;
    let plain = |r: &Range<usize>| r.clone().all(|i| l.quote[i].depth == 0 && l.quote[i].flags == 0);
    if phrase.is_empty() || phrase.len() > TRAILING_SOURCE || !phrase.clone().all(|i| nominal(l, i)) {
        return;
    }
    if front.is_empty() || !plain(&front) || !plain(&first) {
        return;
    }
    d.content.insert(0, front);
}

/// Longest source read between "according to" and its comma.
const ACCORDING_SOURCE: usize = 12;

/// "According to the report, prices rose.": a sentence that opens with a
/// phrase naming a source, the source and a comma reports the clause after
/// the comma, when the tagger found nothing in the sentence.
fn reports_after_according_to(l: &Layers<'_>, para: &Range<usize>, drafts: &mut Vec<Draft>) {
    let mut found = Vec::new();
    for sentence in sentences(l, para) {
        let start = sentence.start;
        if l.cue[start].phrase & cues::SOURCE == 0 || !l.cue[start].phrase_start {
            continue;
        }
        let touched = drafts.iter().any(|d| d.touches(&sentence));
        if touched || sentence.clone().any(|i| l.quote[i].depth > 0 || l.quote[i].flags != 0) {
            continue;
        }
        let cue_end = cues::phrase_end(&l.cue, start);
        let finite = |i: usize| l.pos[i].is_finite();
        // The comma after which a clause begins, past any apposition
        // ("According to Ann Lee, writing for the Herald, …").
        let comma = (cue_end..sentence.end.min(cue_end + ACCORDING_SOURCE + 1))
            .filter(|&i| is_comma(l, i))
            .find(|&c| {
                let next = (c + 1..sentence.end).find(|&i| is_comma(l, i)).unwrap_or(sentence.end);
                (c + 1..next).any(finite)
            });
        let Some(comma) = comma.filter(|&c| c > cue_end) else { continue };
        let clause = words_before_the_stop(l, comma + 1..sentence.end);
        if clause.len() < MIN_CLAUSE {
            continue;
        }
        found.push(Draft { content: vec![clause], cue: Some(start..cue_end), source: Some(cue_end..comma) });
    }
    drafts.extend(found);
    drafts.sort_by_key(Draft::start);
}

/// "Clinton leads by 271 delegates, according to a count by The AP.": a
/// sentence that ends with a comma, a phrase naming a source and the source
/// reports the whole clause before the comma, whatever part of it the
/// tagger gave that phrase (reports inside the clause keep their own).
fn reports_before_according_to(l: &Layers<'_>, para: &Range<usize>, drafts: &mut Vec<Draft>) {
    let finite = |i: usize| l.pos[i].is_finite();
    let mut found = Vec::new();
    for sentence in sentences(l, para) {
        let Some(cue_start) = (sentence.start + MIN_CLAUSE + 1..sentence.end)
            .find(|&i| l.cue[i].phrase & cues::SOURCE != 0 && l.cue[i].phrase_start && is_comma(l, i - 1))
        else {
            continue;
        };
        let cue = cue_start..cues::phrase_end(&l.cue, cue_start);
        let source = words_before_the_stop(l, cue.end..sentence.end);
        let plain = source.clone().all(|i| !finite(i) && l.quote[i].depth == 0 && !is_comma(l, i));
        if source.is_empty() || source.len() > ACCORDING_SOURCE || !plain {
            continue;
        }
        let clause = sentence.start..cue_start - 1;
        if !clause.clone().any(finite) || l.quote[clause.start].depth > 0 {
            continue;
        }
        let draft = Draft { content: vec![clause], cue: Some(cue.clone()), source: Some(source) };
        match drafts.iter_mut().find(|d| d.cue.as_ref() == Some(&cue)) {
            Some(d) => *d = draft,
            None => found.push(draft),
        }
    }
    drafts.extend(found);
    drafts.sort_by_key(Draft::start);
}

/// Most words before a headline's colon that can name who speaks.
const HEADLINE_SOURCE: usize = 6;

/// "Lynch: No outside influence on FBI probe": a headline that opens with a
/// phrase naming a person or an organisation and a colon gives them the
/// rest, whatever the tagger read in it.
fn headline_report(l: &Layers<'_>, para: &Range<usize>, drafts: &mut Vec<Draft>) {
    let p = l.paragraphs.partition_point(|x| x.end <= para.start);
    if !l.headline.get(p).copied().unwrap_or(false) {
        return;
    }
    let limit = para.end.min(para.start + HEADLINE_SOURCE + 1);
    let Some(colon) = (para.start + 1..limit).find(|&i| l.tokens[i].span.slice(l.text) == ":") else {
        return;
    };
    let phrase = para.start..colon;
    let named = phrase.clone().any(|i| matches!(l.entity[i] & 7, standing::PERSON | standing::ORG))
        && phrase.clone().all(|i| l.words[i].flags & IS_PUNCT == 0);
    let content = words_before_the_stop(l, colon + 1..para.end);
    if !named || content.len() < MIN_CLAUSE {
        return;
    }
    drafts.retain(|d| !d.touches(para));
    drafts.push(Draft { content: vec![content], cue: Some(colon..colon + 1), source: Some(phrase) });
    drafts.sort_by_key(Draft::start);
}

/// Merge a quotation into the attribution before it when both take the
/// same cue, or when it has none and directly follows ("A," he said. "B.").
/// A content that took the cue from the next sentence gives it up to the
/// content found there.
fn merge_continued(l: &Layers<'_>, runs: &[Run], drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(k) = continued_quotation(l, &out, &d) {
            out[k].content.extend(d.content);
            continue;
        }
        if let Some(prev) = out.last_mut() {
            let same_cue = d.cue.is_some() && d.cue == prev.cue;
            let follows = d.cue.is_none() && prev.cue.is_some() && opens_quote(l, d.start());
            if same_cue && (borrowed_cue(l, prev, &d) || inside_the_source(l, runs, prev)) {
                // The cue reports what its own sentence holds; the other
                // content had no cue of its own.
                *prev = d;
                continue;
            }
            if same_cue || follows {
                prev.content.extend(d.content);
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// The draft among `done` that `d` goes on from: `d` is a quotation that
/// opens the sentence after the one where that draft's quotation closes,
/// and has no cue in its own sentences, so the same speaker goes on,
/// whatever else the sentence between reports ("“…,” Mr. Obama said at the
/// dinner, where Mrs. Clinton also spoke. “Tolerance is on the ballot.”").
fn continued_quotation(l: &Layers<'_>, done: &[Draft], d: &Draft) -> Option<usize> {
    let sentence_of = |i: usize| l.sentence_of.get(i).copied();
    let own = sentence_of(d.start())?;
    let cue_before = d.cue.as_ref().is_none_or(|c| sentence_of(c.start).is_some_and(|s| s < own));
    if !cue_before || !opens_quote(l, d.start()) {
        return None;
    }
    for (k, prev) in done.iter().enumerate().rev() {
        let Some(before) = prev.end().checked_sub(1).and_then(sentence_of) else { continue };
        if before + 1 < own {
            break;
        }
        if before + 1 == own && closes_a_quotation(l, prev) && prev.cue.is_some() {
            return Some(k);
        }
    }
    None
}

/// True when the draft's content lies in a clause set off by commas between
/// a source and its cue, outside quotation marks: the clause tells of the
/// source ("One diplomat, who was not authorized to speak publicly, said
/// …"), not what was said.
fn inside_the_source(l: &Layers<'_>, runs: &[Run], d: &Draft) -> bool {
    let Some(cue) = d.cue.as_ref() else { return false };
    let sentence = l.sentence_of[cue.start];
    d.end() < cue.start
        && is_comma(l, cue.start - 1)
        && !opens_quote(l, d.start())
        && !opens_quote(l, d.start().saturating_sub(1))
        && runs.iter().any(|r| {
            r.role == Role::Source
                && r.end <= d.start()
                && (r.start..=r.end).any(|i| is_comma(l, i))
                && l.sentence_of[r.start] == sentence
        })
}

/// True when `prev` took a cue from another sentence that `d` has in its own.
fn borrowed_cue(l: &Layers<'_>, prev: &Draft, d: &Draft) -> bool {
    let sentence_of = |i: usize| l.sentence_of.get(i).copied();
    let Some(s) = prev.cue.as_ref().and_then(|cue| sentence_of(cue.start)) else { return false };
    prev.content.iter().all(|c| c.end.checked_sub(1).and_then(sentence_of) != Some(s))
        && d.content.iter().any(|c| sentence_of(c.start) == Some(s))
}

/// True when token `i` is a comma.
fn is_comma(l: &Layers<'_>, i: usize) -> bool {
    l.tokens.get(i).is_some_and(|t| t.span.slice(l.text) == ",")
}

/// True when token `i` opens a quotation.
fn opens_quote(l: &Layers<'_>, i: usize) -> bool {
    l.quote.get(i).is_some_and(|q| q.flags & quotes::OPENING != 0)
}

/// The quote of a finished draft, with byte spans and without a leading
/// "that" that only joins the content to its cue ("said that the plan …",
/// not "said that is hard …", where "that" is what is spoken of).
fn finish(l: &Layers<'_>, d: &Draft) -> Quote {
    let mut fragments: Vec<Span> = d.content.iter().map(|r| span(l, r)).collect();
    let finite = |i: usize| l.pos.get(i).is_some_and(|p| p.is_finite());
    // "that" as a subject: before its verb, after a verb or opening a
    // sentence (after a noun it is a relative pronoun: "attacks that helped").
    let spoken_of = |i: usize| {
        finite(i + 1)
            && i.checked_sub(1).is_none_or(|j| {
                l.pos[j].is_verb() || l.sentence_of[j] != l.sentence_of[i] || l.words[j].flags & IS_PUNCT != 0
            })
    };
    if let Some(first) = d.content.first()
        && first.len() > 1
        && l.tokens[first.start].span.slice(l.text).eq_ignore_ascii_case("that")
        && !spoken_of(first.start)
    {
        fragments[0].start = l.tokens[first.start + 1].span.start;
    }
    let content = fragments.iter().copied().reduce(Span::cover).unwrap_or_default();
    Quote {
        content,
        content_fragments: if fragments.len() > 1 { fragments } else { Vec::new() },
        cue: d.cue.as_ref().map(|r| span(l, r)),
        source: d.source.as_ref().map(|r| span(l, r)),
        speaker: None,
        kind: kind(l, d),
        act: Act::default(),
    }
}

// These tests build gold tags with the training code.
#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;
    use crate::Annotator;
    use crate::annotation::Quote;
    use crate::attribution::layers::Layers;
    use crate::text::Span;
    use crate::train::attribution::{Prepared, gold_labels};
    use crate::train::brat::{GoldAttribution, GoldDoc};

    /// The byte span of the `n`th occurrence of `needle` in `text`.
    fn find(text: &str, needle: &str, n: usize) -> Span {
        let at = text.match_indices(needle).nth(n).map_or(0, |(i, _)| i);
        Span::new(at, at + needle.len())
    }

    /// Each quote's content and source, as written in `text`.
    fn contents_and_sources<'t>(text: &'t str, quotes: &[Quote]) -> Vec<(&'t str, Option<&'t str>)> {
        quotes.iter().map(|q| (q.content.slice(text), q.source.map(|s| s.slice(text)))).collect()
    }

    /// The gold attribution of `text` made of the first `content`, `source` and `cue` in it.
    fn gold(text: &str, content: &str, source: &str, cue: &str) -> GoldAttribution {
        GoldAttribution {
            content: vec![find(text, content, 0)],
            source: vec![find(text, source, 0)],
            cue: vec![find(text, cue, 0)],
        }
    }

    /// Decode gold tags made from `attributions` over `text`.
    fn decode(text: &str, attributions: Vec<GoldAttribution>) -> Vec<Quote> {
        decode_with(text, attributions, false)
    }

    /// [`decode`], reading sentences' trees where decoding asks for them.
    fn decode_parsed(text: &str, attributions: Vec<GoldAttribution>) -> Vec<Quote> {
        decode_with(text, attributions, true)
    }

    fn decode_with(text: &str, attributions: Vec<GoldAttribution>, parsed: bool) -> Vec<Quote> {
        let annotator = Annotator::new().expect("models load");
        let (ann, words) = annotator.layers(text);
        let gold = GoldDoc { name: String::new(), text: text.to_owned(), attributions };
        let doc = Prepared { gold, ann, words };
        let labels = gold_labels(&doc);
        let mut layers = Layers::new(text, &doc.ann, &doc.words, annotator.cues());
        if parsed {
            layers = layers.with_parser(annotator.parser());
        }
        let mut carry = Carry::default();
        let mut out = Vec::new();
        for para in &layers.paragraphs {
            paragraph(&layers, para.clone(), &labels[para.clone()], &mut carry, &mut out);
        }
        out
    }

    #[test]
    fn a_participle_after_a_comma_speaks_for_its_clause_s_subject_whatever_the_tagger_marked() {
        let text = "Title\nHillary Clinton spoke out Tuesday about a shooting in Tulsa, Oklahoma, arguing that the killings must stop.";
        // The tagger's mistake: the place beside the cue marked as its source.
        let gold = gold(text, "the killings must stop", "Oklahoma", "arguing");
        assert_eq!(
            contents_and_sources(text, &decode_parsed(text, vec![gold])),
            vec![("the killings must stop", Some("Hillary Clinton"))]
        );
    }

    #[test]
    fn a_question_put_in_an_opening_participle_is_not_asked_by_the_one_answering() {
        let text = "Title\nAsked what had gone wrong in the talks, union leader Mick Dawson said the company had refused to move.";
        // The tagger's mistake: the one answering marked as who asked.
        let asked = gold(text, "what had gone wrong in the talks", "union leader Mick Dawson", "Asked");
        assert_eq!(
            contents_and_sources(text, &decode(text, vec![asked])),
            vec![("what had gone wrong in the talks", None)]
        );
        // Whoever asked speaks when named by "by".
        let text = "Title\nAsked by Holt whether jobs would return, the senator said yes.";
        let asked = gold(text, "whether jobs would return", "Holt", "Asked");
        let answered = gold(text, "yes", "the senator", "said");
        assert_eq!(
            contents_and_sources(text, &decode(text, vec![asked, answered])),
            vec![("whether jobs would return", Some("Holt")), ("yes", Some("the senator"))]
        );
        // Named by "by" where the tagger marked no one.
        let text = "Title\nAsked by Lester Holt whether jobs would return, the senator said yes.";
        let asked = GoldAttribution {
            content: vec![find(text, "whether jobs would return", 0)],
            cue: vec![find(text, "Asked", 0)],
            ..Default::default()
        };
        let answered = gold(text, "yes", "the senator", "said");
        assert_eq!(
            contents_and_sources(text, &decode(text, vec![asked, answered])),
            vec![("whether jobs would return", Some("Lester Holt")), ("yes", Some("the senator"))]
        );
    }

    #[test]
    fn a_mention_in_a_relative_clause_before_the_cue_gives_way_to_the_subject_it_describes() {
        let text = "Title\nGermany, whose carmakers sell millions of cars in China, has warned that a trade war would hurt jobs.";
        // The tagger's mistake: the noun phrase nearest the cue marked as its source.
        let gold = gold(text, "a trade war would hurt jobs", "millions of cars in China", "warned");
        assert_eq!(
            contents_and_sources(text, &decode_parsed(text, vec![gold])),
            vec![("a trade war would hurt jobs", Some("Germany"))]
        );
    }

    #[test]
    fn a_group_that_speaks_in_a_relative_clause_is_not_the_person_before_it() {
        let sources = |text: &str, source: &str, content: &str| -> Vec<Option<String>> {
            let gold = gold(text, content, source, "says");
            decode(text, vec![gold]).iter().map(|q| q.source.map(|s| s.slice(text).to_owned())).collect()
        };
        let text = "Title\nNicole Moore, president of Drivers United, a group that says it has 20,000 members, was there.";
        let tagged = "Nicole Moore, president of Drivers United, a group that";
        assert_eq!(sources(text, tagged, "it has 20,000 members"), vec![Some("that".to_owned())]);
        // "who" speaks for the person.
        let text = "Title\nTed Cole, a lawyer who says he has won 40 cases, was there.";
        let tagged = "Ted Cole, a lawyer who";
        assert_eq!(sources(text, tagged, "he has won 40 cases"), vec![Some(tagged.to_owned())]);
    }

    #[test]
    fn a_name_in_apposition_before_the_next_source_is_that_source_s_not_the_content_before() {
        let text = "Title\nOlaf Scholz warned that a trade war would hurt jobs, and Volkswagen, the country's largest carmaker, said the measures were wrong.";
        // The tagger's mistakes: the name taken into the content before, the
        // description alone as the source.
        let warned = gold(text, "a trade war would hurt jobs, and Volkswagen", "Olaf Scholz", "warned");
        let said = gold(text, "the measures were wrong", "the country's largest carmaker", "said");
        assert_eq!(
            contents_and_sources(text, &decode(text, vec![warned, said])),
            vec![
                ("a trade war would hurt jobs", Some("Olaf Scholz")),
                ("the measures were wrong", Some("Volkswagen, the country's largest carmaker"))
            ]
        );
        // A name after a preposition is no apposition ("Like Trump, the committee …").
        let text = "Title\nLike Donald Trump, the committee has dismissed the efforts of the delegates.";
        let dismissed = gold(text, "the efforts of the delegates", "the committee", "has dismissed");
        assert_eq!(
            contents_and_sources(text, &decode(text, vec![dismissed])),
            vec![("the efforts of the delegates", Some("the committee"))]
        );
    }

    #[test]
    fn a_split_quotation_is_one_attribution_with_fragments() {
        let text = "Title\n“We will win,” he said, “and soon.”";
        let gold = GoldAttribution {
            content: vec![find(text, "We will win,", 0), find(text, "and soon.", 0)],
            source: vec![find(text, "he", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let quotes = decode(text, vec![gold]);
        assert_eq!(quotes.len(), 1);
        let q = &quotes[0];
        assert_eq!(q.content_fragments.len(), 2);
        assert_eq!(q.source.map(|s| s.slice(text)), Some("he"));
        assert_eq!(q.cue.map(|s| s.slice(text)), Some("said"));
        assert_eq!(q.kind, QuoteKind::Direct);
    }

    #[test]
    fn a_following_quotation_without_cue_joins_the_one_before() {
        let text = "Title\n“We will win,” she said. “It is certain.”";
        let first = GoldAttribution {
            content: vec![find(text, "We will win,", 0)],
            source: vec![find(text, "she", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let second = GoldAttribution { content: vec![find(text, "It is certain.", 0)], ..Default::default() };
        let quotes = decode(text, vec![first, second]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].content_fragments.len(), 2);
    }

    #[test]
    fn a_quotation_with_its_own_report_is_cut_from_the_content_before_it() {
        let text = "Title\nOfficials said the review was over. “We are ready,” said Ana Diaz.";
        let tagged_as_one = GoldAttribution {
            content: vec![find(text, "the review was over. “We are ready,”", 0)],
            source: vec![find(text, "Officials", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let report = GoldAttribution {
            source: vec![find(text, "Ana Diaz", 0)],
            cue: vec![find(text, "said", 1)],
            ..Default::default()
        };
        let quotes = decode(text, vec![tagged_as_one, report]);
        let found = contents_and_sources(text, &quotes);
        assert_eq!(
            found,
            [("the review was over", Some("Officials")), ("“We are ready,”", Some("Ana Diaz"))]
        );
    }

    #[test]
    fn a_noun_phrase_naming_a_report_is_not_its_cue_where_a_verb_reports_it() {
        let text = "Title\nThe startup said on Monday that its cell could run a car for 600 miles, a claim that experts doubted.";
        let report = GoldAttribution {
            content: vec![find(text, "that its cell could run a car for 600 miles", 0)],
            source: vec![find(text, "The startup", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let naming = GoldAttribution {
            content: vec![find(text, "that experts doubted", 0)],
            cue: vec![find(text, "a claim", 0)],
            ..Default::default()
        };
        let quotes = decode(text, vec![report, naming]);
        let cue_of = |content: &str| {
            quotes
                .iter()
                .find(|q| q.content.slice(text).starts_with(content))
                .and_then(|q| q.cue)
                .map(|c| c.slice(text))
        };
        assert_eq!(cue_of("its cell"), Some("said"));
    }

    #[test]
    fn a_that_spoken_of_stays_in_the_content_and_a_that_joining_it_does_not() {
        for (text, content, shown) in [
            (
                "Title\nParents say that is hard to enforce.",
                "that is hard to enforce",
                "that is hard to enforce",
            ),
            (
                "Title\nParents say that the rule is hard to enforce.",
                "that the rule is hard to enforce",
                "the rule is hard to enforce",
            ),
        ] {
            let gold = GoldAttribution {
                content: vec![find(text, content, 0)],
                source: vec![find(text, "Parents", 0)],
                cue: vec![find(text, "say", 0)],
            };
            let quotes = decode(text, vec![gold]);
            assert_eq!(quotes.iter().map(|q| q.content.slice(text)).collect::<Vec<_>>(), [shown]);
        }
    }

    #[test]
    fn a_report_after_a_comma_takes_the_clause_from_its_start() {
        let text = "Title\nPolice on Thursday arrested a man suspected of theft, officials said.";
        let object_only = GoldAttribution {
            content: vec![find(text, "a man suspected of theft", 0)],
            source: vec![find(text, "officials", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let quotes = decode(text, vec![object_only]);
        let found = contents_and_sources(text, &quotes);
        assert_eq!(found, [("Police on Thursday arrested a man suspected of theft", Some("officials"))]);
    }

    #[test]
    fn a_report_inside_a_clause_reported_after_a_comma_stays() {
        let text = "Title\nInvestigators believe he acted alone, Moss said.";
        let inner = GoldAttribution {
            content: vec![find(text, "he acted alone", 0)],
            source: vec![find(text, "Investigators", 0)],
            cue: vec![find(text, "believe", 0)],
        };
        let outer = GoldAttribution {
            source: vec![find(text, "Moss", 0)],
            cue: vec![find(text, "said", 0)],
            ..Default::default()
        };
        let quotes = decode(text, vec![inner, outer]);
        let mut found: Vec<_> =
            quotes.iter().map(|q| (q.content.slice(text), q.cue.map(|s| s.slice(text)))).collect();
        found.sort_unstable();
        assert_eq!(
            found,
            [("Investigators believe he acted alone", Some("said")), ("he acted alone", Some("believe"))]
        );
    }

    #[test]
    fn a_report_after_a_comma_and_before_a_comment_takes_the_clause_not_when_it_was_made() {
        let text = "Title\nThe plant will close next year, the company announced Wednesday, a move that workers said was cruel.";
        // The tagger's mistake: the day taken for what was announced.
        let day = gold(text, "Wednesday", "the company", "announced");
        let found = contents_and_sources(text, &decode(text, vec![day]));
        assert_eq!(found, vec![("The plant will close next year", Some("the company"))]);
        // A participle comments on the whole as well; a clause going on does not.
        let text =
            "Title\nThe talks failed when the rate rose, an official said, adding that the impact was small.";
        let adding = gold(text, "the impact was small", "an official", "adding");
        let found = contents_and_sources(text, &decode(text, vec![adding]));
        assert!(found.contains(&("The talks failed when the rate rose", Some("an official"))), "{found:?}");
        let text = "Title\nThe woman who met her at the door, the official recalled, asked what she did.";
        let found = contents_and_sources(text, &decode(text, Vec::new()));
        assert!(!found.iter().any(|(c, _)| *c == "The woman who met her at the door"), "{found:?}");
    }

    #[test]
    fn a_dateline_s_dash_is_no_cue() {
        let text = "Title\nATLANTA \u{2014} Measles cases have reached a high, health officials said Friday.";
        // The tagger's mistakes: the dateline read as a source and its dash
        // as a cue, and the day as what the officials said.
        let dash = gold(text, "Measles cases have reached a high", "ATLANTA", "\u{2014}");
        let day = gold(text, "Friday", "health officials", "said");
        let found = contents_and_sources(text, &decode(text, vec![dash, day]));
        assert_eq!(found, vec![("Measles cases have reached a high", Some("health officials"))]);
    }

    #[test]
    fn a_report_after_a_clause_takes_it_whole_from_a_cue_inside_it() {
        let text = "Title\nDemand was expected to break the record, the council said.";
        let inner = GoldAttribution {
            content: vec![find(text, "Demand", 0), find(text, "to break the record", 0)],
            cue: vec![find(text, "was expected", 0)],
            ..Default::default()
        };
        let outer = GoldAttribution {
            source: vec![find(text, "the council", 0)],
            cue: vec![find(text, "said", 0)],
            ..Default::default()
        };
        let quotes = decode(text, vec![inner, outer]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].content.slice(text), "Demand was expected to break the record");
        assert_eq!(quotes[0].cue.map(|s| s.slice(text)), Some("said"));
        assert_eq!(quotes[0].source.map(|s| s.slice(text)), Some("the council"));
    }

    #[test]
    fn according_to_before_a_clause_takes_it_whole_from_a_cue_inside_it() {
        let text = "Title\nAccording to the complaint, the firm knew the users were children but continued to track them.";
        let inner = GoldAttribution {
            content: vec![
                find(text, "the firm knew the users were children but", 0),
                find(text, "track them", 0),
            ],
            cue: vec![find(text, "continued to", 0)],
            ..Default::default()
        };
        let outer = GoldAttribution {
            source: vec![find(text, "the complaint", 0)],
            cue: vec![find(text, "According to", 0)],
            ..Default::default()
        };
        let quotes = decode(text, vec![inner, outer]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(
            quotes[0].content.slice(text),
            "the firm knew the users were children but continued to track them"
        );
        assert_eq!(quotes[0].cue.map(|s| s.slice(text)), Some("According to"));
    }

    #[test]
    fn a_clause_about_the_source_is_not_what_was_said() {
        let text = "Title\nOne diplomat, who was not allowed to speak publicly, said mediators were tired.";
        let tagged = GoldAttribution {
            content: vec![find(text, "publicly", 0), find(text, "mediators were tired", 0)],
            source: vec![find(text, "One diplomat", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let quotes = decode(text, vec![tagged]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].content.slice(text), "mediators were tired");
        assert_eq!(quotes[0].source.map(|s| s.slice(text)), Some("One diplomat"));
    }

    #[test]
    fn a_participle_after_a_comma_reports_what_follows_it_only() {
        let text = "Title\nThe mayor proposed on Wednesday a new tax, saying the city needed money.";
        let proposal = GoldAttribution {
            content: vec![find(text, "a new tax", 0)],
            source: vec![find(text, "The mayor", 0)],
            cue: vec![find(text, "proposed", 0)],
        };
        let reason = GoldAttribution {
            content: vec![find(text, "the city needed money", 0)],
            cue: vec![find(text, "saying", 0)],
            ..Default::default()
        };
        let quotes = decode(text, vec![proposal, reason]);
        let found: Vec<_> =
            quotes.iter().map(|q| (q.content.slice(text), q.cue.map(|c| c.slice(text)))).collect();
        assert_eq!(found, [("a new tax", Some("proposed")), ("the city needed money", Some("saying"))]);
    }

    #[test]
    fn a_relative_clause_in_the_source_is_not_what_was_said() {
        let text = "Title\nLinda Park, who owns a flat that she uses in May, said the tax was unfair.";
        let tagged = GoldAttribution {
            content: vec![find(text, "that she uses in May", 0), find(text, "the tax was unfair", 0)],
            source: vec![find(text, "Linda Park, who owns a flat", 0)],
            cue: vec![find(text, "said", 0)],
        };
        let quotes = decode(text, vec![tagged]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].content.slice(text), "the tax was unfair");
    }

    #[test]
    fn a_dash_byline_gives_cue_and_source_and_a_cueless_content_is_dropped() {
        let text = "Title\n“Not again.” ― Maria Lopez\nThe old building is “a disgrace.”";
        let byline = GoldAttribution { content: vec![find(text, "Not again.", 0)], ..Default::default() };
        let scare = GoldAttribution { content: vec![find(text, "a disgrace.", 0)], ..Default::default() };
        let quotes = decode(text, vec![byline, scare]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].cue.map(|s| s.slice(text)), Some("―"));
        assert_eq!(quotes[0].source.map(|s| s.slice(text)), Some("Maria Lopez"));
    }

    #[test]
    fn a_source_is_found_by_shape_when_none_is_tagged() {
        let text = "Title\nHis former wife also contended that the deal was unfair.";
        let gold = GoldAttribution {
            content: vec![find(text, "the deal was unfair", 0)],
            source: Vec::new(),
            cue: vec![find(text, "contended", 0)],
        };
        let quotes = decode(text, vec![gold]);
        assert_eq!(quotes.len(), 1);
        assert_eq!(quotes[0].source.map(|s| s.slice(text)), Some("His former wife"));
        assert_eq!(quotes[0].content.slice(text), "the deal was unfair");
    }

    #[test]
    fn an_idle_reporting_verb_reports_the_clause_after_it() {
        // The tags mark only the inner speech ("the minister spoke"); the
        // outer cue's clause becomes its content.
        let text = "Title\nThe agency confirmed the minister spoke with the king on Sunday.";
        let outer = GoldAttribution {
            content: Vec::new(),
            source: vec![find(text, "The agency", 0)],
            cue: vec![find(text, "confirmed", 0)],
        };
        let inner = GoldAttribution {
            content: Vec::new(),
            source: vec![find(text, "the minister", 0)],
            cue: vec![find(text, "spoke", 0)],
        };
        let quotes = decode(text, vec![outer, inner]);
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert_eq!(quotes[0].content.slice(text), "the minister spoke with the king on Sunday");
        assert_eq!(quotes[0].cue.map(|s| s.slice(text)), Some("confirmed"));
        assert_eq!(quotes[0].source.map(|s| s.slice(text)), Some("The agency"));
    }

    #[test]
    fn an_idle_cue_before_an_object_reports_nothing() {
        let text = "Title\nThe agency confirmed the report on Sunday.";
        let outer = GoldAttribution {
            content: Vec::new(),
            source: vec![find(text, "The agency", 0)],
            cue: vec![find(text, "confirmed", 0)],
        };
        assert!(decode(text, vec![outer]).is_empty());
    }
}
