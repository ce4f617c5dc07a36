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


class Client:
    """A user agent: keeps the session cookie and the CSRF token like the
    browser UI does, or sends a bearer token like a script."""

    def __init__(self, server, bearer=None):
        self.server = server
        self.cookie = None
        self.csrf = None
        self.bearer = bearer
        self.user = None

    def request(self, method, path, body=None, headers=None, csrf=True):
        hdrs = dict(headers or {})
        if self.cookie:
            hdrs["Cookie"] = "fm_session=" + self.cookie
        if self.csrf and csrf and method not in ("GET", "HEAD"):
            hdrs["X-CSRF-Token"] = self.csrf
        if self.bearer:
            hdrs["Authorization"] = "Bearer " + self.bearer
        r = self.server.request(method, path, body, hdrs)
        cookie = r.headers.get("set-cookie")
        if cookie and cookie.startswith("fm_session="):
            value = cookie.split(";", 1)[0].split("=", 1)[1]
            self.cookie = value or None
        if r.status in (200, 201) and r.headers.get("content-type", "").startswith("application/json"):
            body_json = r.json()
            if isinstance(body_json, dict) and "csrf_token" in body_json:
                self.csrf = body_json["csrf_token"]
                self.user = body_json.get("user", self.user)
        return r

    def login(self, email, password):
        r = self.request("POST", "/api/v1/auth/login", {"email": email, "password": password})
        if r.status != 200:
            raise AssertionError("login failed: %d %s" % (r.status, r.body))
        return self

    def register(self, email, password, role, name="Test user", language="vi"):
        r = self.request("POST", "/api/v1/auth/register",
                         {"email": email, "password": password, "display_name": name, "role": role,
                          "language": language})
        if r.status != 201:
            raise AssertionError("register failed: %d %s" % (r.status, r.body))
        return self


PASSWORD = "Lụa-Vạn-Phúc-2026"


def add_user(server, role, email, fair=None, password=PASSWORD):
    """Creates a user with the command line, as an operator would."""
    args = [BIN, "user", "add", "--db", server.db, "--role", role, "--email", email]
    if fair:
        args += ["--fair", str(fair)]
    subprocess.run(args, input=(password + "\n").encode(), check=True, capture_output=True, timeout=60)


def api_token(server, email):
    out = subprocess.run([BIN, "token", "create", "--db", server.db, "--email", email],
                         check=True, capture_output=True, timeout=60)
    return out.stdout.decode().strip()


def first_fair_id(server):
    return server.request("GET", "/api/v1/fairs").json()["items"][0]["id"]
