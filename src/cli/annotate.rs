//! `sayso annotate`: print the annotation of one article, of a folder, or of
//! a stream of JSON lines.

mod jsonl;

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use sayso_nlp::{Annotation, Annotator, EntityLabel, Quote, QuoteKind, json};

use super::Format;
use super::input::{self, Article};
use sayso::ingest::Source;

/// Arguments of `sayso annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article: a text file, a saved web page (.html), an http(s) URL,
    /// `-` for standard input, or a folder of *.txt and *.html files (with
    /// --out). With --jsonl: a file of JSON lines, or `-` (the default) for
    /// standard input.
    #[arg(required_unless_present = "jsonl")]
    input: Option<PathBuf>,

    /// `json`: the annotation JSON (version 1): entities, speakers and
    /// quotes with code-point offsets. `text`: the text with entities
    /// marked, then who said what.
    #[arg(long, value_enum, default_value_t)]
    format: Format,

    /// Include the document text in the JSON (`text` field).
    #[arg(long)]
    include_text: bool,

    /// Also parse every sentence and include its dependency tree in the
    /// JSON (`syntax`: each word's tag, head and relation). Annotation
    /// is about five times slower.
    #[arg(long)]
    include_syntax: bool,

    /// Keep every reported attribution found, also those the built-in
    /// reviewer finds seldom right and leaves out: more attributions, and
    /// more of them wrong.
    #[arg(long)]
    unreviewed: bool,

    /// With a folder as INPUT: write one <name>.json per article here.
    #[arg(long, value_name = "OUTDIR")]
    out: Option<PathBuf>,

    /// Read JSON lines, each an object such as {"id": "a1", "text": "…"}, and
    /// write one line of annotation JSON per line, in input order.
    ///
    /// Each output line is the annotation with the input's `id` (any JSON
    /// value; null when absent) and `line` (its line number, from 1) first. A
    /// line that cannot be annotated (not JSON, not an object, no text) gets
    /// {"id": …, "line": …, "error": "…"} instead and the stream goes on;
    /// blank lines are skipped. Lines are annotated in batches on every core,
    /// so memory stays flat however long the stream; the exit status is 0
    /// when the input was read to its end or the reader closed the output
    /// early. For Spark's RDD.pipe, Hadoop streaming and GNU parallel.
    #[arg(long, conflicts_with_all = ["out", "format"])]
    jsonl: bool,

    /// With --jsonl: the field that holds the text [default: text].
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    jsonl_field: Option<String>,
}

/// Run `sayso annotate`.
pub fn run(args: &Args) -> Result<()> {
    let mut annotator = Annotator::new().context("the built-in models could not be loaded")?;
    if args.include_syntax {
        annotator = annotator.with_syntax().context("the built-in parser could not be loaded")?;
    }
    if args.unreviewed {
        annotator = annotator.without_review();
    }
    if args.jsonl {
        return annotate_jsonl(&annotator, args);
    }
    let Some(path) = &args.input else { bail!("give an article to annotate, or --jsonl") };
    if path.is_dir() {
        let Some(out) = &args.out else {
            bail!("{} is a folder: add --out OUTDIR to write one JSON file per article", path.display());
        };
        return annotate_dir(&annotator, path, out, args.include_text);
    }
    if args.out.is_some() {
        bail!("--out is for folders; for one article, redirect standard output instead");
    }
    let article = input::read(path)?;
    print(&annotator, &article, args.format, args.include_text)
}

/// `--jsonl`: a stream of JSON lines from standard input or a file.
fn annotate_jsonl(annotator: &Annotator, args: &Args) -> Result<()> {
    let options = jsonl::Options {
        field: args.jsonl_field.as_deref().unwrap_or("text"),
        include_text: args.include_text,
        threads: std::thread::available_parallelism().map_or(1, usize::from),
    };
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    let summary = match args.input.as_deref().filter(|p| *p != Path::new("-")) {
        None => jsonl::run(annotator, std::io::stdin().lock(), out, options)?,
        Some(path) => {
            let file =
                std::fs::File::open(path).with_context(|| format!("could not open {}", path.display()))?;
            jsonl::run(annotator, std::io::BufReader::new(file), out, options)?
        }
    };
    if summary.failed > 0 {
        eprintln!(
            "sayso: {} of {} lines could not be annotated; their output lines carry an \"error\"",
            summary.failed, summary.lines
        );
    }
    Ok(())
}

/// With no subcommand: print the annotation of the given file or of the
/// bundled sample, as readable text.
pub fn print_default(path: Option<&Path>) -> Result<()> {
    let article = match path {
        Some(p) => input::read(p)?,
        None => input::sample(),
    };
    print(
        &Annotator::new().context("the built-in models could not be loaded")?,
        &article,
        Format::Text,
        false,
    )
}

fn print(annotator: &Annotator, article: &Article, format: Format, include_text: bool) -> Result<()> {
    let ann = annotator.annotate(&article.text);
    let stdout = std::io::stdout();
    let colour = stdout.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Json => {
            serde_json::to_writer(&mut out, &with_metadata(&ann, article, include_text))?;
            out.write_all(b"\n")?;
        }
        Format::Text => {
            out.write_all(render_text(&ann, &article.label(), &article.text, colour).as_bytes())?
        }
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
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt" || x == "html" || x == "htm"))
        .collect();
    files.sort();
    std::fs::create_dir_all(out).with_context(|| format!("could not create {}", out.display()))?;
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(files.len().max(1));
    let progress = super::progress::Progress::new("articles", files.len());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if let Err(err) = annotate_file(annotator, path, out, include_text)
                        && let Ok(mut f) = failures.lock()
                    {
                        f.push(format!("{}: {err:#}", path.display()));
                    }
                    progress.tick();
                }
            });
        }
    });
    progress.finish();
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
    let article = input::read_source(&Source::File(path.to_path_buf()), false)?;
    let ann = annotator.annotate(&article.text);
    let stem = path.file_stem().unwrap_or_default();
    let target = out.join(stem).with_extension("json");
    let json = serde_json::to_vec(&with_metadata(&ann, &article, include_text))?;
    std::fs::write(&target, json).with_context(|| format!("could not write {}", target.display()))
}

/// The annotation JSON, with what is known of a web page or feed item
/// (`metadata`, absent for text files: the contract allows added fields).
#[derive(serde::Serialize)]
struct WithMetadata<'a> {
    #[serde(flatten)]
    annotation: json::JsonAnnotation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<Metadata<'a>>,
}

/// Where an extracted article came from.
#[derive(serde::Serialize)]
struct Metadata<'a> {
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published: Option<&'a str>,
    site: Option<&'a str>,
    url: Option<&'a str>,
    note: Option<&'a str>,
}

fn with_metadata<'a>(ann: &'a Annotation, article: &'a Article, include_text: bool) -> WithMetadata<'a> {
    let url = article.source.as_deref().filter(|s| s.starts_with("http://") || s.starts_with("https://"));
    let known = article.title.is_some() || article.site.is_some() || url.is_some() || article.note.is_some();
    WithMetadata {
        annotation: json::to_json(ann, &article.text, include_text),
        metadata: known.then_some(Metadata {
            title: article.title.as_deref(),
            byline: article.byline.as_deref(),
            published: article.published.as_deref(),
            site: article.site.as_deref(),
            url,
            note: article.note.as_deref(),
        }),
    }
}

/// The readable view: paragraphs with entities marked, then who said what.
fn render_text(ann: &Annotation, origin: &str, text: &str, colour: bool) -> String {
    let mut s = format!("{} · {} words\n\n", clean(origin), ann.word_count());
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
    who_said_what(&mut s, ann, text, colour);
    s
}

/// Longest content shown in the who-said-what list, in characters.
const CONTENT_CHARS: usize = 240;

/// The closing list: each speaker with their number of attributions, then
/// each attribution as its cue and content; attributions whose source was
/// not resolved come last.
fn who_said_what(s: &mut String, ann: &Annotation, text: &str, colour: bool) {
    if ann.quotes.is_empty() {
        s.push_str("\nWho said what: no attributions found.\n");
        return;
    }
    let _ = writeln!(
        s,
        "\nWho said what: {} from {}",
        plural(ann.quotes.len(), "attribution"),
        plural(ann.speakers.len(), "speaker")
    );
    let bold = |name: &str| if colour { format!("\x1b[1m{name}\x1b[0m") } else { name.to_owned() };
    for (id, speaker) in ann.speakers.iter().enumerate() {
        let quotes: Vec<&Quote> = ann.quotes.iter().filter(|q| q.speaker == Some(id)).collect();
        let _ = writeln!(
            s,
            "\n{}. {} ({}) · {}",
            id + 1,
            bold(&clean(&speaker.name)),
            speaker.label.as_str(),
            plural(quotes.len(), "attribution")
        );
        for q in quotes {
            attribution_line(s, q, text);
        }
    }
    let unresolved: Vec<&Quote> = ann.quotes.iter().filter(|q| q.speaker.is_none()).collect();
    if !unresolved.is_empty() {
        let _ =
            writeln!(s, "\n{} · {}", bold("Source not resolved"), plural(unresolved.len(), "attribution"));
        for q in unresolved {
            attribution_line(s, q, text);
        }
    }
}

/// One attribution: its act, as the reader shows it, then the words that
/// report it when they say more (the cue, and the source as written when it
/// was not resolved), then the content, direct quotes in quotation marks:
/// "said: …", "thought · believes: …", "said · Officials declined: …".
fn attribution_line(s: &mut String, q: &Quote, text: &str) {
    let act = q.act.as_str();
    // A cue of punctuation alone ("PENCE: …", "The Times reports:") says nothing more.
    let cue =
        q.cue.map(|c| clean(c.slice(text)).into_owned()).filter(|c| c.chars().any(char::is_alphanumeric));
    let source = match (q.speaker, q.source) {
        (None, Some(src)) => Some(clean(src.slice(text)).into_owned()),
        _ => None,
    };
    let written = match (source, cue) {
        (Some(src), Some(cue)) => Some(format!("{src} {cue}")),
        (Some(src), None) => Some(src),
        (None, Some(cue)) if !cue.eq_ignore_ascii_case(act) => Some(cue),
        (None, _) => None,
    };
    let head = written.map_or_else(|| act.to_owned(), |w| format!("{act} · {w}"));
    let content = shorten(&clean(&q.content_words(text)).replace('\n', " "), CONTENT_CHARS);
    let content = if q.kind == QuoteKind::Direct { format!("“{content}”") } else { content };
    let _ = writeln!(s, "   {head}: {content}");
}

/// `n thing` or `n things`.
fn plural(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
}

/// At most `max` characters, cut at a word with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
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
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    sayso_nlp::text::sanitize(s)
}

#[cfg(test)]
mod tests {
    use sayso_nlp::{Span, coref};

    use super::*;

    fn span(text: &str, needle: &str) -> Span {
        let at = text.find(needle).expect("needle present");
        Span::new(at, at + needle.len())
    }

    #[test]
    fn ends_with_who_said_what() {
        let text = "Vote delayed\nMayor Ann Holt said the vote will wait. She added: “We need more time.” Officials declined to comment.\n";
        let mut ann = Annotator::new().expect("models load").annotate(text);
        let quote = |content: &str, cue: &str, source: &str, kind| Quote {
            content: span(text, content),
            content_fragments: Vec::new(),
            cue: Some(span(text, cue)),
            source: Some(span(text, source)),
            speaker: None,
            kind,
            act: sayso_nlp::Act::Said,
        };
        ann.quotes = vec![
            quote("the vote will wait", "said", "Mayor Ann Holt", QuoteKind::Indirect),
            quote("We need more time.", "added", "She", QuoteKind::Direct),
            quote("comment", "declined", "Officials", QuoteKind::Indirect),
        ];
        coref::resolve(text, &mut ann);
        let out = render_text(&ann, "vote.txt", text, false);
        let list = &out[out.find("\nWho said what").expect("list present")..];
        let want = "
Who said what: 3 attributions from 2 speakers

1. Ann Holt (PERSON) · 2 attributions
   said: the vote will wait
   said · added: “We need more time.”

2. Officials (MISC) · 1 attribution
   said · declined: comment
";
        assert_eq!(list, want);
    }

    #[test]
    fn each_attribution_shows_its_act() {
        let text = "Budget talks\nThe mayor believes the budget will pass. A memo wrote that costs would rise. Someone said taxes would fall.\n";
        let mut ann = Annotator::new().expect("models load").annotate(text);
        let quote = |content: &str, cue: &str, source: &str, act| Quote {
            content: span(text, content),
            content_fragments: Vec::new(),
            cue: Some(span(text, cue)),
            source: Some(span(text, source)),
            speaker: None,
            kind: QuoteKind::Indirect,
            act,
        };
        ann.quotes = vec![
            quote("the budget will pass", "believes", "The mayor", sayso_nlp::Act::Thought),
            quote("costs would rise", "wrote", "A memo", sayso_nlp::Act::Wrote),
            quote("taxes would fall", "said", "Someone", sayso_nlp::Act::Said),
        ];
        ann.speakers.clear();
        let out = render_text(&ann, "budget.txt", text, false);
        let list = &out[out.find("\nSource not resolved").expect("unresolved listed")..];
        let want = "
Source not resolved · 3 attributions
   thought · The mayor believes: the budget will pass
   wrote · A memo wrote: costs would rise
   said · Someone said: taxes would fall
";
        assert_eq!(list, want);
        // Resolved, the act leads and the cue follows only when it says more.
        coref::resolve(text, &mut ann);
        let out = render_text(&ann, "budget.txt", text, false);
        assert!(out.contains("   thought · believes: the budget will pass\n"), "{out}");
        assert!(out.contains("   wrote: costs would rise\n"), "{out}");
        assert!(out.contains("   said: taxes would fall\n"), "{out}");
    }

    #[test]
    fn a_cue_of_punctuation_alone_is_not_shown() {
        let text = "Debate\nTAPPER: Will you debate?\n";
        let mut ann = Annotator::new().expect("models load").annotate(text);
        ann.quotes = vec![Quote {
            content: span(text, "Will you debate?"),
            content_fragments: Vec::new(),
            cue: Some(span(text, ":")),
            source: Some(span(text, "TAPPER")),
            speaker: None,
            kind: QuoteKind::Indirect,
            act: sayso_nlp::Act::Said,
        }];
        ann.speakers.clear();
        let out = render_text(&ann, "debate.txt", text, false);
        assert!(out.contains("   said · TAPPER: Will you debate?\n"), "{out}");
    }

    #[test]
    fn long_contents_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let short = shorten(&long, 20);
        assert_eq!(short, "word word word word…");
        assert_eq!(shorten("brief", 20), "brief");
    }
}
