"""Protocol-level attacks on a real server (issue 8): path traversal on static
files and photos, oversized and very slow requests, a flood of connections
beyond --max-connections, a WebSocket message flood on the live feed."""
import os
import shutil
import socket
import struct
import tempfile
import threading
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token
from wsclient import WebSocket

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
MAX_CONNECTIONS = 16


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def status_of(raw):
    parts = raw.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[0].startswith(b"HTTP/") else None


class ProtocolAttackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # A web root of our own, with a symlink pointing out of it.
        cls.web = tempfile.mkdtemp(prefix="fairmatch-web-")
        os.makedirs(os.path.join(cls.web, "js"))
        with open(os.path.join(cls.web, "index.html"), "w") as f:
            f.write("<!doctype html><title>ok</title>")
        with open(os.path.join(cls.web, "js", "app.js"), "w") as f:
            f.write("export {};")
        with open(os.path.join(cls.web, ".env"), "w") as f:
            f.write("SECRET=1")
        for name, target in (("leak.txt", "/etc/passwd"), ("up", "/etc")):
            p = os.path.join(cls.web, name)
            if not os.path.lexists(p):
                os.symlink(target, p)
        cls.server = ServerProcess(scale=None, web_root=cls.web, extra_args=[
            "--read-timeout", "2", "--max-connections", str(MAX_CONNECTIONS)]).__enter__()
        add_user(cls.server, "organizer", "org@proto-attack.test")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "org@proto-attack.test"))
        r = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ", "name_en": "Fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"})
        assert r.status == 201, r.body
        cls.fair = r.json()["id"]
        r = cls.org.request("POST", "/api/v1/exhibitors", {
            "fair_id": cls.fair, "name": "Gốm Chu Đậu", "tax_code": "0803333333", "province": "hai-phong",
            "categories": ["ceramics.ornaments"], "price_tier": "premium"})
        assert r.status == 201, r.body
        r = cls.org.request("POST", "/api/v1/exhibitors/%d/products" % r.json()["id"], {
            "name_vi": "Bình", "category": "ceramics.tableware", "fob_price_min": 1, "fob_price_max": 2})
        assert r.status == 201, r.body
        cls.product = r.json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)
        shutil.rmtree(cls.web, ignore_errors=True)  # removes the symlinks, not what they point at

    def get_raw(self, target, extra=b""):
        return self.server.raw(b"GET " + target.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                               extra + b"\r\n")

    def assertServing(self):
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    # --- Traversal ---------------------------------------------------------------

    def test_traversal_on_static_files(self):
        self.assertEqual(status_of(self.get_raw("/js/app.js")), 200)
        for target in ["/../../etc/passwd", "/js/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                       "/%252e%252e/%252e%252e/etc/passwd", "/js/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
                       "/..%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5c..%5cetc%5cpasswd", "/js\\..\\..\\etc\\passwd",
                       "/%00/etc/passwd", "/index.html%00.js", "/.env", "/%2eenv", "/js/./../.env",
                       "/leak.txt", "/up/passwd", "/up/", "//etc/passwd", "/%2fetc%2fpasswd",
                       "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/" + "../" * 40 + "etc/passwd",
                       "/proc/self/environ", "/" + "a/" * 2000]:
            raw = self.get_raw(target)
            self.assertIn(status_of(raw), (400, 404, 414, 431), (target, raw[:100]))
            self.assertNotIn(b"root:", raw, target)
            self.assertNotIn(b"SECRET", raw, target)
        self.assertServing()

    def test_traversal_on_photos(self):
        # The server names stored photos itself: nothing in the request reaches the file system.
        r = self.org.request("POST", "/api/v1/products/%d/photos" % self.product, PNG, {
            "Content-Type": "image/png", "Content-Disposition": 'attachment; filename="../../../../tmp/evil.png"',
            "X-File-Name": "../../evil.png"})
        self.assertEqual(r.status, 201, r.body)
        photo = r.json()["id"]
        self.assertEqual(self.server.request("GET", "/api/v1/photos/%d" % photo).body, PNG)
        written = []
        for root, _, files in os.walk(self.server.dir):
            written += [os.path.relpath(os.path.join(root, f), self.server.dir) for f in files]
        for f in written:
            self.assertTrue(f.startswith("photos/") or f.startswith("fair.db") or f == "server.log", f)
        self.assertFalse(os.path.exists("/tmp/evil.png"))
        photo_files = [f for f in written if f.startswith("photos/")]
        self.assertEqual(len(photo_files), 1)
        self.assertNotIn("evil", photo_files[0])
        for target in ["/api/v1/photos/../../fair.db", "/api/v1/photos/..%2f..%2ffair.db",
                       "/api/v1/photos/%2e%2e%2ffair.db", "/api/v1/photos/1%2f..%2f..%2ffair.db",
                       "/api/v1/photos/-1", "/api/v1/photos/0", "/api/v1/photos/1.png", "/api/v1/photos/1%00",
                       "/api/v1/photos/99999999999999999999999", "/api/v1/photos/0x1", "/api/v1/photos/1;rm",
                       "/api/v1/photos/" + photo_files[0].split("/")[1], "/photos/" + photo_files[0].split("/")[1],
                       "/api/v1/products/../../fair.db"]:
            raw = self.get_raw(target)
            self.assertIn(status_of(raw), (400, 404), (target, raw[:100]))
            self.assertNotIn(b"SQLite format", raw, target)
        # A photo upload whose bytes are not what it claims, or a script as a "photo", is refused.
        for ctype, body in (("image/png", b"<script>alert(1)</script>"), ("text/html", b"<html>"),
                            ("image/svg+xml", b"<svg onload=alert(1)>"), ("image/jpeg", PNG)):
            r = self.org.request("POST", "/api/v1/products/%d/photos" % self.product, body, {"Content-Type": ctype})
            self.assertIn(r.status, (415, 422), ctype)
        got = self.server.request("GET", "/api/v1/photos/%d" % photo)
        self.assertEqual(got.headers["x-content-type-options"], "nosniff")
        self.assertIn("sandbox", got.headers["content-security-policy"])

    # --- Oversized and slow -------------------------------------------------------

    def test_oversized_requests(self):
        # A JSON body over the limit, announced or chunked, and a photo over its own limit.
        big = b'{"name_vi":"' + b"x" * (1024 * 1024 + 10) + b'"}'
        r = self.org.request("POST", "/api/v1/fairs", big, {"Content-Type": "application/json"})
        self.assertEqual(r.status, 413)
        r = self.org.request("POST", "/api/v1/products/%d/photos" % self.product, PNG + b"\0" * (9 * 1024 * 1024),
                             {"Content-Type": "image/png"})
        self.assertEqual(r.status, 413)
        raw = self.server.raw(b"POST /api/v1/fairs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              b"Content-Length: 99999999999\r\n\r\n{")
        self.assertEqual(status_of(raw), 413, raw[:80])
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST /api/v1/fairs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        answer = b""
        try:
            for _ in range(40):
                s.sendall(b"10000\r\n" + b"x" * 0x10000 + b"\r\n")
        except OSError:
            pass
        try:
            answer = s.recv(200)
        except OSError:
            pass
        s.close()
        self.assertTrue(answer == b"" or status_of(answer) == 413, answer[:80])
        # Headers: one huge, very many small, a huge request line.
        self.assertEqual(status_of(self.get_raw("/healthz", b"X-Big: " + b"a" * 40000 + b"\r\n")), 431)
        many = b"".join(b"X-H%d: v\r\n" % i for i in range(5000))
        self.assertIn(status_of(self.get_raw("/healthz", many)), (431, None))
        self.assertIn(status_of(self.get_raw("/healthz?" + "a" * 70000)), (414, 431, None))
        self.assertServing()

    def test_slow_request_is_closed_within_the_read_timeout(self):
        """Slowloris: headers trickled a byte at a time never finish in time; the
        server closes the connection (read timeout 2 s here) and serves others meanwhile."""
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        start = time.monotonic()
        closed_after = None
        served_meanwhile = 0
        while time.monotonic() - start < 8:
            try:
                s.sendall(b"X")  # one byte of a header name every 0.2 s
            except OSError:
                closed_after = time.monotonic() - start
                break
            s.settimeout(0.2)
            try:
                data = s.recv(100)
                if data == b"" or status_of(data) in (400, 408):
                    closed_after = time.monotonic() - start
                    break
            except socket.timeout:
                pass
            except OSError:
                closed_after = time.monotonic() - start
                break
            if self.server.request("GET", "/healthz").status == 200:
                served_meanwhile += 1
        s.close()
        self.assertIsNotNone(closed_after, "a trickling request must be closed")
        self.assertLess(closed_after, 5)
        self.assertGreater(served_meanwhile, 3)
        # A body trickled after complete headers is cut off too.
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 1000\r\n\r\n{")
        start = time.monotonic()
        s.settimeout(0.3)
        closed = False
        while time.monotonic() - start < 8 and not closed:
            try:
                s.sendall(b" ")
                data = s.recv(100)
                closed = data == b"" or status_of(data) in (400, 408)
            except socket.timeout:
                pass
            except OSError:
                closed = True
        s.close()
        self.assertTrue(closed)
        self.assertLess(time.monotonic() - start, 5)
        self.assertServing()

    def test_connection_flood_is_refused_cleanly_and_recovers(self):
        socks, answers = [], []
        for _ in range(MAX_CONNECTIONS * 4):
            s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
            socks.append(s)
        time.sleep(0.3)
        # Those over the cap get a 503 with Retry-After and are closed; those under it are held.
        refused = 0
        for s in socks:
            s.settimeout(0.2)
            try:
                data = s.recv(4096)
            except socket.timeout:
                continue
            except OSError:
                data = b""
            if data:
                answers.append(data)
                if status_of(data) == 503:
                    refused += 1
        self.assertGreaterEqual(refused, MAX_CONNECTIONS * 4 - MAX_CONNECTIONS - 2)
        self.assertTrue(all(b"retry-after" in a.lower() and b"problem+json" in a for a in answers))
        self.assertEqual(self.server.proc.poll(), None, "the server stays up")
        for s in socks:
            s.close()
        # Serves again once the flood is gone (closing frees the slots at once).
        deadline = time.monotonic() + 5
        ok = False
        while time.monotonic() < deadline and not ok:
            ok = self.server.request("GET", "/healthz").status == 200
            if not ok:
                time.sleep(0.1)
        self.assertTrue(ok)
        # Idle held connections time out (read timeout) and free their slots too.
        held = [socket.create_connection(("127.0.0.1", self.server.port), timeout=5) for _ in range(MAX_CONNECTIONS)]
        time.sleep(3)
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)
        for s in held:
            s.close()
        metrics = self.server.request("GET", "/metrics").body.decode()
        self.assertIn("fairmatch_open_connections", metrics)

    # --- WebSocket flood ----------------------------------------------------------

    def send_frame(self, ws, opcode, payload, mask=b"\x01\x02\x03\x04"):
        n = len(payload)
        header = bytes([0x80 | opcode])
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        # A fixed mask lets a pre-masked payload be reused (the server unmasks, as it must).
        ws.sock.sendall(header + mask + payload)

    @staticmethod
    def closed_by_server(ws, within=5):
        """True when the server closes the WebSocket (a close frame, EOF or a reset) within `within`
        seconds; a silent, open connection is False."""
        ws.sock.settimeout(within)
        try:
            while True:
                if ws.recv() is None:
                    return True
        except socket.timeout:
            return False
        except (OSError, ConnectionError):
            return True

    def test_websocket_message_flood(self):
        tok = api_token(self.server, "org@proto-attack.test")
        path = "/api/v1/fairs/%d/live" % self.fair
        hdr = {"Authorization": "Bearer " + tok}
        watcher = WebSocket(self.server.port, path, hdr)
        self.assertEqual(watcher.recv()["type"], "snapshot")
        pid = self.server.proc.pid
        before = rss_kib(pid)
        # 1) Thousands of small text messages: read and ignored; the server keeps answering.
        flooder = WebSocket(self.server.port, path, hdr)
        flooder.recv()
        masked = bytes(b ^ (1, 2, 3, 4)[i % 4] for i, b in enumerate(b'{"x":"' + b"y" * 900 + b'"}'))
        stop = threading.Event()

        def flood():
            try:
                while not stop.is_set():
                    self.send_frame(flooder, 0x1, masked)
            except OSError:
                pass
        t = threading.Thread(target=flood)
        t.start()
        latencies = []
        for _ in range(20):
            start = time.monotonic()
            self.assertEqual(self.server.request("GET", "/healthz").status, 200)
            latencies.append(time.monotonic() - start)
            time.sleep(0.1)
        stop.set()
        t.join()
        self.assertLess(max(latencies), 2.0, latencies)
        # 2) A message larger than the feed accepts: the server closes that client (1009), buffers nothing.
        big = WebSocket(self.server.port, path, hdr)
        big.recv()
        closed = False
        try:
            self.send_frame(big, 0x1, b"\0" * (8 * 1024 * 1024))
        except OSError:
            closed = True
        if not closed:
            closed = self.closed_by_server(big)
        self.assertTrue(closed, "an oversized message must close the connection")
        big.sock.close()
        # 3) Many half-sent frames: a 2^62-byte announced length is refused.
        huge = WebSocket(self.server.port, path, hdr)
        huge.recv()
        huge.sock.sendall(bytes([0x81, 0x80 | 127]) + struct.pack("!Q", 1 << 62) + b"\0\0\0\0" + b"a" * 100)
        self.assertTrue(self.closed_by_server(huge), "an impossible frame length must close the connection")
        huge.sock.close()
        flooder.sock.close()
        # The server is fine, memory did not grow with what was sent (tens of MB), the watcher still
        # receives events.
        time.sleep(0.5)
        after = rss_kib(pid)
        self.assertLess(after - before, 24 * 1024, (before, after))
        r = self.org.request("POST", "/api/v1/fairs/%d/halls" % self.fair, {
            "code": "F", "name_vi": "Nhà F", "name_en": "Hall F", "width": 10, "height": 10})
        self.assertEqual(r.status, 201, r.body)
        self.assertServing()
        watcher.close()


if __name__ == "__main__":
    unittest.main()
