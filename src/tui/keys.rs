//! Terminal events read on a thread of their own, so that a screen's loop
//! can always wait with a timeout. Reading a terminal that has gone away
//! (a closed window) can block for good; the loop must still see the
//! SIGHUP that comes with it and end.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

/// How often the thread looks at its stop flag while no event comes.
const POLL: Duration = Duration::from_millis(50);
/// How long `stop` waits for the thread before leaving it behind.
const STOP_WAIT: Duration = Duration::from_millis(300);

/// The event-reading thread and its channel.
pub struct Keys {
    rx: Receiver<Event>,
    reader: Reader,
}

/// The thread that reads terminal events into a channel.
pub struct Reader {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Keys {
    /// Start reading terminal events.
    #[must_use]
    pub fn start() -> Self {
        let (tx, rx) = mpsc::channel();
        Self { rx, reader: Reader::forward(tx, |ev| ev) }
    }

    /// The next event, waiting at most `timeout`; `Err` when the terminal
    /// can no longer be read.
    pub fn next(&self, timeout: Duration) -> Result<Option<Event>, ()> {
        match self.rx.recv_timeout(timeout) {
            Ok(ev) => Ok(Some(ev)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(()),
        }
    }

    /// Stop reading, so that another screen can take the keys.
    pub fn stop(self) {
        self.reader.stop();
    }
}

impl Reader {
    /// Send each terminal event, wrapped by `wrap`, to `tx`.
    #[must_use]
    pub fn forward<T: Send + 'static>(tx: mpsc::Sender<T>, wrap: fn(Event) -> T) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                match event::poll(POLL) {
                    Ok(false) => {}
                    Ok(true) => {
                        let Ok(ev) = event::read() else { break };
                        if tx.send(wrap(ev)).is_err() {
                            break;
                        }
                    }
                    Err(_) => break,
                }
            }
        });
        Self { stop, thread: Some(thread) }
    }

    /// Stop reading, so that another screen can take the keys. A thread
    /// stuck on a terminal that has gone away is left behind; it ends with
    /// the process.
    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let Some(thread) = self.thread.take() else { return };
        let start = Instant::now();
        while !thread.is_finished() && start.elapsed() < STOP_WAIT {
            thread::sleep(Duration::from_millis(5));
        }
        if thread.is_finished() {
            let _ = thread.join();
        }
    }
}
