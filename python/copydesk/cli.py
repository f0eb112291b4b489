"""The ``copydesk`` command line.

copydesk analyze ARTICLE.txt            # pretty-print the analysis of one article
copydesk analyze --json A.txt B.txt     # one JSON object per line, per file
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from copydesk.api import analyze
from copydesk.models import Article


def _pretty(art: Article, source: str) -> str:
    lines = [f"# {source}"]
    lines.append(f"title:     {art.title or '-'}")
    lines.append(f"site name: {art.site_name or '-'}")
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


def _cmd_analyze(args: argparse.Namespace) -> int:
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            print(f"copydesk: cannot read {name}: {err.strerror or err}", file=sys.stderr)
            status = 1
            continue
        art = analyze(text, clean=not args.no_clean)
        if args.json:
            print(json.dumps({"source": name, **art.to_dict()}, ensure_ascii=False))
        else:
            print(_pretty(art, name))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="copydesk", description="Clean text, entities and quotes from news articles.")
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse article text files")
    a.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, one article each")
    a.add_argument("--json", action="store_true", help="print one JSON object per file instead of a summary")
    a.add_argument("--no-clean", action="store_true", help="use the text exactly as given (no cleaning)")
    a.set_defaults(run=_cmd_analyze)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
