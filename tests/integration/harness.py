"""A real fairmatch server on a loopback port chosen by the OS, for tests.

ServerProcess runs `fairmatch demo` (optional) and `fairmatch serve --port 0`
on a fresh SQLite file in a temporary directory, reads the port from the
first stdout line, and talks to it over real HTTP (http.client) or raw
sockets. Nothing here imitates the server.
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

BIN = os.environ.get("FAIRMATCH_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "fairmatch")
SOURCE_DIR = os.environ.get("FAIRMATCH_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class ServerProcess:
    def __init__(self, scale="small", extra_args=(), web_root=None):
        self.dir = tempfile.mkdtemp(prefix="fairmatch-it-")
        self.db = os.path.join(self.dir, "fair.db")
        self.scale = scale
        self.extra_args = list(extra_args)
        self.web_root = web_root or os.path.join(SOURCE_DIR, "web")
        self.proc = None
        self.port = None
        self.stderr_path = os.path.join(self.dir, "server.log")

    def seed(self):
        if self.scale:
            subprocess.run([BIN, "demo", "--db", self.db, "--scale", self.scale],
                           check=True, capture_output=True, timeout=300)

    def start(self):
        self._stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen(
            [BIN, "serve", "--db", self.db, "--port", "0", "--web-root", self.web_root] + self.extra_args,
            stdout=subprocess.PIPE, stderr=self._stderr)
        line = self.proc.stdout.readline().decode().strip()
        if not line.startswith("listening on http://"):
            raise RuntimeError("server did not start: %r\n%s" % (line, self.log()))
        self.port = int(line.rsplit(":", 1)[1])
        return self

    def __enter__(self):
        self.seed()
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stdout:
            self.proc.stdout.close()
        if hasattr(self, "_stderr"):
            self._stderr.close()
        return self.proc.returncode if self.proc else None

    def log(self):
        try:
            with open(self.stderr_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        own = conn is None
        conn = conn or self.connection()
        hdrs = dict(headers or {})
        data = body
        if isinstance(body, (dict, list)):
            data = json.dumps(body).encode("utf-8")
            hdrs.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            data = body.encode("utf-8")
        conn.request(method, path, body=data, headers=hdrs)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        if own:
            conn.close()
        return resp

    def raw(self, data, timeout=10, read_all=True):
        """Sends raw bytes on a new socket; returns what came back until close."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        try:
            s.sendall(data)
            chunks = []
            while True:
                try:
                    c = s.recv(65536)
                except socket.timeout:
                    break
                if not c:
                    break
                chunks.append(c)
                if not read_all:
                    break
            return b"".join(chunks)
        finally:
            s.close()


def first_fair_id(server):
    return server.request("GET", "/api/v1/fairs").json()["items"][0]["id"]
