#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a given time and prints executions and crashes.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]          # default 60
#   FUZZ_TARGETS="clean segment" scripts/fuzz.sh 300
#   FUZZ_MAX_LEN=65536 FUZZ_TRACE_COMPARES=1 scripts/fuzz.sh 1800   # occasional long-input run
#
# Setup, once:
#   cargo install cargo-fuzz
#   python3 scripts/fuzz_seed_corpus.py    # optional: seed corpus from the dev data (git-ignored)
#
# Targets (fuzz/fuzz_targets/): clean (clean + keep_as_is, idempotence), segment (tokenize +
# sentences), quotes (quote pairing/attribution via analyze_with(clean=false)), pipeline (analyze,
# clean on and off), html (HTML extraction and its map into the page). Each checks invariants
# (fuzz/src/lib.rs), not only "no panic".
#
# Toolchain: cargo-fuzz passes nightly-only rustc flags (-Z...). Only the stable toolchain is
# installed here, so this script sets RUSTC_BOOTSTRAP=1, which lets stable rustc accept them. It
# builds with `--sanitizer none` by default (the core has no unsafe code; the one unsafe call, in
# the Python bindings, is not built for fuzzing; ASan would halve the throughput); set
# FUZZ_SANITIZER=address to use ASan. Debug assertions and overflow checks are on
# (cargo-fuzz default).
#
# Speed: the cost of one execution grows with the input's length, and coverage instrumentation
# makes the code several times slower than a release build, so the defaults favour short inputs:
# -max_len=512 (a few paragraphs; the seed corpus is cut to that size) and no compare tracing
# (`--no-trace-compares`: every integer compare, bounds checks included, calls into libFuzzer,
# which halves the throughput). The dictionary fuzz/copydesk.dict gives the mutator the quote
# marks, cue verbs and furniture phrases that compare tracing would otherwise discover. Run the
# long-input mode (FUZZ_MAX_LEN=65536, FUZZ_TRACE_COMPARES=1) now and then: it reaches the
# paths that need long pages (block selection, comment sections) at 70-150 executions/s. With the
# defaults the four targets ran at 1,250-3,400 executions/s (under nice, beside other jobs),
# against 68-145 before; fuzz/RUNS.md has every run.
#
# Environment:
#   FUZZ_TARGETS         targets to run (default: all four)
#   FUZZ_MAX_LEN         libFuzzer -max_len (default 512)
#   FUZZ_TRACE_COMPARES  1 to build with compare tracing (default 0)
#   FUZZ_SANITIZER       none | address (default none)
#   FUZZ_ARGS            extra libFuzzer flags
#   FUZZ_LOG             run table to append one row per target to (default fuzz/RUNS.md; empty: none)
#
# Inputs: fuzz/corpus/<target>/ (read and grown; git-ignored) and fuzz/seeds/ (committed,
# read-only). Crashes go to fuzz/artifacts/<target>/ (git-ignored), with the run log
# fuzz/artifacts/<target>.log. Reproduce one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none <target> fuzz/artifacts/<target>/crash-...
# and minimise it with `cargo fuzz tmin --sanitizer none <target> <file>`.
# Runs under `nice -n 19`, one target after the other (one core). Exits 1 if any target crashed.
# Never suspend a running target (SIGSTOP, Ctrl-Z): libFuzzer's -timeout counts wall-clock time,
# so the input in flight is reported as a timeout when it resumes. Stop it instead.
set -euo pipefail

SECONDS_PER_TARGET="${1:-60}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

export RUSTC_BOOTSTRAP=1
TARGETS="${FUZZ_TARGETS:-clean segment quotes pipeline html}"
MAX_LEN="${FUZZ_MAX_LEN:-512}"
SANITIZER="${FUZZ_SANITIZER:-none}"
RUN_LOG="${FUZZ_LOG-fuzz/RUNS.md}"
BUILD_FLAGS=(--sanitizer "$SANITIZER")
if [ "${FUZZ_TRACE_COMPARES:-0}" != 1 ]; then
    BUILD_FLAGS+=(--no-trace-compares)
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "cargo-fuzz not found: cargo install cargo-fuzz" >&2
    exit 2
fi

nice -n 19 cargo fuzz build "${BUILD_FLAGS[@]}"

declare -A EXECS CRASHES STATUS
any_crash=0
for t in $TARGETS; do
    mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    before="$(ls "fuzz/artifacts/$t" | sort)"
    echo "== $t: ${SECONDS_PER_TARGET}s, max_len $MAX_LEN (log: $log)"
    set +e
    # shellcheck disable=SC2086
    nice -n 19 cargo fuzz run "${BUILD_FLAGS[@]}" "$t" "fuzz/corpus/$t" fuzz/seeds -- \
        -max_len="$MAX_LEN" -max_total_time="$SECONDS_PER_TARGET" -timeout=20 -rss_limit_mb=4096 \
        -dict=fuzz/copydesk.dict -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    set -e
    after="$(ls "fuzz/artifacts/$t" | sort)"
    new="$(comm -13 <(echo "$before") <(echo "$after") | grep -E '^(crash|timeout|oom|leak|slow-unit)-' || true)"
    EXECS[$t]="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')"
    rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo '?')"
    CRASHES[$t]="$(echo -n "$new" | grep -c . || true)"
    STATUS[$t]="rc=$rc"
    if [ -n "$RUN_LOG" ]; then
        tc="$([ "${FUZZ_TRACE_COMPARES:-0}" = 1 ] && echo yes || echo no)"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$t" "$MAX_LEN" "$tc" \
            "$SECONDS_PER_TARGET" "${EXECS[$t]}" "${CRASHES[$t]}" "$rate" >>"$RUN_LOG"
    fi
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
if [ -n "$RUN_LOG" ] && [ -f "$RUN_LOG" ]; then
    echo
    echo "totals in $RUN_LOG:"
    awk -F'|' '$3 ~ /^ [a-z]+ $/ && $7 ~ /[0-9]/ { t = $3; gsub(/ /, "", t); n[t] += $7; c[t] += $8; s[t] += $6 }
        END { for (t in n) printf "%-10s %14d executions %6d crashes %8d s\n", t, n[t], c[t], s[t] }' "$RUN_LOG" | sort
fi
exit "$any_crash"
