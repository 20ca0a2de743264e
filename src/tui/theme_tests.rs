//! The screen in every preset, with and without colour, at a small, a
//! middling and a wide size: snapshots with styles, and the marks that
//! stand in for colour under `NO_COLOR`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::render;
use crate::app::State;
use crate::config::Config;
use crate::fixture::{self, press};

fn config(preset: &str, plain: bool) -> Config {
    let user = format!("theme = \"{preset}\"\n");
    let mut config = Config::from_texts(Some(("test.toml".to_owned(), user))).expect("a preset");
    config.theme.plain = plain;
    config
}

/// The fixture with a current quote, a current sentence and the Entities
/// pane focused: every kind of mark colour would show.
fn screen(preset: &str, plain: bool, w: u16, h: u16) -> Buffer {
    let mut s = State::with_document(config(preset, plain), fixture::document(), Rect::new(0, 0, w, h));
    let _ = press(&mut s, "] J e j");
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| render(&s, f)).expect("draw");
    t.backend().buffer().clone()
}

#[test]
fn snapshots_in_both_presets_with_and_without_colour() {
    for (w, h) in [(60, 20), (100, 30), (200, 50)] {
        for preset in ["dark", "light"] {
            for plain in [false, true] {
                let colour = if plain { "no_color" } else { "colour" };
                let buf = screen(preset, plain, w, h);
                insta::assert_debug_snapshot!(format!("reader_{preset}_{colour}_{w}x{h}"), buf);
            }
        }
    }
}

fn cells(buf: &Buffer) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    buf.content.iter()
}

#[test]
fn without_colour_nothing_is_coloured_and_marks_stand_in() {
    for (w, h) in [(60, 20), (100, 30), (200, 50)] {
        let buf = screen("dark", true, w, h);
        // The reader's own colours are gone (the terminal's defaults remain).
        let coloured = cells(&buf).filter(|c| c.bg != Color::Reset).count();
        assert_eq!(coloured, 0, "{w}x{h}: backgrounds would be invisible without colour");
        if w >= 80 {
            // The selected entity is in reverse video; the current sentence has a margin mark.
            assert!(cells(&buf).any(|c| c.modifier.contains(Modifier::REVERSED)), "{w}x{h}");
            let marks = (0..h).filter(|&y| (0..w).any(|x| buf[(x, y)].symbol() == "›")).count();
            assert!(marks >= 1, "{w}x{h}: the current sentence is marked in the margin");
        }
    }
    // With colour, the current sentence has its background instead.
    let buf = screen("dark", false, 100, 30);
    assert!(!(0..30).any(|y| (0..100).any(|x| buf[(x, y)].symbol() == "›")));
}

#[test]
fn the_presets_differ_and_keep_text_legible() {
    let dark = screen("dark", false, 100, 30);
    let light = screen("light", false, 100, 30);
    let text = |b: &Buffer| b.content.iter().map(ratatui::buffer::Cell::symbol).collect::<String>();
    assert_eq!(text(&dark), text(&light), "the same words in both");
    assert_ne!(dark, light, "in other colours");
    // No dark-on-dark or light-on-light: text never takes the colour of its own background.
    for buf in [&dark, &light] {
        assert!(buf.content.iter().all(|c| c.fg == Color::Reset || c.fg != c.bg));
    }
}
