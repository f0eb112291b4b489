//! copydesk: clean text, named entities and attributed quotes from scraped news articles.
//!
//! The pipeline runs in one place, [`analyze`]: clean → segment → entities → coreference →
//! quotes. Every offset in the Rust API is a UTF-8 byte offset into [`Article::text`]: slice with
//! `&article.text[span.start..span.end]`. (The Python package converts them to `str` indices.)
//!
//! ```
//! let page = "Example News\n\nTalks resume in the capital\n\n\
//!     The minister said on Monday that the talks would resume next week in the capital.\n\n\
//!     Back to top";
//! let article = copydesk::analyze(page);
//! assert_eq!(article.title.as_deref(), Some("Talks resume in the capital"));
//! assert!(article.text.starts_with("The minister said"));
//! let p = article.paragraphs[0];
//! let (s, e) = article.source_span(p.start, p.end).unwrap();
//! assert_eq!(&page[s..e], &article.text[p.start..p.end]);
//! ```
#![warn(missing_docs)]

mod article;
pub mod batch;
pub mod clean;
pub mod coref;
pub mod entities;
mod error;
mod fasthash;
pub mod html;
pub mod ner;
pub mod offsets;
pub mod quotes;
pub mod segment;

#[cfg(feature = "python")]
mod python;

use serde::Serialize;

pub use article::{Article, Format, Options, analyze, analyze_with};
pub use entities::{Entity, Label, Mention};
pub use error::{Error, Result};
pub use quotes::{Quote, QuoteKind};

/// A byte range of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}
