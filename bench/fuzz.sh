#!/usr/bin/env bash
# Fuzzing (issue 8): runs each libFuzzer target (fuzz/) for longer than the
# test command does, in the clang ASan+UBSan build, and prints a Markdown
# table (executions, exec/s, coverage, corpus) for bench/RESULTS.md.
# New inputs accumulate in build-asan/fuzz/corpus-<target> between runs;
# a crash leaves build-asan/fuzz/crash-<target>-* and stops that target.
# Usage: bench/fuzz.sh [seconds per target, default 300] [target ...]
#        (targets: http csv_import dzn; default all)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${FAIRMATCH_ASAN_BUILD_DIR:-$ROOT/build-asan}"
SECS="${1:-300}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(http csv_import dzn)
command -v clang++ >/dev/null || { echo "needs clang and libclang-rt-14-dev (scripts/test.sh installs them)" >&2; exit 1; }

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DFAIRMATCH_BUILD_TESTS=ON -DFAIRMATCH_BUILD_BENCH=OFF \
    -DFAIRMATCH_E2E=OFF -DFAIRMATCH_FUZZ=ON >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)" --target $(printf 'fuzz_%s ' "${TARGETS[@]}") >/dev/null

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
status=0
echo "| target | seconds | runs | exec/s | coverage (edges) | features | corpus (inputs) | result |"
echo "|---|---|---|---|---|---|---|---|"
for t in "${TARGETS[@]}"; do
    corpus="$BUILD/fuzz/corpus-$t"
    mkdir -p "$corpus"
    result=ok
    "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECS" -timeout=25 -print_final_stats=1 \
        -dict="$ROOT/fuzz/$t.dict" -artifact_prefix="$BUILD/fuzz/crash-$t-" \
        "$corpus" "$ROOT/fuzz/corpus/$t" "$ROOT/fuzz/regressions/$t" >"$LOGS/$t.log" 2>&1 || { result="CRASH (see $BUILD/fuzz/crash-$t-*)"; status=1; cp "$LOGS/$t.log" "$BUILD/fuzz/last-$t.log"; }
    # The last status line: "#N  DONE  cov: C ft: F corp: K/..." (or the last pulse before a crash).
    last=$(grep -E '^#[0-9]+' "$LOGS/$t.log" | tail -1)
    runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$LOGS/$t.log" | tail -1)
    eps=$(sed -nE 's/^stat::average_exec_per_sec: *([0-9]+)/\1/p' "$LOGS/$t.log" | tail -1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
    echo "| $t | $SECS | ${runs:-?} | ${eps:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $result |"
done
exit $status
