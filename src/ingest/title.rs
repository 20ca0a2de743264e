//! Choosing a page's headline by agreement between what it says in
//! `<title>`, `og:title`, its first `<h1>`, its first paragraph, its site
//! name and its address — and cutting the site's name from it.

use super::text::clean_line;

/// Words left around a headline inside a longer title that can still be a
/// site's name ("Site :: Headline", "Headline | Section | Site").
const SITE_WORDS: usize = 6;

/// What a page says its title is, in each place it says it.
#[derive(Debug, Default, Clone)]
pub struct Titles {
    /// The `<title>` element (or readability's title when there is none).
    pub page: Option<String>,
    /// The `og:title` (or `twitter:title`).
    pub og: Option<String>,
    /// The first `<h1>`.
    pub h1: Option<String>,
    /// The article's first paragraph.
    pub first: Option<String>,
    /// The labels of the page's host name (`en`, `wikipedia`), when known.
    pub host: Option<Vec<String>>,
}

impl Titles {
    /// The headline and the site name cut from it, if any. A title the other
    /// sources agree with wins; an `og:title` that agrees with nothing while
    /// `<title>` and `<h1>` agree with each other (a site-wide default such as
    /// "Yahoo News - Latest News & Headlines") is not used.
    #[must_use]
    pub fn choose(&self, site: Option<&str>) -> Option<(String, Option<String>)> {
        let clean = |t: &Option<String>| t.as_deref().map(clean_line).filter(|t| !t.is_empty());
        let (page, og, h1, first) = (clean(&self.page), clean(&self.og), clean(&self.h1), clean(&self.first));
        let agree = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => agreeing(a, b),
            _ => false,
        };
        let generic = og.as_deref().is_some_and(|o| {
            let alone = !agree(&og, &page) && !agree(&og, &h1);
            alone && (agree(&page, &h1) || site.is_some_and(|s| words(o).contains(&words(s))))
        });
        let og = og.filter(|_| !generic);
        let title = og.clone().or_else(|| page.clone()).or_else(|| h1.clone())?;
        // The page's own heading says the whole title: nothing is a site name.
        if h1.as_deref().is_some_and(|h| words(h) == words(&title)) {
            return Some((title, None));
        }
        for other in [&h1, &page, &first].into_iter().flatten() {
            if let Some(rest) = within(other, &title) {
                return Some((other.clone(), Some(rest).filter(|r| !r.is_empty())));
            }
        }
        Some(split_site(&title, site, self.host.as_deref()))
    }
}

/// Whether two titles name the same story: the same words, or one inside
/// the other with at most a site's name around it.
fn agreeing(a: &str, b: &str) -> bool {
    words(a) == words(b) || within(a, b).is_some() || within(b, a).is_some()
}

/// When `title` holds `headline` with at most [`SITE_WORDS`] words around
/// it, those words (trimmed of separators).
fn within(headline: &str, title: &str) -> Option<String> {
    if headline.len() >= title.len() || headline.split_whitespace().count() < 2 {
        return None;
    }
    let at = title.find(headline)?;
    let rest = format!("{} {}", &title[..at], &title[at + headline.len()..]);
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(c));
    (rest.split_whitespace().count() <= SITE_WORDS).then(|| rest.to_owned())
}

/// Characters that join a headline and a site name.
const SEPARATORS: &str = "|-–—:·»«/[]()";

/// A title's words, lower case, without punctuation.
fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The labels of a URL's host that can name a site (`www` and the
/// top-level domain left out).
#[must_use]
pub fn host_words(url: &str) -> Option<Vec<String>> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
    let mut labels: Vec<String> = host.split('.').map(str::to_owned).collect();
    labels.pop();
    labels.retain(|l| !l.is_empty() && l != "www");
    Some(labels).filter(|l| !l.is_empty())
}

/// The headline without a trailing (or leading) site name: "Title | Site",
/// "Title - Site", "Title — Site", "Title [Site]", and the name removed.
/// Only a part that is the site's name (by its site-name field or its host
/// name), or a short capitalised one when neither is known, is removed.
#[must_use]
pub fn split_site(title: &str, site: Option<&str>, host: Option<&[String]>) -> (String, Option<String>) {
    let title = title.trim();
    if let Some(head) = title.strip_suffix(']')
        && let Some((head, tail)) = head.rsplit_once(" [")
        && head.split_whitespace().count() >= 2
        && (is_site(tail, site, host) || site.is_none() && host.is_none())
    {
        return (head.trim().to_owned(), Some(tail.trim().to_owned()));
    }
    for sep in [" | ", " - ", " — ", " – ", " · ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && is_site(tail, site, host)
            && head.split_whitespace().count() >= 2
        {
            return (head.trim().to_owned(), Some(tail.trim().to_owned()));
        }
        if let Some((head, tail)) = title.split_once(sep)
            && site.is_some_and(|s| head.trim().eq_ignore_ascii_case(s.trim()))
            && !tail.trim().is_empty()
        {
            return (tail.trim().to_owned(), Some(head.trim().to_owned()));
        }
    }
    (title.to_owned(), None)
}

/// Whether a part of a title is the site's name.
fn is_site(part: &str, site: Option<&str>, host: Option<&[String]>) -> bool {
    let part = part.trim();
    let glued = words(part).replace(' ', "");
    if host.is_some_and(|labels| {
        labels.iter().any(|l| l.len() >= 3 && (*l == glued || glued.contains(l.as_str())))
    }) {
        return true;
    }
    match site {
        Some(site) => {
            let (p, s) = (words(part), words(site));
            !p.is_empty()
                && (p == s || p.replace(' ', "") == s.replace(' ', "") || p.contains(&s) || s.contains(&p))
        }
        // Unknown site: a short name, each word capitalised ("Gazette",
        // "BBC News"), not the tail of a sentence ("for now").
        None if host.is_none() => {
            let count = part.split_whitespace().count();
            (1..=3).contains(&count)
                && part
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(page: &str, og: &str, h1: &str) -> Titles {
        let some = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
        Titles { page: some(page), og: some(og), h1: some(h1), ..Titles::default() }
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let site = |t, s| split_site(t, s, None).0;
        assert_eq!(
            site("Council delays vote | The Harbour Gazette", Some("The Harbour Gazette")),
            "Council delays vote"
        );
        assert_eq!(
            split_site("Council delays vote - Gazette", None, None),
            ("Council delays vote".to_owned(), Some("Gazette".to_owned()))
        );
        assert_eq!(site("Gazette — Council delays vote", Some("Gazette")), "Council delays vote");
        // A dash inside the headline stays, and so does a tail that reads as words.
        assert_eq!(
            site("Mayor says vote - if any - will wait until spring", None),
            "Mayor says vote - if any - will wait until spring"
        );
        assert_eq!(site("Ceasefire holds - for now", None), "Ceasefire holds - for now");
        // The article's first line, found inside the title, is the headline.
        let t = Titles {
            page: Some("Fjordby News :: Mayor resigns".to_owned()),
            first: Some("Mayor resigns".to_owned()),
            ..Titles::default()
        };
        assert_eq!(t.choose(None), Some(("Mayor resigns".to_owned(), Some("Fjordby News".to_owned()))));
    }

    #[test]
    fn a_site_suffix_that_differs_from_the_site_field_is_cut_by_the_host_or_the_heading() {
        let host = host_words("https://en.wikipedia.org/wiki/Harbour");
        let (t, cut) =
            split_site("Harbour of Fjordby - Wikipedia", Some("Wikimedia Foundation, Inc."), host.as_deref());
        assert_eq!((t.as_str(), cut.as_deref()), ("Harbour of Fjordby", Some("Wikipedia")));
        let ao3 =
            titles("The Long Winter - Chapter 3 - kestrel - Original Work [Archive of Our Own]", "", "");
        let ao3 = Titles { host: host_words("https://archiveofourown.org/works/1"), ..ao3 };
        assert_eq!(
            ao3.choose(Some("An Archive of Our Own")).map(|c| c.0).as_deref(),
            Some("The Long Winter - Chapter 3 - kestrel - Original Work")
        );
        // The heading agrees with the start of the title: the rest is the site.
        let h = titles(
            "Ferry strike ends after three days - Fjordby Tidende Online Edition",
            "",
            "Ferry strike ends after three days",
        );
        assert_eq!(
            h.choose(Some("Tidende")).map(|c| c.0).as_deref(),
            Some("Ferry strike ends after three days")
        );
    }

    #[test]
    fn a_generic_og_title_gives_way_to_the_specific_one() {
        let t = titles(
            "Council delays harbour vote after residents protest",
            "Yahoo News - Latest News & Headlines",
            "Council delays harbour vote after residents protest",
        );
        assert_eq!(
            t.choose(Some("Yahoo News")).map(|c| c.0).as_deref(),
            Some("Council delays harbour vote after residents protest")
        );
        // The og:title names the site and nothing else agrees with it.
        let t = titles("Council delays harbour vote", "Yahoo News - Latest News & Headlines", "");
        assert_eq!(t.choose(Some("Yahoo News")).map(|c| c.0).as_deref(), Some("Council delays harbour vote"));
        // A specific og:title still wins over a site-suffixed <title>.
        let t = titles("Vote delayed | Gazette", "Council delays harbour vote after residents protest", "");
        assert_eq!(
            t.choose(Some("Gazette")).map(|c| c.0).as_deref(),
            Some("Council delays harbour vote after residents protest")
        );
    }

    #[test]
    fn a_title_the_heading_repeats_is_not_cut() {
        let whole = "Minister on the quota: Not one fish more - Again";
        let t = titles(whole, "", whole);
        assert_eq!(t.choose(None), Some((whole.to_owned(), None)));
    }
}
