#!/usr/bin/env python3
"""Writes the fuzz seed corpus: small snippets of the dev data into fuzz/corpus/<target>/.

    python3 scripts/fuzz_seed_corpus.py [--data ../shared/data] [--per-target 300] [--seed 7]
                                        [--max-bytes 512]

Sources: the `flat_text` of ../shared/data/articles/dev.jsonl.gz (scraped pages, with their
furniture) and the paragraphs of ../shared/data/quotes/polnear_quotes_dev.jsonl (quote-heavy news
prose). Each snippet is at most --max-bytes of UTF-8 (default 512, scripts/fuzz.sh's -max_len),
cut on a character boundary (and usually on a line boundary), so libFuzzer starts from realistic
text and mutates from there. For the long-input mode, write a second corpus with --max-bytes 4096.

The data is for evaluation only: fuzz/corpus/ is git-ignored (fuzz/.gitignore) and must never be
committed. The hand-written seeds in fuzz/seeds/ are committed; scripts/fuzz.sh reads both.
The output is deterministic for a given --seed. Existing files are kept (libFuzzer adds its own
finds to the same directories); pass --clear to start over.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("clean", "segment", "quotes", "pipeline")
MAX_BYTES = 512


def cut(text: str, max_bytes: int = MAX_BYTES) -> str:
    """`text` cut to at most `max_bytes` of UTF-8, on a char boundary, preferably at a line end."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    head = data[:max_bytes].decode("utf-8", errors="ignore")
    nl = head.rfind("\n")
    return head[: nl + 1] if nl > max_bytes // 4 else head


def page_snippets(text: str, rng: random.Random, n: int, max_bytes: int) -> list[str]:
    """`n` snippets of one page: its start, its end and windows from anywhere in it."""
    out = [cut(text, max_bytes), cut(text[-3000:], max_bytes)]
    lines = text.split("\n")
    for _ in range(max(0, n - 2)):
        start = rng.randrange(len(lines)) if lines else 0
        size = rng.choice((200, 800, 1500, 3000, 4000))
        chunk = "\n".join(lines[start:])[:size]
        out.append(cut(chunk, max_bytes))
    return [s for s in out if s.strip()]


def load_pages(data: Path) -> list[str]:
    with gzip.open(data / "articles" / "dev.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line)["flat_text"] for line in f if line.strip()]


def load_quote_docs(data: Path) -> tuple[list[list[str]], list[str]]:
    """The paragraphs of each quotes document, and the paragraphs holding a gold quote."""
    docs: dict[str, list[str]] = {}
    quoted: list[str] = []
    with open(data / "quotes" / "polnear_quotes_dev.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs.setdefault(r["doc_id"], []).append(r["text"])
            if r["quotes"]:
                quoted.append(r["text"])
    return list(docs.values()), quoted


def quote_snippets(docs: list[list[str]], quoted: list[str], rng: random.Random, n: int, max_bytes: int) -> list[str]:
    """Half single quoted paragraphs, half runs of consecutive paragraphs of one article."""
    out = [cut(rng.choice(quoted), max_bytes) for _ in range(n // 2)]
    while len(out) < n:
        doc = rng.choice(docs)
        i = rng.randrange(len(doc))
        k = rng.randint(2, 6)
        out.append(cut("\n\n".join(doc[i : i + k]), max_bytes))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "fuzz" / "corpus")
    ap.add_argument("--per-target", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="longest snippet, in UTF-8 bytes")
    ap.add_argument("--clear", action="store_true", help="delete fuzz/corpus/<target>/ first")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    pages = load_pages(args.data)
    docs, quoted = load_quote_docs(args.data)
    page_pool: list[str] = []
    for text in pages:
        page_pool.extend(page_snippets(text, rng, 6, args.max_bytes))
    quote_pool = quote_snippets(docs, quoted, rng, 2 * args.per_target, args.max_bytes)

    # Share of page snippets (the rest are quote paragraphs) per target.
    page_share = {"clean": 0.8, "segment": 0.5, "quotes": 0.2, "pipeline": 0.6}
    for target in TARGETS:
        d = args.out / target
        if args.clear and d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True, exist_ok=True)
        n_pages = round(args.per_target * page_share[target])
        picks = rng.sample(page_pool, min(n_pages, len(page_pool)))
        picks += rng.sample(quote_pool, min(args.per_target - len(picks), len(quote_pool)))
        written = 0
        for text in picks:
            data = text.encode("utf-8")
            assert len(data) <= args.max_bytes
            name = hashlib.sha1(data).hexdigest()
            path = d / name
            if not path.exists():
                path.write_bytes(data)
                written += 1
        print(f"{target:9} {written:4} new files in {d.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
