//! The speaker index: every speaker across the library, with the mentions
//! of one person merged ("Kupchan" joins "Charles Kupchan" when no other
//! Kupchan is in the library).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Row;
use sayso_nlp::entities::gazetteer::{GazFlags, Gazetteer};
use sayso_nlp::text::sanitize;
use sayso_nlp::{Act, TokenKind};

use super::articles::ArticleId;
use super::columns::usize_at;
use super::{Store, StoreError};

/// One person (or organisation, or unnamed source) across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerSummary {
    /// The fullest name.
    pub name: String,
    /// PERSON, ORG or MISC as the engine labelled them; `None` for a name
    /// only the reader gave.
    pub label: Option<String>,
    /// Other names merged into this one ("Kupchan").
    pub aliases: Vec<String>,
    /// Articles they speak in.
    pub articles: usize,
    /// Their attributions in all articles.
    pub attributions: usize,
    /// The names exactly as stored, for looking their attributions up.
    stored: BTreeSet<String>,
}

/// One attribution of a speaker, with the article it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerAttribution {
    /// The article.
    pub article: ArticleId,
    /// Its headline.
    pub title: Option<String>,
    /// Its file path or URL.
    pub source: Option<String>,
    /// The speaker's name as given in this article.
    pub speaker: String,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// The attributed words.
    pub content: String,
    /// direct, indirect or mixed.
    pub kind: String,
    /// said, wrote or thought; `None` when kept before acts were recorded
    /// and not saved since.
    pub act: Option<String>,
    /// First byte of the content in the article's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

impl SpeakerAttribution {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            article: ArticleId(r.get(0)?),
            title: r.get(1)?,
            source: r.get(2)?,
            speaker: r.get(3)?,
            cue: r.get(4)?,
            content: r.get(5)?,
            kind: r.get(6)?,
            start: usize_at(r, 7)?,
            end: usize_at(r, 8)?,
            act: r.get(11)?,
        })
    }
}

/// Attributions of one stored name, with its label, in one article.
#[derive(Debug, Clone)]
pub struct NameCount {
    /// The name as stored.
    pub name: String,
    /// Its label, if the engine gave one.
    pub label: Option<String>,
    /// The article.
    pub article: String,
    /// How many attributions.
    pub count: usize,
}

#[derive(Debug, Default)]
struct Cluster {
    /// Display names with their attribution counts.
    names: BTreeMap<String, usize>,
    stored: BTreeSet<String>,
    labels: BTreeMap<Option<String>, usize>,
    articles: BTreeMap<String, usize>,
}

impl Cluster {
    fn absorb(&mut self, other: Self) {
        for (k, v) in other.names {
            *self.names.entry(k).or_default() += v;
        }
        self.stored.extend(other.stored);
        for (k, v) in other.labels {
            *self.labels.entry(k).or_default() += v;
        }
        for (k, v) in other.articles {
            *self.articles.entry(k).or_default() += v;
        }
    }

    /// The most frequent engine label; `None` only when no attribution has one.
    fn label(&self) -> Option<String> {
        let named =
            self.labels.iter().filter(|(l, _)| l.is_some()).max_by_key(|(l, n)| (**n, std::cmp::Reverse(*l)));
        named.and_then(|(l, _)| l.clone())
    }

    /// True when the cluster may be a person (a surname can join it).
    fn personal(&self) -> bool {
        matches!(self.label().as_deref(), None | Some("PERSON"))
    }

    /// The fullest name: most words, then most attributions, then alphabetical.
    fn name(&self) -> String {
        self.names
            .iter()
            .max_by_key(|(n, c)| (n.split(' ').count(), **c, std::cmp::Reverse(*n)))
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    }
}

/// Merge stored names into people: the same name in any case is one
/// person, and a one-word name joins the only full personal name in the
/// library that ends with it.
#[must_use]
pub fn merge(rows: &[NameCount]) -> Vec<SpeakerSummary> {
    let mut clusters: HashMap<String, Cluster> = HashMap::new();
    for row in rows {
        let name = sanitize(&row.name).split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            continue;
        }
        let c = clusters.entry(key(&name)).or_default();
        *c.names.entry(name).or_default() += row.count;
        c.stored.insert(row.name.clone());
        *c.labels.entry(row.label.clone()).or_default() += row.count;
        *c.articles.entry(row.article.clone()).or_default() += row.count;
    }
    let singles: Vec<String> =
        clusters.iter().filter(|(k, c)| !k.contains(' ') && c.personal()).map(|(k, _)| k.clone()).collect();
    for single in singles {
        let mut fuller = clusters.iter().filter(|(k, c)| {
            k.contains(' ') && c.personal() && k.rsplit(' ').next() == Some(single.as_str())
        });
        // Any second name ending so ("Barack Obama", "Michelle Obama") makes it ambiguous.
        let target = match (fuller.next(), fuller.next()) {
            (Some((k, c)), None) if full_name(&c.name()) => k.clone(),
            _ => continue,
        };
        if let Some(c) = clusters.remove(&single)
            && let Some(t) = clusters.get_mut(&target)
        {
            t.absorb(c);
        }
    }
    let mut out: Vec<SpeakerSummary> = clusters
        .into_values()
        .map(|c| {
            let name = c.name();
            SpeakerSummary {
                aliases: c.names.keys().filter(|n| **n != name).cloned().collect(),
                label: c.label(),
                articles: c.articles.len(),
                attributions: c.articles.values().sum(),
                stored: c.stored,
                name,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.attributions, b.articles).cmp(&(a.attributions, a.articles)).then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// A name's merge key: lower case, middle initials dropped, so "Donald J.
/// Trump" and "Donald Trump" are one person.
fn key(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.len().saturating_sub(1);
    let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || !initial(w))
        .map(|(_, w)| *w)
        .collect();
    kept.join(" ").to_lowercase()
}

/// True when `name` reads as a person's full name: after any job title, a
/// known given name or an initial ("Charles Kupchan", "President Joe
/// Biden", "J. Smith"), not a group ("Oversight Committee Republicans").
fn full_name(name: &str) -> bool {
    let tokens = sayso_nlp::segment::tokenize::tokenize(name);
    let mut flags = Vec::new();
    Gazetteer::embedded().mark(name, &tokens, &mut flags);
    let title = GazFlags(GazFlags::TITLE_BEGIN.0 | GazFlags::TITLE_INSIDE.0 | GazFlags::TITLE_MODIFIER.0);
    let first = tokens
        .iter()
        .zip(&flags)
        .filter(|(t, _)| t.kind == TokenKind::Word)
        .find(|(_, f)| !f.intersects(title));
    first.is_some_and(|(t, f)| {
        let word = t.span.slice(name).trim_end_matches('.');
        f.contains(GazFlags::GIVEN_NAME)
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
    })
}

impl Store {
    /// Every speaker in the library, people merged across articles, most
    /// attributions first. Unnamed sources (descriptions such as "officials")
    /// only with `include_unnamed`.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn speakers(&self, include_unnamed: bool) -> Result<Vec<SpeakerSummary>, StoreError> {
        self.speakers_of(include_unnamed, false)
    }

    /// As [`Store::speakers`]; with `words_only`, only attributions of
    /// speech and writing count, so someone only reported as thinking is
    /// left out. An attribution kept before acts were recorded counts.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn speakers_of(
        &self,
        include_unnamed: bool,
        words_only: bool,
    ) -> Result<Vec<SpeakerSummary>, StoreError> {
        self.read(|| {
            // The acts that are not words, from the engine's own list.
            let thought: Vec<String> =
                Act::ALL.iter().filter(|a| !a.is_words()).map(|a| format!("'{}'", a.as_str())).collect();
            let only_words = if words_only && !thought.is_empty() {
                format!(" AND (act IS NULL OR act NOT IN ({}))", thought.join(", "))
            } else {
                String::new()
            };
            let mut stmt = self.conn.prepare(&format!(
                "SELECT speaker, label, article, COUNT(*) FROM attributions
                 WHERE speaker IS NOT NULL{only_words} GROUP BY speaker, label, article"
            ))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(NameCount {
                        name: r.get(0)?,
                        label: r.get(1)?,
                        article: r.get(2)?,
                        count: usize_at(r, 3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            let mut all = merge(&rows);
            if !include_unnamed {
                all.retain(|s| s.label.as_deref() != Some("MISC"));
            }
            Ok(all)
        })
    }

    /// Every attribution of the speaker known by `name` (their full name or
    /// any merged alias, in any case), article by article in library order.
    /// Empty when no speaker has that name.
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn speaker_attributions(&self, name: &str) -> Result<Vec<SpeakerAttribution>, StoreError> {
        self.read(|| {
            let wanted = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            let all = self.speakers(true)?;
            let Some(speaker) = all.iter().find(|s| {
                s.name.to_lowercase() == wanted || s.aliases.iter().any(|a| a.to_lowercase() == wanted)
            }) else {
                return Ok(Vec::new());
            };
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.article, a.title, a.source, t.speaker, t.cue, t.content, t.kind, t.start, t.end, a.rowid, t.position, t.act
                 FROM attributions t JOIN articles a ON a.id = t.article WHERE t.speaker = ?1",
            )?;
            let mut out: Vec<(i64, i64, SpeakerAttribution)> = Vec::new();
            for stored in &speaker.stored {
                let rows =
                    stmt.query_map([stored], |r| Ok((r.get(9)?, r.get(10)?, SpeakerAttribution::from_row(r)?)))?;
                for row in rows {
                    out.push(row?);
                }
            }
            out.sort_by(|a, b| (a.0, &a.2.article, a.1).cmp(&(b.0, &b.2.article, b.1)));
            Ok(out.into_iter().map(|(_, _, a)| a).collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, label: &str, article: &str, count: usize) -> NameCount {
        NameCount { name: name.to_owned(), label: Some(label.to_owned()), article: article.to_owned(), count }
    }

    #[test]
    fn a_surname_joins_the_only_full_name() {
        let merged = merge(&[
            row("Charles Kupchan", "PERSON", "a", 2),
            row("Kupchan", "PERSON", "b", 3),
            row("charles  kupchan", "PERSON", "c", 1),
            row("Smith", "PERSON", "a", 1),
            row("John Smith", "PERSON", "b", 1),
            row("Jane Smith", "PERSON", "c", 1),
            row("Reuters", "ORG", "a", 1),
            row("Officials", "MISC", "b", 4),
            row("Republicans", "PERSON", "a", 2),
            row("Oversight Committee Republicans", "PERSON", "b", 1),
            row("Obama", "PERSON", "a", 5),
            row("Donald J. Trump", "PERSON", "a", 1),
            row("Donald Trump", "PERSON", "b", 2),
            row("Barack Obama", "PERSON", "a", 1),
            row("Michelle Obama", "PERSON", "b", 1),
        ]);
        let kupchan = &merged[0];
        assert_eq!(
            (kupchan.name.as_str(), kupchan.attributions, kupchan.articles),
            ("Charles Kupchan", 6, 3)
        );
        assert_eq!(kupchan.aliases, ["Kupchan", "charles kupchan"]);
        // Two Smiths: the lone surname stays apart.
        assert!(merged.iter().any(|s| s.name == "Smith" && s.attributions == 1));
        // A group's name is not a full name: its last word stays apart.
        assert!(merged.iter().any(|s| s.name == "Republicans" && s.aliases.is_empty()));
        assert!(merged.iter().any(|s| s.name == "Obama" && s.aliases.is_empty()));
        assert!(merged.iter().any(|s| s.name == "Donald J. Trump" && s.articles == 2 && s.attributions == 3));
        assert_eq!(merged.len(), 12);
        assert!(full_name("President Joe Biden") && full_name("J. Smith"));
        assert!(!full_name("Oversight Committee Republicans"));
    }
}
