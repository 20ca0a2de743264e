//! The reader's state and how events change it: event → action → update.
//! Nothing here draws; `tui::render` reads the state afterwards.

pub mod action;
pub mod document;
mod mouse;
mod navigate;
mod search;
pub mod state;
mod update;

#[cfg(test)]
mod tests;

pub use action::Action;
pub use document::Document;
pub use state::{Pane, State};
pub use update::{Msg, update};
