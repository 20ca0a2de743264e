//! Drawing the feed list: a feed's stories (or every followed feed's,
//! merged) in a bordered list, a mark on the unread, and the keys on the
//! status line. Its state and keys are in `app::feed`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::{safe, wrap};
use crate::app::feed::FeedView;
use crate::config::Config;

impl FeedView {
    /// Draw the view into `buf`.
    pub fn draw(&self, config: &Config, buf: &mut Buffer) {
        let area = buf.area;
        if area.height < 3 || area.width < 10 {
            return;
        }
        let list = Rect::new(area.x, area.y, area.width, area.height - 1);
        let title = format!(" {} · {} stories ", safe::line(&self.title), self.stories.len());
        let block = Block::bordered().border_style(config.theme.border(true)).title(Line::styled(
            wrap::ellipsis(&title, usize::from(list.width.saturating_sub(4))),
            config.theme.title(true),
        ));
        let inner = block.inner(list);
        block.render(list, buf);
        let rows = usize::from(inner.height);
        let width = usize::from(inner.width);
        for (row, (i, story)) in
            self.stories.iter().enumerate().skip(self.cursor.offset).take(rows).enumerate()
        {
            let y = inner.y + u16::try_from(row).unwrap_or(u16::MAX);
            let read = self.read.contains(story.key());
            let mark = if read { "  " } else { "● " };
            let date = story.date.as_deref().map_or_else(String::new, |d| format!("  {d}"));
            let source = format!("  {}", safe::line(&story.feed));
            let full = if story.content_included || story.link.is_none() { "" } else { " ↗" };
            let tail = format!("{full}{date}{source}");
            let title_width = width.saturating_sub(2 + wrap::width(&tail)).max(width / 2);
            let title = wrap::ellipsis(&safe::line(&story.title), title_width);
            let tail = wrap::ellipsis(&tail, width.saturating_sub(2 + title_width));
            let pad = " ".repeat(title_width.saturating_sub(wrap::width(&title)));
            let mut style = if read { config.theme.faint() } else { Style::new() };
            if i == self.cursor.selected {
                style = config.theme.selected(true);
            }
            let line = Line::from(vec![
                Span::styled(mark, style),
                Span::styled(format!("{title}{pad}"), style),
                Span::styled(tail, style.add_modifier(Modifier::DIM)),
            ]);
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
        }
        if self.stories.is_empty() && rows > 0 {
            Line::raw("This feed has no stories.").render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
        }
        let help = "j/k move · Enter open · r refresh · q quit · ↗ fetched from the web";
        let status = self.status.as_deref().map_or_else(|| help.to_owned(), safe::line);
        let bar = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        Line::raw(wrap::ellipsis(&status, usize::from(area.width))).render(bar, buf);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use ratatui::crossterm::event::{
        KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    };

    use super::*;
    use crate::app::feed::Effect;
    use crate::ingest::feed::{Feed, Story};
    use crate::store::Store;

    /// Lay the view out for `buf`, then draw it, as the event loop does.
    fn draw(view: &mut FeedView, config: &Config, buf: &mut Buffer) {
        view.settle(buf.area);
        view.draw(config, buf);
    }

    fn story(title: &str, date: &str, feed: &str) -> Story {
        Story {
            title: title.to_owned(),
            date: Some(date.to_owned()),
            link: Some(format!("https://news.example/{}", title.len())),
            feed: feed.to_owned(),
            byline: None,
            content_included: false,
            body: None,
        }
    }

    fn feed(title: &str, items: Vec<Story>) -> Feed {
        Feed { title: title.to_owned(), source: "x".to_owned(), items }
    }

    #[test]
    fn keys_move_and_open_and_only_an_opened_story_is_read() {
        let config = Config::defaults().expect("defaults");
        let a = feed(
            "A",
            vec![story("First", "2026-01-02 10:00", "A"), story("Second story", "2026-01-01 09:00", "A")],
        );
        let b = feed("B", vec![story("Newest of all", "2026-01-03 08:00", "B")]);
        let mut view = FeedView::new(&[a, b]);
        assert_eq!(view.stories[0].title, "Newest of all");
        let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
        assert_eq!(view.key(&config, press(KeyCode::Char('j'))), None);
        assert_eq!(view.key(&config, press(KeyCode::Char('j'))), None);
        assert_eq!(view.key(&config, press(KeyCode::Char('j'))), None);
        assert_eq!(view.cursor.selected, 2);
        let Some(Effect::Open(opened)) = view.key(&config, press(KeyCode::Enter)) else {
            panic!("Enter opens")
        };
        assert_eq!(opened.title, "Second story");
        // Asking is not reading: a story whose fetch fails stays unread.
        assert!(!view.read.contains(opened.key()));
        view.opened(opened.key());
        assert!(view.read.contains(opened.key()));
        assert_eq!(view.key(&config, press(KeyCode::Char('r'))), Some(Effect::Refresh));
        assert_eq!(view.key(&config, press(KeyCode::Esc)), Some(Effect::Quit));
    }

    #[test]
    fn rows_show_title_date_source_and_read_state() {
        let mut view = FeedView::new(&[feed(
            "Harbour Gazette",
            vec![
                story("Council delays vote", "2026-01-02 10:00", "Harbour Gazette"),
                story("Ferry fares rise", "2026-01-01 09:00", "Harbour Gazette"),
            ],
        )]);
        view.read.insert(view.stories[1].key().to_owned());
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 6));
        draw(&mut view, &Config::defaults().expect("defaults"), &mut buf);
        let rows: Vec<String> =
            (0..6).map(|y| (0..80).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>()).collect();
        assert!(rows[0].contains("Harbour Gazette · 2 stories"), "{rows:?}");
        assert!(rows[1].contains("● Council delays vote"), "{rows:?}");
        assert!(rows[1].contains("2026-01-02 10:00  Harbour Gazette"), "{rows:?}");
        assert!(rows[2].contains("  Ferry fares rise") && !rows[2].contains('●'), "{rows:?}");
        assert!(rows[5].contains("Enter open"), "{rows:?}");
    }

    fn screen(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>())
            .collect()
    }

    fn gazette() -> FeedView {
        FeedView::new(&[feed(
            "Harbour Gazette",
            vec![
                story("Council delays vote", "2026-01-04 10:00", "Harbour Gazette"),
                story("Ferry fares rise", "2026-01-03 09:00", "Harbour Gazette"),
                story("School opens", "2026-01-02 09:00", "Harbour Gazette"),
                story("Market moves", "2026-01-01 09:00", "Harbour Gazette"),
            ],
        )])
    }

    #[test]
    fn stories_kept_in_the_library_are_read_after_a_restart() {
        let home = tempfile::tempdir().expect("temp dir");
        let path = home.path().join("library.db");
        let mut view = gazette();
        // Read in an earlier session: saved under its link with a trailing
        // slash and a fragment, as a page's address may be.
        let earlier = format!("{}/#top", view.stories[1].link.as_deref().expect("link"));
        let store = Store::open(&path).expect("store");
        let new =
            crate::store::NewArticle { source: Some(&earlier), text: "Fares rise.", ..Default::default() };
        store.save_article(&new).expect("save");
        drop(store);
        // A new session opens the library afresh.
        let store = Store::open(&path).expect("reopen");
        let read = store.kept_links(view.stories.iter().filter_map(|s| s.link.as_deref())).expect("lookup");
        assert_eq!(read, HashSet::from([view.stories[1].key().to_owned()]));
        view.read.extend(read);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 7));
        draw(&mut view, &Config::defaults().expect("defaults"), &mut buf);
        let rows = screen(&buf);
        assert!(rows[1].contains("● Council delays vote"), "{rows:?}");
        assert!(rows[2].contains("  Ferry fares rise") && !rows[2].contains('●'), "{rows:?}");
        assert!(rows[3].contains("● School opens"), "{rows:?}");
        // Drawn as the session's own read mark is: faint.
        let dim = Config::defaults().expect("defaults").theme.dim;
        assert_eq!(buf[(4, 2)].fg, dim);
        assert_ne!(buf[(4, 3)].fg, dim);
    }

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
    }

    #[test]
    fn the_mouse_selects_opens_and_scrolls_the_rows_drawn() {
        let config = Config::defaults().expect("defaults");
        let mut view = gazette();
        // 6 rows: border, three story rows, border, status line.
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 6));
        draw(&mut view, &config, &mut buf);
        assert_eq!(view.body, Rect::new(1, 1, 58, 3));
        let click = |x, y| mouse(MouseEventKind::Down(MouseButton::Left), x, y);
        // The border, the side borders and the status line are not rows.
        for (x, y) in [(5, 0), (0, 2), (59, 2), (5, 4), (5, 5)] {
            assert_eq!(view.mouse(click(x, y)), None);
            assert_eq!(view.cursor.selected, 0);
        }
        assert_eq!(view.mouse(click(10, 3)), None);
        assert_eq!(view.cursor.selected, 2);
        let Some(Effect::Open(story)) = view.mouse(click(30, 3)) else { panic!("a second click opens") };
        assert_eq!(story.title, "School opens");
        // The wheel moves the selection; the list scrolls to keep it shown,
        // and a click then counts from the first row shown.
        assert_eq!(view.mouse(mouse(MouseEventKind::ScrollDown, 0, 0)), None);
        assert_eq!(view.mouse(mouse(MouseEventKind::ScrollDown, 0, 0)), None);
        assert_eq!(view.cursor.selected, 3);
        draw(&mut view, &config, &mut buf);
        assert_eq!(view.cursor.offset, 1);
        assert_eq!(view.mouse(click(10, 1)), None);
        assert_eq!(view.cursor.selected, 1);
        assert_eq!(view.mouse(mouse(MouseEventKind::ScrollUp, 0, 0)), None);
        assert_eq!(view.cursor.selected, 0);
    }

    #[test]
    fn clicks_on_tiny_or_empty_screens_do_nothing() {
        let config = Config::defaults().expect("defaults");
        let click = |x, y| mouse(MouseEventKind::Down(MouseButton::Left), x, y);
        for (w, h) in [(0, 0), (1, 1), (9, 3), (10, 2), (10, 3), (12, 4)] {
            let mut view = gazette();
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            draw(&mut view, &config, &mut buf);
            for y in 0..h.max(1) + 1 {
                for x in 0..w.max(1) + 1 {
                    let _ = view.mouse(click(x, y));
                }
            }
            assert!(view.cursor.selected < 4);
        }
        let mut empty = FeedView::new(&[feed("Quiet", Vec::new())]);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 6));
        draw(&mut empty, &config, &mut buf);
        assert_eq!(empty.mouse(click(5, 1)), None);
        assert_eq!(empty.mouse(mouse(MouseEventKind::ScrollDown, 5, 1)), None);
    }
}
