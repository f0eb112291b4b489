"""The ``copydesk`` command line.

    copydesk analyze ARTICLE.txt                      # pretty-print one article
    copydesk analyze page.html                        # an HTML page: the article is extracted first
    copydesk analyze folder/ -o out.jsonl             # every .txt/.html file in a folder, one JSON line each
    copydesk analyze in.csv --text-column body --id-column url -o quotes.csv --table quotes
    copydesk analyze in.jsonl -o articles.parquet     # Parquet needs pandas and pyarrow

Inputs: .txt or .html files (one article each), folders of them, JSONL or CSV files (one article per
record). --format auto (the default) reads a document as HTML when it starts like an HTML page.
Outputs: a summary (one .txt file, no -o), JSONL (whole articles), CSV or Parquet (one tidy table).
Exit status: 0 on success, 2 on bad input or usage, 1 if rows failed with --errors collect/skip.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from copydesk.api import analyze_batch
from copydesk.models import Article, Failed


class InputError(Exception):
    """A problem with the input the user gave: reported on stderr, exit status 2."""


def _pretty(art: Article, source: str) -> str:
    lines = [f"# {source}"]
    lines.append(f"title:     {art.title or '-'}")
    lines.append(f"site name: {art.site_name or '-'}")
    if art.authors:
        lines.append(f"authors:   {', '.join(art.authors)}")
    if art.published:
        lines.append(f"published: {art.published}")
    lines.append(
        f"body:      {len(art.paragraphs)} paragraphs, {len(art.sentences)} sentences, {len(art.text)} characters"
    )
    lines.append("")
    for p in art.paragraphs:
        lines.append(textwrap.fill(art.text[p.start : p.end], width=100, initial_indent="  ", subsequent_indent="  "))
        lines.append("")
    if art.removed:
        lines.append(f"removed ({len(art.removed)}):")
        for r in art.removed:
            shown = r.text if len(r.text) <= 70 else r.text[:67] + "..."
            lines.append(f"  [{r.reason}] {shown}")
    if art.entities:
        lines.append("")
        lines.append(f"entities ({len(art.entities)}):")
        for e in art.entities:
            extra = ", ".join(x for x in (e.role, e.affiliation) if x)
            lines.append(f"  {e.label:6} {e.name}" + (f" ({extra})" if extra else "") + f" x{e.mention_count}")
    if art.quotes:
        lines.append("")
        lines.append(f"quotes ({len(art.quotes)}):")
        for q in art.quotes:
            lines.append(f"  [{q.kind}] {q.speaker or '?'} ({q.cue or '-'}): {q.text}")
    return "\n".join(lines)


# --- reading -----------------------------------------------------------------------------------


def _read_text_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from err


def _records_jsonl(path: Path, text_col: str, id_col: str | None) -> Iterator[tuple[Any, Any]]:
    with _open(path) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{n}: not valid JSON ({err.msg})") from err
            if not isinstance(rec, dict):
                raise InputError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
            yield _pick(rec, text_col, id_col, f"{path}:{n}", default_id=f"{path}:{n}")


def _records_csv(path: Path, text_col: str, id_col: str | None) -> Iterator[tuple[Any, Any]]:
    csv.field_size_limit(sys.maxsize)
    with _open(path, newline="") as f:
        for n, rec in enumerate(csv.DictReader(f), 2):
            yield _pick(rec, text_col, id_col, f"{path}:{n}", default_id=f"{path}:{n}")


def _open(path: Path, newline: str | None = None) -> TextIO:
    try:
        return path.open(encoding="utf-8", errors="replace", newline=newline)
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror or err}") from err


def _pick(rec: dict[str, Any], text_col: str, id_col: str | None, where: str, default_id: str) -> tuple[Any, Any]:
    if text_col not in rec:
        raise InputError(f"{where}: no {text_col!r} field (fields: {', '.join(map(str, rec))}); use --text-column")
    if id_col is not None and id_col not in rec:
        raise InputError(f"{where}: no {id_col!r} field; use --id-column")
    return (rec[id_col] if id_col is not None else default_id), rec[text_col]


# Files that hold one article each.
_DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")


def read_inputs(paths: Sequence[str], text_col: str, id_col: str | None) -> list[tuple[Any, Any]]:
    """(id, text) pairs from .txt and .html files, folders of them, JSONL and CSV files."""
    rows: list[tuple[Any, Any]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in _DOCUMENT_SUFFIXES and p.is_file())
            if not files:
                raise InputError(f"no .txt or .html files in the folder {path}")
            rows.extend((str(p), _read_text_file(p)) for p in files)
        elif not path.exists():
            raise InputError(f"no such file: {path}")
        elif path.suffix in (".jsonl", ".ndjson"):
            rows.extend(_records_jsonl(path, text_col, id_col))
        elif path.suffix == ".csv":
            rows.extend(_records_csv(path, text_col, id_col))
        else:
            rows.append((str(path), _read_text_file(path)))
    return rows


# --- writing -----------------------------------------------------------------------------------


def _write_jsonl(ids: list[Any], results: list[Any], out: TextIO) -> None:
    for doc_id, res in zip(ids, results, strict=True):
        if res is None:
            continue
        if isinstance(res, Failed):
            out.write(json.dumps({"id": doc_id, "error": res.message}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps({"id": doc_id, **res.to_dict()}, ensure_ascii=False) + "\n")


def _table(ids: list[Any], results: list[Any], table: str) -> Any:
    try:
        from copydesk.pandas import tables
    except ImportError as err:  # pragma: no cover
        raise InputError(str(err)) from err
    try:
        return getattr(tables(results, ids), table)
    except ImportError as err:
        raise InputError("CSV and Parquet output need pandas: pip install 'copydesk[pandas]'") from err


def write_output(ids: list[Any], results: list[Any], dest: str, fmt: str, table: str) -> None:
    if fmt == "jsonl":
        if dest == "-":
            _write_jsonl(ids, results, sys.stdout)
        else:
            with open(dest, "w", encoding="utf-8") as f:
                _write_jsonl(ids, results, f)
        return
    df = _table(ids, results, table)
    if fmt == "csv":
        df.to_csv(sys.stdout if dest == "-" else dest, index=False)
    elif fmt == "parquet":
        if dest == "-":
            raise InputError("Parquet output needs a file: use -o FILE.parquet")
        try:
            df.to_parquet(dest, index=False)
        except ImportError as err:
            raise InputError("Parquet output needs pyarrow: pip install pyarrow") from err


def _output_format(dest: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(dest).suffix.lower()
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")


# --- the command -------------------------------------------------------------------------------


def _cmd_analyze(args: argparse.Namespace) -> int:
    rows = read_inputs(args.inputs, args.text_column, args.id_column)
    ids = [doc_id for doc_id, _ in rows]
    texts = [text for _, text in rows]
    results: list[Any] = analyze_batch(
        texts,
        clean=not args.no_clean,
        format=args.format,
        threads=args.threads,
        progress=args.progress,
        errors=args.errors,
    )
    pretty = args.output is None and args.to is None and len(args.inputs) == 1 and Path(args.inputs[0]).is_file()
    pretty = pretty and Path(args.inputs[0]).suffix not in (".jsonl", ".ndjson", ".csv")
    if pretty:
        print(_pretty(results[0], args.inputs[0]))
    else:
        dest = args.output or "-"
        write_output(ids, results, dest, _output_format(dest, args.to), args.table)
    failed = [r for r in results if r is None or isinstance(r, Failed)]
    for r in failed:
        if isinstance(r, Failed):
            print(f"copydesk: row {r.index} ({ids[r.index]}): {r.message}", file=sys.stderr)
    if failed and args.errors == "skip":
        print(f"copydesk: skipped {len(failed)} rows that were not text", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="copydesk", description="Clean text, entities and quotes from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse articles from .txt, JSONL or CSV files or folders")
    a.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt/.html files, folders of them, .jsonl or .csv files")
    a.add_argument("-o", "--output", help="output file (default: stdout); its extension picks the format")
    a.add_argument("--to", choices=["jsonl", "csv", "parquet"], help="output format (default: from -o, else jsonl)")
    a.add_argument("--table", choices=["articles", "entities", "mentions", "quotes"], default="articles")
    a.add_argument("--text-column", default="text", help="text field of JSONL/CSV records (default: text)")
    a.add_argument("--id-column", default=None, help="id field of JSONL/CSV records (default: file:line)")
    a.add_argument("--no-clean", action="store_true", help="use the text exactly as given (no cleaning)")
    a.add_argument(
        "--format",
        choices=["auto", "text", "html"],
        default="auto",
        help="input format (default: auto, HTML when a document starts like an HTML page)",
    )
    a.add_argument("--threads", type=int, default=None, help="worker threads (default: all cores)")
    a.add_argument("--progress", action="store_true", help="show a progress bar on stderr (needs tqdm)")
    a.add_argument("--errors", choices=["raise", "skip", "collect"], default="collect", help="rows that are not text")
    a.set_defaults(run=_cmd_analyze)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "threads", None) is not None and args.threads < 1:
        print("copydesk: --threads must be at least 1", file=sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except InputError as err:
        print(f"copydesk: {err}", file=sys.stderr)
        return 2
    except TypeError as err:  # --errors raise and a row that is not text
        print(f"copydesk: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
