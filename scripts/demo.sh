#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build (Release), seed the
# demo fair into ./data/fairmatch.db on first start, and serve it on
# http://127.0.0.1:8080 (Ctrl-C stops it cleanly).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}"
CMAKE_ARGS=(-DFAIRMATCH_BUILD_TESTS=OFF -DFAIRMATCH_BUILD_BENCH=OFF)
build fairmatch

DB="${FAIRMATCH_DB:-$ROOT/data/fairmatch.db}"
mkdir -p "$(dirname "$DB")"
say "Preparing the demo fair in $DB (seeded once, reused after)"
"$BUILD_DIR/fairmatch" demo --db "$DB" --scale "${FAIRMATCH_SCALE:-hanoi}"

say "Starting the server: open http://127.0.0.1:${FAIRMATCH_PORT:-8080}/ (Ctrl-C to stop)"
exec "$BUILD_DIR/fairmatch" serve --db "$DB" --host 127.0.0.1 --port "${FAIRMATCH_PORT:-8080}" \
    --web-root "$ROOT/web"
