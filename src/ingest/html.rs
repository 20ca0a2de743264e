//! A web page's article: readability extraction (dom_smoothie), metadata
//! read once from the page, and a plain-text fallback for pages where no
//! article is found.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::Article;
use super::flatten;
use super::junk::Junk;
use super::text::{clean_line, compose};
use super::title::{Titles, host_words};

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "header",
    "address",
    "details",
    "summary",
];
/// Elements never read as text.
const NEVER: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select",
    "button", "input", "textarea", "head",
];
/// Page furniture the plain fallback leaves out too.
const FURNITURE: &[&str] = &["nav", "footer", "aside", "form", "dialog", "menu"];
/// Class or id words that mark furniture in the fallback.
const FURNITURE_HINTS: &[&str] = &[
    "cookie",
    "consent",
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "promo",
    "advert",
    "banner",
    "sidebar",
    "most-read",
    "breadcrumb",
    "subscribe",
    "signup",
    "read-more",
    "ad-slot",
];
/// Elements marked as furniture that hold more text than this are kept:
/// they are more likely the article (an opinion piece's "commentary" box).
const FURNITURE_MAX_CHARS: usize = 1500;

/// Deeper element nesting than this is not a news page: such pages are
/// flattened and read as plain text (see [`flatten`]).
const MAX_DEPTH: usize = 512;

/// Whether bytes look like HTML: a doctype or an `<html>`, `<head>` or
/// `<body>` tag near the start.
#[must_use]
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = lower.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || lower.contains("<html")
        || lower.contains("<head>")
        || lower.contains("<body")
}

/// Extract the article of a decoded page. `url` (when the page came from
/// the web) lets relative links resolve. Pages where no article is found
/// are read as plain text, and the note says so.
#[must_use]
pub fn extract(html: &str, url: Option<&str>, origin: &str) -> Article {
    let flat;
    let deep = flatten::nesting(html) > MAX_DEPTH;
    let html = if deep {
        flat = flatten::flatten(html);
        flat.as_str()
    } else {
        html
    };
    let doc = Document::from(html);
    let meta = Metadata::read(&doc);
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let readable = if deep {
        None
    } else {
        strip_furniture(&doc);
        readable(doc, url)
    };
    let (paragraphs, fallback, extra) = match readable {
        Some((paragraphs, extra)) => (paragraphs, false, extra),
        None => {
            let doc = Document::from(html);
            (Junk::embedded().clean(plain(&doc)), true, Metadata::default())
        }
    };
    let site = meta.site.clone().or(extra.site).map(|s| clean_line(&s)).filter(|s| !s.is_empty());
    let candidates = Titles {
        page: meta.page_title.clone().or(extra.title),
        og: meta.title.clone(),
        h1: meta.h1.clone(),
        first: paragraphs.first().cloned(),
        host: meta.address.as_deref().or(url).and_then(host_words),
    };
    let (title, site) = match candidates.choose(site.as_deref()) {
        Some((title, removed)) => (Some(title), site.or(removed)),
        None => (None, site),
    };
    let text = compose(title.as_deref(), &paragraphs);
    let note = if fallback {
        Some(if deep {
            "deeply nested page: read as plain text"
        } else {
            "no article found: read as plain text"
        })
    } else {
        None
    };
    let clean = |s: Option<String>| s.map(|s| clean_line(&s)).filter(|s| !s.is_empty());
    Article {
        origin: origin.to_owned(),
        source: url.map(str::to_owned),
        title,
        byline: clean(meta.byline.or(extra.byline)).map(|b| without_by(&b)),
        published: clean(meta.published.or(extra.published)),
        site,
        text,
        note: note.map(str::to_owned),
    }
}

/// Readability's article as paragraphs, with the metadata it found (from
/// JSON-LD and the like); `None` when it found no article.
fn readable(doc: Document, url: Option<&str>) -> Option<(Vec<String>, Metadata)> {
    let mut reader = Readability::with_document(doc, url, Some(Config::default())).ok()?;
    let article = reader.parse().ok()?;
    let content = Document::fragment(article.content);
    let paragraphs = Junk::embedded().clean(paragraphs(&content.root(), &[]));
    let words: usize = paragraphs.iter().map(|p| p.split_whitespace().count()).sum();
    if words < 20 {
        return None;
    }
    let extra = Metadata {
        title: Some(article.title).filter(|t| !t.is_empty()),
        byline: article.byline,
        published: article.published_time,
        site: article.site_name,
        ..Metadata::default()
    };
    Some((paragraphs, extra))
}

/// The paragraphs of an HTML fragment (a feed item's content).
#[must_use]
pub fn fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Document::fragment(html);
    paragraphs(&doc.root(), &[])
}

/// The whole page as paragraphs, without scripts and page furniture.
fn plain(doc: &Document) -> Vec<String> {
    let body = doc.select("body");
    let root = body.nodes().first().copied().unwrap_or_else(|| doc.root());
    paragraphs(&root, FURNITURE)
}

/// The text under `root`, one paragraph per block element, walked without
/// recursion so that any nesting depth is safe.
fn paragraphs(root: &NodeRef<'_>, furniture: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let line = clean_line(current);
        if !line.is_empty() {
            out.push(line);
        }
        current.clear();
    };
    // (node, entering): a block is flushed again when it is left.
    let mut stack = vec![(*root, true)];
    while let Some((node, entering)) = stack.pop() {
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        let block = BLOCKS.contains(&name.as_str());
        if !entering {
            if block {
                flush(&mut current, &mut out);
            }
            continue;
        }
        if NEVER.contains(&name.as_str()) || furniture.contains(&name.as_str()) {
            continue;
        }
        if !furniture.is_empty() && looks_like_furniture(&node) {
            continue;
        }
        if block {
            flush(&mut current, &mut out);
        } else if name == "img" {
            continue;
        }
        stack.push((node, false));
        let mut children = node.children();
        children.reverse();
        stack.extend(children.into_iter().map(|c| (c, true)));
    }
    flush(&mut current, &mut out);
    out
}

/// An element whose class, id or role names page furniture.
fn looks_like_furniture(node: &NodeRef<'_>) -> bool {
    let mut marks = String::new();
    for attr in ["class", "id", "role", "aria-label"] {
        if let Some(v) = node.attr(attr) {
            marks.push_str(&v.to_ascii_lowercase());
            marks.push(' ');
        }
    }
    FURNITURE_HINTS.iter().any(|h| marks.contains(h))
        || marks.contains("navigation")
        || marks.contains("banner")
}

/// Metadata read from the page's own tags (decoded once by the parser).
#[derive(Debug, Default)]
struct Metadata {
    /// The title the page gives for sharing (`og:title`, `twitter:title`).
    title: Option<String>,
    /// The `<title>` element.
    page_title: Option<String>,
    /// The first `<h1>`.
    h1: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site: Option<String>,
    /// The page's own address (`og:url`, canonical link).
    address: Option<String>,
}

impl Metadata {
    fn read(doc: &Document) -> Self {
        let meta = |keys: &[&str]| {
            keys.iter().find_map(|key| {
                let sel = format!("meta[property=\"{key}\"], meta[name=\"{key}\"], meta[itemprop=\"{key}\"]");
                doc.select(&sel).attr("content").map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
            })
        };
        let text_of = |sel: &str| {
            let s = doc.select(sel);
            s.nodes().first().map(|n| clean_line(&n.text())).filter(|t| !t.is_empty())
        };
        let title = meta(&["og:title", "twitter:title"]).map(|t| clean_line(&t)).filter(|t| !t.is_empty());
        let page_title = text_of("head title").or_else(|| text_of("title"));
        let h1 = text_of("h1");
        let address = meta(&["og:url"])
            .or_else(|| doc.select("link[rel=\"canonical\"]").attr("href").map(|h| h.trim().to_owned()));
        let byline = meta(&["author", "article:author", "byl", "dc.creator"])
            .filter(|a| !a.starts_with("http"))
            .or_else(|| text_of("[rel=\"author\"], [itemprop=\"author\"], .byline, .author"));
        let published = meta(&["article:published_time", "datePublished", "date", "pubdate", "dc.date"])
            .or_else(|| doc.select("time[datetime]").attr("datetime").map(|d| d.to_string()));
        let site = meta(&["og:site_name", "application-name"]);
        Self { title, page_title, h1, byline, published, site, address }
    }
}

/// A byline without its leading "By".
fn without_by(byline: &str) -> String {
    let b = byline.trim();
    match b.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => b[3..].trim().to_owned(),
        _ => b.to_owned(),
    }
}

/// Remove small elements whose class, id or role names page furniture
/// (newsletter boxes, share bars, "most read" lists) before readability
/// scores the page: it keeps some of them inside the article otherwise.
fn strip_furniture(doc: &Document) {
    let marked = doc.select("[class], [id], [role]");
    for node in marked.nodes() {
        if looks_like_furniture(node) && node.text().chars().count() < FURNITURE_MAX_CHARS {
            node.remove_from_parent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(without_by("By Ann Holt"), "Ann Holt");
        assert_eq!(without_by("Byron Kay"), "Byron Kay");
    }

    #[test]
    fn titles_and_metadata_are_decoded_once() {
        let page = "<html><head><title>Nord &amp;amp; Co wins cable deal | Harbour Gazette</title>\
            <meta name=\"author\" content=\"Ann &amp;amp; Bo\"></head><body><p>Short.</p></body></html>";
        let article = extract(page, None, "x");
        assert_eq!(article.title.as_deref(), Some("Nord &amp; Co wins cable deal"));
        assert_eq!(article.site.as_deref(), Some("Harbour Gazette"));
        assert_eq!(article.byline.as_deref(), Some("Ann &amp; Bo"));
        assert!(article.text.starts_with("Nord &amp; Co wins cable deal\n\nShort."));
    }

    #[test]
    fn paragraphs_skip_scripts_and_split_blocks() {
        let doc =
            Document::from("<body><p>One <b>two</b></p><script>x()</script><div>Three<br>Four</div></body>");
        assert_eq!(plain(&doc), vec!["One two", "Three", "Four"]);
    }
}
