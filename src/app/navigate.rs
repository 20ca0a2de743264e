//! Moving through the article, the lists, and the attributions.

use super::state::{Pane, State};

/// Move by `delta` rows in the article or items in the focused list
/// (`isize::MIN`/`MAX` for the top and bottom).
pub(super) fn step(state: &mut State, delta: isize) {
    match state.focus {
        Pane::Article => state.scroll = moved(state.scroll, delta, state.max_scroll() + 1),
        Pane::Speakers => {
            let len = state.doc.as_ref().map_or(0, |d| d.speakers.len());
            select_speaker(state, moved(state.speakers.selected, delta, len));
        }
        Pane::Quotes => {
            state.quotes.selected = moved(state.quotes.selected, delta, state.speaker_quotes().len())
        }
        Pane::Entities => {
            let len = state.doc.as_ref().map_or(0, |d| d.entities.len());
            state.entities.selected = moved(state.entities.selected, delta, len);
        }
        Pane::Notes => state.notes_view.selected = moved(state.notes_view.selected, delta, state.notes.len()),
    }
}

/// `at + delta` within `0..len`.
pub(crate) fn moved(at: usize, delta: isize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    if delta < 0 {
        at.saturating_sub(delta.unsigned_abs())
    } else {
        at.saturating_add(delta.unsigned_abs()).min(last)
    }
}

/// Select a speaker; their quote list starts at the current attribution when
/// it is theirs.
pub(super) fn select_speaker(state: &mut State, rank: usize) {
    if rank == state.speakers.selected {
        return;
    }
    state.speakers.selected = rank;
    state.quotes.offset = 0;
    state.quotes.selected =
        state.current.and_then(|c| state.speaker_quotes().iter().position(|&q| q == c)).unwrap_or(0);
}

/// Tab and Shift-Tab: article → speakers → quotes (→ entities) and round.
pub(super) fn cycle_focus(state: &mut State, forward: bool) {
    let mut panes = vec![Pane::Article, Pane::Speakers, Pane::Quotes];
    if let Some(extra) = state.extra_pane() {
        panes.push(extra);
    }
    let at = panes.iter().position(|&p| p == state.focus).unwrap_or(0);
    let next = if forward { (at + 1) % panes.len() } else { (at + panes.len() - 1) % panes.len() };
    let from = state.focus;
    state.focus = panes[next];
    if from == Pane::Article && state.focus == Pane::Speakers && state.current.is_none() {
        select_speaker(state, 0);
    }
}

/// Enter: jump to the selected speaker's first quote, the selected quote, or
/// the selected entity's next mention.
pub(super) fn select(state: &mut State) {
    let from = state.focus;
    if state.areas.article.is_empty() && from != Pane::Article {
        // On a tiny screen the list took the article's place: show the jump.
        state.focus = Pane::Article;
        state.settle();
    }
    match from {
        Pane::Article => {}
        Pane::Speakers => {
            if let Some(&q) = state.speaker_quotes().first() {
                jump_to(state, q);
            }
        }
        Pane::Quotes => {
            if let Some(&q) = state.speaker_quotes().get(state.quotes.selected) {
                jump_to(state, q);
            }
        }
        Pane::Entities => next_mention(state),
        Pane::Notes => super::notes::jump(state),
    }
}

/// Make quote `q` current, select its speaker and quote, and bring it into view.
pub(super) fn jump_to(state: &mut State, q: usize) {
    let Some(doc) = &state.doc else { return };
    let Some(quote) = doc.ann.quotes.get(q) else { return };
    let (span, rank) = (quote.content, doc.quote_rank.get(q).copied().flatten());
    state.current = Some(q);
    state.sentence = super::notes::sentence_at(state, span.start);
    if let Some(rank) = rank {
        select_speaker(state, rank);
    }
    if let Some(i) = state.speaker_quotes().iter().position(|&x| x == q) {
        state.quotes.selected = i;
    }
    state.mark = None;
    state.settle();
    state.reveal(span);
}

/// The attribution whose words hold byte `at` (the first starting there
/// when several do), else the first starting after it.
pub(super) fn quote_at(state: &State, at: usize) -> Option<usize> {
    let quotes = &state.doc.as_ref()?.ann.quotes;
    let holding = quotes
        .iter()
        .position(|q| q.content.start == at)
        .or_else(|| quotes.iter().position(|q| q.content.start <= at && at < q.content.end));
    holding.or_else(|| {
        let after = quotes.iter().enumerate().filter(|(_, q)| q.content.start > at);
        after.min_by_key(|(_, q)| q.content.start).map(|(i, _)| i)
    })
}

/// Where "next" counts from: the current attribution, or the top of the view.
fn anchor(state: &State) -> (usize, bool) {
    let current = state.current.and_then(|c| state.doc.as_ref().and_then(|d| d.ann.quotes.get(c)));
    current.map_or((state.top_offset(), false), |q| (q.content.start, true))
}

/// Pick from `candidates` (in text order) the first after, or last before, the anchor.
fn pick(state: &State, candidates: impl DoubleEndedIterator<Item = usize>, forward: bool) -> Option<usize> {
    let Some(doc) = &state.doc else { return None };
    let (at, strict) = anchor(state);
    let start = |q: &usize| doc.ann.quotes[*q].content.start;
    let mut c = candidates;
    if forward {
        c.find(|q| if strict { start(q) > at } else { start(q) >= at })
    } else {
        c.rev().find(|q| start(q) < at)
    }
}

/// n / N: the current speaker's next or previous attribution.
pub(super) fn next_quote(state: &mut State, forward: bool) {
    let Some(doc) = &state.doc else { return };
    let Some(speaker) = doc.speakers.get(state.speakers.selected) else {
        state.message = Some("no speakers found in this article".to_owned());
        return;
    };
    let name = speaker.name.clone();
    match pick(state, speaker.quotes.clone().into_iter(), forward) {
        Some(q) => jump_to(state, q),
        None => {
            state.message = Some(format!("no {} quote by {name}", if forward { "later" } else { "earlier" }))
        }
    }
}

/// ] / [: the next or previous attribution of anyone.
pub(super) fn next_any(state: &mut State, forward: bool) {
    let Some(doc) = &state.doc else { return };
    let mut order: Vec<usize> = (0..doc.ann.quotes.len()).filter(|&q| doc.listed(q)).collect();
    order.sort_by_key(|&q| doc.ann.quotes[q].content.start);
    if order.is_empty() {
        state.message = Some("no quotes found in this article".to_owned());
        return;
    }
    match pick(state, order.into_iter(), forward) {
        Some(q) => jump_to(state, q),
        None => state.message = Some(format!("no {} quote", if forward { "later" } else { "earlier" })),
    }
}

/// Enter in the Entities pane: the selected entity's next mention, round again at the end.
fn next_mention(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let Some(entity) = doc.entities.get(state.entities.selected) else { return };
    let at = state.mark.filter(|m| entity.mentions.contains(m)).map_or(state.top_offset(), |m| m.start + 1);
    let i = entity.mentions.iter().position(|m| m.start >= at).unwrap_or(0);
    let span = entity.mentions[i];
    state.message = Some(format!("{} · mention {} of {}", entity.name, i + 1, entity.mentions.len()));
    state.mark = Some(span);
    state.reveal(span);
}

/// f: dim everything but the current speaker's attributions.
pub(super) fn toggle_focus_speaker(state: &mut State) {
    let name =
        state.doc.as_ref().and_then(|d| d.speakers.get(state.speakers.selected)).map(|s| s.name.clone());
    match name {
        Some(name) => {
            state.focus_speaker = !state.focus_speaker;
            if state.focus_speaker {
                state.message = Some(format!("only {name}'s words are lit"));
            }
        }
        None => state.message = Some("no speakers to focus on".to_owned()),
    }
}

/// List only speech and writing, or thought too; the choice is remembered
/// in the user's config file. The selection follows the current speaker
/// when they are still listed.
pub(super) fn toggle_words_only(state: &mut State) {
    let on = !state.config.words_only;
    state.config.words_only = on;
    state.remember = Some(super::state::Remember::WordsOnly(on));
    state.message =
        Some(if on { "Speech and writing only" } else { "Speech, writing and thought" }.to_owned());
    let Some(doc) = state.doc.as_mut() else { return };
    let id = doc.speakers.get(state.speakers.selected).map(|s| s.id);
    doc.set_words_only(on);
    if state.current.is_some_and(|q| !doc.listed(q)) {
        state.current = None;
    }
    let rank = id.and_then(|id| doc.speakers.iter().position(|s| s.id == id)).unwrap_or(0);
    state.speakers.selected = rank;
    state.quotes = super::state::ListView::default();
    state.quotes.selected =
        state.current.and_then(|c| state.speaker_quotes().iter().position(|&q| q == c)).unwrap_or(0);
    state.settle();
}
