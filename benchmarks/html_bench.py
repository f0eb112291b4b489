#!/usr/bin/env python3
"""HTML benchmark: web page -> article body on ../shared/data/articles, copydesk beside trafilatura.

Scores each extractor's body with the benchmark's 4-token-shingle F1, using the shared scorer's own
functions (../shared/tools/eval_clean.py, as `eval_clean.py --input html` does), and times both on
one thread in the same run. Title accuracy is how often the title is the page's headline (see
clean_bench.py).

    bash benchmarks/setup_peers.sh                    # once: .venv-bench with trafilatura and a release build
    .venv-bench/bin/python benchmarks/html_bench.py   # summary
    .venv-bench/bin/python benchmarks/html_bench.py --worst 15 --repeat 3

copydesk's speed is given twice: extraction alone (what trafilatura does: page -> body, title,
metadata) and the whole `analyze(html, format="html")` (extraction, then entities and quotes).
trafilatura runs as BASELINES.md says: extract(html, include_comments=False, favor_precision=True).
Each of --repeat rounds runs every extractor over all pages in turn (CPU time of this process); rates
are medians over rounds and each speed ratio the median of the rounds' ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from clean_bench import DEV, load_pages, load_scorer, score, title_matches  # noqa: E402


def timed(fn, pages):
    """fn's outputs and its pages/s (process CPU time)."""
    t0 = time.process_time()
    out = fn(pages)
    return out, len(pages) / (time.process_time() - t0)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(DEV))
    ap.add_argument("--repeat", type=int, default=3, help="timing rounds (medians are reported)")
    ap.add_argument("--worst", type=int, default=0, help="list copydesk's N weakest pages")
    ap.add_argument("--no-trafilatura", action="store_true", help="skip the peer")
    args = ap.parse_args(argv)
    pages = load_pages(args.file)
    import copydesk
    from copydesk import _core

    scorer = load_scorer()
    htmls = [p["html"] for p in pages]
    mb = sum(len(h.encode()) for h in htmls) / 1e6

    def extract(hs):
        return _core._extract_html_for_benchmarks(hs)

    def analyze(hs):
        return [copydesk.analyze(h, format="html") for h in hs]

    runners = {"copydesk": extract, "copydesk analyze": analyze}
    if not args.no_trafilatura:
        import trafilatura

        def run_trafilatura(hs):
            return [trafilatura.extract(h, include_comments=False, favor_precision=True) or "" for h in hs]

        runners[f"trafilatura {trafilatura.__version__}"] = run_trafilatura
    # Rounds alternate the extractors, so that a busy spell on a shared machine hits them alike;
    # each rate is the median over the rounds, and each ratio the median of the rounds' ratios.
    outputs, rates = {}, {name: [] for name in runners}
    for _ in range(args.repeat):
        for name, fn in runners.items():
            outputs[name], rate = timed(fn, htmls)
            rates[name].append(rate)
    arts = outputs["copydesk analyze"]
    bodies = outputs["copydesk"]
    assert bodies == [a.text for a in arts]
    rows = {name: score(scorer.page_scores, out, pages) for name, out in outputs.items() if name != "copydesk analyze"}

    print(f"{len(pages)} pages ({mb:.1f} MB of HTML) from {args.file}")
    print(f"{'extractor':24} {'F1':>6} {'P':>6} {'R':>6} {'exact':>6} {'pages/s':>8}")
    for name, (sc, _) in rows.items():
        rate = statistics.median(rates[name])
        print(f"{name:24} {sc['F1']:6.3f} {sc['P']:6.3f} {sc['R']:6.3f} {sc['accuracy']:6.3f} {rate:8.1f}")
    print(
        f"copydesk analyze(html, format='html'), whole pipeline: {statistics.median(rates['copydesk analyze']):.1f} pages/s"
    )
    peers = [name for name in rates if name.startswith("trafilatura")]
    if peers:
        peer = rates[peers[0]]
        for name, label in (("copydesk", "extraction"), ("copydesk analyze", "whole pipeline")):
            ratios = [a / b for a, b in zip(rates[name], peer, strict=True)]
            print(
                f"speed ratio, {label}: {statistics.median(ratios):.1f}x (rounds: {', '.join(f'{r:.1f}' for r in ratios)})"
            )
    titled = [(a, p) for a, p in zip(arts, pages, strict=True) if p.get("title")]
    right = sum(title_matches(a.title, p["title"]) for a, p in titled)
    print(f"title accuracy: {right / max(1, len(titled)):.3f} ({right}/{len(titled)} pages with a page title)")
    print(
        f"pages with authors: {sum(bool(a.authors) for a in arts)}, with a date: {sum(bool(a.published) for a in arts)}"
    )
    if args.worst:
        print("\nweakest pages (F1 P R id domain):")
        for f, p, r, page in sorted(rows["copydesk"][1], key=lambda x: x[0])[: args.worst]:
            print(f"  {f:.3f} {p if p is None else round(p, 3)} {r:.3f} {page['id'][:12]} {page['domain']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
