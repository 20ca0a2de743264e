use super::*;
use TokenKind::{Email, Number, Punct, Quote, Symbol, Url, Word};

fn words(text: &str) -> Vec<&str> {
    tokenize(text).into_iter().map(|t| t.span.slice(text)).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    tokenize(text).into_iter().map(|t| (t.span.slice(text), t.kind)).collect()
}

#[test]
fn words_and_punctuation() {
    assert_eq!(words("Hello, world! (Yes.)"), ["Hello", ",", "world", "!", "(", "Yes", ".", ")"]);
    assert_eq!(words("  \t\n"), Vec::<&str>::new());
    assert_eq!(words("naïve Zelenskyy café"), ["naïve", "Zelenskyy", "café"]);
}

#[test]
fn titles_and_listed_abbreviations_keep_their_period() {
    assert_eq!(
        words("Mr. Smith, Gov. Brown, Sen. Cruz and Rep. Lee"),
        ["Mr.", "Smith", ",", "Gov.", "Brown", ",", "Sen.", "Cruz", "and", "Rep.", "Lee"]
    );
    assert_eq!(
        words("Sept. 11 in Sacramento, Calif., at 9 a.m. or 5 p.m. sharp"),
        [
            "Sept.",
            "11",
            "in",
            "Sacramento",
            ",",
            "Calif.",
            ",",
            "at",
            "9",
            "a.m.",
            "or",
            "5",
            "p.m.",
            "sharp"
        ]
    );
    assert_eq!(words("Martin Luther King Jr. said"), ["Martin", "Luther", "King", "Jr.", "said"]);
    assert_eq!(words("Int’l affairs and Int'l law"), ["Int’l", "affairs", "and", "Int'l", "law"]);
}

#[test]
fn letter_acronyms_and_initials() {
    assert_eq!(
        words("the U.S. and the E.U. in D.C. now"),
        ["the", "U.S.", "and", "the", "E.U.", "in", "D.C.", "now"]
    );
    assert_eq!(
        words("George W. Bush and George H.W. Bush"),
        ["George", "W.", "Bush", "and", "George", "H.W.", "Bush"]
    );
    assert_eq!(
        words("U.S.-led talks, D-N.J. and R-Tenn. said"),
        ["U.S.-led", "talks", ",", "D-N.J.", "and", "R-Tenn.", "said"]
    );
    assert_eq!(words("She has a Ph.D. in law"), ["She", "has", "a", "Ph.D.", "in", "law"]);
    assert_eq!(
        words("Obama had will.i.am. He said.The end"),
        ["Obama", "had", "will.i.am", ".", "He", "said", ".", "The", "end"]
    );
}

#[test]
fn a_number_abbreviation_needs_a_number() {
    assert_eq!(words("No. 1 seed"), ["No.", "1", "seed"]);
    assert_eq!(words("He said no."), ["He", "said", "no", "."]);
    assert_eq!(words("The answer was No. Then"), ["The", "answer", "was", "No", ".", "Then"]);
}

#[test]
fn an_abbreviation_ending_a_sentence_gives_up_its_period() {
    assert_eq!(words("in the U.S. The next"), ["in", "the", "U.S", ".", "The", "next"]);
    assert_eq!(words("in the U.S. Senate"), ["in", "the", "U.S.", "Senate"]);
    assert_eq!(words("at 9 p.m. “We won"), ["at", "9", "p.m", ".", "“", "We", "won"]);
    assert_eq!(words("Sacramento, Calif. Brown said"), ["Sacramento", ",", "Calif", ".", "Brown", "said"]);
    assert_eq!(words("Mr. The"), ["Mr.", "The"]);
    assert_eq!(words("Das Volk vs. The State"), ["Das", "Volk", "vs.", "The", "State"]);
    assert_eq!(
        words("RENO, Nev. (AP) — ST. LOUIS"),
        ["RENO", ",", "Nev.", "(", "AP", ")", "—", "ST.", "LOUIS"]
    );
    assert_eq!(words("stay in the U.S.\"\n\nIt did"), ["stay", "in", "the", "U.S.", "\"", "It", "did"]);
    assert_eq!(words("She lives in the U.S."), ["She", "lives", "in", "the", "U.S."]);
    assert_eq!(words("the U.S.\" The"), ["the", "U.S.", "\"", "The"]);
    assert_eq!(words("the U.S. \"The"), ["the", "U.S", ".", "\"", "The"]);
    assert_eq!(words("Dallas, Tex."), ["Dallas", ",", "Tex", "."]);
    assert_eq!(words("Trump."), ["Trump", "."]);
}

#[test]
fn the_next_paragraph_decides_for_an_abbreviation_at_the_end() {
    let text = "at 7 p.m.\n\nDonald Trump said\n\nat 8 p.m.\nThe end";
    let paragraph = |from: &str, to: &str| {
        let start = text.find(from).unwrap_or(0);
        let mut out = Vec::new();
        tokenize_into(text, Span::new(start, start + to.len()), &mut out);
        out.into_iter().map(|t| t.span.slice(text)).collect::<Vec<_>>()
    };
    assert_eq!(paragraph("at 7", "at 7 p.m."), ["at", "7", "p.m."]);
    assert_eq!(paragraph("at 8", "at 8 p.m."), ["at", "8", "p.m", "."]);
}

#[test]
fn numbers() {
    assert_eq!(
        kinds("2,000 3.5 9:30 1990s 13th .5"),
        [
            ("2,000", Number),
            ("3.5", Number),
            ("9:30", Number),
            ("1990s", Number),
            ("13th", Number),
            (".5", Number)
        ]
    );
    assert_eq!(
        words("in 2014. Then 9/11 and 1,2,3"),
        ["in", "2014", ".", "Then", "9/11", "and", "1", ",", "2", ",", "3"]
    );
    assert_eq!(words("up 5% or 12 percent"), ["up", "5", "%", "or", "12", "percent"]);
    assert_eq!(words("$846.8million or 1million"), ["$", "846.8", "million", "or", "1million"]);
    assert_eq!(
        words("at -11 points, 59%-28%, +32 and +/-3"),
        ["at", "-11", "points", ",", "59", "%", "-28", "%", ",", "+32", "and", "+", "/", "-3"]
    );
}

#[test]
fn currency_is_split_like_the_treebank() {
    assert_eq!(
        kinds("$5 and $1.2 billion, €3"),
        [
            ("$", Symbol),
            ("5", Number),
            ("and", Word),
            ("$", Symbol),
            ("1.2", Number),
            ("billion", Word),
            (",", Punct),
            ("€", Symbol),
            ("3", Number)
        ]
    );
}

#[test]
fn web_and_email_addresses_are_one_token() {
    assert_eq!(
        kinds("See https://t.co/hb?x=1&y=2. Or www.example.com/a_b, breitbart.com."),
        [
            ("See", Word),
            ("https://t.co/hb?x=1&y=2", Url),
            (".", Punct),
            ("Or", Word),
            ("www.example.com/a_b", Url),
            (",", Punct),
            ("breitbart.com", Url),
            (".", Punct)
        ]
    );
    assert_eq!(
        kinds("Mail jo.smith@news.co.uk, or a@b.org."),
        [
            ("Mail", Word),
            ("jo.smith@news.co.uk", Email),
            (",", Punct),
            ("or", Word),
            ("a@b.org", Email),
            (".", Punct)
        ]
    );
    assert_eq!(words("(see http://x.org/a_(b))"), ["(", "see", "http://x.org/a_(b)", ")"]);
    assert_eq!(words("too.https://t.co/x"), ["too", ".", "https://t.co/x"]);
}

#[test]
fn handles_hashtags_and_markup() {
    assert_eq!(
        words("@AP_Politics says #Election2016 <br/> <p>"),
        ["@AP_Politics", "says", "#Election2016", "<br/>", "<p>"]
    );
    assert_eq!(words("a < b ___ ** =="), ["a", "<", "b", "___", "**", "=="]);
}

#[test]
fn hyphenated_words_are_one_token() {
    assert_eq!(
        words("front-runner R-TX 40-year-old AT&T Q&A and/or"),
        ["front-runner", "R-TX", "40-year-old", "AT&T", "Q&A", "and/or"]
    );
    assert_eq!(words("African- Americans, -American"), ["African", "-", "Americans", ",", "-", "American"]);
}

#[test]
fn possessives_and_contractions_split_like_the_treebank() {
    assert_eq!(
        words("Kupchan’s Trump's TRUMP’S Jones’ D.C.’s 1990's"),
        ["Kupchan", "’s", "Trump", "'s", "TRUMP", "’S", "Jones", "’", "D.C.", "’s", "1990", "'s"]
    );
    assert_eq!(
        words("don’t can't won’t DON'T ain’t"),
        ["do", "n’t", "ca", "n't", "wo", "n’t", "DO", "N'T", "ai", "n’t"]
    );
    assert_eq!(
        words("we’ve I'm they’re she’d we’ll"),
        ["we", "’ve", "I", "'m", "they", "’re", "she", "’d", "we", "’ll"]
    );
    assert_eq!(words("cannot Gonna"), ["can", "not", "Gon", "na"]);
}

#[test]
fn names_and_elisions_with_apostrophes_stay_whole() {
    assert_eq!(
        words("O’Malley O'Reilly o’clock O’Donnell rock’n’roll"),
        ["O’Malley", "O'Reilly", "o’clock", "O’Donnell", "rock’n’roll"]
    );
    assert_eq!(
        kinds("the ’90s and '80s ’cause"),
        [("the", Word), ("’90s", Number), ("and", Word), ("'80s", Number), ("’cause", Word)]
    );
}

#[test]
fn quotes_are_tokens() {
    assert_eq!(
        kinds("“Yes,” ‘no’ \"maybe\" ''so'' ``then''"),
        [
            ("“", Quote),
            ("Yes", Word),
            (",", Punct),
            ("”", Quote),
            ("‘", Quote),
            ("no", Word),
            ("’", Quote),
            ("\"", Quote),
            ("maybe", Word),
            ("\"", Quote),
            ("''", Quote),
            ("so", Word),
            ("''", Quote),
            ("``", Quote),
            ("then", Word),
            ("''", Quote)
        ]
    );
    assert_eq!(words("‘pay a price’ if"), ["‘", "pay", "a", "price", "’", "if"]);
    assert_eq!(kinds("‘miracles,’”"), [("‘", Quote), ("miracles", Word), (",", Punct), ("’”", Quote)]);
    assert_eq!(kinds("“‘Crooked"), [("“‘", Quote), ("Crooked", Word)]);
    // Two marks in a row stay two (a close and an open); a longer run of one
    // mark is one token.
    assert_eq!(words("\"a\"\"b\""), ["\"", "a", "\"", "\"", "b", "\""]);
    assert_eq!(words("x \"\"\"\"\" y ”””"), ["x", "\"\"\"\"\"", "y", "”””"]);
}

#[test]
fn dashes_and_ellipses() {
    assert_eq!(
        kinds("a—b – c -- d --- e … f... g. . . h"),
        [
            ("a", Word),
            ("—", Punct),
            ("b", Word),
            ("–", Punct),
            ("c", Word),
            ("--", Punct),
            ("d", Word),
            ("---", Punct),
            ("e", Word),
            ("…", Punct),
            ("f", Word),
            ("...", Punct),
            ("g", Word),
            (". . .", Punct),
            ("h", Word)
        ]
    );
}

#[test]
fn combining_marks_and_emoji_stay_in_their_token() {
    assert_eq!(words("Cafe\u{301} 👍🏽 👨‍👩‍👧 🇺🇸! x\u{301}y"), ["Cafe\u{301}", "👍🏽", "👨‍👩‍👧", "🇺🇸", "!", "x\u{301}y"]);
    assert_eq!(words("\u{301}a"), ["\u{301}", "a"]);
}

#[test]
fn spans_are_offsets_into_the_original_text() {
    let text = "xx Mr. Smith’s yy";
    let mut out = Vec::new();
    tokenize_into(text, Span::new(3, 14 + 3), &mut out);
    let got: Vec<_> = out.iter().map(|t| (t.span.start, t.span.slice(text))).collect();
    assert_eq!(got, [(3, "Mr."), (7, "Smith"), (12, "’s")]);
    let mut none = Vec::new();
    tokenize_into("é", Span::new(1, 2), &mut none);
    tokenize_into("ab", Span::new(1, 9), &mut none);
    assert!(none.is_empty());
}
