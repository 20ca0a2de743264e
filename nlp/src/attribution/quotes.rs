//! Direct quotations found by their quotation marks, with newspaper
//! conventions: a paragraph that ends inside a quotation continues at the
//! next paragraph's opening mark, single marks nest inside double ones,
//! apostrophes (we’ve, Int’l, ’90s, voters’) are not marks, and an
//! unbalanced mark never reaches past its paragraph.

use crate::annotation::Token;
use crate::text::Span;

/// One quotation found by its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words without the marks and surrounding spaces; ends at
    /// the paragraph's end when the quotation is not closed there.
    pub content: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, or `None` when the paragraph ends first.
    pub close: Option<Span>,
    /// How many other quotations were open when this one opened.
    pub depth: u8,
    /// Double marks (“ ” " '' « » „) rather than single ones (‘ ’ ').
    pub double: bool,
    /// The paragraph ends inside this quotation and the next paragraph
    /// opens with a mark: the quotation goes on there.
    pub continues: bool,
    /// This quotation goes on from one left open by the previous paragraph.
    pub continued: bool,
}

/// Which way a mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// A straight mark whose neighbours do not tell: it closes an open
    /// quotation, else it opens one.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    double: bool,
    dir: Dir,
}

/// The neighbourhood of a mark, skipping adjacent quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Whitespace or the paragraph edge.
    Space,
    /// A letter or digit.
    Alnum,
    /// Punctuation that precedes an opening mark: ( [ { dashes, slash, colon.
    Opener,
    /// Other punctuation: . , ; ! ? ) and the like.
    Punct,
}

const fn is_mark_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›')
}

fn side(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if c.is_whitespace() => Side::Space,
        Some(c) if c.is_alphanumeric() => Side::Alnum,
        Some('(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') => Side::Opener,
        Some(_) => Side::Punct,
    }
}

/// Classify the quotation marks of one paragraph, in text order.
fn marks(text: &str, para: Span, out: &mut Vec<Mark>) {
    let piece = para.slice(text);
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut k = 0;
    // The run of adjacent marks around `k`, found once per run so that a
    // long run costs linear time, not the square of its length.
    let mut group = 0..0;
    while k < chars.len() {
        let (off, c) = chars[k];
        if !is_mark_char(c) {
            k += 1;
            continue;
        }
        if !group.contains(&k) {
            let mut p = k;
            while p > 0 && at(p - 1).is_some_and(is_mark_char) {
                p -= 1;
            }
            let mut n = k + 1;
            while at(n).is_some_and(is_mark_char) {
                n += 1;
            }
            group = p..n;
        }
        // A run of straight single marks: '' is a double mark (NYT style).
        let mut run = 1;
        if c == '\'' {
            while at(k + run) == Some('\'') {
                run += 1;
            }
        }
        let prev_raw = k.checked_sub(1).and_then(at);
        let next_raw = at(k + run);
        let (before, after) = (side(group.start.checked_sub(1).and_then(at)), side(at(group.end)));
        let start = para.start + off;
        let span_of = |from: usize, len: usize| {
            let a = para.start + chars[from].0;
            let b = chars.get(from + len).map_or(para.end, |&(o, _)| para.start + o);
            Span::new(a, b)
        };
        if run >= 2 {
            let dir = straight_dir(before, after);
            let mut from = k;
            let mut left = run;
            // An odd run: the lone single mark sits inside the doubles.
            if left % 2 == 1 {
                let single = if dir == Dir::Open { from + left - 1 } else { from };
                if dir != Dir::Open {
                    out.push(Mark { span: span_of(single, 1), double: false, dir: Dir::Close });
                    from += 1;
                }
                left -= 1;
                while left >= 2 {
                    out.push(Mark { span: span_of(from, 2), double: true, dir });
                    from += 2;
                    left -= 2;
                }
                if dir == Dir::Open {
                    out.push(Mark { span: span_of(single, 1), double: false, dir: Dir::Open });
                }
            } else {
                while left >= 2 {
                    out.push(Mark { span: span_of(from, 2), double: true, dir });
                    from += 2;
                    left -= 2;
                }
            }
            k += run;
            continue;
        }
        let span = Span::new(start, start + c.len_utf8());
        let mark = match c {
            '“' | '„' | '«' => Some((true, Dir::Open)),
            '”' | '»' => Some((true, Dir::Close)),
            '"' => Some((true, straight_dir(before, after))),
            '‹' | '‚' => Some((false, Dir::Open)),
            '›' => Some((false, Dir::Close)),
            '‘' | '’' | '\'' => single_dir(c, prev_raw, next_raw, at(k + 2)).map(|d| (false, d)),
            _ => None,
        };
        if let Some((double, dir)) = mark {
            out.push(Mark { span, double, dir });
        }
        k += 1;
    }
}

/// Direction of a straight double mark from its neighbours.
const fn straight_dir(before: Side, after: Side) -> Dir {
    match (before, after) {
        (Side::Space | Side::Opener, Side::Space) => Dir::Either,
        (Side::Space | Side::Opener, _) => Dir::Open,
        (_, Side::Space | Side::Punct | Side::Opener) => Dir::Close,
        _ => Dir::Either,
    }
}

/// Direction of a single mark, or `None` for an apostrophe.
fn single_dir(c: char, prev: Option<char>, next: Option<char>, next2: Option<char>) -> Option<Dir> {
    let (before, after) = (side(prev), side(next));
    // we’ve, Int’l, don't: a letter on both sides.
    if before == Side::Alnum && after == Side::Alnum {
        return None;
    }
    // ’90s, '08: an elided century.
    if next.is_some_and(|n| n.is_ascii_digit()) && next2.is_some_and(|n| n.is_ascii_digit()) {
        return None;
    }
    match (before, after) {
        (Side::Space | Side::Opener | Side::Punct, Side::Alnum | Side::Punct) if c != '’' => {
            Some(Dir::Open)
        }
        (Side::Alnum | Side::Punct, Side::Space | Side::Punct | Side::Opener) if c != '‘' => {
            Some(Dir::Close)
        }
        _ => None,
    }
}

/// Find the quotations of every paragraph (`paragraphs` in text order).
#[must_use]
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut left_open = false;
    for &para in paragraphs {
        buf.clear();
        marks(text, para, &mut buf);
        let first = out.len();
        let opens_with_mark =
            buf.first().is_some_and(|m| m.double && m.dir != Dir::Close && first_char_at(text, para, m.span));
        pair(text, para, &buf, &mut out);
        let mut k = first;
        while k < out.len() {
            if out[k].content.is_empty() {
                out.swap_remove(k);
            } else {
                k += 1;
            }
        }
        if left_open && opens_with_mark {
            if let Some(q) = out[first..].iter_mut().min_by_key(|q| q.open.start) {
                q.continued = true;
            }
            if let Some(prev) = out[..first].iter_mut().rev().find(|q| q.double && q.close.is_none()) {
                prev.continues = true;
            }
        }
        left_open = out[first..].iter().any(|q| q.double && q.close.is_none() && q.content.end == para.end);
        out[first..].sort_by_key(|q| q.open.start);
    }
    single_mark_style(text, &mut out);
    out
}

/// Fewest words a quotation in single marks holds to be taken for speech
/// in an article written with single marks (fewer: a title, a scare quote).
const SINGLE_STYLE_WORDS: usize = 3;

/// Articles written with single quotation marks ("'We need a deal,' said
/// the minister"): when more words stand in single marks than in double
/// ones, outside any other quotation, the outer single quotations of a few
/// words are the article's quotations, read as double ones are elsewhere.
fn single_mark_style(text: &str, quotes: &mut [Quotation]) {
    let words = |q: &Quotation| q.content.slice(text).split_whitespace().count();
    let outer = |q: &&Quotation, double: bool| q.double == double && q.depth == 0;
    let in_single: usize = quotes.iter().filter(|q| outer(q, false)).map(words).sum();
    let in_double: usize = quotes.iter().filter(|q| outer(q, true)).map(words).sum();
    if in_single <= in_double {
        return;
    }
    for q in quotes.iter_mut().filter(|q| !q.double && q.depth == 0) {
        if words(q) >= SINGLE_STYLE_WORDS {
            q.double = true;
        }
    }
}

/// True when `mark` is the first non-space character of `para`.
fn first_char_at(text: &str, para: Span, mark: Span) -> bool {
    para.slice(text).trim_start().len() == para.end - mark.start
}

/// Pair the marks of one paragraph into quotations.
fn pair(text: &str, para: Span, marks: &[Mark], out: &mut Vec<Quotation>) {
    let mut double: Option<(Span, u8)> = None;
    let mut single: Option<(Span, u8)> = None;
    let quotation = |open: Span, close: Option<Span>, depth: u8, is_double: bool| {
        let end = close.map_or(para.end, |c| c.start);
        let content = trim(text, Span::new(open.end, end.max(open.end)));
        Quotation { content, open, close, depth, double: is_double, continues: false, continued: false }
    };
    for m in marks {
        if m.double {
            // „German quotes“ close with the mark English opens with.
            let german_close =
                double.is_some_and(|(open, _)| open.slice(text) == "„") && m.span.slice(text) == "“";
            let dir = if german_close { Dir::Close } else { m.dir };
            match (double, dir) {
                (Some((open, depth)), Dir::Close | Dir::Either) => {
                    out.push(quotation(open, Some(m.span), depth, true));
                    double = None;
                    // A single mark opened inside and never closed was an apostrophe.
                    if single.is_some_and(|(s, _)| s.start > open.start) {
                        single = None;
                    }
                }
                (Some((open, depth)), Dir::Open) => {
                    // Two openings in a row: the first quotation ends unclosed here.
                    let mut q = quotation(open, None, depth, true);
                    q.content = trim(text, Span::new(open.end, m.span.start));
                    out.push(q);
                    double = Some((m.span, u8::from(single.is_some())));
                }
                (None, Dir::Open | Dir::Either) => double = Some((m.span, u8::from(single.is_some()))),
                (None, Dir::Close) => {}
            }
        } else {
            match (single, m.dir) {
                (Some((open, depth)), Dir::Close | Dir::Either) => {
                    out.push(quotation(open, Some(m.span), depth, false));
                    single = None;
                }
                (None, Dir::Open | Dir::Either) => single = Some((m.span, u8::from(double.is_some()))),
                _ => {}
            }
        }
    }
    if let Some((open, depth)) = double {
        out.push(quotation(open, None, depth, true));
    }
}

/// `span` without surrounding whitespace.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let body = s.trim();
    Span::new(span.start + lead, span.start + lead + body.len())
}

/// A token is an opening mark.
pub const OPENING: u8 = 1;
/// A token is a closing mark.
pub const CLOSING: u8 = 2;
/// A token lies inside a double quotation.
pub const IN_DOUBLE: u8 = 4;
/// A token lies inside a single quotation.
pub const IN_SINGLE: u8 = 8;
/// A token lies inside a quotation left open at its paragraph's end.
pub const IN_UNCLOSED: u8 = 16;

/// How one token stands with respect to the quotations around it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteState {
    /// Number of quotations containing the token.
    pub depth: u8,
    /// [`OPENING`], [`CLOSING`], [`IN_DOUBLE`], [`IN_SINGLE`], [`IN_UNCLOSED`].
    pub flags: u8,
}

/// The quote state of every token; `quotes` as returned by [`find`].
#[must_use]
pub fn token_states(tokens: &[Token], quotes: &[Quotation]) -> Vec<QuoteState> {
    let mut out = vec![QuoteState::default(); tokens.len()];
    let first_at = |pos: usize| tokens.partition_point(|t| t.span.end <= pos);
    for q in quotes {
        let inside = if q.double { IN_DOUBLE } else { IN_SINGLE };
        let unclosed = if q.close.is_none() { IN_UNCLOSED } else { 0 };
        for i in first_at(q.content.start)..tokens.len() {
            if tokens[i].span.start >= q.content.end {
                break;
            }
            out[i].depth = out[i].depth.saturating_add(1);
            out[i].flags |= inside | unclosed;
        }
        if let Some(s) = out.get_mut(first_at(q.open.start)) {
            s.flags |= OPENING;
        }
        if let Some(c) = q.close
            && let Some(s) = out.get_mut(first_at(c.start))
        {
            s.flags |= CLOSING;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paras = crate::segment::article::blocks(text);
        let spans: Vec<Span> = paras.iter().map(|b| b.span).collect();
        find(text, &spans).iter().map(|q| q.content.slice(text)).collect()
    }

    #[test]
    fn curly_straight_and_nested_marks() {
        assert_eq!(quoted("He said, “We’ve won,” and left."), ["We’ve won,"]);
        assert_eq!(quoted("\"A,\" he said, \"B.\""), ["A,", "B."]);
        assert_eq!(quoted("“He told me ‘no’ twice,” she said."), ["He told me ‘no’ twice,", "no"]);
        assert_eq!(quoted("„Das Geld ist nicht da,“ sagte sie."), ["Das Geld ist nicht da,"]);
        assert_eq!(quoted("«Nous refusons,» a dit le président."), ["Nous refusons,"]);
        assert_eq!(
            quoted("''I said, 'The lesson is clear,''' Mr. Obama said."),
            ["I said, 'The lesson is clear,'", "The lesson is clear,"]
        );
    }

    #[test]
    fn an_article_quoting_in_single_marks_has_its_quotations_read_as_double() {
        let doubles = |text: &str| {
            let paras: Vec<Span> = crate::segment::article::blocks(text).iter().map(|b| b.span).collect();
            find(text, &paras)
                .iter()
                .filter(|q| q.double)
                .map(|q| q.content.slice(text).to_owned())
                .collect::<Vec<_>>()
        };
        let text =
            "Talks\n'We need compromise, not ultimatums,' said Pieter de Vries.\nHe called it 'rigged'.";
        assert_eq!(doubles(text), ["We need compromise, not ultimatums,"], "a scare quote stays single");
        // Where double marks carry most quoted words, single ones stay what they were.
        let text = "Talks\n“We need a deal today, not next year,” she said of the 'final offer'.";
        assert_eq!(doubles(text), ["We need a deal today, not next year,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quoted("Int’l affairs prof Kupchan’s view of the ’90s and voters’ worries.").is_empty());
        assert!(quoted("It's the voters' choice, isn't it? Rock 'n' roll.").len() <= 1);
        assert_eq!(quoted("Trump may ‘pay a price’ if it fails"), ["pay a price"]);
    }

    #[test]
    fn open_quotation_continues_in_the_next_paragraph_only() {
        let text = "Title\n“First part.\n“Second part,” he said.\nNo quote here.";
        let paras: Vec<Span> = crate::segment::article::blocks(text).iter().map(|b| b.span).collect();
        let q = find(text, &paras);
        assert_eq!(q.len(), 2);
        assert!(q[0].continues && q[0].close.is_none());
        assert!(q[1].continued && !q[1].continues);
        assert_eq!(q[0].content.slice(text), "First part.");
    }

    #[test]
    fn unbalanced_mark_stops_at_the_paragraph_end() {
        let text = "Title\nHe said “this never closes.\nThe next paragraph is narration.";
        assert_eq!(quoted(text), ["this never closes."]);
    }
}
