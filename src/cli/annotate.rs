//! `sayso annotate`: print the annotation of one article, or of a folder.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use sayso_nlp::{Annotation, Annotator, EntityLabel, json};

use super::Format;
use super::input::{self, Article};

/// Arguments of `sayso annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article: a text file, `-` for standard input, or a folder of *.txt
    /// files (with --out).
    input: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,

    /// Include the document text in the JSON (`text` field).
    #[arg(long)]
    include_text: bool,

    /// With a folder as INPUT: write one <name>.json per article here.
    #[arg(long, value_name = "OUTDIR")]
    out: Option<PathBuf>,
}

/// Run `sayso annotate`.
pub fn run(args: &Args) -> Result<()> {
    let annotator = Annotator::new();
    if args.input.is_dir() {
        let Some(out) = &args.out else {
            bail!(
                "{} is a folder: add --out OUTDIR to write one JSON file per article",
                args.input.display()
            );
        };
        return annotate_dir(&annotator, &args.input, out, args.include_text);
    }
    if args.out.is_some() {
        bail!("--out is for folders; for one article, redirect standard output instead");
    }
    let article = input::read(&args.input)?;
    print(&annotator, &article, args.format, args.include_text)
}

/// With no subcommand: print the annotation of the given file or of the
/// bundled sample, as readable text.
pub fn print_default(path: Option<&Path>) -> Result<()> {
    let article = match path {
        Some(p) => input::read(p)?,
        None => Article { origin: "sample".to_owned(), text: input::SAMPLE.to_owned() },
    };
    print(&Annotator::new(), &article, Format::Text, false)
}

fn print(annotator: &Annotator, article: &Article, format: Format, include_text: bool) -> Result<()> {
    let ann = annotator.annotate(&article.text);
    let stdout = std::io::stdout();
    let colour = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            serde_json::to_writer(&mut out, &json::to_json(&ann, &article.text, include_text))?;
            out.write_all(b"\n")?;
        }
        Format::Text => out.write_all(render_text(&ann, &article.text, colour).as_bytes())?,
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("could not write to standard output"),
    }
}

/// Annotate every `*.txt` in `dir` into `out/<stem>.json`, using all cores.
fn annotate_dir(annotator: &Annotator, dir: &Path, out: &Path, include_text: bool) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("could not list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    std::fs::create_dir_all(out).with_context(|| format!("could not create {}", out.display()))?;
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(files.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if let Err(err) = annotate_file(annotator, path, out, include_text) {
                        if let Ok(mut f) = failures.lock() {
                            f.push(format!("{}: {err:#}", path.display()));
                        }
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap_or_default();
    for f in &failures {
        eprintln!("sayso: {f}");
    }
    eprintln!(
        "sayso: annotated {} of {} articles into {}",
        files.len() - failures.len(),
        files.len(),
        out.display()
    );
    if failures.is_empty() { Ok(()) } else { bail!("{} articles failed", failures.len()) }
}

fn annotate_file(annotator: &Annotator, path: &Path, out: &Path, include_text: bool) -> Result<()> {
    let article = input::read(path)?;
    let ann = annotator.annotate(&article.text);
    let stem = path.file_stem().unwrap_or_default();
    let target = out.join(stem).with_extension("json");
    let json = serde_json::to_vec(&json::to_json(&ann, &article.text, include_text))?;
    std::fs::write(&target, json).with_context(|| format!("could not write {}", target.display()))
}

/// The readable view: paragraphs with entities marked, then who said what.
fn render_text(ann: &Annotation, text: &str, colour: bool) -> String {
    let mut s = String::new();
    let mut entities = ann.entities.iter().peekable();
    for para in &ann.paragraphs {
        let mut at = para.span.start;
        while let Some(e) = entities.next_if(|e| e.span.start < para.span.end) {
            if e.span.start < at {
                continue;
            }
            s.push_str(&clean(&text[at..e.span.start]));
            let word = clean(e.span.slice(text));
            if colour {
                let _ = write!(s, "\x1b[{}m[{word}]\x1b[0m({})", ansi(e.label), e.label.as_str());
            } else {
                let _ = write!(s, "[{word}]({})", e.label.as_str());
            }
            at = e.span.end;
        }
        s.push_str(&clean(&text[at..para.span.end]));
        s.push_str(if para.headline { "\n\n" } else { "\n" });
    }
    if !ann.speakers.is_empty() {
        s.push_str("\nWho said what\n");
        for (id, speaker) in ann.speakers.iter().enumerate() {
            let quotes: Vec<_> = ann.quotes.iter().filter(|q| q.speaker == Some(id)).collect();
            let _ = writeln!(s, "\n{} ({})", clean(&speaker.name), quotes.len());
            for q in quotes {
                let cue = q.cue.map_or(String::new(), |c| format!("{}: ", clean(c.slice(text))));
                let _ = writeln!(s, "  - {cue}{}", clean(q.content.slice(text)));
            }
        }
    }
    s
}

/// Terminal colour for an entity label.
const fn ansi(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "1;36",
        EntityLabel::Org => "1;33",
        EntityLabel::Loc => "1;32",
        EntityLabel::Misc => "35",
        EntityLabel::Title => "34",
        _ => "2",
    }
}

/// Text safe for a terminal: control, bidi-override and zero-width characters removed.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            let hidden = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
            let control = c.is_control() && c != '\n' && c != '\t';
            !hidden && !control
        })
        .collect()
}
