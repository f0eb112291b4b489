//! The Python extension module `copydesk._core`: exports, and the mapping of core errors to
//! Python exceptions. Policy (argument checking, defaults, dataclasses) lives in Python.

mod convert;
mod detach;
mod gc_pause;
mod objects;

/// The extension's Rust allocations go through mimalloc. With glibc's allocator, a batch's result
/// strings, allocated on the worker threads, are freed on the thread that builds the Python
/// objects, and those frees wait on the workers' arena locks (perf: most of the context switches
/// of a two-thread batch); mimalloc hands a freed block back to its thread without a lock.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::Error;

create_exception!(copydesk, CopydeskError, PyValueError, "Base class of copydesk's errors.");

impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        match err {
            Error::SpanOutOfRange { .. } | Error::InvalidThreads(_) | Error::ThreadPool(_) => {
                CopydeskError::new_err(err.to_string())
            }
        }
    }
}

/// Panics on purpose, on this thread or inside a worker of the batch pool: lets the test suite pin
/// what a panic becomes in Python (a `PanicException`, never a dead interpreter). Not public API.
#[pyfunction]
#[pyo3(signature = (in_worker = false))]
fn _panic_for_tests(py: Python<'_>, in_worker: bool) {
    detach::run_detached(py, || {
        if in_worker {
            let texts = ["a", "b", "c", "d"];
            let _ = crate::batch::map_parallel(&texts, Some(2), |t| -> usize {
                if t == "c" {
                    panic!("deliberate panic in a worker");
                }
                t.len()
            });
        } else {
            panic!("deliberate panic");
        }
    })
}

/// Runs only segmentation and the entity tagger over each text, on this thread, and returns the
/// number of mentions found: lets the benchmarks time the entity stage on its own. Not public API.
#[pyfunction]
fn _entity_stage_for_benchmarks(py: Python<'_>, texts: Vec<pyo3::pybacked::PyBackedStr>) -> usize {
    detach::run_detached(py, || {
        texts
            .iter()
            .map(|t| {
                let cleaned = crate::clean::keep_as_is(t);
                let tokens = crate::segment::tokenize(&cleaned.text);
                let sentences = crate::segment::sentences(&cleaned.text, &tokens, &cleaned.paragraphs);
                crate::entities::find_mentions(&cleaned.text, &tokens, &sentences).len()
            })
            .sum()
    })
}

/// Runs only the HTML extraction over each page, on this thread, and returns the article bodies:
/// lets the HTML benchmark time extraction on its own, as the extractors it is compared with do.
/// Not public API.
#[pyfunction]
fn _extract_html_for_benchmarks(py: Python<'_>, pages: Vec<pyo3::pybacked::PyBackedStr>) -> Vec<String> {
    detach::run_detached(py, || pages.iter().map(|p| crate::html::extract(p).cleaned.text).collect())
}

#[pymodule(gil_used = false)]
mod _core {
    #[pymodule_export]
    use super::_entity_stage_for_benchmarks;
    #[pymodule_export]
    use super::_extract_html_for_benchmarks;
    #[pymodule_export]
    use super::_panic_for_tests;
    #[pymodule_export]
    use super::CopydeskError;
    #[pymodule_export]
    use super::convert::{analyze, analyze_batch};

    #[allow(non_upper_case_globals)]
    #[pymodule_export]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
