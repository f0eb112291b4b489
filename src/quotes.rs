//! Quotes: direct quotes and reported speech, each with its speaker and cue.
//!
//! The quote stage arrives with the quotes issue; until then it finds nothing, and the rest of the
//! pipeline is written against its types.

use serde::Serialize;

use crate::segment::Token;
use crate::{Entity, Mention, Span};

/// Whether a quote is quoted verbatim or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum QuoteKind {
    /// Words inside quotation marks (whole or partial).
    #[serde(rename = "direct")]
    Direct,
    /// Reported speech without quotation marks.
    #[serde(rename = "indirect")]
    Indirect,
}

impl QuoteKind {
    /// The kind's name as reported to users.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quote or reported statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Start byte offset of the quoted words.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The speaker's canonical name, or the speaker phrase, when one is found.
    pub speaker: Option<String>,
    /// The mention naming the speaker near the quote (may be a pronoun).
    pub speaker_span: Option<Span>,
    /// The entity the speaker resolves to.
    pub speaker_entity_id: Option<usize>,
    /// The reporting verb or phrase.
    pub cue_span: Option<Span>,
    /// How sure the attribution is, 0..1.
    pub confidence: f32,
    /// The rule that attributed it.
    pub rule: &'static str,
}

/// Finds the quotes in `text`.
pub fn find_quotes(
    _text: &str,
    _tokens: &[Token],
    _sentences: &[Span],
    _paragraphs: &[Span],
    _mentions: &[Mention],
    _entities: &[Entity],
) -> Vec<Quote> {
    Vec::new()
}
