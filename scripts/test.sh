#!/usr/bin/env bash
# Quick start, command 2: install what the tests need (Debian packages,
# Chromium, npm modules), build everything, and run every test with CTest:
# unit tests, integration tests against the real server, Chromium end-to-end.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
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
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
