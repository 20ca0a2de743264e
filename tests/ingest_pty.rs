//! The feed list and a fetched page in a real pseudo-terminal: the list
//! opens a story in the reader, `q` comes back to the list, and the
//! terminal is restored at the end. Pages come from a loopback server.

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::pty::Pty;
use ptyprocess::Signal;

/// How long to wait for the screen to show something before failing.
const PATIENCE: Duration = Duration::from_secs(15);

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name)
}

impl Pty {
    fn open(cols: u16, rows: u16, args: &[&str]) -> Self {
        Self::open_in(None, cols, rows, args)
    }

    /// Run sayso with its data and config in `home` (kept from an earlier run),
    /// or in a new temporary folder.
    fn open_in(home: Option<tempfile::TempDir>, cols: u16, rows: u16, args: &[&str]) -> Self {
        let home = home.unwrap_or_else(|| tempfile::tempdir().expect("temp"));
        let (config, data) = (home.path().join("config"), home.path().join("data"));
        let env = [
            ("XDG_CONFIG_HOME", config.as_os_str()),
            ("XDG_DATA_HOME", data.as_os_str()),
            ("SAYSO_HTTP_TIMEOUT", "5".as_ref()),
        ];
        let mut t = Self::spawn(env!("CARGO_BIN_EXE_sayso"), args, (cols, rows), &env, PATIENCE);
        t.home = Some(home);
        t
    }
}

#[test]
fn a_story_opens_from_the_feed_list_and_q_comes_back() {
    let feed = fixture("rss20.xml").display().to_string();
    let mut t = Pty::open(100, 20, &["feed", &feed]);
    t.wait_for("the list", |s| {
        s.contains("The Harbour Gazette · 3 stories") && s.contains("● Council delays")
    });
    t.send("\r");
    t.wait_for("the story in the reader", |s| s.contains("Article") && s.contains("said Mayor Annika Berg"));
    t.send("q");
    t.wait_for("the list again, the story read", |s| {
        s.contains("3 stories") && s.contains("  Council delays") && !s.contains("● Council delays")
    });
    t.send("j");
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn the_feed_and_library_lists_end_on_sigterm_and_sighup_and_restore_the_terminal() {
    let feed = fixture("rss20.xml").display().to_string();
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let mut t = Pty::open(100, 20, &["feed", &feed]);
        t.wait_for("the feed list", |s| s.contains("The Harbour Gazette · 3 stories"));
        t.signal(signal);
        assert_eq!(t.exit_code(), code, "feed list, {signal:?}");
        t.assert_restored();
        let mut t = Pty::open(100, 20, &["library"]);
        t.wait_for("the library view", |s| s.contains("Articles (0)"));
        t.signal(signal);
        assert_eq!(t.exit_code(), code, "library view, {signal:?}");
        t.assert_restored();
    }
}

#[test]
fn a_url_is_fetched_behind_the_spinner() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let url = format!("http://{}/page.html", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        let page = std::fs::read(fixture("harbour-council.html")).expect("fixture");
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                page.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&page);
        }
    });
    let mut t = Pty::open(110, 24, &[&url]);
    t.wait_for("the page in the reader", |s| {
        s.contains("Council delays harbour vote") && s.contains("The Harbour Gazette · Maria Lindqvist")
    });
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn read_marks_outlast_the_session_and_the_mouse_picks_and_opens_rows() {
    let feed = fixture("rss20.xml").display().to_string();
    let mut t = Pty::open(100, 20, &["feed", &feed]);
    t.wait_for("the list", |s| s.contains("● Council delays"));
    t.send("\r");
    t.wait_for("the story in the reader", |s| s.contains("said Mayor Annika Berg"));
    t.send("q");
    t.wait_for("the list again", |s| s.contains("3 stories") && !s.contains("● Council delays"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);

    // A new session in the same home: the story read before is still read.
    let mut t = Pty::open_in(t.home, 100, 20, &["feed", &feed]);
    t.wait_for("the list, the story read before marked read", |s| {
        s.contains("  Council delays") && !s.contains("● Council delays") && s.contains("● Ferry fares")
    });
    assert!(t.highlighted(1) && !t.highlighted(2));
    // A click on the border does nothing; one on the second story selects it.
    t.mouse(0, 10, 0);
    t.mouse(0, 10, 2);
    let start = Instant::now();
    while !t.highlighted(2) {
        assert!(start.elapsed() < PATIENCE, "the click did not select:\n{}", t.text());
        std::thread::sleep(Duration::from_millis(20));
        t.pump();
    }
    assert!(!t.highlighted(1));
    // The wheel moves back up; a click on the selected story opens it.
    t.mouse(64, 10, 5);
    t.mouse(0, 10, 1);
    t.wait_for("the story in the reader", |s| s.contains("said Mayor Annika Berg"));
    t.send("q");
    t.wait_for("the list again", |s| s.contains("3 stories"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}
