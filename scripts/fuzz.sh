#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a given time and prints executions and crashes.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]          # default 60
#   FUZZ_TARGETS="clean segment" scripts/fuzz.sh 300
#
# Setup, once:
#   cargo install cargo-fuzz
#   python3 scripts/fuzz_seed_corpus.py    # optional: seed corpus from the dev data (git-ignored)
#
# Targets (fuzz/fuzz_targets/): clean (clean + keep_as_is, idempotence), segment (tokenize +
# sentences), quotes (quote pairing/attribution via analyze_with(clean=false)), pipeline (analyze,
# clean on and off). Each checks invariants (fuzz/src/lib.rs), not only "no panic".
#
# Toolchain: cargo-fuzz passes nightly-only rustc flags (-Z...). Only the stable toolchain is
# installed here, so this script sets RUSTC_BOOTSTRAP=1, which lets stable rustc accept them. It
# builds with `--sanitizer none` by default (the crate has no unsafe code, and ASan would halve the
# throughput); set FUZZ_SANITIZER=address to use ASan. Debug assertions are on (cargo-fuzz default).
#
# Environment:
#   FUZZ_TARGETS    targets to run (default: all four)
#   FUZZ_MAX_LEN    libFuzzer -max_len (default 65536)
#   FUZZ_SANITIZER  none | address (default none)
#   FUZZ_ARGS       extra libFuzzer flags
#
# Inputs: fuzz/corpus/<target>/ (read and grown; git-ignored) and fuzz/seeds/ (committed,
# read-only). Crashes go to fuzz/artifacts/<target>/ (git-ignored), with the run log
# fuzz/artifacts/<target>.log. Reproduce one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none <target> fuzz/artifacts/<target>/crash-...
# and minimise it with `cargo fuzz tmin --sanitizer none <target> <file>`.
# Runs under `nice`. Exits 1 if any target crashed.
set -euo pipefail

SECONDS_PER_TARGET="${1:-60}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

export RUSTC_BOOTSTRAP=1
TARGETS="${FUZZ_TARGETS:-clean segment quotes pipeline}"
MAX_LEN="${FUZZ_MAX_LEN:-65536}"
SANITIZER="${FUZZ_SANITIZER:-none}"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "cargo-fuzz not found: cargo install cargo-fuzz" >&2
    exit 2
fi

nice cargo fuzz build --sanitizer "$SANITIZER"

declare -A EXECS CRASHES STATUS
any_crash=0
for t in $TARGETS; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    before="$(ls "fuzz/artifacts/$t" | sort)"
    echo "== $t: ${SECONDS_PER_TARGET}s (log: $log)"
    set +e
    # shellcheck disable=SC2086
    nice cargo fuzz run --sanitizer "$SANITIZER" "$t" "fuzz/corpus/$t" fuzz/seeds -- \
        -max_len="$MAX_LEN" -max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=4096 \
        -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    set -e
    after="$(ls "fuzz/artifacts/$t" | sort)"
    new="$(comm -13 <(echo "$before") <(echo "$after") | grep -E '^(crash|timeout|oom|leak|slow-unit)-' || true)"
    EXECS[$t]="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')"
    CRASHES[$t]="$(echo -n "$new" | grep -c . || true)"
    STATUS[$t]="rc=$rc"
    if [ "$rc" -ne 0 ] || [ "${CRASHES[$t]}" -ne 0 ]; then
        any_crash=1
        grep -E 'panicked at|^SUMMARY|Test unit written' "$log" | head -5 || true
    fi
done

echo
printf '%-10s %14s %8s %6s\n' target executions crashes status
for t in $TARGETS; do
    printf '%-10s %14s %8s %6s\n' "$t" "${EXECS[$t]}" "${CRASHES[$t]}" "${STATUS[$t]}"
done
exit "$any_crash"
