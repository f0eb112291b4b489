//! Coreference: mentions of one entity grouped under one canonical name.
//!
//! For now mentions group by identical text and label; name variants, pronouns, roles and
//! affiliations arrive with the entities issue.

use std::collections::HashMap;

use crate::{Entity, Label, Mention};

/// Groups `mentions` into entities, setting each mention's `entity_id`.
pub fn group(_text: &str, mut mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Entity>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<(String, Label), usize> = HashMap::new();
    for m in &mut mentions {
        let id = *by_key.entry((m.text.clone(), m.label)).or_insert_with(|| {
            entities.push(Entity::new(entities.len(), m.text.clone(), m.label));
            entities.len() - 1
        });
        entities[id].mention_count += 1;
        m.entity_id = id;
    }
    (mentions, entities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn identical_mentions_share_an_entity() {
        let text = "Iran and Iran and Turkey";
        let ms = vec![
            Mention::new(text, Span { start: 0, end: 4 }, Label::Gpe, 0.9),
            Mention::new(text, Span { start: 9, end: 13 }, Label::Gpe, 0.9),
            Mention::new(text, Span { start: 18, end: 24 }, Label::Gpe, 0.9),
        ];
        let (ms, es) = group(text, ms);
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].mention_count, 2);
        assert_eq!(ms.iter().map(|m| m.entity_id).collect::<Vec<_>>(), vec![0, 0, 1]);
    }
}
