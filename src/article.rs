//! The pipeline: the one place that orders the stages.

use serde::Serialize;

use crate::clean::{self, Cleaned, Removed};
use crate::html::{self, Metadata};
use crate::offsets::SourceMap;
use crate::segment::{self, Token};
use crate::{Entity, Error, Mention, Quote, Result, Span, coref, entities, quotes};

/// What the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// HTML when the input starts like an HTML document ([`html::looks_like_html`]), else text.
    #[default]
    Auto,
    /// Scraped page text.
    Text,
    /// An HTML page: the article is extracted from its structure.
    Html,
}

/// How to analyse a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Clean the input (find the body, title and site name, drop page furniture) before
    /// extracting. When false, the input is used exactly as given, as text.
    pub clean: bool,
    /// What the input is. HTML is always cleaned: there is no "as given" for markup.
    pub format: Format,
}

impl Default for Options {
    fn default() -> Self {
        Options { clean: true, format: Format::Auto }
    }
}

impl Options {
    /// Options with cleaning on or off.
    pub fn with_clean(clean: bool) -> Self {
        Options { clean, ..Options::default() }
    }

    /// These options with the input format set.
    pub fn format(self, format: Format) -> Self {
        Options { format, ..self }
    }

    /// Whether `text` is to be read as HTML.
    fn reads_html(&self, text: &str) -> bool {
        match self.format {
            Format::Html => true,
            Format::Text => false,
            Format::Auto => self.clean && html::looks_like_html(text),
        }
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
    /// The authors, when the page states them (HTML input).
    pub authors: Vec<String>,
    /// The publication date as the page states it, usually ISO 8601 (HTML input).
    pub published: Option<String>,
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
    let (cleaned, metadata) = if options.reads_html(text) {
        let extracted = html::extract(text);
        (extracted.cleaned, extracted.metadata)
    } else if options.clean {
        (clean::clean(text), Metadata::default())
    } else {
        (clean::keep_as_is(text), Metadata::default())
    };
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
        authors: metadata.authors,
        published: metadata.published,
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
