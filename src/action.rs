//! What the reader can be asked to do: the names the keymap binds keys to.

use serde::Deserialize;

/// A command bound to keys in the `[keys]` table of the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll the article down a line, or select the next item of a list.
    ScrollDown,
    /// Scroll the article up a line, or select the previous item of a list.
    ScrollUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// To the top, or the first item.
    Top,
    /// To the bottom, or the last item.
    Bottom,
    /// Focus the next pane: article, speakers, quotes (entities).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Jump to what is selected in the focused pane.
    Select,
    /// The current speaker's next attribution (the next match while searching).
    NextQuote,
    /// The current speaker's previous attribution (the previous match while searching).
    PrevQuote,
    /// The next attribution of anyone.
    NextAny,
    /// The previous attribution of anyone.
    PrevAny,
    /// Search the text.
    Search,
    /// Dim everything but the current speaker's attributions.
    FocusSpeaker,
    /// Show or hide the entities pane.
    ToggleEntities,
    /// Show the keys.
    Help,
    /// Close the help or the search; clear a search.
    Close,
    /// Leave the reader.
    Quit,
    /// The next sentence becomes current.
    NextSentence,
    /// The previous sentence becomes current.
    PrevSentence,
    /// Highlight the current attribution (or sentence), or take the highlight off.
    Highlight,
    /// Write a note on the current attribution (or sentence).
    Note,
    /// Tag the current attribution (or sentence).
    Tags,
    /// Say who really spoke the current attribution.
    Reassign,
    /// Show or hide the Notes pane.
    Notes,
    /// Delete the selected note, or the one on the current passage.
    Delete,
    /// Bring back what was deleted last.
    Undo,
    /// Copy the current quote, with who said it, to the clipboard.
    Copy,
    /// Export the article's attributions and notes.
    Export,
    /// Leave the article for the library: every article and speaker kept.
    Library,
    /// List only speech and writing, or thought too (remembered in the config).
    WordsOnly,
}

/// The help's sections, in order, with the actions each lists.
pub const HELP_SECTIONS: [(&str, &[Action]); 5] = [
    (
        "Move",
        &[
            Action::ScrollDown,
            Action::ScrollUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::PageDown,
            Action::PageUp,
            Action::Top,
            Action::Bottom,
            Action::FocusNext,
            Action::FocusPrev,
            Action::Select,
            Action::NextSentence,
            Action::PrevSentence,
        ],
    ),
    (
        "Who said what",
        &[
            Action::NextQuote,
            Action::PrevQuote,
            Action::NextAny,
            Action::PrevAny,
            Action::FocusSpeaker,
            Action::WordsOnly,
        ],
    ),
    (
        "Highlights and notes",
        &[
            Action::Highlight,
            Action::Note,
            Action::Tags,
            Action::Reassign,
            Action::Notes,
            Action::Delete,
            Action::Undo,
            Action::Copy,
            Action::Export,
        ],
    ),
    ("Search", &[Action::Search, Action::Close]),
    ("Screen", &[Action::ToggleEntities, Action::Library, Action::Help, Action::Quit]),
];

impl Action {
    /// What the action does, as the help says it.
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::ScrollDown => "scroll down · next item",
            Self::ScrollUp => "scroll up · previous item",
            Self::HalfPageDown => "half a page down",
            Self::HalfPageUp => "half a page up",
            Self::PageDown => "a page down",
            Self::PageUp => "a page up",
            Self::Top => "top · first item",
            Self::Bottom => "bottom · last item",
            Self::FocusNext => "focus article → speakers → quotes",
            Self::FocusPrev => "focus the previous pane",
            Self::Select => "jump to the selected speaker, quote or entity",
            Self::NextQuote => "speaker's next quote (next match while searching)",
            Self::PrevQuote => "speaker's previous quote (previous match while searching)",
            Self::NextAny => "next quote of anyone",
            Self::PrevAny => "previous quote of anyone",
            Self::FocusSpeaker => "dim all but the current speaker's quotes",
            Self::WordsOnly => "list speech and writing only, or thought too",
            Self::Search => "search the text (Enter keeps it, Esc drops it)",
            Self::Close => "close help · clear the search",
            Self::ToggleEntities => "show or hide the entities pane",
            Self::Help => "this help",
            Self::Quit => "quit",
            Self::NextSentence => "next sentence",
            Self::PrevSentence => "previous sentence",
            Self::Highlight => "highlight the current quote or sentence (again: take it off)",
            Self::Note => "write a note on it (Ctrl-S saves, Esc cancels)",
            Self::Tags => "tag it (words separated by spaces or commas)",
            Self::Reassign => "say who really said the current quote",
            Self::Notes => "show your highlights and notes",
            Self::Delete => "delete the selected note",
            Self::Undo => "undo the last delete",
            Self::Copy => "copy the current quote with who said it",
            Self::Export => "export quotes and notes (Markdown, JSON, CSV)",
            Self::Library => "the library: every article and speaker kept",
        }
    }
}
