#!/usr/bin/env python3
"""Large and odd inputs: time per MB at growing sizes (it should stay flat) and peak RSS.

    .venv-bench/bin/python benchmarks/large_inputs.py            # release build (preferred)
    .venv/bin/python benchmarks/large_inputs.py --quick          # dev build, small sizes
    .venv-bench/bin/python benchmarks/large_inputs.py --cases quotes,newlines --sizes 1,4,16

Cases (all inputs are generated here, from invented text and a fixed random seed):

- ``article``: one huge article: invented paragraphs with quotes, repeated, with page furniture
  (navigation, share bars, "Related Articles", ads, copyright lines) between them (clean on);
- ``one_line``: the same prose as one single line, no line break at all;
- ``run_on``: one "sentence" with no full stop: attributions, relative clauses and quotes joined
  by commas;
- ``batch``: many short documents (~300 bytes each) through ``analyze_batch``; sizes count
  thousands of documents (100 = 100k documents);
- ``quotes``: nothing but quotation marks and apostrophes of every kind, with spaces;
- ``newlines``: nothing but line breaks (LF, CRLF, CR);
- ``garbage``: random bytes decoded as UTF-8 with errors="replace".

Each case runs with ``clean=True`` and, for the odd inputs, also ``clean=False`` (cleaning may drop
an odd input entirely, which would hide the later stages). Every measurement runs in its own child
process, after a warm-up call that loads the models, so peak RSS (ru_maxrss) is that case's alone;
"base" is the child's RSS after building the input and warming up, "peak" its maximum. A child that
runs past --timeout is reported as TIMEOUT. With clean=False the script also checks that no text was
lost (``art.text == input``), and for batches that every document came back.

Time per MB growing with size means super-linear behaviour: re-run that case with the Rust stage
timer (see the report in issue 7) to find the stage.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

MB = 1 << 20

FURNITURE = [
    "Home | News | Sport | Business | Weather",
    "Share this article\nFacebook\nTwitter\nEmail",
    "Advertisement",
    "Related Articles\nCity budget approved\nNew bridge opens",
    "Sign up for our newsletter",
    "\u00a9 2024 The Riverside Courier. All rights reserved.",
    "Read more:",
    "Back to top",
]

QUOTE_MARKS = list("\"'`\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f\u201b") + [
    "''",
    "``",
]


FIRST = ["Marta", "Henrik", "Anya", "Tomas", "Leila", "Kwame", "Ines", "Rafael", "Yuki", "Omar", "Greta", "Dmitri"]
LAST = [
    "Okonkwo",
    "Vass",
    "Petrov",
    "Lind",
    "Haddad",
    "Mensah",
    "Duarte",
    "Castillo",
    "Sato",
    "Farouk",
    "Holm",
    "Orlov",
]
PLACES = ["Millbrook", "Eastgate", "Northfield", "Old Town", "Harbourside", "Westmere", "Kingsbridge", "Larkhill"]
ORGS = [
    "the Harbour Party",
    "the Northfield Institute",
    "Eastgate University",
    "the Riverside Trust",
    "the Ferry Board",
]
WORDS = [
    "the",
    "a",
    "council",
    "plan",
    "ferry",
    "service",
    "river",
    "city",
    "residents",
    "officials",
    "report",
    "week",
    "year",
    "budget",
    "cost",
    "money",
    "road",
    "repairs",
    "noise",
    "night",
    "shop",
    "owner",
    "contractor",
    "survey",
    "stop",
    "station",
    "district",
    "harbour",
    "bridge",
    "vote",
    "meeting",
    "members",
    "public",
    "transport",
    "network",
    "commuters",
    "morning",
    "evening",
    "schedule",
    "route",
    "boats",
    "crew",
    "captain",
    "engineers",
    "workers",
    "would",
    "could",
    "should",
    "might",
    "will",
    "said",
    "told",
    "added",
    "argued",
    "warned",
    "noted",
    "expected",
    "planned",
    "approved",
    "rejected",
    "expanded",
    "delayed",
    "opened",
    "closed",
    "funded",
    "built",
    "moved",
    "rose",
    "fell",
    "doubled",
    "cut",
    "raised",
    "reviewed",
    "discussed",
    "new",
    "old",
    "long",
    "short",
    "cheap",
    "costly",
    "busy",
    "quiet",
    "early",
    "late",
    "first",
    "last",
    "third",
    "major",
    "minor",
    "local",
    "regional",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "many",
    "few",
    "several",
    "most",
    "some",
    "other",
    "every",
    "each",
    "more",
    "less",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "because",
    "although",
    "when",
    "where",
    "which",
    "that",
    "with",
    "without",
    "about",
    "against",
    "between",
    "through",
    "over",
    "under",
    "into",
    "from",
    "across",
    "toward",
    "along",
    "around",
    "near",
    "by",
    "for",
    "of",
    "in",
    "on",
    "to",
    "at",
]


def sentence(rng: random.Random, words: tuple[int, int] = (8, 24)) -> str:
    """A sentence of random words (so no two sentences, and no 5-word shingles, repeat)."""
    ws = [rng.choice(WORDS) for _ in range(rng.randint(*words))]
    if rng.random() < 0.5:
        ws.insert(rng.randrange(len(ws)), f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    if rng.random() < 0.3:
        ws.insert(rng.randrange(len(ws)), f"{rng.randint(2, 99999):,}")
    if rng.random() < 0.2:
        ws.insert(rng.randrange(len(ws)), f"in {rng.choice(PLACES)}")
    if len(ws) > 6 and rng.random() < 0.3:
        ws[len(ws) // 2] += ","
    text = " ".join(ws)
    return text[0].upper() + text[1:]


def paragraph(rng: random.Random) -> str:
    """One invented news paragraph of random words; a third hold an attributed quote."""
    if rng.random() < 1 / 3:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        org = rng.choice(ORGS)
        return (
            f"\u201c{sentence(rng)},\u201d said {name}, a director at {org}. "
            f"\u201c{sentence(rng)}.\u201d {sentence(rng)}."
        )
    return " ".join(sentence(rng) + "." for _ in range(rng.randint(2, 4)))


def make_article(n_bytes: int, rng: random.Random) -> str:
    """One article: a site name, a headline, then paragraphs with page furniture between them."""
    parts = ["The Riverside Courier", "Council expands river ferry service"]
    size = sum(len(p) + 2 for p in parts)
    i = 0
    while size < n_bytes:
        p = FURNITURE[(i // 6) % len(FURNITURE)] if i % 6 == 5 else paragraph(rng)
        parts.append(p)
        size += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def make_one_line(n_bytes: int, rng: random.Random) -> str:
    """Invented paragraphs joined by spaces: one line, no line break."""
    parts, size = [], 0
    while size < n_bytes:
        p = paragraph(rng)
        parts.append(p)
        size += len(p.encode("utf-8")) + 1
    return " ".join(parts)


RUN_ON_CLAUSES = (
    "the mayor, who backs the plan for the harbor",
    "according to officials in the port",
    "“the vote is lost,” she said",
    "Ruiz said the plan had failed and urged the council to act",
    "as the mayor put it",
    "which critics called “a trap”",
)


def make_run_on(n_bytes: int, rng: random.Random) -> str:
    """One "sentence" with no full stop: attributions, relative clauses and quotes joined by
    commas (a list or feed without sentence ends). Every rule reads a whole sentence."""
    parts, size = [], 0
    while size < n_bytes:
        c = rng.choice(RUN_ON_CLAUSES)
        parts.append(c)
        size += len(c.encode("utf-8")) + 2
    return ", ".join(parts)


def make_batch_docs(n_docs: int, rng: random.Random) -> list[str]:
    docs = []
    for i in range(n_docs):
        docs.append(f"Courier {i % 97}\n\nStory number {i}\n\n{paragraph(rng)}\n\nAdvertisement")
    return docs


def make_quotes(n_bytes: int, rng: random.Random) -> str:
    out, size = [], 0
    while size < n_bytes:
        m = rng.choice(QUOTE_MARKS)
        if rng.random() < 0.15:
            m += rng.choice(" \n")
        out.append(m)
        size += len(m.encode("utf-8"))
    return "".join(out)


def make_newlines(n_bytes: int, rng: random.Random) -> str:
    unit = "\n\n\n\r\n\r\n\r"
    return (unit * (n_bytes // len(unit) + 1))[:n_bytes]


def make_garbage(n_bytes: int, rng: random.Random) -> str:
    return rng.randbytes(n_bytes).decode("utf-8", errors="replace")


TEXT_CASES = {
    "article": make_article,
    "one_line": make_one_line,
    "run_on": make_run_on,
    "quotes": make_quotes,
    "newlines": make_newlines,
    "garbage": make_garbage,
}

# case -> (sizes in MB, or thousands of documents for batch; clean settings)
DEFAULT = {
    "article": ([1, 4, 16, 50], [True]),
    "one_line": ([0.25, 1, 4], [True, False]),
    "run_on": ([0.25, 1, 4], [True, False]),
    "batch": ([1, 10, 100], [True]),
    "quotes": ([1, 4, 16], [True, False]),
    "newlines": ([1, 4, 16], [True, False]),
    "garbage": ([1, 4, 16], [True, False]),
}
QUICK = {
    "article": ([0.25, 1, 4], [True]),
    "one_line": ([0.25, 1], [True, False]),
    "run_on": ([0.25, 1], [True, False]),
    "batch": ([1, 10], [True]),
    "quotes": ([0.25, 1, 4], [True, False]),
    "newlines": ([0.25, 1, 4], [True, False]),
    "garbage": ([0.25, 1, 4], [True, False]),
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def worker(case: str, size: float, clean: bool) -> dict[str, object]:
    import copydesk

    rng = random.Random(20240501)
    copydesk.analyze("Warm-up: the minister said \u201cthe talks will resume\u201d on Monday.")  # loads models
    if case == "batch":
        docs = make_batch_docs(int(size * 1000), rng)
        n_bytes = sum(len(d.encode("utf-8")) for d in docs)
        base = rss_mb()
        t0 = time.perf_counter()
        arts = copydesk.analyze_batch(docs, clean=clean)
        seconds = time.perf_counter() - t0
        assert len(arts) == len(docs) and all(a is not None for a in arts), "documents lost"
        out = {"paragraphs": sum(len(a.paragraphs) for a in arts), "quotes": sum(len(a.quotes) for a in arts)}
    else:
        text = TEXT_CASES[case](int(size * MB), rng)
        n_bytes = len(text.encode("utf-8"))
        base = rss_mb()
        t0 = time.perf_counter()
        art = copydesk.analyze(text, clean=clean)
        seconds = time.perf_counter() - t0
        if not clean:
            assert art.text == text, "clean=False changed or truncated the text"
        out = {
            "text_mb": len(art.text.encode("utf-8")) / MB,
            "paragraphs": len(art.paragraphs),
            "sentences": len(art.sentences),
            "quotes": len(art.quotes),
        }
    out.update(seconds=seconds, mb=n_bytes / MB, base_rss_mb=base, peak_rss_mb=rss_mb())
    return out


def measure(case: str, size: float, clean: bool, timeout: float) -> dict[str, object]:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", f"{case}:{size}:{int(clean)}"]
    env = dict(os.environ, RAYON_NUM_THREADS=os.environ.get("RAYON_NUM_THREADS", "2"))
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"TIMEOUT>{timeout:.0f}s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"rc={done.returncode}: {tail[:80]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(DEFAULT), help="comma-separated: " + ",".join(DEFAULT))
    ap.add_argument("--sizes", help="comma-separated sizes (MB; thousands of docs for batch) for every case")
    ap.add_argument("--quick", action="store_true", help="smaller sizes (for a dev build)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per measurement")
    ap.add_argument("--json", help="also write the rows to this file")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        case, size, clean = args.worker.split(":")
        print(json.dumps(worker(case, float(size), clean == "1")))
        return 0

    import copydesk

    plan = QUICK if args.quick else DEFAULT
    print(f"copydesk {copydesk.__version__} from {os.path.dirname(copydesk.__file__)}; python {sys.executable}")
    header = f"{'case':9} {'clean':5} {'size':>8} {'MB':>7} {'seconds':>8} {'s/MB':>7} {'MB/s':>7} {'base MB':>8} {'peak MB':>8}  notes"
    print(header)
    print("-" * len(header))
    rows = []
    bad = False
    for case in args.cases.split(","):
        sizes, cleans = plan[case]
        if args.sizes:
            sizes = [float(s) for s in args.sizes.split(",")]
        for clean in cleans:
            for size in sizes:
                r = measure(case, size, clean, args.timeout)
                label = f"{size:g}k docs" if case == "batch" else f"{size:g} MB"
                rows.append({"case": case, "clean": clean, "size": size, **r})
                if "error" in r:
                    bad = True
                    print(
                        f"{case:9} {str(clean):5} {label:>8} {'':>7} {'':>8} {'':>7} {'':>7} {'':>8} {'':>8}  {r['error']}"
                    )
                    continue
                secs, mb = r["seconds"], r["mb"]
                notes = f"paras={r['paragraphs']} quotes={r['quotes']}"
                if "text_mb" in r:
                    notes = f"out={r['text_mb']:.2f}MB " + notes
                print(
                    f"{case:9} {str(clean):5} {label:>8} {mb:7.2f} {secs:8.2f} {secs / mb:7.3f} {mb / secs:7.2f} "
                    f"{r['base_rss_mb']:8.0f} {r['peak_rss_mb']:8.0f}  {notes}",
                    flush=True,
                )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
