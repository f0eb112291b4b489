#!/usr/bin/env python3
"""Cleaning benchmark: scraped page text (flat_text) -> article body on ../shared/data/articles.

Scores copydesk beside the keep-everything baseline with the benchmark's token-shingle F1, using
the shared scorer's own functions (../shared/tools/eval_clean.py) so the figures match it exactly.

    python benchmarks/clean_bench.py                 # dev pages, summary
    python benchmarks/clean_bench.py --worst 15      # also the weakest pages
    python benchmarks/clean_bench.py --show ID       # one page: kept/dropped lines against the truth
    python benchmarks/clean_bench.py --check-idempotent  # also re-clean every body: nothing may change

Title accuracy is how often `Article.title` is the page's headline: the record's `title` (og:title or
<title>), or that title with a site-name part cut off at a separator (" | ", " - ", ...).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "articles" / "dev.jsonl.gz"


def load_scorer():
    path = SHARED / "tools" / "eval_clean.py"
    spec = importlib.util.spec_from_file_location("eval_clean", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the shared scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(file: str) -> list[dict]:
    """The benchmark's pages, or a clear exit when the data is not beside the repo."""
    if not Path(file).exists():
        sys.exit(f"no benchmark data at {file} (it lives in ../shared, beside the repo)")
    with gzip.open(file, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def score(page_scores, preds, pages):
    precs, recs, exact, per_page = [], [], 0, []
    for pred, page in zip(preds, pages, strict=True):
        p, r, ex = page_scores(pred, page["body"])
        if p is not None:
            precs.append(p)
        recs.append(r)
        exact += ex
        f = 2 * (p or 0) * r / ((p or 0) + r) if (p or 0) + r else 0.0
        per_page.append((f, p, r, page))
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"F1": F, "P": P, "R": R, "accuracy": exact / max(1, len(pages))}, per_page


TITLE_SEPARATORS = (" | ", " :: ", " — ", " – ", " - ", " · ", " • ", " » ", " // ", ": ")


def title_matches(found, page_title) -> bool:
    """Whether `found` is the page's headline: its title whole, or the part before or after a separator."""
    if not found or not page_title:
        return False
    found, page_title = found.strip().casefold(), page_title.strip().casefold()
    if found == page_title:
        return True
    return any(page_title.startswith(found + sep) or page_title.endswith(sep + found) for sep in TITLE_SEPARATORS)


def idempotence_failures(arts) -> list[str]:
    """Ids of pages whose body changes when cleaned again, or in which a title or site name is found."""
    import copydesk

    bad = []
    for page, art in arts:
        again = copydesk.analyze(art.text)
        if again.text != art.text or again.removed or again.title or again.site_name:
            bad.append(page["id"][:12])
    return bad


def show(page, art) -> None:
    body = page["body"]
    kept = set(art.text.split("\n\n"))
    print(f"# {page['id'][:12]} {page['url']}\n# title: {art.title!r}  site: {art.site_name!r}")
    reasons = {r.text: r.reason for r in art.removed}
    for line in page["flat_text"].split("\n"):
        in_body = line[:60] in body
        mark = ("K" if line in kept else "-") + ("+" if in_body else " ")
        flag = "  <<" if (line in kept) != in_body else ""
        print(f"{mark} {line[:140]}{'  [' + reasons[line] + ']' if line in reasons else ''}{flag}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DEV))
    ap.add_argument("--worst", type=int, default=0, help="list the N weakest pages")
    ap.add_argument("--show", default=None, help="page id prefix to show line by line")
    ap.add_argument("--check-idempotent", action="store_true", help="re-clean every body; report any change")
    args = ap.parse_args(argv)
    pages = load_pages(args.file)
    import copydesk

    scorer = load_scorer()
    if args.show:
        page = next(p for p in pages if p["id"].startswith(args.show))
        show(page, copydesk.analyze(page["flat_text"]))
        return 0

    t0 = time.perf_counter()
    arts = [copydesk.analyze(p["flat_text"]) for p in pages]
    secs = time.perf_counter() - t0
    rows = {
        "keep everything (baseline)": score(scorer.page_scores, [p["flat_text"] for p in pages], pages),
        "copydesk": score(scorer.page_scores, [a.text for a in arts], pages),
    }
    print(f"{len(pages)} pages from {args.file}")
    print(f"{'method':30} {'F1':>6} {'P':>6} {'R':>6} {'exact':>6}")
    for name, (s, _) in rows.items():
        print(f"{name:30} {s['F1']:6.3f} {s['P']:6.3f} {s['R']:6.3f} {s['accuracy']:6.3f}")
    print(f"copydesk: {len(pages) / secs:.0f} pages/s (analyze, one thread)")
    titled = [(a, p) for a, p in zip(arts, pages, strict=True) if p.get("title")]
    right = sum(title_matches(a.title, p["title"]) for a, p in titled)
    print(f"title accuracy: {right / max(1, len(titled)):.3f} ({right}/{len(titled)} pages with a page title)")
    if args.check_idempotent:
        bad = idempotence_failures(zip(pages, arts, strict=True))
        print(f"idempotence: {'OK' if not bad else 'FAILED on ' + ', '.join(bad)} ({len(pages)} pages)")
    if args.worst:
        print("\nweakest pages (F1 P R id domain):")
        for f, p, r, page in sorted(rows["copydesk"][1], key=lambda x: x[0])[: args.worst]:
            print(f"  {f:.3f} {p if p is None else round(p, 3)} {r:.3f} {page['id'][:12]} {page['domain']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
