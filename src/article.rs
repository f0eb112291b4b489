//! The pipeline: the one place that orders the stages.

use serde::Serialize;

use crate::clean::{self, Cleaned, Removed};
use crate::offsets::SourceMap;
use crate::segment::{self, Token};
use crate::{Entity, Error, Mention, Quote, Result, Span, coref, entities, quotes};

/// How to analyse a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Clean the input (find the body, title and site name, drop page furniture) before
    /// extracting. When false, the input is used exactly as given.
    pub clean: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { clean: true }
    }
}

impl Options {
    /// Options with cleaning on or off.
    pub fn with_clean(clean: bool) -> Self {
        Options { clean }
    }
}

/// Everything copydesk finds in one article. All spans are byte offsets into `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Article {
    /// The article body, paragraphs separated by a blank line.
    pub text: String,
    /// The headline, when the input has one.
    pub title: Option<String>,
    /// The site or outlet name, when the input shows one.
    pub site_name: Option<String>,
    /// The body paragraphs.
    pub paragraphs: Vec<Span>,
    /// The sentences.
    pub sentences: Vec<Span>,
    /// The tokens.
    pub tokens: Vec<Token>,
    /// The dropped pieces of the input (offsets into the input).
    pub removed: Vec<Removed>,
    /// Every entity mention.
    pub mentions: Vec<Mention>,
    /// One entry per real-world entity.
    pub entities: Vec<Entity>,
    /// Direct quotes and reported speech.
    pub quotes: Vec<Quote>,
    /// Maps `text` back to the input.
    #[serde(skip)]
    pub source_map: SourceMap,
}

impl Article {
    /// Maps the span `start..end` of `text` to the span of the input it came from.
    pub fn source_span(&self, start: usize, end: usize) -> Result<(usize, usize)> {
        if start > end || end > self.text.len() {
            return Err(Error::SpanOutOfRange { start, end, len: self.text.len() });
        }
        Ok(self.source_map.source_span(start, end))
    }
}

/// Analyses one text with the default options (cleaning on).
pub fn analyze(text: &str) -> Article {
    analyze_with(text, &Options::default())
}

/// Analyses one text.
pub fn analyze_with(text: &str, options: &Options) -> Article {
    let cleaned = if options.clean { clean::clean(text) } else { clean::keep_as_is(text) };
    let Cleaned { text, title, site_name, paragraphs, removed, map } = cleaned;
    let tokens = segment::tokenize(&text);
    let sentences = segment::sentences(&text, &tokens, &paragraphs);
    let mentions = entities::find_mentions(&text, &tokens, &sentences);
    let (mentions, entities) = coref::group_with_tokens(&text, &tokens, mentions);
    let quotes = quotes::find_quotes(&text, &tokens, &sentences, &paragraphs, &mentions, &entities);
    Article {
        text,
        title,
        site_name,
        paragraphs,
        sentences,
        tokens,
        removed,
        mentions,
        entities,
        quotes,
        source_map: map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_false_keeps_the_text() {
        let t = "  Some text\u{a0}here.\n\nMore.  ";
        let a = analyze_with(t, &Options::with_clean(false));
        assert_eq!(a.text, t);
        assert_eq!(a.source_span(2, 6), Ok((2, 6)));
    }

    #[test]
    fn source_span_rejects_spans_outside_the_text() {
        let a = analyze("Short note.");
        assert!(matches!(a.source_span(0, 999), Err(Error::SpanOutOfRange { .. })));
        assert!(matches!(a.source_span(3, 2), Err(Error::SpanOutOfRange { .. })));
    }
}
