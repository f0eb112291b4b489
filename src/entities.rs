//! Entity mentions: PERSON, ORG, GPE, LOC, NORP and MISC spans in the body.
//!
//! The statistical tagger arrives with the entities issue; until then this stage finds nothing,
//! and the rest of the pipeline is written against its types.

use serde::Serialize;

use crate::Span;
use crate::segment::Token;

/// The kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Label {
    /// People.
    #[serde(rename = "PERSON")]
    Person,
    /// Organisations: companies, agencies, parties, groups.
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, states.
    #[serde(rename = "GPE")]
    Gpe,
    /// Other places: regions, rivers, mountains.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, religious and political groups.
    #[serde(rename = "NORP")]
    Norp,
    /// Events, laws and other named things.
    #[serde(rename = "MISC")]
    Misc,
}

impl Label {
    /// The label's name as reported to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Misc => "MISC",
        }
    }
}

/// One mention of an entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Mention {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// The mention's text, `&text[start..end]`.
    pub text: String,
    /// Its label.
    pub label: Label,
    /// The entity it belongs to (an index into `Article::entities`).
    pub entity_id: usize,
    /// How sure the tagger is, 0..1.
    pub confidence: f32,
}

impl Mention {
    /// A mention of `text[span]`, not yet grouped into an entity.
    pub fn new(text: &str, span: Span, label: Label, confidence: f32) -> Self {
        Mention {
            start: span.start,
            end: span.end,
            text: text[span.start..span.end].to_string(),
            label,
            entity_id: 0,
            confidence,
        }
    }
}

/// One real-world entity: its mentions grouped under a canonical name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Entity {
    /// Its index in `Article::entities`.
    pub id: usize,
    /// The canonical name: the fullest form used in the article.
    pub name: String,
    /// Its label.
    pub label: Label,
    /// How many mentions it has.
    pub mention_count: usize,
    /// The other surface forms used.
    pub aliases: Vec<String>,
    /// A role or title, such as "Foreign Minister".
    pub role: Option<String>,
    /// What the entity belongs to, such as "Iran".
    pub affiliation: Option<String>,
}

impl Entity {
    /// An entity with a name and label and nothing else known yet.
    pub fn new(id: usize, name: String, label: Label) -> Self {
        Entity { id, name, label, mention_count: 0, aliases: Vec::new(), role: None, affiliation: None }
    }
}

/// Finds the entity mentions in `text` with the statistical tagger ([`crate::ner`]).
pub fn find_mentions(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Mention> {
    crate::ner::tag_fine(text, tokens, sentences).into_iter().map(|(s, l, c)| Mention::new(text, s, l, c)).collect()
}
