#!/usr/bin/env bash
# HTTP load benchmark (issue 2): wrk at 64 connections against
#   1. nginx serving a static file on loopback (the reference, same run),
#   2. fairmatch GET /healthz,
#   3. fairmatch GET /api/v1/exhibitors/{random id} at Hanoi scale.
# Prints a Markdown table for bench/RESULTS.md.
# Usage: bench/http_load.sh [seconds per run, default 15]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FAIRMATCH_BIN:-$ROOT/build/fairmatch}"
SECS="${1:-15}"
CONNS=64
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "build fairmatch first ($BIN)" >&2; exit 1; }

WORK="$(mktemp -d)"
chmod 755 "$WORK"  # nginx workers (another user) must read the file
cleanup() {
    [ -n "${FM_PID:-}" ] && kill "$FM_PID" 2>/dev/null && wait "$FM_PID" 2>/dev/null
    [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" demo --db "$WORK/fair.db" --scale hanoi >/dev/null
"$BIN" serve --db "$WORK/fair.db" --port 0 --threads "${FM_THREADS:-2}" --db-readers "${FM_READERS:-2}" --quiet --web-root "$ROOT/web" >"$WORK/fm.out" 2>"$WORK/fm.err" &
FM_PID=$!
for _ in $(seq 50); do grep -q listening "$WORK/fm.out" 2>/dev/null && break; sleep 0.1; done
FM_URL="$(head -1 "$WORK/fm.out" | sed 's/listening on //')"
NEXH="$(curl -s "$FM_URL/api/v1/exhibitors?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

# The reference: nginx serving the bytes of one exhibitor profile as a file.
mkdir -p "$WORK/www" && chmod 755 "$WORK/www"
curl -s "$FM_URL/api/v1/exhibitors/1" >"$WORK/www/profile.json"
chmod 644 "$WORK/www/profile.json"
NGINX_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx.err;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp;
    uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
    server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf"
sleep 0.3

cat >"$WORK/random_exhibitor.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/exhibitors/" .. math.random(1, $NEXH))
end
LUA

cat >"$WORK/search.lua" <<'LUA'
-- Catalogue searches as importers type them, with and without filters.
local queries = {
  "q=bat%20trang", "q=B%C3%A1t%20Tr%C3%A0ng", "q=gom%20su", "q=lacquer", "q=rattan%20basket",
  "q=dong%20ho", "q=son%20mai", "q=l%E1%BB%A5a", "q=bamboo&province=ha-noi", "q=ceramic&price_tier=mid",
  "q=basket&moq_max=500&facets=true", "category=6913&facets=true", "q=silk&market=FR", "q=bat%20tr",
  "q=wood%20carving&certification=FSC", "sort=name&province=bac-ninh"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/exhibitors?" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("P95 %.2fms\n", latency:percentile(95) / 1000.0))
end
LUA

run() {  # name url [script] [connections]
    local name="$1" url="$2" script="${3:-}" conns="${4:-$CONNS}"
    local out
    out="$(wrk -t2 -c"$conns" -d"${SECS}s" --latency ${script:+-s "$script"} "$url" 2>&1)"
    local rps p50 p99 errors non2xx
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
    p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
    errors="$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out")"
    non2xx="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
    p95="$(awk '$1=="P95" {print $2}' <<<"$out")"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "${p95:--}" "$p99" "$(( ${errors:-0} + ${non2xx:-0} ))"
    echo "$rps" >"$WORK/rps.$name"
}

echo "Machine: $(nproc) cores, $(awk '/model name/ {sub(/.*: /,""); print; exit}' /proc/cpuinfo), $(uname -r)"
echo "wrk -t2 -c$CONNS -d${SECS}s; server: fairmatch serve --threads ${FM_THREADS:-2} --db-readers ${FM_READERS:-2}, Hanoi demo ($NEXH exhibitors)"
echo
echo "| target | req/s | p50 | p95 | p99 | errors |"
echo "|---|---|---|---|---|---|"
run nginx-static "http://127.0.0.1:$NGINX_PORT/profile.json"
run healthz "$FM_URL/healthz"
run exhibitor-get "$FM_URL/api/v1/exhibitors/1" "$WORK/random_exhibitor.lua"
run search "$FM_URL/api/v1/exhibitors" "$WORK/search.lua"
run search-16-conns "$FM_URL/api/v1/exhibitors" "$WORK/search.lua" 16
echo
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
ref = float(open(w + "/rps.nginx-static").read())
for name in ("healthz", "exhibitor-get"):
    v = float(open(w + "/rps." + name).read())
    print("%s: %.0f%% of nginx's static req/s" % (name, 100.0 * v / ref))
PY
