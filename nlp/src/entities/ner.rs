//! Named-entity recognition: PERSON, ORG, LOC and MISC with a BILOU-tagged
//! structured perceptron decoded by Viterbi, so entity tags always nest
//! correctly.

use crate::annotation::EntityLabel;
use crate::entities::gazetteer::GazFlags;
use crate::tag::bilou;
pub use crate::tag::bilou::Part;
use crate::tag::features::{HAS_DIGIT, IS_PUNCT, IS_TITLE, WordInfo, feat, feat2};
use crate::tag::hash::PrehashedSet;
use crate::tag::model::{Model, ModelError};
use crate::tag::pos::Pos;
use crate::tag::viterbi::{self, Lattice};

/// Entity types the model learns, in label order.
pub const TYPES: [EntityLabel; 4] =
    [EntityLabel::Person, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];
/// Number of BILOU labels: O plus B, I, L, U for each type.
pub const N_LABELS: usize = bilou::n_labels(TYPES.len());
/// The "outside" label.
pub const OUTSIDE: usize = bilou::OUTSIDE;
const START_LABEL: u64 = N_LABELS as u64;

/// The label index for an entity type and part.
#[must_use]
pub const fn label(ty: usize, part: Part) -> usize {
    part.label(ty)
}

/// Type index and part of a non-O label.
#[must_use]
pub const fn parts(label: usize) -> Option<(usize, Part)> {
    Part::of(label, N_LABELS)
}

/// Label names as stored in the model ("O", "B-PERSON", ...).
#[must_use]
pub fn label_names() -> Vec<String> {
    bilou::label_names(&TYPES.map(EntityLabel::as_str))
}

/// Everything the entity features read about one sentence.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Surface descriptions of the words.
    pub words: &'a [WordInfo],
    /// Part-of-speech tags of the words.
    pub pos: &'a [Pos],
    /// Gazetteer flags of the words (may be empty).
    pub gazetteer: &'a [GazFlags],
    /// How the document writes its words elsewhere.
    pub doc: &'a DocWords,
}

/// How a document writes its words: which appear in lower case, and which
/// capitalised inside a sentence. A capitalised word also seen in lower case
/// ("Will", "Over" in a headline) is less likely a name.
#[derive(Debug, Default, Clone)]
pub struct DocWords {
    lowercase: PrehashedSet,
    title_inside: PrehashedSet,
}

impl DocWords {
    /// How the sentences `sentences` (ranges into `words`) write their words.
    pub fn of(words: &[WordInfo], sentences: impl IntoIterator<Item = std::ops::Range<usize>>) -> Self {
        let mut doc = Self::default();
        for s in sentences {
            if let Some(sentence) = words.get(s) {
                doc.add_sentence(sentence);
            }
        }
        doc
    }

    /// Note the words of one sentence.
    fn add_sentence(&mut self, words: &[WordInfo]) {
        for (i, w) in words.iter().enumerate() {
            if w.flags & (IS_TITLE | IS_PUNCT | HAS_DIGIT) == 0 {
                self.lowercase.insert(w.lower);
            } else if i > 0 && w.has(IS_TITLE) {
                self.title_inside.insert(w.lower);
            }
        }
    }

    /// Bit 0: `w` appears in lower case; bit 1: capitalised inside a sentence.
    #[must_use]
    pub fn code(&self, w: &WordInfo) -> u64 {
        u64::from(self.lowercase.contains(&w.lower)) | u64::from(self.title_inside.contains(&w.lower)) << 1
    }
}

/// The emission features of word `i`.
pub fn features(cx: &Context<'_>, i: usize, out: &mut Vec<u64>) {
    let pad = WordInfo::pad();
    let at =
        |k: isize| -> &WordInfo { i.checked_add_signed(k).and_then(|j| cx.words.get(j)).unwrap_or(&pad) };
    let pos = |k: isize| -> u64 {
        i.checked_add_signed(k).and_then(|j| cx.pos.get(j)).map_or(0xFF, |p| u64::from(p.0))
    };
    let gaz = |k: isize| -> u64 {
        i.checked_add_signed(k).and_then(|j| cx.gazetteer.get(j)).map_or(0, |g| u64::from(g.0))
    };
    let (w, p1, p2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    out.extend_from_slice(&[
        feat(1, 0),
        feat(2, w.lower),
        feat(3, w.exact),
        feat(4, p1.lower),
        feat(5, n1.lower),
        feat(6, p2.lower),
        feat(7, n2.lower),
        feat(8, p1.exact),
        feat(9, n1.exact),
        feat(10, w.shape),
        feat(11, p1.shape),
        feat(12, n1.shape),
        feat2(13, feat2(0, p1.shape, w.shape), n1.shape),
        feat(14, w.suffix[2]),
        feat(15, w.suffix[3]),
        feat(16, w.prefix[2]),
        feat(17, pos(0)),
        feat(18, pos(-1)),
        feat(19, pos(1)),
        feat2(20, pos(-1), pos(0)),
        feat2(21, pos(0), pos(1)),
        feat2(22, p1.lower, w.lower),
        feat2(23, w.lower, n1.lower),
        feat(24, u64::from(w.flags)),
        feat(27, gaz(0)),
        feat(28, gaz(-1)),
        feat(29, gaz(1)),
        feat2(30, gaz(0), w.shape),
        feat2(31, w.exact, pos(0)),
        feat2(34, p1.lower, w.shape),
        feat2(35, w.shape, n1.lower),
        feat(36, w.suffix[1]),
        feat(37, w.prefix[1]),
        feat(38, p2.shape),
        feat(39, n2.shape),
        feat2(40, p2.lower, p1.lower),
        feat2(41, n1.lower, n2.lower),
        feat(42, p1.lower),
        feat(42, p2.lower),
        feat(43, n1.lower),
        feat(43, n2.lower),
    ]);
    // One feature per gazetteer flag of the word and its neighbours, so
    // that lists generalise even when several flags are set at once.
    for (k, template) in [(0, 60), (-1, 80), (1, 100)] {
        let mut g = gaz(k);
        while g != 0 {
            out.push(feat(template, u64::from(g.trailing_zeros())));
            g &= g - 1;
        }
    }
    // The run of capitalised words the word is in ("Commission on
    // Presidential Debates"): its first and last words and the position.
    if let Some(run) = capitalised_run(cx.words, i) {
        let len = (run.end - run.start).min(6) as u64;
        let place = if run.end - run.start == 1 {
            0
        } else if i == run.start {
            1
        } else if i + 1 == run.end {
            2
        } else {
            3
        };
        out.push(feat(50, cx.words[run.end - 1].lower));
        out.push(feat(51, cx.words[run.start].lower));
        out.push(feat2(52, place, len));
        out.push(feat2(53, place, cx.words[run.end - 1].lower));
        if run.end - run.start > 1 {
            let whole = cx.words[run.clone()].iter().fold(0u64, |h, w| feat2(0, h, w.lower));
            out.push(feat2(54, place, whole));
        }
    }
    // Disjunctive context: a word anywhere within four to the left or right.
    for k in 3..=4 {
        out.push(feat(42, at(-k).lower));
        out.push(feat(43, at(k).lower));
    }
    if w.has(IS_TITLE) {
        let code = cx.doc.code(w);
        out.push(feat2(55, code, u64::from(i == 0)));
        out.push(feat2(56, code, pos(0)));
    }
    if i == 0 {
        out.push(feat(32, w.shape));
        out.push(feat(33, w.lower));
    }
}

/// Lower-case words that may join capitalised words into one name.
static CONNECTORS: std::sync::LazyLock<[u64; 9]> = std::sync::LazyLock::new(|| {
    ["of", "on", "for", "and", "the", "de", "von", "der", "&"].map(|w| WordInfo::new(w).lower)
});

/// Longest reach of a capitalised run on either side of a word.
const RUN_REACH: usize = 8;

fn is_capitalised(w: &WordInfo) -> bool {
    w.has(IS_TITLE)
}

/// The run of capitalised words (joined by connectors) around word `i`.
fn capitalised_run(words: &[WordInfo], i: usize) -> Option<std::ops::Range<usize>> {
    if !is_capitalised(words.get(i)?) {
        return None;
    }
    let joins = |j: usize| CONNECTORS.contains(&words[j].lower);
    let mut start = i;
    while start > 0 && i - start < RUN_REACH {
        if is_capitalised(&words[start - 1]) {
            start -= 1;
        } else if start >= 2 && joins(start - 1) && is_capitalised(&words[start - 2]) {
            start -= 2;
        } else {
            break;
        }
    }
    let mut end = i + 1;
    while end < words.len() && end - i < RUN_REACH {
        if is_capitalised(&words[end]) {
            end += 1;
        } else if end + 1 < words.len() && joins(end) && is_capitalised(&words[end + 1]) {
            end += 2;
        } else {
            break;
        }
    }
    Some(start..end)
}

/// The feature of moving from `prev` (`None` = start) to the label being scored.
#[must_use]
pub const fn transition_feature(prev: Option<usize>) -> u64 {
    match prev {
        None => feat(200, START_LABEL),
        Some(p) => feat(200, p as u64),
    }
}

/// The label constraints of the BILOU set, for [`crate::tag::viterbi`].
#[must_use]
pub fn lattice() -> Lattice {
    bilou::lattice(N_LABELS)
}

/// Viterbi over emission scores (`n × N_LABELS`, row-major) and transitions
/// (`(N_LABELS + 1) × N_LABELS`, the last row for the start). Transitions
/// that [`allowed`] forbids are never taken, whatever their weight.
pub fn viterbi(emissions: &[f32], transitions: &[f32], out: &mut Vec<usize>) {
    lattice().decode(emissions, transitions, out, &mut viterbi::Scratch::default());
}

/// A trained entity recogniser.
#[derive(Debug, Clone)]
pub struct EntityTagger {
    model: Model,
    transitions: Vec<f32>,
    lattice: Lattice,
}

impl EntityTagger {
    /// Wrap a model whose labels are [`label_names`].
    ///
    /// # Errors
    /// [`ModelError::Malformed`] when the labels differ.
    pub fn new(model: Model) -> Result<Self, ModelError> {
        if model.labels != label_names() {
            return Err(ModelError::Malformed("entity labels differ from the BILOU set"));
        }
        let transitions = transition_table(&model);
        Ok(Self { model, transitions, lattice: lattice() })
    }

    /// The underlying model.
    #[must_use]
    pub const fn model(&self) -> &Model {
        &self.model
    }

    /// Label one sentence; `out` receives one BILOU label per word.
    pub fn tag(&self, cx: &Context<'_>, out: &mut Vec<usize>, scratch: &mut Scratch) {
        let n = cx.words.len();
        scratch.emissions.clear();
        scratch.emissions.resize(n * N_LABELS, 0.0);
        for i in 0..n {
            let row = &mut scratch.emissions[i * N_LABELS..(i + 1) * N_LABELS];
            if self.model.contains(outside_key(&cx.words[i])) {
                only_outside(row);
                continue;
            }
            scratch.features.clear();
            features(cx, i, &mut scratch.features);
            self.model.score(&scratch.features, row);
        }
        self.lattice.decode(&scratch.emissions, &self.transitions, out, &mut scratch.viterbi);
    }
}

/// Template of the outside-dictionary entries: frequent words never seen
/// in an entity are labelled O without scoring.
const OUTSIDE_WORD: u64 = 300;

/// The outside-dictionary key of a word.
#[must_use]
pub const fn outside_key(word: &WordInfo) -> u64 {
    feat(OUTSIDE_WORD, word.exact)
}

/// Emission scores that allow only O (finite, so sums stay well-defined).
pub fn only_outside(row: &mut [f32]) {
    row.iter_mut().for_each(|e| *e = -1.0e6);
    if let Some(o) = row.get_mut(OUTSIDE) {
        *o = 0.0;
    }
}

/// Reusable buffers for [`EntityTagger::tag`].
#[derive(Debug, Default)]
pub struct Scratch {
    features: Vec<u64>,
    emissions: Vec<f32>,
    viterbi: viterbi::Scratch,
}

/// The dense transition table of a model (see [`viterbi`]).
#[must_use]
pub fn transition_table(model: &Model) -> Vec<f32> {
    let mut t = vec![0f32; (N_LABELS + 1) * N_LABELS];
    for p in 0..=N_LABELS {
        let prev = (p < N_LABELS).then_some(p);
        model.add(transition_feature(prev), &mut t[p * N_LABELS..(p + 1) * N_LABELS]);
    }
    t
}

/// Turn BILOU labels into `(first, end, type)` token runs.
#[must_use]
pub fn runs(labels: &[usize]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match parts(l) {
            Some((ty, Part::Unit)) => out.push((i, i + 1, TYPES[ty])),
            Some((ty, Part::Begin)) => open = Some((i, ty)),
            Some((ty, Part::Last)) => {
                if let Some((s, t)) = open.take()
                    && t == ty
                {
                    out.push((s, i + 1, TYPES[ty]));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(prev: Option<usize>, cur: usize) -> bool {
        bilou::allowed(prev, cur, N_LABELS)
    }

    fn may_end(label: usize) -> bool {
        bilou::may_end(label, N_LABELS)
    }

    #[test]
    fn transitions_keep_entities_well_formed() {
        let b = label(0, Part::Begin);
        let l = label(0, Part::Last);
        assert!(allowed(None, b));
        assert!(!allowed(None, l));
        assert!(allowed(Some(b), l));
        assert!(!allowed(Some(b), label(1, Part::Last)));
        assert!(!allowed(Some(b), OUTSIDE));
        assert!(!may_end(b));
        assert_eq!(label_names().len(), N_LABELS);
    }

    #[test]
    fn viterbi_never_leaves_an_entity_open() {
        // Emissions that greedily prefer B at the end must still decode well-formed.
        let n = 3;
        let mut em = vec![0f32; n * N_LABELS];
        for i in 0..n {
            em[i * N_LABELS + label(2, Part::Begin)] = 5.0;
        }
        let tr = vec![0f32; (N_LABELS + 1) * N_LABELS];
        let mut out = Vec::new();
        viterbi(&em, &tr, &mut out);
        assert_eq!(out.len(), n);
        assert!(allowed(None, out[0]));
        assert!(out.windows(2).all(|w| allowed(Some(w[0]), w[1])));
        assert!(may_end(out[n - 1]));
        assert_eq!(
            runs(&[label(0, Part::Begin), label(0, Part::Last), OUTSIDE, label(3, Part::Unit)]).len(),
            2
        );
    }

    #[test]
    fn the_document_tells_how_it_writes_a_word() {
        let words: Vec<WordInfo> =
            "Will Trump Win Voters will decide , Trump said".split(' ').map(WordInfo::new).collect();
        let doc = DocWords::of(&words, [0..3, 3..9]);
        let code = |w: &str| doc.code(&WordInfo::new(w));
        // "Will" is also written in lower case; "Trump" is capitalised mid-sentence.
        assert_eq!(code("Will"), 1);
        assert_eq!(code("Trump"), 2);
        assert_eq!(code("Win"), 2);
        // A capital that only opens a sentence says nothing.
        assert_eq!(code("Voters"), 0);
        // Words the document never writes have no marks.
        assert_eq!(code("Moscow"), 0);
    }
}
