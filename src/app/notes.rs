//! The reader's own highlights, notes, tags and speaker corrections.
//!
//! Nothing here writes to disk: each change becomes an [`Effect`] that the
//! event loop carries out against the library database, and only the
//! result it sends back ([`Stored`]) changes what the screen shows — so the
//! screen never confirms what was not saved.

use std::path::PathBuf;

use sayso_nlp::Span;

use super::dialog::Dialog;
use super::state::{Pane, State};

/// A highlight or note as the reader holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserNote {
    /// Its id in the library, once saved.
    pub id: Option<i64>,
    /// Where it is in the text, when it could be found there.
    pub span: Option<Span>,
    /// The words it was made on (shown when the span is lost).
    pub quote: String,
    /// Drawn as a highlight.
    pub highlight: bool,
    /// What the reader wrote (may be empty).
    pub body: String,
    /// Its tags.
    pub tags: Vec<String>,
}

impl UserNote {
    /// Nothing left worth keeping: no highlight, no words, no tags.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.highlight && self.body.trim().is_empty() && self.tags.is_empty()
    }
}

/// A change the event loop must carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save a new note (no id) or the changes to one.
    Save(UserNote),
    /// Delete a note.
    Delete(UserNote),
    /// Bring a deleted note back.
    Restore(UserNote),
    /// Say who spoke the quote with this content.
    Reassign {
        /// The quote's content.
        content: Span,
        /// Who spoke it.
        speaker: String,
    },
    /// Put text on the clipboard.
    Copy(String),
    /// Write an export file.
    Export {
        /// In which format.
        format: crate::export::Format,
        /// Where.
        path: PathBuf,
    },
}

/// What the event loop reports back once a change is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// A note was saved, as it now is.
    Saved(UserNote),
    /// A note was deleted.
    Deleted(UserNote),
    /// A deleted note is back.
    Restored(UserNote),
    /// A quote has a new speaker.
    Reassigned {
        /// The quote's content.
        content: Span,
        /// Who spoke it.
        speaker: String,
    },
    /// Text went to the clipboard.
    Copied(usize),
    /// An export was written.
    Exported(PathBuf),
}

/// What `h`, `a`, `t` act on: the current attribution, else the current sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The passage.
    pub span: Span,
    /// The attribution, when it is one.
    pub quote: Option<usize>,
}

/// The current attribution's content, else the current sentence.
#[must_use]
pub fn target(state: &State) -> Option<Target> {
    let doc = state.doc.as_ref()?;
    if let Some(q) = state.current.and_then(|q| doc.ann.quotes.get(q).map(|x| (q, x))) {
        return Some(Target { span: q.1.content, quote: Some(q.0) });
    }
    let s = doc.ann.sentences.get(state.sentence?)?;
    Some(Target { span: s.span, quote: None })
}

/// The note made on exactly this passage, if any.
#[must_use]
pub fn note_on(state: &State, span: Span) -> Option<&UserNote> {
    state.notes.iter().find(|n| n.span == Some(span))
}

/// Why notes cannot be kept now, if they cannot.
fn refuse(state: &mut State) -> bool {
    if let Some(why) = &state.store_error {
        state.message = Some(format!("notes are off: {why}"));
        return true;
    }
    false
}

/// Like [`refuse`], for a key that opens a dialog: a notice opens in its
/// place and takes the keys typed next, so words meant for the dialog
/// never run as reader commands.
fn refuse_dialog(state: &mut State) -> bool {
    let Some(why) = state.store_error.clone() else { return false };
    let text = format!(
        "Notes are off: {why}\n\nYou can read on; highlights, notes, tags and corrections \
         cannot be kept until the library can be written."
    );
    state.dialog = Some(Dialog::notice(" Notes are off ", text));
    true
}

/// The target, or a message saying how to get one.
fn need_target(state: &mut State) -> Option<Target> {
    let t = target(state);
    if t.is_none() {
        state.message = Some("nothing is current: J/K pick a sentence, n or ] a quote".to_owned());
    }
    t
}

fn new_note(state: &State, t: Target) -> UserNote {
    let quote = state.doc.as_ref().map(|d| t.span.slice(&d.text).to_owned()).unwrap_or_default();
    UserNote { id: None, span: Some(t.span), quote, highlight: false, body: String::new(), tags: Vec::new() }
}

/// h: highlight the target, or take its highlight off.
pub(super) fn toggle_highlight(state: &mut State) {
    if refuse(state) {
        return;
    }
    let Some(t) = need_target(state) else { return };
    let mut note = note_on(state, t.span).cloned().unwrap_or_else(|| new_note(state, t));
    note.highlight = !note.highlight;
    if note.is_empty() {
        if note.id.is_some() {
            state.effects.push(Effect::Delete(note));
        }
        return;
    }
    state.effects.push(Effect::Save(note));
}

/// a: open the note editor on the target.
pub(super) fn edit_note(state: &mut State) {
    if refuse_dialog(state) {
        return;
    }
    let Some(t) = need_target(state) else { return };
    let note = note_on(state, t.span).cloned().unwrap_or_else(|| new_note(state, t));
    state.dialog = Some(Dialog::note(note));
}

/// t: edit the target's tags.
pub(super) fn edit_tags(state: &mut State) {
    if refuse_dialog(state) {
        return;
    }
    let Some(t) = need_target(state) else { return };
    let note = note_on(state, t.span).cloned().unwrap_or_else(|| new_note(state, t));
    state.dialog = Some(Dialog::tags(note));
}

/// s: pick who really said the current quote.
pub(super) fn reassign(state: &mut State) {
    if refuse_dialog(state) {
        return;
    }
    let Some(q) = state.current else {
        state.message = Some("no current quote: n or ] jumps to one".to_owned());
        return;
    };
    let Some(doc) = &state.doc else { return };
    let names = doc.speakers.iter().map(|s| s.name.clone()).collect();
    let words = doc.ann.quotes.get(q).map(|x| x.content_words(&doc.text)).unwrap_or_default();
    let now =
        doc.quote_rank.get(q).copied().flatten().and_then(|r| doc.speakers.get(r)).map(|s| s.name.clone());
    state.dialog = Some(Dialog::speaker(q, words, now, names));
}

/// x: open the export dialog.
pub(super) fn export(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    state.dialog = Some(Dialog::export(&doc.title(), &state.config.export_folder()));
}

/// y: the current quote with who said it, or the current sentence, to the clipboard.
pub(super) fn copy(state: &mut State) {
    let Some(t) = need_target(state) else { return };
    let Some(doc) = &state.doc else { return };
    let words = crate::safe::line(t.span.slice(&doc.text));
    let words = crate::safe::in_quotes(&words);
    let speaker = t.quote.and_then(|q| doc.quote_rank[q]).and_then(|r| doc.speakers.get(r));
    let text = match speaker {
        Some(s) => format!("{words} — {}, in {}", s.name, doc.title()),
        None => format!("{words} — {}", doc.title()),
    };
    state.effects.push(Effect::Copy(text));
}

/// d: delete the selected note (Notes pane) or the one on the target.
pub(super) fn delete(state: &mut State) {
    if refuse(state) {
        return;
    }
    let note = if state.focus == Pane::Notes {
        state.notes.get(state.notes_view.selected).cloned()
    } else {
        target(state).and_then(|t| note_on(state, t.span).cloned())
    };
    match note {
        Some(n) => state.effects.push(Effect::Delete(n)),
        None => state.message = Some("no note here to delete".to_owned()),
    }
}

/// u: bring back the last deleted note.
pub(super) fn undo(state: &mut State) {
    if refuse(state) {
        return;
    }
    match state.deleted.pop() {
        Some(n) => state.effects.push(Effect::Restore(n)),
        None => state.message = Some("nothing to undo".to_owned()),
    }
}

/// m: show the Notes pane (focused), or hide it.
pub(super) fn toggle_pane(state: &mut State) {
    state.show_notes = !state.show_notes;
    if state.show_notes {
        state.show_entities = false;
        state.focus = Pane::Notes;
        if state.notes.is_empty() {
            state.message = Some("no highlights or notes yet: h highlights, a writes a note".to_owned());
        }
    } else if state.focus == Pane::Notes {
        state.focus = Pane::Article;
    }
}

/// Enter in the Notes pane: go to the selected note's passage.
pub(super) fn jump(state: &mut State) {
    let Some(note) = state.notes.get(state.notes_view.selected) else { return };
    let Some(span) = note.span else {
        state.message = Some("this note's passage is no longer in the text".to_owned());
        return;
    };
    let quote = state.doc.as_ref().and_then(|d| d.ann.quotes.iter().position(|q| q.content == span));
    match quote {
        Some(q) => super::navigate::jump_to(state, q),
        None => {
            state.current = None;
            state.sentence = sentence_at(state, span.start);
            state.mark = Some(span);
            state.reveal(span);
        }
    }
}

/// The sentence holding byte `at`.
#[must_use]
pub fn sentence_at(state: &State, at: usize) -> Option<usize> {
    let doc = state.doc.as_ref()?;
    let i = doc.ann.sentences.partition_point(|s| s.span.end <= at);
    (i < doc.ann.sentences.len()).then_some(i)
}

/// J / K: the next or previous sentence becomes current, with the first
/// attribution in it.
pub(super) fn step_sentence(state: &mut State, forward: bool) {
    let Some(doc) = &state.doc else { return };
    let n = doc.ann.sentences.len();
    if n == 0 {
        return;
    }
    let next = match state.sentence {
        None => sentence_at(state, state.top_offset()).unwrap_or(0),
        Some(i) if forward => (i + 1).min(n - 1),
        Some(i) => i.saturating_sub(1),
    };
    let Some(doc) = &state.doc else { return };
    let span = doc.ann.sentences[next].span;
    let mut quotes = (0..doc.ann.quotes.len())
        .filter(|&q| {
            let c = doc.ann.quotes[q].content;
            c.start < span.end && span.start < c.end
        })
        .collect::<Vec<_>>();
    quotes.sort_by_key(|&q| doc.ann.quotes[q].content.start);
    state.sentence = Some(next);
    state.mark = None;
    match quotes.first() {
        Some(&q) if state.current != Some(q) => {
            super::navigate::jump_to(state, q);
            state.sentence = Some(next);
        }
        Some(_) => {}
        None => state.current = None,
    }
    state.reveal(span);
}

/// Take in the result of a change the event loop carried out.
pub(super) fn stored(state: &mut State, result: Result<Stored, String>) {
    let stored = match result {
        Ok(s) => s,
        Err(why) => {
            // The dialog stays open with its text, so nothing typed is lost.
            if let Some(d) = &mut state.dialog {
                d.saving = false;
            }
            state.message = Some(format!("not saved: {why}"));
            return;
        }
    };
    match stored {
        Stored::Saved(note) => {
            let tags =
                state.dialog.as_ref().is_some_and(|d| matches!(d.kind, super::dialog::Kind::Tags { .. }));
            if state.dialog.as_ref().is_some_and(|d| d.saving) {
                state.dialog = None;
            }
            state.message = Some(
                if tags {
                    if note.tags.is_empty() { "tags removed" } else { "tags saved" }
                } else if !note.body.is_empty() {
                    "note saved"
                } else if note.highlight {
                    "highlighted"
                } else {
                    "saved"
                }
                .to_owned(),
            );
            upsert(state, note);
        }
        Stored::Deleted(note) => {
            state.notes.retain(|n| n.id != note.id);
            let what = if note.body.is_empty() { "highlight removed" } else { "note deleted" };
            state.message = Some(format!("{what} · u brings it back"));
            state.deleted.push(note);
        }
        Stored::Restored(note) => {
            state.message = Some("brought back".to_owned());
            upsert(state, note);
        }
        Stored::Reassigned { content, speaker } => {
            if state.dialog.as_ref().is_some_and(|d| d.saving) {
                state.dialog = None;
            }
            apply_speaker(state, content, &speaker);
            state.message = Some(format!("now attributed to {speaker}"));
        }
        Stored::Copied(chars) => {
            state.message = Some(format!("copied {chars} characters (if your terminal allows OSC 52)"));
        }
        Stored::Exported(path) => {
            let path = crate::safe::line(&path.to_string_lossy());
            // The whole path, wrapped in a box: the status line would cut it.
            if state.dialog.as_ref().is_some_and(|d| d.saving) {
                state.dialog = Some(Dialog::notice(" Exported ", format!("Written to\n{path}")));
            }
            state.message = Some(format!("exported to {path}"));
        }
    }
}

/// Insert or replace a note, keeping article order.
fn upsert(state: &mut State, note: UserNote) {
    state.notes.retain(|n| n.id != note.id || note.id.is_none());
    let key = |n: &UserNote| n.span.map_or(usize::MAX, |s| s.start);
    let at = state.notes.partition_point(|n| key(n) <= key(&note));
    state.notes.insert(at, note);
    state.notes_view.selected = at;
}

/// Give the quote with this content to `speaker`, and rebuild the lists.
pub fn apply_speaker(state: &mut State, content: Span, speaker: &str) {
    let Some(doc) = state.doc.take() else { return };
    let doc = doc.reassigned(&[(content, speaker.to_owned())]);
    let rank = state.current.and_then(|q| doc.quote_rank.get(q).copied().flatten());
    state.doc = Some(doc);
    if let Some(rank) = rank {
        state.speakers.selected = rank;
        state.quotes.selected =
            state.current.and_then(|c| state.speaker_quotes().iter().position(|&q| q == c)).unwrap_or(0);
    }
}
