//! Pausing Python's cyclic garbage collector while result objects are built.
//!
//! Building a batch's results allocates many tracked objects (the dataclasses and their lists),
//! and every 700 allocations CPython runs a collection of the young objects, every tenth of those
//! an older generation too, now and then all objects, all of it under the GIL. None of the new
//! objects can form a cycle, so these collections find nothing. The collector is paused for the
//! conversion and resumed (if it was running) when it ends; the allocations still count, so one
//! young collection follows once the call returns. Measured (callgrind, 560 news texts kept in a
//! list): the conversion 236 M -> 151 M instructions, the whole process 28 M fewer.

use std::marker::PhantomData;

use pyo3::{Python, ffi};

/// While alive, Python's cyclic garbage collector is paused; dropping it resumes the collector
/// if it was enabled before. It lives no longer than the GIL hold it was made under.
pub struct GcPause<'py> {
    was_enabled: bool,
    _gil: PhantomData<Python<'py>>,
}

impl<'py> GcPause<'py> {
    pub fn new(_py: Python<'py>) -> Self {
        // SAFETY: the GIL is held (`_py`); PyGC_Disable only flips the collector's state and
        // returns the previous one.
        let was_enabled = unsafe { ffi::PyGC_Disable() } != 0;
        GcPause { was_enabled, _gil: PhantomData }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: as in `new`; the guard cannot outlive the GIL hold it was made under.
            unsafe { ffi::PyGC_Enable() };
        }
    }
}
