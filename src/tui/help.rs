//! The help overlay, written from the keymap in force.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::layout;
use super::wrap::{ellipsis, width};
use crate::app::action::HELP_SECTIONS;
use crate::app::state::State;
use crate::config::Config;

/// Widest the keys column gets.
const KEYS_WIDTH: usize = 16;

/// The help's lines: a heading per section, then keys and what they do.
fn lines(config: &Config) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for (i, (title, actions)) in HELP_SECTIONS.iter().enumerate() {
        if i > 0 {
            out.push((String::new(), String::new(), false));
        }
        out.push(((*title).to_owned(), String::new(), true));
        for &action in *actions {
            let keys: Vec<String> = config.keymap.keys(action).iter().map(ToString::to_string).collect();
            let keys = if keys.is_empty() { "—".to_owned() } else { keys.join(" ") };
            out.push((keys, action.describe().to_owned(), false));
        }
    }
    out.push((String::new(), String::new(), false));
    out.push(("Mouse".to_owned(), String::new(), true));
    out.push(("wheel".to_owned(), "scroll the pane under the pointer".to_owned(), false));
    out.push((
        "click".to_owned(),
        "select a speaker, quote or entity; in the text, a quote".to_owned(),
        false,
    ));
    out.push(("Shift-drag".to_owned(), "select text to copy (in most terminals)".to_owned(), false));
    out
}

/// How many lines the help has (for scrolling).
#[must_use]
pub fn line_count(config: &Config) -> usize {
    lines(config).len()
}

/// Draw the help over the middle of the screen.
pub fn render(state: &State, scroll: usize, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let screen = buf.area;
    let all = lines(&state.config);
    let keys_w = all.iter().filter(|l| !l.2).map(|l| width(&l.0)).max().unwrap_or(0).min(KEYS_WIDTH);
    let desc_w = all.iter().map(|l| width(&l.1)).max().unwrap_or(0);
    let want_w = u16::try_from(keys_w + desc_w + 7).unwrap_or(u16::MAX);
    let want_h = u16::try_from(all.len() + 2).unwrap_or(u16::MAX);
    let w = want_w.min(screen.width.saturating_sub(2)).max(screen.width.min(12));
    let h = want_h.min(screen.height.saturating_sub(2)).max(screen.height.min(3));
    let area = Rect::new(screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
    Clear.render(area, buf);
    let mut block = Block::bordered()
        .border_style(Style::new().fg(theme.accent))
        .title(Line::styled(" Keys ", theme.title(true)));
    let rows = usize::from(area.height.saturating_sub(2));
    let more = all.len() > scroll + rows;
    let footer = if more { " ↓ more · j/k scroll · Esc close " } else { " Esc close " };
    if usize::from(area.width) > width(footer) + 8 {
        block = block.title_bottom(Line::styled(footer, theme.faint()).right_aligned());
    }
    block.render(area, buf);
    let inner = layout::inner(area);
    let text_w = usize::from(inner.width.saturating_sub(2));
    for (y, (keys, desc, heading)) in (inner.y..inner.bottom()).zip(all.iter().skip(scroll)) {
        let line = if *heading {
            Line::from(Span::styled(keys.clone(), Style::new().fg(theme.accent).add_modifier(Modifier::BOLD)))
        } else {
            let k = ellipsis(keys, keys_w.min(text_w));
            let pad = " ".repeat(keys_w.saturating_sub(width(&k)) + 2);
            let desc = ellipsis(desc, text_w.saturating_sub(width(&k) + pad.len()));
            Line::from(vec![
                Span::styled(k, Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(pad),
                Span::raw(desc),
            ])
        };
        buf.set_line(inner.x + 1, y, &line, inner.width.saturating_sub(2));
    }
}
