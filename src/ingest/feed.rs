//! Feeds: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed (via feed-rs), read
//! into stories that open as articles.

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
            parse(&page.body, url, Some(&page.final_url))
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

/// Parse a feed's bytes; `base` resolves relative links.
///
/// # Errors
/// [`Error::Feed`] when the bytes are not a feed.
pub fn parse(bytes: &[u8], origin: &str, base: Option<&str>) -> Result<Feed, Error> {
    let parser = feed_rs::parser::Builder::new().base_uri(base).build();
    let parsed =
        parser.parse(bytes).map_err(|e| Error::Feed { origin: origin.to_owned(), detail: e.to_string() })?;
    let title = parsed
        .title
        .map(|t| clean_line(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| origin.to_owned());
    let items = parsed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .filter(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .map(|l| l.href.trim())
                .find(|h| h.starts_with("http://") || h.starts_with("https://"))
                .map(str::to_owned);
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

/// A title that may carry markup (Atom `type="html"`) as plain text.
fn html_title(title: &str) -> String {
    if title.contains('<') { html::fragment_paragraphs(title).join(" ") } else { title.to_owned() }
}
