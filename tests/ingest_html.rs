//! Web pages on disk: extraction, metadata, charsets, fallbacks, and pages
//! built to hurt (5 MB, 20,000 nested elements, hostile characters).

use std::path::PathBuf;

use sayso::ingest::{Kind, from_bytes, html};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_noisy_page_gives_its_article_and_metadata() {
    let article =
        from_bytes("harbour-council.html", None, &fixture("harbour-council.html"), None).expect("page");
    assert_eq!(article.title.as_deref(), Some("Council delays harbour vote after residents protest"));
    assert_eq!(article.byline.as_deref(), Some("Maria Lindqvist"));
    assert_eq!(article.published.as_deref(), Some("2026-03-14T09:30:00+01:00"));
    assert_eq!(article.site.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(article.note, None);
    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    assert_eq!(paragraphs[0], "Council delays harbour vote after residents protest");
    assert_eq!(paragraphs.len(), 9, "{paragraphs:#?}");
    assert!(paragraphs[2].starts_with("“We are not going to rush a decision"));
    assert!(paragraphs.iter().skip(1).all(|p| !p.contains('\n') || p.ends_with('\n')));
    for boilerplate in [
        "cookie",
        "Subscribe",
        "Share",
        "Related",
        "Comments",
        "harbourfan77",
        "rights reserved",
        "dataLayer",
        "briefing in your inbox",
    ] {
        assert!(!article.text.contains(boilerplate), "{boilerplate} in {}", article.text);
    }
    // `&amp;amp;` in the source is `&amp;` in the text: decoded once.
    assert!(article.text.contains("Nord &amp; Co"));
}

#[test]
fn a_thin_page_falls_back_to_plain_text_and_says_so() {
    let article = from_bytes("thin.html", None, &fixture("thin.html"), None).expect("page");
    assert_eq!(article.note.as_deref(), Some("no article found: read as plain text"));
    assert_eq!(
        article.text,
        "Opening hours\n\nThe town library is closed on Monday for stocktaking.\n\nOpen again on Tuesday from 9.00.\n"
    );
    assert!(article.label().ends_with("read as plain text"));
}

#[test]
fn windows_1252_declared_in_meta_is_decoded() {
    let bytes = fixture("cp1252.html");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture must not be UTF-8");
    for header in [None, Some("utf-8"), Some("iso-8859-1")] {
        let article = from_bytes("cp1252.html", Some(Kind::Html), &bytes, header).expect("page");
        assert_eq!(article.title.as_deref(), Some("Café owners fight rent rise"), "{header:?}");
        assert_eq!(article.site.as_deref(), Some("Old Town News"));
        assert!(
            article.text.contains("said José Ibáñez, who runs the Café Soleil. “Now they want us gone.”"),
            "{}",
            article.text
        );
    }
}

#[test]
fn a_five_megabyte_page_is_read() {
    let mut page =
        String::from("<!doctype html><html><head><title>Long read - Big Site</title></head><body><article>");
    let mut n = 0;
    while page.len() < 5_000_000 {
        n += 1;
        page.push_str(&format!("<p>Paragraph {n} of the long read, in which the council said that the harbour plan would be debated again in May, after the residents had spoken.</p>\n"));
    }
    page.push_str("</article><footer>Big Site</footer></body></html>");
    let article = from_bytes("big.html", None, page.as_bytes(), None).expect("page");
    assert_eq!(article.title.as_deref(), Some("Long read"));
    assert!(article.text.contains(&format!("Paragraph {n} of the long read")));
    assert_eq!(article.text.matches("\n\n").count(), n);
}

#[test]
fn twenty_thousand_nested_divs_do_not_overflow_the_stack() {
    let page = format!(
        "<html><head><title>Nested</title></head><body>{}<p>Deep down, the mayor said &ldquo;hello&rdquo;.</p>{}</body></html>",
        "<div class=\"wrap\">".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let article = from_bytes("deep.html", None, page.as_bytes(), None).expect("page");
    assert_eq!(article.text, "Nested\n\nDeep down, the mayor said “hello”.\n");
    assert_eq!(article.note.as_deref(), Some("deeply nested page: read as plain text"));
    // Inline elements nest just as deep.
    let spans = format!("<body>{}text{}</body>", "<span><b>".repeat(10_000), "</b></span>".repeat(10_000));
    let article = from_bytes("spans.html", None, spans.as_bytes(), None).expect("page");
    assert_eq!(article.text, "text\n");
}

#[test]
fn hostile_characters_are_removed() {
    let page = "<html><head><title>Vote\u{202e}delayed\u{200b}</title></head><body><article>\
        <p>The mayor\u{85} said\u{1b}[31m the vote \u{2066}will\u{2069} wait, and the council agreed with her after a long debate about the future of the harbour and its fish market.</p>\
        <p>Residents said they would come back in May with more questions about the plan and about who would pay for the new quay.</p></article></body></html>";
    let article = from_bytes("hostile.html", None, page.as_bytes(), None).expect("page");
    assert!(
        article.text.starts_with("Votedelayed\n\nThe mayor said[31m the vote will wait"),
        "{}",
        article.text
    );
    assert!(!article.text.chars().any(|c| sayso_nlp::text::is_unsafe_char(c) && c != '\n'));
}

#[test]
fn html_is_sniffed_and_text_is_left_alone() {
    assert!(html::sniff(b"\n  <!DOCTYPE html><html>"));
    assert!(html::sniff(b"<html lang=en><p>x"));
    assert!(!html::sniff(b"Vote delayed\n\nThe <b> tag is not HTML here."));
    let text = "Vote delayed\n\nThe mayor said the vote will wait.\n";
    let article = from_bytes("stdin", None, text.as_bytes(), None).expect("text");
    assert_eq!(article.text, text);
    assert_eq!(article.title, None);
    let article = from_bytes("stdin", None, &fixture("harbour-council.html"), None).expect("html on stdin");
    assert!(article.text.starts_with("Council delays harbour vote"));
}

#[test]
fn furniture_inside_the_article_is_left_out_and_site_names_come_from_titles() {
    let article = from_bytes("river.html", None, &fixture("river-pollution.html"), None).expect("page");
    assert_eq!(article.title.as_deref(), Some("Chemical plant blamed for river pollution"));
    assert_eq!(article.site.as_deref(), Some("Midland Post"));
    assert_eq!(article.byline.as_deref(), Some("Daniel Okafor"));
    assert_eq!(article.text.split("\n\n").count(), 8, "{}", article.text);
    for furniture in [
        "Advertisement",
        "Read more",
        "Never miss a story",
        "Sign up",
        "Most read",
        "Tags:",
        "Follow us",
        "Comments are closed",
        "Copyright",
    ] {
        assert!(!article.text.contains(furniture), "{furniture} in {}", article.text);
    }
    // An old table layout in Latin-1 with the site before the headline.
    let article = from_bytes("fjordby.html", None, &fixture("fjordby-latin1.html"), None).expect("page");
    assert_eq!(article.title.as_deref(), Some("Mayor resigns over expenses row"));
    assert_eq!(article.site.as_deref(), Some("Fjordby News"));
    assert!(
        article.text.contains("«I have made mistakes, and I take full responsibility for them,» Åsheim told")
    );
    assert!(!article.text.contains("Also in the news"), "{}", article.text);
}

#[test]
fn page_furniture_inside_the_article_is_dropped() {
    let article = from_bytes("junk-kinds.html", None, &fixture("junk-kinds.html"), None).expect("page");
    let paragraphs: Vec<&str> = article.text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(paragraphs[0], "Toll bridge to close for a year of repairs");
    assert_eq!(paragraphs.len(), 6, "{paragraphs:#?}");
    for kept in [
        "The old toll bridge",
        "The closure will add",
        "“We looked at every",
        "Local businesses",
        "The council said a temporary",
    ] {
        assert!(paragraphs.iter().any(|p| p.starts_with(kept)), "{kept} lost: {paragraphs:#?}");
    }
    for junk in [
        "NEWSLETTER",
        "Getty",
        "Facebook",
        "Instagram",
        "1 / 5",
        "Tor Lunde",
        "Read more",
        "Ferry company adds",
        "cable rust",
        "is a reporter",
    ] {
        assert!(!article.text.contains(junk), "{junk} in {paragraphs:#?}");
    }
}

#[test]
fn titles_are_chosen_by_agreement() {
    let title = |file: &str| from_bytes(file, None, &fixture(file), None).expect(file).title;
    assert_eq!(title("title-wiki.html").as_deref(), Some("Estuary toll bridge"));
    assert_eq!(title("title-generic-og.html").as_deref(), Some("Harbour strike ends after pay deal"));
    assert_eq!(
        title("title-archive.html").as_deref(),
        Some("The Long Winter - Chapter 3 - kestrel - Original Work")
    );
    assert_eq!(title("title-dash.html").as_deref(), Some("Ceasefire holds in the valley - for now"));
}
