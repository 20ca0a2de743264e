//! Taking over the terminal and always giving it back: on drop, on panic,
//! and (through the event loop) on SIGTERM and SIGHUP.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Once;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// The terminal as the reader draws on it.
pub type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Holds the terminal in raw mode on the alternate screen with the mouse
/// captured; puts everything back when dropped.
pub struct Guard {
    /// The terminal to draw on.
    pub screen: Screen,
}

impl Guard {
    /// Take over the terminal.
    ///
    /// # Errors
    /// When the terminal cannot be set up (it is restored first).
    pub fn new() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let setup = (|| {
            execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
            Terminal::new(CrosstermBackend::new(BufWriter::new(io::stdout())))
        })();
        match setup {
            Ok(screen) => Ok(Self { screen }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.screen.backend_mut().flush();
        restore();
    }
}

/// Put the terminal back as it was; safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// On panic, restore the terminal before the message is printed, then let
/// the previous hook print it.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
