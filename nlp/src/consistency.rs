//! Entity fixes that need a known name: the model labels word by word and
//! may split a long organisation name at a lower-case word.

use crate::annotation::{Entity, EntityLabel, Token};
use crate::gazetteer::GazFlags;
use crate::text::Span;

/// Replace the model's pieces of a known multi-word organisation with the
/// whole name ("Council" inside "Council on Foreign Relations"), unless a
/// model entity crosses the name's edge.
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
        if end - start >= 2 && !crosses && !whole {
            entities.retain(|e| !(run.start <= e.tokens.start && e.tokens.end <= run.end));
            entities.push(Entity {
                span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                label: EntityLabel::Org,
                tokens: run,
                speaker: None,
            });
        }
    }
}

fn is_article(token: Token, text: &str) -> bool {
    token.span.slice(text).eq_ignore_ascii_case("the")
}
