//! `sayso parse`: CoNLL-U trees from CoNLL-U or plain text, on good and hostile input.

use assert_cmd::Command;

fn sayso() -> Command {
    Command::cargo_bin("sayso").expect("the sayso binary is built")
}

/// One parsed word line: ID, FORM, UPOS, XPOS, HEAD, DEPREL.
#[derive(Debug)]
struct Word {
    form: String,
    upos: String,
    xpos: String,
    head: usize,
    relation: String,
}

/// The word lines of each sentence of CoNLL-U output, checking that the
/// columns are there and that every sentence is one tree.
fn sentences(out: &str) -> Vec<Vec<Word>> {
    let mut all = Vec::new();
    for block in out.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut words = Vec::new();
        for line in block.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&str> = line.split('\t').collect();
            assert_eq!(c.len(), 10, "ten columns in {line:?}");
            if c[0].contains('-') || c[0].contains('.') {
                continue;
            }
            assert_eq!(c[0].parse::<usize>().expect("numeric ID"), words.len() + 1, "IDs count up");
            words.push(Word {
                form: c[1].to_owned(),
                upos: c[3].to_owned(),
                xpos: c[4].to_owned(),
                head: c[6].parse().expect("numeric head"),
                relation: c[7].to_owned(),
            });
        }
        assert_is_a_tree(&words);
        all.push(words);
    }
    all
}

fn assert_is_a_tree(words: &[Word]) {
    let n = words.len();
    assert!(words.iter().all(|w| w.head <= n), "heads are words of the sentence or 0");
    let roots: Vec<&Word> = words.iter().filter(|w| w.head == 0).collect();
    assert_eq!(roots.len(), 1, "one root");
    assert_eq!(roots[0].relation, "root");
    for (i, w) in words.iter().enumerate() {
        assert!(w.head != i + 1, "no word is its own head");
        // Following heads from any word reaches the root within n steps.
        let mut k = i + 1;
        for _ in 0..=n {
            if k == 0 {
                break;
            }
            k = words[k - 1].head;
        }
        assert_eq!(k, 0, "word {} reaches the root", i + 1);
    }
}

fn head_of<'a>(words: &'a [Word], form: &str) -> &'a str {
    let w = words.iter().find(|w| w.form == form).expect("word present");
    if w.head == 0 { "ROOT" } else { &words[w.head - 1].form }
}

#[test]
fn parses_conllu_keeping_words_comments_and_multiword_tokens() {
    let input = include_str!("fixtures/parse/small.conllu");
    let out = sayso().args(["parse", "tests/fixtures/parse/small.conllu"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // Every comment and multiword-token line comes through unchanged.
    for line in input.lines().filter(|l| l.starts_with('#') || l.starts_with("2-3")) {
        assert!(text.lines().any(|o| o == line), "{line:?} passed through");
    }
    let s = sentences(&text);
    assert_eq!(s.len(), 3);
    let forms: Vec<&str> = s[1].iter().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["She", "did", "n't", "answer", "questions", "from", "reporters", "."]);
    // Sensible heads: subjects on their verbs, determiners on their nouns.
    assert_eq!(head_of(&s[0], "said"), "ROOT");
    assert_eq!(head_of(&s[0], "mayor"), "said");
    assert_eq!(head_of(&s[0], "The"), "mayor");
    assert_eq!(head_of(&s[0], "bridge"), "open");
    assert_eq!(head_of(&s[1], "She"), "answer");
    assert_eq!(head_of(&s[2], "Officials"), "expect");
    let mayor = s[0].iter().find(|w| w.form == "mayor").expect("mayor");
    assert_eq!((mayor.upos.as_str(), mayor.xpos.as_str(), mayor.relation.as_str()), ("NOUN", "NN", "nsubj"));
}

#[test]
fn parses_plain_text_split_by_sayso() {
    let out = sayso()
        .args(["parse", "-"])
        .write_stdin("The minister said the talks would resume. Critics disagreed.\n")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with("# sent_id = 1\n# text = The minister said the talks would resume.\n"));
    let s = sentences(&text);
    assert_eq!(s.len(), 2);
    assert_eq!(head_of(&s[0], "minister"), "said");
    assert_eq!(head_of(&s[1], "Critics"), "disagreed");
    assert!(text.contains("resume\t_\tVERB\tVB\t"), "{text}");
    assert!(text.contains("\tSpaceAfter=No\n"), "resume is followed by the full stop");
}

#[test]
fn a_byte_order_mark_does_not_hide_conllu() {
    let out = sayso()
        .args(["parse", "-"])
        .write_stdin("\u{feff}# sent_id = 1\r\n1\tHello\r\n2\tworld\r\n")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with("# sent_id = 1\n1\tHello\t"), "{text}");
    assert_eq!(sentences(&text)[0].len(), 2);
}

#[test]
fn a_malformed_line_is_named() {
    let out = sayso()
        .args(["parse", "-"])
        .write_stdin("# sent_id = 1\n1\tHello\n3\tthere\n")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3") && err.contains("word ID 3"), "{err}");
    assert!(out.stdout.is_empty(), "nothing half-written");
}

#[test]
fn empty_and_binary_input_are_refused_clearly() {
    for (input, says) in
        [(&b""[..], "empty"), (b"  \n\n", "empty"), (b"\xff\xfe\x00\x01junk\x80", "not UTF-8")]
    {
        let out = sayso().args(["parse", "-"]).write_stdin(input).output().expect("runs");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("sayso: ") && err.contains(says), "{err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn control_characters_never_reach_the_output() {
    let out = sayso()
        .args(["parse", "-"])
        .write_stdin("Hello \u{1b}[2J world\u{7}. Bye.\n")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' && c != '\t'), "{text:?}");
    sentences(&text);
    let out = sayso().args(["parse", "-"]).write_stdin("1\tHi\u{1b}\n").output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("control character"));
}

#[test]
fn a_sentence_of_ten_thousand_words_is_one_tree() {
    let mut input = String::from("# sent_id = long\n");
    for i in 1..=10_000 {
        let form = ["the", "cat", "sat", "on", "mats", ","][i % 6];
        input.push_str(&format!("{i}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_\n"));
    }
    let out = sayso().args(["parse", "-"]).write_stdin(input).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = sentences(&String::from_utf8(out.stdout).expect("UTF-8"));
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].len(), 10_000);
}

#[test]
fn help_says_it_reads_conllu() {
    let out = sayso().args(["parse", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("CoNLL-U") && help.contains("plain text"), "{help}");
}

#[test]
fn annotate_prints_trees_only_when_asked() {
    let text = "Officials said the road would reopen. Drivers complained.\n";
    let plain = sayso().args(["annotate", "-"]).write_stdin(text).output().expect("runs");
    assert!(plain.status.success());
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(plain.get("syntax").is_none(), "no trees unless asked");
    let out = sayso().args(["annotate", "--include-syntax", "-"]).write_stdin(text).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let trees = v["syntax"].as_array().expect("a list of trees");
    assert_eq!(trees.len(), 2);
    let words: Vec<Word> = trees[0]["words"]
        .as_array()
        .expect("words")
        .iter()
        .map(|w| Word {
            form: w["text"].as_str().unwrap_or_default().to_owned(),
            upos: String::new(),
            xpos: w["tag"].as_str().unwrap_or_default().to_owned(),
            head: w["head"].as_u64().unwrap_or(u64::MAX) as usize,
            relation: w["relation"].as_str().unwrap_or_default().to_owned(),
        })
        .collect();
    assert_eq!(words.len(), 7);
    assert_is_a_tree(&words);
    assert_eq!(head_of(&words, "Officials"), "said");
    assert_eq!(words[0].xpos, "NNS");
    // Spans are code points into the text.
    assert_eq!(trees[1]["words"][0]["span"], serde_json::json!([38, 45]));
}
