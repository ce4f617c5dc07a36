"""The live timer over a real server (ticking every second): a reminder
"next meeting in 10 minutes" reaches both sides once, and a restart does not
send it again; a meeting left without an outcome is flagged unconfirmed only
after the fair's grace period (organizer setting), shows in the organizers'
list, feed and snapshot, and leaves the list once its outcome is recorded."""
import socket
import sqlite3
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token
from live_world import World
from wsclient import WebSocket


def quiet(ws, seconds):
    ws.sock.settimeout(seconds)
    try:
        return ws.recv()
    except socket.timeout:
        return None
    finally:
        ws.sock.settimeout(10)


class LiveTimerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None, extra_args=["--live-tick", "1"]).__enter__()
        add_user(cls.server, "organizer", "timer@fair.vn")
        cls.org_token = api_token(cls.server, "timer@fair.vn")
        cls.org = Client(cls.server, bearer=cls.org_token)

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def sql(self, query, *args):
        db = sqlite3.connect(self.server.db)
        try:
            rows = db.execute(query, args).fetchall()
            db.commit()
            return rows
        finally:
            db.close()

    def test_a_reminder_once_even_across_a_restart(self):
        w = World(self.server, self.org, "rm", [("i1", "e1"), ("i2", "e2")])
        m, other = w.meeting("i1", "e1"), w.meeting("i2", "e2")
        # The second meeting is far off: no reminder for it.
        self.sql("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?", int(time.time()) + 3600,
                 int(time.time()) + 4500, other)
        feeds = {who: w.feed(who) for who in ("i1", "e1", "i2")}
        for ws in feeds.values():
            ws.recv()
        self.assertIsNone(quiet(feeds["i1"], 2.5), "nothing due yet")
        start = int(time.time()) + 300
        self.sql("UPDATE meetings SET starts_at = ?, ends_at = ?, location = 'Table 3' WHERE id = ?",
                 start, start + 900, m)
        got = {}
        for who in ("i1", "e1"):
            msg = feeds[who].recv()
            self.assertEqual(msg["type"], "next_meeting")
            self.assertEqual(msg["meeting_id"], m)
            self.assertEqual(msg["location"], "Table 3")
            self.assertTrue(4 <= msg["minutes"] <= 5, msg)
            got[who] = msg
        self.assertEqual(got["i1"]["counterpart"]["name"], w.names["e1"])
        self.assertEqual(got["e1"]["counterpart"]["name"], w.names["i1"])
        self.assertIsNone(quiet(feeds["i1"], 2.5), "sent once")
        self.assertIsNone(quiet(feeds["i2"], 0.5), "not to others")
        for ws in feeds.values():
            ws.close()
        # A restart: the timer starts over, finds the reminder stored, sends nothing new.
        self.server.stop()
        self.server.start()
        ws = w.feed("i1", "?last_event_id=%d" % got["i1"]["id"])
        self.assertEqual(ws.recv()["type"], "resume")
        self.assertIsNone(quiet(ws, 3), "no second reminder after the restart")
        ws.close()
        count = self.sql("SELECT count(*) FROM notifications WHERE type = 'next_meeting' AND fair_id = ?", w.fair)
        self.assertEqual(count[0][0], 2, "one per side")

    def test_b_unconfirmed_after_the_grace_period(self):
        w = World(self.server, self.org, "uc", [("i1", "e1")])
        m = w.meeting("i1", "e1")
        org = WebSocket(self.server.port, "/api/v1/fairs/%d/live" % w.fair,
                        {"Authorization": "Bearer " + self.org_token})
        self.assertEqual(org.recv()["meetings"]["unconfirmed"], 0)
        settings = "/api/v1/fairs/%d/live-settings" % w.fair
        self.assertEqual(self.org.request("GET", settings).json()["unconfirmed_after_minutes"], 30)
        now = int(time.time())
        self.sql("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?", now - 1500, now - 600, m)
        # Ended 10 minutes ago: within the default 30 minutes, not flagged.
        self.assertIsNone(quiet(org, 2.5))
        listed = "/api/v1/fairs/%d/unconfirmed-meetings" % w.fair
        self.assertEqual(self.org.request("GET", listed).json()["items"], [])
        self.assertEqual(self.org.request("PUT", settings, {"unconfirmed_after_minutes": 5000}).status, 422)
        self.assertEqual(self.org.request("PUT", settings, {"unconfirmed_after_minutes": 5}).status, 200)
        msg = org.recv()
        self.assertEqual((msg["type"], msg["meeting_id"]), ("meeting_unconfirmed", m))
        self.assertEqual(msg["importer"]["id"], w.ids["i1"])
        items = self.org.request("GET", listed).json()["items"]
        self.assertEqual([(i["id"], i["flag"]) for i in items], [(m, "unconfirmed")])
        all_meetings = self.org.request("GET", "/api/v1/fairs/%d/meetings" % w.fair).json()["items"]
        self.assertEqual({i["id"]: i["flag"] for i in all_meetings}, {m: "unconfirmed"}, "the organizers' list says so")
        self.assertIsNone(quiet(org, 2), "flagged once")
        org.close()
        org = WebSocket(self.server.port, "/api/v1/fairs/%d/live" % w.fair,
                        {"Authorization": "Bearer " + self.org_token})
        snap = org.recv()
        self.assertEqual(snap["meetings"]["unconfirmed"], 1)
        self.assertEqual(sum(n.get("unconfirmed", 0) for n in snap["meetings"]["by_slot"].values()), 1)
        org.close()
        r = w.clients["i1"].request("POST", "/api/v1/meetings/%d/outcome" % m, {"outcome": "held"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(self.org.request("GET", listed).json()["items"], [])
        all_meetings = self.org.request("GET", "/api/v1/fairs/%d/meetings" % w.fair).json()["items"]
        self.assertEqual([i["flag"] for i in all_meetings], [None])


if __name__ == "__main__":
    unittest.main()
