#!/usr/bin/env python3
"""Mixed load (issue 8): a Hanoi-scale demo fair, C keep-alive connections
(64 by default) for S seconds (300 by default), each sending the next request
as soon as the previous answer arrived (closed loop, no think time), drawn
from a realistic mix:

  search          GET  /api/v1/exhibitors?fair=F&q=WORD[&province=..]   catalogue search
  profile         GET  /api/v1/exhibitors/{id}, .../{id}/products, /api/v1/products/{id}
  recommendations GET  /api/v1/fairs/F/recommendations (as an importer or exhibitor user)
  request         POST /api/v1/me/meeting-requests (importer users; never a pair already open)
  answer          POST /api/v1/me/meeting-requests/{id}/response (the exhibitor user it was sent to)
  check-in        POST /api/v1/fairs/F/check-ins (the organizer; each badge once, while badges last)

Writes are real: an importer user only requests a pair that has no open
request (a declined one is free again), an answer answers a pending request
that was sent to that exhibitor user, each badge is checked in once. Every
answer other than the expected 2xx is an error, listed by route and status.

Why Python asyncio rather than wrk + Lua: the writes need state shared by all
connections (which pairs are open, which request waits for which exhibitor,
which badges are used) and ids read from answers; that is awkward in wrk's
per-thread Lua states. The client's own CPU time is reported next to the
server's, so one can see how much of the shared machine the client took.

Usage: bench/mixed_load.py [--seconds 300] [--connections 64] [--db FILE] [--users 32] [--server-args "..."]
       bench/mixed_load.py --seconds 20        # the short run
Starts its own server on loopback (a fresh Hanoi-scale demo fair, or --db to
reuse a seeded copy: the file is copied first, never changed).
"""
import argparse
import asyncio
import collections
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from harness import BIN, Client, ServerProcess, add_user, api_token, first_fair_id  # noqa: E402

MIX = [("search", 30), ("profile", 25), ("recommendations", 10), ("request", 13), ("answer", 12), ("check-in", 10)]
WORDS = ["gốm", "bat trang", "lụa", "mây tre", "sơn mài", "gỗ", "thêu", "vạn phúc", "bát", "bình", "đèn",
         "khay", "túi", "cói", "đá", "bạc", "gom su", "tranh", "nón", "chiếu", "lacquer", "bamboo", "silk",
         "ceramic", "vase", "basket", "rattan", "embroidery"]


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Conn:
    """One keep-alive HTTP/1.1 connection (the server answers with Content-Length)."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method, path, token=None, body=None):
        if self.writer is None:
            await self.open()
        head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % (method, path, self.port)
        data = b""
        if token:
            head += "Authorization: Bearer %s\r\n" % token
        if body is not None:
            data = json.dumps(body).encode()
            head += "Content-Type: application/json\r\n"
        if method != "GET":
            head += "Content-Length: %d\r\n" % len(data)
        self.writer.write(head.encode() + b"\r\n" + data)
        status_line = await self.reader.readline()
        if not status_line:
            self.writer = None
            raise ConnectionError("closed by the server")
        status = int(status_line.split(b" ", 2)[1])
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            k, _, v = line.partition(b":")
            k = k.strip().lower()
            if k == b"content-length":
                length = int(v)
            elif k == b"connection" and v.strip().lower() == b"close":
                close = True
        payload = await self.reader.readexactly(length) if length else b""
        if close:
            self.writer.close()
            self.writer = None
        return status, payload


class World:
    """What the writers share: users, open pairs, pending requests, badges."""

    def __init__(self, fair, org_token, importers, exhibitors, demo_exhibitors, products, badges):
        self.fair = fair
        self.org = org_token
        self.importers = importers      # [(token, profile id)]
        self.exhibitors = exhibitors    # [(token, profile id)]
        self.demo_exhibitors = demo_exhibitors
        self.products = products
        self.badges = badges
        self.next_badge = 0
        self.open_pairs = set()         # (importer profile, exhibitor profile) with a pending/accepted request
        self.pending = collections.defaultdict(collections.deque)  # exhibitor index -> (request id, pair)
        self.demo_next = [0] * len(importers)


class Stats:
    def __init__(self):
        self.lat = collections.defaultdict(list)
        self.errors = collections.Counter()
        self.expected = collections.Counter()
        self.samples = []


async def one(conn, world, stats, rng, route):
    w = world
    if route == "search":
        q = rng.choice(WORDS)
        path = "/api/v1/exhibitors?fair=%d&q=%s" % (w.fair, urllib.parse.quote(q))
        if rng.random() < 0.3:
            path += "&province=" + rng.choice(w.provinces)
        return await conn.request("GET", path), (200,)
    if route == "profile":
        x = rng.choice(w.demo_exhibitors)
        pick = rng.random()
        if pick < 0.5:
            return await conn.request("GET", "/api/v1/exhibitors/%d" % x), (200,)
        if pick < 0.75:
            return await conn.request("GET", "/api/v1/exhibitors/%d/products" % x), (200,)
        return await conn.request("GET", "/api/v1/products/%d" % rng.choice(w.products)), (200,)
    if route == "recommendations":
        tok = rng.choice(w.importers if rng.random() < 0.7 else w.exhibitors)[0]
        return await conn.request("GET", "/api/v1/fairs/%d/recommendations?limit=20" % w.fair, tok), (200,)
    if route == "request":
        i = rng.randrange(len(w.importers))
        tok, imp = w.importers[i]
        # Half to the exhibitor users (who answer), half to the demo exhibitors (who never do).
        target = None
        if rng.random() < 0.5:
            free = [j for j, (_, x) in enumerate(w.exhibitors) if (imp, x) not in w.open_pairs]
            if free:
                j = rng.choice(free)
                target = (j, w.exhibitors[j][1])
        if target is None:
            k = w.demo_next[i]
            if k >= len(w.demo_exhibitors):
                return None
            w.demo_next[i] += 1
            target = (None, w.demo_exhibitors[k])
        pair = (imp, target[1])
        w.open_pairs.add(pair)
        (status, body) = await conn.request("POST", "/api/v1/me/meeting-requests", tok, {
            "exhibitor_id": target[1], "priority": rng.choice(["must_meet", "would_like"]),
            "message": "Chúng tôi muốn gặp để bàn đơn hàng mẫu."})
        if status == 201 and target[0] is not None:
            w.pending[target[0]].append((json.loads(body)["id"], pair))
        elif status != 201:
            w.open_pairs.discard(pair)
        return (status, body), (201,)
    if route == "answer":
        waiting = [j for j, q in w.pending.items() if q]
        if not waiting:
            return None
        j = rng.choice(waiting)
        req, pair = w.pending[j].popleft()
        accept = rng.random() < 0.25
        out = await conn.request("POST", "/api/v1/me/meeting-requests/%d/response" % req, w.exhibitors[j][0],
                                 {"decision": "accept" if accept else "decline",
                                  "reason": "" if accept else "Lịch kín, xin hẹn dịp khác."})
        if out[0] == 200 and not accept:
            w.open_pairs.discard(pair)  # declined: the pair may be requested again
        return out, (200,)
    if route == "check-in":
        # Each badge once; when all are in, badges scanned again at the door (answered 200, "first": false),
        # counted apart as "check-in again".
        code = w.badges[w.next_badge % len(w.badges)]
        again = w.next_badge >= len(w.badges)
        w.next_badge += 1
        out = await conn.request("POST", "/api/v1/fairs/%d/check-ins" % w.fair, w.org, {"badge_code": code})
        return out, (200, 201), ("check-in again" if again else "check-in")
    raise ValueError(route)


async def worker(port, world, stats, seed, deadline):
    rng = random.Random(seed)
    conn = Conn(port)
    routes = [r for r, _ in MIX]
    weights = [w for _, w in MIX]
    while time.monotonic() < deadline:
        route = rng.choices(routes, weights)[0]
        start = time.perf_counter()
        try:
            got = await one(conn, world, stats, rng, route)
        except (ConnectionError, OSError, asyncio.IncompleteReadError) as e:
            stats.errors[(route, type(e).__name__)] += 1
            conn = Conn(port)
            continue
        if got is None:
            continue  # nothing left to write of this kind: draw again
        if len(got) == 3:
            route = got[2]
        (status, body), ok = got[0], got[1]
        stats.lat[route].append(time.perf_counter() - start)
        if status not in ok:
            stats.errors[(route, status)] += 1
            if sum(stats.errors.values()) <= 5:
                print("  unexpected %s %d: %s" % (route, status, body[:200]), file=sys.stderr)


async def sampler(pid, stats, deadline, every):
    t0 = time.monotonic()
    while time.monotonic() < deadline:
        stats.samples.append((time.monotonic() - t0, rss_kib(pid), sum(len(v) for v in stats.lat.values())))
        await asyncio.sleep(every)
    stats.samples.append((time.monotonic() - t0, rss_kib(pid), sum(len(v) for v in stats.lat.values())))


def setup(server, users):
    fair = first_fair_id(server)
    add_user(server, "organizer", "org@load.test", fair=fair)
    org_token = api_token(server, "org@load.test")
    org = Client(server, bearer=org_token)

    def page_all(path, key="items"):
        out, offset = [], 0
        while True:
            r = org.request("GET", "%s%slimit=100&offset=%d" % (path, "&" if "?" in path else "?", offset))
            assert r.status == 200, r.body
            items = r.json()[key]
            out += items
            if len(items) < 100:
                return out
            offset += 100

    listed = page_all("/api/v1/exhibitors?fair=%d" % fair)
    demo_exhibitors = [e["id"] for e in listed]
    provinces = sorted({e["province"] for e in listed})
    products = [p["id"] for p in page_all("/api/v1/products?fair=%d" % fair)]
    badges = []
    for kind in ("importer", "exhibitor"):
        badges += [p["badge_code"] for p in page_all("/api/v1/fairs/%d/participants?kind=%s" % (fair, kind))]
    random.Random(7).shuffle(badges)

    def user(role, n):
        email = "%s%d@load.test" % (role, n)
        add_user(server, role, email)
        tok = api_token(server, email)
        c = Client(server, bearer=tok)
        if role == "importer":
            body = {"fair_id": fair, "name": "Load Buyer %d" % n, "country": "DE", "buyer_type": "wholesaler",
                    "categories": ["ceramics.tableware", "textiles.silk"], "price_tier": "mid",
                    "annual_budget": {"amount": 200000, "currency": "EUR"}, "languages": ["de", "en"]}
        else:
            body = {"fair_id": fair, "name": "Xưởng thử tải %d" % n, "tax_code": "08%08d" % n, "province": "ha-noi",
                    "categories": ["ceramics.tableware"], "price_tier": "mid"}
        r = c.request("POST", "/api/v1/%ss" % role, body)
        assert r.status == 201, r.body
        pid = r.json()["id"]
        r = org.request("POST", "/api/v1/fairs/%d/participants/%s/%d/decision" % (fair, role, pid),
                        {"decision": "approve"})
        assert r.status == 200, r.body
        return tok, pid

    importers = [user("importer", n) for n in range(users)]
    exhibitors = [user("exhibitor", n) for n in range(users)]
    w = World(fair, org_token, importers, exhibitors, demo_exhibitors, products, badges)
    w.provinces = provinces
    return w


def pct(values, p):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--users", type=int, default=32, help="importer users and exhibitor users (each)")
    ap.add_argument("--db", help="a seeded Hanoi-scale database to copy instead of seeding anew")
    ap.add_argument("--sample", type=float, default=10, help="seconds between RSS samples")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--server-args", default="", help="extra `fairmatch serve` options, e.g. \"--db-readers 4\"")
    args = ap.parse_args()

    server = ServerProcess(scale=None if args.db else "hanoi", extra_args=["--quiet"] + args.server_args.split())
    if args.db:
        shutil.copyfile(args.db, server.db)
    else:
        t = time.monotonic()
        server.seed()
        print("seeded a Hanoi-scale fair in %.1f s" % (time.monotonic() - t))
    server.start()
    try:
        world = setup(server, args.users)
        print("fair %d: %d exhibitors, %d products, %d badges; %d importer and %d exhibitor users" % (
            world.fair, len(world.demo_exhibitors), len(world.products), len(world.badges), len(world.importers),
            len(world.exhibitors)))
        pid = server.proc.pid
        stats = Stats()
        cpu0, client0 = cpu_seconds(pid), resource.getrusage(resource.RUSAGE_SELF)
        load0 = os.getloadavg()
        start = time.monotonic()
        deadline = start + args.seconds

        async def run():
            tasks = [worker(server.port, world, stats, 1000 + i, deadline) for i in range(args.connections)]
            tasks.append(sampler(pid, stats, deadline, args.sample))
            await asyncio.gather(*tasks)
        asyncio.run(run())
        elapsed = time.monotonic() - start
        cpu1, client1 = cpu_seconds(pid), resource.getrusage(resource.RUSAGE_SELF)
        load1 = os.getloadavg()
        alive = server.proc.poll() is None
        report(args, world, stats, elapsed, cpu1 - cpu0,
               (client1.ru_utime + client1.ru_stime) - (client0.ru_utime + client0.ru_stime), load0, load1, alive)
        if args.json:
            with open(args.json, "w") as f:
                json.dump({"routes": {r: {"n": len(v), "p50_ms": pct(v, 50) * 1e3, "p99_ms": pct(v, 99) * 1e3}
                                      for r, v in stats.lat.items()},
                           "errors": {"%s %s" % k: n for k, n in stats.errors.items()},
                           "rss_kib": [s[1] for s in stats.samples], "elapsed": elapsed}, f, indent=1)
        sys.exit(0 if not stats.errors and alive else 1)
    finally:
        server.stop()
        shutil.rmtree(server.dir, ignore_errors=True)


def report(args, world, stats, elapsed, server_cpu, client_cpu, load0, load1, alive):
    total = sum(len(v) for v in stats.lat.values())
    print("\n%d connections, %.0f s: %d requests, %.0f req/s; server CPU %.0f s (%.2f cores), client CPU %.0f s; "
          "load average %.2f -> %.2f (1 min); server alive: %s" % (
              args.connections, elapsed, total, total / elapsed, server_cpu, server_cpu / elapsed, client_cpu,
              load0[0], load1[0], alive))
    print("\n| route | requests | req/s | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for route in [r for r, _ in MIX] + ["check-in again"]:
        v = stats.lat.get(route, [])
        if route == "check-in again" and not v:
            continue
        print("| %s | %d | %.0f | %.1f | %.1f | %.1f |" % (route, len(v), len(v) / elapsed, pct(v, 50) * 1e3,
                                                            pct(v, 99) * 1e3, (max(v) if v else 0) * 1e3))
    print("\nwrites: %d check-ins (%d badges); %d pairs open at the end; %d requests still waiting for an answer "
          "from exhibitor users" % (world.next_badge, len(world.badges), len(world.open_pairs),
                                    sum(len(q) for q in world.pending.values())))
    print("errors: %s" % (dict(stats.errors) if stats.errors else "none"))
    print("\nRSS every %.0f s (MiB): %s" % (args.sample, " ".join("%.0f" % (s[1] / 1024) for s in stats.samples)))
    if len(stats.samples) >= 3:
        first = stats.samples[1][1]  # after warm-up
        last = stats.samples[-1][1]
        print("RSS from the first sample after warm-up to the end: %+.1f MiB" % ((last - first) / 1024))


if __name__ == "__main__":
    main()
