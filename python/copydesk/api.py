"""The public functions: check arguments, call the Rust core, wrap the results in dataclasses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from copydesk import _core
from copydesk.models import Article

# Documents handed to the core per call in a batch: progress advances and Ctrl-C lands between chunks.
_CHUNK = 256

_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(text: object, what: str = "text") -> str:
    """Check that ``text`` is a str and make it encodable as UTF-8.

    Lone surrogates (``"\\ud800"``, left by broken decoders) cannot be UTF-8; each is replaced by
    U+FFFD, one character for one, so every offset still indexes the string the caller holds.
    """
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    if _SURROGATE.search(text) is not None:
        text = _SURROGATE.sub("\ufffd", text)
    return text


def analyze(text: str, *, clean: bool = True) -> Article:
    """Analyse one article.

    With ``clean=True`` (the default) the input is treated as scraped page text: the title and site
    name are found, the body paragraphs kept and page furniture dropped (see ``Article.removed``).
    With ``clean=False`` the text is used exactly as given (``art.text == text``).

    >>> import copydesk
    >>> art = copydesk.analyze("Example News\\n\\nTalks resume\\n\\nThe minister said on Monday that talks would resume.")
    >>> (art.site_name, art.title)
    ('Example News', 'Talks resume')
    """
    return Article._from_record(_core.analyze(_as_text(text), clean=bool(clean)))


def analyze_batch(
    texts: Iterable[str], *, clean: bool = True, threads: int | None = None, progress: bool = False
) -> list[Article]:
    """Analyse many articles in parallel (the GIL is released); results come back in input order.

    ``threads`` sets the number of worker threads (default: all cores, or ``RAYON_NUM_THREADS``).
    ``progress=True`` shows a progress bar when tqdm is installed.
    """
    if isinstance(texts, str):
        raise TypeError("analyze_batch() takes an iterable of str, not a single str; use analyze()")
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ValueError(f"threads must be a positive int or None, got {threads!r}")
    docs = [_as_text(t, f"texts[{i}]") for i, t in enumerate(texts)]
    bar = _progress_bar(len(docs)) if progress else None
    out: list[Article] = []
    try:
        for lo in range(0, len(docs), _CHUNK):
            chunk = docs[lo : lo + _CHUNK]
            out.extend(Article._from_record(r) for r in _core.analyze_batch(chunk, clean=bool(clean), threads=threads))
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    return out


def _progress_bar(total: int) -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    return tqdm(total=total, unit="doc", desc="copydesk")
