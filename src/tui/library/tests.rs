//! The library view over a small store made here: keys through the
//! keymap, what each screen draws, unsafe text, and every small size.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use sayso_nlp::{Annotation, EntityLabel, Quote, QuoteKind, Span, Speaker};

use crate::app::library::{Effect, LibraryView, Screen};
use crate::config::Config;
use crate::store::{Anchor, ArticleId, NewArticle, NewNote, Store};
use crate::tui::work::answer_from;

const HARBOUR: &str = "Council delays harbour vote\n\n\
    \u{201c}We need more time,\u{201d} said Mayor Anna Berg. Tom Reilly said the harbour mattered.\n";
const FERRY: &str = "Ferry fares rise\n\n\
    \u{201c}Fuel costs doubled,\u{201d} said Lena Holm. \u{201c}Families cannot pay,\u{201d} Berg said.\n";
const SCHOOL: &str = "School opens \u{1b}[31min the \u{202e}north\n\n\
    \u{201c}It will serve us for decades,\u{201d} said Omar Said. Officials said traffic was a worry.\n";

fn span(text: &str, needle: &str) -> Span {
    let at = text.find(needle).expect("needle present");
    Span::new(at, at + needle.len())
}

/// An annotation made by hand: each (speaker, label, words, kind).
fn annotation(text: &str, quotes: &[(&str, EntityLabel, &str, QuoteKind)]) -> Annotation {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut out = Vec::new();
    for &(name, label, words, kind) in quotes {
        let who = speakers.iter().position(|s| s.name == name).unwrap_or_else(|| {
            speakers.push(Speaker { name: name.to_owned(), label, mentions: Vec::new() });
            speakers.len() - 1
        });
        out.push(Quote {
            content: span(text, words),
            content_fragments: Vec::new(),
            cue: Some(span(text, "said")),
            source: None,
            speaker: Some(who),
            kind,
            act: sayso_nlp::Act::Said,
        });
    }
    Annotation {
        title: Some(Span::new(0, text.find('\n').expect("headline"))),
        speakers,
        quotes: out,
        ..Annotation::default()
    }
}

/// Three articles saved oldest first: harbour, ferry, school. Anna Berg
/// speaks in the first two.
fn store() -> (Store, [ArticleId; 3]) {
    use EntityLabel::{Misc, Person};
    use QuoteKind::{Direct, Indirect};
    let store = Store::in_memory().expect("store");
    let articles = [
        (
            HARBOUR,
            "/news/harbour.txt",
            [
                ("Anna Berg", Person, "We need more time,", Direct),
                ("Tom Reilly", Person, "the harbour mattered", Indirect),
            ],
        ),
        (
            FERRY,
            "/news/ferry.txt",
            [
                ("Lena Holm", Person, "Fuel costs doubled,", Direct),
                ("Berg", Person, "Families cannot pay,", Direct),
            ],
        ),
        (
            SCHOOL,
            "/news/school.txt",
            [
                ("Omar Said", Person, "It will serve us for decades,", Direct),
                ("Officials", Misc, "traffic was a worry", Indirect),
            ],
        ),
    ];
    let ids = articles.map(|(text, source, quotes)| {
        let title = text.lines().next();
        let new = NewArticle { source: Some(source), title, text, ..NewArticle::default() };
        let id = store.save_article(&new).expect("saved");
        store.save_annotation(&id, &annotation(text, &quotes), text).expect("annotation saved");
        id
    });
    let note = NewNote {
        anchor: Anchor::new(FERRY, span(FERRY, "Fuel costs doubled")),
        highlight: true,
        body: "check the figure".to_owned(),
        tags: Vec::new(),
    };
    store.add_note(&ids[1], &note).expect("note saved");
    (store, ids)
}

fn view(store: &Store) -> LibraryView {
    let mut v = LibraryView::new(Config::defaults().expect("defaults"));
    answer(&mut v, Some(store));
    v
}

/// Answer the view's questions from `store`, as the library worker does,
/// and lay it out again, as the event loop does after every event.
fn answer(v: &mut LibraryView, store: Option<&Store>) {
    for ask in std::mem::take(&mut v.queries) {
        v.answer(answer_from(store, ask));
    }
    v.settle(v.area);
}

/// Read everything again from `store`.
fn reload(v: &mut LibraryView, store: &Store) {
    v.reload();
    answer(v, Some(store));
}

/// Press keys written as in the configuration ("j", "enter", "ctrl-c");
/// the last effect.
fn press(view: &mut LibraryView, store: &Store, keys: &str) -> Option<Effect> {
    let mut last = None;
    for k in keys.split_whitespace() {
        let key: crate::keymap::Key = k.parse().expect("a key");
        last = view.key(KeyEvent::new(key.code, key.mods));
        answer(view, Some(store));
    }
    last
}

fn type_text(view: &mut LibraryView, store: &Store, text: &str) {
    for c in text.chars() {
        view.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        answer(view, Some(store));
    }
}

fn screen(view: &mut LibraryView, w: u16, h: u16) -> Vec<String> {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    view.settle(buf.area);
    view.draw(&mut buf);
    (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>()).collect()
}

#[test]
fn articles_move_search_and_open() {
    let (store, ids) = store();
    let mut v = view(&store);
    // Saved in the same second: the last saved comes first.
    assert_eq!(
        v.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
        [ids[2].clone(), ids[1].clone(), ids[0].clone()]
    );
    assert_eq!(press(&mut v, &store, "j j j"), None);
    assert_eq!(v.cursors[0].selected, 2, "stops at the last");
    press(&mut v, &store, "g");
    assert_eq!(v.cursors[0].selected, 0);
    press(&mut v, &store, "G k");
    assert_eq!(v.cursors[0].selected, 1);
    assert_eq!(press(&mut v, &store, "enter"), Some(Effect::Open { article: ids[1].clone(), at: None }));

    // `/` searches the texts as the words are typed, each word a prefix.
    press(&mut v, &store, "/");
    type_text(&mut v, &store, "harb");
    assert!(v.search.editing);
    assert_eq!(v.articles.len(), 1, "{:?}", v.articles);
    assert_eq!(v.articles[0].id, ids[0]);
    assert_eq!(press(&mut v, &store, "q"), None, "q is typed into the search");
    assert_eq!(v.search.text, "harbq");
    assert!(v.articles.is_empty());
    press(&mut v, &store, "backspace enter");
    assert!(!v.search.editing);
    assert_eq!(press(&mut v, &store, "enter"), Some(Effect::Open { article: ids[0].clone(), at: None }));
    // Esc clears the search, then leaves.
    assert_eq!(press(&mut v, &store, "esc"), None);
    assert_eq!((v.search.text.as_str(), v.articles.len()), ("", 3));
    assert_eq!(press(&mut v, &store, "esc"), Some(Effect::Quit));
    assert_eq!(press(&mut v, &store, "q"), Some(Effect::Quit));
    // Ctrl-C leaves even while a search is typed.
    press(&mut v, &store, "/");
    assert_eq!(press(&mut v, &store, "ctrl-c"), Some(Effect::Quit));
}

#[test]
fn a_speaker_across_articles_opens_each_article_at_their_words() {
    let (store, ids) = store();
    let mut v = view(&store);
    press(&mut v, &store, "tab");
    assert_eq!(v.screen, Screen::Speakers);
    let first = v.selected_speaker().expect("speakers");
    assert_eq!((first.name.as_str(), first.articles, first.attributions), ("Anna Berg", 2, 2));
    assert!(!v.speakers.iter().any(|s| s.name == "Officials"), "unnamed sources are left out");
    assert_eq!(press(&mut v, &store, "enter"), None);
    assert_eq!(v.screen, Screen::Attributions);
    let articles: Vec<&ArticleId> = v.attributions.iter().map(|a| &a.article).collect();
    assert_eq!(articles, [&ids[0], &ids[1]]);
    let families = FERRY.find("Families cannot pay").expect("in the text");
    assert_eq!(
        press(&mut v, &store, "j enter"),
        Some(Effect::Open { article: ids[1].clone(), at: Some(families) })
    );
    // Esc goes back a step; `a` brings in the unnamed sources.
    press(&mut v, &store, "esc");
    assert_eq!(v.screen, Screen::Speakers);
    press(&mut v, &store, "a");
    assert!(v.speakers.iter().any(|s| s.name == "Officials"));
    // `/` filters the names; Esc clears the filter, then leaves.
    press(&mut v, &store, "/");
    type_text(&mut v, &store, "holm");
    assert_eq!(v.selected_speaker().map(|s| s.name.as_str()), Some("Lena Holm"));
    assert_eq!(v.shown.len(), 1);
    press(&mut v, &store, "enter esc");
    assert_eq!(v.shown.len(), v.speakers.len());
    // `s` switches too; L (the reader's library key) goes to the articles.
    press(&mut v, &store, "s");
    assert_eq!(v.screen, Screen::Articles);
    press(&mut v, &store, "s L");
    assert_eq!(v.screen, Screen::Articles);
    assert_eq!(press(&mut v, &store, "tab esc"), Some(Effect::Quit));
}

#[test]
fn reloading_keeps_the_selection_on_the_same_article_and_speaker() {
    let (store, ids) = store();
    let mut v = view(&store);
    press(&mut v, &store, "j");
    // Reading an article saves it again, which may reorder the list.
    let new = NewArticle { source: Some("/news/harbour.txt"), text: HARBOUR, ..NewArticle::default() };
    assert_eq!(store.save_article(&new).expect("saved"), ids[0], "the same article, not a new one");
    reload(&mut v, &store);
    assert_eq!(v.articles.len(), 3);
    assert_eq!(v.articles[v.cursors[0].selected].id, ids[1]);
    press(&mut v, &store, "tab j enter j");
    let at = v.cursors[2];
    reload(&mut v, &store);
    assert_eq!((v.screen, v.cursors[2].selected), (Screen::Attributions, at.selected));
}

#[test]
fn help_opens_and_closes_with_the_reader_keys() {
    let (store, _) = store();
    let mut v = view(&store);
    press(&mut v, &store, "?");
    assert!(v.help);
    assert_eq!(press(&mut v, &store, "j"), None);
    assert_eq!(v.cursors[0].selected, 0, "keys wait while the help is open");
    let rows = screen(&mut v, 100, 24);
    assert!(rows.iter().any(|r| r.contains("Library keys")), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("articles ⇄ speakers")), "{rows:#?}");
    assert!(rows.iter().any(|r| r.contains("w") && r.contains("speech and writing only")), "{rows:#?}");
    assert_eq!(press(&mut v, &store, "q"), None, "q closes the help first");
    assert!(!v.help);
    press(&mut v, &store, "? esc");
    assert!(!v.help);
}

#[test]
fn rows_show_title_source_date_speakers_and_notes() {
    let (store, _) = store();
    let mut v = view(&store);
    let rows = screen(&mut v, 100, 8);
    // Unnamed sources are left out of the speakers unless asked for, and the tab says so.
    assert!(rows[0].contains("Articles (3)") && rows[0].contains("Speakers (4 named)"), "{rows:#?}");
    // Dates: none of these articles has its own, so each is marked as the day it was added.
    let ferry = rows.iter().find(|r| r.contains("Ferry fares rise")).expect("ferry row");
    assert!(ferry.contains("added "), "{ferry}");
    assert!(
        rows[1].contains("Title") && rows[1].contains("Source") && rows[1].contains("Notes"),
        "{rows:#?}"
    );
    let ferry = rows.iter().find(|r| r.contains("Ferry fares rise")).expect("ferry row");
    assert!(ferry.contains("ferry.txt"), "{ferry}");
    assert!(ferry.trim_end_matches(['│', ' ']).ends_with("2      1"), "two speakers, one note: {ferry}");
    assert!(rows[7].contains("Enter read") && rows[7].contains("q quit"), "{rows:#?}");

    press(&mut v, &store, "tab");
    let rows = screen(&mut v, 100, 8);
    assert!(rows[1].contains("Speaker") && rows[1].contains("Attributions"), "{rows:#?}");
    assert!(rows[2].contains("Anna Berg") && rows[2].contains("also Berg"), "{rows:#?}");

    press(&mut v, &store, "enter");
    let rows = screen(&mut v, 100, 8);
    assert!(rows[0].contains("Anna Berg · 2 attributions in 2 articles"), "{rows:#?}");
    assert!(rows[1].contains("Council delays harbour vote · said"), "{rows:#?}");
    assert!(rows[2].contains("“We need more time,”"), "{rows:#?}");
    assert!(rows[3].contains("Ferry fares rise") && rows[4].contains("Families cannot pay"), "{rows:#?}");
    // One row each when the screen is short.
    let rows = screen(&mut v, 100, 4);
    assert!(rows[1].contains("Council delays harbour vote · said: “We need"), "{rows:#?}");
}

#[test]
fn nothing_unsafe_reaches_the_screen() {
    let (store, _) = store();
    let mut v = view(&store);
    let rows = screen(&mut v, 120, 10);
    let school = rows.iter().find(|r| r.contains("School opens")).expect("school row");
    assert!(school.contains("School opens \u{fffd}[31min the north"), "{school}");
    for r in &rows {
        assert!(!r.chars().any(|c| c.is_control() || c == '\u{202e}'), "{r:?}");
    }
}

#[test]
fn an_empty_library_says_how_to_fill_it() {
    let mut v = LibraryView::new(Config::defaults().expect("defaults"));
    answer(&mut v, None);
    assert_eq!(v.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)), None);
    let rows = screen(&mut v, 100, 6);
    assert!(rows[2].contains("The library is empty: `sayso library add PATH`"), "{rows:#?}");
}

#[test]
fn every_size_draws_without_panicking() {
    let (store, _) = store();
    // Three views cover every part: a search being typed over the
    // articles, the speakers, and the attributions under the help.
    let mut views = Vec::new();
    let mut v = view(&store);
    press(&mut v, &store, "/");
    type_text(&mut v, &store, "harbour vote");
    views.push(v.clone());
    press(&mut v, &store, "esc tab");
    views.push(v.clone());
    press(&mut v, &store, "enter ?");
    assert!(v.help && v.screen == Screen::Attributions);
    views.push(v);
    for mut v in views {
        for w in 0..=120 {
            for h in 0..=40 {
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                v.settle(buf.area);
                v.draw(&mut buf);
            }
        }
    }
}

fn click(v: &mut LibraryView, store: &Store, x: u16, y: u16) -> Option<Effect> {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let kind = MouseEventKind::Down(MouseButton::Left);
    let effect = v.mouse(MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE });
    answer(v, Some(store));
    effect
}

fn wheel(v: &mut LibraryView, store: &Store, down: bool) -> Option<Effect> {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let kind = if down { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp };
    let effect = v.mouse(MouseEvent { kind, column: 0, row: 0, modifiers: KeyModifiers::NONE });
    answer(v, Some(store));
    effect
}

#[test]
fn the_mouse_picks_rows_under_the_header_and_opens_the_selected_one() {
    let (store, ids) = store();
    let mut v = view(&store);
    // Border (row 0), header (row 1), three articles (rows 2-4), border, status.
    let rows = screen(&mut v, 100, 8);
    assert!(rows[3].contains("Ferry fares rise"), "{rows:#?}");
    for (x, y) in [(10, 0), (10, 1), (0, 3), (99, 3), (10, 5), (10, 6), (10, 7)] {
        assert_eq!(click(&mut v, &store, x, y), None);
        assert_eq!(v.cursors[0].selected, 0, "({x}, {y}) is not a row");
    }
    assert_eq!(click(&mut v, &store, 10, 3), None);
    assert_eq!(v.cursors[0].selected, 1);
    assert_eq!(click(&mut v, &store, 40, 3), Some(Effect::Open { article: ids[1].clone(), at: None }));
    assert_eq!(wheel(&mut v, &store, true), None);
    assert_eq!(v.cursors[0].selected, 2);
    assert_eq!(wheel(&mut v, &store, false), None);
    assert_eq!(v.cursors[0].selected, 1);

    // The speakers: a click on the selected one lists their attributions,
    // two rows each, and a click on an attribution's second row is it too.
    press(&mut v, &store, "tab");
    screen(&mut v, 100, 12);
    assert_eq!(click(&mut v, &store, 10, 2), None);
    assert_eq!(v.screen, Screen::Attributions);
    let rows = screen(&mut v, 100, 12);
    assert!(rows[4].contains("Families cannot pay"), "{rows:#?}");
    assert_eq!(click(&mut v, &store, 10, 4), None);
    assert_eq!(v.cursors[2].selected, 1);
    let families = FERRY.find("Families cannot pay").expect("in the text");
    assert_eq!(
        click(&mut v, &store, 10, 3),
        Some(Effect::Open { article: ids[1].clone(), at: Some(families) })
    );
    // An odd row left under the last whole entry is not an entry, even
    // when an entry follows off screen.
    const PIER: &str = "Pier reopens\n\n\u{201c}Boats are back,\u{201d} said Anna Berg.\n";
    let pier = NewArticle { source: Some("/news/pier.txt"), text: PIER, ..NewArticle::default() };
    let id = store.save_article(&pier).expect("saved");
    let ann = annotation(PIER, &[("Anna Berg", EntityLabel::Person, "Boats are back,", QuoteKind::Direct)]);
    store.save_annotation(&id, &ann, PIER).expect("annotation saved");
    reload(&mut v, &store);
    assert_eq!((v.attributions.len(), v.cursors[2].selected), (3, 1));
    let rows = screen(&mut v, 100, 8);
    assert!(
        rows[4].contains("Families cannot pay") && rows[5].trim_matches(['│', ' ']).is_empty(),
        "{rows:#?}"
    );
    assert_eq!(click(&mut v, &store, 10, 5), None);
    assert_eq!(v.cursors[2].selected, 1);
}

#[test]
fn a_click_ends_typing_a_search_and_closes_the_help() {
    let (store, ids) = store();
    let mut v = view(&store);
    press(&mut v, &store, "/");
    type_text(&mut v, &store, "fer");
    screen(&mut v, 100, 8);
    assert_eq!(click(&mut v, &store, 10, 2), Some(Effect::Open { article: ids[1].clone(), at: None }));
    assert!(!v.search.editing && v.search.text == "fer");
    press(&mut v, &store, "esc ?");
    screen(&mut v, 100, 24);
    assert_eq!(click(&mut v, &store, 10, 3), None);
    assert!(!v.help);
    assert_eq!(v.cursors[0].selected, 0, "the click only closed the help");
    // Too small to draw the list: clicks anywhere do nothing.
    for (w, h) in [(0, 0), (9, 5), (30, 2), (30, 3), (30, 4)] {
        let mut v = view(&store);
        screen(&mut v, w, h);
        for y in 0..=h {
            for x in 0..=w {
                assert_eq!(click(&mut v, &store, x, y), None, "{w}x{h} at ({x}, {y})");
            }
        }
    }
}

#[test]
fn a_speakers_attributions_are_grouped_by_article() {
    let (store, _) = store();
    const PIER: &str = "Pier reopens\n\n\u{201c}Boats are back,\u{201d} said Anna Berg. \u{201c}And so are we,\u{201d} Berg said.\n";
    let pier = NewArticle {
        source: Some("/news/pier.txt"),
        title: Some("Pier reopens"),
        text: PIER,
        ..NewArticle::default()
    };
    let id = store.save_article(&pier).expect("saved");
    let ann = annotation(
        PIER,
        &[
            ("Anna Berg", EntityLabel::Person, "Boats are back,", QuoteKind::Direct),
            ("Anna Berg", EntityLabel::Person, "And so are we,", QuoteKind::Direct),
        ],
    );
    store.save_annotation(&id, &ann, PIER).expect("annotation saved");
    let mut v = view(&store);
    press(&mut v, &store, "tab enter");
    assert_eq!(v.screen, Screen::Attributions);
    let rows = screen(&mut v, 100, 14);
    let titled = rows.iter().filter(|r| r.contains("Pier reopens")).count();
    assert_eq!(titled, 1, "the article's title once above its two attributions: {rows:#?}");
    assert!(
        rows.iter().any(|r| r.contains("Boats are back")) && rows.iter().any(|r| r.contains("And so are we"))
    );
}

#[test]
fn w_counts_and_lists_speech_and_writing_only_and_is_remembered() {
    use crate::app::state::Remember;
    use EntityLabel::Person;
    use QuoteKind::{Direct, Indirect};
    let store = Store::in_memory().expect("store");
    // Tom Reilly is only reported as thinking; Berg once says, once thinks.
    for (text, source, quotes, thought) in [
        (
            HARBOUR,
            "/news/harbour.txt",
            [
                ("Anna Berg", Person, "We need more time,", Direct),
                ("Tom Reilly", Person, "the harbour mattered", Indirect),
            ],
            1,
        ),
        (
            FERRY,
            "/news/ferry.txt",
            [
                ("Lena Holm", Person, "Fuel costs doubled,", Direct),
                ("Berg", Person, "Families cannot pay,", Direct),
            ],
            1,
        ),
    ] {
        let new =
            NewArticle { source: Some(source), title: text.lines().next(), text, ..NewArticle::default() };
        let id = store.save_article(&new).expect("saved");
        let mut ann = annotation(text, &quotes);
        ann.quotes[thought].act = sayso_nlp::Act::Thought;
        store.save_annotation(&id, &ann, text).expect("annotation saved");
    }
    let mut v = view(&store);
    press(&mut v, &store, "tab");
    let names =
        |v: &LibraryView| v.speakers.iter().map(|s| (s.name.clone(), s.attributions)).collect::<Vec<_>>();
    assert!(names(&v).contains(&("Tom Reilly".to_owned(), 1)));
    assert!(names(&v).contains(&("Anna Berg".to_owned(), 2)));
    assert_eq!(press(&mut v, &store, "w"), Some(Effect::Remember(Remember::WordsOnly(true))));
    assert!(v.config.words_only);
    assert!(!names(&v).iter().any(|(n, _)| n == "Tom Reilly"), "{:?}", names(&v));
    assert!(names(&v).contains(&("Anna Berg".to_owned(), 1)));
    // Her attributions leave out what she thought, and come back with `w`.
    let berg = v.shown.iter().position(|&i| v.speakers[i].name == "Anna Berg").expect("listed");
    v.cursors[1].selected = berg;
    press(&mut v, &store, "enter");
    assert_eq!(v.screen, Screen::Attributions);
    let said: Vec<&str> = v.attributions.iter().map(|a| a.content.as_str()).collect();
    assert_eq!(said, ["We need more time,"]);
    assert_eq!(press(&mut v, &store, "w"), Some(Effect::Remember(Remember::WordsOnly(false))));
    assert_eq!(v.attributions.len(), 2);
    assert_eq!(v.status.as_deref(), Some("thought too"));
    press(&mut v, &store, "esc");
    assert!(names(&v).contains(&("Tom Reilly".to_owned(), 1)));
}
