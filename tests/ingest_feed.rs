//! Feeds of every format, malformed feeds, and stories opened from them.

use std::path::PathBuf;

use sayso::ingest::feed::{self, Feed};
use sayso::ingest::{Error, Fetcher, Source};

fn load(name: &str) -> Result<Feed, Error> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name);
    feed::load(&Source::File(path), &Fetcher::default())
}

#[test]
fn every_format_lists_its_stories() {
    let cases = [
        ("rss091.xml", "Valley Courier", "Bridge reopens after flood repairs", None),
        ("rss10.rdf", "The Coastal Ledger", "Shipyard wins two ferry orders", Some("2026-03-12 07:15")),
        (
            "rss20.xml",
            "The Harbour Gazette",
            "Council delays harbour vote after residents protest",
            Some("2026-03-14 08:30"),
        ),
        ("atom.xml", "Northern Wire", "Minister rejects fishing quota cut", Some("2026-03-14 11:20")),
        ("feed.json", "Metro Daily", "Tram line extension approved", Some("2026-03-13 14:00")),
    ];
    for (file, title, first, date) in cases {
        let feed = load(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(feed.title, title, "{file}");
        assert!(feed.items.len() >= 2, "{file}");
        assert_eq!(feed.items[0].title, first, "{file}");
        assert_eq!(feed.items[0].date.as_deref(), date, "{file}");
        assert!(feed.items.iter().all(|s| s.feed == title));
        assert!(feed.items[0].link.as_deref().is_some_and(|l| l.starts_with("https://")), "{file}");
    }
    let rdf = load("rss10.rdf").expect("rdf");
    assert_eq!(rdf.items[0].byline.as_deref(), Some("Tomas Reed"));
}

#[test]
fn full_content_is_read_from_the_feed_without_fetching() {
    let feed = load("rss20.xml").expect("rss");
    let story = &feed.items[0];
    assert!(story.content_included);
    // A fetcher that could not reach anything: the feed's content is used.
    let article = story.article(&Fetcher::default()).expect("content");
    assert_eq!(
        article.text,
        "Council delays harbour vote after residents protest\n\n\
         The city council on Thursday postponed a vote on the redevelopment of the old harbour after more than three hundred residents crowded into City Hall.\n\n\
         “We are not going to rush a decision that changes the waterfront for the next fifty years,” said Mayor Annika Berg.\n\n\
         The developer, Nordhavn Properties, said it remained committed to the project.\n"
    );
    assert_eq!(article.site.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(article.byline.as_deref(), Some("Maria Lindqvist"));
    assert_eq!(article.source.as_deref(), Some("https://gazette.example/news/harbour-vote"));
    let atom = load("atom.xml").expect("atom");
    let article = atom.items[0].article(&Fetcher::default()).expect("atom content");
    assert!(
        article.text.contains("“This cut would empty our harbours,” Minister Per Aalto told reporters"),
        "{}",
        article.text
    );
}

#[test]
fn only_http_links_are_offered_and_summaries_need_no_link() {
    let feed = load("rss20.xml").expect("rss");
    let unsafe_story = &feed.items[2];
    assert_eq!(unsafe_story.link, None);
    assert!(!unsafe_story.content_included);
    // No link to follow: the summary is shown, and the note says so.
    let article = unsafe_story.article(&Fetcher::default()).expect("summary");
    assert_eq!(article.text, "Unsafe link is not followed\n\nA story whose link is not http.\n");
    assert_eq!(article.note.as_deref(), Some("the feed's summary only"));
}

#[test]
fn malformed_feeds_are_clear_errors() {
    for file in ["malformed.xml", "malformed.json", "thin.html"] {
        let err = load(file).expect_err(file);
        assert!(matches!(err, Error::Feed { .. }), "{file}: {err:?}");
        assert!(err.to_string().contains("is not a feed sayso can read"), "{err}");
    }
    assert!(matches!(feed::parse(b"", "empty", None), Err(Error::Feed { .. })));
    assert!(matches!(feed::parse(b"\xff\xfe\x00<", "junk", None), Err(Error::Feed { .. })));
}

#[test]
fn feeds_in_utf16_and_utf32_are_read_with_or_without_a_byte_order_mark() {
    for file in ["utf16be-bom.xml", "utf16be-nobom.xml", "utf16le-bom.xml", "utf32.xml", "utf32le-nobom.xml"]
    {
        let feed = load(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(feed.title, "Fjordby Tidende", "{file}");
        assert_eq!(feed.items.len(), 2, "{file}");
        assert!(feed.items[0].title.starts_with("Ferry strike ends after"), "{file}");
        assert_eq!(
            feed.items[0].link.as_deref(),
            Some("https://tidende.example/news/ferry-strike"),
            "{file}"
        );
        let body = feed.items[0].body.as_deref().unwrap_or_default();
        assert!(
            body.contains("“We have an agreement,” said the union’s leader, Åse Brekke."),
            "{file}: {body}"
        );
    }
}

#[test]
fn an_undeclared_legacy_charset_is_guessed() {
    let feed = load("koi8r-undeclared.xml").expect("KOI8-R");
    assert_eq!(feed.title, "Северный вестник");
    assert_eq!(feed.items[0].title, "Паромная забастовка закончилась после трёх дней переговоров");
    assert_eq!(feed.items[1].link.as_deref(), Some("https://vestnik.example/news/most"));
}

#[test]
fn rss_without_a_version_or_a_channel_is_read() {
    let feed = load("rss-noversion.xml").expect("no version");
    assert_eq!(feed.title, "Lakeside Post");
    assert_eq!(feed.items[0].title, "Library opens on Sundays from May");
    assert_eq!(feed.items[0].date.as_deref(), Some("2026-03-12 10:00"));
    let feed = load("rss-nochannel.xml").expect("no channel");
    assert_eq!(feed.title, "Hill Country Bulletin");
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.items[1].link.as_deref(), Some("https://bulletin.example/road"));
    let bare = b"<rss version=\"0.94\"><item><title>Odd version</title><link>https://x.example/a</link></item></rss>";
    let feed = feed::parse(bare, "bare", None).expect("unknown version read as 2.0");
    assert_eq!(feed.items[0].title, "Odd version");
}

#[test]
fn a_permalink_guid_is_the_link() {
    let feed = load("rss-guid-only.xml").expect("guids");
    let links: Vec<Option<&str>> = feed.items.iter().map(|s| s.link.as_deref()).collect();
    assert_eq!(
        links,
        vec![
            Some("https://radio.example/news/harbour-master"),
            Some("https://radio.example/news/summer-timetable"),
            // isPermaLink="false": an identifier, not an address.
            None,
            // A relative link with no feed address to resolve it against.
            None,
        ]
    );
    let bytes = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/rss-guid-only.xml"),
    )
    .expect("fixture");
    let feed = feed::parse(&bytes, "radio", Some("https://radio.example/feed.xml")).expect("with base");
    assert_eq!(feed.items[3].link.as_deref(), Some("https://radio.example/news/relative"));
}

#[test]
fn atom_links_resolve_against_xml_base() {
    let feed = load("atom-xmlbase.xml").expect("xml:base");
    assert_eq!(feed.items[0].link.as_deref(), Some("https://coast.example/news/2026/03/lighthouse"));
    assert_eq!(feed.items[1].link.as_deref(), Some("https://coast.example/sport/regatta"));
}
