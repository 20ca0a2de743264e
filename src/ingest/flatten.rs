//! A guard against pathological nesting. The HTML parser checks its stack
//! of open elements at every tag, so thousands of nested `<div>`s cost
//! quadratic time (minutes for 20,000). Before parsing, the nesting is
//! estimated from the tags in one pass; a page nested beyond reason has its
//! container tags taken out (block ones become line breaks), which keeps
//! every word and entity for the plain reader.

/// Elements with no end tag, or whose end tag is often left out: they do
/// not deepen the estimate.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "colgroup", "thead", "tbody",
    "tfoot", "rb", "rt", "rp", "html", "head", "body", "!doctype",
];

/// Tags kept when flattening: what the plain reader needs to split
/// paragraphs and to skip scripts.
const KEEP: &[&str] = &[
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title", "script", "style", "head", "body", "html",
];

/// Container tags that become a line break when flattened.
const BREAKS: &[&str] =
    &["div", "section", "article", "main", "blockquote", "table", "ul", "ol", "pre", "header"];

/// One tag found in the source.
struct Tag {
    /// Byte range of the whole tag, `<` to `>`.
    start: usize,
    end: usize,
    /// Lower-case name.
    name: String,
    closing: bool,
    self_closing: bool,
}

/// Every tag of `html` in order, skipping comments and the insides of
/// `<script>` and `<style>`.
fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr(b'<', &bytes[i..]) {
        let start = i + at;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(bytes.len(), |e| start + e + 3);
            continue;
        }
        let Some(close) = memchr(b'>', &bytes[start..]) else { break };
        let end = start + close + 1;
        let inner = &html[start + 1..end - 1];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            i = start + 1;
            continue;
        }
        let self_closing = inner.ends_with('/');
        i = end;
        if !closing && (name == "script" || name == "style") {
            // Raw text up to the end tag: not markup.
            i = end_of_raw_text(html, end, &name);
        }
        out.push(Tag { start, end, name, closing, self_closing });
    }
    out
}

/// Where `</name` starts at or after `from` (any case), or the end.
fn end_of_raw_text(html: &str, from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(found) = html[at..].find("</") {
        let tag = at + found;
        let after = &html.as_bytes()[tag + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return tag;
        }
        at = tag + 2;
    }
    html.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// The deepest nesting of elements, estimated from the tags alone.
#[must_use]
pub fn nesting(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in tags(html) {
        if FLAT.contains(&tag.name.as_str()) || tag.self_closing {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// `html` with every tag but paragraph, heading, list-item, break, title and
/// script ones removed; block containers become `<br>`.
#[must_use]
pub fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for tag in tags(html) {
        out.push_str(&html[at..tag.start]);
        if KEEP.contains(&tag.name.as_str()) {
            out.push_str(&html[tag.start..tag.end]);
        } else if BREAKS.contains(&tag.name.as_str()) {
            out.push_str("<br>");
        }
        at = tag.end;
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_estimated_and_flattened() {
        assert_eq!(nesting("<html><body><div><p>a<div><span>b</span></div></div><br><img src=x></body>"), 3);
        let deep = format!("{}<p>Deep &amp; low</p>{}", "<div>".repeat(1000), "</div>".repeat(1000));
        assert_eq!(nesting(&deep), 1000);
        let flat = flatten(&deep);
        assert!(flat.contains("<p>Deep &amp; low</p>"));
        assert_eq!(nesting(&flat), 0);
        // Tags inside scripts and comments do not count.
        assert_eq!(nesting("<script>if (a<b) { x = '<div><div>'; }</script><!-- <div><div> -->"), 1);
    }
}
