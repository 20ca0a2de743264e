//! The reader's link to the library database: the article's record, its
//! notes and corrections, and carrying out the changes the reader asks for.
//! Each change is committed before its result goes back to the screen.

use std::collections::HashMap;

use sayso_nlp::{Annotation, Span};

use crate::app::notes::{Effect, Stored, UserNote};
use crate::export;
use crate::store::{Anchor, ArticleId, NewArticle, NewNote, Note, NoteId, Store};

/// What the library holds for an article as it opens.
#[derive(Debug, Default)]
pub struct Kept {
    /// Highlights and notes, in text order.
    pub notes: Vec<UserNote>,
    /// Corrections of who said what: (content, speaker).
    pub corrections: Vec<(Span, String)>,
    /// Where the reader left off (a byte offset).
    pub position: Option<usize>,
}

/// An open library with one article in it.
pub struct Keeper {
    store: Store,
    article: ArticleId,
    text: String,
    /// The stored form of each note, by id (kept after a delete, for undo).
    stored: HashMap<i64, Note>,
}

fn user_note(n: &Note) -> UserNote {
    UserNote {
        id: Some(n.id.0),
        span: n.span,
        quote: n.anchor.exact.clone(),
        highlight: n.highlight,
        body: n.body.clone(),
        tags: n.tags.clone(),
    }
}

impl Keeper {
    /// Save the article in the library and read back what is kept for it.
    ///
    /// # Errors
    /// When the database cannot be opened or written; the reader then works
    /// without notes and says why.
    pub fn open(store: Store, article: &NewArticle<'_>) -> Result<(Self, Kept), String> {
        let id = store.save_article(article).map_err(|e| e.to_string())?;
        let text = article.text.to_owned();
        let notes = store.notes(&id, &text).map_err(|e| e.to_string())?;
        let corrections = store.corrections(&id, &text).map_err(|e| e.to_string())?;
        let position = store.position(&id).map_err(|e| e.to_string())?;
        let kept = Kept {
            notes: notes.iter().map(user_note).collect(),
            corrections: corrections.iter().filter_map(|c| c.span.map(|s| (s, c.speaker.clone()))).collect(),
            position,
        };
        let stored = notes.into_iter().map(|n| (n.id.0, n)).collect();
        Ok((Self { store, article: id, text, stored }, kept))
    }

    /// Carry out one change; the result is what the screen may now show.
    pub fn carry_out(&mut self, effect: Effect, ann: Option<&Annotation>) -> Result<Stored, String> {
        self.apply(effect, ann).map_err(|e| e.to_string())
    }

    fn apply(&mut self, effect: Effect, ann: Option<&Annotation>) -> anyhow::Result<Stored> {
        Ok(match effect {
            Effect::Save(note) => {
                let saved = match note.id.and_then(|id| self.stored.get(&id).cloned()) {
                    Some(mut old) => {
                        old.highlight = note.highlight;
                        old.body.clone_from(&note.body);
                        old.tags.clone_from(&note.tags);
                        self.store.update_note(&old)?
                    }
                    None => {
                        let span =
                            note.span.ok_or_else(|| anyhow::anyhow!("the passage is not in the text"))?;
                        let anchor = Anchor::new(&self.text, span);
                        let new =
                            NewNote { anchor, highlight: note.highlight, body: note.body, tags: note.tags };
                        self.store.add_note(&self.article, &new)?
                    }
                };
                let out = user_note(&saved);
                self.stored.insert(saved.id.0, saved);
                Stored::Saved(out)
            }
            Effect::Delete(note) => {
                let id = note.id.ok_or_else(|| anyhow::anyhow!("this note was never saved"))?;
                let gone = self.store.delete_note(NoteId(id))?;
                let out = UserNote { span: note.span, ..user_note(&gone) };
                self.stored.insert(id, gone);
                Stored::Deleted(out)
            }
            Effect::Restore(note) => {
                let id = note.id.ok_or_else(|| anyhow::anyhow!("this note was never saved"))?;
                let old = self.stored.get(&id).ok_or_else(|| anyhow::anyhow!("nothing to bring back"))?;
                self.store.restore_note(old)?;
                Stored::Restored(note)
            }
            Effect::Reassign { content, speaker } => {
                self.store.set_correction(&self.article, &Anchor::new(&self.text, content), &speaker)?;
                Stored::Reassigned { content, speaker }
            }
            // The terminal is the screen's to write to: the loop copies.
            Effect::Copy(_) => anyhow::bail!("the clipboard is written by the screen"),
            Effect::Export { format, path } => {
                // The message names the file in full, so it can be found.
                let path = if path.is_relative() { std::env::current_dir()?.join(path) } else { path };
                let ann = ann.ok_or_else(|| anyhow::anyhow!("the article is still loading"))?;
                let record = self.store.article(&self.article)?;
                let meta = record.as_ref().map(export::Meta::from_record).unwrap_or_default();
                let notes = self.store.notes(&self.article, &self.text)?;
                let corrections = self.store.corrections(&self.article, &self.text)?;
                let digest = export::digest(&meta, &self.text, ann, &notes, &corrections);
                let out = export::article(format, &digest, crate::store::time::now())?;
                export::write_atomic(&path, out.as_bytes())
                    .map_err(|e| anyhow::anyhow!("could not write {}: {e}", path.display()))?;
                Stored::Exported(path)
            }
        })
    }

    /// Keep the article's attributions for the library's speaker index.
    pub fn save_annotation(&self, ann: &sayso_nlp::Annotation) -> Result<(), String> {
        self.store.save_annotation(&self.article, ann, &self.text).map_err(|e| e.to_string())
    }

    /// Remember where the reader is.
    pub fn save_position(&self, offset: usize) {
        // Losing the place is not worth an error on the way out.
        let _ = self.store.set_position(&self.article, offset);
    }
}
