//! Where each pane goes for a given terminal size.

use ratatui::layout::Rect;

use super::state::Pane;

/// Terminals narrower than this get the side panes under the article.
pub const WIDE: u16 = 80;

/// Below this height a narrow terminal shows the article alone.
const NARROW_PANEL_MIN_HEIGHT: u16 = 14;

/// The screen divided into panes; hidden panes have an empty rectangle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The article pane with its border.
    pub article: Rect,
    /// Where the article's rows are drawn (its width is the wrap width).
    pub text: Rect,
    /// The column of the gutter mark beside attributed rows.
    pub gutter: u16,
    /// The Speakers pane with its border.
    pub speakers: Rect,
    /// The Quotes pane with its border.
    pub quotes: Rect,
    /// The Entities or Notes pane with its border (the side column's third place).
    pub entities: Rect,
    /// The status bar.
    pub status: Rect,
}

/// Lay out a screen of `area`.
///
/// `speakers` is the number of speakers listed, so that the Speakers pane is
/// no taller than it needs to be. On a screen too small for the side panes
/// next to or under the article, the focused pane takes the whole screen
/// (so Tab still reaches the speakers and quotes).
#[must_use]
pub fn areas(
    area: Rect,
    side_width: u16,
    text_width: u16,
    speakers: usize,
    extra: Option<Pane>,
    focus: Pane,
) -> Areas {
    let show_entities = extra.is_some();
    let mut a = Areas::default();
    if area.height == 0 || area.width == 0 {
        return a;
    }
    a.status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let body = Rect::new(area.x, area.y, area.width, area.height - 1);
    let list_rows = u16::try_from(speakers).unwrap_or(u16::MAX).saturating_add(2).max(3);
    if area.width >= WIDE {
        // The side column takes what the article's text, capped at a
        // comfortable measure, leaves over (borders, gutter and margin: 5).
        let side_w = side_width.min(area.width * 2 / 5).max(area.width.saturating_sub(text_width + 5));
        a.article = Rect::new(body.x, body.y, body.width - side_w, body.height);
        let side = Rect::new(a.article.right(), body.y, side_w, body.height);
        let (spk, rest) = if show_entities {
            let h = list_rows.min(side.height / 3);
            let ent = side.height.saturating_sub(h) / 2;
            a.entities = Rect::new(side.x, side.bottom() - ent, side.width, ent);
            (h, side.height - h - ent)
        } else {
            let h = list_rows.min(side.height / 2);
            (h, side.height - h)
        };
        a.speakers = Rect::new(side.x, side.y, side.width, spk);
        a.quotes = Rect::new(side.x, side.y + spk, side.width, rest);
    } else if body.height >= NARROW_PANEL_MIN_HEIGHT {
        let panel_h = (body.height * 2 / 5).clamp(7, 14);
        a.article = Rect::new(body.x, body.y, body.width, body.height - panel_h);
        let y = a.article.bottom();
        let parts: u16 = if show_entities { 3 } else { 2 };
        let spk_w = if show_entities { body.width / 3 } else { (body.width * 2 / 5).max(1) };
        a.speakers = Rect::new(body.x, y, spk_w, panel_h);
        let rest = body.width - spk_w;
        let quotes_w = if parts == 3 { rest / 2 } else { rest };
        a.quotes = Rect::new(a.speakers.right(), y, quotes_w, panel_h);
        if show_entities {
            a.entities = Rect::new(a.quotes.right(), y, rest - quotes_w, panel_h);
        }
    } else {
        match focus {
            Pane::Article => a.article = body,
            Pane::Speakers => a.speakers = body,
            Pane::Quotes => a.quotes = body,
            Pane::Entities | Pane::Notes => a.entities = body,
        }
    }
    let inner = inner(a.article);
    // Gutter, a space, the text, and one column of margin on the right.
    let room = inner.width.saturating_sub(3);
    let width = room.min(text_width);
    let x = inner.x + (room - width) / 2;
    a.gutter = x;
    a.text = Rect::new((x + 2).min(inner.right()), inner.y, width, inner.height);
    a
}

/// The inside of a bordered pane.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_put_the_side_column_beside_the_article() {
        let a = areas(Rect::new(0, 0, 100, 30), 32, 84, 5, None, Pane::Article);
        assert_eq!(a.article, Rect::new(0, 0, 68, 29));
        assert_eq!(a.speakers, Rect::new(68, 0, 32, 7));
        assert_eq!(a.quotes, Rect::new(68, 7, 32, 22));
        assert_eq!(a.status, Rect::new(0, 29, 100, 1));
        assert_eq!(a.text.width, 63);
        assert_eq!(a.entities, Rect::default());
    }

    #[test]
    fn on_wide_terminals_the_side_column_takes_what_the_text_leaves() {
        let a = areas(Rect::new(0, 0, 200, 50), 32, 84, 5, Some(Pane::Entities), Pane::Article);
        assert_eq!(a.text.width, 84, "the text keeps its measure");
        assert_eq!(a.speakers.width, 200 - 84 - 5);
        assert!(a.article.width >= 84 + 5);
        // Where the text is narrower than its measure, the side keeps its width.
        let b = areas(Rect::new(0, 0, 120, 40), 32, 84, 5, None, Pane::Article);
        assert_eq!(b.speakers.width, 32);
    }

    #[test]
    fn narrow_terminals_put_it_below() {
        let a = areas(Rect::new(0, 0, 60, 20), 32, 84, 5, None, Pane::Quotes);
        assert_eq!(a.article.width, 60);
        assert!(a.speakers.y >= a.article.bottom());
        assert!(a.quotes.x >= a.speakers.right());
        let tiny = areas(Rect::new(0, 0, 60, 8), 32, 84, 5, Some(Pane::Entities), Pane::Article);
        assert!(tiny.speakers.is_empty() && tiny.quotes.is_empty() && tiny.entities.is_empty());
        let tiny = areas(Rect::new(0, 0, 60, 8), 32, 84, 5, Some(Pane::Notes), Pane::Speakers);
        assert_eq!(tiny.speakers, Rect::new(0, 0, 60, 7), "the focused list takes the screen");
        assert!(tiny.article.is_empty() && tiny.text.is_empty());
    }

    #[test]
    fn every_area_fits_the_screen() {
        for w in 0..120 {
            for h in 0..40 {
                let screen = Rect::new(0, 0, w, h);
                for (ent, focus) in [
                    (None, Pane::Article),
                    (Some(Pane::Entities), Pane::Entities),
                    (Some(Pane::Notes), Pane::Quotes),
                ] {
                    let a = areas(screen, 32, 84, 9, ent, focus);
                    for r in [a.article, a.text, a.speakers, a.quotes, a.entities, a.status] {
                        assert!(
                            r.is_empty()
                                || screen.contains(r.as_position()) && r.right() <= w && r.bottom() <= h
                        );
                    }
                }
            }
        }
    }
}
