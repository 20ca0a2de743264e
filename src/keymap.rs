//! Keys as written in the configuration, and the map from keys to actions.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::action::Action;

/// A key with its modifiers, normalised so that a typed `G` matches `"G"`
/// whether or not the terminal also reports Shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt and (for keys that are not characters) Shift.
    pub mods: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    #[must_use]
    pub const fn plain(code: KeyCode) -> Self {
        Self { code, mods: KeyModifiers::NONE }
    }

    /// The key of a terminal key event.
    #[must_use]
    pub fn from_event(ev: KeyEvent) -> Self {
        Self::normalised(ev.code, ev.modifiers)
    }

    fn normalised(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Self { code, mods }
    }
}

impl TryFrom<String> for Key {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl std::str::FromStr for Key {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        // A lone "-" is the minus key, not a separator.
        while let Some((head, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            match head.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => mods |= KeyModifiers::CONTROL,
                "alt" | "a" | "m" => mods |= KeyModifiers::ALT,
                "shift" | "s" => mods |= KeyModifiers::SHIFT,
                _ => break,
            }
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => named(&rest.to_ascii_lowercase()).ok_or_else(|| {
                format!(
                    "unknown key `{s}`: write a character (`j`, `G`, `?`), a name (`enter`, `esc`, `tab`, \
                     `space`, `up`, `pagedown`, `f1`…) or either with `ctrl-`, `alt-` or `shift-` before it"
                )
            })?,
        };
        if mods.contains(KeyModifiers::SHIFT)
            && let KeyCode::Char(c) = code
        {
            return Ok(Self::normalised(KeyCode::Char(c.to_uppercase().next().unwrap_or(c)), mods));
        }
        Ok(Self::normalised(code, mods))
    }
}

/// Named keys, lower case.
fn named(s: &str) -> Option<KeyCode> {
    Some(match s {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "minus" => KeyCode::Char('-'),
        _ => {
            let n: u8 = s.strip_prefix('f')?.parse().ok()?;
            if !(1..=24).contains(&n) {
                return None;
            }
            KeyCode::F(n)
        }
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Which action each key runs, and which keys run each action.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Keymap {
    /// A keymap from per-action key lists. Later entries win a key that an
    /// earlier one also lists, so a user's binding can take a key from a default.
    #[must_use]
    pub fn new(bindings: impl IntoIterator<Item = (Action, Vec<Key>)>) -> Self {
        let mut by_key = HashMap::new();
        for (action, keys) in bindings {
            for key in keys {
                by_key.insert(key, action);
            }
        }
        let mut by_action: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (&key, &action) in &by_key {
            by_action.entry(action).or_default().push(key);
        }
        for keys in by_action.values_mut() {
            keys.sort_by_key(|k| (k.mods.bits(), key_rank(k.code), k.to_string()));
        }
        Self { by_key, by_action }
    }

    /// The action bound to a key.
    #[must_use]
    pub fn action(&self, key: Key) -> Option<Action> {
        self.by_key.get(&key).copied()
    }

    /// The keys bound to an action, letters first.
    #[must_use]
    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The first key of an action as shown in hints, or `""` when unbound.
    #[must_use]
    pub fn hint(&self, action: Action) -> String {
        self.keys(action).first().map(ToString::to_string).unwrap_or_default()
    }
}

/// Sort characters before named keys, so hints show `j` rather than `↓`.
const fn key_rank(code: KeyCode) -> u8 {
    match code {
        KeyCode::Char(' ') => 1,
        KeyCode::Char(_) => 0,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().expect("a key")
    }

    #[test]
    fn parses_and_shows_keys() {
        for (s, shown) in [
            ("j", "j"),
            ("G", "G"),
            ("shift-g", "G"),
            ("ctrl-d", "Ctrl-d"),
            ("shift-tab", "Shift-Tab"),
            ("backtab", "Shift-Tab"),
            ("space", "Space"),
            ("PageDown", "PgDn"),
            ("-", "-"),
            ("ctrl--", "Ctrl--"),
            ("f5", "F5"),
            ("down", "↓"),
        ] {
            assert_eq!(key(s).to_string(), shown, "{s}");
        }
        assert!("ctrl-nope".parse::<Key>().is_err());
        assert!("f99".parse::<Key>().is_err());
    }

    #[test]
    fn terminal_events_match_config_keys() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), key("G"));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), key("shift-tab"));
        let ev = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(Key::from_event(ev), key("ctrl-d"));
    }

    #[test]
    fn later_bindings_take_keys_from_earlier_ones() {
        let map = Keymap::new([
            (Action::NextQuote, vec![key("n")]),
            (Action::Search, vec![key("/")]),
            (Action::Search, vec![key("n")]),
        ]);
        assert_eq!(map.action(key("n")), Some(Action::Search));
        assert!(map.keys(Action::NextQuote).is_empty());
        assert_eq!(map.hint(Action::Search), "/");
    }
}
