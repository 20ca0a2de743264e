//! A program in a real pseudo-terminal, read back through a terminal emulator.

#![allow(dead_code, reason = "each test crate uses only part of the harness")]

use std::ffi::OsStr;
use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::session::OsSession;
use ptyprocess::{Signal, WaitStatus};

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a size of at least 1")
}

pub struct Pty {
    pub session: OsSession,
    pub screen: vt100::Parser,
    /// A temporary folder the program keeps its data in while it runs.
    pub home: Option<tempfile::TempDir>,
    /// How long to wait for the screen to show something before failing.
    patience: Duration,
}

impl Pty {
    /// Start `program` with `args` and `env` in a terminal of `cols`×`rows`.
    pub fn spawn(
        program: &str,
        args: &[&str],
        (cols, rows): (u16, u16),
        env: &[(&str, &OsStr)],
        patience: Duration,
    ) -> Self {
        let mut cmd = Command::new("sh");
        // Size the terminal before the program starts, so the first frame has it.
        cmd.arg("-c").arg(format!("stty cols {cols} rows {rows} && exec \"$0\" \"$@\""));
        cmd.arg(program).args(args);
        cmd.env("TERM", "xterm-256color").envs(env.iter().copied());
        let mut session = Session::spawn(cmd).expect("spawn sayso in a pty");
        // The pty's own default size may land after `stty` ran: set it once
        // more from here, so the program and the screen model agree.
        session.get_process_mut().set_window_size(cols, rows).expect("size the pty");
        Self { session, screen: vt100::Parser::new(nz(rows), nz(cols), 0), home: None, patience }
    }

    /// Read what the program wrote so far into the emulator; whether there was any.
    pub fn pump(&mut self) -> bool {
        let mut buf = [0u8; 65536];
        let mut any = false;
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return any,
                Ok(n) => {
                    self.screen.process(&buf[..n]);
                    any = true;
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return any,
                Err(_) => return any,
            }
        }
    }

    pub fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Wait until the screen satisfies `ok`.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump();
            if ok(&self.text()) {
                return;
            }
            assert!(start.elapsed() < self.patience, "waited for {what}; the screen shows:\n{}", self.text());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until the screen has stopped changing for a moment.
    pub fn settle(&mut self) {
        let mut quiet = Instant::now();
        let start = Instant::now();
        while quiet.elapsed() < Duration::from_millis(150) && start.elapsed() < self.patience {
            if self.pump() {
                quiet = Instant::now();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("write to the pty");
        self.session.flush().expect("flush the pty");
    }

    /// A mouse event as an SGR report: `button` at 0-based `col`, `row`.
    pub fn mouse(&mut self, button: u8, col: u16, row: u16) {
        self.send(&format!("\x1b[<{button};{};{}M", col + 1, row + 1));
    }

    /// Whether the row is drawn with a background (the selected row).
    pub fn highlighted(&self, row: u16) -> bool {
        self.screen.screen().cell(row, 5).is_some_and(|c| c.bgcolor() != vt100::Color::Default)
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.session.get_process_mut().set_window_size(cols, rows).expect("resize the pty");
        self.screen.screen_mut().set_size(nz(rows), nz(cols));
    }

    pub fn signal(&mut self, signal: Signal) {
        self.session.get_process_mut().signal(signal).expect("send the signal");
    }

    /// Wait for the program to exit; its exit code.
    pub fn exit_code(&mut self) -> i32 {
        let start = Instant::now();
        loop {
            self.pump();
            match self.session.get_process().status().expect("process status") {
                WaitStatus::Exited(_, code) => {
                    self.pump();
                    return code;
                }
                WaitStatus::StillAlive => {}
                other => panic!("sayso ended with {other:?}"),
            }
            assert!(
                start.elapsed() < self.patience,
                "sayso did not exit; the screen shows:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal is as it was: main screen, cursor shown, mouse released.
    pub fn assert_restored(&mut self) {
        self.pump();
        let s = self.screen.screen();
        assert!(!s.alternate_screen(), "left on the alternate screen");
        assert!(!s.hide_cursor(), "cursor left hidden");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse left captured");
    }
}
