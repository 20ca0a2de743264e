//! Rebuilds sayso's models from the PolNeAR corpus, deterministically.
//!
//! `cargo run --release --bin sayso-train` trains every model from
//! `../shared/corpus/polnear/train`, prints its figures on the dev split and
//! the checksum of each file it writes into `assets/models/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use sayso_nlp::Annotator;
use sayso_nlp::attribution::tagger::AttributionTagger;
use sayso_nlp::entities::gazetteer::Gazetteer;
use sayso_nlp::entities::ner::EntityTagger;
use sayso_nlp::json;
use sayso_nlp::tag::features::word_infos;
use sayso_nlp::tag::hash::checksum;
use sayso_nlp::tag::model::Model;
use sayso_nlp::tag::pos_tagger::PosTagger;
use sayso_nlp::train::attribution as train_attr;
use sayso_nlp::train::brat;
use sayso_nlp::train::silver::{self, SilverDoc};
use sayso_nlp::train::taggers::{self, NerDoc, Settings};
use sayso_nlp::train::{conll, gum, treebank};

/// Train sayso's models and print their figures on the dev split.
#[derive(Debug, Parser)]
#[command(name = "sayso-train", version, about)]
struct Args {
    /// Which models to train (all by default).
    #[arg(value_enum)]
    models: Vec<Which>,

    /// The corpus folder holding train/ and dev/.
    #[arg(long, default_value = "../shared/corpus/polnear")]
    corpus: PathBuf,

    /// The CoNLL-2003 folder holding train.conll and dev.conll (gold
    /// entities); missing files are skipped with a warning.
    #[arg(long, default_value = "../shared/corpus/conll2003")]
    conll: PathBuf,

    /// How many times the entity recogniser visits each CoNLL document per
    /// pass (0: leave CoNLL out of training).
    #[arg(long, default_value_t = 1)]
    conll_weight: usize,

    /// The Universal Dependencies folder: GUM's gum-train.conllu (gold
    /// entity mentions), and the EWT and GUM treebanks the parser learns from.
    #[arg(long, default_value = "../shared/corpus/ud")]
    ud: PathBuf,

    /// How many times the entity recogniser visits each GUM document per
    /// pass (0: leave GUM out of training).
    #[arg(long, default_value_t = 0)]
    gum_weight: usize,

    /// Where to write the model files.
    #[arg(long, default_value = "assets/models")]
    out: PathBuf,

    /// Passes over the training data for the part-of-speech tagger.
    #[arg(long, default_value_t = 5)]
    pos_epochs: usize,

    /// How many times the parser's own part-of-speech tagger visits each
    /// sentence of the EWT and GUM training treebanks per pass (0: PolNeAR's
    /// silver tags only).
    #[arg(long, default_value_t = 4)]
    parser_tagger_treebank_weight: usize,

    /// Folds of the treebanks tagged for the parser by taggers that did not
    /// see them (so it learns from tags as noisy as on new text).
    #[arg(long, default_value_t = 5)]
    parser_folds: usize,

    /// Passes over the training data for the entity recogniser (and the
    /// part-of-speech taggers that tag its training folds).
    #[arg(long, default_value_t = 10)]
    ner_epochs: usize,

    /// Cost of a wrong label while training structured models (0: plain perceptron).
    #[arg(long, default_value_t = 0.0)]
    margin: f32,

    /// Entity models trained with different orders and averaged into one.
    #[arg(long, default_value_t = 3)]
    members: usize,

    /// Features seen fewer times than this in training get no weight.
    #[arg(long, default_value_t = 2)]
    min_count: u32,

    /// Passes over the training data for the attribution model.
    #[arg(long, default_value_t = 10)]
    attribution_epochs: usize,

    /// Features of the attribution model seen fewer times than this get no weight.
    #[arg(long, default_value_t = 4)]
    attribution_min_count: u32,

    /// Averaged weights of the attribution model smaller than this are
    /// dropped (they change no decision on dev, and cost memory and time).
    #[arg(long, default_value_t = 2.0)]
    attribution_min_weight: f32,

    /// Folds of the training articles the attribution reviewer learns from
    /// (each found by a tagger trained without it); under 2: no reviewer.
    #[arg(long, default_value_t = 5)]
    review_folds: usize,

    /// Perceptrons (over different shufflings) averaged into the attribution model.
    #[arg(long, default_value_t = 1)]
    bags: usize,

    /// Where to write the lexicons learned with a model (the parser's tag table).
    #[arg(long, default_value = "assets/lexicons")]
    lexicons: PathBuf,

    /// Passes over the treebanks for the dependency parser.
    #[arg(long, default_value_t = 15)]
    parser_epochs: usize,

    /// Parsers trained at once, each over its own shuffling of the
    /// treebanks, whose averaged weights are averaged into the one shipped.
    #[arg(long, default_value_t = 4)]
    parser_bags: usize,

    /// Averaged parser weights smaller than this are dropped (the model
    /// stays small and fast; smaller ones change few decisions).
    #[arg(long, default_value_t = 2.0)]
    parser_min_weight: f32,

    /// Share of treebank sentences the parser learns with their gold Penn
    /// tags instead of the tagger's.
    #[arg(long, default_value_t = 0.0)]
    parser_gold_tags: f64,

    /// Sizes of the word class sets learned by `clusters`.
    #[arg(long, value_delimiter = ',', default_value = "64,512")]
    cluster_sizes: Vec<usize>,

    /// Words seen fewer times than this in the training texts get no class.
    #[arg(long, default_value_t = 3)]
    cluster_min_count: u32,

    /// Passes over GUM's training documents for the pronoun ranker.
    #[arg(long, default_value_t = 5)]
    coref_epochs: usize,

    /// How many times the pronoun ranker visits each PolNeAR training
    /// article per pass, learning its quote sources from CoreNLP's
    /// coreference (0: GUM's gold alone).
    #[arg(long, default_value_t = 1)]
    coref_polnear: usize,

    /// Where to write the pronoun ranker (speaker resolution does not use
    /// it: see the README for why).
    #[arg(long, value_name = "FILE")]
    coref_out: Option<PathBuf>,

    /// Also write the attribution model's dev predictions here, one
    /// <name>.json per article (for `score.py`).
    #[arg(long, value_name = "DIR")]
    dev_out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    /// Word classes learned from the training texts (the parser and its
    /// tagger read them); not part of the default set.
    Clusters,
    /// Nouns that name a person, learned from GUM's mentions and
    /// CoNLL-2003's names (speaker resolution reads them); not part of the
    /// default set.
    PersonNouns,
    /// The part-of-speech tagger.
    Pos,
    /// The entity recogniser (uses the part-of-speech tagger).
    Ner,
    /// The attribution tagger (uses both taggers above).
    Attribution,
    /// The dependency parser and its own part-of-speech tagger.
    Parser,
    /// Measure speaker resolution's pronouns and descriptions on GUM's
    /// gold coreference, by the rules and by a pronoun ranker trained on it
    /// and PolNeAR's quote sources (uses the built-in models); not part of
    /// the default set.
    Coref,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sayso-train: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<()> {
    let all = args.models.is_empty();
    let wants = |w| all || args.models.contains(&w);
    if args.models == [Which::Parser] {
        return parser(args);
    }
    if args.models.contains(&Which::Coref) {
        return coref(args);
    }
    if args.models.contains(&Which::Clusters) {
        return clusters(args);
    }
    if args.models.contains(&Which::PersonNouns) {
        return person_nouns(args);
    }
    let started = Instant::now();
    let train = silver::read_split(&args.corpus.join("train")).context("reading the training split")?;
    let dev = silver::read_split(&args.corpus.join("dev")).context("reading the dev split")?;
    eprintln!("read {} training and {} dev documents in {:.1?}", train.len(), dev.len(), started.elapsed());
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let settings = pos_settings(args);

    let pos_path = args.out.join("pos.bin");
    let pos = if wants(Which::Pos) {
        let t = Instant::now();
        let model = taggers::train_pos(&train, settings);
        let tagger = PosTagger::new(model.clone())?;
        report_tagger(args, "pos", &model, &tagger, t, &dev)?;
        write(&pos_path, &model)?;
        Some(tagger)
    } else {
        None
    };

    if !wants(Which::Ner) && !wants(Which::Attribution) && !wants(Which::Parser) {
        return Ok(());
    }
    // Later models are trained over the taggers trained in this run, else over those in --out.
    let pos = match pos {
        Some(p) => p,
        None => PosTagger::new(load(&pos_path)?)?,
    };
    let ner_path = args.out.join("ner.bin");
    let ner = if wants(Which::Ner) {
        let t = Instant::now();
        let settings = Settings { epochs: args.ner_epochs, ..settings };
        let conll_train = read_conll(&args.conll.join("train.conll"));
        let conll_dev = read_conll(&args.conll.join("dev.conll"));
        let mut train_docs = jackknifed_ner_docs(&train, settings)?;
        for _ in 0..args.conll_weight {
            train_docs.extend(ner_docs(&pos, &conll_train));
        }
        let gum_train =
            if args.gum_weight > 0 { read_gum(&args.ud.join("gum-train.conllu")) } else { Vec::new() };
        for _ in 0..args.gum_weight {
            train_docs.extend(ner_docs(&pos, &gum_train));
        }
        let dev_docs = ner_docs(&pos, &dev);
        let model = taggers::train_ner(&train_docs, settings, args.members);
        let tagger = EntityTagger::new(model.clone())?;
        if !conll_dev.is_empty() {
            let f = taggers::ner_f1(&tagger, &ner_docs(&pos, &conll_dev));
            println!(
                "ner: CoNLL-2003 dev entities (gold) P {:.4} R {:.4} F1 {:.4} (gold tokens, exact span and type)",
                f.precision(),
                f.recall(),
                f.f1()
            );
        }
        let f = taggers::ner_f1(&tagger, &dev_docs);
        println!(
            "ner: {} features, trained in {:.1?}; dev entities vs CoreNLP P {:.4} R {:.4} F1 {:.4} (gold tokens)",
            model.n_features(),
            t.elapsed(),
            f.precision(),
            f.recall(),
            f.f1()
        );
        let annotator = Annotator::with_models(pos.clone(), tagger.clone());
        if !conll_dev.is_empty() {
            let f = taggers::pipeline_ner_f1(&annotator, &conll_dev);
            println!(
                "ner: CoNLL-2003 dev entities (gold) through the whole pipeline P {:.4} R {:.4} F1 {:.4}",
                f.precision(),
                f.recall(),
                f.f1()
            );
        }
        let whole = taggers::pipeline_ner_f1(&annotator, &dev);
        println!(
            "ner: dev entities vs CoreNLP through the whole pipeline P {:.4} R {:.4} F1 {:.4} (as score.py --silver)",
            whole.precision(),
            whole.recall(),
            whole.f1()
        );
        write(&ner_path, &model)?;
        tagger
    } else {
        EntityTagger::new(load(&ner_path)?)?
    };

    if wants(Which::Attribution) {
        attribution(args, &Annotator::with_models(pos, ner), settings)?;
    }
    if wants(Which::Parser) {
        parser(args)?;
    }
    Ok(())
}

/// Train the dependency parser on the EWT and GUM training treebanks,
/// print its attachment scores on their dev splits, and write the parser
/// model and the Penn-to-universal tag table learned beside it.
fn parser(args: &Args) -> Result<()> {
    use sayso_nlp::syntax::{Parser, UposTable};
    use sayso_nlp::train::parser::{self as train_parser, ParserSettings};
    let t = Instant::now();
    let pos = parser_tagger(args)?;
    let read = |name: &str| -> Result<Vec<train_parser::TreeSentence>> {
        Ok(train_parser::prepare(&read_conllu(args, name)?, &pos))
    };
    let train = jackknifed_trees(args)?;
    let dev = [("EWT", read("en_ewt-dev")?), ("GUM", read("gum-dev")?)];
    let words: usize = train.iter().map(|s| s.words.len()).sum();
    eprintln!("read {} training sentences ({words} words) in {:.1?}", train.len(), t.elapsed());
    let table_text = train_parser::learn_upos_table(&train, 5);
    let table = UposTable::parse(&table_text)?;
    let settings = ParserSettings {
        epochs: args.parser_epochs,
        seed: 0x5A7_5050,
        explore_from: 1,
        explore: 0.9,
        gold_tags: args.parser_gold_tags,
        min_weight: args.parser_min_weight,
        bags: args.parser_bags,
    };
    let t = Instant::now();
    let rows = train_parser::train_bagged_rows(&train, settings);
    if let Ok(sweep) = std::env::var("SAYSO_PRUNE_SWEEP") {
        for w in sweep.split(',').filter_map(|w| w.parse::<f32>().ok()) {
            let model = train_parser::model(rows.clone(), ParserSettings { min_weight: w, ..settings });
            let s = train_parser::evaluate(&Parser::new(model.clone())?, &dev[0].1);
            let g = train_parser::evaluate(&Parser::new(model.clone())?, &dev[1].1);
            println!(
                "sweep min weight {w}: {} bytes, EWT LAS {:.4} UAS {:.4}, GUM LAS {:.4}",
                model.to_bytes().len(),
                s.las(),
                s.uas(),
                g.las()
            );
        }
    }
    let model = train_parser::model(rows, settings);
    let parser = Parser::new(model.clone())?;
    println!("parser: {} features, trained in {:.1?}", model.n_features(), t.elapsed());
    for (name, sentences) in &dev {
        let s = train_parser::evaluate(&parser, sentences);
        println!(
            "parser: {name} dev ({} words, gold words, engine tags): UAS {:.4} LAS {:.4}; tags {:.4} XPOS ({:.4} with its extensions read into the tag set), {:.4} UPOS",
            s.words,
            s.uas(),
            s.las(),
            train_parser::tag_accuracy(sentences),
            train_parser::penn_accuracy(sentences),
            train_parser::upos_accuracy(&table, sentences)
        );
        let g = train_parser::evaluate_gold_tags(&parser, sentences);
        println!(
            "parser: {name} dev with the treebank's Penn tags instead: UAS {:.4} LAS {:.4}",
            g.uas(),
            g.las()
        );
    }
    write(&args.out.join("parser.bin"), &model)?;
    let table_path = args.lexicons.join("upos.tsv");
    std::fs::write(&table_path, &table_text).with_context(|| format!("writing {}", table_path.display()))?;
    println!("wrote {} (checksum {:016x})", table_path.display(), checksum(table_text.as_bytes()));
    Ok(())
}

/// Measure speaker resolution on GUM dev (pronouns and definite
/// descriptions with a gold antecedent) and on PolNeAR dev's pronoun
/// sources (against CoreNLP's coreference), by the rules and with a pronoun
/// ranker trained on GUM train (and PolNeAR train), which is written only
/// when `--coref-out` asks for it.
fn coref(args: &Args) -> Result<()> {
    use sayso_nlp::train::coref as train_coref;
    let t = Instant::now();
    let annotator = Annotator::new()?;
    let read = |name: &str| -> Result<Vec<train_coref::Annotated>> {
        let path = args.ud.join(name);
        let docs = train_coref::read(&path).with_context(|| format!("reading {}", path.display()))?;
        Ok(train_coref::prepare(&annotator, docs))
    };
    let mut train = read("gum-train.conllu")?;
    if args.coref_polnear > 0 {
        let polnear = train_coref::read_polnear(&annotator, &args.corpus.join("train"))
            .context("reading the PolNeAR training split")?;
        for _ in 0..args.coref_polnear {
            train.extend(polnear.iter().cloned());
        }
    }
    let dev = read("gum-dev.conllu")?;
    eprintln!(
        "read and annotated {} training and {} dev documents in {:.1?}",
        train.len(),
        dev.len(),
        t.elapsed()
    );
    let show = |who: &str, resolver: train_coref::Resolver<'_>| {
        let line = |what: &str, a: train_coref::Accuracy| {
            let reach = if !matches!(resolver, train_coref::Resolver::Rules) {
                format!("; antecedent among the candidates for {}", a.reachable)
            } else {
                String::new()
            };
            println!(
                "coref: GUM dev, {who}, {what}: {}/{} right ({:.4}; {:.4} of {} answered{reach})",
                a.right,
                a.total,
                a.accuracy(),
                a.precision(),
                a.answered
            );
        };
        let p = train_coref::evaluate(&dev, resolver, train_coref::ProbeKind::Pronoun);
        line("third-person pronouns", p.all);
        line("he/she pronouns", p.gendered);
        let d = train_coref::evaluate(&dev, resolver, train_coref::ProbeKind::Description);
        line("definite descriptions", d.all);
    };
    let polnear = train_coref::read_polnear(&annotator, &args.corpus.join("dev"))
        .context("reading the PolNeAR dev split")?;
    let show_polnear = |who: &str, resolver: train_coref::Resolver<'_>| {
        for (what, kind) in [
            ("pronoun", train_coref::ProbeKind::Pronoun),
            ("definite description", train_coref::ProbeKind::Description),
        ] {
            let a = train_coref::evaluate(&polnear, resolver, kind).all;
            println!(
                "coref: PolNeAR dev, {who}: {what} sources agreeing with CoreNLP's coreference {}/{} ({:.4}; {:.4} of {} answered)",
                a.right,
                a.total,
                a.accuracy(),
                a.precision(),
                a.answered
            );
        }
    };
    show("rules", train_coref::Resolver::Rules);
    show("rules with pronoun chains", train_coref::Resolver::RulesWithChains);
    let t = Instant::now();
    let info = format!(
        "pronoun ranker: GUM train, PolNeAR train x{}, {} epochs",
        args.coref_polnear, args.coref_epochs
    );
    let model = train_coref::train(&train, args.coref_epochs, 0x5A7_5050, info);
    println!("coref: {} features, trained in {:.1?}", model.n_features(), t.elapsed());
    show("learned ranker", train_coref::Resolver::Ranker(&model));
    show("rules, then the ranker where they find nothing", train_coref::Resolver::RulesThenRanker(&model));
    show_polnear("rules", train_coref::Resolver::Rules);
    show_polnear("rules with pronoun chains", train_coref::Resolver::RulesWithChains);
    show_polnear("learned ranker", train_coref::Resolver::Ranker(&model));
    show_polnear(
        "rules, then the ranker where they find nothing",
        train_coref::Resolver::RulesThenRanker(&model),
    );
    match &args.coref_out {
        Some(path) => write(path, &model),
        None => Ok(()),
    }
}

fn attribution(args: &Args, annotator: &Annotator, settings: Settings) -> Result<()> {
    let t = Instant::now();
    let train = brat::read_split(&args.corpus.join("train")).context("reading the training attributions")?;
    let dev = brat::read_split(&args.corpus.join("dev")).context("reading the dev attributions")?;
    let train = train_attr::prepare(annotator, train);
    let dev = train_attr::prepare(annotator, dev);
    let lexicon = annotator.cues();
    let settings = Settings {
        epochs: args.attribution_epochs,
        min_count: args.attribution_min_count,
        min_weight: args.attribution_min_weight,
        ..settings
    };
    let model = train_attr::train(&train, lexicon, settings, args.bags);
    let tagger = AttributionTagger::new(model.clone())?;
    let review = review(args, annotator, &train, settings)?;
    let s = train_attr::token_scores(&tagger, &dev, lexicon);
    println!(
        "attribution: {} features, trained in {:.1?}; dev token accuracy {:.4}, token F1 source {:.3} cue {:.3} content {:.3}",
        model.n_features(),
        t.elapsed(),
        s.accuracy(),
        s.f1(0),
        s.f1(1),
        s.f1(2)
    );
    if let Some(dir) = &args.dev_out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for (d, quotes) in
            dev.iter().zip(train_attr::predict(&tagger, &review, &dev, lexicon, annotator.parser()))
        {
            let mut ann = d.ann.clone();
            ann.quotes = quotes;
            let path = dir.join(format!("{}.json", d.gold.name));
            let json = serde_json::to_vec(&json::to_json(&ann, &d.gold.text, false))?;
            std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
        }
        println!("wrote dev predictions into {}", dir.display());
    }
    if let Some(m) = review.model() {
        write(&args.out.join("review.bin"), m)?;
    }
    if let Some(m) = review.ends() {
        write(&args.out.join("ends.bin"), m)?;
    }
    write(&args.out.join("attribution.bin"), &model)
}

/// Train the attribution reviewer: attribution taggers trained without
/// one fold of the training articles find the attributions of that fold;
/// judged against the gold ones, they teach the reviewer which are seldom
/// right, and the folds it did not learn from choose the level it keeps
/// at (the best end-to-end F1). Prints that choice.
fn review(
    args: &Args,
    annotator: &Annotator,
    train: &[train_attr::Prepared],
    settings: Settings,
) -> Result<sayso_nlp::attribution::review::Review> {
    use sayso_nlp::attribution::review::Review;
    use sayso_nlp::train::review as train_review;
    let folds = args.review_folds;
    if folds < 2 {
        return Ok(Review::none());
    }
    let t = Instant::now();
    let mut found = Vec::new();
    let mut found_ends = Vec::new();
    let mut gold = 0;
    for fold in 0..folds {
        let rest: Vec<train_attr::Prepared> =
            train.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, d)| d.clone()).collect();
        let held: Vec<train_attr::Prepared> =
            train.iter().enumerate().filter(|(i, _)| i % folds == fold).map(|(_, d)| d.clone()).collect();
        let tagger = AttributionTagger::new(train_attr::train(&rest, annotator.cues(), settings, args.bags))?;
        let (examples, ends, n) =
            train_review::examples(&tagger, &held, annotator.cues(), annotator.parser());
        gold += n;
        found.push(examples);
        found_ends.push(ends);
        eprintln!("review: fold {} of {folds} found in {:.1?}", fold + 1, t.elapsed());
    }
    let seed = 0x5A7_5050;
    let mut scored = Vec::new();
    for (k, held) in found.iter().enumerate() {
        let rest: Vec<&train_review::Example> =
            found.iter().enumerate().filter(|(j, _)| *j != k).flat_map(|(_, e)| e).collect();
        let w = train_review::learn(&rest, REVIEW_EPOCHS, seed);
        scored.extend(held.iter().map(|e| (w.probability(&e.features), e)));
    }
    let (all_f1, _, all_kept) = train_review::f1_kept(&scored, gold, 0.0);
    let mut best = (all_f1, 0.0);
    for step in 1..=30u32 {
        let level = f64::from(step) * 0.01;
        let (f1, right, kept) = train_review::f1_kept(&scored, gold, level);
        if step % 5 == 0 || f1 > best.0 {
            println!(
                "review: keeping from {level:.2}: {kept} of {all_kept} kept, {right} right, F1 {f1:.4} (all kept: {all_f1:.4})"
            );
        }
        if f1 > best.0 {
            best = (f1, level);
        }
    }
    let all: Vec<&train_review::Example> = found.iter().flatten().collect();
    let w = train_review::learn(&all, REVIEW_EPOCHS, seed);
    let info = format!(
        "attribution reviewer (logistic); {folds} folds, {REVIEW_EPOCHS} epochs, keeps from {:.2}, out-of-fold F1 {:.4} against {all_f1:.4}",
        best.1, best.0
    );
    println!("review: {info}; trained in {:.1?}", t.elapsed());
    let review =
        if best.1 == 0.0 { Review::none() } else { Review::new(train_review::model(&w, best.1, info))? };
    Ok(review.with_ends(ends(&found_ends))?)
}

/// Train the ends model on the contents found in the review's folds;
/// each fold, ended by a model learned from the others, shows what it
/// gains. A model without weights (ending every content where it was
/// found) when it would gain nothing.
fn ends(found: &[Vec<sayso_nlp::train::ends::Example>]) -> sayso_nlp::tag::model::Model {
    use sayso_nlp::train::ends as train_ends;
    let seed = 0xE7D5;
    let biases = [0.0f32, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0];
    let (mut before, mut after, mut n, mut oracle) = (0usize, vec![0usize; biases.len()], 0usize, 0usize);
    for (k, held) in found.iter().enumerate() {
        let rest: Vec<&train_ends::Example> =
            found.iter().enumerate().filter(|(j, _)| *j != k).flat_map(|(_, e)| e).collect();
        let w = train_ends::learn(&rest, ENDS_EPOCHS, seed);
        for e in held {
            n += 1;
            before += usize::from(e.right_at(e.candidates.len() - 1));
            for (b, a) in biases.iter().zip(&mut after) {
                *a += usize::from(e.right_at(train_ends::choose(&w, e, *b)));
            }
            oracle += usize::from((0..e.candidates.len()).any(|i| e.right_at(i)));
        }
    }
    for (b, a) in biases.iter().zip(&after) {
        println!("ends: favouring the end found by {b}: {a} right");
    }
    let (best, bias) = after
        .iter()
        .zip(biases)
        .max_by_key(|(a, b)| (**a, std::cmp::Reverse(b.to_bits())))
        .map_or((0, 0.0), |(a, b)| (*a, b));
    let all: Vec<&train_ends::Example> = found.iter().flatten().collect();
    let w = train_ends::learn(&all, ENDS_EPOCHS, seed);
    let info = format!(
        "report content ends (averaged perceptron ranking); {} folds, {ENDS_EPOCHS} epochs, favouring the end found by {bias}: out-of-fold right {best} against {before} of {n} (at best {oracle})",
        found.len()
    );
    println!("ends: {info}");
    if best > before {
        train_ends::model(&w, bias, info)
    } else {
        train_ends::model(&std::collections::HashMap::new(), 0.0, format!("{info}; left unused"))
    }
}

/// Passes of the ends model's perceptron.
const ENDS_EPOCHS: usize = 10;

/// Passes of the reviewer's gradient descent.
const REVIEW_EPOCHS: usize = 10;

/// The part-of-speech settings (shared by every tagger a run trains).
fn pos_settings(args: &Args) -> Settings {
    Settings {
        epochs: args.pos_epochs,
        min_count: args.min_count,
        min_weight: 0.01,
        seed: 0x5A7_5050,
        margin: args.margin,
        classes: false,
    }
}

/// The settings of the parser's own part-of-speech tagger: those of
/// [`pos_settings`], reading the words' classes (as the engine's parser
/// tagger does, see [`PosTagger::with_classes`]).
fn parser_pos_settings(args: &Args) -> Settings {
    Settings { classes: true, ..pos_settings(args) }
}

/// The sentences of `<ud>/<name>.conllu`.
fn read_conllu(args: &Args, name: &str) -> Result<Vec<sayso_nlp::syntax::conllu::Sentence>> {
    let path = args.ud.join(format!("{name}.conllu"));
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    sayso_nlp::syntax::conllu::read(&text).with_context(|| format!("reading {}", path.display()))
}

/// Train the parser's own part-of-speech tagger (PolNeAR's silver tags and
/// the treebanks' gold ones), print its agreement on the dev splits and
/// write it as `parser-pos.bin`. The entity and attribution models keep the
/// tagger of `pos`, trained on news alone, whose tags they learned from.
fn parser_tagger(args: &Args) -> Result<PosTagger> {
    let t = Instant::now();
    let mut docs = silver::read_split(&args.corpus.join("train")).context("reading the training split")?;
    docs.extend(treebank_docs(args)?);
    let model = taggers::train_pos(&docs, parser_pos_settings(args));
    let tagger = PosTagger::with_classes(model.clone())?;
    let dev = silver::read_split(&args.corpus.join("dev")).context("reading the dev split")?;
    report_tagger(args, "parser tagger", &model, &tagger, t, &dev)?;
    write(&args.out.join("parser-pos.bin"), &model)?;
    Ok(tagger)
}

/// Learn word classes at two sizes from the training texts (PolNeAR,
/// CoNLL-2003, EWT and GUM train) and write them to
/// `word-clusters.tsv` among the lexicons.
fn clusters(args: &Args) -> Result<()> {
    use sayso_nlp::train::clusters::{ClusterSettings, learn};
    let t = Instant::now();
    let mut docs = silver::read_split(&args.corpus.join("train")).context("reading the training split")?;
    docs.extend(read_conll(&args.conll.join("train.conll")));
    for name in ["en_ewt-train", "gum-train"] {
        docs.extend(treebank::tagged_docs(&read_conllu(args, name)?, name));
    }
    let words: usize = docs.iter().map(|d| d.tokens.len()).sum();
    let refs: Vec<&SilverDoc> = docs.iter().collect();
    let mut sizes = Vec::new();
    for &classes in &args.cluster_sizes {
        let t = Instant::now();
        let learned =
            learn(&refs, ClusterSettings { classes, min_count: args.cluster_min_count, passes: 30 });
        eprintln!("{classes} classes for {} words in {:.1?}", learned.len(), t.elapsed());
        sizes.push(learned);
    }
    let Some(first) = sizes.first() else { anyhow::bail!("no class sizes given") };
    let mut out = format!(
        "# Word classes learned by sayso-train clusters from {words} tokens of training text\n\
         # (PolNeAR, CoNLL-2003, EWT and GUM train), {} words seen at least {} times.\n\
         # word (lower-cased, digits as 0)\tclass of {}\n",
        first.len(),
        args.cluster_min_count,
        args.cluster_sizes.iter().map(ToString::to_string).collect::<Vec<_>>().join("\tclass of "),
    );
    let lookup: Vec<std::collections::HashMap<&str, u32>> =
        sizes.iter().map(|s| s.iter().map(|(w, c)| (w.as_str(), *c)).collect()).collect();
    for (word, _) in first {
        out.push_str(word);
        for l in &lookup {
            out.push_str(&format!("\t{}", l.get(word.as_str()).copied().unwrap_or(0)));
        }
        out.push('\n');
    }
    let (path, sum) = write_lexicon(args, "word-clusters.tsv", &out)?;
    println!(
        "clusters: {} words, {words} tokens, in {:.1?}; wrote {} (checksum {sum:016x})",
        first.len(),
        t.elapsed(),
        path.display(),
    );
    Ok(())
}

/// Write a learned table among the lexicons; its path and checksum.
fn write_lexicon(args: &Args, name: &str, table: &str) -> Result<(PathBuf, u64)> {
    let path = args.lexicons.join(name);
    std::fs::write(&path, table).with_context(|| format!("writing {}", path.display()))?;
    Ok((path, checksum(table.as_bytes())))
}

/// Learn the nouns that name a person from GUM's gold mentions and
/// CoNLL-2003's gold names (training splits) and write them to
/// `person-nouns.tsv` among the lexicons.
fn person_nouns(args: &Args) -> Result<()> {
    use sayso_nlp::train::person_nouns::{
        Evidence, NounSettings, count_conll, count_gum, count_treebank, learn,
    };
    let t = Instant::now();
    let mut evidence = Evidence::new();
    let path = args.ud.join("gum-train.conllu");
    let gum = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    count_gum(&gum, &mut evidence);
    let path = args.conll.join("train.conll");
    let conll = conll::read(&path).with_context(|| format!("reading {}", path.display()))?;
    count_conll(&conll, &mut evidence);
    for name in ["en_ewt-train", "gum-train"] {
        count_treebank(&read_conllu(args, name)?, &mut evidence);
    }
    let settings = NounSettings::default();
    let nouns = learn(&evidence, settings);
    let mut out = format!(
        "# Nouns that name a person, learned by sayso-train person-nouns from GUM train\n\
         # (singular nouns heading at least {} mentions of people named or called he or\n\
         # she elsewhere, {:.0}% of their mentions) and CoNLL-2003 train (lower-case\n\
         # singular nouns just before a person's name at least {} times, {:.0}% of their uses),\n\
         # unless EWT and GUM tag the word as something else more often than as a noun.\n\
         # Speaker resolution reads them as role nouns where its own lists say nothing.\n\
         # noun\tGUM mentions of people\tGUM mentions\tCoNLL uses before a name\tCoNLL uses\n",
        settings.min_people,
        settings.people_share * 100.0,
        settings.min_before_names,
        settings.before_share * 100.0,
    );
    for noun in &nouns {
        let c = evidence.get(*noun).copied().unwrap_or_default();
        out.push_str(&format!("{noun}\t{}\t{}\t{}\t{}\n", c.people, c.mentions, c.before_names, c.uses));
    }
    let (path, sum) = write_lexicon(args, "person-nouns.tsv", &out)?;
    println!(
        "person nouns: {} of {} nouns, in {:.1?}; wrote {} (checksum {sum:016x})",
        nouns.len(),
        evidence.len(),
        t.elapsed(),
        path.display(),
    );
    Ok(())
}

/// The EWT and GUM training treebanks as tagging documents, each repeated
/// `--parser-tagger-treebank-weight` times.
fn treebank_docs(args: &Args) -> Result<Vec<SilverDoc>> {
    let mut docs = Vec::new();
    if args.parser_tagger_treebank_weight == 0 {
        return Ok(docs);
    }
    for name in ["en_ewt-train", "gum-train"] {
        docs.extend(treebank::tagged_docs(&read_conllu(args, name)?, name));
    }
    let once = docs.len();
    for _ in 1..args.parser_tagger_treebank_weight {
        docs.extend_from_within(..once);
    }
    Ok(docs)
}

/// The parser's training sentences (EWT and GUM train), each fold tagged
/// by a part-of-speech tagger trained as the parser's own tagger is, but
/// without that fold's sentences.
fn jackknifed_trees(args: &Args) -> Result<Vec<sayso_nlp::train::parser::TreeSentence>> {
    use sayso_nlp::train::parser as train_parser;
    let folds = args.parser_folds.max(1);
    let silver = silver::read_split(&args.corpus.join("train")).context("reading the training split")?;
    let mut sentences = read_conllu(args, "en_ewt-train")?;
    sentences.extend(read_conllu(args, "gum-train")?);
    sentences.retain(|s| !s.is_empty());
    if args.parser_tagger_treebank_weight == 0 {
        // The tagger never sees the treebanks: nothing to hold out.
        let pos = PosTagger::with_classes(taggers::train_pos(&silver, parser_pos_settings(args)))?;
        return Ok(train_parser::prepare(&sentences, &pos));
    }
    let docs = treebank::tagged_docs(&sentences, "treebank");
    let mut out: Vec<Option<train_parser::TreeSentence>> = sentences.iter().map(|_| None).collect();
    for fold in 0..folds {
        let t = Instant::now();
        let mut rest: Vec<SilverDoc> = silver.clone();
        for _ in 0..args.parser_tagger_treebank_weight {
            rest.extend(docs.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, d)| d.clone()));
        }
        let tagger = PosTagger::with_classes(taggers::train_pos(&rest, parser_pos_settings(args)))?;
        let held: Vec<usize> = (fold..sentences.len()).step_by(folds).collect();
        let held_sentences: Vec<_> = held.iter().map(|&i| sentences[i].clone()).collect();
        for (i, tree) in held.into_iter().zip(train_parser::prepare(&held_sentences, &tagger)) {
            out[i] = Some(tree);
        }
        eprintln!("tagged treebank fold {} of {folds} in {:.1?}", fold + 1, t.elapsed());
    }
    Ok(out.into_iter().flatten().collect())
}

fn ner_docs<'a>(pos: &PosTagger, docs: &'a [SilverDoc]) -> Vec<NerDoc<'a>> {
    docs.iter()
        .map(|doc| {
            let words = word_infos(&doc.text, &doc.tokens);
            let tags = taggers::tag_doc(pos, doc, &words);
            let mut gazetteer = Vec::new();
            Gazetteer::embedded().mark(&doc.text, &doc.tokens, &mut gazetteer);
            let doc_words = sayso_nlp::entities::ner::DocWords::of(&words, doc.sentences.iter().cloned());
            NerDoc { doc, words, pos: tags, gazetteer, doc_words }
        })
        .collect()
}

/// Training documents tagged by part-of-speech models that did not see
/// them (five folds), so the entity model learns from tags as noisy as the
/// ones it will get on new text.
fn jackknifed_ner_docs(docs: &[SilverDoc], settings: Settings) -> Result<Vec<NerDoc<'_>>> {
    const FOLDS: usize = 5;
    let mut out: Vec<Option<NerDoc<'_>>> = docs.iter().map(|_| None).collect();
    for fold in 0..FOLDS {
        let rest: Vec<SilverDoc> =
            docs.iter().enumerate().filter(|(i, _)| i % FOLDS != fold).map(|(_, d)| d.clone()).collect();
        let tagger = PosTagger::new(taggers::train_pos(&rest, settings))?;
        for (i, doc) in docs.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            out[i] = ner_docs(&tagger, std::slice::from_ref(doc)).pop();
        }
    }
    Ok(out.into_iter().flatten().collect())
}

/// The documents of a CoNLL file, or none (with a warning) when it is missing.
fn read_conll(path: &Path) -> Vec<SilverDoc> {
    match conll::read(path) {
        Ok(docs) => docs,
        Err(err) => {
            eprintln!("sayso-train: skipping CoNLL data: {err}");
            Vec::new()
        }
    }
}

/// The documents of a GUM file, or none (with a warning) when it is missing.
fn read_gum(path: &Path) -> Vec<SilverDoc> {
    match gum::read(path) {
        Ok(docs) => docs,
        Err(err) => {
            eprintln!("sayso-train: skipping GUM data: {err}");
            Vec::new()
        }
    }
}

/// Print a part-of-speech tagger's size, training time and agreement with
/// CoreNLP on the PolNeAR dev split and with the treebanks' dev tags.
fn report_tagger(
    args: &Args,
    name: &str,
    model: &Model,
    tagger: &PosTagger,
    started: Instant,
    dev: &[SilverDoc],
) -> Result<()> {
    println!(
        "{name}: {} features, trained in {:.1?}; dev accuracy vs CoreNLP {:.4}",
        model.n_features(),
        started.elapsed(),
        taggers::pos_accuracy(tagger, dev)
    );
    for bank in ["en_ewt-dev", "gum-dev"] {
        let docs = treebank::tagged_docs(&read_conllu(args, bank)?, bank);
        println!(
            "{name}: {bank} accuracy vs the treebank's Penn tags (extensions read into the tag set) {:.4}",
            taggers::pos_accuracy(tagger, &docs)
        );
    }
    Ok(())
}

fn load(path: &Path) -> Result<Model> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Model::from_bytes(&bytes).with_context(|| format!("loading {}", path.display()))
}

fn write(path: &Path, model: &Model) -> Result<()> {
    let bytes = model.to_bytes();
    std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    println!("wrote {} ({} bytes, checksum {:016x})", path.display(), bytes.len(), checksum(&bytes));
    Ok(())
}
