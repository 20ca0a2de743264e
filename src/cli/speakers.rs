//! `sayso speakers`: everyone quoted across the library, and every
//! attribution of one of them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};
use sayso::app::library::Start;
use sayso::config::Config;
use sayso::store::{SpeakerAttribution, SpeakerSummary, Store};
use sayso::tui;
use sayso_nlp::CharOffsets;
use sayso_nlp::annotation::Act;

use super::library::{ListFormat, existing, line, plural, print};

/// Arguments of `sayso speakers`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A speaker's name (or part of it): print every attribution of theirs
    /// across the library.
    name: Option<String>,

    /// Include unnamed sources ("officials", "a ministry spokesman").
    #[arg(long)]
    all: bool,

    /// Print in this format instead of opening the speaker index (it is
    /// printed as text anyway when standard output is not a terminal).
    #[arg(long, value_enum)]
    format: Option<ListFormat>,

    /// Count only speech and writing, not what people are reported to
    /// think, believe or feel (as the reader's `w` does; the default is
    /// `[quotes] words_only` in the config).
    #[arg(long, conflicts_with = "every_act")]
    words_only: bool,

    /// Count every attribution, thought included, whatever the config says.
    #[arg(long)]
    every_act: bool,
}

impl Args {
    /// Speech and writing only: the flags, else the config's choice.
    const fn words_only(&self, config: &Config) -> bool {
        if self.words_only {
            true
        } else if self.every_act {
            false
        } else {
            config.words_only
        }
    }
}

/// Run `sayso speakers`: on a terminal without --format, the speaker index
/// of the library view (at the speaker's attributions when NAME is given).
pub fn run(args: &Args, config: Option<&Path>) -> Result<ExitCode> {
    let mut config = Config::load(config)?;
    let words_only = args.words_only(&config);
    if args.format.is_none() && std::io::stdout().is_terminal() {
        // For this run only: the `w` key remembers a choice, the flags do not.
        config.words_only = words_only;
        let store = sayso::store::Store::existing()?;
        let start = match (&args.name, &store) {
            (Some(name), Some(store)) => {
                let speakers = store.speakers_of(true, words_only)?;
                Start::Speaker(find(&speakers, name, words_only)?.name.clone())
            }
            _ => Start::Speakers { all: args.all },
        };
        drop(store);
        return Ok(ExitCode::from(tui::run(tui::Start::Library(start), config, tui::Options::default())?));
    }
    print_headless(args, args.format.unwrap_or_default(), words_only).map(|()| ExitCode::SUCCESS)
}

fn print_headless(args: &Args, format: ListFormat, words_only: bool) -> Result<()> {
    let Some(store) = existing()? else {
        return match format {
            ListFormat::Json => print("[]\n"),
            ListFormat::Text => print("The library is empty: `sayso library add PATH` imports articles.\n"),
        };
    };
    let speakers = store.speakers_of(args.all || args.name.is_some(), words_only)?;
    match &args.name {
        None => print(&match format {
            ListFormat::Json => {
                serde_json::to_string_pretty(&speakers.iter().map(summary_json).collect::<Vec<_>>())? + "\n"
            }
            ListFormat::Text => list_text(&speakers),
        }),
        Some(name) => {
            let speaker = find(&speakers, name, words_only)?;
            let mut attributions = store.speaker_attributions(&speaker.name)?;
            if words_only {
                // An attribution kept before acts were recorded counts, as in the library view.
                attributions.retain(|a| a.act.as_deref().and_then(Act::parse).is_none_or(Act::is_words));
            }
            print(&match format {
                ListFormat::Json => {
                    serde_json::to_string_pretty(&one_json(&store, speaker, &attributions)?)? + "\n"
                }
                ListFormat::Text => one_text(speaker, &attributions),
            })
        }
    }
}

/// The speaker named exactly so (or by an alias), else the only one whose
/// names contain the words.
fn find<'s>(speakers: &'s [SpeakerSummary], name: &str, words_only: bool) -> Result<&'s SpeakerSummary> {
    let wanted = line(name).to_lowercase();
    let names = |s: &'s SpeakerSummary| std::iter::once(&s.name).chain(&s.aliases).map(|n| n.to_lowercase());
    if let Some(s) = speakers.iter().find(|s| names(s).any(|n| n == wanted)) {
        return Ok(s);
    }
    let close: Vec<&SpeakerSummary> =
        speakers.iter().filter(|s| names(s).any(|n| n.contains(&wanted))).collect();
    match close.as_slice() {
        [one] => Ok(one),
        [] if words_only => bail!(
            "no speaker named “{}” said or wrote anything in the library (`sayso speakers --all --every-act` lists everyone, thought included)",
            line(name)
        ),
        [] => bail!("no speaker named “{}” in the library (`sayso speakers --all` lists them)", line(name)),
        many => bail!(
            "several speakers match “{}”: {}; give the full name",
            line(name),
            many.iter().take(10).map(|s| line(&s.name)).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn summary_json(s: &SpeakerSummary) -> serde_json::Value {
    serde_json::json!({
        "name": line(&s.name),
        "label": s.label,
        "aliases": s.aliases.iter().map(|a| line(a)).collect::<Vec<_>>(),
        "articles": s.articles,
        "attributions": s.attributions,
    })
}

fn list_text(speakers: &[SpeakerSummary]) -> String {
    if speakers.is_empty() {
        return "No speakers yet: `sayso library add PATH` imports articles.\n".to_owned();
    }
    let mut s = format!("{}\n\n", plural(speakers.len(), "speaker"));
    for sp in speakers {
        let label = sp.label.as_deref().map_or_else(String::new, |l| format!(" ({l})"));
        let _ = write!(
            s,
            "{}{label} · {} in {}",
            line(&sp.name),
            plural(sp.attributions, "attribution"),
            plural(sp.articles, "article")
        );
        if !sp.aliases.is_empty() {
            let _ =
                write!(s, " · also {}", sp.aliases.iter().map(|a| line(a)).collect::<Vec<_>>().join(", "));
        }
        s.push('\n');
    }
    s
}

fn one_text(speaker: &SpeakerSummary, attributions: &[SpeakerAttribution]) -> String {
    let mut s = format!(
        "{} · {} in {}\n",
        line(&speaker.name),
        plural(speaker.attributions, "attribution"),
        plural(speaker.articles, "article")
    );
    let mut article = None;
    for a in attributions {
        if article != Some(&a.article) {
            article = Some(&a.article);
            let title = a.title.as_deref().map_or_else(|| "(untitled)".to_owned(), line);
            let source = a.source.as_deref().map_or_else(String::new, |src| format!(" · {}", line(src)));
            let _ = writeln!(s, "\n{title}{source} · id {}", a.article);
        }
        // The act first, as the reader shows it; the cue when it says more.
        let cue = a.cue.as_deref().map(line);
        let head = match (a.act.as_deref(), cue) {
            (Some(act), Some(cue)) if !cue.eq_ignore_ascii_case(act) => format!("{act} · {cue}: "),
            (Some(act), _) => format!("{act}: "),
            (None, Some(cue)) => format!("{cue}: "),
            (None, None) => String::new(),
        };
        let content = line(&a.content);
        let content = if a.kind == "direct" { format!("“{content}”") } else { content };
        let _ = writeln!(s, "  {head}{content}");
    }
    s
}

/// The JSON of one speaker, offsets in code points into each article's text.
fn one_json(
    store: &Store,
    speaker: &SpeakerSummary,
    attributions: &[SpeakerAttribution],
) -> Result<serde_json::Value> {
    let mut maps: HashMap<&str, CharOffsets> = HashMap::new();
    let mut list = Vec::with_capacity(attributions.len());
    for a in attributions {
        if !maps.contains_key(a.article.0.as_str()) {
            let text = store.article(&a.article)?.map(|r| r.text).unwrap_or_default();
            maps.insert(&a.article.0, CharOffsets::new(&text));
        }
        let span = maps.get(a.article.0.as_str()).map(|m| [m.chars(a.start), m.chars(a.end)]);
        list.push(serde_json::json!({
            "article": a.article.0,
            "title": a.title.as_deref().map(line),
            "source": a.source.as_deref().map(line),
            "speaker": line(&a.speaker),
            "cue": a.cue.as_deref().map(line),
            "content": sayso_nlp::text::sanitize(&a.content),
            "kind": a.kind,
            "act": a.act,
            "span": span,
        }));
    }
    Ok(serde_json::json!({
        "name": line(&speaker.name),
        "label": speaker.label,
        "aliases": speaker.aliases.iter().map(|a| line(a)).collect::<Vec<_>>(),
        "articles": speaker.articles,
        "attributions": list,
    }))
}
