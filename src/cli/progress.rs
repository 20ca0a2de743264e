//! Progress of a long job on standard error: count, rate and time left,
//! redrawn in place at most ten times a second. Nothing at all when
//! standard error is not a terminal (a pipe, a log file, CI).

use std::io::{IsTerminal as _, Write as _};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How often the line is redrawn at most.
const EVERY: Duration = Duration::from_millis(100);

/// A count of `total` things done, shown while it runs.
pub struct Progress {
    what: &'static str,
    total: usize,
    done: AtomicUsize,
    started: Instant,
    /// When the line was last drawn; `None` inside when not shown at all.
    drawn: Option<Mutex<Instant>>,
}

impl Progress {
    /// Start counting `total` `what`s (shown only on a terminal).
    #[must_use]
    pub fn new(what: &'static str, total: usize) -> Self {
        let shown = std::io::stderr().is_terminal() && total > 1;
        let started = Instant::now();
        let drawn = shown.then(|| Mutex::new(started.checked_sub(EVERY).unwrap_or(started)));
        Self { what, total, done: AtomicUsize::new(0), started, drawn }
    }

    /// One more done; redraw the line when it is time.
    pub fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Some(drawn) = &self.drawn else { return };
        let Ok(mut last) = drawn.lock() else { return };
        if last.elapsed() < EVERY && done < self.total {
            return;
        }
        *last = Instant::now();
        let line = line(self.what, done, self.total, self.started.elapsed());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }

    /// Clear the line, so the summary that follows starts clean.
    pub fn finish(&self) {
        if self.drawn.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// `sayso: 120/840 files · 35.2/s · 20 s left`
fn line(what: &str, done: usize, total: usize, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let rate = done as f64 / secs;
    let left = total.saturating_sub(done);
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let eta = if rate > 0.0 { (left as f64 / rate).ceil() as u64 } else { 0 };
    let eta = match eta {
        0 => String::new(),
        s if s < 120 => format!(" · {s} s left"),
        s => format!(" · {} min left", s.div_ceil(60)),
    };
    format!("sayso: {done}/{total} {what} · {rate:.1}/s{eta}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_counts_rates_and_says_what_is_left() {
        assert_eq!(line("files", 10, 40, Duration::from_secs(2)), "sayso: 10/40 files · 5.0/s · 6 s left");
        assert_eq!(line("files", 40, 40, Duration::from_secs(4)), "sayso: 40/40 files · 10.0/s");
        assert_eq!(
            line("articles", 1, 841, Duration::from_secs(1)),
            "sayso: 1/841 articles · 1.0/s · 14 min left"
        );
    }
}
