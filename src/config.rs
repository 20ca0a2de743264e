//! The configuration: defaults embedded from `config.toml`, the user's file
//! laid over them, strict parsing with errors that point at the mistake.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use sayso_nlp::EntityLabel;
use serde::Deserialize;
use toml::Spanned;

use crate::action::Action;
use crate::keymap::{Key, Keymap};
use crate::theme::Theme;

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
    /// Where the reader's exports go, as written (`~` for the home folder);
    /// empty for the default (see [`Config::export_folder`]).
    pub export_folder: String,
    /// List only speech and writing, not thought, among who said what.
    pub words_only: bool,
    /// The user's file the reader's remembered settings are written to:
    /// the file read, or where the user's file would be; `None` with the
    /// defaults alone (tests, examples).
    pub file: Option<PathBuf>,
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
        /// The file's other mistakes, one line each (`file:line:column: …`),
        /// and whether there may be more still.
        more: Vec<String>,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read { file, source } => {
                write!(f, "could not read the config file {}: {source}", file.display())
            }
            Self::Invalid { file, line, column, field, message, more } => {
                write!(f, "{}", one_mistake(file, *line, *column, field, message))?;
                for m in more {
                    write!(f, "\n{m}")?;
                }
                write!(f, "\n(`sayso config` prints the documented defaults)")
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
    export: ExportFile,
    quotes: QuotesFile,
    #[serde(deserialize_with = "theme_or_preset")]
    theme: ThemeFile,
    keys: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// One `[keys]` entry, checked: the action and its keys with where each was written.
type Binding = (Action, Vec<(Key, std::ops::Range<usize>)>);

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ExportFile {
    folder: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct QuotesFile {
    words_only: Option<bool>,
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
    /// A built-in set of colours the rest is laid over.
    preset: Option<Preset>,
    accent: Option<Colour>,
    dim: Option<Colour>,
    selection: Option<Colour>,
    found: Option<Colour>,
    marked: Option<Colour>,
    cursor: Option<Colour>,
    speakers: Option<Palette>,
    entities: BTreeMap<EntityLabel, Colour>,
}

/// The built-in colour presets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Preset {
    /// Light text on a dark background: the defaults.
    Dark,
    /// Dark text on a light background.
    Light,
}

/// The light preset's colours, laid over the defaults.
const LIGHT: &str = include_str!("../themes/light.toml");

/// `theme = "light"`, or a `[theme]` table (which may name a `preset`).
fn theme_or_preset<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ThemeFile, D::Error> {
    struct Either;
    impl<'de> serde::de::Visitor<'de> for Either {
        type Value = ThemeFile;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a preset (`\"dark\"` or `\"light\"`) or a [theme] table")
        }

        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<ThemeFile, E> {
            let preset = Preset::deserialize(serde::de::value::StrDeserializer::<E>::new(name))?;
            Ok(ThemeFile { preset: Some(preset), ..ThemeFile::default() })
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<ThemeFile, A::Error> {
            ThemeFile::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_any(Either)
}

/// A parsed file with its name and text, for error positions.
struct Source {
    name: String,
    text: String,
    config: FileConfig,
    /// The `[keys]` table, checked, in file order.
    keys: Vec<Binding>,
}

/// One mistake as a line: `file:line:column: `field`: message`.
fn one_mistake(file: &str, line: usize, column: usize, field: &str, message: &str) -> String {
    let field = if field.is_empty() { String::new() } else { format!("`{field}`: ") };
    format!("{file}:{line}:{column}: {field}{message}")
}

/// The most mistakes of one file reported together.
const MAX_MISTAKES: usize = 10;

impl Source {
    /// Parse a file; when it has mistakes, the error lists each of them: the
    /// parser stops at the first, so the line at fault is blanked and the
    /// file read again. A syntax error ends the search (what follows it
    /// cannot be trusted), and the message then says there may be more.
    fn parse(name: String, text: String) -> Result<Self, ConfigError> {
        let first = match Self::parse_first(name.clone(), text.clone()) {
            Ok(source) => return Ok(source),
            Err(e) => e,
        };
        let ConfigError::Invalid { line, field, .. } = &first else { return Err(first) };
        let mut found = Vec::new();
        let mut blanked = text;
        let (mut line, mut syntax) = (*line, field.is_empty());
        while !syntax {
            if found.len() + 1 >= MAX_MISTAKES {
                found.push("(and perhaps more mistakes)".to_owned());
                break;
            }
            blanked = blank_line(&blanked, line);
            match Self::parse_first(name.clone(), blanked.clone()) {
                Ok(_) => break,
                Err(ConfigError::Invalid { file, line: l, column, field, message, .. }) if l != line => {
                    syntax = field.is_empty();
                    if syntax {
                        found.push("(there may be more mistakes after these)".to_owned());
                    } else {
                        found.push(one_mistake(&file, l, column, &field, &message));
                    }
                    line = l;
                }
                Err(_) => break,
            }
        }
        if field.is_empty() {
            found.push("(there may be more mistakes after this one)".to_owned());
        }
        Err(match first {
            ConfigError::Invalid { file, line, column, field, message, .. } => {
                ConfigError::Invalid { file, line, column, field, message, more: found }
            }
            other => other,
        })
    }

    fn parse_first(name: String, text: String) -> Result<Self, ConfigError> {
        let config = {
            let de = toml::de::Deserializer::parse(&text).map_err(|e| invalid(&name, &text, "", &e))?;
            serde_path_to_error::deserialize::<_, FileConfig>(de).map_err(|e| {
                // The path through a span wrapper has an internal segment; leave it out.
                let field = e.path().to_string().replace(".$__serde_spanned_private_value", "");
                invalid(&name, &text, if field == "." { "" } else { &field }, e.inner())
            })?
        };
        let mut source = Self { name, text, config, keys: Vec::new() };
        let mut entries: Vec<_> = source.config.keys.iter().collect();
        entries.sort_by_key(|(action, _)| action.span().start);
        let mut keys = Vec::new();
        for (action, list) in entries {
            let field = format!("keys.{}", action.get_ref());
            let parsed = Action::deserialize(
                serde::de::value::StrDeserializer::<serde::de::value::Error>::new(action.get_ref()),
            )
            .map_err(|e| source.error_at(action.span(), "keys".to_owned(), friendly(&e.to_string())))?;
            let mut bound = Vec::new();
            for (i, k) in list.iter().enumerate() {
                let key: Key =
                    k.get_ref().parse().map_err(|e| source.error_at(k.span(), format!("{field}[{i}]"), e))?;
                bound.push((key, k.span()));
            }
            keys.push((parsed, bound));
        }
        source.keys = keys;
        Ok(source)
    }

    /// An error about the key list of `action` at `span`.
    fn error_at(&self, span: std::ops::Range<usize>, field: String, message: String) -> ConfigError {
        let (line, column) = line_column(&self.text, span.start);
        ConfigError::Invalid { file: self.name.clone(), line, column, field, message, more: Vec::new() }
    }
}

fn invalid(file: &str, text: &str, field: &str, e: &toml::de::Error) -> ConfigError {
    let (line, column) = line_column(text, e.span().map_or(0, |s| s.start));
    ConfigError::Invalid {
        file: file.to_owned(),
        line,
        column,
        field: field.to_owned(),
        message: friendly(e.message()),
        more: Vec::new(),
    }
}

/// `text` with its 1-based line `line` emptied (line numbers kept).
fn blank_line(text: &str, line: usize) -> String {
    text.split_inclusive('\n')
        .enumerate()
        .map(|(k, l)| if k + 1 == line { if l.ends_with('\n') { "\n" } else { "" } } else { l })
        .collect()
}

/// Serde's words for people who write config files.
fn friendly(message: &str) -> String {
    message.trim().replace("unknown variant", "unknown name")
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
        let mut config = Self::from_texts(user)?;
        config.file = path.map(Path::to_path_buf).or_else(user_path);
        // https://no-color.org: set and not empty means no colour.
        config.theme.plain = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(config)
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

    /// The folder the reader's exports go to: the one configured (`~`
    /// standing for the home folder), else the Documents folder in the home
    /// folder when there is one, else the home folder, else the current one.
    #[must_use]
    pub fn export_folder(&self) -> PathBuf {
        let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
        let set = self.export_folder.trim();
        if !set.is_empty() {
            return match (set.strip_prefix('~'), &home) {
                (Some(rest), Some(home)) => home.join(rest.trim_start_matches('/')),
                _ => PathBuf::from(set),
            };
        }
        match home {
            Some(home) if home.join("Documents").is_dir() => home.join("Documents"),
            Some(home) => home,
            None => PathBuf::from("."),
        }
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
    // A preset's colours lie between the defaults and the user's own.
    let light = match u.and_then(|u| u.theme.preset) {
        Some(Preset::Light) => Some(Source::parse("built-in light theme".to_owned(), LIGHT.to_owned())?),
        _ => None,
    };
    let p = light.as_ref().map(|l| &l.config);

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
        u.and_then(|u| f(&u.theme))
            .or_else(|| p.and_then(|p| f(&p.theme)))
            .or_else(|| f(&b.theme))
            .map(|c| c.0)
            .ok_or_else(|| missing(name))
    };
    let mut entities: BTreeMap<EntityLabel, Color> =
        b.theme.entities.iter().map(|(&l, c)| (l, c.0)).collect();
    for layer in [p, u].into_iter().flatten() {
        entities.extend(layer.theme.entities.iter().map(|(&l, c)| (l, c.0)));
    }
    let theme = Theme {
        accent: colour(|t| t.accent, "theme.accent")?,
        dim: colour(|t| t.dim, "theme.dim")?,
        selection: colour(|t| t.selection, "theme.selection")?,
        found: colour(|t| t.found, "theme.found")?,
        marked: colour(|t| t.marked, "theme.marked")?,
        cursor: colour(|t| t.cursor, "theme.cursor")?,
        speakers: u
            .and_then(|u| u.theme.speakers.clone())
            .or_else(|| p.and_then(|p| p.theme.speakers.clone()))
            .or_else(|| b.theme.speakers.clone())
            .ok_or_else(|| missing("theme.speakers"))?
            .0,
        entities,
        highlight,
        plain: false,
    };

    // Defaults for the actions the user did not rebind, then the user's own
    // lists; a key the user binds is taken from its default action.
    let rebound = |a: &Action| user.is_some_and(|u| u.keys.iter().any(|(b, _)| b == a));
    let mut bindings: Vec<(Action, Vec<Key>)> = Vec::new();
    for (action, keys) in base.keys.iter().filter(|(a, _)| !rebound(a)) {
        bindings.push((*action, keys.iter().map(|k| k.0).collect()));
    }
    if let Some(user) = user {
        let mut seen: HashMap<Key, Action> = HashMap::new();
        for (action, keys) in &user.keys {
            for (key, span) in keys {
                if let Some(other) = seen.insert(*key, *action).filter(|o| o != action) {
                    return Err(user.error_at(
                        span.clone(),
                        format!("keys.{}", action_name(*action)),
                        format!("`{key}` is also bound to `{}` in this file", action_name(other)),
                    ));
                }
            }
            bindings.push((*action, keys.iter().map(|k| k.0).collect()));
        }
    }
    let export_folder =
        u.and_then(|u| u.export.folder.clone()).or_else(|| b.export.folder.clone()).unwrap_or_default();
    let words_only = u
        .and_then(|u| u.quotes.words_only)
        .or(b.quotes.words_only)
        .ok_or_else(|| missing("quotes.words_only"))?;
    Ok(Config {
        side_width: side_width.0,
        text_width: text_width.0,
        theme,
        keymap: Keymap::new(bindings),
        export_folder,
        words_only,
        file: None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn with(user: &str) -> Result<Config, ConfigError> {
        Config::from_texts(Some(("my.toml".to_owned(), user.to_owned())))
    }

    fn error(user: &str) -> String {
        with(user).expect_err("a bad config").to_string()
    }

    #[test]
    fn the_shipped_file_is_complete_and_valid() {
        let c = Config::defaults().expect("the built-in config.toml parses");
        assert_eq!((c.side_width, c.text_width), (32, 84));
        assert_eq!(c.theme.entities.len(), EntityLabel::ALL.len(), "a colour for every entity type");
        for (_, actions) in crate::action::HELP_SECTIONS {
            for &a in actions {
                assert!(!c.keymap.keys(a).is_empty(), "{a:?} has a default key");
            }
        }
        // Every [keys] entry names a real action and the defaults share no key.
        let base = Source::parse("config.toml".to_owned(), DEFAULT.to_owned()).expect("parses");
        let mut seen = HashMap::new();
        for (action, keys) in &base.keys {
            for (k, _) in keys {
                assert_eq!(seen.insert(*k, *action), None, "{k} bound twice");
            }
        }
    }

    #[test]
    fn the_users_file_is_laid_over_the_defaults() {
        let c =
            with("[theme]\naccent = \"#ff8800\"\n[theme.entities]\nORG = \"red\"\n[keys]\nquit = [\"x\"]\n")
                .expect("valid");
        assert_eq!(c.theme.accent, Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(c.theme.entities[&EntityLabel::Org], Color::Red);
        assert_eq!(c.theme.entities[&EntityLabel::Person], Color::Cyan, "untouched defaults stay");
        assert_eq!(c.keymap.hint(Action::Quit), "x");
        assert_eq!(c.keymap.hint(Action::Help), "?");
        assert_eq!(c.side_width, 32);
    }

    #[test]
    fn mistakes_name_file_line_column_and_field() {
        for (user, expected) in [
            (
                "[layout]\nside_width = 30\nsidewidth = 3\n",
                "my.toml:3:1: `layout.sidewidth`: unknown field `sidewidth`",
            ),
            ("[theme]\naccent = \"bluish\"\n", "my.toml:2:10: `theme.accent`: `bluish` is not a colour"),
            (
                "[layout]\ntext_width = 5\n",
                "my.toml:2:14: `layout.text_width`: 5 is out of range: use 20 to 400",
            ),
            ("[keys]\nquit = [\"q\", \"hyper-q\"]\n", "my.toml:2:14: `keys.quit[1]`: unknown key `hyper-q`"),
            (
                "[keys]\nfly = [\"q\"]\n",
                "my.toml:2:1: `keys`: unknown name `fly`, expected one of `scroll_down`",
            ),
            (
                "[text]\nhighlight = [\"PERSON\", \"ANIMAL\"]\n",
                "my.toml:2:24: `text.highlight[1]`: unknown name `ANIMAL`",
            ),
            (
                "[keys]\nquit = [\"x\"]\nhelp = [\"x\"]\n",
                "my.toml:3:9: `keys.help`: `x` is also bound to `quit` in this file",
            ),
            ("[theme\n", "my.toml:1:7: unclosed table"),
            ("[theme]\nspeakers = []\n", "my.toml:2:12: `theme.speakers`: give at least one colour"),
            (
                "side_width = 30\n",
                "my.toml:1:1: `side_width`: unknown field `side_width`, expected one of `layout`",
            ),
        ] {
            let e = error(user);
            assert!(e.starts_with(expected), "{user:?} gave {e}");
            assert!(e.ends_with("(`sayso config` prints the documented defaults)"));
        }
    }

    #[test]
    fn every_mistake_of_a_file_is_reported() {
        let e = error("[layout]\nside_width = 3\ntext_width = 5\n[theme]\naccent = \"bluish\"\n");
        let lines: Vec<&str> = e.lines().collect();
        assert!(lines[0].starts_with("my.toml:2:14: `layout.side_width`: 3 is out of range"), "{e}");
        assert!(lines[1].starts_with("my.toml:3:14: `layout.text_width`: 5 is out of range"), "{e}");
        assert!(lines[2].starts_with("my.toml:5:10: `theme.accent`: `bluish` is not a colour"), "{e}");
        assert_eq!(lines.len(), 4, "{e}");
        // After a syntax error nothing can be trusted: the message says so.
        let e = error("[theme\naccent = \"bluish\"\n");
        assert!(e.contains("there may be more mistakes"), "{e}");
    }

    #[test]
    fn the_light_preset_is_laid_between_the_defaults_and_the_users_colours() {
        let dark = Config::defaults().expect("defaults");
        let light = with("theme = \"light\"\n").expect("a preset name");
        assert_ne!(light.theme.accent, dark.theme.accent);
        assert_ne!(light.theme.entities[&EntityLabel::Person], dark.theme.entities[&EntityLabel::Person]);
        let mixed = with("[theme]\npreset = \"light\"\naccent = \"red\"\n").expect("preset and colours");
        assert_eq!(mixed.theme.accent, Color::Red);
        assert_eq!(mixed.theme.dim, light.theme.dim);
        assert_eq!(with("theme = \"dark\"\n").expect("dark").theme.accent, dark.theme.accent);
        let e = error("theme = \"sepia\"\n");
        assert!(e.starts_with("my.toml:1:9: `theme`: unknown name `sepia`"), "{e}");
        // The preset file is complete: every colour, every entity type.
        let preset = Source::parse("light".to_owned(), LIGHT.to_owned()).expect("the preset parses");
        let t = &preset.config.theme;
        assert!(t.accent.is_some() && t.dim.is_some() && t.selection.is_some() && t.speakers.is_some());
        assert_eq!(t.entities.len(), EntityLabel::ALL.len());
    }

    #[test]
    fn a_missing_file_given_on_the_command_line_is_an_error() {
        let e = Config::load(Some(Path::new("/nonexistent/sayso.toml"))).expect_err("missing");
        assert!(e.to_string().contains("could not read the config file /nonexistent/sayso.toml"));
    }
}
