//! Training and evaluating the dependency parser on treebanks in CoNLL-U.
//!
//! Sentences are tagged by the engine's own part-of-speech tagger, so the
//! parser learns from the tags it will see on new text. Non-projective
//! trees are made projective by lifting arcs, and the dynamic oracle lets
//! training follow the parser's own mistakes (exploration) and learn the
//! best way on from there.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::syntax::conllu::Sentence;
use crate::syntax::eval::Score;
use crate::syntax::features::{self, Atom};
use crate::syntax::parser::{Parser, Scratch, best_legal, move_labels};
use crate::syntax::transition::{Gold, Move, N_MOVES, State};
use crate::syntax::{Dependency, Relation, UposTable};
use crate::tag::features::WordInfo;
use crate::tag::model::Model;
use crate::tag::pos::{Pos, TAGSET};
use crate::tag::pos_tagger::PosTagger;
use crate::train::Rng;
use crate::train::sparse::SparsePerceptron;

/// A treebank sentence ready for training or evaluation.
#[derive(Debug, Clone)]
pub struct TreeSentence {
    /// The words' descriptions.
    pub words: Vec<WordInfo>,
    /// The lower-cased forms (for the universal tag table).
    pub lower: Vec<String>,
    /// Tags from the engine's tagger.
    pub tags: Vec<Pos>,
    /// The treebank's Penn tags, where they are in the engine's tag set.
    pub gold_tags: Vec<Option<Pos>>,
    /// The treebank's Penn tags with its extensions read into the tag set
    /// (see [`Pos::from_treebank`]): what the tagger learns.
    pub penn: Vec<Pos>,
    /// The treebank's universal tags.
    pub upos: Vec<String>,
    /// The gold tree.
    pub tree: Vec<Dependency>,
}

/// Read the words, tags and trees of CoNLL-U sentences and tag them with
/// `tagger`. A head that is not a number, or points outside its
/// sentence, makes the word depend on the root with `dep` (the treebanks
/// have none such); sentences without words are skipped.
#[must_use]
pub fn prepare(sentences: &[Sentence], tagger: &PosTagger) -> Vec<TreeSentence> {
    let mut scratch = Vec::new();
    sentences
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| {
            let n = s.len();
            let words: Vec<WordInfo> = s.forms().map(WordInfo::new).collect();
            let mut tags = Vec::with_capacity(n);
            tagger.tag(&words, &mut tags, &mut scratch);
            let tree = s
                .words()
                .map(|c| match c[6].parse::<u32>() {
                    Ok(head) if head as usize <= n => {
                        Dependency { head, relation: Relation::parse(&c[7]).unwrap_or(Relation::DEP) }
                    }
                    _ => Dependency { head: 0, relation: Relation::DEP },
                })
                .collect();
            TreeSentence {
                lower: s.forms().map(str::to_lowercase).collect(),
                gold_tags: s.words().map(|c| Pos::parse(&c[4])).collect(),
                penn: s.words().map(|c| Pos::from_treebank(&c[1], &c[4], &c[3])).collect(),
                upos: s.words().map(|c| c[3].clone()).collect(),
                words,
                tags,
                tree,
            }
        })
        .collect()
}

/// Settings of the parser trainer.
#[derive(Debug, Clone, Copy)]
pub struct ParserSettings {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling order and of exploration.
    pub seed: u64,
    /// From this pass on, a wrong move is followed (with [`Self::explore`] probability).
    pub explore_from: usize,
    /// Probability of following a wrong move once exploring.
    pub explore: f64,
    /// Share of sentences trained with the treebank's own Penn tags instead
    /// of the tagger's.
    pub gold_tags: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
    /// Parsers trained with their own seeds and averaged into one (see
    /// [`train_bagged_rows`]).
    pub bags: usize,
}

/// A uniform number in [0, 1).
fn unit(rng: &mut Rng) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let x = (rng.next_u64() >> 11) as f64;
    x / (1u64 << 53) as f64
}

/// Make a tree projective: while an arc crosses another, the shortest
/// such arc's dependent is lifted to its head's head.
pub fn projectivise(heads: &mut [u32]) {
    // heads[k] is the head node of node k + 1 (0 is the root).
    let n = heads.len();
    let head_of =
        |heads: &[u32], node: usize| if node == 0 { None } else { heads.get(node - 1).map(|&h| h as usize) };
    // Bounded: each lift moves a dependent strictly closer to the root.
    for _ in 0..n * n + 1 {
        let dominated = |heads: &[u32], top: usize, mut k: usize| {
            for _ in 0..=n {
                if k == top {
                    return true;
                }
                match head_of(heads, k) {
                    Some(h) => k = h,
                    None => return false,
                }
            }
            false
        };
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let h = heads[d - 1] as usize;
            if h == 0 || h > n {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            if (lo + 1..hi).any(|k| !dominated(heads, h, k)) && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        let Some((d, _)) = worst else { return };
        let h = heads[d - 1] as usize;
        heads[d - 1] = head_of(heads, h).map_or(0, |g| u32::try_from(g).unwrap_or(0));
    }
}

/// Train a parser model on `sentences`.
#[must_use]
pub fn train(sentences: &[TreeSentence], settings: ParserSettings) -> Model {
    let rows = train_rows(sentences, settings);
    model(rows, settings)
}

/// The model of trained rows, without weights smaller than the settings' `min_weight`.
#[must_use]
pub fn model(mut rows: Vec<(u64, Vec<(u8, f32)>)>, settings: ParserSettings) -> Model {
    for (_, row) in &mut rows {
        row.retain(|e| e.1.abs() >= settings.min_weight);
    }
    let info = format!(
        "dependency parser (arc-hybrid, averaged perceptron); {} bags, epochs {}, exploration {} from pass {}, gold tags {}, min weight {}",
        settings.bags,
        settings.epochs,
        settings.explore,
        settings.explore_from + 1,
        settings.gold_tags,
        settings.min_weight,
    );
    Model::from_rows(move_labels(), info, rows)
}

/// A model's sparse rows: per feature key, its (class, weight) entries.
pub type Rows = Vec<(u64, Vec<(u8, f32)>)>;

/// Train the settings' `bags` parsers at once, each with its own seed (its own
/// shuffling and exploration), and average their weights: rows as
/// [`train_rows`] gives, in ascending key order. One bag is
/// [`train_rows`] itself.
#[must_use]
pub fn train_bagged_rows(sentences: &[TreeSentence], settings: ParserSettings) -> Rows {
    let bags = settings.bags;
    if bags <= 1 {
        return train_rows(sentences, settings);
    }
    let all: Vec<Rows> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..bags as u64)
            .map(|k| {
                scope.spawn(move || {
                    train_rows(sentences, ParserSettings { seed: settings.seed + k, ..settings })
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut sum: BTreeMap<u64, [f32; N_MOVES]> = BTreeMap::new();
    for rows in &all {
        for (key, row) in rows {
            let weights = sum.entry(*key).or_insert([0.0; N_MOVES]);
            for &(c, w) in row {
                if let Some(x) = weights.get_mut(usize::from(c)) {
                    *x += w;
                }
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let n = all.len().max(1) as f32;
    sum.into_iter()
        .map(|(key, weights)| {
            let row = (0u8..).zip(weights).filter(|&(_, w)| w != 0.0).map(|(c, w)| (c, w / n)).collect();
            (key, row)
        })
        .collect()
}

/// Train the parser's weights on `sentences`: averaged sparse rows (see [`model`]).
#[must_use]
pub fn train_rows(sentences: &[TreeSentence], settings: ParserSettings) -> Vec<(u64, Vec<(u8, f32)>)> {
    let golds: Vec<(Vec<u32>, Vec<Relation>)> = sentences
        .iter()
        .map(|s| {
            let mut heads: Vec<u32> = s.tree.iter().map(|d| d.head).collect();
            projectivise(&mut heads);
            // Node-indexed, the root first.
            let heads = std::iter::once(0).chain(heads).collect();
            let relations =
                std::iter::once(Relation::ROOT).chain(s.tree.iter().map(|d| d.relation)).collect();
            (heads, relations)
        })
        .collect();
    let mut p = SparsePerceptron::new();
    let mut rng = Rng::new(settings.seed);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let (mut state, mut atoms, mut feats, mut tags) =
        (State::default(), Vec::<Atom>::new(), Vec::new(), Vec::new());
    let mut scores = [0f32; N_MOVES];
    let mut costs = [0u32; N_MOVES];
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &sentences[si];
            tags.clear();
            if unit(&mut rng) < settings.gold_tags {
                tags.extend_from_slice(&s.penn);
            } else {
                tags.extend_from_slice(&s.tags);
            }
            features::atoms(&s.words, &tags, &mut atoms);
            let gold = Gold { heads: &golds[si].0, relations: &golds[si].1 };
            state.reset(s.words.len());
            while !state.is_final() {
                features::extract(&state, &atoms, &mut feats);
                p.score(&feats, &mut scores);
                gold.costs(&state, &mut costs);
                let predicted = best_legal(&state, &scores);
                let least = costs.iter().copied().min().unwrap_or(0);
                let mut best = None;
                for c in (0..N_MOVES).filter(|&c| costs[c] == least) {
                    if best.is_none_or(|b: usize| scores[c] > scores[b]) {
                        best = Some(c);
                    }
                }
                let best = best.unwrap_or(0);
                let wrong = costs[predicted.class()] > least;
                if wrong {
                    p.update(&feats, u8::try_from(best).unwrap_or(0), 1);
                    p.update(&feats, u8::try_from(predicted.class()).unwrap_or(0), -1);
                }
                p.tick();
                let follow = if wrong && epoch >= settings.explore_from && unit(&mut rng) < settings.explore {
                    predicted
                } else if wrong {
                    Move::of_class(best)
                } else {
                    predicted
                };
                state.apply(follow);
            }
        }
    }
    p.averaged_rows(0.0)
}

/// Attachment scores of `parser` on `sentences` (gold words, the tagger's tags).
#[must_use]
pub fn evaluate(parser: &Parser, sentences: &[TreeSentence]) -> Score {
    evaluate_with(parser, sentences, false)
}

/// Attachment scores of `parser` on `sentences` given the treebank's own
/// Penn tags (its extensions read into the tag set) instead of the
/// tagger's: what tagging errors cost.
#[must_use]
pub fn evaluate_gold_tags(parser: &Parser, sentences: &[TreeSentence]) -> Score {
    evaluate_with(parser, sentences, true)
}

fn evaluate_with(parser: &Parser, sentences: &[TreeSentence], gold_tags: bool) -> Score {
    let mut score = Score::default();
    let mut scratch = Scratch::default();
    let (mut out, mut tags) = (Vec::new(), Vec::new());
    for s in sentences {
        out.clear();
        tags.clear();
        if gold_tags {
            tags.extend_from_slice(&s.penn);
        } else {
            tags.extend_from_slice(&s.tags);
        }
        parser.parse(&s.words, &tags, &mut out, &mut scratch);
        score.add(&s.tree, &out);
    }
    score
}

/// Share of words whose tagger tag equals the treebank's Penn tag (its
/// extensions, such as `HYPH`, count as disagreements).
#[must_use]
pub fn tag_accuracy(sentences: &[TreeSentence]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in sentences {
        all += s.tags.len();
        right += s.tags.iter().zip(&s.gold_tags).filter(|(t, g)| Some(**t) == **g).count();
    }
    #[allow(clippy::cast_precision_loss)]
    if all == 0 { 0.0 } else { right as f64 / all as f64 }
}

/// Share of words whose tagger tag equals the treebank's Penn tag with its
/// extensions read into the tag set (what the tagger is taught).
#[must_use]
pub fn penn_accuracy(sentences: &[TreeSentence]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in sentences {
        all += s.tags.len();
        right += s.tags.iter().zip(&s.penn).filter(|(t, g)| t == g).count();
    }
    #[allow(clippy::cast_precision_loss)]
    if all == 0 { 0.0 } else { right as f64 / all as f64 }
}

/// Share of words whose universal tag from `table` equals the treebank's.
#[must_use]
pub fn upos_accuracy(table: &UposTable, sentences: &[TreeSentence]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in sentences {
        for ((w, t), u) in s.words.iter().zip(&s.tags).zip(&s.upos) {
            all += 1;
            right += usize::from(table.upos(w, *t) == u);
        }
    }
    #[allow(clippy::cast_precision_loss)]
    if all == 0 { 0.0 } else { right as f64 / all as f64 }
}

/// Learn the Penn-to-universal tag table (the text of `upos.tsv`) from
/// the treebanks' own tags: each Penn tag's most frequent universal tag,
/// and the words seen at least `min_count` times with a tag whose most
/// frequent universal tag differs.
#[must_use]
pub fn learn_upos_table(sentences: &[TreeSentence], min_count: usize) -> String {
    let mut by_tag: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut by_word: BTreeMap<(&str, &str), BTreeMap<&str, usize>> = BTreeMap::new();
    for s in sentences {
        // The treebank's own Penn tags: the table says what a tag means,
        // not where the tagger goes wrong.
        for ((t, lower), u) in s.gold_tags.iter().zip(&s.lower).zip(&s.upos) {
            let Some(t) = t else { continue };
            *by_tag.entry(t.as_str()).or_default().entry(u).or_default() += 1;
            if !lower.contains(['\t', '\n', '\r']) {
                *by_word.entry((t.as_str(), lower)).or_default().entry(u).or_default() += 1;
            }
        }
    }
    // The most frequent value; ties go to the first in order.
    let top = |counts: &BTreeMap<&str, usize>| {
        counts.iter().fold(("X", 0), |best, (&u, &c)| if c > best.1 { (u, c) } else { best }).0.to_owned()
    };
    let mut out = String::from(
        "# Penn Treebank tag -> Universal Dependencies part of speech, learned by\n\
         # `sayso-train parser` from the treebanks' own tags.\n\
         # TAG<TAB>UPOS is a tag's default; TAG<TAB>word<TAB>UPOS an exception.\n",
    );
    for tag in TAGSET {
        let default = by_tag.get(tag).map_or_else(|| "X".to_owned(), &top);
        let _ = writeln!(out, "{tag}\t{default}");
        for ((_, word), counts) in by_word.range((tag, "")..).take_while(|((t, _), _)| *t == tag) {
            let best = top(counts);
            if counts.values().sum::<usize>() >= min_count && best != default {
                let _ = writeln!(out, "{tag}\t{word}\t{best}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREES: &str = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n\
                         2\tmayor\tmayor\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
                         3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                         4\tno\tno\tINTJ\tUH\t_\t3\tobj\t_\t_\n\
                         5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n\
                         1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
                         2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                         3\tearly\tearly\tADV\tRB\t_\t2\tadvmod\t_\t_\n\n";

    fn settings(bags: usize) -> ParserSettings {
        ParserSettings {
            epochs: 3,
            seed: 7,
            explore_from: 1,
            explore: 0.5,
            gold_tags: 0.5,
            min_weight: 0.0,
            bags,
        }
    }

    #[test]
    fn bagged_weights_are_the_mean_of_the_bags() {
        let labels = TAGSET.iter().map(|&t| t.to_owned()).collect();
        let tagger = PosTagger::new(Model::from_rows(labels, String::new(), Vec::new())).expect("tagger");
        let sentences = prepare(&crate::syntax::conllu::read(TREES).expect("CoNLL-U"), &tagger);
        assert_eq!(sentences.len(), 2);
        let one = train_rows(&sentences, settings(1));
        assert_eq!(train_bagged_rows(&sentences, settings(1)), one);
        let bagged = train_bagged_rows(&sentences, settings(3));
        assert!(bagged.windows(2).all(|w| w[0].0 < w[1].0), "rows in ascending key order");
        let runs: Vec<BTreeMap<u64, Vec<(u8, f32)>>> = (0..3)
            .map(|k| {
                train_rows(&sentences, ParserSettings { seed: 7 + k, ..settings(1) }).into_iter().collect()
            })
            .collect();
        let weight = |row: Option<&Vec<(u8, f32)>>, c: u8| {
            row.and_then(|r| r.iter().find(|e| e.0 == c)).map_or(0.0, |e| e.1)
        };
        let mut checked = 0;
        for (key, row) in &bagged {
            for &(c, w) in row {
                let mean = runs.iter().map(|r| weight(r.get(key), c)).sum::<f32>() / 3.0;
                assert!((w - mean).abs() < 1e-4, "{w} against the mean {mean}");
                checked += 1;
            }
        }
        assert!(checked > 0);
    }

    #[test]
    fn lifting_makes_crossing_arcs_projective() {
        // Word 1 → 3, word 2 → 0 (root), word 3 → 2, word 4 → 1: the arc 1–4 crosses 2–3... and root.
        let mut heads = vec![3, 0, 2, 1];
        projectivise(&mut heads);
        for d in 1..=heads.len() {
            let h = heads[d - 1] as usize;
            if h == 0 {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            for k in lo + 1..hi {
                // Every word between is dominated by the head.
                let mut x = k;
                while x != h && x != 0 {
                    x = heads[x - 1] as usize;
                }
                assert_eq!(x, h, "arc {h}→{d} is projective after lifting: {heads:?}");
            }
        }
        let mut already = vec![2, 0, 2];
        projectivise(&mut already);
        assert_eq!(already, vec![2, 0, 2]);
    }
}
