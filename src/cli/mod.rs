//! The command line: argument parsing and the headless subcommands.

mod annotate;
mod input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// A terminal news reader that shows who said what.
///
/// Run with no arguments to read the bundled sample article.
#[derive(Debug, Parser)]
#[command(name = "sayso", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// An article to open: a text file, or `-` for standard input.
    input: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Annotate an article (or a folder of articles) and print who said what.
    ///
    /// Prints JSON by default: entities, speakers and quotes, with offsets in
    /// Unicode code points into the file's text. With a folder and --out,
    /// every *.txt in the folder is annotated into OUTDIR/<name>.json using
    /// all cores.
    Annotate(annotate::Args),
}

/// How `annotate` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// The annotation JSON (version 1).
    #[default]
    Json,
    /// A readable view: the text with entities marked, then who said what.
    Text,
}

/// Parse the arguments and run; errors are printed as `sayso: ...`.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Annotate(args)) => annotate::run(&args),
        None => annotate::print_default(cli.input.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sayso: {err:#}");
            ExitCode::FAILURE
        }
    }
}
