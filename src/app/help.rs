//! The help overlay's lines, written from the keymap in force.

use std::ops::Range;

use ratatui::layout::Rect;
use sayso_nlp::EntityLabel;

use super::wrap::width;

use crate::action::HELP_SECTIONS;
use crate::config::Config;

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys (or, in the legend, a sample).
    pub keys: String,
    /// What they do.
    pub what: String,
    /// A section heading.
    pub heading: bool,
    /// In the legend: the entity type whose colour the sample takes.
    pub colour: Option<EntityLabel>,
}

impl HelpLine {
    fn row(keys: &str, what: &str) -> Self {
        Self { keys: keys.to_owned(), what: what.to_owned(), heading: false, colour: None }
    }

    fn heading(title: &str) -> Self {
        Self { heading: true, ..Self::row(title, "") }
    }

    fn blank() -> Self {
        Self::row("", "")
    }
}

/// What the legend says an entity type's colour marks.
const fn entity_words(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "names of people",
        EntityLabel::Org => "names of organisations",
        EntityLabel::Loc => "names of places",
        EntityLabel::Misc => "other names: events, nationalities, works…",
        EntityLabel::Date => "dates",
        EntityLabel::Time => "times of day",
        EntityLabel::Money => "sums of money",
        EntityLabel::Percent => "percentages",
        EntityLabel::Title => "titles and roles",
    }
}

/// The heading of an entity type's group in the Entities pane.
#[must_use]
pub const fn entity_heading(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "People",
        EntityLabel::Org => "Organisations",
        EntityLabel::Loc => "Places",
        EntityLabel::Misc => "Other names",
        EntityLabel::Date => "Dates",
        EntityLabel::Time => "Times",
        EntityLabel::Money => "Money",
        EntityLabel::Percent => "Percentages",
        EntityLabel::Title => "Titles",
    }
}

/// What an entity type is called in the legend.
#[must_use]
pub const fn entity_name(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "person",
        EntityLabel::Org => "organisation",
        EntityLabel::Loc => "place",
        EntityLabel::Misc => "other name",
        EntityLabel::Date => "date",
        EntityLabel::Time => "time",
        EntityLabel::Money => "money",
        EntityLabel::Percent => "percentage",
        EntityLabel::Title => "title",
    }
}

/// Widest the keys column gets.
pub const KEYS_WIDTH: usize = 16;

/// The help's lines: a heading per section, then keys and what they do;
/// then the mouse, and what the colours and marks in the text mean.
#[must_use]
pub fn lines(config: &Config) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for (i, (title, actions)) in HELP_SECTIONS.iter().enumerate() {
        if i > 0 {
            out.push(HelpLine::blank());
        }
        out.push(HelpLine::heading(title));
        for &action in *actions {
            let keys: Vec<String> = config.keymap.keys(action).iter().map(ToString::to_string).collect();
            let keys = if keys.is_empty() { "—".to_owned() } else { keys.join(" ") };
            out.push(HelpLine::row(&keys, action.describe()));
        }
    }
    out.push(HelpLine::blank());
    out.push(HelpLine::heading("Mouse"));
    out.push(HelpLine::row("wheel", "scroll the pane under the pointer"));
    out.push(HelpLine::row("click", "select a speaker, quote or entity; in the text, a quote"));
    out.push(HelpLine::row("Shift-drag", "select text to copy (in most terminals)"));
    out.push(HelpLine::blank());
    out.push(HelpLine::heading("In the text"));
    for &label in &config.theme.highlight {
        let name = entity_name(label);
        out.push(HelpLine {
            colour: Some(label),
            ..HelpLine::row(&format!("■ {name}"), entity_words(label))
        });
    }
    out.push(HelpLine::row("italic", "words someone is reported to have said"));
    out.push(HelpLine::row("bold", "the current quote, in its speaker's colour"));
    out.push(HelpLine::row("underlined", "the verb that reports it (said, told…)"));
    out.push(HelpLine::row("▌", "beside the text: a speaker's words, in their colour"));
    out.push(HelpLine::row("✎", "after a line: a note of yours begins there"));
    out
}

/// Where the help goes on a screen: its size, and which lines each of its
/// columns holds (two side by side when the screen is wide enough and one
/// would not fit its height).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    /// The box, border included.
    pub area: Rect,
    /// The lines of each column.
    pub columns: Vec<Range<usize>>,
    /// Rows of lines the tallest column has.
    pub rows: usize,
    /// Columns of the keys, in each column.
    pub keys_width: usize,
    /// Columns of one column of lines, keys and words.
    pub column_width: usize,
}

/// Lay out `lines` on a screen of `screen`.
#[must_use]
pub fn layout(lines: &[HelpLine], screen: Rect) -> HelpLayout {
    let keys_width =
        lines.iter().filter(|l| !l.heading).map(|l| width(&l.keys)).max().unwrap_or(0).min(KEYS_WIDTH);
    let what = lines.iter().map(|l| width(&l.what)).max().unwrap_or(0);
    let column_width = keys_width + 2 + what;
    let fits = usize::from(screen.height.saturating_sub(4));
    let two = lines.len() > fits && usize::from(screen.width) >= 2 * column_width + 9;
    let columns = if two {
        // Split at the section boundary that evens the two columns best.
        let split = (1..lines.len())
            .filter(|&i| lines[i - 1].keys.is_empty() && lines[i - 1].what.is_empty())
            .min_by_key(|&i| (i - 1).max(lines.len() - i))
            .unwrap_or(lines.len() / 2);
        vec![0..split.saturating_sub(1), split..lines.len()]
    } else {
        std::iter::once(0..lines.len()).collect()
    };
    let rows = columns.iter().map(ExactSizeIterator::len).max().unwrap_or(0);
    let want_w = u16::try_from(columns.len() * (column_width + 3) + 4).unwrap_or(u16::MAX);
    let want_h = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    let w = want_w.min(screen.width.saturating_sub(2)).max(screen.width.min(12));
    let h = want_h.min(screen.height.saturating_sub(2)).max(screen.height.min(3));
    let area = Rect::new(screen.x + (screen.width - w) / 2, screen.y + (screen.height - h) / 2, w, h);
    HelpLayout { area, columns, rows, keys_width, column_width }
}

/// The furthest the help scrolls on a screen of `screen`: its last line at
/// the bottom, never past it.
#[must_use]
pub fn max_scroll(config: &Config, screen: Rect) -> usize {
    let l = layout(&lines(config), screen);
    l.rows.saturating_sub(usize::from(l.area.height.saturating_sub(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_screen_shows_the_help_in_two_columns_without_scrolling() {
        let config = Config::defaults().expect("defaults");
        let all = lines(&config);
        let wide = layout(&all, Rect::new(0, 0, 200, 50));
        assert_eq!(wide.columns.len(), 2);
        assert_eq!(max_scroll(&config, Rect::new(0, 0, 200, 50)), 0, "all of it on one screen");
        assert!(wide.area.width <= 200 && wide.area.height <= 48);
        // Every line is in one column, in order, blank separators aside.
        let shown: usize = wide.columns.iter().map(ExactSizeIterator::len).sum();
        assert!(shown + 1 >= all.len());
        let narrow = layout(&all, Rect::new(0, 0, 100, 30));
        assert_eq!(narrow.columns.len(), 1);
        assert!(max_scroll(&config, Rect::new(0, 0, 100, 30)) > 0);
    }

    #[test]
    fn the_legend_names_each_coloured_kind() {
        let config = Config::defaults().expect("defaults");
        let all = lines(&config);
        for label in [EntityLabel::Person, EntityLabel::Org, EntityLabel::Loc] {
            assert!(all.iter().any(|l| l.colour == Some(label) && l.keys.contains(entity_name(label))));
        }
    }
}
