"""pandas helpers: a column of article texts in, tidy tables out.

>>> import pandas as pd, copydesk.pandas as cdp
>>> df = pd.DataFrame({"id": [7], "text": ["Example News\\n\\nTalks resume\\n\\nThe minister said talks would resume."]})
>>> t = cdp.analyze_frame(df, text="text", id="id")
>>> t.articles[["id", "title", "site_name", "n_paragraphs"]].to_dict("records")
[{'id': 7, 'title': 'Talks resume', 'site_name': 'Example News', 'n_paragraphs': 1}]

pandas is optional: ``pip install copydesk[pandas]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from copydesk.api import Format, analyze_batch
from copydesk.models import Article, Failed

if TYPE_CHECKING:
    import pandas as pd

# Column names and dtypes of each table, in order. "id" takes the dtype of the caller's ids.
ARTICLE_COLUMNS: dict[str, str] = {
    "id": "object",
    "title": "string",
    "site_name": "string",
    "authors": "string",
    "published": "string",
    "text": "string",
    "n_paragraphs": "int64",
    "n_sentences": "int64",
    "n_entities": "int64",
    "n_mentions": "int64",
    "n_quotes": "int64",
    "n_removed": "int64",
    "error": "string",
}
ENTITY_COLUMNS: dict[str, str] = {
    "id": "object",
    "entity_id": "int64",
    "name": "string",
    "label": "string",
    "role": "string",
    "affiliation": "string",
    "mention_count": "int64",
}
MENTION_COLUMNS: dict[str, str] = {
    "id": "object",
    "entity_id": "int64",
    "text": "string",
    "label": "string",
    "start": "int64",
    "end": "int64",
    "confidence": "float64",
}
QUOTE_COLUMNS: dict[str, str] = {
    "id": "object",
    "text": "string",
    "kind": "string",
    "speaker": "string",
    "speaker_entity_id": "Int64",
    "cue": "string",
    "start": "int64",
    "end": "int64",
    "confidence": "float64",
    "rule": "string",
}
TABLES: dict[str, dict[str, str]] = {
    "articles": ARTICLE_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}
TableName = Literal["articles", "entities", "mentions", "quotes"]


class Tables(NamedTuple):
    """The four tidy tables of a batch; every row carries the article's ``id``."""

    articles: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame


def _pd() -> Any:
    try:
        import pandas
    except ImportError as err:  # pragma: no cover - exercised only without pandas
        raise ImportError("copydesk.pandas needs pandas: pip install 'copydesk[pandas]'") from err
    return pandas


def empty_table(name: TableName, id_dtype: Any = "object") -> pd.DataFrame:
    """An empty table with the right columns and dtypes (a Dask ``meta``)."""
    pd = _pd()
    columns = TABLES[name]
    return pd.DataFrame({c: pd.Series([], dtype=id_dtype if c == "id" else t) for c, t in columns.items()})


def _frame(name: TableName, rows: list[dict[str, Any]], id_dtype: Any) -> pd.DataFrame:
    pd = _pd()
    columns = TABLES[name]
    if not rows:
        return empty_table(name, id_dtype)
    df = pd.DataFrame.from_records(rows, columns=list(columns))
    return df.astype({c: (id_dtype if c == "id" else t) for c, t in columns.items()})


def tables(
    results: Sequence[Article | Failed | None], ids: Sequence[Any] | None = None, id_dtype: Any = None
) -> Tables:
    """Tidy tables from the results of :func:`copydesk.analyze_batch` (``ids`` default to 0, 1, 2...).

    Rows that failed (``Failed``) appear in ``articles`` with their ``error``; skipped rows (None) do not.
    """
    pd = _pd()
    if ids is None:
        ids = range(len(results))
    if len(ids) != len(results):
        raise ValueError(f"got {len(ids)} ids for {len(results)} results")
    if id_dtype is None:
        id_dtype = pd.Series(list(ids)).dtype
    articles, entities, mentions, quotes = [], [], [], []
    for doc_id, art in zip(ids, results, strict=True):
        if art is None:
            continue
        if isinstance(art, Failed):
            articles.append({"id": doc_id, "error": art.message, **dict.fromkeys(_COUNTS, 0)})
            continue
        articles.append(
            {
                "id": doc_id,
                "title": art.title,
                "site_name": art.site_name,
                "authors": "; ".join(art.authors) or None,
                "published": art.published,
                "text": art.text,
                "n_paragraphs": len(art.paragraphs),
                "n_sentences": len(art.sentences),
                "n_entities": len(art.entities),
                "n_mentions": len(art.mentions),
                "n_quotes": len(art.quotes),
                "n_removed": len(art.removed),
                "error": None,
            }
        )
        for e in art.entities:
            entities.append(
                {
                    "id": doc_id,
                    "entity_id": e.id,
                    "name": e.name,
                    "label": e.label,
                    "role": e.role,
                    "affiliation": e.affiliation,
                    "mention_count": e.mention_count,
                }
            )
        for m in art.mentions:
            mentions.append(
                {
                    "id": doc_id,
                    "entity_id": m.entity_id,
                    "text": m.text,
                    "label": m.label,
                    "start": m.start,
                    "end": m.end,
                    "confidence": m.confidence,
                }
            )
        for q in art.quotes:
            quotes.append(
                {
                    "id": doc_id,
                    "text": q.text,
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "speaker_entity_id": q.speaker_entity_id,
                    "cue": q.cue,
                    "start": q.start,
                    "end": q.end,
                    "confidence": q.confidence,
                    "rule": q.rule,
                }
            )
    return Tables(
        _frame("articles", articles, id_dtype),
        _frame("entities", entities, id_dtype),
        _frame("mentions", mentions, id_dtype),
        _frame("quotes", quotes, id_dtype),
    )


_COUNTS = [c for c in ARTICLE_COLUMNS if c.startswith("n_")]


def analyze_frame(
    data: pd.DataFrame | pd.Series,
    *,
    text: str = "text",
    id: str | None = None,
    clean: bool = True,
    format: Format = "auto",
    threads: int | None = None,
    progress: bool = False,
    errors: Literal["raise", "skip", "collect"] = "raise",
) -> Tables:
    """Analyse a DataFrame's ``text`` column (or a Series) into tidy tables.

    ``id`` names the column that identifies each article; without it the index is used. Bad rows
    (None, NaN, numbers) follow ``errors`` as in :func:`copydesk.analyze_batch`; ``clean`` and
    ``format`` ("auto", "text" or "html") are as for :func:`copydesk.analyze`.
    """
    pd = _pd()
    if isinstance(data, pd.Series):
        texts, ids = data, data.index
    elif isinstance(data, pd.DataFrame):
        if text not in data.columns:
            raise KeyError(f"no text column {text!r} in the DataFrame (columns: {list(data.columns)})")
        if id is not None and id not in data.columns:
            raise KeyError(f"no id column {id!r} in the DataFrame (columns: {list(data.columns)})")
        texts = data[text]
        ids = data[id] if id is not None else data.index
    else:
        raise TypeError(f"analyze_frame() takes a pandas DataFrame or Series, not {type(data).__name__}")
    results = analyze_batch(
        texts.tolist(), clean=clean, format=format, threads=threads, progress=progress, errors=errors
    )
    return tables(results, list(ids), id_dtype=ids.dtype)
