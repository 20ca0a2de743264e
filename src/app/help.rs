//! The help overlay's lines, written from the keymap in force.

use crate::action::HELP_SECTIONS;
use crate::config::Config;

/// Widest the keys column gets.
pub const KEYS_WIDTH: usize = 16;

/// The help's lines: a heading per section, then keys and what they do.
pub fn lines(config: &Config) -> Vec<(String, String, bool)> {
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
