//! The Python extension module `copydesk._core`: exports, and the mapping of core errors to
//! Python exceptions. Policy (argument checking, defaults, dataclasses) lives in Python.

mod convert;
mod detach;

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

#[pymodule(gil_used = false)]
mod _core {
    #[pymodule_export]
    use super::CopydeskError;
    #[pymodule_export]
    use super::convert::{analyze, analyze_batch};

    #[allow(non_upper_case_globals)]
    #[pymodule_export]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
