#!/usr/bin/env bash
# Quick start, command 2: install what the tests need (Debian packages,
# Chromium, npm modules), build everything, and run every test with CTest:
# unit tests, integration tests against the real server, Chromium end-to-end;
# then, in a second build dir with clang, ASan and UBSan, the unit and
# integration tests again plus a short run of each fuzzer (fuzz/).
# FAIRMATCH_SANITIZERS=0 skips that second part; FAIRMATCH_FUZZ_SECONDS sets
# how long each fuzzer runs (default 20).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${SANITIZER_PACKAGES[@]}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    ensure_packages nodejs npm
fi

say "Installing the npm modules of the browser tests (tests/e2e, from its lock file)"
(cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
if [ -f "$ROOT/web/package-lock.json" ]; then
    say "Installing the web UI's pinned browser libraries (web/)"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
fi

CMAKE_ARGS=(-DFAIRMATCH_BUILD_TESTS=ON -DFAIRMATCH_BUILD_BENCH=ON)
build

say "Running every test (ctest)"
(cd "$BUILD_DIR" && ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@")

[ "${FAIRMATCH_SANITIZERS:-1}" = "0" ] && exit 0
ASAN_DIR="${FAIRMATCH_ASAN_BUILD_DIR:-$ROOT/build-asan}"
say "Building with clang, AddressSanitizer and UBSan, and the fuzzers, in $ASAN_DIR"
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$ASAN_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DFAIRMATCH_BUILD_TESTS=ON -DFAIRMATCH_BUILD_BENCH=OFF \
    -DFAIRMATCH_E2E=OFF -DFAIRMATCH_FUZZ=ON -DFAIRMATCH_FUZZ_SECONDS="${FAIRMATCH_FUZZ_SECONDS:-20}" >/dev/null
cmake --build "$ASAN_DIR" --parallel "$(nproc)"

say "Running the unit and integration tests under ASan+UBSan, and each fuzzer briefly (ctest)"
# Any finding aborts the process (UBSan is built with -fno-sanitize-recover),
# leaks included, so the test that hit it fails.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
# Two tests measure what the sanitizers change, and run in build/ only:
# test_schedule_dzn asserts the scheduler's quality within a time budget (the
# .dzn reader is fuzzed here), test_attacks_protocol bounds the server's RSS
# growth (ASan keeps freed memory in quarantine).
export FAIRMATCH_SANITIZED=1
cd "$ASAN_DIR"
ctest --output-on-failure --timeout 900 -j "$(nproc)" \
    -E '^integration\.(test_schedule_dzn|test_attacks_protocol)$' "$@"
