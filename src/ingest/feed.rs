//! Feeds: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed (via feed-rs), read
//! into stories that open as articles.

use feed_rs::model::FeedType;
use serde::Serialize;

use super::text::{clean_line, compose};
use super::{Article, Error, Fetcher, Source, html};

/// Words of summary from which a feed is taken to carry the full story.
const FULL_SUMMARY_WORDS: usize = 150;

/// A feed and its stories, newest first as the feed orders them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    /// The feed's title (or its address when it has none).
    pub title: String,
    /// The path or URL it was read from.
    pub source: String,
    /// Its stories.
    pub items: Vec<Story>,
}

/// One story of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    /// The headline.
    pub title: String,
    /// When it was published (or last updated), as `YYYY-MM-DD HH:MM` UTC.
    pub date: Option<String>,
    /// The link to the full page (http or https only).
    pub link: Option<String>,
    /// The feed it came from.
    pub feed: String,
    /// The authors, comma-separated.
    pub byline: Option<String>,
    /// Whether the feed carries the full story (so no fetch is needed).
    pub content_included: bool,
    /// The story's HTML or text as the feed gives it (content, else summary).
    #[serde(skip)]
    pub body: Option<String>,
}

impl Story {
    /// A key for read state: the link, else the title.
    #[must_use]
    pub fn key(&self) -> &str {
        self.link.as_deref().unwrap_or(&self.title)
    }

    /// The story as an article: the feed's own content when it carries the
    /// full story (or has no link), else the linked page fetched and
    /// extracted.
    ///
    /// # Errors
    /// When the linked page cannot be fetched or read.
    pub fn article(&self, fetcher: &Fetcher) -> Result<Article, Error> {
        if !self.content_included
            && let Some(link) = &self.link
        {
            let mut article = fetcher.get(link)?.into_article()?;
            article.site = article.site.or_else(|| Some(self.feed.clone()));
            article.byline = article.byline.or_else(|| self.byline.clone());
            article.published = article.published.or_else(|| self.date.clone());
            return Ok(article);
        }
        let paragraphs = self.body.as_deref().map(body_paragraphs).unwrap_or_default();
        let title = clean_line(&self.title);
        Ok(Article {
            origin: self.feed.clone(),
            source: self.link.clone(),
            title: Some(title.clone()).filter(|t| !t.is_empty()),
            byline: self.byline.clone(),
            published: self.date.clone(),
            site: Some(self.feed.clone()),
            text: compose(Some(&title), &paragraphs),
            note: (!self.content_included).then(|| "the feed's summary only".to_owned()),
        })
    }
}

/// A feed's body as paragraphs: HTML through the page reader, plain text
/// split at blank lines.
fn body_paragraphs(body: &str) -> Vec<String> {
    if body.contains('<') {
        html::fragment_paragraphs(body)
    } else {
        body.split("\n\n").map(clean_line).filter(|p| !p.is_empty()).collect()
    }
}

/// Whether bytes look like a feed: an `<rss>`, `<feed>` or `<rdf:RDF>`
/// root near the start, or a JSON Feed.
#[must_use]
pub fn sniff(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    head.contains("<rss")
        || head.contains("<feed")
        || head.contains("<rdf:rdf")
        || head.contains("jsonfeed.org/version")
}

/// Read a feed from a file, standard input or a URL.
///
/// # Errors
/// When it cannot be read or fetched, or is not a feed.
pub fn load(source: &Source, fetcher: &Fetcher) -> Result<Feed, Error> {
    match source {
        Source::Url(url) => {
            let page = fetcher.get(url)?;
            parse_declared(&page.body, url, Some(&page.final_url), page.charset.as_deref())
        }
        Source::File(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| Error::Read { what: path.display().to_string(), source: e })?;
            parse(&bytes, &path.display().to_string(), None)
        }
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| Error::Read { what: "standard input".to_owned(), source: e })?;
            parse(&bytes, "stdin", None)
        }
    }
}

/// Parse a feed's bytes; `base` (the address it was fetched from)
/// resolves relative links.
///
/// # Errors
/// [`Error::Feed`] when the bytes are not a feed.
pub fn parse(bytes: &[u8], origin: &str, base: Option<&str>) -> Result<Feed, Error> {
    parse_declared(bytes, origin, base, None)
}

/// [`parse`] with the charset the server declared, if any. The bytes are
/// decoded to UTF-8 first (the XML parser panics on some UTF-16 input),
/// the `<rss>` root is made one the parser accepts, and a parser failure
/// of any kind, a panic included, is a clear error.
fn parse_declared(
    bytes: &[u8],
    origin: &str,
    base: Option<&str>,
    charset: Option<&str>,
) -> Result<Feed, Error> {
    let failed = |detail: String| Error::Feed { origin: origin.to_owned(), detail };
    let text = super::charset::decode_xml(bytes, charset);
    let text = lenient_rss(&text);
    let not_permalinks = guids_not_permalinks(&text);
    let parser = feed_rs::parser::Builder::new().base_uri(base).build();
    let parsed = contained(|| parser.parse(text.as_bytes()))
        .ok_or_else(|| failed("the feed parser stopped on this input".to_owned()))?
        .map_err(|e| failed(e.to_string()))?;
    let rss = matches!(parsed.feed_type, FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2);
    let base = base.and_then(|b| url::Url::parse(b).ok());
    let title = parsed
        .title
        .map(|t| clean_line(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| origin.to_owned());
    let items = parsed
        .entries
        .into_iter()
        .map(|e| {
            let entry_base = e.base.as_deref().and_then(|b| absolute(b, base.as_ref()));
            let link = e
                .links
                .iter()
                .filter(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .filter_map(|l| absolute(l.href.trim(), entry_base.as_ref().or(base.as_ref())))
                .map(String::from)
                .find(|h| is_web(h))
                .or_else(|| {
                    // An RSS `<guid>` is the story's address unless it says otherwise.
                    let id = e.id.trim();
                    (rss && is_web(id) && !not_permalinks.iter().any(|g| g == id)).then(|| id.to_owned())
                });
            let content = e.content.and_then(|c| c.body).filter(|b| !b.trim().is_empty());
            let summary = e.summary.map(|s| s.content).filter(|s| !s.trim().is_empty());
            let long_summary =
                summary.as_deref().is_some_and(|s| s.split_whitespace().count() >= FULL_SUMMARY_WORDS);
            let content_included = content.is_some() || long_summary;
            let authors: Vec<String> = e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(clean_line))
                .filter(|n| !n.is_empty())
                .collect();
            Story {
                title: e
                    .title
                    .map(|t| clean_line(&html_title(&t.content)))
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| "(untitled)".to_owned()),
                date: e.published.or(e.updated).map(|d| d.format("%Y-%m-%d %H:%M").to_string()),
                link,
                feed: title.clone(),
                byline: (!authors.is_empty()).then(|| authors.join(", ")),
                content_included,
                body: content.or(summary),
            }
        })
        .collect();
    Ok(Feed { title, source: origin.to_owned(), items })
}

/// Run a third-party parser with its panics contained: `None` when it panicked.
fn contained<T>(parse: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).ok()
}

fn is_web(link: &str) -> bool {
    link.starts_with("http://") || link.starts_with("https://")
}

/// `link` as an absolute address, resolved against `base` when relative.
fn absolute(link: &str, base: Option<&url::Url>) -> Option<url::Url> {
    match url::Url::parse(link) {
        Ok(u) => Some(u),
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(link).ok(),
        Err(_) => None,
    }
}

/// RSS as lenient readers take it: a `<rss>` root without a version (or
/// with one the parser does not know) is read as RSS 2.0, and items placed
/// directly under `<rss>` are read as if inside a `<channel>`.
fn lenient_rss(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(open) = root_tag(text, "rss") else { return text.into() };
    let tag = &text[open.clone()];
    let version = attribute(tag, "version");
    let known = version.is_some_and(|v| matches!(v.trim(), "2.0" | "0.91" | "0.92" | ""));
    let has_channel = text[open.end..].contains("<channel");
    if known && has_channel {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 40);
    out.push_str(&text[..open.start]);
    if known {
        out.push_str(tag);
    } else {
        // The tag without its version attribute, then the version the parser reads.
        let without = match version_span(tag) {
            Some(span) => format!("{}{}", &tag[..span.start], &tag[span.end..]),
            None => tag.to_owned(),
        };
        let body = without.trim_end_matches('>').trim_end_matches('/');
        out.push_str(body);
        out.push_str(" version=\"2.0\">");
    }
    let rest = &text[open.end..];
    if has_channel {
        out.push_str(rest);
    } else {
        let close = rest.rfind("</rss").unwrap_or(rest.len());
        out.push_str("<channel>");
        out.push_str(&rest[..close]);
        out.push_str("</channel>");
        out.push_str(&rest[close..]);
    }
    out.into()
}

/// The byte range of the first `<name …>` start tag, if the document's
/// root is that element (only comments, declarations and processing
/// instructions may come before it).
fn root_tag(text: &str, name: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let lt = rest.find('<')?;
        if !rest[..lt].trim().is_empty() {
            return None;
        }
        let from = at + lt;
        let tail = &text[from..];
        if tail.starts_with("<!--") {
            at = from + tail.find("-->")? + 3;
        } else if tail.starts_with("<?") || tail.starts_with("<!") {
            at = from + tail.find('>')? + 1;
        } else {
            let after = tail.strip_prefix('<')?.strip_prefix(name)?;
            let next = after.chars().next()?;
            if !(next.is_whitespace() || next == '>' || next == '/') {
                return None;
            }
            return Some(from..from + tail.find('>')? + 1);
        }
    }
}

/// The value of `name="…"` in a start tag.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let span = attribute_span(tag, name)?;
    let raw = tag[span].split_once('=')?.1.trim();
    Some(raw.get(1..raw.len().saturating_sub(1)).unwrap_or(""))
}

fn version_span(tag: &str) -> Option<std::ops::Range<usize>> {
    attribute_span(tag, "version")
}

/// Where ` name = "value"` sits in a start tag (leading space included).
fn attribute_span(tag: &str, name: &str) -> Option<std::ops::Range<usize>> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let start = from + k;
        from = start + name.len();
        if !bytes.get(start.wrapping_sub(1)).is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        let mut i = from;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let quote = *bytes.get(i)?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let end = i + 1 + tag[i + 1..].find(char::from(quote))? + 1;
        let mut lead = start;
        while lead > 0 && bytes[lead - 1].is_ascii_whitespace() {
            lead -= 1;
        }
        return Some(lead..end);
    }
    None
}

/// The values of the `<guid isPermaLink="false">` elements: identifiers
/// that only look like addresses.
fn guids_not_permalinks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find("<guid") {
        let start = from + k;
        let Some(gt) = text[start..].find('>') else { break };
        let tag = &text[start..=start + gt];
        from = start + gt + 1;
        if !attribute(tag, "isPermaLink").is_some_and(|v| v.trim().eq_ignore_ascii_case("false")) {
            continue;
        }
        if let Some(end) = text[from..].find("</guid") {
            let value = text[from..from + end].trim();
            let value = value.strip_prefix("<![CDATA[").and_then(|v| v.strip_suffix("]]>")).unwrap_or(value);
            out.push(value.trim().replace("&amp;", "&"));
        }
    }
    out
}

/// A title that may carry markup (Atom `type="html"`) as plain text.
fn html_title(title: &str) -> String {
    if title.contains('<') { html::fragment_paragraphs(title).join(" ") } else { title.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_panic_is_contained() {
        assert_eq!(contained(|| 7), Some(7));
        let panicked: Option<()> = contained(|| panic!("a parser bug"));
        assert_eq!(panicked, None);
    }

    #[test]
    fn rss_roots_are_made_readable() {
        let fixed = lenient_rss("<?xml version=\"1.0\"?>\n<!-- c --><rss xmlns:dc=\"x\"><item/></rss>");
        assert_eq!(
            fixed,
            "<?xml version=\"1.0\"?>\n<!-- c --><rss xmlns:dc=\"x\" version=\"2.0\"><channel><item/></channel></rss>"
        );
        let known = "<rss version=\"2.0\"><channel/></rss>";
        assert_eq!(lenient_rss(known), known);
        assert_eq!(lenient_rss("<feed/>"), "<feed/>");
        assert_eq!(lenient_rss("<rss version='9'><channel/></rss>"), "<rss version=\"2.0\"><channel/></rss>");
    }
}
