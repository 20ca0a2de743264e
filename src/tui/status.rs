//! The status bar: focused pane, position, current quote, title or message,
//! and key hints from the keymap in force.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::wrap::{ellipsis, width};
use crate::app::action::Action;
use crate::app::state::State;

/// Hints in the order they are dropped last-first when space is short:
/// (actions whose first keys are shown, label, label while searching).
const HINTS: [(&[Action], &str); 6] = [
    (&[Action::Help], "help"),
    (&[Action::Quit], "quit"),
    (&[Action::FocusNext], "focus"),
    (&[Action::NextQuote, Action::PrevQuote], "quote"),
    (&[Action::Search], "search"),
    (&[Action::FocusSpeaker], "focus speaker"),
];

/// Draw the status bar.
pub fn render(state: &State, buf: &mut Buffer) {
    let area = state.areas.status.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let theme = &state.config.theme;
    let bar = Style::new().bg(Color::Reset);
    buf.set_style(area, bar);
    let badge_style = Style::new().bg(theme.accent).fg(Color::Black).add_modifier(Modifier::BOLD);
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
        left.push(Span::styled(
            format!(" {:>3}% ", state.percent()),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        if let Some(pos) = position(state) {
            left.push(Span::styled(format!("· {pos} "), Style::new()));
        }
    }
    let left_w: usize = left.iter().map(|s| width(&s.content)).sum();

    let keymap = &state.config.keymap;
    let mut hints: Vec<(usize, String)> = Vec::new();
    let mut used = left_w + 2;
    for (rank, (actions, label)) in HINTS.iter().enumerate() {
        let keys: Vec<String> = actions.iter().map(|&a| keymap.hint(a)).filter(|k| !k.is_empty()).collect();
        if keys.is_empty() {
            continue;
        }
        let label = if state.searching() && actions.contains(&Action::NextQuote) { "match" } else { label };
        let text = format!("{} {label}", keys.join("/"));
        let w = width(&text) + 2;
        if used + w > total {
            break;
        }
        used += w;
        hints.push((rank, text));
    }
    // Shown in reading order: focus, quote, search, focus speaker, help, quit.
    hints.sort_by_key(|(rank, _)| if *rank < 2 { rank + 10 } else { *rank });

    let mut line = left;
    let room = total.saturating_sub(used);
    let middle = state.message.clone().map_or_else(
        || (state.doc.as_ref().map(crate::app::document::Document::title).unwrap_or_default(), theme.faint()),
        |m| (m, Style::new().fg(theme.accent).add_modifier(Modifier::BOLD)),
    );
    if room > 3 {
        line.push(Span::styled(format!(" {}", ellipsis(&middle.0, room - 1)), middle.1));
    }
    buf.set_line(area.x, area.y, &Line::from(line), area.width);
    let hint_line: Vec<Span> = hints
        .iter()
        .flat_map(|(_, h)| {
            let (key, label) = h.split_once(' ').unwrap_or((h, ""));
            [
                Span::styled(key.to_owned(), Style::new().fg(theme.accent)),
                Span::styled(format!(" {label}  "), theme.faint()),
            ]
        })
        .collect();
    let hints_w: usize = hint_line.iter().map(|s| width(&s.content)).sum();
    if hints_w > 0 && hints_w <= total {
        let x = area.right() - u16::try_from(hints_w).unwrap_or(0);
        buf.set_line(x, area.y, &Line::from(hint_line), area.width);
    }
}

/// "quote 3/12" for the current attribution, or "match 2/7" while searching.
fn position(state: &State) -> Option<String> {
    if state.searching() {
        let s = state.search.as_ref()?;
        return Some(format!("match {}/{}", s.current.map_or(0, |c| c + 1), s.matches.len()));
    }
    let current = state.current?;
    let list = state.speaker_quotes();
    let i = list.iter().position(|&q| q == current)?;
    Some(format!("quote {}/{}", i + 1, list.len()))
}
