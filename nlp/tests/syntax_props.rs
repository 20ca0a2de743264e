//! The parser on any input: CoNLL-U that is malformed in any way is refused
//! with a line number or read, and any words parse into one tree.

use proptest::prelude::*;
use sayso_nlp::Annotator;
use sayso_nlp::syntax::{Dependency, ParsedWords, conllu};
use sayso_nlp::tag::features::WordInfo;

fn assert_tree(tree: &[Dependency]) {
    let n = tree.len();
    assert!(tree.iter().all(|d| d.head as usize <= n));
    if n == 0 {
        return;
    }
    assert_eq!(tree.iter().filter(|d| d.head == 0).count(), 1, "one root in {tree:?}");
    for i in 0..n {
        let mut k = i + 1;
        for _ in 0..=n {
            if k == 0 {
                break;
            }
            k = tree[k - 1].head as usize;
        }
        assert_eq!(k, 0, "word {} reaches the root in {tree:?}", i + 1);
    }
}

fn annotator() -> &'static Annotator {
    static ANNOTATOR: std::sync::OnceLock<Annotator> = std::sync::OnceLock::new();
    ANNOTATOR.get_or_init(|| Annotator::new().and_then(Annotator::with_syntax).expect("models load"))
}

/// Lines that look more or less like CoNLL-U.
fn conllu_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just(String::new()),
        "# [a-z =]{0,12}",
        "[0-9]{1,2}\t[^\t\n]{0,6}",
        "[0-9]{1,2}(\t[^\t\n]{0,4}){1,11}",
        "[0-9]-[0-9]\t[a-z']{1,5}",
        "[0-9]\\.[0-9]\t[a-z]{1,4}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn conllu_reads_or_names_a_line_and_parses_into_trees(input in conllu_like()) {
        match conllu::read(&input) {
            Err(e) => prop_assert!(e.line >= 1 && e.line <= input.split('\n').count()),
            Ok(sentences) => {
                let mut parsed = ParsedWords::default();
                for s in &sentences {
                    let words: Vec<WordInfo> = s.forms().map(WordInfo::new).collect();
                    annotator().syntax().expect("parser loaded").parse_words(&words, &mut parsed);
                    prop_assert_eq!(parsed.tree.len(), words.len());
                    prop_assert_eq!(parsed.tags.len(), words.len());
                    assert_tree(&parsed.tree);
                }
            }
        }
    }

    #[test]
    fn any_text_parses_into_one_tree_per_sentence(text in "\\PC{0,400}") {
        let ann = annotator().entities(&text);
        prop_assert_eq!(ann.syntax.len(), ann.tokens.len());
        for s in &ann.sentences {
            assert_tree(&ann.syntax[s.tokens.clone()]);
        }
    }
}

#[test]
fn annotations_carry_trees_only_from_a_parsing_annotator() {
    let text = "The mayor said the bridge would open in May.";
    let plain = Annotator::new().expect("models load").annotate(text);
    assert!(plain.syntax.is_empty());
    assert_eq!(plain.head(1), None);
    let ann = annotator().annotate(text);
    assert_eq!(ann.syntax.len(), ann.tokens.len());
    let token = |w: &str| ann.tokens.iter().position(|t| t.span.slice(text) == w).expect("token");
    assert_eq!(ann.head(token("mayor")), Some(token("said")));
    assert_eq!(ann.head(token("said")), None, "the root word has no head");
    assert_eq!(ann.head(token("The")), Some(token("mayor")));
    assert_eq!(ann.head(ann.tokens.len()), None);
}
