//! `/` search: typing the query, matches, and n/N through them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sayso_nlp::Span;

use super::state::{Search, State};

/// Open the search prompt.
pub(super) fn start(state: &mut State) {
    state.search = Some(Search { editing: true, origin: state.scroll, ..Search::default() });
}

/// A key while the query is typed: characters edit it, Enter keeps the
/// search, Esc drops it and goes back.
pub(super) fn on_key(state: &mut State, key: KeyEvent) {
    let Some(search) = state.search.as_mut() else { return };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => return cancel(state),
        KeyCode::Char('c' | 'g') if ctrl => return cancel(state),
        KeyCode::Char('u') if ctrl => search.query.clear(),
        KeyCode::Enter => {
            search.editing = false;
            if search.query.is_empty() {
                state.search = None;
            } else if search.matches.is_empty() {
                state.message = Some(format!("no match for “{}”", search.query));
                state.search = None;
            }
            return;
        }
        KeyCode::Backspace if search.query.is_empty() => return cancel(state),
        KeyCode::Backspace => {
            search.query.pop();
        }
        KeyCode::Char(c) if !ctrl => search.query.push(c),
        _ => return,
    }
    refresh(state);
}

fn cancel(state: &mut State) {
    if let Some(search) = state.search.take() {
        state.scroll = search.origin;
    }
}

/// Find the matches of the query as typed and show the first one below
/// where the search started.
fn refresh(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    let Some(search) = state.search.as_mut() else { return };
    search.matches = find_all(&doc.text, &search.query);
    let from = state.wrapped.rows.get(search.origin).map_or(0, |r| r.start);
    search.current = search.matches.iter().position(|m| m.start >= from).or(if search.matches.is_empty() {
        None
    } else {
        Some(0)
    });
    let target = search.current.map(|i| search.matches[i]);
    state.scroll = search.origin;
    if let Some(span) = target {
        state.reveal(span);
    }
}

/// n / N while a search is kept: the next or previous match, round at the ends.
pub(super) fn next_match(state: &mut State, forward: bool) {
    let top = state.top_offset();
    let Some(search) = state.search.as_mut() else { return };
    let n = search.matches.len();
    if n == 0 {
        return;
    }
    let next = match search.current {
        Some(i) if forward => (i + 1) % n,
        Some(i) => (i + n - 1) % n,
        None => search.matches.iter().position(|m| m.start >= top).unwrap_or(0),
    };
    let wrapped = search.current.is_some_and(|i| (forward && next < i) || (!forward && next > i));
    search.current = Some(next);
    let span = search.matches[next];
    if wrapped {
        state.message = Some(
            if forward { "search went round to the top" } else { "search went round to the bottom" }
                .to_owned(),
        );
    }
    state.reveal(span);
}

/// Every match of `query` in `text`; ignores case unless the query has a capital.
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    let exact = query.chars().any(char::is_uppercase);
    if exact {
        return text.match_indices(query).map(|(i, m)| Span::new(i, i + m.len())).collect();
    }
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let q: Vec<char> = query.chars().map(fold).collect();
    let mut out = Vec::new();
    let mut next_free = 0;
    for (i, c) in text.char_indices() {
        if i < next_free || fold(c) != q[0] {
            continue;
        }
        let mut end = i;
        let mut ok = true;
        let mut chars = text[i..].char_indices();
        for &want in &q {
            match chars.next() {
                Some((j, got)) if fold(got) == want => end = i + j + got.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push(Span::new(i, end));
            next_free = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_unless_asked_and_never_overlaps() {
        let text = "Pier pier PIER; aaa; Éclair éclair";
        let spans = |q| find_all(text, q).iter().map(|s| s.slice(text).to_owned()).collect::<Vec<_>>();
        assert_eq!(spans("pier"), ["Pier", "pier", "PIER"]);
        assert_eq!(spans("Pier"), ["Pier"]);
        assert_eq!(spans("aa"), ["aa"]);
        assert_eq!(spans("éclair"), ["Éclair", "éclair"]);
        assert!(spans("").is_empty());
    }
}
