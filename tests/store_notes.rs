//! The notes store: notes survive restarts, follow edited articles, and two
//! readers share one database.

use sayso::store::{Anchor, ArticleId, NewArticle, NewNote, Store, StoreError};
use sayso_nlp::Span;

const TEXT: &str = "Harbour dredging approved\n\
    The port authority voted on Monday to dredge the eastern channel. \
    “Ships are getting bigger and we cannot wait,” said harbour master Ines Varga. \
    Fishermen said the work would scare away the cod for a season.\n";

fn span(text: &str, needle: &str) -> Span {
    let at = text.find(needle).expect("needle present");
    Span::new(at, at + needle.len())
}

fn note(text: &str, needle: &str, body: &str, tags: &[&str]) -> NewNote {
    NewNote {
        anchor: Anchor::new(text, span(text, needle)),
        highlight: true,
        body: body.to_owned(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    }
}

fn article(source: &str) -> NewArticle<'_> {
    NewArticle {
        source: Some(source),
        title: Some("Harbour dredging approved"),
        text: TEXT,
        ..NewArticle::default()
    }
}

#[test]
fn a_note_survives_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deep/er/library.db");
    let (id, written) = {
        let store = Store::open(&path).expect("created with its folders");
        let id = store.save_article(&article("/news/harbour.txt")).expect("saved");
        let written = store
            .add_note(
                &id,
                &note(
                    TEXT,
                    "we cannot wait",
                    "Bigger ships: check tonnage.",
                    &["#port", "port", " shipping "],
                ),
            )
            .expect("added");
        (id, written)
    };
    let store = Store::open(&path).expect("reopened");
    let notes = store.notes(&id, TEXT).expect("read");
    assert_eq!(notes, vec![written.clone()]);
    assert_eq!(notes[0].tags, ["port", "shipping"], "tags are trimmed, #-less and unique");
    assert_eq!(notes[0].span.map(|s| s.slice(TEXT)), Some("we cannot wait"));
    let record = store.article(&id).expect("read").expect("stored");
    assert_eq!(record.text, TEXT);
    assert_eq!(record.title.as_deref(), Some("Harbour dredging approved"));
    assert_eq!(store.articles().expect("list").len(), 1);
}

#[test]
fn ids_are_stable_by_source_then_content() {
    let store = Store::in_memory().expect("memory");
    let id = store.save_article(&article("/news/harbour.txt")).expect("saved");
    assert_eq!(id.0.len(), 16);
    // Same source, re-extracted text: same article, text replaced.
    let edited = TEXT.replace("on Monday", "late on Monday");
    let again =
        store.save_article(&NewArticle { text: &edited, ..article("/news/harbour.txt") }).expect("saved");
    assert_eq!(again, id);
    assert_eq!(store.article(&id).expect("read").expect("stored").text, edited);
    // Same text from elsewhere (or stdin): found by content.
    let piped = store.save_article(&NewArticle { text: &edited, ..NewArticle::default() }).expect("saved");
    assert_eq!(piped, id);
    assert_eq!(store.find_article(Some("/news/harbour.txt"), "anything").expect("find"), Some(id.clone()));
    assert_eq!(store.find_article(None, &edited).expect("find"), Some(id));
    assert_eq!(store.find_article(Some("/other.txt"), "other text").expect("find"), None);
    let other =
        store.save_article(&NewArticle { text: "Another story.", ..NewArticle::default() }).expect("saved");
    assert_ne!(other, again);
}

#[test]
fn notes_reanchor_when_the_article_changes_by_a_few_words() {
    let store = Store::in_memory().expect("memory");
    let id = store.save_article(&article("/news/harbour.txt")).expect("saved");
    store
        .add_note(&id, &note(TEXT, "Ships are getting bigger and we cannot wait,", "quote", &[]))
        .expect("added");
    store.add_note(&id, &note(TEXT, "would scare away the cod", "fish", &[])).expect("added");
    store.add_note(&id, &note(TEXT, "voted on Monday", "gone soon", &[])).expect("added");
    let edited = TEXT
        .replace("The port authority voted on Monday", "After a long debate the port board agreed") // before, and a passage gone
        .replace("bigger and we", "much bigger and we") // inside
        .replace("for a season.", "for at least a season, perhaps two."); // after
    let notes = store.notes(&id, &edited).expect("read");
    let found: Vec<Option<&str>> = notes.iter().map(|n| n.span.map(|s| s.slice(&edited))).collect();
    assert_eq!(
        found,
        [Some("Ships are getting much bigger and we cannot wait,"), Some("would scare away the cod"), None]
    );
    assert_eq!(notes[2].body, "gone soon", "an unanchorable note is kept, last");
}

#[test]
fn update_delete_and_undo_keep_the_id() {
    let store = Store::in_memory().expect("memory");
    let id = store.save_article(&article("/news/harbour.txt")).expect("saved");
    let first = store.add_note(&id, &note(TEXT, "Fishermen said", "", &[])).expect("added");
    let mut changed = first.clone();
    changed.body = "Ask the co-op.".to_owned();
    changed.tags = vec!["fishing".to_owned()];
    changed.highlight = false;
    let saved = store.update_note(&changed).expect("updated");
    assert!(saved.updated >= first.updated);
    assert_eq!(store.notes(&id, TEXT).expect("read")[0].body, "Ask the co-op.");

    let deleted = store.delete_note(first.id).expect("deleted");
    assert_eq!(deleted.body, "Ask the co-op.");
    assert_eq!(deleted.tags, ["fishing"]);
    assert!(store.notes(&id, TEXT).expect("read").is_empty());
    assert!(matches!(store.delete_note(first.id), Err(StoreError::NotFound(_))));
    assert!(matches!(store.update_note(&saved), Err(StoreError::NotFound(_))));
    store.restore_note(&deleted).expect("undone");
    let back = store.notes(&id, TEXT).expect("read");
    assert_eq!(back.len(), 1);
    assert_eq!((back[0].id, &back[0].body, &back[0].tags), (first.id, &deleted.body, &deleted.tags));
}

#[test]
fn corrections_and_positions_are_kept() {
    let store = Store::in_memory().expect("memory");
    let id = store.save_article(&article("/news/harbour.txt")).expect("saved");
    let content = Anchor::new(TEXT, span(TEXT, "the work would scare away the cod for a season"));
    store.set_correction(&id, &content, "Ole Berg").expect("set");
    store.set_correction(&id, &content, " Ole Bergmann ").expect("replaced");
    let found = store.corrections(&id, TEXT).expect("read");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker, "Ole Bergmann");
    assert_eq!(found[0].span, Some(span(TEXT, "the work would scare away the cod for a season")));
    store.clear_correction(&id, &content).expect("cleared");
    assert!(store.corrections(&id, TEXT).expect("read").is_empty());

    assert_eq!(store.position(&id).expect("read"), None);
    store.set_position(&id, 120).expect("set");
    assert_eq!(store.position(&id).expect("read"), Some(120));
    let nowhere = ArticleId("0000000000000000".to_owned());
    assert!(matches!(store.set_position(&nowhere, 1), Err(StoreError::NotFound(_))));
    assert!(matches!(store.add_note(&nowhere, &note(TEXT, "cod", "", &[])), Err(StoreError::NotFound(_))));
}

#[test]
fn two_readers_share_one_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    let a = Store::open(&path).expect("first");
    let b = Store::open(&path).expect("second");
    let id = a.save_article(&article("/news/harbour.txt")).expect("saved by a");
    assert_eq!(b.find_article(Some("/news/harbour.txt"), "").expect("seen by b"), Some(id.clone()));
    b.add_note(&id, &note(TEXT, "cod", "from b", &[])).expect("b writes");
    a.add_note(&id, &note(TEXT, "port authority", "from a", &[])).expect("a writes");
    assert_eq!(a.notes(&id, TEXT).expect("a reads").len(), 2);
    // Both write at once from threads; the busy timeout serialises them.
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (path, id) = (path.clone(), id.clone());
            std::thread::spawn(move || {
                let store = Store::open(&path).expect("open");
                for i in 0..25 {
                    store
                        .add_note(&id, &note(TEXT, "harbour master", &format!("{w}-{i}"), &[]))
                        .expect("concurrent write");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer finished");
    }
    assert_eq!(b.notes(&id, TEXT).expect("b reads").len(), 52);
}
