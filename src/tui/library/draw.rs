//! Drawing the library view: a bordered list with a header row, a status
//! line with the keys in force, and the help over it. Every text shown
//! passes through `safe::line`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::Action;
use crate::app::library::{LibraryView, Screen};
use crate::store::{ArticleSummary, SpeakerAttribution, SpeakerSummary, time};
use crate::tui::{safe, wrap};

/// Columns between two cells.
const GAP: usize = 2;
/// The title column keeps at least this many columns before others go.
const TITLE_MIN: usize = 24;

/// `n thing` or `n things`.
fn plural(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

/// `s` cut or padded to exactly `width` columns, on the left or right.
fn cell(s: &str, width: usize, right: bool) -> String {
    let s = wrap::ellipsis(s, width);
    let pad = " ".repeat(width.saturating_sub(wrap::width(&s)));
    if right { format!("{pad}{s}") } else { format!("{s}{pad}") }
}

/// Where an article comes from, shortly: its site, a URL's host, or a file's name.
fn place(a: &ArticleSummary) -> String {
    if let Some(site) = a.site.as_deref().filter(|s| !s.trim().is_empty()) {
        return safe::line(site);
    }
    // Text with no file or address (the sample, standard input): nothing to name.
    let Some(source) = a.source.as_deref() else { return "—".to_owned() };
    let short = match source.split_once("://") {
        Some((_, rest)) => rest.split('/').next().unwrap_or(rest),
        None => source.rsplit('/').next().unwrap_or(source),
    };
    safe::line(short)
}

/// The day it was published when known (its first ten characters when they
/// are a date), else the day it was added, marked as such.
fn day(a: &ArticleSummary) -> String {
    match a.published.as_deref().map(safe::line).filter(|p| !p.is_empty()) {
        Some(p) => p
            .get(..10)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
            .unwrap_or(&p)
            .to_owned(),
        // Not the article's own date: the day it came into the library, said so.
        None => format!("added {}", time::rfc3339(a.added).get(5..10).unwrap_or_default()),
    }
}

/// A column: its header, width, and whether its text sits on the right.
struct Column {
    header: &'static str,
    width: usize,
    right: bool,
}

/// The article list's columns that fit in `width`, after the title;
/// the source goes first, then notes, the date and the speakers.
fn article_columns(width: usize) -> Vec<Column> {
    let source = Column { header: "Source", width: (width / 5).clamp(8, 24), right: false };
    let date = Column { header: "Date", width: 11, right: false };
    let speakers = Column { header: "Speakers", width: 8, right: true };
    let notes = Column { header: "Notes", width: 5, right: true };
    let mut cols = vec![source, date, speakers, notes];
    for drop in ["Source", "Notes", "Date", "Speakers"] {
        let used: usize = cols.iter().map(|c| c.width + GAP).sum();
        if width >= used + TITLE_MIN {
            break;
        }
        cols.retain(|c| c.header != drop);
    }
    cols
}

fn speaker_columns(width: usize) -> Vec<Column> {
    let mut cols = vec![
        Column { header: "Articles", width: 8, right: true },
        Column { header: "Attributions", width: 12, right: true },
    ];
    for drop in ["Articles", "Attributions"] {
        let used: usize = cols.iter().map(|c| c.width + GAP).sum();
        if width >= used + TITLE_MIN / 2 {
            break;
        }
        cols.retain(|c| c.header != drop);
    }
    cols
}

/// One row: the first text in the remaining width, then the columns.
fn row(
    first: &[Span<'static>],
    cells: &[String],
    cols: &[Column],
    width: usize,
    style: Style,
) -> Line<'static> {
    let used: usize = cols.iter().map(|c| c.width + GAP).sum();
    let first_w = width.saturating_sub(used);
    let mut spans = Vec::new();
    let mut left = first_w;
    for s in first {
        let text = wrap::ellipsis(&s.content, left);
        left = left.saturating_sub(wrap::width(&text));
        spans.push(Span::styled(text, style.patch(s.style)));
        if left == 0 {
            break;
        }
    }
    spans.push(Span::styled(" ".repeat(left), style));
    for (c, text) in cols.iter().zip(cells) {
        spans.push(Span::styled(format!("{}{}", " ".repeat(GAP), cell(text, c.width, c.right)), style));
    }
    Line::from(spans)
}

fn header(title: &'static str, cols: &[Column], width: usize, style: Style) -> Line<'static> {
    let cells: Vec<String> = cols.iter().map(|c| c.header.to_owned()).collect();
    row(&[Span::raw(title)], &cells, cols, width, style)
}

impl LibraryView {
    /// Draw the view into `buf`, as laid out by [`LibraryView::settle`].
    pub fn draw(&self, buf: &mut Buffer) {
        let area = buf.area;
        if area.height < 3 || area.width < 10 {
            return;
        }
        let list = Rect::new(area.x, area.y, area.width, area.height - 1);
        let block =
            Block::bordered().border_style(self.config.theme.border(true)).title(self.title(list.width));
        let inner = block.inner(list);
        block.render(list, buf);
        // A column of air on each side, when there is room for it.
        let inner = if inner.width > 20 {
            Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
        } else {
            inner
        };
        match self.screen {
            Screen::Articles => self.draw_articles(inner, buf),
            Screen::Speakers => self.draw_speakers(inner, buf),
            Screen::Attributions => self.draw_attributions(inner, buf),
        }
        let bar = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        self.draw_status(bar, buf);
        if self.help {
            self.draw_help(area, buf);
        }
    }

    /// The frame's title: the two lists as tabs, or the chosen speaker.
    fn title(&self, width: u16) -> Line<'static> {
        let room = usize::from(width.saturating_sub(4));
        let theme = &self.config.theme;
        if self.screen == Screen::Attributions {
            let name = self.speaker.as_ref().map_or_else(String::new, |s| safe::line(&s.name));
            let articles = self.speaker.as_ref().map_or(0, |s| s.articles);
            let text = format!(
                " {name} · {} in {} ",
                plural(self.attributions.len(), "attribution"),
                plural(articles, "article")
            );
            return Line::styled(wrap::ellipsis(&text, room), theme.title(true));
        }
        let articles = format!(" Articles ({}) ", self.articles.len());
        // Unnamed sources ("officials") are left out unless asked for: say so,
        // since the reader lists them among an article's speakers.
        let speakers = if self.all {
            format!(" Speakers ({}) ", self.shown.len())
        } else {
            format!(" Speakers ({} named) ", self.shown.len())
        };
        let (on, off) = (theme.title(true).add_modifier(Modifier::REVERSED), theme.faint());
        if wrap::width(&articles) + wrap::width(&speakers) + 1 > room {
            let only = if self.screen == Screen::Articles { articles } else { speakers };
            return Line::styled(wrap::ellipsis(&only, room), theme.title(true));
        }
        let styles = if self.screen == Screen::Articles { (on, off) } else { (off, on) };
        Line::from(vec![Span::styled(articles, styles.0), Span::raw(" "), Span::styled(speakers, styles.1)])
    }

    /// The list's area under an optional header, and the first and
    /// past-last entry shown (as laid out by `settle`).
    fn window(&self, inner: Rect, header: bool) -> (Rect, usize, usize) {
        let top = u16::from(header).min(inner.height);
        let body = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
        let (first, last) = self.shown_range();
        (body, first, last)
    }

    fn empty_note(&self, area: Rect, text: &str, buf: &mut Buffer) {
        if area.height > 0 {
            let line = Line::styled(wrap::ellipsis(text, usize::from(area.width)), self.config.theme.faint());
            line.render(Rect::new(area.x, area.y, area.width, 1), buf);
        }
    }

    fn draw_articles(&self, inner: Rect, buf: &mut Buffer) {
        let width = usize::from(inner.width);
        let cols = article_columns(width);
        let theme = self.config.theme.clone();
        if inner.height > 0 {
            let head = header("Title", &cols, width, Style::new().add_modifier(Modifier::BOLD));
            head.render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        }
        let (body, first, last) = self.window(inner, true);
        if self.articles.is_empty() {
            let text = if let Some(why) = &self.unreadable {
                format!("The library could not be read: {}", safe::line(why))
            } else if self.search.text.trim().is_empty() {
                "The library is empty: `sayso library add PATH` imports articles; every article read is kept."
                    .to_owned()
            } else {
                format!("No article holds “{}”. Esc clears the search.", safe::line(&self.search.text))
            };
            self.empty_note(body, &text, buf);
            return;
        }
        for (y, i) in (first..last).enumerate() {
            let a = &self.articles[i];
            let style = if i == self.cursors[0].selected { theme.selected(true) } else { Style::new() };
            let title = a.title.as_deref().map(safe::line).filter(|t| !t.is_empty());
            let title = title.unwrap_or_else(|| "(untitled)".to_owned());
            let cells: Vec<String> = cols
                .iter()
                .map(|c| match c.header {
                    "Source" => place(a),
                    "Date" => day(a),
                    "Speakers" => a.speakers.to_string(),
                    _ => a.notes.to_string(),
                })
                .collect();
            let line = row(&[Span::raw(title)], &cells, &cols, width, style);
            line.render(Rect::new(body.x, body.y + u16::try_from(y).unwrap_or(0), body.width, 1), buf);
        }
    }

    fn draw_speakers(&self, inner: Rect, buf: &mut Buffer) {
        let width = usize::from(inner.width);
        let cols = speaker_columns(width);
        let theme = self.config.theme.clone();
        if inner.height > 0 {
            let head = header("Speaker", &cols, width, Style::new().add_modifier(Modifier::BOLD));
            head.render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        }
        let (body, first, last) = self.window(inner, true);
        if self.shown.is_empty() {
            let text = if self.filter.text.trim().is_empty() {
                "No speakers yet: articles read or added with `sayso library add PATH` bring them.".to_owned()
            } else {
                format!("No speaker is called “{}”. Esc clears the filter.", safe::line(&self.filter.text))
            };
            self.empty_note(body, &text, buf);
            return;
        }
        for (y, i) in (first..last).enumerate() {
            let Some(s) = self.shown.get(i).and_then(|&k| self.speakers.get(k)) else { continue };
            let style = if i == self.cursors[1].selected { theme.selected(true) } else { Style::new() };
            let cells = cols
                .iter()
                .map(|c| if c.header == "Articles" { s.articles } else { s.attributions }.to_string())
                .collect::<Vec<_>>();
            let line = row(&speaker_name(s, theme.faint()), &cells, &cols, width, style);
            line.render(Rect::new(body.x, body.y + u16::try_from(y).unwrap_or(0), body.width, 1), buf);
        }
    }

    fn draw_attributions(&self, inner: Rect, buf: &mut Buffer) {
        let per = if inner.height >= 4 { 2 } else { 1 };
        let theme = self.config.theme.clone();
        let (body, first, last) = self.window(inner, false);
        if self.attributions.is_empty() {
            self.empty_note(body, "No attributions are kept for this speaker.", buf);
            return;
        }
        let width = usize::from(body.width);
        for (n, i) in (first..last).enumerate() {
            let a = &self.attributions[i];
            let style = if i == self.cursors[2].selected { theme.selected(true) } else { Style::new() };
            let y = body.y + u16::try_from(n * per).unwrap_or(0);
            // Grouped by article: its title only where the article changes.
            let same = i > first && self.attributions.get(i - 1).is_some_and(|b| b.article == a.article);
            let lines = attribution_lines(a, per, theme.faint(), same);
            for (k, spans) in lines.into_iter().enumerate() {
                let line = row(&spans, &[], &[], width, style);
                let at = y + u16::try_from(k).unwrap_or(0);
                line.render(Rect::new(body.x, at, body.width, 1), buf);
            }
        }
    }

    fn draw_status(&self, bar: Rect, buf: &mut Buffer) {
        let width = usize::from(bar.width);
        let theme = &self.config.theme;
        let editing = match self.screen {
            Screen::Articles => Some(&self.search).filter(|q| q.editing),
            Screen::Speakers => Some(&self.filter).filter(|q| q.editing),
            Screen::Attributions => None,
        };
        if let Some(q) = editing {
            let found = format!("  {} found · Enter keeps it · Esc clears", self.len());
            let text = format!("/{}", safe::line(&q.text));
            let text = wrap::ellipsis(&text, width.saturating_sub(1));
            let rest = wrap::ellipsis(&found, width.saturating_sub(wrap::width(&text) + 1));
            let line = Line::from(vec![
                Span::raw(text),
                Span::styled("▏", Style::new().fg(theme.accent)),
                Span::styled(rest, theme.faint()),
            ]);
            line.render(bar, buf);
            return;
        }
        let text = self.status.as_deref().map_or_else(|| self.hints(), safe::line);
        Line::styled(wrap::ellipsis(&text, width), theme.faint()).render(bar, buf);
    }

    /// Key hints for the screen, from the keymap in force (unbound ones left out).
    fn hints(&self) -> String {
        let key = |a: Action| self.config.keymap.hint(a);
        let mut parts: Vec<(String, &str)> = Vec::new();
        if self.screen == Screen::Articles && !self.search.text.is_empty() {
            parts.push((format!("“{}”", safe::line(&self.search.text)), ""));
        }
        let moves: Vec<String> =
            [key(Action::ScrollDown), key(Action::ScrollUp)].into_iter().filter(|k| !k.is_empty()).collect();
        parts.push((moves.join("/"), "move"));
        match self.screen {
            Screen::Articles => {
                parts.push((key(Action::Select), "read"));
                parts.push((key(Action::Search), "search"));
                parts.push((key(Action::FocusNext), "speakers"));
            }
            Screen::Speakers => {
                parts.push((key(Action::Select), "their attributions"));
                parts.push((key(Action::Search), "filter"));
                parts.push(("a".to_owned(), if self.all { "named only" } else { "unnamed too" }));
                parts.push((key(Action::FocusNext), "articles"));
            }
            Screen::Attributions => {
                parts.push((key(Action::Select), "read it there"));
                parts.push((key(Action::Close), "back"));
            }
        }
        parts.push((key(Action::Help), "help"));
        parts.push((key(Action::Quit), "quit"));
        parts
            .into_iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, what)| if what.is_empty() { k } else { format!("{k} {what}") })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn draw_help(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.config.theme;
        let lines = help_lines(self);
        let keys_w = lines.iter().map(|l| wrap::width(&l.0)).max().unwrap_or(0);
        let want_w = keys_w + lines.iter().map(|l| wrap::width(&l.1)).max().unwrap_or(0) + 6;
        let w = u16::try_from(want_w).unwrap_or(u16::MAX).min(area.width);
        let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).min(area.height);
        let popup = Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
        Clear.render(popup, buf);
        let block = Block::bordered().border_style(theme.border(true)).title(Line::styled(
            wrap::ellipsis(" Library keys ", usize::from(w.saturating_sub(2))),
            theme.title(true),
        ));
        let inner = block.inner(popup);
        block.render(popup, buf);
        let width = usize::from(inner.width);
        for (y, (keys, what)) in lines.iter().take(usize::from(inner.height)).enumerate() {
            let keys = cell(keys, keys_w.min(width), false);
            let what = wrap::ellipsis(what, width.saturating_sub(wrap::width(&keys) + GAP));
            let line = Line::from(vec![
                Span::styled(keys, Style::new().fg(theme.accent)),
                Span::raw(" ".repeat(GAP)),
                Span::raw(what),
            ]);
            line.render(Rect::new(inner.x, inner.y + u16::try_from(y).unwrap_or(0), inner.width, 1), buf);
        }
    }
}

/// A speaker's name, then what kind of source and other names, faint.
fn speaker_name(s: &SpeakerSummary, faint: Style) -> Vec<Span<'static>> {
    let mut spans = vec![Span::raw(safe::line(&s.name))];
    match s.label.as_deref() {
        Some("ORG") => spans.push(Span::styled(" · organisation", faint)),
        Some("MISC") => spans.push(Span::styled(" · unnamed source", faint)),
        _ => {}
    }
    if !s.aliases.is_empty() {
        let also: Vec<String> = s.aliases.iter().map(|a| safe::line(a)).collect();
        spans.push(Span::styled(format!(" · also {}", also.join(", ")), faint));
    }
    spans
}

/// One attribution as `per` rows: the article and cue, then the words (or
/// all of it on one row).
fn attribution_lines(
    a: &SpeakerAttribution,
    per: usize,
    faint: Style,
    same: bool,
) -> Vec<Vec<Span<'static>>> {
    let title = a.title.as_deref().map(safe::line).filter(|t| !t.is_empty());
    let title = title.unwrap_or_else(|| "(untitled)".to_owned());
    let cue = a.cue.as_deref().map(safe::line).filter(|c| c.chars().any(char::is_alphanumeric));
    let words = safe::line(&a.content);
    let words = if a.kind == "direct" { safe::in_quotes(&words) } else { words };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let title = if same { " ".repeat(wrap::width(&title).min(2)) } else { title };
    if per >= 2 {
        let mut head = vec![Span::styled(title, bold)];
        if let Some(cue) = cue {
            head.push(Span::styled(format!(" · {cue}"), faint));
        }
        return vec![head, vec![Span::raw(format!("  {words}"))]];
    }
    let mut one = vec![Span::styled(title, bold)];
    one.push(Span::styled(cue.map_or_else(|| ": ".to_owned(), |c| format!(" · {c}: ")), faint));
    one.push(Span::raw(words));
    vec![one]
}

/// The help's rows: keys, and what they do here.
fn help_lines(view: &LibraryView) -> Vec<(String, String)> {
    let keys = |actions: &[Action]| {
        let all: Vec<String> = actions
            .iter()
            .flat_map(|&a| view.config.keymap.keys(a).iter().map(ToString::to_string))
            .collect();
        if all.is_empty() { "—".to_owned() } else { all.join(" ") }
    };
    vec![
        (keys(&[Action::ScrollDown, Action::ScrollUp]), "next · previous".to_owned()),
        (keys(&[Action::PageDown, Action::PageUp]), "a page down · up".to_owned()),
        (keys(&[Action::Top, Action::Bottom]), "first · last".to_owned()),
        (keys(&[Action::Select]), "read the article · list the speaker's attributions".to_owned()),
        (String::new(), "· read the article at that attribution".to_owned()),
        (keys(&[Action::Search]), "search titles and texts (speakers: filter names)".to_owned()),
        (keys(&[Action::FocusNext, Action::FocusPrev]) + " s", "articles ⇄ speakers".to_owned()),
        ("a".to_owned(), "speakers: unnamed sources too, or not".to_owned()),
        (keys(&[Action::WordsOnly]), "speech and writing only, or thought too".to_owned()),
        (keys(&[Action::Close]), "back · clear the search".to_owned()),
        (keys(&[Action::Quit]), "quit".to_owned()),
        (keys(&[Action::Library]), "(in the reader) back to this list".to_owned()),
        ("wheel".to_owned(), "next · previous".to_owned()),
        ("click".to_owned(), "select; on the selected row, as Enter".to_owned()),
    ]
}
