//! The status bar: focused pane, position, current quote, title or message,
//! and key hints from the keymap in force.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::wrap::{ellipsis, width};
use crate::action::Action;
use crate::app::document::Document;
use crate::app::state::State;

/// Hints, most important first: the actions whose first keys are shown, and a label.
const HINTS: [(&[Action], &str); 8] = [
    (&[Action::Help], "help"),
    (&[Action::Quit], "quit"),
    (&[Action::FocusNext], "pane"),
    (&[Action::NextQuote, Action::PrevQuote], "quote"),
    (&[Action::Highlight], "highlight"),
    (&[Action::Note], "note"),
    (&[Action::Search], "search"),
    (&[Action::Notes], "notes"),
];

/// Columns the title keeps before optional hints are dropped.
const TITLE_ROOM: usize = 28;
/// A title narrower than this is left out.
const MIN_TITLE: usize = 10;

/// Draw the status bar.
pub fn render(state: &State, buf: &mut Buffer) {
    let area = state.areas.status.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let theme = &state.config.theme;
    let bar = Style::new().bg(Color::Reset);
    buf.set_style(area, bar);
    let badge_style = theme.badge();
    let total = usize::from(area.width);

    if let Some(search) = state.search.as_ref().filter(|s| s.editing) {
        let found = match search.matches.len() {
            _ if search.query.is_empty() => String::new(),
            0 => "  no match".to_owned(),
            1 => "  1 match".to_owned(),
            n => format!("  {n} matches"),
        };
        let line = Line::from(vec![
            Span::styled(" SEARCH ", badge_style),
            Span::raw(" /"),
            Span::raw(search.query.clone()),
            Span::styled("▏", Style::new().fg(theme.accent)),
            Span::styled(found, theme.faint()),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
        let hint = "Enter keep · Esc cancel ";
        if width(&line.to_string()) + width(hint) < total {
            buf.set_string(
                area.right() - u16::try_from(width(hint)).unwrap_or(0),
                area.y,
                hint,
                theme.faint(),
            );
        }
        return;
    }

    let mut left = vec![Span::styled(format!(" {} ", state.focus.label()), badge_style)];
    if let Some(loading) = &state.loading {
        left[0] = Span::styled(" LOADING ", badge_style);
        left.push(Span::raw(format!(" {}", loading.origin)));
    } else {
        if !state.areas.text.is_empty() {
            left.push(Span::styled(
                format!(" {}% ", state.percent()),
                Style::new().add_modifier(Modifier::BOLD),
            ));
        }
        if let Some(pos) = position(state) {
            left.push(Span::styled(format!("· {pos} "), Style::new()));
        }
    }
    let left_w: usize = left.iter().map(|s| width(&s.content)).sum();

    let keymap = &state.config.keymap;
    let middle = state.message.clone().map_or_else(
        || (state.doc.as_ref().map(Document::title).unwrap_or_default(), theme.faint(), false),
        |m| (m, Style::new().fg(theme.accent).add_modifier(Modifier::BOLD), true),
    );
    // Help and quit always show; the other hints only while the title (or
    // message) keeps a useful width.
    let want_middle = width(&middle.0).min(if middle.2 { usize::MAX } else { TITLE_ROOM }) + 2;
    let mut hints: Vec<(usize, String, String)> = Vec::new();
    let mut used = left_w + 1;
    for (rank, (actions, label)) in HINTS.iter().enumerate() {
        let keys: Vec<String> = actions.iter().map(|&a| keymap.hint(a)).filter(|k| !k.is_empty()).collect();
        if keys.is_empty() {
            continue;
        }
        let label = if state.searching() && actions.contains(&Action::NextQuote) { "match" } else { label };
        let w = width(&keys.join("/")) + width(label) + 3;
        // A message is short-lived and matters more than any hint; while
        // loading only quitting works.
        if middle.2 || (state.loading.is_some() && actions != &[Action::Quit]) {
            continue;
        }
        let reserve = if rank < 2 { 0 } else { want_middle };
        if used + w + reserve > total {
            continue;
        }
        used += w;
        hints.push((rank, keys.join("/"), label.to_owned()));
    }
    // Shown in reading order, help and quit last.
    hints.sort_by_key(|(rank, _, _)| if *rank < 2 { rank + 10 } else { *rank });

    let mut line = left;
    let room = total.saturating_sub(used + 1);
    if room >= MIN_TITLE || (middle.2 && room > 3) {
        line.push(Span::styled(format!(" {}", ellipsis(&middle.0, room)), middle.1));
    }
    buf.set_line(area.x, area.y, &Line::from(line), area.width);
    let mut hint_line: Vec<Span> = Vec::new();
    for (_, key, label) in &hints {
        hint_line.push(Span::styled(format!("  {key}"), Style::new().fg(theme.accent)));
        hint_line.push(Span::styled(format!(" {label}"), theme.faint()));
    }
    hint_line.push(Span::raw(" "));
    let hints_w: usize = hint_line.iter().map(|s| width(&s.content)).sum();
    if !hints.is_empty() && hints_w <= total {
        let x = area.right() - u16::try_from(hints_w).unwrap_or(0);
        buf.set_line(x, area.y, &Line::from(hint_line), area.width);
    }
}

/// "quote 3/12 · said" for the current attribution (with "· words only"
/// while thought is left out), or "match 2/7" while searching.
fn position(state: &State) -> Option<String> {
    if state.searching() {
        let s = state.search.as_ref()?;
        return Some(format!("match {}/{}", s.current.map_or(0, |c| c + 1), s.matches.len()));
    }
    let current = state.current?;
    let list = state.speaker_quotes();
    let i = list.iter().position(|&q| q == current)?;
    let act = state.doc.as_ref().and_then(|d| d.ann.quotes.get(current)).map(|q| q.act.as_str());
    let only = if state.config.words_only { " · words only" } else { "" };
    Some(format!("quote {}/{} · {}{only}", i + 1, list.len(), act.unwrap_or_default()))
}
