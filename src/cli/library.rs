//! `sayso library`: list and search the articles kept in the library, and
//! import text files into it in batch.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use anyhow::{Context, Result, anyhow, bail};
use sayso::app::library::Start;
use sayso::config::Config;
use sayso::store::{ArticleSummary, NewArticle, Store, time};
use sayso::tui;
use sayso_nlp::{Annotation, Annotator};

use super::input;

/// Arguments of `sayso library`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<LibraryCommand>,

    /// Only articles whose title or text holds every word of QUERY
    /// (a word ending in `*` matches as a prefix).
    #[arg(long, short, value_name = "QUERY")]
    search: Option<String>,

    /// Print the list in this format instead of opening the library view
    /// (the list is printed as text anyway when standard output is not a
    /// terminal).
    #[arg(long, value_enum)]
    format: Option<ListFormat>,
}

#[derive(Debug, clap::Subcommand)]
enum LibraryCommand {
    /// Import text files, or folders of *.txt files (searched recursively),
    /// annotating them on all cores.
    Add {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// How the headless lists print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ListFormat {
    /// Readable lines.
    #[default]
    Text,
    /// JSON.
    Json,
}

/// Run `sayso library`: on a terminal without --format, the library view.
pub fn run(args: &Args, config: Option<&Path>) -> Result<ExitCode> {
    match &args.command {
        Some(LibraryCommand::Add { paths }) => add(paths).map(|()| ExitCode::SUCCESS),
        None if args.format.is_none() && std::io::stdout().is_terminal() => {
            let config = Config::load(config)?;
            // A library that cannot be opened is reported before the screen.
            drop(sayso::store::Store::existing()?);
            let start = match &args.search {
                Some(q) => Start::Search(q.clone()),
                None => Start::Articles,
            };
            Ok(ExitCode::from(tui::run(tui::Start::Library(start), config, tui::Options::default())?))
        }
        None => list(args.search.as_deref(), args.format.unwrap_or_default()).map(|()| ExitCode::SUCCESS),
    }
}

/// The library when its database exists; listing never creates it.
pub fn existing() -> Result<Option<Store>> {
    let path = Store::default_path().ok_or_else(|| anyhow!("no data folder was found; set XDG_DATA_HOME"))?;
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(Store::open(&path)?))
}

/// Text safe for a terminal, on one line.
pub fn line(s: &str) -> String {
    sayso_nlp::text::sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Print `text` to standard output; a closed pipe is not an error.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("could not write to standard output"),
    }
}

fn list(search: Option<&str>, format: ListFormat) -> Result<()> {
    let articles = match existing()? {
        Some(store) => store.library(search)?,
        None => Vec::new(),
    };
    let text = match format {
        ListFormat::Json => {
            let list: Vec<serde_json::Value> = articles.iter().map(summary_json).collect();
            serde_json::to_string_pretty(&list)? + "\n"
        }
        ListFormat::Text => summary_text(&articles, search),
    };
    print(&text)
}

fn summary_json(a: &ArticleSummary) -> serde_json::Value {
    serde_json::json!({
        "id": a.id.0,
        "title": a.title.as_deref().map(line),
        "source": a.source.as_deref().map(line),
        "published": a.published.as_deref().map(line),
        "added": time::rfc3339(a.added),
        "opened": time::rfc3339(a.opened),
        "speakers": a.speakers,
        "attributions": a.attributions,
        "notes": a.notes,
    })
}

fn summary_text(articles: &[ArticleSummary], search: Option<&str>) -> String {
    use std::fmt::Write as _;
    let mut s = match (articles.len(), search) {
        (0, None) => return "The library is empty: `sayso library add PATH` imports articles.\n".to_owned(),
        (0, Some(q)) => return format!("No article matches “{}”.\n", line(q)),
        (1, _) => "1 article\n".to_owned(),
        (n, _) => format!("{n} articles\n"),
    };
    for a in articles {
        let date = a.published.as_deref().map_or_else(|| time::rfc3339(a.opened)[..10].to_owned(), line);
        let title = a.title.as_deref().map_or_else(|| "(untitled)".to_owned(), line);
        let _ = writeln!(s, "\n{date}  {title}");
        let source = a.source.as_deref().map_or_else(|| "(no source)".to_owned(), line);
        let _ = writeln!(
            s,
            "    {source} · {} · {} · {} · id {}",
            plural(a.speakers, "speaker"),
            plural(a.attributions, "attribution"),
            plural(a.notes, "note"),
            a.id
        );
    }
    s
}

/// `n thing` or `n things`.
pub fn plural(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

/// Import files and folders: annotate on all cores, save one by one.
fn add(paths: &[PathBuf]) -> Result<()> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    if files.is_empty() {
        bail!(
            "no *.txt or *.html files were found in {}",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let annotator = Annotator::new().context("the built-in models could not be loaded")?;
    let store = Store::open_default()?;
    let before = store.library(None)?.len();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(files.len());
    let (send, receive) = mpsc::channel::<(usize, Result<(input::Article, Annotation)>)>();
    let mut failures = Vec::new();
    let mut added = 0usize;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (files, next, annotator) = (&files, &next, &annotator);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let done = input::read(path).map(|a| {
                        let ann = annotator.annotate(&a.text);
                        (a, ann)
                    });
                    if send.send((i, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        // The store is written from this thread only, in the order the files
        // were given, so the library lists them the same way every time.
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        let progress = super::progress::Progress::new("files", files.len());
        for (i, done) in receive {
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&due) {
                let path = &files[due];
                match done.and_then(|(article, ann)| save(&store, path, &article, &ann)) {
                    Ok(()) => added += 1,
                    Err(err) => failures.push(format!("{}: {err:#}", path.display())),
                }
                due += 1;
                progress.tick();
            }
        }
        progress.finish();
    });
    for f in &failures {
        eprintln!("sayso: {f}");
    }
    let place = store.path().map(|p| p.display().to_string()).unwrap_or_default();
    // A file with the same text as a stored article joins it rather than adding one.
    let new = store.library(None)?.len().saturating_sub(before);
    eprintln!(
        "sayso: added {added} of {} files to the library ({} new articles) in {place}",
        files.len(),
        new
    );
    if failures.is_empty() { Ok(()) } else { bail!("{} articles could not be added", failures.len()) }
}

fn save(store: &Store, path: &Path, article: &input::Article, ann: &Annotation) -> Result<()> {
    let source =
        std::fs::canonicalize(path).with_context(|| format!("could not resolve {}", path.display()))?;
    let source = source.display().to_string();
    let text = article.text.as_str();
    // A web page's own title and byline; a text file's first line.
    let title = article.title.as_deref().or_else(|| ann.title.map(|t| t.slice(text).trim()));
    let id = store.save_article(&NewArticle {
        source: Some(&source),
        title,
        author: article.byline.as_deref(),
        published: article.published.as_deref(),
        site: article.site.as_deref(),
        text,
    })?;
    store.save_annotation(&id, ann, text)?;
    Ok(())
}

/// A file as given, or every *.txt under a folder, sorted.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path).with_context(|| format!("could not read {}", path.display()))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut found = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("could not list {}", dir.display()))? {
            let p = entry.with_context(|| format!("could not list {}", dir.display()))?.path();
            if p.is_dir() {
                folders.push(p);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "txt" | "html" | "htm"))
            {
                found.push(p);
            }
        }
    }
    found.sort();
    out.extend(found);
    Ok(())
}
