//! Key-sequence tests: keys and clicks go through `update`, no terminal.

use ratatui::crossterm::event::{KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::state::{Pane, State};
use super::{Msg, update};
use crate::config::Config;
use crate::fixture;

fn reader(w: u16, h: u16) -> State {
    State::with_document(Config::defaults().expect("defaults"), fixture::document(), Rect::new(0, 0, w, h))
}

fn press(state: &mut State, keys: &str) -> bool {
    fixture::press(state, keys)
}

fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        update(
            state,
            Msg::Key(KeyEvent::new(ratatui::crossterm::event::KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

fn offset(state: &State, needle: &str) -> usize {
    state.doc.as_ref().and_then(|d| d.text.find(needle)).expect("in the text")
}

/// True when the start of `needle` is on screen.
fn in_view(state: &State, needle: &str) -> bool {
    let row = state.wrapped.row_of(offset(state, needle));
    row >= state.scroll && row < state.scroll + state.page()
}

fn current_text(state: &State) -> String {
    let doc = state.doc.as_ref().expect("doc");
    state.current.map(|q| doc.ann.quotes[q].content.slice(&doc.text).to_owned()).unwrap_or_default()
}

fn click(state: &mut State, column: u16, row: u16) {
    let ev = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    update(state, Msg::Mouse(ev));
}

#[test]
fn scroll_keys_move_the_article_and_stop_at_the_ends() {
    let mut s = reader(60, 16);
    assert_eq!((s.focus, s.scroll), (Pane::Article, 0));
    assert!(!press(&mut s, "k"), "nothing above the top: no redraw");
    press(&mut s, "j j");
    assert_eq!(s.scroll, 2);
    press(&mut s, "ctrl-d");
    assert_eq!(s.scroll, 2 + s.page() / 2);
    press(&mut s, "G");
    assert_eq!(s.scroll, s.max_scroll());
    assert!(s.max_scroll() > 0);
    assert!(!press(&mut s, "space"));
    press(&mut s, "g");
    assert_eq!(s.scroll, 0);
    assert!(!press(&mut s, "z"), "an unbound key changes nothing");
}

#[test]
fn tab_enter_and_n_walk_the_top_speakers_quotes() {
    let mut s = reader(100, 30);
    press(&mut s, "tab");
    assert_eq!(s.focus, Pane::Speakers);
    assert_eq!(s.speakers.selected, 0);
    assert_eq!(s.doc.as_ref().map(|d| d.speakers[0].name.as_str()), Some("Elena Ortiz"));
    press(&mut s, "enter");
    assert_eq!(current_text(&s), "“a promise kept to every family who fishes here.”");
    assert!(in_view(&s, "a promise kept"));
    press(&mut s, "n");
    assert_eq!(current_text(&s), "the Coastal Heritage Trust had pledged half of the cost");
    press(&mut s, "n n");
    assert!(current_text(&s).starts_with("the new pier would be built"));
    assert!(in_view(&s, "the new pier would be built"));
    assert!(!press(&mut s, "n") || s.message.is_some());
    assert!(s.message.as_deref().is_some_and(|m| m.contains("no later quote by Elena Ortiz")));
    press(&mut s, "p");
    assert!(current_text(&s).starts_with("“We are not doing this alone,”"));
    assert_eq!(s.quotes.selected, 2);
}

#[test]
fn brackets_go_through_everyone_and_the_lists_follow() {
    let mut s = reader(100, 30);
    press(&mut s, "]");
    assert_eq!(current_text(&s), "“a promise kept to every family who fishes here.”");
    press(&mut s, "]");
    assert_eq!(current_text(&s), "the town could not afford the £4.2 million bill");
    assert_eq!(s.speakers.selected, 1, "Sam Whitfield is selected");
    assert_eq!(s.quotes.selected, 0);
    press(&mut s, "] ]");
    assert_eq!(s.speakers.selected, 0);
    press(&mut s, "[");
    assert_eq!(current_text(&s), "“the sea will take it back within a decade.”");
    // n now follows Whitfield.
    press(&mut s, "n");
    assert_eq!(current_text(&s), "he would ask the county auditor to review the contract");
}

#[test]
fn quotes_pane_selects_and_jumps() {
    let mut s = reader(100, 30);
    press(&mut s, "tab j");
    assert_eq!(s.speakers.selected, 1);
    assert_eq!(s.speaker_quotes().len(), 3);
    press(&mut s, "tab");
    assert_eq!(s.focus, Pane::Quotes);
    press(&mut s, "j j enter");
    assert_eq!(current_text(&s), "he would ask the county auditor to review the contract");
    assert!(in_view(&s, "he would ask the county auditor"));
    press(&mut s, "shift-tab shift-tab");
    assert_eq!(s.focus, Pane::Article);
}

#[test]
fn search_highlights_and_takes_over_n_until_cleared() {
    let mut s = reader(100, 30);
    press(&mut s, "/");
    type_text(&mut s, "storm");
    let search = s.search.clone().expect("search");
    assert!(search.editing);
    assert_eq!(search.matches.len(), 5);
    press(&mut s, "enter");
    assert!(s.searching());
    press(&mut s, "n");
    assert_eq!(s.search.as_ref().and_then(|x| x.current), Some(1));
    press(&mut s, "N N");
    assert_eq!(s.search.as_ref().and_then(|x| x.current), Some(4), "N wraps to the last match, as in less");
    press(&mut s, "p n");
    assert_eq!(s.search.as_ref().and_then(|x| x.current), Some(4), "p goes back too");
    press(&mut s, "esc");
    assert!(s.search.is_none());
    press(&mut s, "n");
    assert!(s.current.is_some(), "without a search, n goes to quotes again");
}

#[test]
fn escape_while_typing_drops_the_search_and_goes_back() {
    let mut s = reader(60, 14);
    press(&mut s, "j");
    press(&mut s, "/");
    type_text(&mut s, "months");
    assert!(s.scroll > 1, "the view follows the first match");
    press(&mut s, "esc");
    assert_eq!((s.scroll, s.search.is_none()), (1, true));
    press(&mut s, "/");
    type_text(&mut s, "zebra");
    press(&mut s, "enter");
    assert!(s.search.is_none());
    assert_eq!(s.message.as_deref(), Some("no match for “zebra”"));
}

#[test]
fn focus_mode_entities_and_help_toggle() {
    let mut s = reader(100, 30);
    press(&mut s, "f");
    assert!(s.focus_speaker);
    press(&mut s, "f");
    assert!(!s.focus_speaker);
    press(&mut s, "e");
    assert_eq!(s.focus, Pane::Entities);
    assert!(!s.areas.entities.is_empty());
    let doc = s.doc.clone().expect("doc");
    assert_eq!(doc.entities[0].name, "Elena Ortiz");
    assert_eq!(doc.entities[0].mentions.len(), 3);
    press(&mut s, "enter enter");
    assert_eq!(s.mark.map(|m| m.slice(&doc.text)), Some("Ortiz"));
    assert!(s.message.as_deref().is_some_and(|m| m.contains("mention 2 of 3")));
    press(&mut s, "e");
    assert_eq!(s.focus, Pane::Article);
    press(&mut s, "?");
    assert!(s.help.is_some());
    press(&mut s, "j");
    assert_eq!(s.help, Some(1));
    // G goes to the end of the help and no further: its last line at the bottom.
    press(&mut s, "G");
    let max = super::help::max_scroll(&s.config, s.area);
    assert!(max > 0 && s.help == Some(max));
    press(&mut s, "j j");
    assert_eq!(s.help, Some(max));
    press(&mut s, "q");
    assert!(s.help.is_none() && !s.quit, "q closes the help first");
    press(&mut s, "q");
    assert!(s.quit);
}

#[test]
fn clicks_select_and_the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut s = reader(100, 30);
    let spk = s.areas.speakers;
    click(&mut s, spk.x + 3, spk.y + 2);
    assert_eq!((s.focus, s.speakers.selected), (Pane::Speakers, 1));
    let quotes = s.areas.quotes;
    click(&mut s, quotes.x + 3, quotes.y + 3);
    assert_eq!(s.focus, Pane::Quotes);
    assert_eq!(current_text(&s), "“the sea will take it back within a decade.”");
    let art = s.areas.article;
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: art.x + 5,
        row: art.y + 5,
        modifiers: KeyModifiers::NONE,
    };
    let before = s.scroll;
    update(&mut s, Msg::Mouse(wheel));
    assert_eq!(s.scroll, (before + 3).min(s.max_scroll()));
    assert_eq!(s.focus, Pane::Quotes, "the wheel does not move the focus");
    let wheel = MouseEvent { column: spk.x + 3, row: spk.y + 1, ..wheel };
    update(&mut s, Msg::Mouse(wheel));
    assert_eq!(s.speakers.selected, 2);
    update(&mut s, Msg::Resize(100, 30));
    let _ = press(&mut s, "g");
    let row = s.wrapped.row_of(offset(&s, "stands with us")) - s.scroll;
    let text = s.areas.text;
    click(&mut s, text.x + 4, text.y + u16::try_from(row).expect("on screen"));
    assert!(current_text(&s).starts_with("“We are not doing this alone,”"), "a click on attributed words");
    assert_eq!((s.focus, s.speakers.selected), (Pane::Article, 0));
}

#[test]
fn remapped_keys_work_and_the_old_ones_do_not() {
    let user = "[keys]\nnext_quote = [\"x\"]\nsearch = [\"n\"]\n".to_owned();
    let config = Config::from_texts(Some(("test.toml".to_owned(), user))).expect("valid");
    let mut s = State::with_document(config, fixture::document(), Rect::new(0, 0, 100, 30));
    press(&mut s, "x");
    assert!(s.current.is_some());
    press(&mut s, "n");
    assert!(s.search.as_ref().is_some_and(|x| x.editing), "n now searches");
}

#[test]
fn resizing_keeps_the_reading_place() {
    let mut s = reader(100, 30);
    press(&mut s, "tab j enter");
    let top = s.top_offset();
    update(&mut s, Msg::Resize(50, 12));
    assert!(in_view(&s, "the town could not afford") || s.top_offset() <= top);
    let para = |s: &State| s.wrapped.rows[s.scroll].paragraph;
    let before = para(&s);
    update(&mut s, Msg::Resize(100, 30));
    assert_eq!(para(&s), before);
    update(&mut s, Msg::Resize(1, 1));
    update(&mut s, Msg::Resize(0, 0));
    update(&mut s, Msg::Resize(100, 30));
    assert!(in_view(&s, "the town could not afford"));
}

#[test]
fn on_a_tiny_screen_tab_shows_each_list_in_turn() {
    let mut s = reader(40, 10);
    assert!(s.areas.speakers.is_empty());
    press(&mut s, "tab");
    assert_eq!(s.focus, Pane::Speakers);
    assert!(!s.areas.speakers.is_empty() && s.areas.article.is_empty());
    press(&mut s, "j tab");
    assert_eq!(s.focus, Pane::Quotes);
    press(&mut s, "enter");
    assert_eq!(s.focus, Pane::Article, "a jump shows the article");
    assert_eq!(current_text(&s), "the town could not afford the £4.2 million bill");
    assert!(in_view(&s, "the town could not afford"));
}

#[test]
fn a_start_offset_makes_its_attribution_current_and_in_view() {
    let doc = fixture::document();
    // The last attribution in the text, so the view has to move to it.
    let q = (0..doc.ann.quotes.len()).max_by_key(|&q| doc.ann.quotes[q].content.start).expect("quotes");
    let content = doc.ann.quotes[q].content;
    let words = content.slice(&doc.text).to_owned();
    let config = Config::defaults().expect("defaults");
    let mut s = State::loading(config, "fixture".to_owned(), doc.text.len(), Rect::new(0, 0, 60, 12));
    s.start_at = Some(content.start + 1);
    s.resume = Some(0);
    update(&mut s, Msg::Loaded(Box::new(doc)));
    assert_eq!(s.current, Some(q), "the attribution holding the offset wins over the reading place");
    assert_eq!(current_text(&s), words);
    assert!(s.scroll > 0 && in_view(&s, &words), "scrolled to it");
    assert_eq!(s.start_at, None);
}

#[test]
fn l_leaves_the_article_for_the_library() {
    let mut s = reader(80, 24);
    press(&mut s, "L");
    assert!(s.quit && s.to_library);
    let mut s = reader(80, 24);
    press(&mut s, "q");
    assert!(s.quit && !s.to_library);
}

#[test]
fn a_reading_place_resumes_at_a_sentence_start_and_says_so() {
    let doc = fixture::document();
    // A place saved mid-sentence, as another width's row start may be.
    let sentence = doc.ann.sentences[doc.ann.sentences.len() / 2].span;
    let mid = doc.text[..sentence.start + (sentence.end - sentence.start) / 2]
        .char_indices()
        .last()
        .map_or(sentence.start, |(i, _)| i);
    let config = Config::defaults().expect("defaults");
    let mut s = State::loading(config, "fixture".to_owned(), doc.text.len(), Rect::new(0, 0, 60, 12));
    s.resume = Some(mid);
    update(&mut s, Msg::Loaded(Box::new(doc)));
    assert!(s.scroll > 0);
    let top_row = s.wrapped.rows[s.scroll];
    assert!(
        top_row.start <= sentence.start && sentence.start < top_row.end.max(top_row.start + 1),
        "the sentence begins on the top row"
    );
    let message = s.message.clone().unwrap_or_default();
    assert!(message.starts_with("resumed at ") && message.ends_with("% · g for the top"), "{message}");
    press(&mut s, "g");
    assert_eq!(s.scroll, 0);
    // From the top, nothing is said.
    let mut fresh =
        State::loading(Config::defaults().expect("defaults"), "f".to_owned(), 1, Rect::new(0, 0, 60, 12));
    fresh.resume = Some(0);
    update(&mut fresh, Msg::Loaded(Box::new(fixture::document())));
    assert_eq!(fresh.message, None);
}

#[test]
fn the_entities_pane_groups_by_kind_and_a_click_on_a_heading_selects_nothing() {
    let mut s = reader(100, 30);
    press(&mut s, "e");
    let doc = s.doc.clone().expect("doc");
    let body = super::layout::inner(s.areas.entities);
    let rows = doc.entity_rows(0, usize::from(body.height));
    assert_eq!(rows.first(), Some(&super::document::EntityRow::Heading(sayso_nlp::EntityLabel::Person)));
    let headings = rows.iter().filter(|r| matches!(r, super::document::EntityRow::Heading(_))).count();
    assert_eq!(headings, 3, "people, organisations, places: {rows:?}");
    // A click on the second heading (organisations) changes nothing; one on
    // the row under it selects that organisation.
    let at =
        rows.iter().enumerate().filter(|(_, r)| matches!(r, super::document::EntityRow::Heading(_))).nth(1);
    let (row, _) = at.expect("a second heading");
    let y = body.y + u16::try_from(row).expect("small");
    click(&mut s, body.x + 3, y);
    assert_eq!(s.entities.selected, 0);
    click(&mut s, body.x + 3, y + 1);
    let super::document::EntityRow::Item(i) = rows[row + 1] else { panic!("an entity under its heading") };
    assert_eq!(s.entities.selected, i);
    assert_eq!(doc.entities[i].label, sayso_nlp::EntityLabel::Org);
}
