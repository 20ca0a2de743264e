//! The dialogs over the reader: the note editor, tags, who said it, export.
//! While one is open it takes every key.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use super::notes::{Effect, UserNote};
use super::state::State;
use crate::export::Format as ExportFormat;

/// An open dialog.
#[derive(Debug, Clone)]
pub struct Dialog {
    /// Which dialog, and what is typed in it.
    pub kind: Kind,
    /// Waiting for the library to confirm a save; the dialog closes then.
    pub saving: bool,
}

/// The dialogs.
#[derive(Debug, Clone)]
pub enum Kind {
    /// The note editor.
    Note {
        /// The text being written.
        editor: Box<TextArea<'static>>,
        /// The note as it was when the editor opened.
        note: UserNote,
        /// Asking whether to throw away what was typed.
        confirm: bool,
    },
    /// The tags line.
    Tags {
        /// The tags being typed.
        input: Box<TextArea<'static>>,
        /// The note they go on.
        note: UserNote,
    },
    /// Who really said the current quote.
    Speaker {
        /// A name typed, which also filters the list.
        input: Box<TextArea<'static>>,
        /// The attribution being corrected.
        quote: usize,
        /// Its words, to show which quote this is.
        words: String,
        /// Who has it now, if anyone.
        now: Option<String>,
        /// The article's speakers.
        names: Vec<String>,
        /// The highlighted choice among [`Dialog::choices`].
        selected: usize,
    },
    /// Why something cannot be done now (notes are off: the library is
    /// damaged, read-only, or the disk is full). It takes every key until
    /// closed, so words typed for a dialog that could not open never run
    /// as commands.
    Notice {
        /// The title.
        title: String,
        /// What happened and what to do.
        text: String,
    },
    /// Export to a file.
    Export {
        /// The format chosen.
        format: ExportFormat,
        /// The file to write.
        path: Box<TextArea<'static>>,
    },
}

fn line_input(text: &str) -> Box<TextArea<'static>> {
    let mut t = TextArea::new(vec![text.to_owned()]);
    t.set_cursor_line_style(Style::new());
    t.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    t.move_cursor(ratatui_textarea::CursorMove::End);
    Box::new(t)
}

/// The one line of a single-line input.
fn first_line(t: &TextArea<'_>) -> String {
    t.lines().first().cloned().unwrap_or_default()
}

/// A file name from a headline: lower case words joined by hyphens.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() { "article".to_owned() } else { words.join("-") }
}

/// Split typed tags on commas and spaces; `#` in front is dropped, repeats go.
#[must_use]
pub fn parse_tags(typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in typed.split([',', ' ', '\t']).map(|t| t.trim().trim_start_matches('#')) {
        let t = crate::safe::own_line(t);
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

impl Dialog {
    fn new(kind: Kind) -> Self {
        Self { kind, saving: false }
    }

    /// The note editor for `note`.
    #[must_use]
    pub fn note(note: UserNote) -> Self {
        let lines = if note.body.is_empty() {
            vec![String::new()]
        } else {
            note.body.lines().map(str::to_owned).collect()
        };
        let mut editor = TextArea::new(lines);
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_cursor_line_style(Style::new());
        editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        editor.set_placeholder_text("Write your note…");
        editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
        editor.move_cursor(ratatui_textarea::CursorMove::End);
        Self::new(Kind::Note { editor: Box::new(editor), note, confirm: false })
    }

    /// The tags line for `note`.
    #[must_use]
    pub fn tags(note: UserNote) -> Self {
        let input = line_input(&note.tags.join(" "));
        Self::new(Kind::Tags { input, note })
    }

    /// The speaker picker for attribution `quote`.
    #[must_use]
    pub fn speaker(quote: usize, words: String, now: Option<String>, names: Vec<String>) -> Self {
        Self::new(Kind::Speaker { input: line_input(""), quote, words, now, names, selected: 0 })
    }

    /// A notice that takes every key until Esc or Enter closes it.
    #[must_use]
    pub fn notice(title: &str, text: String) -> Self {
        Self::new(Kind::Notice { title: title.to_owned(), text })
    }

    /// The export dialog, with the full path of a file in `folder` named
    /// after the headline, so the reader sees where it goes before it is written.
    #[must_use]
    pub fn export(title: &str, folder: &std::path::Path) -> Self {
        let format = ExportFormat::default();
        let file = folder.join(format!("{}.{}", slug(title), format.extension()));
        let path = line_input(&file.to_string_lossy());
        Self::new(Kind::Export { format, path })
    }

    /// The speaker picker's choices: speakers whose name holds what is
    /// typed, then the typed name itself when it is new.
    #[must_use]
    pub fn choices(&self) -> Vec<String> {
        let Kind::Speaker { input, names, .. } = &self.kind else { return Vec::new() };
        let typed = crate::safe::line(first_line(input).trim());
        let lower = typed.to_lowercase();
        let mut out: Vec<String> =
            names.iter().filter(|n| n.to_lowercase().contains(&lower)).cloned().collect();
        if !typed.is_empty() && !names.iter().any(|n| n.to_lowercase() == lower) {
            out.push(typed);
        }
        out
    }
}

/// Handle a key while a dialog is open.
pub(super) fn on_key(state: &mut State, key: KeyEvent) {
    let Some(mut dialog) = state.dialog.take() else { return };
    if dialog.saving {
        // A save is on its way; keys wait for it.
        state.dialog = Some(dialog);
        return;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let choices = dialog.choices();
    let keep = match &mut dialog.kind {
        Kind::Note { editor, note, confirm } => {
            let typed = editor.lines().join("\n");
            let changed = typed.trim_end() != note.body.trim_end();
            if *confirm {
                match key.code {
                    KeyCode::Char('y' | 'Y') => false,
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                        *confirm = false;
                        true
                    }
                    _ => true,
                }
            } else if ctrl && key.code == KeyCode::Char('s') {
                let mut saved = note.clone();
                saved.body = typed.trim_end().to_owned();
                save(state, &mut dialog.saving, saved)
            } else if key.code == KeyCode::Esc {
                *confirm = changed;
                changed
            } else {
                editor.input(key);
                true
            }
        }
        Kind::Tags { input, note } => match key.code {
            KeyCode::Enter => {
                let mut saved = note.clone();
                saved.tags = parse_tags(&first_line(input));
                save(state, &mut dialog.saving, saved)
            }
            KeyCode::Esc => false,
            _ => {
                single_line_input(input, key);
                true
            }
        },
        Kind::Speaker { input, quote, selected, .. } => match key.code {
            KeyCode::Enter => match choices.get(*selected) {
                Some(name) => {
                    let content =
                        state.doc.as_ref().and_then(|d| d.ann.quotes.get(*quote)).map(|q| q.content);
                    if let Some(content) = content {
                        state.effects.push(Effect::Reassign { content, speaker: name.clone() });
                        dialog.saving = true;
                    }
                    content.is_some()
                }
                None => {
                    state.message = Some("type a name, or pick one with ↑/↓".to_owned());
                    true
                }
            },
            KeyCode::Esc => false,
            KeyCode::Down | KeyCode::Tab => {
                *selected = (*selected + 1).min(choices.len().saturating_sub(1));
                true
            }
            KeyCode::Up | KeyCode::BackTab => {
                *selected = selected.saturating_sub(1);
                true
            }
            _ => {
                single_line_input(input, key);
                *selected = 0;
                true
            }
        },
        // Only a key that closes it gets through; the rest wait.
        Kind::Notice { .. } => !matches!(key.code, KeyCode::Esc | KeyCode::Enter),
        Kind::Export { format, path } => match key.code {
            KeyCode::Enter => {
                let file = first_line(path);
                if file.trim().is_empty() {
                    state.message = Some("give the file a name".to_owned());
                } else {
                    state.effects.push(Effect::Export { format: *format, path: PathBuf::from(file.trim()) });
                    dialog.saving = true;
                }
                true
            }
            KeyCode::Esc => false,
            KeyCode::Tab | KeyCode::BackTab => {
                let at = ExportFormat::DIALOG.iter().position(|f| f == format).unwrap_or(0);
                let step = if key.code == KeyCode::Tab { 1 } else { ExportFormat::DIALOG.len() - 1 };
                let next = ExportFormat::DIALOG[(at + step) % ExportFormat::DIALOG.len()];
                let file = first_line(path);
                let old = format!(".{}", format.extension());
                if let Some(stem) = file.strip_suffix(&old) {
                    **path = *line_input(&format!("{stem}.{}", next.extension()));
                }
                *format = next;
                true
            }
            _ => {
                single_line_input(path, key);
                true
            }
        },
    };
    if keep {
        state.dialog = Some(dialog);
    }
}

/// Ask for `note` to be saved (or deleted when nothing is left of it);
/// returns whether the dialog stays open, waiting for the library.
fn save(state: &mut State, saving: &mut bool, note: UserNote) -> bool {
    if note.is_empty() {
        if note.id.is_some() {
            state.effects.push(Effect::Delete(note));
        }
        return false;
    }
    state.effects.push(Effect::Save(note));
    *saving = true;
    true
}

/// Keys for a one-line input: no new lines.
fn single_line_input(input: &mut TextArea<'static>, key: KeyEvent) {
    let newline = matches!(key.code, KeyCode::Enter)
        || (key.modifiers.contains(KeyModifiers::CONTROL) && matches!(key.code, KeyCode::Char('m' | 'j')));
    if !newline {
        input.input(key);
    }
}
