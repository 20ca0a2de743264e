//! Page furniture that readability keeps inside an article — newsletter
//! prompts, photo credits, embed labels, "Read more:" lists, slideshow
//! counters, captions, an author's closing bio — dropped from the extracted
//! paragraphs. The patterns are data (`assets/ingest/page-junk.tsv`).

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

/// The embedded rules.
const RULES: &str = include_str!("../../assets/ingest/page-junk.tsv");

/// Paragraphs longer than this are article text whatever they match.
const MAX_WORDS: usize = 60;
/// A related-link title under a "Read more:" heading is at most this long.
const LINK_TITLE_WORDS: usize = 20;
/// A bio is looked for among this many closing paragraphs.
const TAIL_PARAGRAPHS: usize = 2;

/// The compiled rules, by kind.
#[derive(Debug, Default)]
pub struct Junk {
    line: Vec<Regex>,
    lead: Vec<Regex>,
    tail: Vec<Regex>,
}

/// Why the rules could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// A line is not `kind<TAB>pattern` with a known kind.
    #[error("page-junk rules, line {line}: expected `line`, `lead` or `tail`, a tab and a pattern")]
    Shape {
        /// The line number (1-based).
        line: usize,
    },
    /// A pattern does not compile.
    #[error("page-junk rules, line {line}: {source}")]
    Pattern {
        /// The line number (1-based).
        line: usize,
        /// The compiler's complaint.
        source: regex::Error,
    },
}

impl Junk {
    /// Compile rules in the format of `assets/ingest/page-junk.tsv`.
    ///
    /// # Errors
    /// For a malformed line or a pattern that does not compile.
    pub fn parse(rules: &str) -> Result<Self, RulesError> {
        let mut junk = Self::default();
        for (k, raw) in rules.lines().enumerate() {
            let line = k + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let (kind, pattern) = raw.split_once('\t').ok_or(RulesError::Shape { line })?;
            let regex = RegexBuilder::new(&format!("^(?:{})$", pattern.trim()))
                .case_insensitive(true)
                .build()
                .map_err(|source| RulesError::Pattern { line, source })?;
            match kind.trim() {
                "line" => junk.line.push(regex),
                "lead" => junk.lead.push(regex),
                "tail" => junk.tail.push(regex),
                _ => return Err(RulesError::Shape { line }),
            }
        }
        Ok(junk)
    }

    /// The embedded rules (none, should they ever fail to compile, which a
    /// unit test rules out).
    #[must_use]
    pub fn embedded() -> &'static Self {
        static JUNK: OnceLock<Junk> = OnceLock::new();
        JUNK.get_or_init(|| Self::parse(RULES).unwrap_or_default())
    }

    /// `paragraphs` without the furniture.
    #[must_use]
    pub fn clean(&self, paragraphs: Vec<String>) -> Vec<String> {
        let short = |p: &str, max: usize| p.split_whitespace().count() <= max;
        let hit =
            |rules: &[Regex], p: &str| short(p, MAX_WORDS) && rules.iter().any(|r| r.is_match(p.trim()));
        let mut out = Vec::with_capacity(paragraphs.len());
        let mut in_links = false;
        for p in paragraphs {
            if in_links && short(&p, LINK_TITLE_WORDS) && !ends_sentence(&p) {
                continue;
            }
            in_links = false;
            if hit(&self.lead, &p) {
                in_links = true;
                continue;
            }
            if hit(&self.line, &p) {
                continue;
            }
            out.push(p);
        }
        let keep = out.len().saturating_sub(TAIL_PARAGRAPHS);
        // A bio closes the article: from the first closing paragraph that is
        // one, everything after goes too.
        if let Some(at) = (keep..out.len()).find(|&k| hit(&self.tail, &out[k])) {
            out.truncate(at.max(1));
        }
        out
    }
}

/// Whether a paragraph ends like a sentence rather than a link title.
fn ends_sentence(p: &str) -> bool {
    let end = p.trim_end().trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    end.ends_with(['.', '!', '?', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(paragraphs: &[&str]) -> Vec<String> {
        Junk::embedded().clean(paragraphs.iter().map(|p| (*p).to_owned()).collect())
    }

    #[test]
    fn the_embedded_rules_compile() {
        let junk = Junk::parse(RULES).expect("rules compile");
        assert!(!junk.line.is_empty() && !junk.lead.is_empty() && !junk.tail.is_empty());
    }

    #[test]
    fn malformed_rules_name_their_line() {
        let err = Junk::parse("# comment\nline\t(unclosed").expect_err("bad pattern");
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(matches!(Junk::parse("middle\tx"), Err(RulesError::Shape { line: 1 })));
    }

    #[test]
    fn each_kind_of_furniture_is_dropped_and_the_story_kept() {
        let body = "The council voted on Tuesday to close the old bridge to lorries.";
        let quote = "“We had no choice,” said the mayor, Ann Holt.";
        let kept = clean(&[
            body,
            "SIGN UP FOR OUR NEWSLETTER",
            "Sign up to our free daily newsletter for the top stories from the region.",
            "The bridge, built in 1912. (Photo by Jane Smith/Getty Images)",
            "Jane Smith/Getty Images",
            "Photo: Per Aalto",
            "Facebook",
            "Instagram",
            "1 / 5",
            "Image 3 of 12",
            quote,
            "Read more:",
            "Bridge inspection finds cracks",
            "Lorry drivers face long detour",
            "Read more: Bridge inspection finds cracks",
            "The work starts in May and should take a year.",
            "Ann Holt is a reporter for the Gazette covering local government.",
        ]);
        assert_eq!(kept, vec![body, quote, "The work starts in May and should take a year."]);
    }

    #[test]
    fn long_paragraphs_and_sentences_that_merely_mention_the_words_stay() {
        let kept = [
            "Facebook said on Monday that it would sign up more fact-checkers for the election.",
            "Read the full report, the minister said, before you judge it.",
            "The photo shows the mayor, who is a former reporter for the Gazette, at the opening.",
        ];
        assert_eq!(clean(&kept), kept);
        // A bio-shaped sentence in the middle of the article is not a bio.
        let middle = [
            "Ann Holt is a reporter for the Gazette who broke the story last year.",
            "She said the council had ignored the warnings.",
            "The inquiry opens in June.",
            "Its report is due before the summer.",
        ];
        assert_eq!(clean(&middle), middle);
    }
}
