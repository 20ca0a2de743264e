//! Highlights, notes, tags, corrections and export through `update`, with
//! the library played by a stand-in that saves everything it is asked to.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::dialog::{Dialog, Kind};
use super::notes::{Effect, Stored};
use super::state::{Pane, State};
use super::{Msg, update};
use crate::config::Config;
use crate::export::Format as ExportFormat;
use crate::fixture;

fn reader() -> State {
    State::with_document(Config::defaults().expect("defaults"), fixture::document(), Rect::new(0, 0, 100, 30))
}

fn press(state: &mut State, keys: &str) {
    let _ = fixture::press(state, keys);
}

fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
        update(state, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// Carry out the waiting effects as the event loop does, giving new notes
/// ids; returns what was carried out.
fn save_all(state: &mut State, next_id: &mut i64) -> Vec<Effect> {
    let effects = std::mem::take(&mut state.effects);
    for e in &effects {
        let stored = match e.clone() {
            Effect::Save(mut n) => {
                if n.id.is_none() {
                    *next_id += 1;
                    n.id = Some(*next_id);
                }
                Stored::Saved(n)
            }
            Effect::Delete(n) => Stored::Deleted(n),
            Effect::Restore(n) => Stored::Restored(n),
            Effect::Reassign { content, speaker } => Stored::Reassigned { content, speaker },
            Effect::Copy(t) => Stored::Copied(t.chars().count()),
            Effect::Export { path, .. } => Stored::Exported(path),
        };
        update(state, Msg::Stored(Ok(stored)));
    }
    effects
}

fn current_text(state: &State) -> String {
    let doc = state.doc.as_ref().expect("doc");
    state.current.map(|q| doc.ann.quotes[q].content.slice(&doc.text).to_owned()).unwrap_or_default()
}

fn sentence_text(state: &State) -> String {
    let doc = state.doc.as_ref().expect("doc");
    state.sentence.map(|i| doc.ann.sentences[i].span.slice(&doc.text).to_owned()).unwrap_or_default()
}

#[test]
fn j_and_k_walk_sentences_and_take_up_their_quotes() {
    let mut s = reader();
    assert_eq!(s.sentence, None);
    press(&mut s, "J");
    assert!(sentence_text(&s).starts_with("Harbour town votes"), "the headline first: {}", sentence_text(&s));
    assert_eq!(s.current, None, "no quote in the headline");
    press(&mut s, "J J");
    assert!(sentence_text(&s).starts_with("Mayor Elena Ortiz called"));
    assert_eq!(current_text(&s), "“a promise kept to every family who fishes here.”");
    press(&mut s, "K");
    assert!(sentence_text(&s).starts_with("The council of Port Elmsworth"));
    assert_eq!(s.current, None, "a sentence without a quote has no current quote");
    // A jump moves the current sentence too.
    press(&mut s, "]");
    assert!(sentence_text(&s).contains(&current_text(&s)));
}

#[test]
fn h_highlights_the_current_quote_and_again_takes_it_off_and_u_brings_it_back() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "]");
    let quote = current_text(&s);
    press(&mut s, "h");
    assert!(s.notes.is_empty(), "nothing shows as saved before the library says so");
    let done = save_all(&mut s, &mut ids);
    assert!(matches!(&done[..], [Effect::Save(n)] if n.highlight && n.quote == quote));
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.message.as_deref(), Some("highlighted"));
    press(&mut s, "h");
    let done = save_all(&mut s, &mut ids);
    assert!(matches!(&done[..], [Effect::Delete(_)]), "an empty highlight is deleted: {done:?}");
    assert!(s.notes.is_empty());
    press(&mut s, "u");
    save_all(&mut s, &mut ids);
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].id, Some(1), "the same note comes back");
    press(&mut s, "u");
    assert_eq!(s.message.as_deref(), Some("nothing to undo"));
}

#[test]
fn without_a_current_quote_h_marks_the_current_sentence() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "h");
    assert!(s.effects.is_empty() && s.message.is_some(), "nothing current yet: say how");
    press(&mut s, "J J");
    let sentence = sentence_text(&s);
    press(&mut s, "h");
    save_all(&mut s, &mut ids);
    assert_eq!(s.notes[0].quote, sentence);
}

#[test]
fn the_note_editor_saves_on_ctrl_s_and_asks_before_throwing_text_away() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "] a");
    assert!(s.dialog.is_some());
    type_text(&mut s, "Check the vote count\nwith the minutes");
    press(&mut s, "esc");
    assert!(s.dialog.is_some(), "Esc with text typed asks first");
    press(&mut s, "n");
    press(&mut s, "ctrl-s");
    assert!(s.dialog.as_ref().is_some_and(|d| d.saving), "open until the library confirms");
    let done = save_all(&mut s, &mut ids);
    assert!(matches!(&done[..], [Effect::Save(n)] if n.body == "Check the vote count\nwith the minutes"));
    assert!(s.dialog.is_none());
    assert_eq!(s.message.as_deref(), Some("note saved"));
    // Editing again starts from the saved words; Esc then y throws the change away.
    press(&mut s, "a");
    type_text(&mut s, " later");
    press(&mut s, "esc y");
    assert!(s.dialog.is_none() && s.effects.is_empty());
    assert_eq!(s.notes[0].body, "Check the vote count\nwith the minutes");
}

#[test]
fn a_failed_save_keeps_the_editor_and_its_text() {
    let mut s = reader();
    press(&mut s, "] a");
    type_text(&mut s, "important");
    press(&mut s, "ctrl-s");
    s.effects.clear();
    update(&mut s, Msg::Stored(Err("disk full".to_owned())));
    let d = s.dialog.as_ref().expect("still open");
    assert!(!d.saving);
    match &d.kind {
        super::dialog::Kind::Note { editor, .. } => assert_eq!(editor.lines().join("\n"), "important"),
        other => panic!("wrong dialog {other:?}"),
    }
    assert!(s.message.as_deref().is_some_and(|m| m.contains("disk full")));
}

#[test]
fn tags_are_split_and_kept() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "] t");
    type_text(&mut s, "#budget, pier  budget");
    press(&mut s, "enter");
    save_all(&mut s, &mut ids);
    assert_eq!(s.notes[0].tags, ["budget", "pier"]);
    assert!(!s.notes[0].highlight);
    assert_eq!(s.message.as_deref(), Some("tags saved"));
    // The reader's own words keep their joiners (an emoji family is one tag).
    press(&mut s, "t");
    type_text(&mut s, " 👩\u{200d}👧\u{202e}");
    press(&mut s, "enter");
    save_all(&mut s, &mut ids);
    assert_eq!(s.notes[0].tags, ["budget", "pier", "👩\u{200d}👧"]);
}

#[test]
fn s_gives_the_quote_to_another_speaker_everywhere() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "]");
    let q = s.current.expect("a quote");
    let before = current_text(&s);
    press(&mut s, "s");
    // The dialog says which quote it corrects and who has it now.
    let Some(Dialog { kind: Kind::Speaker { words, now, .. }, .. }) = &s.dialog else { panic!("the picker") };
    assert_eq!(*words, before);
    assert_eq!(now.as_deref(), Some("Elena Ortiz"));
    type_text(&mut s, "Dana Holt");
    press(&mut s, "enter");
    let done = save_all(&mut s, &mut ids);
    assert!(matches!(&done[..], [Effect::Reassign { speaker, .. }] if speaker == "Dana Holt"));
    let doc = s.doc.as_ref().expect("doc");
    let rank = doc.quote_rank[q].expect("ranked");
    assert_eq!(doc.speakers[rank].name, "Dana Holt");
    assert_eq!(s.speakers.selected, rank, "the list follows the current quote");
    // Picking an existing speaker by filtering.
    press(&mut s, "s");
    type_text(&mut s, "whit");
    press(&mut s, "enter");
    save_all(&mut s, &mut ids);
    let doc = s.doc.as_ref().expect("doc");
    assert_eq!(doc.speakers[doc.quote_rank[q].expect("ranked")].name, "Sam Whitfield");
    assert!(doc.speakers.iter().all(|sp| sp.name != "Dana Holt"), "no quotes left, so not listed");
}

#[test]
fn the_notes_pane_lists_in_text_order_and_jumps() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "] ] ] h");
    save_all(&mut s, &mut ids);
    press(&mut s, "[ [ h");
    save_all(&mut s, &mut ids);
    assert!(s.notes[0].span < s.notes[1].span);
    press(&mut s, "m");
    assert_eq!(s.focus, Pane::Notes);
    assert!(!s.areas.entities.is_empty());
    press(&mut s, "j enter");
    assert_eq!(Some(current_text(&s)), s.notes.get(1).map(|n| n.quote.clone()));
    press(&mut s, "m");
    assert!(!s.show_notes);
    // d in the pane deletes the selected note.
    press(&mut s, "m g d");
    save_all(&mut s, &mut ids);
    assert_eq!(s.notes.len(), 1);
}

#[test]
fn y_copies_the_quote_with_its_speaker_and_headline() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "] y");
    let done = save_all(&mut s, &mut ids);
    let [Effect::Copy(text)] = &done[..] else { panic!("{done:?}") };
    assert!(text.starts_with("“a promise kept"), "{text}");
    assert!(text.contains("— Elena Ortiz, in Harbour town votes"), "{text}");
}

#[test]
fn the_export_folder_is_configurable() {
    let user = "[export]\nfolder = \"/srv/notes\"\n".to_owned();
    let config = Config::from_texts(Some(("mine.toml".to_owned(), user))).expect("valid");
    assert_eq!(config.export_folder(), std::path::PathBuf::from("/srv/notes"));
    let mut s = State::with_document(config, fixture::document(), Rect::new(0, 0, 100, 30));
    press(&mut s, "x enter");
    let [Effect::Export { path, .. }] = &s.effects[..] else { panic!("{:?}", s.effects) };
    assert!(path.starts_with("/srv/notes"), "{}", path.display());
}

#[test]
fn x_exports_in_the_chosen_format() {
    let mut s = reader();
    let mut ids = 0;
    press(&mut s, "x tab tab enter");
    let done = save_all(&mut s, &mut ids);
    let [Effect::Export { format, path }] = &done[..] else { panic!("{done:?}") };
    assert_eq!(*format, ExportFormat::Csv);
    // The dialog offered the whole path, in the export folder.
    assert_eq!(path.parent(), Some(s.config.export_folder().as_path()));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    assert!(name.starts_with("harbour-town-votes") && name.ends_with(".csv"), "{name}");
    // The confirmation names it in full, in a box that wraps.
    let Some(Dialog { kind: Kind::Notice { text, .. }, .. }) = &s.dialog else { panic!("a confirmation") };
    assert!(text.contains(&*path.to_string_lossy()), "{text}");
    press(&mut s, "esc");
    assert!(s.dialog.is_none());
}

#[test]
fn when_the_library_cannot_be_opened_notes_are_refused_plainly() {
    let mut s = reader();
    s.store_error = Some("library.db is not a database".to_owned());
    press(&mut s, "] h");
    assert!(s.effects.is_empty() && s.dialog.is_none());
    assert!(s.message.as_deref().is_some_and(|m| m.contains("not a database")));
}

#[test]
fn a_dialog_that_cannot_open_never_lets_the_words_typed_run_as_commands() {
    for key in ["a", "t", "s"] {
        let mut s = reader();
        s.store_error = Some("the disk is full".to_owned());
        press(&mut s, &format!("] {key}"));
        let Some(Dialog { kind: Kind::Notice { text, .. }, .. }) = &s.dialog else {
            panic!("{key}: a notice")
        };
        assert!(text.contains("the disk is full"), "{text}");
        // Words meant for the note: L (library), q (quit), d, j… all wait.
        let (scroll, current) = (s.scroll, s.current);
        press(&mut s, "L o o k i n g space a t space q u o t e s d j G");
        assert!(s.dialog.is_some() && !s.quit && !s.to_library, "{key}");
        assert!(s.effects.is_empty());
        assert_eq!((s.scroll, s.current), (scroll, current));
        press(&mut s, "esc");
        assert!(s.dialog.is_none());
        press(&mut s, "q");
        assert!(s.quit);
    }
}
