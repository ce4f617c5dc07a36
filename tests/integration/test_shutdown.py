"""Graceful shutdown: a request in flight when SIGTERM arrives is answered
and saved; new connections are refused; the process exits cleanly and the
database is consistent afterwards."""
import json
import os
import signal
import socket
import sqlite3
import time
import unittest

from harness import ServerProcess, add_user, api_token, first_fair_id


class ShutdownTest(unittest.TestCase):
    def test_in_flight_request_finishes(self):
        with ServerProcess(scale="small") as server:
            add_user(server, "organizer", "org@shutdown.test")
            token = api_token(server, "org@shutdown.test")
            body = json.dumps({"name_vi": "Hội chợ mùa xuân", "name_en": "Spring fair", "venue": "Giảng Võ",
                               "city": "Hà Nội", "start_date": "2027-03-01", "end_date": "2027-03-04"}).encode()
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            head = ("POST /api/v1/fairs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Authorization: Bearer %s\r\nContent-Length: %d\r\n\r\n" % (token, len(body))).encode()
            s.sendall(head + body[:10])  # the request has started
            time.sleep(0.3)
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.3)
            # New connections are no longer accepted.
            with self.assertRaises(OSError):
                c = socket.create_connection(("127.0.0.1", server.port), timeout=2)
                c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                if c.recv(100) == b"":
                    raise ConnectionRefusedError("closed")
            s.sendall(body[10:])
            answer = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                answer += chunk
            s.close()
            self.assertTrue(answer.startswith(b"HTTP/1.1 201"), answer[:200])
            self.assertIn(b"Connection: close", answer)
            self.assertEqual(server.proc.wait(timeout=20), 0, server.log())
            log = server.log()
            self.assertIn("shutting down", log)
            self.assertIn("database closed", log)
            db = sqlite3.connect(server.db)
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            names = [r[0] for r in db.execute("SELECT name_en FROM fairs")]
            db.close()
            self.assertIn("Spring fair", names)
            self.assertFalse(os.path.exists(server.db + "-wal") and os.path.getsize(server.db + "-wal") > 0,
                             "the WAL is checkpointed on a clean close")

    def test_idle_connections_do_not_hold_shutdown(self):
        with ServerProcess(scale=None) as server:
            idle = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            idle.recv(65536)  # keep-alive: the connection stays open
            start = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            self.assertEqual(server.proc.wait(timeout=20), 0)
            self.assertLess(time.monotonic() - start, 5)
            idle.close()


if __name__ == "__main__":
    unittest.main()
