//! The help overlay, written from the keymap in force.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::layout;
use super::wrap::{ellipsis, width};
use crate::app::help::{KEYS_WIDTH, lines};
use crate::app::state::State;

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
