//! The help overlay, written from the keymap in force.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::layout;
use super::wrap::{ellipsis, width};
use crate::app::help as data;
use crate::app::state::State;

/// Draw the help over the middle of the screen, in two columns when it is
/// wide enough, from line `scroll`.
pub fn render(state: &State, scroll: usize, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let all = data::lines(&state.config);
    let help = data::layout(&all, buf.area);
    let area = help.area;
    Clear.render(area, buf);
    let mut block = Block::bordered()
        .border_style(Style::new().fg(theme.accent))
        .title(Line::styled(" Keys and colours ", theme.title(true)));
    let rows = usize::from(area.height.saturating_sub(2));
    let more = help.rows > scroll + rows;
    let footer = if more { " ↓ more · j/k scroll · Esc close " } else { " Esc close " };
    if usize::from(area.width) > width(footer) + 8 {
        block = block.title_bottom(Line::styled(footer, theme.faint()).right_aligned());
    }
    block.render(area, buf);
    let inner = layout::inner(area);
    let column_w = if help.columns.len() > 1 { inner.width / 2 } else { inner.width };
    for (c, range) in help.columns.iter().enumerate() {
        let x = inner.x + 1 + column_w * u16::try_from(c).unwrap_or(0);
        let text_w = usize::from(column_w.saturating_sub(2));
        for (y, line) in (inner.y..inner.bottom()).zip(all[range.clone()].iter().skip(scroll)) {
            let line = if line.heading {
                Line::from(Span::styled(
                    line.keys.clone(),
                    Style::new().fg(theme.accent).add_modifier(Modifier::BOLD),
                ))
            } else {
                let keys_w = help.keys_width;
                let k = ellipsis(&line.keys, keys_w.min(text_w));
                let pad = " ".repeat(keys_w.saturating_sub(width(&k)) + 2);
                let what = ellipsis(&line.what, text_w.saturating_sub(width(&k) + pad.len()));
                let mut key_style = Style::new().add_modifier(Modifier::BOLD);
                if let Some(label) = line.colour {
                    key_style = key_style.fg(theme.entity_chip(label));
                }
                Line::from(vec![Span::styled(k, key_style), Span::raw(pad), Span::raw(what)])
            };
            buf.set_line(x, y, &line, column_w.saturating_sub(2));
        }
    }
}
