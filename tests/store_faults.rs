//! A full disk and a read-only data folder, reproduced on a small tmpfs of
//! their own. Mounting needs privileges: without them these tests say so
//! and skip.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::Command as Bin;
use sayso::store::{Anchor, Fault, NewArticle, NewNote, Store, StoreError};
use sayso_nlp::Span;

/// A tmpfs mounted over a temporary folder, unmounted when dropped. The
/// tests take turns: a process forked by one test holds, until it execs,
/// copies of every file the others have open, which can keep a freed file's
/// space in use or make a remount busy.
struct Tmpfs {
    dir: tempfile::TempDir,
    _turn: std::sync::MutexGuard<'static, ()>,
}

static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Tmpfs {
    fn mount(options: &str) -> Option<Self> {
        let turn = TURN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let dir = tempfile::tempdir().expect("temp dir");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipping: this test needs permission to mount a small tmpfs");
            return None;
        }
        Some(Self { dir, _turn: turn })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fill the file system holding `dir` to the last byte.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write as _;
    let filler = dir.join("filler");
    let mut f = std::fs::File::create(&filler).expect("filler");
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    let _ = f.sync_all();
    filler
}

fn article(store: &Store, n: usize) -> Result<(), StoreError> {
    let source = format!("/articles/{n}.txt");
    let text = format!("Story {n}\n\n{}", "The council met on Tuesday and talked for hours. ".repeat(40));
    let id =
        store.save_article(&NewArticle { source: Some(&source), text: &text, ..NewArticle::default() })?;
    let note = NewNote {
        anchor: Anchor::new(&text, Span::new(0, 7)),
        highlight: true,
        body: "my own words, kept".to_owned(),
        tags: vec!["council".to_owned()],
    };
    store.add_note(&id, &note).map(|_| ())
}

#[test]
fn a_full_disk_says_disk_full_once_and_recovers_when_space_is_freed() {
    let Some(fs) = Tmpfs::mount("size=1m") else { return };
    let path = fs.path().join("sayso/library.db");
    {
        let store = Store::open(&path).expect("created");
        article(&store, 0).expect("saved while there is space");
    }
    let filler = fill(fs.path());
    let err = match Store::open(&path) {
        Err(e) => e,
        Ok(store) => {
            (0..50).find_map(|n| article(&store, n + 1).err()).expect("a write fails on a full disk")
        }
    };
    assert_eq!(err.fault(), Fault::DiskFull, "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with("disk full: "), "{message}");
    assert!(message.contains("library.db"), "{message}");
    assert!(!message.contains("I/O error") && !message.contains("Error code"), "{message}");
    std::fs::remove_file(filler).expect("free space");
    let store = Store::open(&path).expect("opens again");
    article(&store, 99).expect("writes again");
}

#[test]
fn a_read_only_data_folder_names_the_folder_and_the_reason() {
    let Some(fs) = Tmpfs::mount("size=1m") else { return };
    let path = fs.path().join("sayso/library.db");
    {
        let store = Store::open(&path).expect("created");
        article(&store, 0).expect("saved");
    }
    fs.remount("ro");
    let err = Store::open(&path).expect_err("read-only");
    assert_eq!(err.fault(), Fault::ReadOnly, "{err:?}");
    let message = err.to_string();
    assert!(message.starts_with(&format!("read-only: {}", fs.path().join("sayso").display())), "{message}");
    assert!(message.contains("read-only file system"), "{message}");
    assert!(!message.contains("unable to open database file"), "{message}");
    // A folder that does not exist yet and cannot be made.
    let err = Store::open(&fs.path().join("elsewhere/library.db")).expect_err("cannot create");
    assert_eq!(err.fault(), Fault::ReadOnly, "{err:?}");
    assert!(err.to_string().contains("elsewhere"), "{err}");
    fs.remount("rw");
}

#[test]
fn the_command_line_reports_a_read_only_folder_once() {
    let Some(fs) = Tmpfs::mount("size=1m,ro") else { return };
    let articles = tempfile::tempdir().expect("temp");
    std::fs::write(articles.path().join("a.txt"), "Vote delayed\n\nThe mayor said the vote will wait.\n")
        .expect("write");
    let out = Bin::cargo_bin("sayso")
        .expect("binary")
        .env("XDG_DATA_HOME", fs.path())
        .env("XDG_CONFIG_HOME", articles.path().join("config"))
        .args(["library", "add"])
        .arg(articles.path())
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("read-only:").count(), 1, "{stderr}");
    assert!(stderr.contains(&fs.path().display().to_string()), "{stderr}");
    assert!(!stderr.contains("Error code"), "{stderr}");
}
