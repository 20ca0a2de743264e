//! The command line: argument parsing and the headless subcommands.

mod annotate;
mod export;
mod feed;
mod input;
mod library;
mod parse;
mod speakers;

use std::path::PathBuf;
use std::process::ExitCode;

use std::io::IsTerminal;

use clap::{Parser, Subcommand, ValueEnum};
use sayso::config::{self, Config};
use sayso::ingest::{self, Fetcher, Source, fetch};
use sayso::tui;

/// A terminal news reader that shows who said what.
///
/// Run with no arguments to read the bundled sample article, or give a text
/// file to read. When standard output is not a terminal (a pipe, a file, CI),
/// sayso prints the annotation as text instead of opening the reader, so
/// scripts never wait for keys.
#[derive(Debug, Parser)]
#[command(name = "sayso", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// An article to open: a text file, a saved web page (.html), an http or
    /// https URL, or `-` for standard input.
    input: Option<PathBuf>,

    /// Read settings from this file instead of ~/.config/sayso/config.toml
    /// (laid over the defaults that `sayso config` prints).
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Quit as soon as the first frame is drawn (to time start-up).
    #[arg(long, hide = true)]
    exit_after_first_frame: bool,
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
    /// Parse sentences into dependency trees: reads CoNLL-U or plain text,
    /// writes CoNLL-U.
    ///
    /// Input is CoNLL-U when its first non-blank line is a comment (`#`) or
    /// a word line (a number, then a tab); the FORM of every word line is
    /// parsed as given, and comments and multiword-token lines pass
    /// through. Anything else is plain text, split into sentences and words
    /// by sayso. The output has UPOS, XPOS (Penn), HEAD and DEPREL filled in.
    Parse(parse::Args),
    /// Read a feed (RSS, Atom or JSON Feed), or the feeds you follow.
    ///
    /// `sayso feed URL|FILE` opens the feed's stories in a list; Enter opens
    /// one in the reader. `--list` prints them instead. `sayso feed add URL`
    /// follows a feed; `sayso feed` alone then lists every followed feed.
    /// Stories opened are marked read for the session.
    Feed(feed::Args),
    /// Print the default configuration, with comments, and where yours goes.
    Config,
    /// Export an article's who-said-what digest with your highlights and
    /// notes, or the whole library, as Markdown, JSON or CSV.
    Export(export::Args),
    /// List and search the articles kept in the library, or import more
    /// with `sayso library add PATH...`.
    Library(library::Args),
    /// List everyone quoted across the library (one person's mentions
    /// merged), or every attribution of one speaker.
    Speakers(speakers::Args),
}

/// How a subcommand prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// JSON (for `annotate`, the annotation JSON, version 1).
    #[default]
    Json,
    /// Readable text (for `annotate`, the text with entities marked, then who said what).
    Text,
}

/// Parse the arguments and run; errors are printed as `sayso: ...`.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Annotate(args)) => annotate::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Parse(args)) => parse::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Config) => print_config().map(|()| ExitCode::SUCCESS),
        Some(Command::Export(args)) => export::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Feed(args)) => feed::run(&args, cli.config.as_deref()),
        Some(Command::Library(args)) => library::run(&args, cli.config.as_deref()),
        Some(Command::Speakers(args)) => speakers::run(&args, cli.config.as_deref()),
        None => read(&cli),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sayso: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// With no subcommand: open the reader, or print the annotation when
/// standard output is not a terminal.
fn read(cli: &Cli) -> anyhow::Result<ExitCode> {
    // Settings are checked first, so a mistake is reported before the
    // terminal is taken over (and in scripts too).
    let config = Config::load(cli.config.as_deref())?;
    if !std::io::stdout().is_terminal() {
        return annotate::print_default(cli.input.as_deref()).map(|()| ExitCode::SUCCESS);
    }
    let options = tui::Options { exit_after_first_frame: cli.exit_after_first_frame, start_at: None };
    let source = cli.input.as_deref().map(Source::parse).transpose()?;
    if let Some(Source::Url(url)) = source {
        // Fetched on the reader's background thread, behind its spinner.
        let ending = tui::read(fetch::short_name(&url), 0, config.clone(), options, move || {
            ingest::open(&Source::Url(url), &Fetcher::from_env(), &mut |_| {}).map_err(|e| e.to_string())
        })?;
        return then(ending, &config);
    }
    let article = match &source {
        Some(source) => input::read_source(source, true)?,
        None => input::sample(),
    };
    let ending = tui::run(article, config.clone(), options)?;
    then(ending, &config)
}

/// After the reader: the library view when it was asked for (`L`).
fn then(ending: tui::Ending, config: &Config) -> anyhow::Result<ExitCode> {
    if ending != tui::Ending::Library {
        return Ok(ExitCode::from(ending.code()));
    }
    let store = tui::library::existing_store()?;
    let code = tui::library::run(store, config, &tui::library::Start::Articles)?;
    Ok(ExitCode::from(code))
}

fn print_config() -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match config::user_path() {
        Some(p) => writeln!(out, "# Your file: {}\n", p.display())?,
        None => writeln!(out, "# No configuration folder was found on this system.\n")?,
    }
    out.write_all(config::DEFAULT.as_bytes())?;
    Ok(())
}
