//! Screen tests: whole-screen snapshots on a test backend, styles of
//! particular cells, hostile text, and every size down to nothing.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use sayso_nlp::Annotator;

use super::render;
use crate::app::{Document, Msg, State, update};
use crate::config::Config;
use crate::fixture::{self, press};

fn reader(doc: Document, w: u16, h: u16) -> State {
    State::with_document(Config::defaults().expect("defaults"), doc, Rect::new(0, 0, w, h))
}

fn draw(state: &State) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(state.area.width, state.area.height)).expect("test terminal");
    t.draw(|f| render(state, f)).expect("draw");
    t
}

fn buffer(state: &State) -> Buffer {
    draw(state).backend().buffer().clone()
}

/// The text of screen row `y`.
fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let line = row(buf, y);
        line.find(needle).map(|i| (u16::try_from(line[..i].chars().count()).unwrap_or(0), y))
    })
}

#[test]
fn fixture_at_100x30() {
    let mut s = reader(fixture::document(), 100, 30);
    let _ = press(&mut s, "tab enter n");
    insta::assert_snapshot!("fixture_100x30", draw(&s).backend());
}

#[test]
fn fixture_at_60x20() {
    let mut s = reader(fixture::document(), 60, 20);
    let _ = press(&mut s, "] ] ]");
    insta::assert_snapshot!("fixture_60x20", draw(&s).backend());
}

#[test]
fn help_overlay() {
    let mut s = reader(fixture::document(), 100, 30);
    let _ = press(&mut s, "?");
    insta::assert_snapshot!("help_100x30", draw(&s).backend());
}

#[test]
fn entities_and_search_at_120x32() {
    let mut s = reader(fixture::document(), 120, 32);
    let _ = press(&mut s, "e j enter /");
    for c in "trust".chars() {
        update(
            &mut s,
            Msg::Key(ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c))),
        );
    }
    insta::assert_snapshot!("entities_search_120x32", draw(&s).backend());
}

#[test]
fn help_shows_remapped_keys() {
    let user = "[keys]\nnext_quote = [\"x\", \"ctrl-n\"]\n".to_owned();
    let config = Config::from_texts(Some(("mine.toml".to_owned(), user))).expect("valid");
    let mut s = State::with_document(config, fixture::document(), Rect::new(0, 0, 100, 40));
    let _ = press(&mut s, "?");
    let buf = buffer(&s);
    let (_, y) = find(&buf, "speaker's next quote").expect("listed");
    let line = row(&buf, y);
    assert!(line.contains("x Ctrl-n"), "{line}");
    assert!(!(0..buf.area.height).any(|y| row(&buf, y).contains(" n  ")), "n is no longer shown");
}

#[test]
fn entities_quotes_and_matches_are_styled() {
    let mut s = reader(fixture::document(), 100, 30);
    let theme = s.config.theme.clone();
    let buf = buffer(&s);
    let (x, y) = find(&buf, "Port Elmsworth").expect("on screen");
    assert_eq!(buf[(x, y)].fg, theme.entities[&sayso_nlp::EntityLabel::Loc]);
    let (x, y) = find(&buf, "promise kept").expect("on screen");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD), "not current yet");
    assert_eq!(buf[(s.areas.gutter, y)].symbol(), "▌");
    assert_eq!(buf[(s.areas.gutter, y)].fg, theme.speakers[0]);

    let _ = press(&mut s, "]");
    let buf = buffer(&s);
    let (x, y) = find(&buf, "promise kept").expect("on screen");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD), "the current attribution stands out");
    assert_eq!(buf[(x, y)].fg, theme.speakers[0]);

    let _ = press(&mut s, "f");
    let buf = buffer(&s);
    let (x, y) = find(&buf, "Port Elmsworth").expect("on screen");
    assert_eq!(buf[(x, y)].fg, theme.dim, "focus mode dims other text");
    let (x, y) = find(&buf, "promise kept").expect("on screen");
    assert_eq!(buf[(x, y)].fg, theme.speakers[0]);

    let _ = press(&mut s, "f /");
    for c in "pier".chars() {
        update(
            &mut s,
            Msg::Key(ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c))),
        );
    }
    let buf = buffer(&s);
    let (x, y) = find(&buf, "wrecked pier").expect("on screen");
    assert_eq!(buf[(x + 8, y)].bg, theme.accent, "the current match");
    assert_eq!(buf[(x + 8, y)].fg, Color::Black);
    let (x, y) = find(&buf, "pier that").expect("on screen");
    assert_eq!(buf[(x, y)].bg, theme.found, "another match");
}

#[test]
fn hostile_text_never_reaches_the_screen() {
    let text = "Evil\u{202e}headline\nBody \u{1b}[2J with\u{200b}hidden \u{7}bell and\ttab\u{2067} and \u{feff}marks.\n";
    let ann = Annotator::new().expect("models load").annotate(text);
    let doc = Document::new("evil\u{1b}[31m.txt".to_owned(), text.to_owned(), ann);
    for (w, h) in [(100, 30), (30, 10)] {
        let buf = buffer(&reader(doc.clone(), w, h));
        for cell in &buf.content {
            for c in cell.symbol().chars() {
                assert!(!c.is_control(), "control {c:?} on screen");
                assert!(
                    !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
                );
            }
        }
        if w == 100 {
            assert!(find(&buf, "Evilheadline").is_some());
            assert!(find(&buf, "Body �[2J withhidden �bell and tab and marks.").is_some());
        }
    }
}

#[test]
fn every_size_down_to_nothing_renders() {
    let states: [&str; 6] = ["", "tab enter", "e", "?", "/ s", "f ] tab tab"];
    for keys in states {
        let mut big = reader(fixture::document(), 100, 30);
        let _ = press(&mut big, keys);
        for w in (0..=104).step_by(9).chain([1, 2, 3, 5, 79, 80]) {
            for h in (0..=34).step_by(4).chain([1, 2, 3, 5, 13, 14]) {
                let mut s = big.clone();
                update(&mut s, Msg::Resize(w, h));
                if w > 0 && h > 0 {
                    let _ = draw(&s);
                }
                let _ = press(&mut s, "j n ] tab enter G");
            }
        }
    }
}

#[test]
fn an_article_without_speakers_or_text_still_works() {
    for text in ["", "Just a headline", "Headline\nOne paragraph, nobody speaks.\n"] {
        let doc = Document::new(
            "plain.txt".to_owned(),
            text.to_owned(),
            Annotator::new().expect("models load").annotate(text),
        );
        for (w, h) in [(100, 30), (60, 20), (40, 8), (3, 3)] {
            let mut s = reader(doc.clone(), w, h);
            for keys in ["tab j enter", "n N ] [ f", "e enter enter", "/ x enter n", "G g ? j q"] {
                let _ = press(&mut s, keys);
                let _ = draw(&s);
            }
        }
        let mut s = reader(doc, 100, 30);
        let _ = press(&mut s, "n");
        assert_eq!(s.message.as_deref(), Some("no speakers found in this article"));
    }
}

/// The sample with the real engine; needs speakers from the engine.
fn sample(w: u16, h: u16) -> State {
    let text = include_str!("../../assets/sample/alaska-summit.txt");
    let doc = Document::new(
        "sample".to_owned(),
        text.to_owned(),
        Annotator::new().expect("models load").annotate(text),
    );
    reader(doc, w, h)
}

#[test]
fn sample_at_100x30() {
    let mut s = sample(100, 30);
    let doc = s.doc.clone().expect("doc");
    assert_eq!(doc.speakers.first().map(|sp| sp.name.as_str()), Some("Charles Kupchan"));
    let _ = press(&mut s, "tab enter");
    let buf = buffer(&s);
    assert!(find(&buf, "Georgetown").is_some());
    assert!(find(&buf, "Quotes · Charles Kupchan").is_some());
    insta::assert_snapshot!("sample_100x30", draw(&s).backend());
}

#[test]
fn sample_at_60x20() {
    let mut s = sample(60, 20);
    let _ = press(&mut s, "tab enter");
    let buf = buffer(&s);
    assert!(find(&buf, "Speakers").expect("listed").1 > s.areas.article.y, "speakers below the article");
    assert!(find(&buf, "Charles Kupchan").is_some());
    insta::assert_snapshot!("sample_60x20", draw(&s).backend());
}

/// The text of the rows of `area`.
fn area_text(buf: &Buffer, area: Rect) -> String {
    (area.y..area.bottom())
        .map(|y| (area.x..area.right()).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_quotes_pane_and_status_bar_name_the_act_and_w_leaves_thought_out() {
    let mut s = reader(crate::app::words_tests::document(), 100, 30);
    let thought =
        s.doc.as_ref().and_then(|d| d.ann.quotes.iter().position(|q| q.act == sayso_nlp::Act::Thought));
    for _ in 0..12 {
        if s.current.is_some() && s.current == thought {
            break;
        }
        let _ = press(&mut s, "]");
    }
    assert_eq!(s.current, thought);
    let buf = buffer(&s);
    let quotes = area_text(&buf, s.areas.quotes);
    assert!(quotes.contains("thought · said: “I’ll"), "{quotes}");
    assert!(quotes.contains("said: “Three months"), "{quotes}");
    let status = row(&buf, s.areas.status.y);
    assert!(status.contains("quote 2/2 · thought"), "{status}");
    let _ = press(&mut s, "w");
    let buf = buffer(&s);
    let quotes = area_text(&buf, s.areas.quotes);
    assert!(!quotes.contains("believe"), "{quotes}");
    let speakers = area_text(&buf, s.areas.speakers);
    assert!(speakers.contains("Unattributed"), "{speakers}");
    let _ = press(&mut s, "]");
    let status = row(&buf, s.areas.status.y);
    assert!(status.contains("Speech and writing only"), "{status}");
    let status = row(&buffer(&s), s.areas.status.y);
    assert!(status.contains("· words only"), "{status}");
}
