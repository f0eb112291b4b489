"""Dask helpers: the pandas tables of :mod:`copydesk.pandas`, computed partition by partition.

>>> import dask.dataframe as dd, copydesk.dask as cdd
>>> quotes = cdd.analyze_dask(ddf, text="text", id="id", table="quotes")   # doctest: +SKIP
>>> quotes.groupby("speaker").size().compute()                              # doctest: +SKIP

Each partition is analysed on the worker that holds it, with ``threads`` worker threads (default 1:
Dask already runs one task per core). What a task carries is a module-level function and a few
strings, so it pickles cheaply; the entity model loads once per worker process, on first use.
Each call computes one table; to get several from one pass, ``persist()`` the input first or call
:func:`copydesk.pandas.analyze_frame` inside your own ``map_partitions``.
"""

from __future__ import annotations

from typing import Any, Literal

from copydesk.api import Format
from copydesk.pandas import TableName, analyze_frame, empty_table


def _partition_table(
    part: Any,
    text: str,
    id: str | None,
    table: TableName,
    clean: bool,
    format: Format,
    threads: int | None,
    errors: Literal["raise", "skip", "collect"],
) -> Any:
    tables = analyze_frame(part, text=text, id=id, clean=clean, format=format, threads=threads, errors=errors)
    return getattr(tables, table)


def analyze_dask(
    ddf: Any,
    *,
    text: str = "text",
    id: str | None = None,
    table: TableName = "articles",
    clean: bool = True,
    format: Format = "auto",
    threads: int | None = 1,
    errors: Literal["raise", "skip", "collect"] = "raise",
) -> Any:
    """One tidy table (``"articles"``, ``"entities"``, ``"mentions"`` or ``"quotes"``) of a Dask DataFrame.

    ``id`` names the column that identifies each article; without it the index is used.
    """
    if table not in ("articles", "entities", "mentions", "quotes"):
        raise ValueError(f"table must be 'articles', 'entities', 'mentions' or 'quotes', got {table!r}")
    if text not in ddf.columns:
        raise KeyError(f"no text column {text!r} in the DataFrame (columns: {list(ddf.columns)})")
    if id is not None and id not in ddf.columns:
        raise KeyError(f"no id column {id!r} in the DataFrame (columns: {list(ddf.columns)})")
    id_dtype = ddf[id].dtype if id is not None else ddf.index.dtype
    meta = empty_table(table, id_dtype)
    return ddf.map_partitions(
        _partition_table,
        text=text,
        id=id,
        table=table,
        clean=clean,
        format=format,
        threads=threads,
        errors=errors,
        meta=meta,
        align_dataframes=False,
    )
