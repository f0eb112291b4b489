//! The bindings' entry points: analyse in Rust (GIL released), convert every offset to `str`
//! (code-point) indices once per document, then build the result objects ([`super::objects`]).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::detach::run_detached;
use super::gc_pause::GcPause;
use super::objects::{self, Extras};
use crate::offsets::{Piece, bytes_to_chars};
use crate::{Article, Format, Options, batch};

/// The map back to the input, packed: per piece, five little-endian i64s (out_start, out_end,
/// in_start, in_end, copied). One bytes object instead of a tuple per piece keeps a large batch
/// small in memory.
fn pack_pieces(pieces: &[Piece]) -> Vec<u8> {
    let mut out = Vec::with_capacity(pieces.len() * 40);
    for p in pieces {
        for v in [p.out_start, p.out_end, p.in_start, p.in_end, usize::from(p.copy)] {
            out.extend_from_slice(&(v as i64).to_le_bytes());
        }
    }
    out
}

/// Converts the byte offsets behind `refs` into code-point offsets of `text`, in one pass.
fn to_chars(text: &str, refs: Vec<&mut usize>) {
    let mut values: Vec<usize> = refs.iter().map(|r| **r).collect();
    bytes_to_chars(text, &mut values);
    for (r, v) in refs.into_iter().zip(values) {
        *r = v;
    }
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or_default().to_string()
}

/// Converts the offsets of an article analysed from `input` to `str` indices, and gathers what
/// the Python object needs besides it. Runs without the GIL.
fn record(input: &str, mut a: Article) -> (Article, Extras) {
    // Texts of spans first, while offsets are still bytes.
    let quote_texts: Vec<(Option<String>, Option<String>)> = a
        .quotes
        .iter()
        .map(|q| {
            (q.speaker_span.map(|s| slice(&a.text, s.start, s.end)), q.cue_span.map(|s| slice(&a.text, s.start, s.end)))
        })
        .collect();
    let mut pieces: Vec<Piece> = a.source_map.pieces().to_vec();

    let mut text_offsets: Vec<&mut usize> = Vec::new();
    for s in a.paragraphs.iter_mut().chain(a.sentences.iter_mut()) {
        text_offsets.extend([&mut s.start, &mut s.end]);
    }
    for m in &mut a.mentions {
        text_offsets.extend([&mut m.start, &mut m.end]);
    }
    for q in &mut a.quotes {
        text_offsets.extend([&mut q.start, &mut q.end]);
        for s in q.speaker_span.iter_mut().chain(q.cue_span.iter_mut()) {
            text_offsets.extend([&mut s.start, &mut s.end]);
        }
    }
    for p in &mut pieces {
        text_offsets.extend([&mut p.out_start, &mut p.out_end]);
    }
    to_chars(&a.text, text_offsets);

    let mut input_offsets: Vec<&mut usize> = Vec::new();
    for r in &mut a.removed {
        input_offsets.extend([&mut r.start, &mut r.end]);
    }
    for p in &mut pieces {
        input_offsets.extend([&mut p.in_start, &mut p.in_end]);
    }
    to_chars(input, input_offsets);

    // Tokens are not part of the Python result: free them before the batch is converted.
    a.tokens = Vec::new();
    (a, Extras { quote_texts, source_map: pack_pieces(&pieces) })
}

/// The options of a call: `format` is "auto", "text" or "html" (checked by the Python layer).
fn options(clean: bool, format: &str) -> PyResult<Options> {
    let format = match format {
        "auto" => Format::Auto,
        "text" => Format::Text,
        "html" => Format::Html,
        other => return Err(PyValueError::new_err(format!("format must be 'auto', 'text' or 'html', got {other:?}"))),
    };
    Ok(Options::with_clean(clean).format(format))
}

/// Analyses one text (see `copydesk.analyze`).
#[pyfunction]
#[pyo3(signature = (text, *, clean = true, format = "auto"))]
pub fn analyze<'py>(py: Python<'py>, text: PyBackedStr, clean: bool, format: &str) -> PyResult<Bound<'py, PyAny>> {
    let input: &str = &text;
    let options = options(clean, format)?;
    let (a, extras) = run_detached(py, || record(input, crate::analyze_with(input, &options)));
    let _paused = GcPause::new(py);
    objects::article(py, a, extras)
}

/// Analyses many texts (see `copydesk.analyze_batch`): in parallel, or in this thread when
/// `parallel` is false (the Python layer turns it off in a child forked after a parallel batch,
/// whose copy of the worker pool has no threads behind it).
#[pyfunction]
#[pyo3(signature = (texts, *, clean = true, format = "auto", threads = None, parallel = true))]
pub fn analyze_batch<'py>(
    py: Python<'py>,
    texts: Vec<PyBackedStr>,
    clean: bool,
    format: &str,
    threads: Option<usize>,
    parallel: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let inputs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let options = options(clean, format)?;
    let analyze_one = |t: &str| record(t, crate::analyze_with(t, &options));
    let records = run_detached(py, || {
        if parallel {
            batch::map_parallel(&inputs, threads, analyze_one)
        } else {
            Ok(inputs.iter().map(|t| analyze_one(t)).collect())
        }
    })?;
    let _paused = GcPause::new(py);
    records.into_iter().map(|(a, extras)| objects::article(py, a, extras)).collect()
}
