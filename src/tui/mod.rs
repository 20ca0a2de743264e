//! The terminal side: drawing the state, and the loop that feeds events to
//! `update`. Drawing only reads the state.

mod article;
mod dialog;
pub mod feed;
pub mod help;
mod keep;
pub mod library;
mod lists;
mod notes;
mod run;
mod status;
mod terminal;
mod work;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod theme_tests;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

pub use run::{Options, Start, run};
pub use work::Reload;

use crate::app::screen::Screen;
use crate::app::state::State;
use crate::app::{layout, wrap};
use crate::config::Config;
use crate::{safe, theme};

/// Spinner frames shown while an article is annotated.
const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

/// Draw the screen on top of the stack.
pub fn draw_screen(screen: &Screen, config: &Config, frame: &mut Frame<'_>) {
    match screen {
        Screen::Reader(state) => render(state, frame),
        Screen::Library(view) => view.draw(frame.buffer_mut()),
        Screen::Feed(view) => view.draw(config, frame.buffer_mut()),
    }
}

/// Draw the whole screen from the state.
pub fn render(state: &State, frame: &mut Frame<'_>) {
    draw(state, frame.buffer_mut());
}

/// Draw the whole screen into a buffer.
pub fn draw(state: &State, buf: &mut Buffer) {
    if buf.area.is_empty() {
        return;
    }
    if let Some(doc) = &state.doc {
        article::render(state, doc, buf);
        if !state.areas.speakers.is_empty() {
            lists::speakers(state, doc, buf);
        }
        if !state.areas.quotes.is_empty() {
            lists::quotes(state, doc, buf);
        }
        if !state.areas.entities.is_empty() {
            if state.show_notes {
                notes::render(state, doc, buf);
            } else {
                lists::entities(state, doc, buf);
            }
        }
    } else if let Some(loading) = &state.loading {
        let area = state.areas.article.intersection(buf.area);
        Block::bordered().border_style(state.config.theme.border(false)).render(area, buf);
        let kb = loading.bytes.div_ceil(1024);
        let spinner = SPINNER[loading.frame % SPINNER.len()];
        // A size of 0 means the page is still being fetched.
        let text = if loading.bytes == 0 {
            format!("{spinner} Fetching and annotating {}…", loading.origin)
        } else {
            format!("{spinner} Annotating {} ({kb} KB)…", loading.origin)
        };
        let inner = layout::inner(area);
        let y = inner.y + inner.height / 2;
        let line = Line::styled(
            wrap::ellipsis(&safe::line(&text), usize::from(inner.width)),
            Style::new().add_modifier(Modifier::BOLD),
        );
        if !inner.is_empty() {
            let centred = Rect::new(inner.x, y, inner.width, 1);
            line.centered().render(centred, buf);
        }
    }
    status::render(state, buf);
    if let Some(d) = &state.dialog {
        dialog::render(state, d, buf);
    }
    if let Some(scroll) = state.help {
        help::render(state, scroll, buf);
    }
}
