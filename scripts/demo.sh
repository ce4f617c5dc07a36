#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build (Release), seed the
# demo fair into ./data/fairmatch.db on first start, and serve it on
# http://127.0.0.1:8080 (Ctrl-C stops it cleanly).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${BUILD_PACKAGES[@]}"
CMAKE_ARGS=(-DFAIRMATCH_BUILD_TESTS=OFF -DFAIRMATCH_BUILD_BENCH=OFF)
build fairmatch

# The web UI's browser libraries, pinned in web/package-lock.json (Chart.js draws the
# organizer's live dashboard and report). Never fatal: without them the pages show
# the same figures as tables.
if ! command -v npm >/dev/null; then
    ensure_packages nodejs npm || true
fi
if [ -f "$ROOT/web/package-lock.json" ] && command -v npm >/dev/null; then
    say "Installing the web UI's pinned browser libraries in web/node_modules (Chart.js, from web/package-lock.json)"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error) \
        || say "Could not install them (offline?): the dashboard and report show their figures as tables"
fi

DB="${FAIRMATCH_DB:-$ROOT/data/fairmatch.db}"
mkdir -p "$(dirname "$DB")"
say "Preparing the demo fair in $DB (seeded once, reused after)"
out="$("$BUILD_DIR/fairmatch" demo --db "$DB" --scale "${FAIRMATCH_SCALE:-hanoi}")"
echo "$out"
FAIR_ID="$(sed -n 's/.*fair \([0-9][0-9]*\).*/\1/p' <<<"$out" | head -1)"

# A demo organizer account, for trying the organizer pages on this local copy.
DEMO_EMAIL="organizer@demo.fairmatch.vn"
DEMO_PASSWORD="${FAIRMATCH_DEMO_PASSWORD:-Hoi-cho-Ha-Noi-2026}"
if "$BUILD_DIR/fairmatch" user add --db "$DB" --role organizer --email "$DEMO_EMAIL" --name "Ban tổ chức" \
        --fair "$FAIR_ID" <<<"$DEMO_PASSWORD" >/dev/null 2>&1; then
    say "Demo organizer created: $DEMO_EMAIL / $DEMO_PASSWORD (local demo only)"
else
    say "Demo organizer: $DEMO_EMAIL (created earlier)"
fi

say "Starting the server: open http://127.0.0.1:${FAIRMATCH_PORT:-8080}/ (Ctrl-C to stop)"
exec "$BUILD_DIR/fairmatch" serve --db "$DB" --host 127.0.0.1 --port "${FAIRMATCH_PORT:-8080}" \
    --web-root "$ROOT/web"
