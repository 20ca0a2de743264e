//! The library over two dozen articles: listing, full-text search, the
//! speaker index merging one person across articles, and corrections
//! carried into it.

use sayso::store::{Anchor, ArticleId, NewArticle, Store};
use sayso_nlp::{Annotation, EntityLabel, Quote, QuoteKind, Span, Speaker};

/// Who speaks in article `i`: the full name, the surname alone, or someone else.
fn speaker(i: usize) -> &'static str {
    ["Charles Kupchan", "Kupchan", "Ana Ruiz", "Ana Ruiz"][i % 4]
}

fn article(i: usize) -> String {
    let topic = if i.is_multiple_of(2) { "harbour" } else { "budget" };
    format!(
        "Story {i} on the {topic}\nThe {topic} vote was delayed on day {i}. \
         “We need another week,” said {}. Officials said the delay was routine.\n",
        speaker(i)
    )
}

fn span(text: &str, needle: &str) -> Span {
    let at = text.find(needle).expect("needle present");
    Span::new(at, at + needle.len())
}

/// The annotation the engine would give, made by hand so the test is exact.
fn annotation(text: &str, i: usize) -> Annotation {
    let named = Speaker {
        name: speaker(i).to_owned(),
        label: EntityLabel::Person,
        mentions: vec![span(text, speaker(i))],
    };
    let officials = Speaker {
        name: "Officials".to_owned(),
        label: EntityLabel::Misc,
        mentions: vec![span(text, "Officials")],
    };
    let quote = |content: &str, cue: Span, source: Span, who, kind| Quote {
        content: span(text, content),
        content_fragments: Vec::new(),
        cue: Some(cue),
        source: Some(source),
        speaker: Some(who),
        kind,
        act: sayso_nlp::Act::Said,
    };
    let said = text.find("” said").expect("cue") + "” ".len();
    Annotation {
        title: Some(Span::new(0, text.find('\n').expect("headline"))),
        speakers: vec![named, officials],
        quotes: vec![
            quote(
                "We need another week,",
                Span::new(said, said + 4),
                span(text, speaker(i)),
                0,
                QuoteKind::Direct,
            ),
            quote(
                "the delay was routine",
                span(text, "said the"),
                span(text, "Officials"),
                1,
                QuoteKind::Indirect,
            ),
        ],
        ..Annotation::default()
    }
}

fn library(n: usize) -> (Store, Vec<(ArticleId, String)>) {
    let store = Store::in_memory().expect("store");
    let mut ids = Vec::new();
    for i in 0..n {
        let text = article(i);
        let source = format!("/news/{i}.txt");
        let title = text.lines().next();
        let id = store
            .save_article(&NewArticle { source: Some(&source), title, text: &text, ..NewArticle::default() })
            .expect("saved");
        store.save_annotation(&id, &annotation(&text, i), &text).expect("annotation saved");
        ids.push((id, text));
    }
    (store, ids)
}

#[test]
fn the_library_lists_and_searches_its_articles() {
    let (store, ids) = library(24);
    let all = store.library(None).expect("list");
    assert_eq!(all.len(), 24);
    assert!(all.iter().all(|a| a.speakers == 2 && a.attributions == 2 && a.notes == 0));
    let harbour = store.library(Some("harbour")).expect("search");
    assert_eq!(harbour.len(), 12);
    assert!(harbour.iter().all(|a| a.title.as_deref().is_some_and(|t| t.contains("harbour"))));
    assert_eq!(store.library(Some("harbour day 7")).expect("search").len(), 0, "every word must match");
    assert_eq!(store.library(Some("harb*")).expect("prefix search").len(), 12);
    // FTS syntax in the words is taken literally, never an error.
    assert!(store.library(Some("\"NEAR( OR -budget *")).expect("hostile search").is_empty());
    // Saving again replaces the attributions, and a changed text is searchable.
    let (id, text) = &ids[1];
    store.save_annotation(id, &annotation(text, 1), text).expect("saved again");
    let changed = text.replace("budget vote", "budget ballot");
    store
        .save_article(&NewArticle { source: Some("/news/1.txt"), text: &changed, ..NewArticle::default() })
        .expect("re-saved");
    let ballot = store.library(Some("ballot")).expect("search");
    assert_eq!(ballot.iter().map(|a| &a.id).collect::<Vec<_>>(), [id]);
    assert_eq!(ballot[0].attributions, 2);
}

#[test]
fn one_person_is_merged_across_articles() {
    let (store, _) = library(24);
    let named = store.speakers(false).expect("speakers");
    let names: Vec<&str> = named.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ana Ruiz", "Charles Kupchan"], "unnamed sources only with --all");
    let kupchan = &named[1];
    assert_eq!((kupchan.articles, kupchan.attributions), (12, 12));
    assert_eq!(kupchan.aliases, ["Kupchan"]);
    assert_eq!(store.speakers(true).expect("all").len(), 3);

    let said = store.speaker_attributions("kupchan").expect("by alias");
    assert_eq!(said.len(), 12);
    let articles: std::collections::BTreeSet<&ArticleId> = said.iter().map(|a| &a.article).collect();
    assert_eq!(articles.len(), 12, "one list across many articles");
    assert!(said.iter().all(|a| a.content == "We need another week," && a.kind == "direct"));
    assert!(
        said.iter().any(|a| a.speaker == "Kupchan") && said.iter().any(|a| a.speaker == "Charles Kupchan")
    );
    assert!(store.speaker_attributions("Nobody Here").expect("none").is_empty());
}

#[test]
fn corrections_reach_the_speaker_index() {
    let (store, ids) = library(20);
    let (id, text) = &ids[2];
    let content = Anchor::new(text, span(text, "the delay was routine"));
    store.set_correction(id, &content, "Ana Ruiz").expect("corrected");
    let ruiz = store.speaker_attributions("Ana Ruiz").expect("list");
    assert_eq!(ruiz.iter().filter(|a| a.content == "the delay was routine").count(), 1);
    // Re-saving the engine's annotation keeps the reader's word.
    store.save_annotation(id, &annotation(text, 2), text).expect("saved again");
    assert_eq!(store.speaker_attributions("Ana Ruiz").expect("list").len(), ruiz.len());
    store.clear_correction(id, &content).expect("cleared");
    assert_eq!(store.speaker_attributions("Ana Ruiz").expect("list").len(), ruiz.len() - 1);
    let officials = store.speakers(true).expect("all");
    assert!(
        officials
            .iter()
            .any(|s| s.name == "Officials" && s.attributions == 20 && s.label.as_deref() == Some("MISC"))
    );
}

#[test]
fn a_first_version_database_is_migrated_with_its_articles_searchable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    let text = article(3);
    {
        let store = Store::open(&path).expect("created");
        store
            .save_article(&NewArticle { source: Some("/news/3.txt"), text: &text, ..NewArticle::default() })
            .expect("saved");
    }
    {
        // Take the file back to schema 1: articles and notes, no library tables.
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.execute_batch(
            "DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; DROP TRIGGER articles_fts_update;
             DROP TABLE articles_fts; DROP TABLE attributions; PRAGMA user_version = 1;",
        )
        .expect("downgrade");
    }
    let store = Store::open(&path).expect("migrated");
    let found = store.library(Some("budget")).expect("search");
    assert_eq!(found.len(), 1, "articles saved before the upgrade are indexed");
    assert_eq!(found[0].attributions, 0);
}

#[test]
fn a_second_version_database_keeps_its_attributions_and_learns_their_acts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("library.db");
    let text = article(2);
    let id = {
        let store = Store::open(&path).expect("created");
        let id = store
            .save_article(&NewArticle { source: Some("/news/2.txt"), text: &text, ..NewArticle::default() })
            .expect("saved");
        store.save_annotation(&id, &annotation(&text, 2), &text).expect("annotation saved");
        store
            .set_correction(&id, &Anchor::new(&text, span(&text, "the delay was routine")), "Ana Ruiz")
            .expect("corrected");
        id
    };
    {
        // Take the file back to schema 2: attributions without their act.
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.execute_batch("ALTER TABLE attributions DROP COLUMN act; PRAGMA user_version = 2;")
            .expect("downgrade");
    }
    let store = Store::open(&path).expect("migrated");
    let before = store.speaker_attributions("Ana Ruiz").expect("list");
    assert_eq!(before.len(), 2, "attributions kept before the upgrade are all there");
    assert!(before.iter().all(|a| a.act.is_none()), "an act nobody recorded is not made up");
    // Saved again, each attribution carries its act; the correction still holds.
    let mut ann = annotation(&text, 2);
    ann.quotes[1].act = sayso_nlp::Act::Thought;
    store.save_annotation(&id, &ann, &text).expect("saved again");
    let after = store.speaker_attributions("Ana Ruiz").expect("list");
    let acts: Vec<(&str, Option<&str>)> =
        after.iter().map(|a| (a.content.as_str(), a.act.as_deref())).collect();
    assert_eq!(acts, [("We need another week,", Some("said")), ("the delay was routine", Some("thought"))]);
}
