"""The public functions: check arguments, call the Rust core (which returns the result dataclasses)."""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal, overload

from copydesk import _core
from copydesk.models import Article, Failed

# What the input is: see analyze().
Format = Literal["auto", "text", "html"]

# Documents handed to the core per call in a batch: progress advances and Ctrl-C lands between chunks.
_CHUNK = 256
# Chunks analysed at once when a batch runs in parallel (see _chunk_results).
_IN_FLIGHT = 2

_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(text: object, what: str = "text") -> str:
    """Check that ``text`` is a str and make it encodable as UTF-8.

    Lone surrogates (``"\\ud800"``, left by broken decoders) cannot be UTF-8; each is replaced by
    U+FFFD, one character for one, so every offset still indexes the string the caller holds.
    """
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    # isascii() is O(1) in CPython (a flag of the string), and most news text is ASCII.
    if not text.isascii() and _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("\ufffd", text)
    return text


_FORMATS = ("auto", "text", "html")


def _check_format(format: str, clean: bool) -> str:
    if format not in _FORMATS:
        raise ValueError(f"format must be 'auto', 'text' or 'html', got {format!r}")
    if format == "html" and not clean:
        raise ValueError("format='html' always extracts the article: clean=False applies to text only")
    return format


def analyze(text: str, *, clean: bool = True, format: Format = "auto") -> Article:
    """Analyse one article.

    With ``clean=True`` (the default) the input is treated as scraped page text: the title and site
    name are found, the body paragraphs kept and page furniture dropped (see ``Article.removed``).
    With ``clean=False`` the text is used exactly as given (``art.text == text``).

    ``format="html"`` reads the input as an HTML page: the article body is extracted from the page
    structure, with title, site name, ``authors`` and ``published`` from its metadata, and
    ``source_span`` maps back into the HTML. ``format="auto"`` (the default) does so when the input
    starts like an HTML document (a doctype, ``<html>``, ``<head>``, ``<body>``…); ``"text"`` never.

    >>> import copydesk
    >>> art = copydesk.analyze("Example News\\n\\nTalks resume\\n\\nThe minister said on Monday that talks would resume.")
    >>> (art.site_name, art.title)
    ('Example News', 'Talks resume')
    """
    return _core.analyze(_as_text(text), clean=bool(clean), format=_check_format(format, bool(clean)))


@overload
def analyze_batch(
    texts: Iterable[object],
    *,
    clean: bool = ...,
    format: Format = ...,
    threads: int | None = ...,
    progress: bool = ...,
    errors: Literal["raise"] = ...,
) -> list[Article]: ...
@overload
def analyze_batch(
    texts: Iterable[object],
    *,
    clean: bool = ...,
    format: Format = ...,
    threads: int | None = ...,
    progress: bool = ...,
    errors: Literal["skip"],
) -> list[Article | None]: ...
@overload
def analyze_batch(
    texts: Iterable[object],
    *,
    clean: bool = ...,
    format: Format = ...,
    threads: int | None = ...,
    progress: bool = ...,
    errors: Literal["collect"],
) -> list[Article | Failed]: ...
def analyze_batch(
    texts: Iterable[object],
    *,
    clean: bool = True,
    format: Format = "auto",
    threads: int | None = None,
    progress: bool = False,
    errors: str = "raise",
) -> list[Article] | list[Article | None] | list[Article | Failed]:
    """Analyse many articles in parallel (the GIL is released); results come back in input order.

    ``clean`` and ``format`` are as for :func:`analyze`; ``format="auto"`` decides per document.
    ``threads`` sets the number of worker threads (default: all cores, or ``RAYON_NUM_THREADS``);
    pools are built once per thread count and reused. ``progress=True`` shows a tqdm progress bar
    (when tqdm is installed). Work is handed to the core in chunks, so Ctrl-C or "interrupt kernel"
    stops the batch between chunks.

    ``errors`` says what a row that is not a str (None, NaN, bytes, a number) does:
    ``"raise"`` (default) raises TypeError naming the row; ``"skip"`` puts None in its place;
    ``"collect"`` puts a :class:`Failed` record (row index and reason) in its place.

    >>> import copydesk
    >>> copydesk.analyze_batch(["A first short note.", None], errors="collect")[1]
    Failed(index=1, error='TypeError', message='texts[1] must be str, not NoneType')
    """
    if isinstance(texts, str):
        raise TypeError("analyze_batch() takes an iterable of str, not a single str; use analyze()")
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ValueError(f"threads must be a positive int or None, got {threads!r}")
    _check_format(format, bool(clean))
    if errors not in ("raise", "skip", "collect"):
        raise ValueError(f"errors must be 'raise', 'skip' or 'collect', got {errors!r}")

    # Check every row before any work starts, so a bad row at the end does not waste the batch.
    out: list[Any] = []
    good_rows: list[int] = []
    docs: list[str] = []
    for i, t in enumerate(texts):
        try:
            docs.append(_as_text(t, f"texts[{i}]"))
        except TypeError as err:
            if errors == "raise":
                raise
            out.append(Failed(i, type(err).__name__, str(err)) if errors == "collect" else None)
            continue
        good_rows.append(i)
        out.append(None)

    bar = _progress_bar(len(out)) if progress else None
    parallel = _parallel_allowed()

    def run(chunk: list[str]) -> list[Article]:
        return _core.analyze_batch(chunk, clean=bool(clean), format=format, threads=threads, parallel=parallel)

    chunks = [(good_rows[lo : lo + _CHUNK], docs[lo : lo + _CHUNK]) for lo in range(0, len(docs), _CHUNK)]
    try:
        if bar is not None:
            bar.update(len(out) - len(docs))
        # threads=1 keeps to one core: no analysis running ahead while objects are built.
        overlap = parallel and threads != 1 and len(chunks) > 1
        for rows, articles in _chunk_results(chunks, run, overlap=overlap):
            _note_parallel_use()
            for row, article in zip(rows, articles, strict=True):
                out[row] = article
            if bar is not None:
                bar.update(len(rows))
    finally:
        if bar is not None:
            bar.close()
    return out


def _chunk_results(
    chunks: list[tuple[list[int], list[str]]], run: Any, overlap: bool
) -> Iterator[tuple[list[int], list[Any]]]:
    """The core's results chunk by chunk. With ``overlap``, two chunks are in flight, each in a
    thread of its own: while one chunk's results are turned into Python objects (serial work
    under the GIL, at the end of its ``run``), the next is analysed on the worker pool (GIL
    released), so the pool does not wait for the objects. An interrupt still stops the batch
    after the chunks in flight."""
    if not overlap:
        for rows, chunk in chunks:
            yield rows, run(chunk)
        return
    with ThreadPoolExecutor(max_workers=_IN_FLIGHT, thread_name_prefix="copydesk-batch") as ahead:
        pending = deque(ahead.submit(run, chunk) for _, chunk in chunks[:_IN_FLIGHT])
        for i, (rows, _) in enumerate(chunks):
            articles = pending.popleft().result()
            if i + _IN_FLIGHT < len(chunks):
                pending.append(ahead.submit(run, chunks[i + _IN_FLIGHT][1]))
            yield rows, articles


# --- fork safety -------------------------------------------------------------------------------
# A child forked after a parallel batch inherits the worker pools but not their threads: using them
# would hang. As tokenizers does, the child runs batches in its own thread instead.
_state = {"parallel_used": False, "forked_after_parallel": False}


def _note_parallel_use() -> None:
    _state["parallel_used"] = True


def _parallel_allowed() -> bool:
    return not _state["forked_after_parallel"]


def _after_fork_in_child() -> None:
    if _state["parallel_used"]:
        _state["forked_after_parallel"] = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _progress_bar(total: int) -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    return tqdm(total=total, unit="doc", desc="copydesk")
