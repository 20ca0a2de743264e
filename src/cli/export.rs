//! `sayso export`: an article's who-said-what digest with the reader's
//! notes, or the whole library, as Markdown, JSON or CSV.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, anyhow};
use sayso::export::{self, Digest, Format, Meta};
use sayso::store::{ArticleRecord, Correction, Note, Store, time};
use sayso_nlp::Annotator;

use super::input;

/// Arguments of `sayso export`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("articles").required(true).args(["input", "all"])))]
#[command(after_long_help = "\
Markdown has YAML front matter (title, source, author, published, exported,
tags), then each speaker with their attributions as block quotes and your
highlights and notes under them, then notes on other passages.
JSON carries stable ids, code-point offsets, text-quote selectors, speakers,
notes, tags and RFC 3339 times. CSV has the Readwise columns Highlight,
Title, Author, URL, Note, Location, Date, plus Speaker; tags are appended to
Note as `.tag` words, the way Readwise reads them. A cell that a spreadsheet
would run as a formula (it starts with =, +, -, @) gets a leading ' so it
opens as text; `--format csv-raw` keeps every cell exactly.

Notes come from the library (the notes database in your data folder). An
article not in it is exported as its who-said-what digest alone.
SOURCE_DATE_EPOCH, when set, fixes the `exported` time.

Examples:
  sayso export story.txt                  Markdown to standard output
  sayso export story.txt --format csv -o story.csv
  sayso export --all --format json -o library.json")]
pub struct Args {
    /// The article: a text file, or `-` for standard input.
    input: Option<PathBuf>,

    /// Export every article in the library, as one document.
    #[arg(long)]
    all: bool,

    /// Output format.
    #[arg(long, short, value_parser = format_parser(), default_value = "md")]
    format: Format,

    /// Write to FILE (replaced atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `--format`: one of the export formats by name.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, TypedValueParser as _};
    let values = Format::ALL.into_iter().map(|f| {
        let value = PossibleValue::new(f.name()).help(match f {
            Format::Markdown => "Markdown with YAML front matter (Obsidian, GitHub)",
            Format::Json => "JSON",
            Format::Csv => {
                "Readwise-compatible CSV; a cell that would start a spreadsheet formula (=, +, -, @) \
                 gets a leading ' so it opens as text"
            }
            Format::CsvRaw => "The same CSV with every cell exactly as written",
        });
        if f == Format::Markdown { value.alias("markdown") } else { value }
    });
    clap::builder::PossibleValuesParser::new(values).map(|name| Format::from_name(&name).unwrap_or_default())
}

/// Run `sayso export`.
pub fn run(args: &Args) -> Result<()> {
    let annotator = Annotator::new().context("the built-in models could not be loaded")?;
    let format = args.format;
    let exported = exported_time();
    let document = match &args.input {
        Some(path) if !args.all => {
            let digest = one(&annotator, path)?;
            export::article(format, &digest, exported)?
        }
        _ => export::library(format, &library(&annotator)?, exported)?,
    };
    match &args.output {
        Some(path) => export::write_atomic(path, document.as_bytes())
            .with_context(|| format!("could not write {}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(document.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context("could not write to standard output"),
            }
        }
    }
}

/// The library, if its database exists (an export never creates it).
fn existing_store() -> Result<Option<Store>> {
    let path = Store::default_path().ok_or_else(|| anyhow!("no data folder was found; set XDG_DATA_HOME"))?;
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(Store::open(&path)?))
}

/// The digest of one file, with its notes when the library has it.
fn one(annotator: &Annotator, path: &Path) -> Result<Digest> {
    let article = input::read(path)?;
    let source = (path.as_os_str() != "-")
        .then(|| std::fs::canonicalize(path).map(|p| p.display().to_string()))
        .transpose()
        .with_context(|| format!("could not resolve {}", path.display()))?;
    let ann = annotator.annotate(&article.text);
    let stored = match existing_store()? {
        Some(store) => match store.find_article(source.as_deref(), &article.text)? {
            Some(id) => {
                let record = store.article(&id)?;
                let notes = store.notes(&id, &article.text)?;
                let corrections = store.corrections(&id, &article.text)?;
                record.map(|r| (r, notes, corrections))
            }
            None => None,
        },
        None => None,
    };
    Ok(match stored {
        Some((record, notes, corrections)) => {
            let mut meta = Meta::from_record(&record);
            meta.source = meta.source.or(source);
            export::digest(&meta, &article.text, &ann, &notes, &corrections)
        }
        None => export::digest(&Meta { source, ..Meta::default() }, &article.text, &ann, &[], &[]),
    })
}

/// Every stored article's digest, annotated on all cores, oldest first.
fn library(annotator: &Annotator) -> Result<Vec<Digest>> {
    let Some(store) = existing_store()? else {
        eprintln!("sayso: the library is empty (nothing has been saved yet)");
        return Ok(Vec::new());
    };
    let mut work: Vec<(ArticleRecord, Vec<Note>, Vec<Correction>)> = Vec::new();
    for record in store.articles()? {
        let notes = store.notes(&record.id, &record.text)?;
        let corrections = store.corrections(&record.id, &record.text)?;
        work.push((record, notes, corrections));
    }
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(work.len().max(1));
    let done: Vec<std::thread::Result<Vec<(usize, Digest)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((record, notes, corrections)) = work.get(i) else { break };
                        let ann = annotator.annotate(&record.text);
                        let meta = Meta::from_record(record);
                        done.push((i, export::digest(&meta, &record.text, &ann, notes, corrections)));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join()).collect()
    });
    let mut digests = Vec::with_capacity(work.len());
    for part in done {
        digests.extend(part.map_err(|_| anyhow!("annotating an article of the library failed"))?);
    }
    // Threads finish in any order: put the articles back in library order.
    digests.sort_by_key(|(i, _)| *i);
    Ok(digests.into_iter().map(|(_, d)| d).collect())
}

/// Now, or `SOURCE_DATE_EPOCH` when set (for reproducible exports).
fn exported_time() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse().ok()).unwrap_or_else(time::now)
}
