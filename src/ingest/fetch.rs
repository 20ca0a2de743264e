//! Fetching a page or feed over http or https: timeouts, a redirect limit,
//! a body cap, gzip, an honest User-Agent, and errors a reader understands.

use std::io::ErrorKind;
use std::time::{Duration, Instant};

use ureq::Agent;

use super::{Article, Error, Kind, charset, html, text};

/// The most redirects followed.
pub const MAX_REDIRECTS: u32 = 5;
/// The largest body read, in bytes.
pub const MAX_BODY: u64 = 20_000_000;
/// The environment variable that shortens the total timeout (in seconds,
/// fractions allowed), for tests against slow servers.
pub const TIMEOUT_ENV: &str = "SAYSO_HTTP_TIMEOUT";

/// How pages are fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fetcher {
    /// Time allowed to connect (DNS, TCP, TLS).
    pub connect: Duration,
    /// Time allowed for the whole request, redirects and body included.
    pub total: Duration,
    /// The largest body read, in bytes.
    pub max_body: u64,
}

impl Default for Fetcher {
    fn default() -> Self {
        Self { connect: Duration::from_secs(10), total: Duration::from_secs(30), max_body: MAX_BODY }
    }
}

/// A fetched body with what the server said about it.
#[derive(Debug, Clone)]
pub struct Page {
    /// The address asked for.
    pub url: String,
    /// The address after redirects.
    pub final_url: String,
    /// The media type, lower case, without parameters (`text/html`).
    pub mime: String,
    /// The declared charset, if any.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

impl Page {
    /// Whether the body is a feed (by media type or by its first tag).
    #[must_use]
    pub fn is_feed(&self) -> bool {
        is_feed_mime(&self.mime) || super::feed::sniff(&self.body)
    }

    /// The article of a fetched page: HTML extracted, text read as it is.
    ///
    /// # Errors
    /// For a feed or any other content that is not a page or text.
    pub fn into_article(self) -> Result<Article, Error> {
        let origin = short_name(&self.final_url);
        let kind = match self.mime.as_str() {
            "text/html" | "application/xhtml+xml" => Kind::Html,
            "text/plain" | "" if html::sniff(&self.body) => Kind::Html,
            "text/plain" | "" => Kind::Text,
            _ if self.is_feed() => {
                return Err(Error::ContentType {
                    url: self.url,
                    mime: format!("a feed ({})", self.mime),
                    hint: "; open it with `sayso feed URL`",
                });
            }
            _ if html::sniff(&self.body) => Kind::Html,
            _ => return Err(Error::ContentType { url: self.url, mime: self.mime, hint: "" }),
        };
        let mut article = match kind {
            Kind::Html => {
                let decoded = charset::decode_html(&self.body, self.charset.as_deref());
                html::extract(&decoded, Some(&self.final_url), &origin)
            }
            Kind::Text => {
                let (text, note) = text::decode(&origin, &self.body, self.charset.as_deref())?;
                Article { origin, text, note, ..Article::default() }
            }
        };
        if article.text.trim().is_empty() {
            return Err(Error::NoText(self.final_url));
        }
        article.source = Some(self.final_url);
        Ok(article)
    }
}

impl Fetcher {
    /// The default fetcher, with the total timeout taken from
    /// [`TIMEOUT_ENV`] when it is set to a number of seconds.
    #[must_use]
    pub fn from_env() -> Self {
        let mut f = Self::default();
        if let Some(secs) = std::env::var(TIMEOUT_ENV).ok().and_then(|v| v.trim().parse::<f64>().ok())
            && secs.is_finite()
            && secs > 0.0
        {
            f.total = Duration::from_secs_f64(secs);
            f.connect = f.connect.min(f.total);
        }
        f
    }

    /// Fetch `url` (http or https only).
    ///
    /// # Errors
    /// A clear [`Error`] for a bad scheme, DNS failure, refused connection,
    /// timeout, TLS failure, HTTP status, redirect loop or oversized body.
    pub fn get(&self, url: &str) -> Result<Page, Error> {
        check_scheme(url)?;
        // Redirects are followed here rather than by the HTTP client, so
        // that every target is checked before anything is asked of it and
        // each hop's errors are explained for that hop's address.
        let deadline = Instant::now() + self.total;
        let mut current = url.to_owned();
        for _ in 0..=MAX_REDIRECTS {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Error::Timeout { url: current, secs: self.total.as_secs().max(1) });
            }
            let mut response = self.hop(&current, left)?;
            let status = response.status().as_u16();
            if (300..400).contains(&status)
                && let Some(location) = response.headers().get("location")
            {
                let location = String::from_utf8_lossy(location.as_bytes()).trim().to_owned();
                current = redirect_target(&current, &location)?;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(Error::Status { url: current, code: status });
            }
            return self.page(url, current, &mut response);
        }
        Err(Error::Redirects { url: url.to_owned(), max: MAX_REDIRECTS })
    }

    /// One request, with no redirect followed, within `left` of the total time.
    fn hop(&self, url: &str, left: Duration) -> Result<ureq::http::Response<ureq::Body>, Error> {
        let host = host(url);
        let loopback = matches!(host.as_str(), "localhost" | "127.0.0.1" | "[::1]");
        let mut config = Agent::config_builder()
            .timeout_connect(Some(self.connect.min(left)))
            .timeout_global(Some(left))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(format!("sayso/{} (+terminal news reader)", env!("CARGO_PKG_VERSION")))
            .accept("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,text/plain;q=0.9,*/*;q=0.5");
        if loopback {
            // A proxy from the environment must not swallow local addresses.
            config = config.proxy(None);
        }
        let agent: Agent = config.build().into();
        agent.get(url).call().map_err(|e| match e {
            // Before any answer, a secure connection that breaks off or
            // reads as garbage is a failed handshake.
            ureq::Error::Io(io)
                if url.starts_with("https")
                    && matches!(io.kind(), ErrorKind::UnexpectedEof | ErrorKind::InvalidData) =>
            {
                Error::Tls { host: host.clone(), detail: io.to_string() }
            }
            other => self.explain(other, url, &host),
        })
    }

    /// The body of a successful answer from `final_url` (asked for as `url`).
    fn page(
        &self,
        url: &str,
        final_url: String,
        response: &mut ureq::http::Response<ureq::Body>,
    ) -> Result<Page, Error> {
        let content_type =
            response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
        let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        let charset = charset::header_charset(&content_type).map(str::to_owned);
        if !acceptable(&mime) {
            return Err(Error::ContentType { url: url.to_owned(), mime, hint: "" });
        }
        if let Some(len) = response.body().content_length()
            && len > self.max_body
        {
            return Err(Error::TooLarge { url: url.to_owned(), limit: self.max_body });
        }
        let host = host(&final_url);
        let body = response
            .body_mut()
            .with_config()
            .limit(self.max_body)
            .read_to_vec()
            .map_err(|e| self.explain(e, url, &host))?;
        Ok(Page { url: url.to_owned(), final_url, mime, charset, body })
    }

    /// Turn a transport error into one a reader understands.
    fn explain(&self, e: ureq::Error, url: &str, host: &str) -> Error {
        use ureq::Error as U;
        let url_s = url.to_owned();
        match e {
            U::HostNotFound => Error::Dns { host: host.to_owned() },
            // The system resolver's failure arrives as a plain I/O error.
            U::Io(io) if io.to_string().contains("failed to lookup address") => {
                Error::Dns { host: host.to_owned() }
            }
            U::ConnectionFailed => Error::Refused { host: host.to_owned() },
            U::Io(io) if io.kind() == ErrorKind::ConnectionRefused => {
                Error::Refused { host: host.to_owned() }
            }
            U::Io(io) if io.kind() == ErrorKind::TimedOut => {
                Error::Timeout { url: url_s, secs: self.total.as_secs().max(1) }
            }
            U::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                Error::Timeout { url: url_s, secs: self.connect.as_secs().max(1) }
            }
            U::Timeout(_) => Error::Timeout { url: url_s, secs: self.total.as_secs().max(1) },
            U::TooManyRedirects => Error::Redirects { url: url_s, max: MAX_REDIRECTS },
            U::BodyExceedsLimit(limit) => Error::TooLarge { url: url_s, limit },
            U::StatusCode(code) => Error::Status { url: url_s, code },
            U::Tls(detail) => Error::Tls { host: host.to_owned(), detail: detail.to_owned() },
            U::Rustls(detail) => Error::Tls { host: host.to_owned(), detail: detail.to_string() },
            U::BadUri(detail) => Error::BadUrl { url: url_s, detail },
            other => Error::Network { url: url_s, detail: other.to_string() },
        }
    }
}

/// Refuse anything but an http or https address.
fn check_scheme(url: &str) -> Result<(), Error> {
    match scheme(url) {
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => Ok(()),
        Some(s) => Err(Error::Scheme(s.to_owned())),
        None => {
            Err(Error::BadUrl { url: url.to_owned(), detail: "it has no http:// or https://".to_owned() })
        }
    }
}

/// Where a redirect from `from` to `location` leads: resolved against
/// `from` when relative, and refused unless it is http or https.
fn redirect_target(from: &str, location: &str) -> Result<String, Error> {
    let bad = |detail: String| Error::BadUrl { url: location.to_owned(), detail };
    let base = url::Url::parse(from).map_err(|e| bad(e.to_string()))?;
    let target = base.join(location).map_err(|e| bad(e.to_string()))?;
    if matches!(target.scheme(), "http" | "https") {
        Ok(target.into())
    } else {
        Err(Error::RedirectScheme { url: from.to_owned(), target: super::text::clean_line(location) })
    }
}

/// Media types sayso reads: pages, text and feeds.
fn acceptable(mime: &str) -> bool {
    mime.is_empty() || mime.starts_with("text/") || mime == "application/xhtml+xml" || is_feed_mime(mime)
}

fn is_feed_mime(mime: &str) -> bool {
    matches!(
        mime,
        "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/xml"
            | "text/xml"
            | "application/feed+json"
            | "application/json"
    )
}

/// The scheme of a URL-looking string (`https` in `https://…`), if any.
#[must_use]
pub fn scheme(s: &str) -> Option<&str> {
    let (scheme, _) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(scheme)
}

/// The host of an http(s) URL (lower case), or the URL itself.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if authority.starts_with('[') {
        authority.split_inclusive(']').next().unwrap_or(authority)
    } else {
        authority.split(':').next().unwrap_or(authority)
    };
    host.to_ascii_lowercase()
}

/// A short name for a URL: host and path, without the scheme or query.
#[must_use]
pub fn short_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_and_hosts() {
        assert_eq!(scheme("https://a.example/x"), Some("https"));
        assert_eq!(scheme("javascript:alert(1)"), Some("javascript"));
        assert_eq!(scheme("story.txt"), None);
        assert_eq!(host("http://User@News.Example:8080/a?b"), "news.example");
        assert_eq!(host("http://[::1]:80/"), "[::1]");
        assert_eq!(short_name("https://news.example/a/b/?utm=1"), "news.example/a/b");
    }

    #[test]
    fn transport_errors_read_well() {
        let f = Fetcher::default();
        let url = "https://news.example/a";
        let dns = f.explain(ureq::Error::HostNotFound, url, "news.example");
        assert_eq!(
            dns.to_string(),
            "could not find the server news.example (check the address and your connection)"
        );
        let tls = f.explain(ureq::Error::Tls("bad certificate"), url, "news.example");
        assert!(matches!(tls, Error::Tls { .. }), "{tls:?}");
        let timeout = f.explain(ureq::Error::Timeout(ureq::Timeout::Global), url, "news.example");
        assert_eq!(timeout.to_string(), "https://news.example/a did not answer within 30 s; try again later");
    }

    #[test]
    fn other_schemes_are_refused_before_any_connection() {
        let f = Fetcher::default();
        for url in ["file:///etc/passwd", "ftp://x.example/a", "javascript:alert(1)", "data:text/html,hi"] {
            assert!(matches!(f.get(url), Err(Error::Scheme(_))), "{url}");
        }
    }
}
