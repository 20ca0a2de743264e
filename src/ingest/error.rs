//! What can go wrong while reading, fetching or extracting an article.

/// An ingest error; every message says what happened and, where it helps,
/// what to try next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A URL scheme other than http or https.
    #[error("only http and https links can be opened, not `{0}:` links")]
    Scheme(String),
    /// A URL that could not be understood.
    #[error("{url} is not a valid web address: {detail}")]
    BadUrl {
        /// The address.
        url: String,
        /// Why.
        detail: String,
    },
    /// A file or standard input could not be read.
    #[error("could not read {what}")]
    Read {
        /// What was being read.
        what: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Binary data where text was expected.
    #[error("{0} looks like a binary file, not text; give sayso a text article or a web page")]
    Binary(String),
    /// The host name did not resolve.
    #[error("could not find the server {host} (check the address and your connection)")]
    Dns {
        /// The host.
        host: String,
    },
    /// Nothing listens at the address.
    #[error("{host} refused the connection (is the address right, is the site up?)")]
    Refused {
        /// The host.
        host: String,
    },
    /// The server was too slow.
    #[error("{url} did not answer within {secs} s; try again later")]
    Timeout {
        /// The address.
        url: String,
        /// The limit that was hit, in seconds.
        secs: u64,
    },
    /// The secure connection failed.
    #[error("could not make a secure connection to {host}: {detail}")]
    Tls {
        /// The host.
        host: String,
        /// Why.
        detail: String,
    },
    /// An HTTP status other than success.
    #[error("{url} answered HTTP {code}{}", reason(*.code))]
    Status {
        /// The address.
        url: String,
        /// The status code.
        code: u16,
    },
    /// Redirected to an address that is not http or https.
    #[error(
        "{url} redirected to `{target}`, which sayso will not follow: only http and https links are opened"
    )]
    RedirectScheme {
        /// The address that redirected.
        url: String,
        /// Where it pointed.
        target: String,
    },
    /// A page or file with no text to annotate.
    #[error("{0}: the page has no text")]
    NoText(String),
    /// Redirected in circles or too often.
    #[error("{url} redirected more than {max} times; giving up")]
    Redirects {
        /// The address.
        url: String,
        /// The most redirects followed.
        max: u32,
    },
    /// Not a web page or text.
    #[error("{url} is {mime}, not a web page or text{hint}")]
    ContentType {
        /// The address.
        url: String,
        /// The content type the server gave.
        mime: String,
        /// A suggestion (for example to open a feed with `sayso feed`).
        hint: &'static str,
    },
    /// The body is bigger than the cap.
    #[error("{url} is larger than {} MB; sayso reads pages up to that size", .limit / 1_000_000)]
    TooLarge {
        /// The address.
        url: String,
        /// The cap in bytes.
        limit: u64,
    },
    /// Any other network failure.
    #[error("could not fetch {url}: {detail}")]
    Network {
        /// The address.
        url: String,
        /// Why.
        detail: String,
    },
    /// A feed that could not be parsed.
    #[error("{origin} is not a feed sayso can read (RSS, Atom or JSON Feed): {detail}")]
    Feed {
        /// Where the feed came from.
        origin: String,
        /// Why.
        detail: String,
    },
    /// The saved-feeds file could not be read or written.
    #[error("{path}: {detail}")]
    FeedsFile {
        /// The file.
        path: String,
        /// Why.
        detail: String,
    },
}

/// The reason phrase of common statuses, for messages.
fn reason(code: u16) -> &'static str {
    match code {
        401 => " (login required)",
        403 => " (forbidden: the site refuses this request)",
        404 => " (not found: check the address)",
        410 => " (gone)",
        429 => " (too many requests: try again later)",
        500..=599 => " (the server failed: try again later)",
        _ => "",
    }
}
