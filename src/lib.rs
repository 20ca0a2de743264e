//! The sayso reader: an article beside who said what, in the terminal.
//!
//! `app` holds the state and how events change it, `tui` draws it and runs
//! the event loop, `config` and `keymap` turn the configuration file into
//! settings. The annotation itself comes from the `sayso-nlp` crate.

pub mod action;
pub mod app;
pub mod atomic;
pub mod config;
pub mod export;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixture;
pub mod ingest;
pub mod keymap;
pub mod remember;
pub mod safe;
pub mod store;
pub mod theme;
pub mod tui;
