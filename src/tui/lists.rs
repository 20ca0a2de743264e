//! The side panes: Speakers, Quotes and Entities.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Block, Widget};

use super::layout;
use super::safe;
use super::theme::Theme;
use super::wrap::{self, ellipsis, width};
use crate::app::document::{Document, EntityRow};
use crate::app::state::{Pane, State};

/// The colour chip before a name.
const CHIP: &str = "●";
/// The marker of the current attribution in the Quotes list.
const CURRENT: &str = "▶";

/// A bordered pane with a title; returns its inside.
pub(super) fn frame(buf: &mut Buffer, area: Rect, title: &str, focused: bool, theme: &Theme) -> Rect {
    let area = area.intersection(buf.area);
    let title = ellipsis(title, usize::from(area.width.saturating_sub(2)));
    Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(title, theme.title(focused)))
        .render(area, buf);
    layout::inner(area).intersection(buf.area)
}

/// What the chips' colours mean, on the pane's bottom border, as much of
/// it as fits: `■ person ■ organisation ■ place`.
fn legend(buf: &mut Buffer, area: Rect, theme: &Theme) {
    let area = area.intersection(buf.area);
    if area.height < 3 || area.width < 12 {
        return;
    }
    let room = usize::from(area.width - 4);
    let mut spans = Vec::new();
    let mut used = 0;
    for label in crate::app::document::LISTED_ENTITIES {
        let name = crate::app::help::entity_name(label);
        let w = wrap::width(name) + 3;
        if used + w > room {
            break;
        }
        used += w;
        spans.push(TextSpan::styled(format!(" {CHIP}"), Style::new().fg(theme.entity_chip(label))));
        spans.push(TextSpan::styled(format!(" {name}"), theme.faint()));
    }
    spans.push(TextSpan::raw(" "));
    buf.set_line(area.x + 2, area.bottom() - 1, &Line::from(spans), area.width - 4);
}

/// One list row: a chip, a name cut to fit, and a count on the right.
fn chip_row(buf: &mut Buffer, area: Rect, y: u16, chip: Color, name: &str, count: usize, style: Style) {
    let w = usize::from(area.width);
    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    let count = count.to_string();
    let name_w = w.saturating_sub(4 + count.len() + 1);
    let line = Line::from(vec![
        TextSpan::raw(" "),
        TextSpan::styled(CHIP, Style::new().fg(chip)),
        TextSpan::raw(" "),
        TextSpan::raw(ellipsis(name, name_w)),
    ]);
    buf.set_line(area.x, y, &line, area.width);
    if w > count.len() + 4 {
        let x = area.right() - u16::try_from(count.len()).unwrap_or(0) - 1;
        buf.set_string(x, y, &count, Style::new());
    }
}

/// A note in an empty list.
pub(super) fn note(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    for (y, row) in
        (area.y..area.bottom()).zip(wrap::wrap_plain(text, usize::from(area.width.saturating_sub(2)), 3))
    {
        buf.set_stringn(area.x + 1, y, row, usize::from(area.width.saturating_sub(1)), theme.faint());
    }
}

/// The Speakers pane: most attributions first, a colour chip and a count each.
pub fn speakers(state: &State, doc: &Document, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let focused = state.focus == Pane::Speakers;
    let title = if doc.speakers.is_empty() {
        " Speakers ".to_owned()
    } else {
        format!(" Speakers · {} ", doc.speakers.len())
    };
    let inner = frame(buf, state.areas.speakers, &title, focused, theme);
    if inner.is_empty() {
        return;
    }
    if doc.speakers.is_empty() {
        return note(buf, inner, "No attributed speech found.", theme);
    }
    let view = state.speakers;
    for (y, (rank, s)) in (inner.y..inner.bottom()).zip(doc.speakers.iter().enumerate().skip(view.offset)) {
        let style = if rank == view.selected { theme.selected(focused) } else { Style::new() };
        chip_row(buf, inner, y, theme.speaker(doc.colour(Some(rank))), &s.name, s.quotes.len(), style);
    }
}

/// The Quotes pane: the selected speaker's attributions, two rows each.
pub fn quotes(state: &State, doc: &Document, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let focused = state.focus == Pane::Quotes;
    let rank = state.speakers.selected;
    let title =
        doc.speakers.get(rank).map_or_else(|| " Quotes ".to_owned(), |s| format!(" Quotes · {} ", s.name));
    let inner = frame(buf, state.areas.quotes, &title, focused, theme);
    if inner.is_empty() {
        return;
    }
    if doc.speakers.is_empty() {
        return note(
            buf,
            inner,
            "Who said what shows here: each speaker's quotes with their cue and paragraph.",
            theme,
        );
    }
    let rows = state.quote_rows();
    let list = state.speaker_quotes();
    let colour = theme.speaker(doc.colour(Some(rank)));
    let text_w = usize::from(inner.width.saturating_sub(3));
    let mut y = inner.y;
    for (i, &q) in list.iter().enumerate().skip(state.quotes.offset) {
        if y >= inner.bottom() {
            break;
        }
        let quote = &doc.ann.quotes[q];
        let para = format!("¶{}", doc.quote_paragraph[q]);
        let cue = quote
            .cue
            .map(|c| safe::line(c.slice(&doc.text)))
            .filter(|c| c.chars().any(char::is_alphanumeric))
            .unwrap_or_default();
        let content = doc
            .content_pieces(q)
            .iter()
            .map(|p| safe::line(p.slice(&doc.text)))
            .collect::<Vec<_>>()
            .join(" … ");
        // Verbatim words read as a quotation, as in the article.
        let bare = !content.starts_with(['“', '"', '«', '‘']);
        let content = if quote.kind == sayso_nlp::QuoteKind::Direct && bare {
            safe::in_quotes(&content)
        } else {
            content
        };
        // The act, then the cue when it says more ("thought · believes").
        let act = quote.act.as_str();
        let head = if cue.is_empty() || cue.eq_ignore_ascii_case(act) {
            format!("{para} {act}: ")
        } else {
            format!("{para} {act} · {cue}: ")
        };
        let mut plain = format!("{head}{content}");
        // Only the first rows are shown: do not wrap a long quote to its end.
        let mut keep = ((rows + 1) * text_w.max(1) * 4).min(plain.len());
        while !plain.is_char_boundary(keep) {
            keep -= 1;
        }
        plain.truncate(keep);
        let mut ranges = Vec::new();
        wrap::wrap_span(&plain, 0, plain.len(), text_w.max(1), |a, b| ranges.push((a, b)));
        let cut = ranges.len() > rows;
        ranges.truncate(rows);
        let selected = i == state.quotes.selected;
        let base = if selected { theme.selected(focused) } else { Style::new() };
        let height = u16::try_from(rows).unwrap_or(1).min(inner.bottom() - y);
        buf.set_style(Rect::new(inner.x, y, inner.width, height), base);
        if Some(q) == state.current {
            buf.set_string(inner.x + 1, y, CURRENT, Style::new().fg(colour));
        }
        for (k, &(a, b)) in ranges.iter().enumerate() {
            let row_y = y + u16::try_from(k).unwrap_or(0);
            if row_y >= inner.bottom() {
                break;
            }
            let mut spans = Vec::new();
            let para_end = para.len();
            let cue_end = head.len();
            let mut push = |from: usize, to: usize, style: Style| {
                let (from, to) = (from.max(a), to.min(b));
                if from < to {
                    spans.push(TextSpan::styled(plain[from..to].to_owned(), style));
                }
            };
            push(0, para_end, theme.faint());
            push(para_end, cue_end, Style::new().fg(colour));
            push(cue_end, plain.len(), Style::new().add_modifier(Modifier::ITALIC));
            if cut && k + 1 == ranges.len() {
                let shown: usize = spans.iter().map(|s| width(&s.content)).sum();
                if shown >= text_w {
                    spans = trim_spans(spans, text_w.saturating_sub(1));
                }
                spans.push(TextSpan::raw("…"));
            }
            buf.set_line(inner.x + 3, row_y, &Line::from(spans), inner.width.saturating_sub(3));
        }
        y = y.saturating_add(u16::try_from(rows).unwrap_or(1));
    }
}

/// Cut styled spans to `max` columns.
fn trim_spans(spans: Vec<TextSpan<'static>>, max: usize) -> Vec<TextSpan<'static>> {
    let mut out = Vec::new();
    let mut left = max;
    for s in spans {
        let w = width(&s.content);
        if w <= left {
            left -= w;
            out.push(s);
        } else {
            out.push(TextSpan::styled(wrap::take_width(&s.content, left), s.style));
            break;
        }
    }
    out
}

/// The Entities pane: people, organisations and places by mentions.
pub fn entities(state: &State, doc: &Document, buf: &mut Buffer) {
    let theme = &state.config.theme;
    let focused = state.focus == Pane::Entities;
    let inner = frame(buf, state.areas.entities, " Entities ", focused, theme);
    if inner.is_empty() {
        return;
    }
    if doc.entities.is_empty() {
        return note(buf, inner, "No people, organisations or places found.", theme);
    }
    legend(buf, state.areas.entities, theme);
    let view = state.entities;
    let rows = doc.entity_rows(view.offset, usize::from(inner.height));
    for (y, row) in (inner.y..inner.bottom()).zip(rows) {
        match row {
            EntityRow::Heading(label) => {
                let heading = crate::app::help::entity_heading(label);
                let style = Style::new().fg(theme.entity_chip(label)).add_modifier(Modifier::BOLD);
                buf.set_stringn(inner.x + 1, y, heading, usize::from(inner.width.saturating_sub(1)), style);
            }
            EntityRow::Item(i) => {
                let Some(e) = doc.entities.get(i) else { continue };
                let style = if i == view.selected { theme.selected(focused) } else { Style::new() };
                chip_row(buf, inner, y, theme.entity_chip(e.label), &e.name, e.mentions.len(), style);
            }
        }
    }
}
