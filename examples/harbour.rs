//! The reader on a small made-up article annotated by hand, with speakers,
//! quotes and entities: `cargo run --example harbour`.

use std::process::ExitCode;

use sayso::app::screen::{Reading, Source};
use sayso::config::Config;
use sayso::{fixture, tui};

fn main() -> ExitCode {
    let result = Config::load(None).map_err(anyhow::Error::from).and_then(|config| {
        let doc = fixture::document();
        let reading = Reading {
            origin: doc.origin.clone(),
            bytes: doc.text.len(),
            source: Source::Document(Box::new(doc)),
            start_at: None,
        };
        tui::run(tui::Start::Read(Box::new(reading)), config, tui::Options::default())
    });
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("harbour: {err:#}");
            ExitCode::FAILURE
        }
    }
}
