//! `sayso feed`: read a feed or the followed ones, list them headless, and
//! follow or unfollow feeds.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use sayso::config::Config;
use sayso::ingest::feed::{self, Feed};
use sayso::ingest::feeds_file::{self, Feeds};
use sayso::ingest::{Fetcher, Source};
use sayso::tui;

use super::Format;

/// Arguments of `sayso feed`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,

    /// The feed: an http(s) URL, a file, or `-` for standard input. Without
    /// it, every followed feed.
    source: Option<PathBuf>,

    /// Print the stories instead of opening the list.
    #[arg(long)]
    list: bool,

    /// With --list: `text` (default) or `json` (one feed object, or
    /// {"feeds": [...]} for the followed feeds). A story whose link is
    /// already in the library is marked read (`"read": true`).
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Follow a feed (remembered in feeds.toml in sayso's data folder).
    Add {
        /// Its URL or path.
        source: String,
    },
    /// List the followed feeds.
    Ls,
    /// Stop following a feed.
    Rm {
        /// Its URL or path, as `sayso feed ls` shows it.
        source: String,
    },
}

/// Run `sayso feed`.
pub fn run(args: &Args, config: Option<&Path>) -> Result<ExitCode> {
    match &args.action {
        Some(Action::Add { source }) => add(source),
        Some(Action::Ls) => ls(),
        Some(Action::Rm { source }) => rm(source),
        None => return read(args, config),
    }
    .map(|()| ExitCode::SUCCESS)
}

fn feeds_path() -> Result<PathBuf> {
    feeds_file::default_path().context("no data folder was found on this system to keep the feed list in")
}

fn add(source: &str) -> Result<()> {
    let stored = match Source::parse(Path::new(source))? {
        Source::Url(url) => url,
        Source::File(path) => std::path::absolute(&path)
            .with_context(|| format!("could not resolve {}", path.display()))?
            .display()
            .to_string(),
        Source::Stdin => bail!("standard input cannot be followed; give a URL or a file"),
    };
    let path = feeds_path()?;
    let mut feeds = Feeds::load(&path)?;
    if feeds.add(&stored) {
        feeds.save(&path)?;
        eprintln!("sayso: following {stored}");
    } else {
        eprintln!("sayso: already following {stored}");
    }
    Ok(())
}

fn ls() -> Result<()> {
    let feeds = Feeds::load(&feeds_path()?)?;
    if feeds.feeds.is_empty() {
        eprintln!("sayso: no feeds followed yet; add one with `sayso feed add URL`");
    }
    let mut out = std::io::stdout().lock();
    for f in &feeds.feeds {
        writeln!(out, "{}", sayso_nlp::text::sanitize(f))?;
    }
    Ok(())
}

fn rm(source: &str) -> Result<()> {
    let path = feeds_path()?;
    let mut feeds = Feeds::load(&path)?;
    if !feeds.remove(source) {
        bail!("{source} is not followed (see `sayso feed ls`)");
    }
    feeds.save(&path)?;
    eprintln!("sayso: no longer following {source}");
    Ok(())
}

/// The sources to read: the one given, or every followed feed.
fn sources(args: &Args) -> Result<Vec<Source>> {
    if let Some(source) = &args.source {
        return Ok(vec![Source::parse(source)?]);
    }
    let feeds = Feeds::load(&feeds_path()?)?;
    if feeds.feeds.is_empty() {
        bail!("no feed given and none followed: try `sayso feed URL` or `sayso feed add URL`");
    }
    feeds.feeds.iter().map(|f| Ok(Source::parse(Path::new(f))?)).collect()
}

/// Read every source; with several, a failing one is reported and skipped.
fn load(sources: &[Source], fetcher: &Fetcher, verbose: bool) -> Result<Vec<Feed>> {
    let mut feeds = Vec::new();
    for source in sources {
        if verbose && let Source::Url(url) = source {
            eprintln!("sayso: fetching {}…", sayso_nlp::text::sanitize(url));
        }
        match feed::load(source, fetcher) {
            Ok(f) => feeds.push(f),
            Err(e) if sources.len() == 1 => return Err(e.into()),
            Err(e) => eprintln!("sayso: skipped: {e}"),
        }
    }
    if feeds.is_empty() {
        bail!("none of the followed feeds could be read");
    }
    Ok(feeds)
}

fn read(args: &Args, config: Option<&Path>) -> Result<ExitCode> {
    let config = Config::load(config)?;
    let sources = sources(args)?;
    let fetcher = Fetcher::from_env();
    let feeds = load(&sources, &fetcher, true)?;
    if args.list || !std::io::stdout().is_terminal() {
        let read = library_read(&feeds);
        return print(&feeds, &read, args.format.unwrap_or(Format::Text), args.source.is_some())
            .map(|()| ExitCode::SUCCESS);
    }
    let reload: tui::Reload = std::sync::Arc::new(move || {
        let mut feeds = Vec::new();
        for source in &sources {
            feeds.push(feed::load(source, &fetcher).map_err(|e| e.to_string())?);
        }
        Ok(feeds)
    });
    let code = tui::run(tui::Start::Feed(feeds, reload), config, tui::Options::default())?;
    Ok(ExitCode::from(code))
}

/// Links of the stories already in the library. A library that cannot be
/// read is reported and the list goes on without read marks.
fn library_read(feeds: &[Feed]) -> HashSet<String> {
    sayso::store::kept_links(feeds.iter().flat_map(|f| &f.items).filter_map(|s| s.link.as_deref()))
        .unwrap_or_else(|e| {
            eprintln!("sayso: stories are not marked read: {e}");
            HashSet::new()
        })
}

fn is_read(story: &feed::Story, read: &HashSet<String>) -> bool {
    story.link.as_deref().is_some_and(|l| read.contains(l))
}

/// A feed as JSON, each story with a `read` field added.
fn feed_json(f: &Feed, read: &HashSet<String>) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(f)?;
    if let Some(items) = value.get_mut("items").and_then(serde_json::Value::as_array_mut) {
        for (item, story) in items.iter_mut().zip(&f.items) {
            if let Some(item) = item.as_object_mut() {
                item.insert("read".to_owned(), is_read(story, read).into());
            }
        }
    }
    Ok(value)
}

fn print(feeds: &[Feed], read: &HashSet<String>, format: Format, single: bool) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            if let (true, [one]) = (single, feeds) {
                serde_json::to_writer(&mut out, &feed_json(one, read)?)?;
            } else {
                let all = feeds.iter().map(|f| feed_json(f, read)).collect::<Result<Vec<_>>>()?;
                serde_json::to_writer(&mut out, &serde_json::json!({ "feeds": all }))?;
            }
            writeln!(out)?;
        }
        Format::Text => {
            for f in feeds {
                writeln!(
                    out,
                    "{} ({}) · {} stories",
                    f.title,
                    sayso_nlp::text::sanitize(&f.source),
                    f.items.len()
                )?;
                for s in &f.items {
                    let full = if s.content_included { "full text in feed" } else { "link only" };
                    let read = if is_read(s, read) { ", read" } else { "" };
                    writeln!(
                        out,
                        "  {}  {}  [{full}{read}]",
                        s.date.as_deref().unwrap_or("                "),
                        s.title
                    )?;
                    if let Some(link) = &s.link {
                        writeln!(out, "                    {}", sayso_nlp::text::sanitize(link))?;
                    }
                }
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("could not write to standard output"),
    }
}
