//! The reader's state and how events change it: event → action → update.
//! Nothing here draws; `tui::render` reads the state afterwards.

pub mod dialog;
pub mod document;
pub mod feed;
pub mod help;
pub mod layout;
pub mod library;
mod mouse;
mod navigate;
pub mod notes;
pub mod screen;
mod search;
pub mod state;
mod update;
pub mod wrap;

#[cfg(test)]
mod notes_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod words_tests;

pub use crate::action::Action;
pub use document::Document;
pub use mouse::ListClick;
pub use state::{Pane, State};
pub use update::{Msg, update};
