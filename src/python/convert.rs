//! Core results as plain Python dicts, with every offset converted to `str` (code-point) indices
//! once per document.

use std::borrow::Cow;

use pyo3::IntoPyObject;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use super::detach::run_detached;
use crate::offsets::{Piece, bytes_to_chars};
use crate::{Article, Options, batch};

#[derive(IntoPyObject)]
pub struct SpanRecord {
    start: usize,
    end: usize,
}

#[derive(IntoPyObject)]
pub struct RemovedRecord {
    text: String,
    start: usize,
    end: usize,
    reason: &'static str,
}

#[derive(IntoPyObject)]
pub struct MentionRecord {
    text: String,
    start: usize,
    end: usize,
    label: &'static str,
    entity_id: usize,
    confidence: f32,
}

#[derive(IntoPyObject)]
pub struct EntityRecord {
    id: usize,
    name: String,
    label: &'static str,
    mention_count: usize,
    aliases: Vec<String>,
    role: Option<String>,
    affiliation: Option<String>,
}

#[derive(IntoPyObject)]
pub struct QuoteRecord {
    text: String,
    start: usize,
    end: usize,
    kind: &'static str,
    speaker: Option<String>,
    speaker_text: Option<String>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    speaker_entity_id: Option<usize>,
    cue: Option<String>,
    cue_start: Option<usize>,
    cue_end: Option<usize>,
    confidence: f32,
    rule: &'static str,
}

#[derive(IntoPyObject)]
pub struct ArticleRecord {
    text: String,
    title: Option<String>,
    site_name: Option<String>,
    paragraphs: Vec<SpanRecord>,
    sentences: Vec<SpanRecord>,
    removed: Vec<RemovedRecord>,
    mentions: Vec<MentionRecord>,
    entities: Vec<EntityRecord>,
    quotes: Vec<QuoteRecord>,
    /// The map back to the input, packed: per piece, five little-endian i64s (out_start, out_end,
    /// in_start, in_end, copied). One bytes object instead of a tuple per piece keeps a large batch
    /// small in memory.
    source_map: Cow<'static, [u8]>,
}

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

/// Builds the record of an article analysed from `input`.
fn record(input: &str, mut a: Article) -> ArticleRecord {
    // Texts of spans first, while offsets are still bytes.
    let quote_extras: Vec<(Option<String>, Option<String>)> = a
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

    let span = |s: crate::Span| SpanRecord { start: s.start, end: s.end };
    ArticleRecord {
        paragraphs: a.paragraphs.into_iter().map(span).collect(),
        sentences: a.sentences.into_iter().map(span).collect(),
        removed: a
            .removed
            .into_iter()
            .map(|r| RemovedRecord { text: r.text, start: r.start, end: r.end, reason: r.reason.as_str() })
            .collect(),
        mentions: a
            .mentions
            .into_iter()
            .map(|m| MentionRecord {
                text: m.text,
                start: m.start,
                end: m.end,
                label: m.label.as_str(),
                entity_id: m.entity_id,
                confidence: m.confidence,
            })
            .collect(),
        entities: a
            .entities
            .into_iter()
            .map(|e| EntityRecord {
                id: e.id,
                name: e.name,
                label: e.label.as_str(),
                mention_count: e.mention_count,
                aliases: e.aliases,
                role: e.role,
                affiliation: e.affiliation,
            })
            .collect(),
        quotes: a
            .quotes
            .into_iter()
            .zip(quote_extras)
            .map(|(q, (speaker_text, cue))| QuoteRecord {
                text: q.text,
                start: q.start,
                end: q.end,
                kind: q.kind.as_str(),
                speaker: q.speaker,
                speaker_text,
                speaker_start: q.speaker_span.map(|s| s.start),
                speaker_end: q.speaker_span.map(|s| s.end),
                speaker_entity_id: q.speaker_entity_id,
                cue,
                cue_start: q.cue_span.map(|s| s.start),
                cue_end: q.cue_span.map(|s| s.end),
                confidence: q.confidence,
                rule: q.rule,
            })
            .collect(),
        source_map: Cow::Owned(pack_pieces(&pieces)),
        text: a.text,
        title: a.title,
        site_name: a.site_name,
    }
}

/// Analyses one text (see `copydesk.analyze`).
#[pyfunction]
#[pyo3(signature = (text, *, clean = true))]
pub fn analyze(py: Python<'_>, text: PyBackedStr, clean: bool) -> ArticleRecord {
    let input: &str = &text;
    run_detached(py, || record(input, crate::analyze_with(input, &Options::with_clean(clean))))
}

/// Analyses many texts (see `copydesk.analyze_batch`): in parallel, or in this thread when
/// `parallel` is false (the Python layer turns it off in a child forked after a parallel batch,
/// whose copy of the worker pool has no threads behind it).
#[pyfunction]
#[pyo3(signature = (texts, *, clean = true, threads = None, parallel = true))]
pub fn analyze_batch(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    clean: bool,
    threads: Option<usize>,
    parallel: bool,
) -> PyResult<Vec<ArticleRecord>> {
    let inputs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let options = Options::with_clean(clean);
    let analyze_one = |t: &str| record(t, crate::analyze_with(t, &options));
    let records = run_detached(py, || {
        if parallel {
            batch::map_parallel(&inputs, threads, analyze_one)
        } else {
            Ok(inputs.iter().map(|t| analyze_one(t)).collect())
        }
    })?;
    Ok(records)
}
