//! The reader on a small made-up article annotated by hand, with speakers,
//! quotes and entities: `cargo run --example harbour`.

use std::process::ExitCode;

use sayso::config::Config;
use sayso::{fixture, tui};

fn main() -> ExitCode {
    let result = Config::load(None).map_err(anyhow::Error::from).and_then(|config| {
        let doc = fixture::document();
        let (origin, bytes) = (doc.origin.clone(), doc.text.len());
        tui::run_with(origin, bytes, config, tui::Options::default(), move || doc).map(tui::Ending::code)
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("harbour: {err:#}");
            ExitCode::FAILURE
        }
    }
}
