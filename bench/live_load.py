#!/usr/bin/env python3
"""Live-feed load (issue 7): N organizer dashboards connected to one fair's
WebSocket feed while deals are recorded at R events a second for S seconds.
Reports the delivery latency (request sent -> event received, so an upper
bound), whether every client got every event in order, and the server's
memory per connected client. Starts its own server on loopback.

By default the clients are the compiled build/bench/live_load (one thread
reading all sockets, one recording deals); --client python reads them from
this Python process instead (much slower: its own latency dominates).

Usage: bench/live_load.py [--clients 1000] [--rate 200] [--seconds 60] [--client cpp|python]
"""
import argparse
import base64
import json
import os
import selectors
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
from harness import BIN, Client, ServerProcess, add_user, api_token  # noqa: E402

LOAD_BIN = os.environ.get("LIVE_LOAD_BIN") or os.path.join(os.path.dirname(BIN), "bench", "live_load")


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Feed:
    """A non-blocking WebSocket reader (server frames are unmasked text)."""

    def __init__(self, port, fair, token):
        self.sock = socket.create_connection(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        req = ("GET /api/v1/fairs/%d/live HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n"
               "Authorization: Bearer %s\r\nOrigin: http://127.0.0.1:%d\r\n\r\n" % (fair, port, key, token, port))
        self.sock.sendall(req.encode())
        buf = b""
        while b"\r\n\r\n" not in buf:
            buf += self.sock.recv(4096)
        head, self.buf = buf.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 101"), head[:80]
        self.sock.setblocking(False)
        self.events = []  # (deal_id, receive time)
        self.last_id = None
        self.in_order = True
        self.closed = False

    def pump(self):
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    self.closed = True
                    break
                self.buf += chunk
        except BlockingIOError:
            pass
        now = time.monotonic()
        while len(self.buf) >= 2:
            b0, b1 = self.buf[0], self.buf[1]
            n, off = b1 & 0x7F, 2
            if n == 126:
                if len(self.buf) < 4:
                    break
                n, off = struct.unpack("!H", self.buf[2:4])[0], 4
            elif n == 127:
                if len(self.buf) < 10:
                    break
                n, off = struct.unpack("!Q", self.buf[2:10])[0], 10
            if len(self.buf) < off + n:
                break
            payload, self.buf = self.buf[off:off + n], self.buf[off + n:]
            if b0 & 0x0F == 0x9:  # ping: answer with a masked pong
                mask = os.urandom(4)
                self.sock.send(bytes([0x8A, 0x80 | len(payload)]) + mask +
                               bytes(c ^ mask[i % 4] for i, c in enumerate(payload)))
                continue
            if b0 & 0x0F != 0x1:
                continue
            m = json.loads(payload)
            if m.get("type") == "deal":
                if self.last_id is not None and m["id"] != self.last_id + 1:
                    self.in_order = False
                self.last_id = m["id"]
                self.events.append((m["deal_id"], now))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=1000)
    ap.add_argument("--rate", type=int, default=200)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--client", choices=("cpp", "python"), default="cpp")
    args = ap.parse_args()

    server = ServerProcess(scale=None, extra_args=["--quiet", "--max-connections", str(args.clients + 200)])
    server.seed()
    server.start()
    try:
        add_user(server, "organizer", "bench@live.test")
        token = api_token(server, "bench@live.test")
        org = Client(server, bearer=token)
        fair = org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ tải", "name_en": "Load fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        for kind, text in (("exhibitors", "email,name,tax_code,province,categories,price_tier\n"
                                          "seller@live.test,Xưởng gốm,0400000001,ha-noi,ceramics.tableware,mid\n"),
                           ("importers", "email,name,country,buyer_type,categories,price_tier,annual_budget_amount,"
                                         "annual_budget_currency,languages\n"
                                         "buyer@live.test,Buyer,DE,wholesaler,ceramics.tableware,mid,1,USD,de\n")):
            org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=false" % (fair, kind), text.encode(),
                        {"Content-Type": "text/csv"})
        seller = Client(server, bearer=api_token(server, "seller@live.test"))
        buyer_id = Client(server, bearer=api_token(server, "buyer@live.test")).request(
            "GET", "/api/v1/me").json()["profiles"][0]["id"]

        if args.client == "cpp":
            r = subprocess.run([LOAD_BIN, "--port", str(server.port), "--fair", str(fair), "--token", token,
                                "--seller-token", seller.bearer, "--buyer-id", str(buyer_id),
                                "--server-pid", str(server.proc.pid), "--clients", str(args.clients),
                                "--rate", str(args.rate), "--seconds", str(args.seconds)])
            sys.exit(r.returncode)
        rss_before = rss_kb(server.proc.pid)
        feeds = [Feed(server.port, fair, token) for _ in range(args.clients)]
        sel = selectors.DefaultSelector()
        for f in feeds:
            sel.register(f.sock, selectors.EVENT_READ, f)
        time.sleep(1.0)
        for key, _ in sel.select(timeout=0.1):
            key.data.pump()
        rss_connected = rss_kb(server.proc.pid)

        sent = {}
        stop = threading.Event()

        def produce():
            conn = server.connection()
            total = args.rate * args.seconds
            start = time.monotonic()
            for i in range(total):
                target = start + i / args.rate
                delay = target - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                t0 = time.monotonic()
                r = seller.request("POST", "/api/v1/fairs/%d/deals" % fair, {
                    "counterpart_id": buyer_id, "kind": "negotiation", "value": {"amount": 100 + i, "currency": "USD"}},
                    headers={"Connection": "keep-alive"})
                if r.status == 201:
                    sent[r.json()["id"]] = t0
            stop.set()

        producer = threading.Thread(target=produce)
        producer.start()
        while not stop.is_set():
            for key, _ in sel.select(timeout=0.05):
                key.data.pump()
        end = time.monotonic() + 5
        while time.monotonic() < end:
            for key, _ in sel.select(timeout=0.05):
                key.data.pump()
        producer.join()
        rss_after = rss_kb(server.proc.pid)

        latencies = []
        complete = 0
        for f in feeds:
            got = {d for d, _ in f.events}
            if got >= set(sent) and f.in_order and not f.closed:
                complete += 1
            latencies += [(t - sent[d]) * 1000 for d, t in f.events if d in sent]
        latencies.sort()

        def pct(p):
            return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] if latencies else float("nan")

        print("clients %d, events %d in %d s (%.0f/s), deliveries %d" % (
            args.clients, len(sent), args.seconds, len(sent) / args.seconds, len(latencies)))
        print("delivery latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f" % (pct(50), pct(95), pct(99), pct(100)))
        print("clients that got every event, in order: %d of %d" % (complete, args.clients))
        print("server RSS: %d MB before, %d MB with clients connected (%.1f KB per client), %d MB at the end" % (
            rss_before // 1024, rss_connected // 1024, (rss_connected - rss_before) / args.clients, rss_after // 1024))
        for f in feeds:
            f.sock.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
