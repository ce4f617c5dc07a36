"""The live feed over a real WebSocket: refused without auth or from a
foreign Origin; a snapshot then deltas; check-in is idempotent; resume after
reconnecting misses nothing; a client too slow to read is dropped while the
others keep receiving."""
import socket
import threading
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token
from wsclient import HandshakeRefused, WebSocket

PARTICIPANTS = 600


class LiveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None, extra_args=["--live-queue", "20"]).__enter__()
        add_user(cls.server, "organizer", "live@fair.vn")
        cls.token = api_token(cls.server, "live@fair.vn")
        cls.org = Client(cls.server, bearer=cls.token)
        cls.fair = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ trực tiếp", "name_en": "Live fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        rows = ["email,name,country,buyer_type,categories,price_tier,annual_budget_amount,annual_budget_currency,languages"]
        countries = ["DE", "FR", "JP", "US", "KR"]
        for i in range(PARTICIPANTS):
            rows.append("b%03d@live.test,Buyer %d,%s,wholesaler,ceramics.tableware,mid,1000,USD,en"
                        % (i, i, countries[i % 5]))
        r = cls.org.request("POST", "/api/v1/fairs/%d/imports/importers?dry_run=false" % cls.fair,
                            ("\n".join(rows) + "\n").encode(), {"Content-Type": "text/csv"})
        assert r.status == 201, r.body
        cls.badges = []
        offset = 0
        while True:
            page = cls.org.request("GET", "/api/v1/fairs/%d/participants?kind=importer&limit=100&offset=%d"
                                   % (cls.fair, offset)).json()
            cls.badges += [p["badge_code"] for p in page["items"]]
            offset += 100
            if offset >= page["total"]:
                break
        cls.next_badge = 0

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def feed(self, query="", **kw):
        headers = {"Authorization": "Bearer " + self.token, "Origin": "http://127.0.0.1:%d" % self.server.port}
        headers.update(kw.pop("headers", {}))
        return WebSocket(self.server.port, "/api/v1/fairs/%d/live%s" % (self.fair, query), headers, **kw)

    def check_in(self):
        code = self.badges[self.next_badge]
        type(self).next_badge += 1
        r = self.org.request("POST", "/api/v1/fairs/%d/check-ins" % self.fair, {"badge_code": code})
        self.assertEqual(r.status, 201, r.body)
        return code

    def test_a_refusals(self):
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/live" % self.fair)
        self.assertEqual(e.exception.status, 401)
        with self.assertRaises(HandshakeRefused) as e:
            self.feed(headers={"Origin": "http://evil.example"})
        self.assertEqual(e.exception.status, 403)
        exhibitor = Client(self.server).register("ex@live.test", "Not-an-organizer-1", "exhibitor")
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/live" % self.fair,
                      {"Cookie": "fm_session=" + exhibitor.cookie})
        self.assertEqual(e.exception.status, 403)
        plain = self.server.request("GET", "/api/v1/fairs/%d/live" % self.fair,
                                    headers={"Authorization": "Bearer " + self.token})
        self.assertEqual(plain.status, 426)

    def test_b_snapshot_then_deltas_and_idempotent_check_in(self):
        ws = self.feed()
        snap = ws.recv()
        self.assertEqual(snap["type"], "snapshot")
        self.assertEqual(snap["participants"]["importers"], PARTICIPANTS)
        before = snap["check_ins"]["total"]
        code = self.check_in()
        event = ws.recv()
        self.assertEqual(event["type"], "check_in")
        self.assertGreater(event["id"], snap["last_event_id"])
        self.assertIn(event["country"], ["DE", "FR", "JP", "US", "KR"])
        again = self.org.request("POST", "/api/v1/fairs/%d/check-ins" % self.fair, {"badge_code": code})
        self.assertEqual(again.status, 200)
        self.assertFalse(again.json()["first"])
        self.check_in()
        nxt = ws.recv()
        self.assertEqual(nxt["id"], event["id"] + 1, "the repeated check-in made no event")
        ws.close()
        fresh = self.feed()
        self.assertEqual(fresh.recv()["check_ins"]["total"], before + 2)
        fresh.close()
        self.assertEqual(self.org.request("POST", "/api/v1/fairs/%d/check-ins" % self.fair,
                                          {"badge_code": "nope"}).status, 404)

    def test_c_resume_after_reconnect(self):
        ws = self.feed()
        last = ws.recv()["last_event_id"]
        ws.close()
        for _ in range(3):
            self.check_in()
        ws = self.feed("?last_event_id=%d" % last)
        self.assertEqual(ws.recv()["type"], "resume")
        ids = [ws.recv()["id"] for _ in range(3)]
        self.assertEqual(ids, [last + 1, last + 2, last + 3])
        self.check_in()
        self.assertEqual(ws.recv()["id"], last + 4)
        ws.close()

    def test_d_slow_client_is_dropped_others_get_everything(self):
        slow = self.feed(rcvbuf=4096)
        good = self.feed()
        start = good.recv()["last_event_id"]
        received = []

        def read_good():
            while len(received) < 400:
                m = good.recv()
                if m is None:
                    return
                received.append(m["id"])

        reader = threading.Thread(target=read_good)
        reader.start()
        for _ in range(400):
            self.check_in()
        reader.join(timeout=60)
        self.assertEqual(received, list(range(start + 1, start + 401)), "the reading client missed nothing")
        # The slow one was cut off: reading what it has ends with the connection closed.
        slow.sock.settimeout(10)
        closed = False
        deadline = time.monotonic() + 20
        try:
            while time.monotonic() < deadline:
                if slow.recv() is None:
                    closed = True
                    break
        except socket.timeout:
            pass  # still open and silent: not what we want
        except (ConnectionError, OSError):
            closed = True
        slow.sock.close()
        good.close()
        self.assertTrue(closed, "a client that does not read is disconnected")
        self.assertTrue("fell too far behind" in self.server.log(), "the server says why it dropped the client")


if __name__ == "__main__":
    unittest.main()
