"""HTTP behaviour of the real server: errors as problem+json, limits,
routing, static files and traversal, operational endpoints."""
import json
import socket
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token


class ProtocolTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale="small", extra_args=["--read-timeout", "2"]).__enter__()
        add_user(cls.server, "organizer", "org@protocol.test")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "org@protocol.test"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def assertProblem(self, r, status):
        self.assertEqual(r.status, status, r.body)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        p = r.json()
        self.assertEqual(p["status"], status)
        self.assertIn("title", p)
        self.assertIn("type", p)
        return p

    def test_malformed_json(self):
        r = self.org.request("POST", "/api/v1/fairs", '{"name_vi": "x",', {"Content-Type": "application/json"})
        p = self.assertProblem(r, 400)
        self.assertEqual(p["type"], "/problems/malformed-json")

    def test_wrong_content_type(self):
        self.assertProblem(self.org.request("POST", "/api/v1/fairs", "name=x",
                                               {"Content-Type": "application/x-www-form-urlencoded"}), 415)

    def test_validation_lists_fields(self):
        p = self.assertProblem(self.org.request("POST", "/api/v1/fairs", {"name_vi": ""}), 422)
        fields = {e["field"] for e in p["errors"]}
        self.assertEqual(fields, {"name_vi", "name_en", "venue", "city", "start_date", "end_date"})

    def test_oversized_body(self):
        big = json.dumps({"name_vi": "x" * (2 * 1024 * 1024)})
        r = self.org.request("POST", "/api/v1/fairs", big, {"Content-Type": "application/json"})
        self.assertProblem(r, 413)

    def test_oversized_headers(self):
        raw = self.server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
        self.assertTrue(raw.startswith(b"HTTP/1.1 431"), raw[:80])
        self.assertIn(b"application/problem+json", raw)

    def test_unknown_route_and_method(self):
        self.assertProblem(self.server.request("GET", "/api/v1/nothing-here"), 404)
        r = self.server.request("DELETE", "/api/v1/fairs")
        self.assertProblem(r, 405)
        self.assertEqual(r.headers["allow"], "GET, HEAD, POST")
        r = self.server.request("PUT", "/index.html")
        self.assertProblem(r, 405)

    def test_unknown_ids_are_404(self):
        self.assertProblem(self.server.request("GET", "/api/v1/exhibitors/987654"), 404)
        self.assertProblem(self.server.request("GET", "/api/v1/exhibitors/abc"), 404)

    def test_bad_query_parameters(self):
        p = self.assertProblem(self.server.request("GET", "/api/v1/exhibitors?limit=0&offset=x"), 400)
        self.assertEqual({e["field"] for e in p["errors"]}, {"limit", "offset"})
        self.assertProblem(self.server.request("GET", "/api/v1/exhibitors?fair=abc"), 400)

    def test_path_traversal(self):
        for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/js/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
                       "//etc/passwd", "/%2fetc%2fpasswd", "/..%2f..%2fetc%2fpasswd", "/.git/config"]:
            raw = self.server.raw(("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % target).encode())
            status = raw.split(b" ", 2)[1]
            self.assertIn(status, (b"404", b"400"), target)
            self.assertNotIn(b"root:", raw)

    def test_static_files_and_headers(self):
        r = self.server.request("GET", "/")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.headers["content-type"].startswith("text/html"))
        csp = r.headers["content-security-policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertEqual(r.headers["x-content-type-options"], "nosniff")
        self.assertIn("referrer-policy", r.headers)
        etag = r.headers["etag"]
        again = self.server.request("GET", "/", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        head = self.server.request("HEAD", "/")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")
        self.assertEqual(head.headers["content-length"], str(len(r.body)))

    def test_keep_alive_serves_many_requests_on_one_connection(self):
        conn = self.server.connection()
        for _ in range(5):
            r = self.server.request("GET", "/healthz", conn=conn)
            self.assertEqual(r.status, 200)
        conn.close()

    def test_healthz_metrics_openapi(self):
        h = self.server.request("GET", "/healthz").json()
        self.assertEqual(h["status"], "ok")
        self.assertEqual(h["database"]["state"], "ok")
        self.assertGreaterEqual(h["database"]["schema_version"], 2)
        self.server.request("GET", "/api/v1/fairs")
        # A request is counted once its answer is written, which can come
        # just after the client has read it: wait a little for the count.
        counted = 'fairmatch_http_requests_total{route="fairs.list",status="200"}'
        deadline = time.monotonic() + 5
        while True:
            m = self.server.request("GET", "/metrics")
            text = m.body.decode()
            if counted in text or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self.assertTrue(m.headers["content-type"].startswith("text/plain"))
        self.assertIn(counted, text)
        self.assertIn("fairmatch_http_request_duration_seconds_bucket", text)
        self.assertIn("fairmatch_open_connections", text)
        self.assertIn("fairmatch_db_queue_depth", text)
        doc = self.server.request("GET", "/api/openapi.json").json()
        self.assertEqual(doc["openapi"], "3.1.0")
        self.assertIn("/api/v1/exhibitors/{id}", doc["paths"])

    def test_request_id_on_every_response(self):
        r = self.server.request("GET", "/api/v1/nothing")
        self.assertEqual(r.json()["request_id"], r.headers["x-request-id"])

    def test_slow_client_is_dropped(self):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # never finishes the headers
        start = time.monotonic()
        data = s.recv(100)
        elapsed = time.monotonic() - start
        s.close()
        self.assertEqual(data, b"")
        self.assertLess(elapsed, 8, "the read timeout (2 s here) must close a stalled connection")
        # And the server still answers others.
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_garbage_is_a_bad_request(self):
        raw = self.server.raw(b"THIS IS NOT HTTP\r\n\r\n")
        self.assertTrue(raw == b"" or raw.startswith(b"HTTP/1.1 400"), raw[:60])


if __name__ == "__main__":
    unittest.main()
