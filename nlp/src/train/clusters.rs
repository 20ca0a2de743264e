//! Word classes learned from raw text by the exchange algorithm: each word
//! moves, pass after pass, to the class under which the words before it
//! best predict it (a class bigram model, "predictive" form: P(class of w |
//! the word before) · P(w | its class)), until no move pays. Words used
//! alike ("Tuesday", "Friday"; "said", "told") end up in one class, which
//! lets the taggers and the parser carry what they learned about a word to
//! the words that keep its company.

use std::collections::HashMap;

use crate::train::silver::SilverDoc;

/// Settings of the class learner.
#[derive(Debug, Clone, Copy)]
pub struct ClusterSettings {
    /// Number of classes.
    pub classes: usize,
    /// Words seen fewer times than this get no class.
    pub min_count: u32,
    /// Most passes over the vocabulary (it stops earlier once no word moves).
    pub passes: usize,
}

/// The form a word is known by in the class table: lower-cased, digits as
/// `0`, curly apostrophes straight (as the taggers' lower-cased word
/// feature reads it); `None` for a word too long to be worth a class.
#[must_use]
pub fn fold(word: &str) -> Option<String> {
    if word.is_empty() || word.len() > 40 || word.chars().any(char::is_whitespace) {
        return None;
    }
    Some(
        word.chars()
            .map(|c| match c {
                '0'..='9' => '0',
                '\u{2019}' => '\'',
                _ => c.to_lowercase().next().unwrap_or(c),
            })
            .collect(),
    )
}

/// `x ln x`, from a table for small counts.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new() -> Self {
        Self { table: (0..1u32 << 16).map(|x| Self::compute(f64::from(x))).collect() }
    }

    fn compute(x: f64) -> f64 {
        if x > 0.0 { x * x.ln() } else { 0.0 }
    }

    #[inline]
    fn at(&self, x: u64) -> f64 {
        usize::try_from(x).ok().and_then(|i| self.table.get(i).copied()).unwrap_or_else(|| {
            #[allow(clippy::cast_precision_loss)]
            Self::compute(x as f64)
        })
    }
}

/// Learn classes for the words of the documents' sentences. Returns each
/// word seen at least `min_count` times (folded, see [`fold`]) with its
/// class, most frequent words first; the same documents give the same
/// classes.
#[must_use]
pub fn learn(docs: &[&SilverDoc], settings: ClusterSettings) -> Vec<(String, u32)> {
    let classes = settings.classes.max(2);
    // The vocabulary: frequent words by count (ties by form), then one id
    // for all rarer words and one for the start of a sentence.
    let mut counts: HashMap<String, u32> = HashMap::new();
    for d in docs {
        for t in &d.tokens {
            if let Some(w) = fold(t.span.slice(&d.text)) {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
    }
    let mut vocab: Vec<(String, u32)> =
        counts.into_iter().filter(|&(_, n)| n >= settings.min_count).collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let ids: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let rare = u32::try_from(vocab.len()).unwrap_or(u32::MAX);
    let start = rare + 1;
    let n_ids = vocab.len() + 2;

    // Bigram counts, then each word's predecessors.
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for d in docs {
        for s in &d.sentences {
            let mut prev = start;
            for t in d.tokens.get(s.clone()).unwrap_or(&[]) {
                let Some(w) = fold(t.span.slice(&d.text)) else { continue };
                let id = ids.get(w.as_str()).copied().unwrap_or(rare);
                *bigrams.entry((prev, id)).or_insert(0) += 1;
                prev = id;
            }
        }
    }
    let mut preds: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n_ids];
    for (&(v, w), &n) in &bigrams {
        if let Some(p) = preds.get_mut(w as usize) {
            p.push((v, n));
        }
    }
    for p in &mut preds {
        p.sort_unstable();
    }
    let count_of: Vec<u64> = preds.iter().map(|p| p.iter().map(|&(_, n)| u64::from(n)).sum()).collect();

    // Start from the words dealt round the classes in order of frequency.
    let mut class: Vec<usize> = (0..n_ids).map(|i| i % classes).collect();
    // n_vc[v * classes + c]: how often word v is followed by a word of class c.
    let mut n_vc = vec![0u64; n_ids * classes];
    let mut n_c = vec![0u64; classes];
    for (w, p) in preds.iter().enumerate() {
        for &(v, n) in p {
            n_vc[v as usize * classes + class[w]] += u64::from(n);
        }
        n_c[class[w]] += count_of[w];
    }
    let f = XLogX::new();
    let mut gain = vec![0f64; classes];
    for _ in 0..settings.passes {
        let mut moved = 0usize;
        for w in 0..n_ids {
            let (p, n_w) = (&preds[w], count_of[w]);
            if p.is_empty() {
                continue;
            }
            let from = class[w];
            for &(v, n) in p {
                n_vc[v as usize * classes + from] -= u64::from(n);
            }
            n_c[from] -= n_w;
            gain.iter_mut().for_each(|g| *g = 0.0);
            for &(v, n) in p {
                let row = &n_vc[v as usize * classes..(v as usize + 1) * classes];
                let n = u64::from(n);
                for (g, &x) in gain.iter_mut().zip(row) {
                    *g += f.at(x + n) - f.at(x);
                }
            }
            let mut best = from;
            let score = |c: usize, g: &[f64]| g[c] - (f.at(n_c[c] + n_w) - f.at(n_c[c]));
            let mut best_score = score(from, &gain);
            for c in 0..classes {
                let s = score(c, &gain);
                if s > best_score + 1e-9 {
                    best = c;
                    best_score = s;
                }
            }
            for &(v, n) in p {
                n_vc[v as usize * classes + best] += u64::from(n);
            }
            n_c[best] += n_w;
            if best != from {
                class[w] = best;
                moved += 1;
            }
        }
        if moved == 0 {
            break;
        }
    }
    vocab.into_iter().enumerate().map(|(i, (w, _))| (w, u32::try_from(class[i]).unwrap_or(0))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of one sentence per line, tokens split at spaces.
    fn doc(lines: &[&str]) -> SilverDoc {
        let conll: String = lines
            .iter()
            .map(|l| l.split(' ').map(|w| format!("{w} O\n")).collect::<String>() + "\n")
            .collect();
        crate::train::conll::parse(&conll, "t").pop().expect("one document")
    }

    #[test]
    fn words_in_the_same_company_share_a_class() {
        let mut lines = Vec::new();
        for day in ["monday", "tuesday", "friday"] {
            for who in ["she", "he", "they"] {
                lines.push(format!("on {day} {who} said no"));
            }
        }
        for fruit in ["apples", "pears", "plums"] {
            for who in ["she", "he", "they"] {
                lines.push(format!("{who} ate the {fruit} today"));
            }
        }
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let d = doc(&lines);
        let got = learn(&[&d], ClusterSettings { classes: 6, min_count: 1, passes: 20 });
        let of = |w: &str| got.iter().find(|(x, _)| x == w).map(|&(_, c)| c).expect("a class");
        assert_eq!(of("monday"), of("friday"));
        assert_eq!(of("tuesday"), of("friday"));
        assert_eq!(of("apples"), of("plums"));
        assert_ne!(of("monday"), of("apples"));
        assert_eq!(
            got,
            learn(&[&d], ClusterSettings { classes: 6, min_count: 1, passes: 20 }),
            "the same classes again"
        );
    }

    #[test]
    fn folding_matches_the_lower_cased_word_feature() {
        assert_eq!(fold("Trump\u{2019}s").as_deref(), Some("trump's"));
        assert_eq!(fold("2019").as_deref(), Some("0000"));
        assert_eq!(fold(""), None);
        assert_eq!(fold(&"x".repeat(41)), None);
        let info = crate::tag::features::WordInfo::new;
        assert_eq!(info(&fold("Trump\u{2019}s").expect("folds")).lower, info("TRUMP's").lower);
    }
}
