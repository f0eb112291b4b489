//! One helper for every heavy binding: run core work with the GIL released.

use pyo3::prelude::*;

/// Runs `work` without holding the GIL, so other Python threads keep running. `work` must not
/// touch Python objects (everything it needs is extracted into Rust values first).
pub fn run_detached<T, F>(py: Python<'_>, work: F) -> T
where
    F: FnOnce() -> T + Send + pyo3::marker::Ungil,
    T: Send + pyo3::marker::Ungil,
{
    py.detach(work)
}
