//! Errors the core returns for input-dependent failures. No pyo3 here: the bindings map each
//! variant to a Python exception in one place (`src/python/mod.rs`).

use thiserror::Error;

/// Everything that can go wrong while analysing one document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// A span handed to [`crate::Article::source_span`] does not lie inside the article text.
    #[error("span {start}..{end} is outside the article text (length {len})")]
    SpanOutOfRange {
        /// Start of the offending span.
        start: usize,
        /// End of the offending span.
        end: usize,
        /// Length of the text the span was meant for.
        len: usize,
    },
    /// A requested thread count cannot be honoured.
    #[error("threads must be at least 1, got {0}")]
    InvalidThreads(usize),
    /// The worker pool could not be built.
    #[error("could not start the worker pool: {0}")]
    ThreadPool(String),
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
