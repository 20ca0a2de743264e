//! Key tests of "speech and writing only" and of the Unattributed entry:
//! keys go through `update`, no terminal.

use ratatui::layout::Rect;
use sayso_nlp::Act;

use super::document::{Document, UNATTRIBUTED};
use super::screen::{Effect, reader_effects};
use super::state::{Remember, State};
use crate::config::Config;
use crate::fixture;

/// The fixture with Tom Reyes's second quote (“I’ll believe it …”) thought
/// and the Trust's quote left without a speaker.
pub(crate) fn document() -> Document {
    let Document { origin, text, mut ann, .. } = fixture::document();
    let believe =
        ann.quotes.iter().position(|q| q.content.slice(&text).contains("believe it")).expect("quote");
    ann.quotes[believe].act = Act::Thought;
    let trust =
        ann.quotes.iter().position(|q| q.content.slice(&text).contains("in the spring")).expect("quote");
    ann.quotes[trust].speaker = None;
    Document::new(origin, text, ann)
}

fn reader(config: Config) -> State {
    State::with_document(config, document(), Rect::new(0, 0, 100, 30))
}

fn names(state: &State) -> Vec<(String, usize)> {
    let doc = state.doc.as_ref().expect("doc");
    doc.speakers.iter().map(|s| (s.name.clone(), s.quotes.len())).collect()
}

fn content(state: &State, q: usize) -> String {
    let doc = state.doc.as_ref().expect("doc");
    doc.ann.quotes[q].content.slice(&doc.text).to_owned()
}

#[test]
fn quotes_without_a_speaker_are_listed_last_as_unattributed_without_a_colour() {
    let s = reader(Config::defaults().expect("defaults"));
    let list = names(&s);
    assert_eq!(list.last(), Some(&(UNATTRIBUTED.to_owned(), 1)), "{list:?}");
    assert!(!list[..list.len() - 1].iter().any(|(n, _)| n.contains("Trust")), "{list:?}");
    let doc = s.doc.as_ref().expect("doc");
    let last = doc.speakers.len() - 1;
    assert_eq!(doc.speakers[last].id, None);
    assert_eq!(doc.colour(Some(last)), None, "no speaker's colour");
    assert_eq!(doc.colour(Some(0)), Some(0));
    assert!(content(&s, doc.speakers[last].quotes[0]).contains("in the spring"));
}

#[test]
fn w_lists_speech_and_writing_only_and_asks_to_remember_it() {
    let mut s = reader(Config::defaults().expect("defaults"));
    let tom = |s: &State| names(s).into_iter().find(|(n, _)| n == "Tom Reyes").map(|(_, c)| c);
    assert_eq!(tom(&s), Some(2));
    assert!(fixture::press(&mut s, "w"), "the screen changes");
    assert!(s.config.words_only);
    assert_eq!(tom(&s), Some(1), "the thought is no longer listed");
    let doc = s.doc.as_ref().expect("doc");
    let thought = doc.ann.quotes.iter().position(|q| q.act == Act::Thought).expect("a thought");
    assert!(!doc.listed(thought));
    assert!(doc.speakers.iter().all(|sp| !sp.quotes.contains(&thought)));
    assert_eq!(s.message.as_deref(), Some("Speech and writing only"));
    let effects = reader_effects(&mut s);
    assert!(matches!(effects.as_slice(), [Effect::Remember(Remember::WordsOnly(true))]), "{effects:?}");
    assert!(reader_effects(&mut s).is_empty(), "asked once");

    // ] goes through every listed quote and never lands on the thought.
    let mut seen = Vec::new();
    for _ in 0..12 {
        let _ = fixture::press(&mut s, "]");
        seen.extend(s.current);
    }
    assert!(!seen.is_empty() && !seen.contains(&thought), "{seen:?}");

    assert!(fixture::press(&mut s, "w"));
    assert!(!s.config.words_only);
    assert_eq!(tom(&s), Some(2));
    let effects = reader_effects(&mut s);
    assert!(matches!(effects.as_slice(), [Effect::Remember(Remember::WordsOnly(false))]), "{effects:?}");
}

#[test]
fn the_selected_speaker_stays_selected_and_a_thought_stops_being_current() {
    let mut s = reader(Config::defaults().expect("defaults"));
    let doc = s.doc.as_ref().expect("doc");
    let thought = doc.ann.quotes.iter().position(|q| q.act == Act::Thought).expect("a thought");
    let tom = doc.speakers.iter().position(|sp| sp.name == "Tom Reyes").expect("Tom Reyes");
    super::navigate::jump_to(&mut s, thought);
    assert_eq!((s.current, s.speakers.selected), (Some(thought), tom));
    let _ = fixture::press(&mut s, "w");
    let doc = s.doc.as_ref().expect("doc");
    assert_eq!(s.current, None);
    assert_eq!(doc.speakers[s.speakers.selected].name, "Tom Reyes");
}

#[test]
fn the_remembered_setting_is_read_back_from_the_users_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "# my colours\n[layout]\nside_width = 40\n").expect("write");
    let config = Config::load(Some(&path)).expect("loads");
    assert!(!config.words_only);
    assert_eq!(config.file.as_deref(), Some(path.as_path()));
    let (table, key, value) = Remember::WordsOnly(true).entry();
    crate::remember::setting(&path, table, key, value).expect("remembered");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("# my colours\n[layout]\nside_width = 40\n"), "{text}");
    let config = Config::load(Some(&path)).expect("loads");
    assert!(config.words_only);
    assert_eq!(config.side_width, 40, "the user's own settings stay");
    let s = reader(config);
    assert_eq!(
        names(&s).iter().find(|(n, _)| n == "Tom Reyes").map(|(_, c)| *c),
        Some(1),
        "filtered at start"
    );
}
