//! Entity fixes that need a known name: the model labels word by word and
//! may split a long organisation name at a lower-case word.

use crate::annotation::{Entity, EntityLabel, Token};
use crate::entities::gazetteer::GazFlags;
use crate::text::Span;

/// Replace the model's pieces of a known multi-word organisation joined by a
/// lower-case word with the whole name ("Council" inside "Council on
/// Foreign Relations"), unless a model entity crosses the name's edge.
/// Names written in capitals throughout ("Islamic State", "USA Today") are
/// left to the model, which reads them well and knows how news writing
/// splits them.
///
/// `entities` are one sentence's entities with token ranges relative to
/// `offset`; `tokens` and `flags` are that sentence's.
pub fn known_organisations(
    text: &str,
    entities: &mut Vec<Entity>,
    offset: usize,
    tokens: &[Token],
    flags: &[GazFlags],
) {
    let n = tokens.len().min(flags.len());
    for found in GazFlags::runs(&flags[..n], GazFlags::ORG_BEGIN, GazFlags::ORG_INSIDE) {
        let (i, end) = (found.start, found.end);
        // A leading article stays outside the name, as in news style.
        let start = if end - i > 2 && is_article(tokens[i], text) { i + 1 } else { i };
        let run = offset + start..offset + end;
        // The model's own reading of the whole name (say LOC) is kept.
        let whole = entities.iter().any(|e| e.tokens == run);
        let crosses = entities.iter().any(|e| {
            e.tokens.start < run.end
                && run.start < e.tokens.end
                && !(run.start <= e.tokens.start && e.tokens.end <= run.end)
        });
        let joined = tokens[start + 1..end].iter().any(|t| starts_lower(*t, text));
        if end - start >= 2 && joined && !crosses && !whole {
            entities.retain(|e| !(run.start <= e.tokens.start && e.tokens.end <= run.end));
            entities.push(Entity {
                span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                label: EntityLabel::Org,
                tokens: run,
                speaker: None,
                entity: 0,
            });
        }
    }
}

fn starts_lower(token: Token, text: &str) -> bool {
    token.span.slice(text).chars().next().is_some_and(char::is_lowercase)
}

fn is_article(token: Token, text: &str) -> bool {
    token.span.slice(text).eq_ignore_ascii_case("the")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize::pretokenised;

    /// Apply the rule to `text` with the words in `known` marked as one
    /// known organisation and `model` the model's one entity (token range).
    fn apply(text: &str, known: std::ops::Range<usize>, model: std::ops::Range<usize>) -> Vec<String> {
        let tokens = pretokenised(text);
        let mut flags = vec![GazFlags::EMPTY; tokens.len()];
        for i in known.clone() {
            flags[i] = if i == known.start { GazFlags::ORG_BEGIN } else { GazFlags::ORG_INSIDE };
        }
        let mut entities = vec![Entity {
            span: Span::new(tokens[model.start].span.start, tokens[model.end - 1].span.end),
            label: EntityLabel::Org,
            tokens: model,
            speaker: None,
            entity: 0,
        }];
        known_organisations(text, &mut entities, 0, &tokens, &flags);
        entities.iter().map(|e| e.span.slice(text).to_owned()).collect()
    }

    #[test]
    fn names_joined_by_a_lower_case_word_are_rejoined() {
        let found = apply("said the Council on Foreign Relations today", 1..6, 2..3);
        assert_eq!(found, vec!["Council on Foreign Relations"]);
    }

    #[test]
    fn capitalised_names_are_left_to_the_model() {
        let found = apply("fight the Islamic State group", 2..4, 2..3);
        assert_eq!(found, vec!["Islamic"]);
    }
}
