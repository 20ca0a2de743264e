//! The configuration: defaults embedded from `config.toml`, the user's file
//! laid over them, strict parsing with errors that point at the mistake.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use sayso_nlp::EntityLabel;
use serde::Deserialize;
use toml::Spanned;

use crate::app::action::Action;
use crate::keymap::{Key, Keymap};
use crate::tui::theme::Theme;

/// The documented default configuration.
pub const DEFAULT: &str = include_str!("../config.toml");

/// The reader's settings, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    /// Columns of the side column.
    pub side_width: u16,
    /// Widest the article's text gets.
    pub text_width: u16,
    /// Colours and styles.
    pub theme: Theme,
    /// Keys to actions.
    pub keymap: Keymap,
}

/// A configuration file that cannot be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read.
    Read {
        /// The file.
        file: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file has a mistake at a place in it.
    Invalid {
        /// The file.
        file: String,
        /// 1-based line of the mistake.
        line: usize,
        /// 1-based column (in characters) of the mistake.
        column: usize,
        /// The field, as a dotted path (`theme.accent`); empty for syntax errors.
        field: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read { file, source } => {
                write!(f, "could not read the config file {}: {source}", file.display())
            }
            Self::Invalid { file, line, column, field, message } => {
                write!(f, "{file}:{line}:{column}: ")?;
                if !field.is_empty() {
                    write!(f, "`{field}`: ")?;
                }
                write!(f, "{message}\n(`sayso config` prints the documented defaults)")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// A colour as written in the file.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(try_from = "String")]
struct Colour(Color);

impl TryFrom<String> for Colour {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(Self).map_err(|_| {
            format!("`{s}` is not a colour: use a name such as `cyan` or `lightblue`, a number 0-255, or `#rrggbb`")
        })
    }
}

/// A width within bounds.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(try_from = "i64")]
struct Columns<const MIN: u16, const MAX: u16>(u16);

impl<const MIN: u16, const MAX: u16> TryFrom<i64> for Columns<MIN, MAX> {
    type Error = String;

    fn try_from(n: i64) -> Result<Self, String> {
        u16::try_from(n)
            .ok()
            .filter(|n| (MIN..=MAX).contains(n))
            .map(Self)
            .ok_or_else(|| format!("{n} is out of range: use {MIN} to {MAX} columns"))
    }
}

/// A speaker palette: at least one colour.
#[derive(Debug, Clone, Deserialize)]
#[serde(try_from = "Vec<Colour>")]
struct Palette(Vec<Color>);

impl TryFrom<Vec<Colour>> for Palette {
    type Error = String;

    fn try_from(v: Vec<Colour>) -> Result<Self, String> {
        if v.is_empty() {
            return Err("give at least one colour".to_owned());
        }
        Ok(Self(v.into_iter().map(|c| c.0).collect()))
    }
}

/// One file's settings: every field may be missing.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FileConfig {
    layout: LayoutFile,
    text: TextFile,
    theme: ThemeFile,
    keys: BTreeMap<Action, Vec<Spanned<Key>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct LayoutFile {
    side_width: Option<Columns<16, 80>>,
    text_width: Option<Columns<20, 400>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct TextFile {
    highlight: Option<Vec<EntityLabel>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ThemeFile {
    accent: Option<Colour>,
    dim: Option<Colour>,
    selection: Option<Colour>,
    found: Option<Colour>,
    speakers: Option<Palette>,
    entities: BTreeMap<EntityLabel, Colour>,
}

/// A parsed file with its name and text, for error positions.
struct Source {
    name: String,
    text: String,
    config: FileConfig,
}

impl Source {
    fn parse(name: String, text: String) -> Result<Self, ConfigError> {
        let config = {
            let de = toml::de::Deserializer::parse(&text).map_err(|e| invalid(&name, &text, "", &e))?;
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                invalid(&name, &text, if field == "." { "" } else { &field }, e.inner())
            })?
        };
        Ok(Self { name, text, config })
    }

    /// An error about the key list of `action` at `span`.
    fn error_at(&self, span: std::ops::Range<usize>, field: String, message: String) -> ConfigError {
        let (line, column) = line_column(&self.text, span.start);
        ConfigError::Invalid { file: self.name.clone(), line, column, field, message }
    }
}

fn invalid(file: &str, text: &str, field: &str, e: &toml::de::Error) -> ConfigError {
    let (line, column) = line_column(text, e.span().map_or(0, |s| s.start));
    ConfigError::Invalid {
        file: file.to_owned(),
        line,
        column,
        field: field.to_owned(),
        message: e.message().trim().to_owned(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the user's file lives when `--config` is not given.
#[must_use]
pub fn user_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy as _;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("sayso").join("config.toml"))
}

impl Config {
    /// The defaults, with the file at `path` (or the user's file, when it
    /// exists) laid over them.
    ///
    /// # Errors
    /// When a file cannot be read or has a mistake.
    pub fn load(path: Option<&Path>) -> Result<Self, ConfigError> {
        let file = match path {
            Some(p) => Some(p.to_path_buf()),
            None => user_path().filter(|p| p.is_file()),
        };
        let user = match file {
            Some(f) => {
                let text = std::fs::read_to_string(&f)
                    .map_err(|source| ConfigError::Read { file: f.clone(), source })?;
                Some((f.display().to_string(), text))
            }
            None => None,
        };
        Self::from_texts(user)
    }

    /// The defaults with an optional `(name, text)` laid over them.
    ///
    /// # Errors
    /// When the text has a mistake.
    pub fn from_texts(user: Option<(String, String)>) -> Result<Self, ConfigError> {
        let base = Source::parse("built-in config.toml".to_owned(), DEFAULT.to_owned())?;
        let user = user.map(|(name, text)| Source::parse(name, text)).transpose()?;
        resolve(&base, user.as_ref())
    }

    /// The defaults alone.
    ///
    /// # Errors
    /// Never, unless the built-in file is broken (a test makes sure it is not).
    pub fn defaults() -> Result<Self, ConfigError> {
        Self::from_texts(None)
    }
}

/// Lay `user` over `base` and check that nothing is missing.
fn resolve(base: &Source, user: Option<&Source>) -> Result<Config, ConfigError> {
    let missing =
        |field: &str| base.error_at(0..0, field.to_owned(), "missing from the built-in file".to_owned());
    let (b, u) = (&base.config, user.map(|u| &u.config));

    let side_width = u
        .and_then(|u| u.layout.side_width)
        .or(b.layout.side_width)
        .ok_or_else(|| missing("layout.side_width"))?;
    let text_width = u
        .and_then(|u| u.layout.text_width)
        .or(b.layout.text_width)
        .ok_or_else(|| missing("layout.text_width"))?;
    let highlight = u
        .and_then(|u| u.text.highlight.clone())
        .or_else(|| b.text.highlight.clone())
        .ok_or_else(|| missing("text.highlight"))?;
    let colour = |f: fn(&ThemeFile) -> Option<Colour>, name: &str| {
        u.and_then(|u| f(&u.theme)).or_else(|| f(&b.theme)).map(|c| c.0).ok_or_else(|| missing(name))
    };
    let mut entities: BTreeMap<EntityLabel, Color> =
        b.theme.entities.iter().map(|(&l, c)| (l, c.0)).collect();
    if let Some(u) = u {
        entities.extend(u.theme.entities.iter().map(|(&l, c)| (l, c.0)));
    }
    let theme = Theme {
        accent: colour(|t| t.accent, "theme.accent")?,
        dim: colour(|t| t.dim, "theme.dim")?,
        selection: colour(|t| t.selection, "theme.selection")?,
        found: colour(|t| t.found, "theme.found")?,
        speakers: u
            .and_then(|u| u.theme.speakers.clone())
            .or_else(|| b.theme.speakers.clone())
            .ok_or_else(|| missing("theme.speakers"))?
            .0,
        entities,
        highlight,
    };

    // Defaults for the actions the user did not rebind, then the user's own
    // lists; a key the user binds is taken from its default action.
    let mut bindings: Vec<(Action, Vec<Key>)> = Vec::new();
    for (action, keys) in &b.keys {
        if !u.is_some_and(|u| u.keys.contains_key(action)) {
            bindings.push((*action, keys.iter().map(|k| *k.get_ref()).collect()));
        }
    }
    if let Some(user) = user {
        let mut seen: HashMap<Key, Action> = HashMap::new();
        for (action, keys) in &user.config.keys {
            for key in keys {
                if let Some(other) = seen.insert(*key.get_ref(), *action) {
                    return Err(user.error_at(
                        key.span(),
                        format!("keys.{}", action_name(*action)),
                        format!("`{}` is also bound to `{}` in this file", key.get_ref(), action_name(other)),
                    ));
                }
            }
            bindings.push((*action, keys.iter().map(|k| *k.get_ref()).collect()));
        }
    }
    Ok(Config { side_width: side_width.0, text_width: text_width.0, theme, keymap: Keymap::new(bindings) })
}

/// An action's name as written in `[keys]`.
fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}
