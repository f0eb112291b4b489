//! The result dataclasses of `copydesk.models`, built directly from Rust: no intermediate dicts,
//! and no Python-level `__init__` per object (a frozen dataclass's `__init__` runs one
//! `object.__setattr__` per field in bytecode, which was most of the cost of a batch's results).
//!
//! Each object is made as `object.__new__(cls)` and its fields are set as `object.__setattr__`
//! would set them, so the objects are the same as the dataclasses' own constructors make
//! (the fields are plain slots; the classes have no `__post_init__`).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyString, PyType};
use pyo3::{IntoPyObjectExt, ffi, intern};

use crate::Article;
use crate::clean::Removed;
use crate::{Entity, Mention, Quote, Span};

/// The classes of `copydesk.models`, looked up once.
struct Classes {
    new: Py<PyAny>,
    article: Py<PyType>,
    span: Py<PyType>,
    removed: Py<PyType>,
    mention: Py<PyType>,
    entity: Py<PyType>,
    quote: Py<PyType>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES.get_or_try_init(py, || {
        let models = py.import("copydesk.models")?;
        let class = |name: &str| -> PyResult<Py<PyType>> { Ok(models.getattr(name)?.cast_into::<PyType>()?.unbind()) };
        Ok(Classes {
            new: py.import("builtins")?.getattr("object")?.getattr("__new__")?.unbind(),
            article: class("Article")?,
            span: class("Span")?,
            removed: class("Removed")?,
            mention: class("Mention")?,
            entity: class("Entity")?,
            quote: class("Quote")?,
        })
    })
}

/// A new, empty instance of `cls`, filled field by field with [`Object::set`].
struct Object<'py>(Bound<'py, PyAny>);

impl<'py> Object<'py> {
    fn new(c: &Classes, cls: &Py<PyType>, py: Python<'py>) -> PyResult<Self> {
        Ok(Object(c.new.bind(py).call1((cls.bind(py),))?))
    }

    /// Sets field `name` as `object.__setattr__(self, name, value)` does, bypassing the frozen
    /// dataclass's `__setattr__` (which raises).
    fn set<V: IntoPyObject<'py>>(self, name: &Bound<'py, PyString>, value: V) -> PyResult<Self> {
        let py = self.0.py();
        let value = value.into_bound_py_any(py)?;
        // SAFETY: all three pointers are live objects borrowed for the call, and the GIL is held.
        let rc = unsafe { ffi::PyObject_GenericSetAttr(self.0.as_ptr(), name.as_ptr(), value.as_ptr()) };
        if rc == 0 { Ok(self) } else { Err(PyErr::fetch(py)) }
    }
}

/// A label or other `&'static str` from a handful of values: one interned `str` each, as
/// `sys.intern` would give, instead of a new string per mention.
struct Labels<'py> {
    py: Python<'py>,
    seen: Vec<(&'static str, Bound<'py, PyString>)>,
}

impl<'py> Labels<'py> {
    fn get(&mut self, s: &'static str) -> Bound<'py, PyString> {
        if let Some((_, v)) = self.seen.iter().find(|(k, _)| *k == s) {
            return v.clone();
        }
        let v = PyString::intern(self.py, s);
        self.seen.push((s, v.clone()));
        v
    }
}

/// What the Python `Article` holds besides the core [`Article`]: per quote, the texts of its
/// speaker and cue spans, and the packed source map (see `models._pieces`).
pub struct Extras {
    pub quote_texts: Vec<(Option<String>, Option<String>)>,
    pub source_map: Vec<u8>,
}

/// The `copydesk.models.Article` of `a`, whose offsets are already `str` indices.
pub fn article<'py>(py: Python<'py>, a: Article, extras: Extras) -> PyResult<Bound<'py, PyAny>> {
    let c = classes(py)?;
    let mut labels = Labels { py, seen: Vec::new() };
    let span = |s: Span| -> PyResult<Bound<'py, PyAny>> {
        Ok(Object::new(c, &c.span, py)?.set(intern!(py, "start"), s.start)?.set(intern!(py, "end"), s.end)?.0)
    };
    let paragraphs = PyList::new(py, a.paragraphs.into_iter().map(span).collect::<PyResult<Vec<_>>>()?)?;
    let sentences = PyList::new(py, a.sentences.into_iter().map(span).collect::<PyResult<Vec<_>>>()?)?;
    let removed = a.removed.into_iter().map(|r| removed(c, py, r, &mut labels)).collect::<PyResult<Vec<_>>>()?;
    let entities = a.entities.into_iter().map(|e| entity(c, py, e, &mut labels)).collect::<PyResult<Vec<_>>>()?;
    let mentions = a.mentions.into_iter().map(|m| mention(c, py, m, &mut labels)).collect::<PyResult<Vec<_>>>()?;
    let quotes = a
        .quotes
        .into_iter()
        .zip(extras.quote_texts)
        .map(|(q, texts)| quote(c, py, q, texts, &mut labels))
        .collect::<PyResult<Vec<_>>>()?;
    let art = Object::new(c, &c.article, py)?
        .set(intern!(py, "text"), a.text)?
        .set(intern!(py, "title"), a.title)?
        .set(intern!(py, "site_name"), a.site_name)?
        .set(intern!(py, "authors"), PyList::new(py, a.authors)?)?
        .set(intern!(py, "published"), a.published)?
        .set(intern!(py, "paragraphs"), paragraphs)?
        .set(intern!(py, "sentences"), sentences)?
        .set(intern!(py, "removed"), PyList::new(py, removed)?)?
        .set(intern!(py, "entities"), PyList::new(py, entities)?)?
        .set(intern!(py, "mentions"), PyList::new(py, mentions)?)?
        .set(intern!(py, "quotes"), PyList::new(py, quotes)?)?
        .set(intern!(py, "_source_map"), PyBytes::new(py, &extras.source_map))?;
    Ok(art.0)
}

fn removed<'py>(c: &Classes, py: Python<'py>, r: Removed, labels: &mut Labels<'py>) -> PyResult<Bound<'py, PyAny>> {
    Ok(Object::new(c, &c.removed, py)?
        .set(intern!(py, "text"), r.text)?
        .set(intern!(py, "start"), r.start)?
        .set(intern!(py, "end"), r.end)?
        .set(intern!(py, "reason"), labels.get(r.reason.as_str()))?
        .0)
}

fn mention<'py>(c: &Classes, py: Python<'py>, m: Mention, labels: &mut Labels<'py>) -> PyResult<Bound<'py, PyAny>> {
    Ok(Object::new(c, &c.mention, py)?
        .set(intern!(py, "text"), m.text)?
        .set(intern!(py, "start"), m.start)?
        .set(intern!(py, "end"), m.end)?
        .set(intern!(py, "label"), labels.get(m.label.as_str()))?
        .set(intern!(py, "entity_id"), m.entity_id)?
        .set(intern!(py, "confidence"), m.confidence)?
        .0)
}

fn entity<'py>(c: &Classes, py: Python<'py>, e: Entity, labels: &mut Labels<'py>) -> PyResult<Bound<'py, PyAny>> {
    Ok(Object::new(c, &c.entity, py)?
        .set(intern!(py, "id"), e.id)?
        .set(intern!(py, "name"), e.name)?
        .set(intern!(py, "label"), labels.get(e.label.as_str()))?
        .set(intern!(py, "mention_count"), e.mention_count)?
        .set(intern!(py, "aliases"), e.aliases)?
        .set(intern!(py, "role"), e.role)?
        .set(intern!(py, "affiliation"), e.affiliation)?
        .0)
}

fn quote<'py>(
    c: &Classes,
    py: Python<'py>,
    q: Quote,
    (speaker_text, cue): (Option<String>, Option<String>),
    labels: &mut Labels<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(Object::new(c, &c.quote, py)?
        .set(intern!(py, "text"), q.text)?
        .set(intern!(py, "start"), q.start)?
        .set(intern!(py, "end"), q.end)?
        .set(intern!(py, "kind"), labels.get(q.kind.as_str()))?
        .set(intern!(py, "speaker"), q.speaker)?
        .set(intern!(py, "speaker_text"), speaker_text)?
        .set(intern!(py, "speaker_start"), q.speaker_span.map(|s| s.start))?
        .set(intern!(py, "speaker_end"), q.speaker_span.map(|s| s.end))?
        .set(intern!(py, "speaker_entity_id"), q.speaker_entity_id)?
        .set(intern!(py, "cue"), cue)?
        .set(intern!(py, "cue_start"), q.cue_span.map(|s| s.start))?
        .set(intern!(py, "cue_end"), q.cue_span.map(|s| s.end))?
        .set(intern!(py, "confidence"), q.confidence)?
        .set(intern!(py, "rule"), labels.get(q.rule))?
        .0)
}
