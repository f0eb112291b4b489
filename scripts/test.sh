#!/usr/bin/env bash
# The whole test suite, from a clean clone: Rust format, lints and tests, then a fresh virtualenv
# with the test dependencies, a maturin build of the package, pytest, the stub check and ruff.
#   bash scripts/test.sh
# COPYDESK_TEST_VENV chooses the virtualenv (default: .venv-test in the repo).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${COPYDESK_TEST_VENV:-.venv-test}"
step() { printf '\n==> %s\n' "$*"; }

step "virtualenv $venv"
python3 -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet "maturin>=1.9.4,<2" "pytest>=8" "hypothesis>=6.100" "mypy>=1.10" "ruff>=0.5" \
    "pandas>=2.2" "dask[dataframe]>=2024.1" "distributed>=2024.1" "pyarrow>=15" "tqdm>=4.60" \
    "nbclient>=0.10" "nbformat>=5.10" "ipykernel>=6.29" "matplotlib>=3.8"
export PYO3_PYTHON="$PWD/$py"

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (core, then with the python feature)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --features python -- -D warnings

step "cargo test"
cargo test --locked

step "maturin develop"
VIRTUAL_ENV="$PWD/$venv" "$venv/bin/maturin" develop --quiet

step "pytest"
"$py" -m pytest -q

step "stubtest and mypy"
"$py" -m mypy.stubtest copydesk._core
"$py" -m mypy --strict python/copydesk

step "ruff"
"$venv/bin/ruff" check python tests benchmarks
"$venv/bin/ruff" format --check python tests benchmarks

printf '\nall checks passed\n'
