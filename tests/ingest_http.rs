//! Fetching over HTTP against a loopback server these tests start
//! themselves: redirects, timeouts, the body cap, statuses, gzip, charsets,
//! and the built binary end to end. Nothing leaves 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::thread;
use std::time::Duration;

use assert_cmd::Command;
use sayso::ingest::{Error, Fetcher, Source, feed};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A server on 127.0.0.1 with a route per test; returns its base URL.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || {
                let _ = serve(stream);
            });
        }
    });
    base
}

fn serve(mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut user_agent = String::new();
    let mut host = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("user-agent:") {
            user_agent = v.trim().to_owned();
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("host:") {
            host = v.trim().to_owned();
        }
    }
    let redirect = |to: &str| respond(&stream, "302 Found", &[("Location", to)], b"");
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let ok = |mime: &str, body: &[u8]| respond(&stream, "200 OK", &[("Content-Type", mime)], body);
    match path.as_str() {
        "/page.html" => ok("text/html; charset=utf-8", &fixture("harbour-council.html")),
        "/feed.xml" => ok("application/rss+xml", &fixture("rss20.xml")),
        "/atom.xml" => ok("application/atom+xml", &fixture("atom.xml")),
        "/plain.txt" => {
            ok("text/plain; charset=utf-8", b"Vote delayed\n\nThe mayor said the vote will wait.\n")
        }
        "/image.png" => ok("image/png", b"\x89PNG\r\n\x1a\n"),
        "/agent" => ok("text/plain", user_agent.as_bytes()),
        // The header claims UTF-8; the bytes and the page's meta say windows-1252.
        "/cp1252.html" => ok("text/html; charset=utf-8", &fixture("cp1252.html")),
        "/missing" => {
            respond(&stream, "404 Not Found", &[("Content-Type", "text/html")], b"<h1>Not found</h1>")
        }
        "/moved" => respond(&stream, "301 Moved Permanently", &[("Location", "/page.html")], b""),
        "/slow" => {
            thread::sleep(Duration::from_secs(30));
            ok("text/html", b"<p>too late</p>")
        }
        "/gzip.html" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&fixture("harbour-council.html"))?;
            let body = gz.finish()?;
            respond(&stream, "200 OK", &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")], &body)
        }
        "/to-file" => redirect("file:///etc/passwd"),
        "/to-javascript" => redirect("javascript:alert(1)"),
        "/to-mailto" => redirect("mailto:desk@news.example"),
        "/to-ftp" => redirect("ftp://news.example/story.txt"),
        "/to-https" => redirect(&format!("https://{host}/page.html")),
        "/to-relative" => redirect("page.html"),
        "/empty.html" => ok("text/html; charset=utf-8", b""),
        "/blank.html" => ok("text/html", b"<html><head><title></title></head><body> </body></html>"),
        "/feeds/utf16.xml" => ok("application/rss+xml", &fixture("utf16be-nobom.xml")),
        "/feeds/koi8.xml" => ok("application/rss+xml", &fixture("koi8r-undeclared.xml")),
        "/feeds/guids.xml" => ok("application/rss+xml", &fixture("rss-guid-only.xml")),
        "/feeds/atom-relative.xml" => ok("application/atom+xml", &fixture("atom-relative.xml")),
        "/huge-declared" => huge(&mut stream, true),
        "/huge-streamed" => huge(&mut stream, false),
        p if p.starts_with("/loop/") => {
            let n: u32 = p[6..].parse().unwrap_or(0);
            let to = format!("/loop/{}", n + 1);
            respond(&stream, "302 Found", &[("Location", &to)], b"")
        }
        _ => respond(&stream, "404 Not Found", &[], b""),
    }
}

fn respond(
    mut stream: &TcpStream,
    status: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

/// 50 MB of page, with its length declared or only ended by closing.
fn huge(stream: &mut TcpStream, declared: bool) -> std::io::Result<()> {
    const SIZE: usize = 50_000_000;
    let length = if declared { format!("Content-Length: {SIZE}\r\n") } else { String::new() };
    write!(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{length}Connection: close\r\n\r\n")?;
    let chunk = b"<p>filler filler filler filler filler filler filler filler.</p>\n".repeat(1000);
    let mut sent = 0;
    while sent < SIZE {
        stream.write_all(&chunk)?;
        sent += chunk.len();
    }
    Ok(())
}

/// Generous limits, so that a busy machine does not fail these tests.
fn quick() -> Fetcher {
    Fetcher { connect: Duration::from_secs(10), total: Duration::from_secs(10), ..Fetcher::default() }
}

#[test]
fn a_redirect_loop_stops_after_five() {
    let base = server();
    let err = quick().get(&format!("{base}/loop/0")).expect_err("loops forever");
    assert!(matches!(err, Error::Redirects { max: 5, .. }), "{err:?}");
    assert!(err.to_string().contains("redirected more than 5 times"), "{err}");
}

#[test]
fn one_redirect_is_followed_and_the_final_address_kept() {
    let base = server();
    let page = quick().get(&format!("{base}/moved")).expect("followed");
    assert_eq!(page.final_url, format!("{base}/page.html"));
    let article = page.into_article().expect("article");
    assert_eq!(article.source.as_deref(), Some(format!("{base}/page.html").as_str()));
}

#[test]
fn a_slow_server_times_out() {
    let base = server();
    // The server waits 30 s; the fetcher gives up after one.
    let impatient = Fetcher { total: Duration::from_secs(1), ..quick() };
    let err = impatient.get(&format!("{base}/slow")).expect_err("too slow");
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(err.to_string().contains("did not answer"), "{err}");
}

#[test]
fn bodies_over_the_cap_are_refused() {
    let base = server();
    for path in ["/huge-declared", "/huge-streamed"] {
        let fetcher = Fetcher { total: Duration::from_secs(60), ..Fetcher::default() };
        let err = fetcher.get(&format!("{base}{path}")).expect_err("50 MB is over the cap");
        assert!(matches!(err, Error::TooLarge { limit: 20_000_000, .. }), "{path}: {err:?}");
        assert!(err.to_string().contains("larger than 20 MB"), "{err}");
    }
}

#[test]
fn statuses_and_content_types_are_explained() {
    let base = server();
    let err = quick().get(&format!("{base}/missing")).expect_err("404");
    assert!(matches!(err, Error::Status { code: 404, .. }), "{err:?}");
    assert!(err.to_string().contains("HTTP 404 (not found"), "{err}");
    let err = quick().get(&format!("{base}/image.png")).expect_err("an image");
    assert!(err.to_string().contains("image/png, not a web page"), "{err}");
    let err = quick().get(&format!("{base}/feed.xml")).and_then(|p| p.into_article()).expect_err("a feed");
    assert!(err.to_string().contains("sayso feed"), "{err}");
}

#[test]
fn refused_connections_and_tls_failures_are_explained() {
    let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    // The listener is dropped: nothing listens on the port any more.
    let err = quick().get(&format!("http://127.0.0.1:{port}/")).expect_err("refused");
    assert!(matches!(err, Error::Refused { .. }), "{err:?}");
    let base = server();
    let https = base.replace("http://", "https://");
    let err = quick().get(&format!("{https}/page.html")).expect_err("not TLS");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
    assert!(err.to_string().starts_with("could not make a secure connection to 127.0.0.1"), "{err}");
}

#[test]
fn gzip_bodies_are_decoded() {
    let base = server();
    let article =
        quick().get(&format!("{base}/gzip.html")).and_then(|p| p.into_article()).expect("gzip page");
    assert!(
        article.text.starts_with("Council delays harbour vote after residents protest\n\n"),
        "{}",
        article.text
    );
}

#[test]
fn the_user_agent_is_honest() {
    let base = server();
    let page = quick().get(&format!("{base}/agent")).expect("agent");
    let agent = String::from_utf8(page.body).expect("utf-8");
    assert!(agent.starts_with("sayso/") && agent.contains("terminal news reader"), "{agent}");
}

#[test]
fn a_wrong_header_charset_gives_way_to_the_bytes() {
    let base = server();
    let article = quick().get(&format!("{base}/cp1252.html")).and_then(|p| p.into_article()).expect("page");
    assert_eq!(article.title.as_deref(), Some("Café owners fight rent rise"));
    assert!(article.text.contains("“We have paid rent here"), "{}", article.text);
    assert!(article.text.contains("José Ibáñez"), "{}", article.text);
    assert!(!article.text.contains('\u{fffd}'));
}

#[test]
fn plain_text_and_feeds_are_fetched() {
    let base = server();
    let text = quick().get(&format!("{base}/plain.txt")).and_then(|p| p.into_article()).expect("text");
    assert_eq!(text.text, "Vote delayed\n\nThe mayor said the vote will wait.\n");
    let atom = feed::load(&Source::Url(format!("{base}/atom.xml")), &quick()).expect("atom over http");
    assert_eq!(atom.items.len(), 2);
}

/// The binary, with short timeouts and data folders in a temp dir.
fn sayso(home: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("sayso").expect("binary");
    cmd.env("SAYSO_HTTP_TIMEOUT", "5")
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("HOME", home.path());
    cmd
}

#[test]
fn annotate_a_noisy_page_by_url() {
    let base = server();
    let home = tempfile::tempdir().expect("temp");
    let out = sayso(&home)
        .args(["annotate", &format!("{base}/page.html"), "--format", "json", "--include-text"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fetching"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = json["text"].as_str().expect("text");
    assert_eq!(json["title"], "Council delays harbour vote after residents protest");
    assert!(
        text.starts_with(
            "Council delays harbour vote after residents protest\n\nThe city council on Thursday"
        )
    );
    assert!(
        text.contains(
            "\n\n“They call it a harbour, but there will be nowhere to tie up a boat,” Ekholm said."
        )
    );
    for boilerplate in [
        "cookies",
        "Subscribe",
        "Share",
        "Related stories",
        "Comments",
        "harbourfan77",
        "All rights reserved",
        "gtag",
        "Sign up",
        "Residents gathered outside",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate} in {text}");
    }
    // Entities decoded exactly once.
    assert!(text.contains("Nord &amp; Co"), "{text}");
    let quotes = json["quotes"].as_array().expect("quotes");
    assert!(quotes.len() >= 5, "{quotes:?}");
    let contents: Vec<String> = quotes
        .iter()
        .map(|q| {
            let [s, e] = [q["content"][0].as_u64().expect("start"), q["content"][1].as_u64().expect("end")];
            text.chars().skip(s as usize).take((e - s) as usize).collect()
        })
        .collect();
    assert!(contents.iter().any(|c| c.starts_with("We are not going to rush a decision")), "{contents:?}");
    let meta = &json["metadata"];
    assert_eq!(meta["byline"], "Maria Lindqvist");
    assert_eq!(meta["site"], "The Harbour Gazette");
    assert_eq!(meta["published"], "2026-03-14T09:30:00+01:00");
    assert_eq!(meta["url"], format!("{base}/page.html"));
}

#[test]
fn list_a_feed_by_url() {
    let base = server();
    let home = tempfile::tempdir().expect("temp");
    let out = sayso(&home)
        .args(["feed", &format!("{base}/feed.xml"), "--list", "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["title"], "The Harbour Gazette");
    let items = json["items"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["title"], "Council delays harbour vote after residents protest");
    assert_eq!(items[0]["content_included"], true);
    assert_eq!(items[1]["link"], "https://gazette.example/news/ferry-fares");
    // A javascript: link is never offered.
    assert!(items[2]["link"].is_null());
}

#[test]
fn network_errors_exit_non_zero_with_a_message() {
    let base = server();
    let home = tempfile::tempdir().expect("temp");
    let out = sayso(&home).args(["annotate", &format!("{base}/missing")]).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
    let out = sayso(&home).args(["annotate", "file:///etc/passwd"]).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("only http and https"));
    let out = sayso(&home).args(["annotate", &format!("{base}/empty.html")]).output().expect("runs");
    assert!(!out.status.success(), "an empty page is an error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the page has no text"));
    assert!(out.stdout.is_empty());
}

#[test]
fn redirects_to_other_schemes_are_refused_naming_the_target() {
    let base = server();
    for (route, target) in [
        ("/to-file", "file:///etc/passwd"),
        ("/to-javascript", "javascript:alert(1)"),
        ("/to-mailto", "mailto:desk@news.example"),
        ("/to-ftp", "ftp://news.example/story.txt"),
    ] {
        let err = quick().get(&format!("{base}{route}")).expect_err(route);
        assert!(matches!(&err, Error::RedirectScheme { target: t, .. } if t == target), "{route}: {err:?}");
        let message = err.to_string();
        assert!(message.contains(&format!("`{target}`")), "{message}");
        assert!(message.contains("only http and https"), "{message}");
    }
    // A relative target is still followed on the same server.
    let page = quick().get(&format!("{base}/to-relative")).expect("relative redirect");
    assert_eq!(page.final_url, format!("{base}/page.html"));
}

#[test]
fn a_redirect_to_https_on_a_plain_port_is_a_tls_error() {
    let base = server();
    let err = quick().get(&format!("{base}/to-https")).expect_err("plain port");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
}

#[test]
fn an_empty_page_says_it_has_no_text() {
    let base = server();
    for route in ["/empty.html", "/blank.html"] {
        let err = quick().get(&format!("{base}{route}")).and_then(|p| p.into_article()).expect_err(route);
        assert!(matches!(err, Error::NoText(_)), "{route}: {err:?}");
        assert!(err.to_string().ends_with("the page has no text"), "{err}");
    }
}

#[test]
fn feeds_in_wide_and_legacy_encodings_are_read_over_http() {
    let base = server();
    let cases = [("/feeds/utf16.xml", "Fjordby Tidende"), ("/feeds/koi8.xml", "Северный вестник")];
    for (route, title) in cases {
        let feed = feed::load(&Source::Url(format!("{base}{route}")), &quick()).expect(route);
        assert_eq!(feed.title, title, "{route}");
        assert!(feed.items.iter().all(|s| s.link.as_deref().is_some_and(|l| l.starts_with("https://"))));
    }
}

#[test]
fn relative_feed_links_resolve_against_the_feed_address() {
    let base = server();
    let guids = feed::load(&Source::Url(format!("{base}/feeds/guids.xml")), &quick()).expect("guids");
    assert_eq!(guids.items[3].link.as_deref(), Some(format!("{base}/news/relative").as_str()));
    let atom = feed::load(&Source::Url(format!("{base}/feeds/atom-relative.xml")), &quick()).expect("atom");
    assert_eq!(atom.items[0].link.as_deref(), Some(format!("{base}/wire/dam-cracks").as_str()));
}
