//! Who said what: every attribution of an article — direct quotation,
//! reported speech or mixed — with its content, cue and source mention.
//!
//! A learned tagger labels sources, cues and contents paragraph by
//! paragraph; decoding joins split quotations and pairs each content with
//! its cue and source; rules add the quotations the tagger missed.

pub mod acts;
pub mod cues;
pub mod decode;
pub mod ends;
pub mod features;
pub mod layers;
pub mod mention;
pub mod quotes;
pub mod review;
pub mod standing;
pub mod tagger;

use crate::annotation::{Annotation, Quote};
use crate::syntax::LazyParser;
use cues::Lexicon;
use layers::Layers;
pub use layers::Word;
use review::Review;
use tagger::{AttributionTagger, Scratch};

/// Find the attributions of an article whose tokens, tags and entities are
/// done; `words` are the tokens' keys. Sentences the rules need a tree of
/// are parsed with `parser`, unless the article was parsed whole. The
/// reported attributions `review` finds seldom right are left out.
#[must_use]
pub fn find(
    tagger: &AttributionTagger,
    review: &Review,
    lexicon: &Lexicon,
    text: &str,
    words: &[Word],
    ann: &Annotation,
    parser: &LazyParser,
) -> Vec<Quote> {
    let layers = Layers::new(text, ann, words, lexicon).with_parser(parser);
    let (found, certainty) = find_all(tagger, &layers);
    let mut scratch = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for (mut q, sure) in found.into_iter().zip(certainty) {
        if review.keeps(&layers, &q, sure, &mut scratch) {
            review.end(&layers, &mut q, &mut scratch);
            out.push(q);
        }
    }
    out.sort_by_key(|q| (q.content.start, q.content.end));
    out
}

/// Every attribution the tagger and the rules find, before review, each
/// with the tagger's certainty of its content (see [`review::certainty`]),
/// in the order found.
#[must_use]
pub fn find_all(tagger: &AttributionTagger, layers: &Layers<'_>) -> (Vec<Quote>, Vec<f32>) {
    let mut labels = Vec::new();
    let mut scratch = Scratch::default();
    let mut carry = decode::Carry::new(layers);
    let mut out = Vec::new();
    let mut certainty = Vec::new();
    for para in &layers.paragraphs {
        if para.is_empty() {
            continue;
        }
        for block in blocks(layers, para.clone()) {
            tagger.tag_block(layers, para.clone(), block.clone(), &mut labels, &mut scratch);
            let before = out.len();
            decode::paragraph(layers, block.clone(), &labels, &mut carry, &mut out);
            for q in &out[before..] {
                certainty.push(review::certainty(layers, &block, scratch.emissions(), q));
            }
        }
    }
    for q in &mut out {
        tidy(layers.text, q);
        keep_roles_apart(q);
    }
    (out, certainty)
}

/// Paragraphs up to this many tokens are decoded whole; news paragraphs
/// stay far below it.
pub const MAX_PARAGRAPH_TOKENS: usize = 2048;
/// A longer paragraph is decoded in blocks of about this many tokens, ended
/// at a sentence's end: decoding pairs every content with the cues and
/// sources of its paragraph, which grows with the square of its length.
const BLOCK_TOKENS: usize = 1024;

/// The token ranges `para` is decoded in: itself when it is short enough,
/// else consecutive blocks of about [`BLOCK_TOKENS`] tokens that end at a
/// sentence's end (or mid-sentence in a sentence longer than
/// [`MAX_PARAGRAPH_TOKENS`], which no prose has).
fn blocks(l: &Layers<'_>, para: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    if para.len() <= MAX_PARAGRAPH_TOKENS {
        return vec![para];
    }
    let mut out = Vec::with_capacity(para.len() / BLOCK_TOKENS + 1);
    let mut start = para.start;
    while start < para.end {
        let want = (start + BLOCK_TOKENS).min(para.end);
        let sentence_end = l.sentence(want - 1).end.min(para.end);
        let end = if sentence_end - start <= MAX_PARAGRAPH_TOKENS { sentence_end } else { want };
        out.push(start..end);
        start = end;
    }
    out
}

/// Spans as a reader expects them: a cue without trailing punctuation
/// ("said" for "said:"), and a direct quote's content inside its marks.
fn tidy(text: &str, q: &mut Quote) {
    if let Some(cue) = q.cue {
        let trimmed = cue
            .slice(text)
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '—' | '-'));
        if !trimmed.is_empty() {
            q.cue = Some(crate::text::Span::new(cue.start, cue.start + trimmed.len()));
        }
    }
    let unwrap = |span: crate::text::Span| -> crate::text::Span {
        let s = span.slice(text);
        // „German quotes“ close with the mark English opens with.
        let inner = s.strip_prefix(['“', '"', '«', '„']).and_then(|r| r.strip_suffix(['”', '"', '»', '“']));
        match inner {
            Some(inner) if !inner.trim().is_empty() && !inner.contains(['“', '”', '"', '«', '»', '„']) =>
            {
                let start = span.start + (s.len() - s.trim_start_matches(['“', '"', '«', '„']).len());
                crate::text::Span::new(start, start + inner.len())
            }
            _ => span,
        }
    };
    if q.kind == crate::annotation::QuoteKind::Direct {
        if q.content_fragments.is_empty() {
            q.content = unwrap(q.content);
        } else {
            for f in &mut q.content_fragments {
                *f = unwrap(*f);
            }
            if let (Some(first), Some(last)) = (q.content_fragments.first(), q.content_fragments.last()) {
                q.content = first.cover(*last);
            }
        }
    }
}

/// The last word on roles: a cue or source that overlaps the content (or a
/// source that overlaps the cue) is dropped rather than shown wrongly.
fn keep_roles_apart(q: &mut Quote) {
    let pieces = if q.content_fragments.is_empty() {
        std::slice::from_ref(&q.content)
    } else {
        q.content_fragments.as_slice()
    };
    let clashes = |role: crate::text::Span| pieces.iter().any(|c| c.overlaps(role));
    if q.cue.is_some_and(clashes) {
        q.cue = None;
    }
    if q.source.is_some_and(|s| clashes(s) || q.cue.is_some_and(|c| c.overlaps(s))) {
        q.source = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Annotator;

    #[test]
    fn a_long_paragraph_is_decoded_in_blocks_that_end_at_sentences() {
        let annotator = Annotator::new().expect("models load");
        let sentence = "The council met again, and Mayor Ann Holt said the vote would wait until spring. ";
        let text = format!("Title\n\n{}\n", sentence.repeat(400));
        let (ann, words) = annotator.layers(&text);
        let layers = Layers::new(&text, &ann, &words, annotator.cues());
        let para = layers.paragraphs[1].clone();
        assert!(para.len() > MAX_PARAGRAPH_TOKENS);
        let blocks = blocks(&layers, para.clone());
        assert!(blocks.len() > 1);
        assert_eq!(blocks.first().map(|b| b.start), Some(para.start));
        assert_eq!(blocks.last().map(|b| b.end), Some(para.end));
        for pair in blocks.windows(2) {
            assert_eq!(pair[0].end, pair[1].start, "blocks cover the paragraph in order");
        }
        for b in &blocks {
            assert!(b.len() <= MAX_PARAGRAPH_TOKENS);
            assert_eq!(layers.sentence(b.end - 1).end, b.end, "a block ends with a sentence");
        }
        // A short paragraph is one block.
        assert_eq!(self::blocks(&layers, layers.paragraphs[0].clone()), vec![layers.paragraphs[0].clone()]);
        // Every copy of the sentence is still attributed, across block edges too.
        let quotes = annotator.annotate(&text).quotes;
        assert_eq!(quotes.len(), 400);
    }

    /// The one attribution of `text`: its content, and the start of its source.
    fn only_attribution(annotator: &Annotator, text: &str) -> (String, Option<String>) {
        let ann = annotator.annotate(text);
        assert_eq!(ann.quotes.len(), 1, "{text}: {:?}", ann.quotes);
        let q = &ann.quotes[0];
        (q.content.slice(text).to_owned(), q.source.map(|s| s.slice(text).to_owned()))
    }

    #[test]
    fn reports_shaped_like_news_are_read_whatever_the_tagger_made_of_them() {
        let annotator = Annotator::new().expect("models load");
        for (text, content, source) in [
            // A clause, a comma, a noun phrase and a verb of speech.
            (
                "Trial results\n\nThe drug cut hospital visits by a third, the company said in a statement.\n",
                "The drug cut hospital visits by a third",
                "the company",
            ),
            // A phrase with a preposition names the source too.
            (
                "Shake-up\n\nThe company fired its finance chief last week, two people familiar with the matter said.\n",
                "The company fired its finance chief last week",
                "two people familiar with the matter",
            ),
            // The verb before the phrase that names someone.
            (
                "Plant to close\n\nThe plant will close in June, said the mayor.\n",
                "The plant will close in June",
                "the mayor",
            ),
            (
                "Talks\n\nThe talks were useful, said Rosa Ibarra, the trade minister.\n",
                "The talks were useful",
                "Rosa Ibarra",
            ),
            // "According to" and its source first, past an apposition.
            (
                "Prices\n\nAccording to the report, prices rose sharply last year.\n",
                "prices rose sharply last year",
                "the report",
            ),
            (
                "Mill\n\nAccording to Ann Lee, writing for the Herald, the mill will close in May.\n",
                "the mill will close in May",
                "Ann Lee",
            ),
        ] {
            let (found, from) = only_attribution(&annotator, text);
            assert_eq!(found, content, "{text}");
            assert!(from.as_deref().is_some_and(|s| s.starts_with(source)), "{text}: {from:?}");
        }
    }

    #[test]
    fn words_that_only_look_like_those_reports_are_not_read_as_them() {
        let annotator = Annotator::new().expect("models load");
        // Without a verb of its own, what comes before the comma reports nothing.
        let text = "Mines\n\nOne after another, the mining companies said nothing.\n";
        let ann = annotator.annotate(text);
        assert!(ann.quotes.iter().all(|q| q.content.slice(text) != "One after another"), "{:?}", ann.quotes);
        // An object after the verb names nobody.
        let text = "Firm\n\nThe firm ran out of cash, declared bankruptcy.\n";
        let ann = annotator.annotate(text);
        assert!(ann.quotes.iter().all(|q| q.source.map(|s| s.slice(text)) != Some("bankruptcy")));
    }

    #[test]
    fn a_clause_around_a_parenthetical_source_is_one_content_in_two_pieces() {
        let annotator = Annotator::new().expect("models load");
        let text = "Bridge\n\nThe bridge, officials said, will reopen next week.\n";
        let ann = annotator.annotate(text);
        assert_eq!(ann.quotes.len(), 1, "{:?}", ann.quotes);
        let q = &ann.quotes[0];
        let pieces: Vec<&str> = q.content_fragments.iter().map(|f| f.slice(text)).collect();
        assert_eq!(pieces, ["The bridge", "will reopen next week"]);
        assert_eq!(q.source.map(|s| s.slice(text)), Some("officials"));
    }

    #[test]
    fn a_quotation_split_by_its_report_is_one_unless_its_second_half_has_its_own() {
        let annotator = Annotator::new().expect("models load");
        let pieces = |text: &str| -> Vec<Vec<String>> {
            annotator
                .annotate(text)
                .quotes
                .iter()
                .map(|q| {
                    if q.content_fragments.is_empty() {
                        vec![q.content.slice(text).to_owned()]
                    } else {
                        q.content_fragments.iter().map(|f| f.slice(text).to_owned()).collect()
                    }
                })
                .collect()
        };
        let joined = "Bank\n\n“This just isn’t right,” Warren said. “The bank squeezed its employees to the breaking point.”\n";
        let quotes = pieces(joined);
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert_eq!(quotes[0].len(), 2, "{quotes:?}");
        let reported = "Bank\n\n“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the stock price, she said.\n";
        let quotes = pieces(reported);
        assert!(!quotes.is_empty(), "{quotes:?}");
        assert_eq!(quotes[0], ["This just isn’t right,"], "{quotes:?}");
        assert!(quotes.iter().all(|q| q.len() == 1), "{quotes:?}");
    }

    #[test]
    fn a_cue_reports_its_own_sentence_before_a_content_it_would_reach_across_a_full_stop() {
        let annotator = Annotator::new().expect("models load");
        let text = "Banks\n\nIn a statement issued Tuesday morning, the governor was more cautious than his fellow \
                    Republicans on the committee. Though he called the company’s conduct “shameful” and called for \
                    refunds, he did not say more.\n";
        let ann = annotator.annotate(text);
        let called = ann
            .quotes
            .iter()
            .find(|q| q.cue.map(|c| c.slice(text)) == Some("called"))
            .unwrap_or_else(|| panic!("the “called” report is found: {:?}", ann.quotes));
        assert_eq!(called.content.slice(text), "the company’s conduct “shameful”");
        assert!(called.content_fragments.is_empty(), "one piece: {:?}", called.content_fragments);
        assert!(ann.quotes.iter().all(|q| !q.content.slice(text).contains("cautious")), "{:?}", ann.quotes);
    }

    #[test]
    fn a_subject_the_tagger_left_out_is_read_from_the_sentence_tree() {
        let annotator = Annotator::new().expect("models load");
        // The tagger marks no source here, and no name stands before the cue.
        let text = "Strike\n\nThe union, unlike its rival in Chicago, has warned that the strike could last for weeks.\n";
        let (content, source) = only_attribution(&annotator, text);
        assert_eq!(content, "the strike could last for weeks");
        assert_eq!(source.as_deref(), Some("The union"));
    }

    #[test]
    fn a_participle_after_a_comma_speaks_for_the_subject_of_its_clause() {
        let annotator = Annotator::new().expect("models load");
        for (text, speaker) in [
            (
                "Protest\n\nHillary Clinton spoke out on Tuesday about the shooting in Tulsa, Oklahoma, arguing that the killings must stop.\n",
                "Hillary Clinton",
            ),
            (
                "Health\n\nDean, a doctor, then appeared on MSNBC on Tuesday and began by saying he would never diagnose anyone on television.\n",
                "Dean",
            ),
        ] {
            let found = annotator.annotate(text);
            let sources: Vec<_> =
                found.quotes.iter().filter_map(|q| q.source.map(|s| s.slice(text))).collect();
            assert!(sources.iter().any(|s| s.starts_with(speaker)), "{speaker} in {sources:?}");
            assert!(sources.iter().all(|s| !s.contains("Oklahoma") && !s.contains("MSNBC")), "{sources:?}");
        }
    }

    #[test]
    fn a_name_inside_a_relative_clause_before_the_cue_is_not_the_speaker() {
        let annotator = Annotator::new().expect("models load");
        let text = "Standoff\n\nWashington, which has a defense treaty with the Philippines, called the maneuver dangerous and said it would stand by its ally.\n";
        let found = annotator.annotate(text);
        let sources: Vec<_> = found.quotes.iter().map(|q| q.source.map(|s| s.slice(text))).collect();
        assert!(!sources.is_empty());
        assert!(sources.iter().all(|s| *s == Some("Washington")), "{sources:?}");
    }

    /// The pieces of each attribution's content, and its source.
    fn pieces_and_source(annotator: &Annotator, text: &str) -> Vec<(Vec<String>, Option<String>)> {
        annotator
            .annotate(text)
            .quotes
            .iter()
            .map(|q| {
                let pieces = if q.content_fragments.is_empty() {
                    vec![q.content.slice(text).to_owned()]
                } else {
                    q.content_fragments.iter().map(|f| f.slice(text).to_owned()).collect()
                };
                (pieces, q.source.map(|s| s.slice(text).to_owned()))
            })
            .collect()
    }

    #[test]
    fn a_quotation_that_opens_the_next_sentence_goes_on_with_the_speaker_before_it() {
        let annotator = Annotator::new().expect("models load");
        let text = "Bridge\n\n“The bridge will open in May,” Mayor Ruth Olsen said at the council meeting, \
                    where the treasurer also spoke. “We have the money and the crews.”\n";
        let found = pieces_and_source(&annotator, text);
        let bridge = found.iter().find(|(p, _)| p[0].starts_with("The bridge")).expect("the quotation");
        assert_eq!(bridge.0.len(), 2, "{found:?}");
        assert!(bridge.0[1].starts_with("We have the money"), "{found:?}");
        assert_eq!(bridge.1.as_deref(), Some("Mayor Ruth Olsen"), "{found:?}");
    }

    #[test]
    fn a_paragraph_of_quotation_goes_on_with_the_quotation_that_closed_the_one_before() {
        let annotator = Annotator::new().expect("models load");
        let text = "Bridge\n\n“The bridge will open in May,” Mayor Ruth Olsen said.\n\n\
                    “We have the money. We have the crews. Nothing stands in the way now.”\n";
        let found = pieces_and_source(&annotator, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.len(), 2, "{found:?}");
        assert!(found[0].0[1].starts_with("We have the money"), "{found:?}");
        // After reported speech the quotation has no speaker to go on with.
        let text = "Bridge\n\nMayor Ruth Olsen said the bridge would open in May.\n\n\
                    “We have the money. We have the crews. Nothing stands in the way now.”\n";
        let found = pieces_and_source(&annotator, text);
        assert!(found.iter().all(|(p, _)| p.len() == 1), "{found:?}");
    }

    #[test]
    fn a_report_that_ends_its_paragraph_with_a_colon_is_the_next_paragraphs_quotation() {
        let annotator = Annotator::new().expect("models load");
        let text = "Bridge\n\nMayor Ruth Olsen told the council on Tuesday:\n\n\
                    “The bridge will open in May. We have the money and the crews.”\n";
        let found = pieces_and_source(&annotator, text);
        let bridge = found.iter().find(|(p, _)| p[0].starts_with("The bridge")).expect("the quotation");
        assert_eq!(bridge.1.as_deref(), Some("Mayor Ruth Olsen"), "{found:?}");
    }

    #[test]
    fn a_quoted_question_before_its_speaker_and_verb_is_what_they_said() {
        let annotator = Annotator::new().expect("models load");
        for (text, source) in [
            ("Night\n\n“You winning?” she said, but Kevin was drifting off again.\n", "she"),
            (
                "Rally\n\n“Who would have believed we would get this far?” asked Ruth Olsen, looking at the crowd.\n",
                "Ruth Olsen",
            ),
        ] {
            let found = pieces_and_source(&annotator, text);
            let asked = found
                .iter()
                .find(|(p, _)| p[0].ends_with('?'))
                .unwrap_or_else(|| panic!("{text}: {found:?}"));
            assert_eq!(asked.1.as_deref(), Some(source), "{found:?}");
            assert!(found.iter().all(|(p, _)| !p[0].contains("Kevin")), "{found:?}");
        }
    }

    #[test]
    fn a_quotation_after_reported_words_with_a_quote_in_them_is_a_report_of_its_own() {
        let annotator = Annotator::new().expect("models load");
        let text = "Bank\n\nWarren says the bank is “a rigged casino.” She adds, “Who pays for it?”\n";
        let found = pieces_and_source(&annotator, text);
        assert!(found.iter().all(|(p, _)| p.len() == 1), "{found:?}");
        let casino = found.iter().find(|(p, _)| p[0].contains("casino")).expect("the report");
        assert_eq!(casino.1.as_deref(), Some("Warren"), "{found:?}");
        let asked = found.iter().find(|(p, _)| p[0].contains("Who pays")).expect("the quotation");
        assert_eq!(asked.1.as_deref(), Some("She"), "{found:?}");
    }

    #[test]
    fn a_sentence_that_ends_according_to_a_source_is_reported_whole() {
        let annotator = Annotator::new().expect("models load");
        let text =
            "Vote\n\nOlsen leads Reyes by 271 pledged delegates, according to a count by the Herald.\n";
        let found = pieces_and_source(&annotator, text);
        let count =
            found.iter().find(|(_, s)| s.as_deref() == Some("a count by the Herald")).expect("the report");
        assert_eq!(count.0, ["Olsen leads Reyes by 271 pledged delegates"], "{found:?}");
        // A report inside the clause keeps its own attribution.
        let text = "Bridge\n\nMore than six in ten voters said the bridge does more harm than good, \
                    according to an exit poll by the Herald.\n";
        let found = pieces_and_source(&annotator, text);
        let poll =
            found.iter().find(|(_, s)| s.as_deref() == Some("an exit poll by the Herald")).expect("the poll");
        assert!(poll.0[0].starts_with("More than six in ten voters said"), "{found:?}");
        assert!(found.iter().any(|(p, _)| p[0] == "the bridge does more harm than good"), "{found:?}");
    }

    #[test]
    fn a_headline_that_opens_with_a_name_and_a_colon_is_theirs() {
        let annotator = Annotator::new().expect("models load");
        let text = "Mayor Ruth Olsen: Harbour Bridge Will Open in May\n\nThe city council met on Tuesday.\n";
        let found = pieces_and_source(&annotator, text);
        let headline = found.iter().find(|(p, _)| p[0].contains("Harbour Bridge")).expect("the headline");
        assert_eq!(headline.0, ["Harbour Bridge Will Open in May"], "{found:?}");
        assert_eq!(headline.1.as_deref(), Some("Mayor Ruth Olsen"), "{found:?}");
        // A phrase with a comma before the colon is no one's name.
        let text = "Ah, friends once more: Olsen backs Reyes for mayor\n\nThe city council met on Tuesday.\n";
        let found = pieces_and_source(&annotator, text);
        assert!(found.iter().all(|(_, s)| s.as_deref() != Some("Ah, friends once more")), "{found:?}");
    }

    #[test]
    fn a_dateline_is_not_what_was_said() {
        let annotator = Annotator::new().expect("models load");
        for (text, said) in [
            (
                "Collapse\n\nRIVERMOUTH, Ore. (AP) — Two workers were hurt on Wednesday when scaffolding fell, \
                 police said.\n",
                "Two workers were hurt",
            ),
            (
                "Rates\n\nWASHINGTON (Reuters) - The central bank will hold rates steady, officials said.\n",
                "The central bank will",
            ),
        ] {
            let found = pieces_and_source(&annotator, text);
            assert!(found.iter().any(|(p, _)| p[0].starts_with(said)), "{found:?}");
            assert!(
                found.iter().all(|(p, _)| !p[0].contains("(AP)") && !p[0].contains("WASHINGTON")),
                "{found:?}"
            );
        }
        // Capitals in running text are no dateline.
        let text = "Vote\n\nNATO - the alliance - will meet in May, officials said.\n";
        let found = pieces_and_source(&annotator, text);
        assert!(found.iter().all(|(p, _)| !p[0].starts_with("the alliance")), "{found:?}");
        // Nor who spoke: the story's first sentence speaks after it.
        let text = "Forecast\n\nSAN JOSE, Calif. — Harlow Mills on Thursday cut its forecast, blaming weaker \
                    demand from builders.\n";
        let found = pieces_and_source(&annotator, text);
        let blamed = found.iter().find(|(p, _)| p[0].starts_with("weaker demand")).expect("the report");
        assert_eq!(blamed.1.as_deref(), Some("Harlow Mills"), "{found:?}");
        let text = "Charged\n\nDENVER — A former treasurer of a suburban school district was charged Monday with \
                    stealing more than $2 million over six years, prosecutors said.\n";
        let found = pieces_and_source(&annotator, text);
        assert!(found.iter().all(|(_, s)| s.as_deref() != Some("DENVER")), "{found:?}");
    }

    #[test]
    fn a_quotation_after_a_sentence_ending_in_that_is_its_speaker_s() {
        let annotator = Annotator::new().expect("models load");
        let text = "Rent\n\nTenant advocates dispute that. \"These studies look at cities that are nothing \
                    like Portland,\" said Marisol Vega of the tenants' union.\n";
        let found = pieces_and_source(&annotator, text);
        let quoted = found.iter().find(|(p, _)| p[0].contains("These studies")).expect("the quotation");
        assert!(quoted.0[0].starts_with("These studies"), "{found:?}");
        assert!(quoted.1.as_deref().is_some_and(|s| s.starts_with("Marisol Vega")), "{found:?}");
    }

    #[test]
    fn a_quotation_in_single_marks_is_found_where_the_article_quotes_so() {
        let annotator = Annotator::new().expect("models load");
        let text = "Talks\n\n'We need compromise, not ultimatums,' said the Dutch prime minister, Pieter de Vries.\n";
        let found = pieces_and_source(&annotator, text);
        let q = found.iter().find(|(p, _)| p[0].contains("We need compromise")).expect("the quotation");
        assert!(q.1.as_deref().is_some_and(|s| s.contains("Pieter de Vries")), "{found:?}");
    }

    #[test]
    fn guillemets_and_german_marks_quote_as_english_ones_do() {
        let annotator = Annotator::new().expect("models load");
        for (text, said, who) in [
            (
                "Budget\n\n«We will not accept cuts to farm subsidies,» the French president said, according to a \
                 diplomat.\n",
                "We will not accept cuts to farm subsidies,",
                "the French president",
            ),
            (
                "Budget\n\n„The money is simply not there,“ Anna Keller told reporters.\n",
                "The money is simply not there,",
                "Anna Keller",
            ),
        ] {
            let found = pieces_and_source(&annotator, text);
            assert!(found.iter().any(|(p, s)| p == &[said] && s.as_deref() == Some(who)), "{found:?}");
        }
    }

    #[test]
    fn a_reported_clause_ends_at_a_semicolon() {
        let annotator = Annotator::new().expect("models load");
        let text = "Town\n\nCouncil members said the timing of the vote was not intentional; \
                    they only learned of the plan on Friday.\n";
        let found = pieces_and_source(&annotator, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, ["the timing of the vote was not intentional"], "{found:?}");
    }

    #[test]
    fn each_turn_of_a_transcript_is_its_speakers() {
        let annotator = Annotator::new().expect("models load");
        let text = "Sunday show\n\nGovernor Mike Pence spoke with Chris Wallace on Sunday.\n\n\
                    \"WALLACE: Let us start with the debate. Will she be there?\n\n\
                    \"PENCE: Well, look, she will not be at the debate tomorrow night.\n\n\
                    \"WALLACE: Governor, I do not want to interrupt, but I want to try to get an answer.\n\n\
                    \"PENCE: And that is why he is on his way to the White House.\n";
        let ann = annotator.annotate(text);
        let turn = |words: &str| {
            let found: Vec<_> =
                ann.quotes.iter().filter(|q| q.content.slice(text).starts_with(words)).collect();
            assert_eq!(found.len(), 1, "{words}: {:?}", ann.quotes);
            let speaker = found[0].speaker.and_then(|s| ann.speakers.get(s)).map(|s| s.name.as_str());
            (found[0].source.map(|s| s.slice(text)), speaker)
        };
        assert_eq!(turn("Well, look, she will not"), (Some("PENCE"), Some("Mike Pence")));
        assert_eq!(turn("And that is why"), (Some("PENCE"), Some("Mike Pence")));
        assert_eq!(turn("Let us start"), (Some("WALLACE"), Some("Chris Wallace")));
        // One label alone is a heading, not a transcript.
        let text = "Budget\n\nUPDATE: The council will vote on the budget on Friday.\n";
        assert!(
            annotator.annotate(text).quotes.iter().all(|q| q.source.map(|s| s.slice(text)) != Some("UPDATE"))
        );
    }
}
