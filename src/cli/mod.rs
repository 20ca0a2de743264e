//! The command line: argument parsing and the headless subcommands.

mod annotate;
mod export;
mod feed;
mod input;
mod library;
mod parse;
mod progress;
mod speakers;

use std::path::PathBuf;
use std::process::ExitCode;

use std::io::IsTerminal;

use clap::{CommandFactory as _, Parser, Subcommand, ValueEnum};
use sayso::app::screen::{self, Reading};
use sayso::config::{self, Config};
use sayso::ingest::{Source, fetch};
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
    /// Print a completion script for your shell.
    ///
    /// bash: `sayso completions bash > ~/.local/share/bash-completion/completions/sayso`;
    /// zsh: `sayso completions zsh > ~/.zfunc/_sayso` (with ~/.zfunc in $fpath);
    /// fish: `sayso completions fish > ~/.config/fish/completions/sayso.fish`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `sayso man | man -l -`.
    Man,
}

impl Command {
    /// The subcommand's name, as typed.
    fn name(&self) -> &'static str {
        match self {
            Self::Annotate(_) => "annotate",
            Self::Parse(_) => "parse",
            Self::Feed(_) => "feed",
            Self::Config => "config",
            Self::Export(_) => "export",
            Self::Library(_) => "library",
            Self::Speakers(_) => "speakers",
            Self::Completions { .. } => "completions",
            Self::Man => "man",
        }
    }

    /// Whether the subcommand reads the configuration (keys, colours,
    /// layout): only those that open a screen, and `config` itself.
    const fn uses_config(&self) -> bool {
        matches!(self, Self::Feed(_) | Self::Library(_) | Self::Speakers(_) | Self::Config)
    }
}

/// How a subcommand prints its result (each subcommand's `--format` help
/// says what each looks like there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// JSON.
    #[default]
    Json,
    /// Readable text.
    Text,
}

/// Parse the arguments and run; errors are printed as `sayso: ...`.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = run_command(cli);
    match result {
        Ok(code) => code,
        // A reader that stopped reading (`sayso config | head -1`) is not an error.
        Err(err) if is_closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sayso: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// True when the error is standard output closed by its reader.
fn is_closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run_command(cli: Cli) -> anyhow::Result<ExitCode> {
    if let (Some(command), Some(path)) = (&cli.command, &cli.config)
        && !command.uses_config()
    {
        anyhow::bail!(
            "--config {} is not used by `sayso {}`: only the screens (the reader, feed, library, \
             speakers) and `sayso config` read settings",
            path.display(),
            command.name()
        );
    }
    if cli.command.is_none()
        && let Some(input) = &cli.input
        && let Some(near) = mistyped_command(input)
    {
        anyhow::bail!(
            "`{}` is neither a file nor a command; did you mean `sayso {near}`? (`sayso --help` lists them)",
            input.display()
        );
    }
    match cli.command {
        Some(Command::Annotate(args)) => annotate::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Parse(args)) => parse::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Config) => print_config(cli.config.as_deref()).map(|()| ExitCode::SUCCESS),
        Some(Command::Completions { shell }) => {
            print_generated(|out| clap_complete::generate(shell, &mut Cli::command(), "sayso", out))
        }
        Some(Command::Man) => print_generated(|out| {
            let _ = clap_mangen::Man::new(Cli::command()).render(out);
        }),
        Some(Command::Export(args)) => export::run(&args).map(|()| ExitCode::SUCCESS),
        Some(Command::Feed(args)) => feed::run(&args, cli.config.as_deref()),
        Some(Command::Library(args)) => library::run(&args, cli.config.as_deref()),
        Some(Command::Speakers(args)) => speakers::run(&args, cli.config.as_deref()),
        None => read(&cli),
    }
}

/// Write what `write` makes to standard output; a closed pipe ends quietly.
fn print_generated(write: impl FnOnce(&mut Vec<u8>)) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let mut bytes = Vec::new();
    write(&mut bytes);
    let mut out = std::io::stdout().lock();
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The command `word` is a near miss of, when it is not a file: one or two
/// letters off (`librray`, `speaker`, `anotate`).
fn mistyped_command(word: &std::path::Path) -> Option<String> {
    if word.exists() {
        return None;
    }
    let word = word.to_str()?;
    if word.contains(['/', '.', ':']) || word == "-" {
        return None;
    }
    let cli = Cli::command();
    let names = cli.get_subcommands().map(|c| c.get_name().to_owned());
    names
        .map(|name| (edit_distance(&word.to_lowercase(), &name), name))
        .filter(|(d, name)| *d <= 2.min(name.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Levenshtein distance between two short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
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
    let options = tui::Options { exit_after_first_frame: cli.exit_after_first_frame };
    let source = cli.input.as_deref().map(Source::parse).transpose()?;
    let reading = match source {
        // Fetched behind the reader's spinner.
        Some(Source::Url(url)) => Reading {
            origin: fetch::short_name(&url),
            bytes: 0,
            source: screen::Source::Url(url),
            start_at: None,
        },
        Some(source) => Reading::article(input::read_source(&source, true)?),
        None => Reading::article(input::sample()),
    };
    let code = tui::run(tui::Start::Read(Box::new(reading)), config, options)?;
    Ok(ExitCode::from(code))
}

/// `sayso config`: the documented defaults, after where the user's file is
/// (with --config, that file, checked first).
fn print_config(given: Option<&std::path::Path>) -> anyhow::Result<()> {
    use std::io::Write as _;
    if given.is_some() {
        Config::load(given)?;
    }
    let mut out = std::io::stdout().lock();
    match given.map(std::path::Path::to_path_buf).or_else(config::user_path) {
        Some(p) => writeln!(out, "# Your file: {}\n", p.display())?,
        None => writeln!(out, "# No configuration folder was found on this system.\n")?,
    }
    out.write_all(config::DEFAULT.as_bytes())?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_commands_are_named() {
        let near = |w: &str| mistyped_command(std::path::Path::new(w));
        assert_eq!(near("librray").as_deref(), Some("library"));
        assert_eq!(near("speaker").as_deref(), Some("speakers"));
        assert_eq!(near("anotate").as_deref(), Some("annotate"));
        assert_eq!(near("feeds").as_deref(), Some("feed"));
        // Files, addresses and unrelated words are read as articles.
        assert_eq!(near("story.txt"), None);
        assert_eq!(near("https://example.org"), None);
        assert_eq!(near("harbour"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
