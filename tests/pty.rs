//! The reader in a real pseudo-terminal, read back through a terminal
//! emulator: it draws, resizes, quits with 0, and leaves the terminal as it
//! found it, also when killed by SIGTERM or SIGHUP.

mod common;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::pty::Pty;
use ptyprocess::Signal;

/// How long to wait for the screen to show something before failing.
const PATIENCE: Duration = Duration::from_secs(10);

impl Pty {
    /// Start sayso with `args` in a terminal of `cols`×`rows`.
    fn open(cols: u16, rows: u16, args: &[&str]) -> Self {
        Self::run(env!("CARGO_BIN_EXE_sayso"), cols, rows, args)
    }

    /// Start `program` with `args` in a terminal of `cols`×`rows`, its library
    /// in a folder apart from the user's own.
    fn run(program: &str, cols: u16, rows: u16, args: &[&str]) -> Self {
        let data = tempfile::tempdir().expect("a temporary folder");
        let mut t = Self::run_in(program, data.path(), cols, rows, args);
        t.home = Some(data);
        t
    }

    /// Start `program` with its library in `data` (as XDG_DATA_HOME).
    fn run_in(program: &str, data: &Path, cols: u16, rows: u16, args: &[&str]) -> Self {
        let env =
            [("XDG_CONFIG_HOME", OsStr::new("/nonexistent-sayso-test")), ("XDG_DATA_HOME", data.as_os_str())];
        Self::spawn(program, args, (cols, rows), &env, PATIENCE)
    }
}

#[test]
fn opens_scrolls_resizes_and_quits_cleanly() {
    let mut t = Pty::open(100, 20, &[]);
    t.wait_for("the sample", |s| s.contains("No ceasefire deal") && s.contains("Article"));
    assert!(t.screen.screen().alternate_screen());
    t.send("G");
    t.wait_for("the last paragraph", |s| s.contains("inviting Putin"));
    t.send("?");
    t.wait_for("the help", |s| s.contains("Keys") && s.contains("scroll down"));
    t.send("?");
    t.wait_for("the help to close", |s| !s.contains("scroll down"));
    t.resize(20, 5);
    t.settle();
    t.resize(1, 1);
    t.settle();
    t.resize(100, 20);
    t.wait_for("the article again", |s| s.contains("Article") && s.contains("inviting Putin"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [(Signal::SIGTERM, 143), (Signal::SIGHUP, 129)] {
        let mut t = Pty::open(80, 24, &[]);
        t.wait_for("the sample", |s| s.contains("No ceasefire deal"));
        t.signal(signal);
        assert_eq!(t.exit_code(), code, "{signal:?}");
        t.assert_restored();
    }
}

/// The `harbour` example: the reader on a hand-annotated article. Cargo
/// builds examples for `cargo test`, next to this test's own folder.
fn harbour_example() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let path = exe.parent()?.parent()?.join("examples").join("harbour");
    path.is_file().then(|| path.display().to_string())
}

#[test]
fn tab_enter_and_n_walk_a_speakers_quotes() {
    let Some(program) = harbour_example() else {
        eprintln!("skipped: the harbour example is not built (cargo test builds it)");
        return;
    };
    let mut t = Pty::run(&program, 60, 16, &[]);
    t.wait_for("the article", |s| s.contains("Harbour town votes"));
    t.send("\t");
    t.wait_for("the Speakers pane focused", |s| s.contains("SPEAKERS"));
    t.send("\r");
    t.wait_for("Elena Ortiz's first quote", |s| s.contains("quote 1/4") && s.contains("called: “a promise"));
    let mut presses = 0;
    while !t.text().contains("quote 4/4") {
        let before = t.text();
        t.send("n");
        presses += 1;
        assert!(presses <= 5, "n never reached the last quote");
        t.wait_for("n to move", |s| s != before);
    }
    t.wait_for("the last quote in view", |s| s.contains("storms we had"));
    t.resize(20, 5);
    t.settle();
    t.resize(60, 16);
    t.wait_for("the last quote again", |s| s.contains("storms we had"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn tab_enter_and_n_reach_kupchans_last_quote() {
    let mut t = Pty::open(100, 20, &[]);
    t.wait_for("the sample", |s| s.contains("No ceasefire deal"));
    t.send("\t");
    t.wait_for("the Speakers pane focused", |s| s.contains("SPEAKERS"));
    t.send("\r");
    t.wait_for("the Georgetown paragraph", |s| s.contains("Georgetown"));
    let mut presses = 0;
    while !t.text().contains("gambling") {
        let before = t.text();
        t.send("n");
        presses += 1;
        assert!(presses <= 40, "n never reached “gambling”");
        t.wait_for("n to move", |s| s != before || s.contains("gambling"));
        t.settle();
    }
    t.resize(20, 5);
    t.settle();
    t.resize(100, 20);
    t.wait_for("the last quote again", |s| s.contains("gambling"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn a_note_written_in_the_reader_is_in_the_export() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut t = Pty::run_in(env!("CARGO_BIN_EXE_sayso"), data.path(), 100, 24, &[]);
    t.wait_for("the sample", |s| s.contains("No ceasefire deal"));
    t.send("\t");
    t.wait_for("the Speakers pane focused", |s| s.contains("SPEAKERS"));
    t.send("\r");
    t.wait_for("Kupchan's first quote", |s| s.contains("quote 1/"));
    t.send("a");
    t.wait_for("the note editor", |s| s.contains("Ctrl-S save"));
    t.send("Ask Kupchan about the price of failure");
    t.wait_for("the words typed", |s| s.contains("price of failure"));
    t.send("\x13"); // Ctrl-S
    t.wait_for("the note saved", |s| s.contains("note saved"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();

    let out = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["export", "--all", "--format", "md"])
        .env("XDG_DATA_HOME", data.path())
        .env("XDG_CONFIG_HOME", "/nonexistent-sayso-test")
        .output()
        .expect("sayso export runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("Ask Kupchan about the price of failure"), "{md}");
    assert!(md.contains("Kupchan"), "{md}");
    assert!(md.lines().any(|l| l.starts_with("> ")), "{md}");

    // And the note is back when the article opens again.
    let mut t = Pty::run_in(env!("CARGO_BIN_EXE_sayso"), data.path(), 100, 24, &[]);
    // It opens where the reader left off, and says so.
    t.wait_for("the sample, resumed", |s| s.contains("Speakers · 7") && s.contains("resumed at"));
    t.send("m");
    t.wait_for("the note in the Notes pane", |s| s.contains("Notes · 1") && s.contains("Ask Kupchan"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
}

/// A library in `data` holding two short articles in which Annika Berg speaks.
fn library_of_two(data: &std::path::Path) {
    let files = tempfile::tempdir().expect("a temporary folder");
    let ferry = files.path().join("ferry.txt");
    let council = files.path().join("council.txt");
    std::fs::write(
        &ferry,
        "Ferry fares to rise in April\n\nFerry fares will rise by eight per cent in April, the harbour \
         board said on Tuesday. “We have held prices for three years,” said Annika Berg, the board’s chair.\n",
    )
    .expect("write");
    std::fs::write(
        &council,
        "Council delays harbour vote\n\nThe council delayed its vote on the new pier on Monday. Annika \
         Berg, who chairs the harbour board, said the delay would cost the town money.\n",
    )
    .expect("write");
    let added = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .arg("library")
        .arg("add")
        .args([&ferry, &council])
        .env("XDG_DATA_HOME", data)
        .env("XDG_CONFIG_HOME", "/nonexistent-sayso-test")
        .output()
        .expect("sayso library add runs");
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
}

#[test]
fn the_library_view_lists_articles_and_one_speakers_words_across_them() {
    let data = tempfile::tempdir().expect("a temporary folder");
    library_of_two(data.path());
    let mut t = Pty::run_in(env!("CARGO_BIN_EXE_sayso"), data.path(), 100, 24, &["library"]);
    t.wait_for("both articles", |s| s.contains("Ferry fares to rise") && s.contains("Council delays"));
    t.send("\t");
    t.wait_for("the speaker index", |s| s.contains("Annika Berg"));
    t.send("\r");
    t.wait_for("her words from both articles", |s| {
        s.contains("We have held prices") && s.contains("the delay would cost the town money")
    });
    // Articles are listed in the order the library took them in, which a
    // parallel import does not fix: open whichever is second.
    let listed = t.text();
    let (ferry_at, council_at) =
        (listed.find("We have held prices"), listed.find("the delay would cost the town money"));
    let second = if ferry_at > council_at { "Ferry fares to rise" } else { "Council delays harbour vote" };
    t.send("j");
    t.settle();
    t.send("\r");
    t.wait_for("the second article with her quote current", |s| {
        s.contains("ARTICLE") && s.contains("quote 1/1") && s.contains(second)
    });
    t.send("q");
    t.wait_for("the list again", |s| s.contains("2 attributions in 2 articles") && !s.contains("ARTICLE"));
    t.send("q");
    t.settle();
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}

#[test]
fn the_library_view_takes_the_mouse() {
    let data = tempfile::tempdir().expect("a temporary folder");
    library_of_two(data.path());
    let mut t = Pty::run_in(env!("CARGO_BIN_EXE_sayso"), data.path(), 100, 24, &["library"]);
    t.wait_for("both articles", |s| s.contains("Ferry fares to rise") && s.contains("Council delays"));
    let row_of = |t: &Pty, title: &str| -> u16 {
        let rows = t.text();
        let at = rows.lines().position(|l| l.contains(title)).expect("the title is on screen");
        u16::try_from(at).expect("a screen row")
    };
    let (ferry, council) = (row_of(&t, "Ferry fares to rise"), row_of(&t, "Council delays"));
    let (first, second) = (ferry.min(council), ferry.max(council));
    assert!(t.highlighted(first) && !t.highlighted(second), "the first article starts selected");
    // A click selects the row under the pointer; the wheel moves the selection.
    t.mouse(0, 20, second);
    t.settle();
    assert!(t.highlighted(second) && !t.highlighted(first), "a click selects:\n{}", t.text());
    t.mouse(64, 20, second);
    t.settle();
    assert!(t.highlighted(first), "the wheel moves up:\n{}", t.text());
    // A click on the border or the header row does nothing.
    t.mouse(0, 20, 0);
    t.mouse(0, 20, first - 1);
    t.settle();
    assert!(t.highlighted(first) && !t.text().contains("ARTICLE"), "{}", t.text());
    // A click on the selected row opens it.
    let title = if ferry == first { "Ferry fares to rise" } else { "Council delays harbour vote" };
    t.mouse(0, 20, first);
    t.wait_for("the article in the reader", |s| s.contains("ARTICLE") && s.contains(title));
    t.send("q");
    t.wait_for("the list again", |s| s.contains("Ferry fares to rise") && !s.contains("ARTICLE"));
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
}
