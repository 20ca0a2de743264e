//! Colours and styles, from the `[theme]` and `[text]` configuration.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use sayso_nlp::EntityLabel;

/// The reader's colours.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Focused borders and titles, the status badge.
    pub accent: Color,
    /// Unfocused borders, secondary text, dimmed text.
    pub dim: Color,
    /// Background of the selected row of a focused list.
    pub selection: Color,
    /// Background of search matches.
    pub found: Color,
    /// Background of the reader's own highlights.
    pub marked: Color,
    /// Background of the current sentence.
    pub cursor: Color,
    /// Speaker colours, by rank.
    pub speakers: Vec<Color>,
    /// Colour per entity type.
    pub entities: BTreeMap<EntityLabel, Color>,
    /// Entity types coloured in the text.
    pub highlight: Vec<EntityLabel>,
    /// No colour at all (`NO_COLOR` is set): what colour would show —
    /// the selection, the current sentence, matches, highlights — is marked
    /// by reverse video, underlines and margin marks instead.
    pub plain: bool,
}

impl Theme {
    /// The colour of the speaker at `rank` (most quoted is 0).
    #[must_use]
    pub fn speaker(&self, rank: Option<usize>) -> Color {
        match rank {
            Some(r) if !self.speakers.is_empty() => self.speakers[r % self.speakers.len()],
            _ => self.dim,
        }
    }

    /// The colour of an entity type in the text, if it is highlighted.
    #[must_use]
    pub fn entity(&self, label: EntityLabel) -> Option<Color> {
        if self.highlight.contains(&label) { self.entities.get(&label).copied() } else { None }
    }

    /// The colour of an entity type in lists, highlighted or not.
    #[must_use]
    pub fn entity_chip(&self, label: EntityLabel) -> Color {
        self.entities.get(&label).copied().unwrap_or(Color::Reset)
    }

    /// A pane's border: accent when focused.
    #[must_use]
    pub fn border(&self, focused: bool) -> Style {
        if focused { Style::new().fg(self.accent) } else { Style::new().fg(self.dim) }
    }

    /// A pane's title: bold, accent when focused.
    #[must_use]
    pub fn title(&self, focused: bool) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if focused { s.fg(self.accent) } else { s }
    }

    /// The mark of a highlight in lists: the highlight colour, made readable
    /// as a foreground when it is a dark palette colour.
    #[must_use]
    pub fn marked_chip(&self) -> Color {
        match self.marked {
            Color::Indexed(_) | Color::Reset | Color::Black => Color::Yellow,
            c => c,
        }
    }

    /// The status line's badge: the accent behind dark text, or reverse
    /// video without colour.
    #[must_use]
    pub fn badge(&self) -> Style {
        if self.plain {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().bg(self.accent).fg(Color::Black).add_modifier(Modifier::BOLD)
        }
    }

    /// Secondary text.
    #[must_use]
    pub fn faint(&self) -> Style {
        Style::new().fg(self.dim)
    }

    /// The selected row of a list: a background when the list is focused,
    /// bold otherwise; without colour, reverse video when focused.
    #[must_use]
    pub fn selected(&self, focused: bool) -> Style {
        if self.plain && focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else if focused {
            Style::new().bg(self.selection).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}
