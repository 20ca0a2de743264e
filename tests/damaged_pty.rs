//! A notes database that cannot be used, in a real pseudo-terminal: the
//! reader says why once and keeps running; words typed for a note that
//! could not open never run as commands; `L` opens the library view, which
//! says it cannot read the library, instead of ending the program.

mod common;

use std::ffi::OsStr;
use std::time::Duration;

use common::pty::Pty;

#[test]
fn a_damaged_library_never_ends_the_reader_nor_turns_typing_into_commands() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let folder = data.path().join("sayso");
    std::fs::create_dir_all(&folder).expect("folder");
    let garbage = b"this is not a database, just bytes that happen to sit here".repeat(200);
    std::fs::write(folder.join("library.db"), &garbage).expect("a damaged library");
    let env = [
        ("XDG_CONFIG_HOME", OsStr::new("/nonexistent-sayso-test")),
        ("XDG_DATA_HOME", data.path().as_os_str()),
    ];
    let mut t = Pty::spawn(env!("CARGO_BIN_EXE_sayso"), &[], (100, 30), &env, Duration::from_secs(10));
    t.wait_for("the sample", |s| s.contains("Speakers · 7"));
    t.send("]a");
    t.wait_for("a notice instead of the editor", |s| s.contains("Notes are off"));
    // Meant for the note: q would quit, L would leave, G would scroll.
    t.send("Look at this quote, G");
    t.settle();
    assert!(t.text().contains("Notes are off"), "{}", t.text());
    t.send("\x1b");
    t.wait_for("the notice closed", |s| !s.contains("Notes are off"));
    t.send("L");
    t.wait_for("the library view, saying why", |s| s.contains("The library could not be read: "));
    assert!(!t.text().contains("The library is empty"), "{}", t.text());
    // The library view took the reader's place, as L does; q leaves it, with 0.
    t.send("q");
    assert_eq!(t.exit_code(), 0);
    t.assert_restored();
    assert_eq!(std::fs::read(folder.join("library.db")).expect("still there"), garbage, "left untouched");
}
