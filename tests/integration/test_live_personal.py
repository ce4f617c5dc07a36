"""Participants' own live feed over real WebSockets: a no-show repairs the
published schedule at once and tells exactly the people concerned (the
counterpart whose meeting moved gets schedule_changed, an unaffected
participant nothing); refusals (another fair, the organizers' feed, no
session, a foreign Origin); resume after reconnecting; an organizer's
absence and a participant's own late arrival notify the same way."""
import datetime
import socket
import sqlite3
import unittest

from harness import Client, ServerProcess, add_user, api_token
from live_world import World
from wsclient import HandshakeRefused, WebSocket


def quiet(ws, seconds=1.5):
    """The next message within `seconds`, or None when nothing came."""
    ws.sock.settimeout(seconds)
    try:
        return ws.recv()
    except socket.timeout:
        return None
    finally:
        ws.sock.settimeout(10)


class PersonalFeedTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The live timer is off here: no reminder mixes with the messages under test.
        cls.server = ServerProcess(scale=None, extra_args=["--live-tick", "0"]).__enter__()
        add_user(cls.server, "organizer", "me-live@fair.vn")
        cls.org_token = api_token(cls.server, "me-live@fair.vn")
        cls.org = Client(cls.server, bearer=cls.org_token)

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def org_feed(self, fair):
        return WebSocket(self.server.port, "/api/v1/fairs/%d/live" % fair,
                         {"Authorization": "Bearer " + self.org_token, "Origin": "http://127.0.0.1:%d" % self.server.port})

    def test_no_show_repairs_and_notifies_the_people_concerned(self):
        w = World(self.server, self.org, "ns", [("i1", "e1"), ("i1", "e2"), ("i2", "e1")])
        held, later, other = w.meeting("i1", "e1"), w.meeting("i1", "e2"), w.meeting("i2", "e1")
        # i1 meets e1 in the slot that is over, e2 in one to come; i2 meets e1 last.
        w.place({held: (0, 1), later: (2, 1), other: (3, 1)})
        feeds = {who: w.feed(who) for who in ("e2", "i2", "i1")}
        for who, ws in feeds.items():
            snap = ws.recv()
            self.assertEqual(snap["type"], "snapshot")
            self.assertEqual(snap["participant"]["id"], w.ids[who])
            self.assertEqual(snap["last_event_id"], 0)
        org = self.org_feed(w.fair)
        self.assertEqual(org.recv()["type"], "snapshot")

        r = w.clients["e1"].request("POST", "/api/v1/meetings/%d/outcome" % held, {"outcome": "no_show"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["absent_side"], "importer")
        repair = r.json()["repair"]
        self.assertEqual(repair["status"], "repaired", repair)
        self.assertEqual([c["meeting_id"] for c in repair["changes"]], [later])

        # The counterpart whose meeting moved is told at once, with old and new time and place.
        msg = feeds["e2"].recv()
        self.assertEqual(msg["type"], "schedule_changed")
        self.assertEqual(msg["meeting_id"], later)
        self.assertEqual(msg["cause"], "no_show")
        self.assertEqual(msg["counterpart"], {"kind": "importer", "id": w.ids["i1"], "name": w.names["i1"]})
        before = datetime.datetime.fromisoformat(msg["before"]["start"].replace("Z", "+00:00")).timestamp()
        after = datetime.datetime.fromisoformat(msg["after"]["start"].replace("Z", "+00:00")).timestamp()
        self.assertEqual(before, w.slots[2])
        self.assertGreaterEqual(after, w.slots[0] + 86400, "moved to the next day, after i1's absence")
        mine = w.clients["e2"].request("GET", "/api/v1/me/schedule?fair=%d" % w.fair).json()["items"]
        self.assertEqual([m["start"] for m in mine if m["id"] == later], [msg["after"]["start"]])
        self.assertIsNone(quiet(feeds["e2"]), "one notification per affected participant")
        # The absent importer hears of the no-show and of its own moved meeting.
        first, second = feeds["i1"].recv(), feeds["i1"].recv()
        self.assertEqual((first["type"], first["you_absent"]), ("no_show_recorded", True))
        self.assertEqual((second["type"], second["meeting_id"]), ("schedule_changed", later))
        # Someone with no meeting concerned hears nothing.
        self.assertIsNone(quiet(feeds["i2"]))
        # The organizers see the outcome and the repair.
        types = [org.recv()["type"] for _ in range(2)]
        self.assertEqual(types, ["meeting_outcome", "schedule_changed"])

        # Marking the same no-show again repairs nothing more.
        again = w.clients["e1"].request("POST", "/api/v1/meetings/%d/outcome" % held, {"outcome": "no_show"})
        self.assertEqual(again.status, 200, again.body)
        self.assertNotIn("repair", again.json())
        self.assertIsNone(quiet(feeds["e2"], 1.0))

        # Resume: reconnecting after id N gives exactly what came after it, from the stored table.
        feeds["i1"].close()
        ws = w.feed("i1", "?last_event_id=%d" % first["id"])
        self.assertEqual(ws.recv()["type"], "resume")
        self.assertEqual(ws.recv()["id"], second["id"])
        self.assertIsNone(quiet(ws, 1.0))
        ws.close()
        ws = w.feed("i1", "?last_event_id=0")
        self.assertEqual(ws.recv()["type"], "resume")
        self.assertEqual([ws.recv()["id"] for _ in range(2)], [first["id"], second["id"]])
        ws.close()
        listed = w.clients["i1"].request("GET", "/api/v1/fairs/%d/me/notifications" % w.fair).json()["items"]
        self.assertEqual([n["type"] for n in listed], ["no_show_recorded", "schedule_changed"])
        for ws in list(feeds.values()) + [org]:
            ws.close()

    def test_snapshot_meeting_and_deal_figures(self):
        w = World(self.server, self.org, "fg", [("i1", "e1"), ("i2", "e1")])
        a, b = w.meeting("i1", "e1"), w.meeting("i2", "e1")
        w.place({a: (0, 1), b: (1, 1)})
        self.assertEqual(w.clients["i1"].request("POST", "/api/v1/meetings/%d/outcome" % a,
                                                 {"outcome": "no_show"}).status, 200)
        for imp, cents in (("i1", 250000), ("i2", 100000)):
            r = w.clients["e1"].request("POST", "/api/v1/fairs/%d/deals" % w.fair, {
                "counterpart_id": w.ids[imp], "kind": "contract", "value": {"amount": cents, "currency": "USD"}})
            self.assertEqual(r.status, 201, r.body)
        org = self.org_feed(w.fair)
        snap = org.recv()
        self.assertEqual(snap["meetings"]["no_shows"], 1)
        self.assertEqual(snap["meetings"]["by_slot"]["0"], {"no_show": 1})
        self.assertEqual(snap["meetings"]["by_slot"]["1"], {"scheduled": 1})
        self.assertEqual((snap["deals"]["count"], snap["deals"]["usd_cents"]), (2, 350000))
        self.assertEqual(snap["deals"]["by_country"], {"FR": {"count": 1, "usd_cents": 250000},
                                                       "DE": {"count": 1, "usd_cents": 100000}})
        self.assertEqual(snap["deals"]["by_category"], {"ceramics.tableware": {"count": 2, "usd_cents": 350000}})
        org.close()

    def test_refusals(self):
        w = World(self.server, self.org, "rf", [("i1", "e1")])
        other = World(self.server, self.org, "rg", [("i1", "e1")])
        with self.assertRaises(HandshakeRefused) as e:
            w.feed("i1", fair=other.fair)
        self.assertEqual(e.exception.status, 403, "another fair's feed")
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/live" % w.fair,
                      {"Authorization": "Bearer " + w.tokens["i1"]})
        self.assertEqual(e.exception.status, 403, "the organizers' feed")
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/me/live" % w.fair)
        self.assertEqual(e.exception.status, 401)
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/me/live" % w.fair,
                      {"Authorization": "Bearer " + w.tokens["i1"], "Origin": "http://evil.example"})
        self.assertEqual(e.exception.status, 403)
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/me/live" % w.fair,
                      {"Authorization": "Bearer " + self.org_token})
        self.assertEqual(e.exception.status, 403, "organizers have no personal feed")
        plain = self.server.request("GET", "/api/v1/fairs/%d/me/live" % w.fair,
                                    headers={"Authorization": "Bearer " + w.tokens["i1"]})
        self.assertEqual(plain.status, 426)
        # A signed-in session works like a token (the browser's way).
        session = Client(self.server).register("late-%d@x.vn" % w.fair, "Mot-mat-khau-dai-1", "exhibitor")
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/me/live" % w.fair, {"Cookie": "fm_session=" + session.cookie})
        self.assertEqual(e.exception.status, 403, "no approved profile in this fair")

    def test_absence_and_late_arrival_notify(self):
        w = World(self.server, self.org, "ab", [("i1", "e1"), ("i2", "e1"), ("i2", "e2")])
        a, b, c = w.meeting("i1", "e1"), w.meeting("i2", "e1"), w.meeting("i2", "e2")
        w.place({a: (2, 1), b: (3, 1), c: (2, 2)})
        feeds = {who: w.feed(who) for who in ("i1", "e1", "i2", "e2")}
        for ws in feeds.values():
            ws.recv()
        # The organizer marks e2 absent for the rest of the fair: its meeting with i2 is dropped.
        r = self.org.request("POST", "/api/v1/fairs/%d/schedule-changes" % w.fair, {
            "kind": "absence", "participant": {"kind": "exhibitor", "id": w.ids["e2"]},
            "from": datetime.datetime.fromtimestamp(w.slots[1], datetime.timezone.utc).isoformat()})
        self.assertEqual(r.status, 200, r.body)
        for who in ("i2", "e2"):
            msg = feeds[who].recv()
            self.assertIn(msg["type"], ("meeting_cancelled", "schedule_changed"))
            self.assertEqual(msg["meeting_id"], c)
            self.assertEqual(msg["cause"], "absence")
        self.assertIsNone(quiet(feeds["i1"]))
        # i1 reports arriving late, after its meeting with e1: that meeting moves, e1 is told.
        arrives = datetime.datetime.fromtimestamp(w.slots[3] + 60, datetime.timezone.utc).isoformat()
        r = w.clients["i1"].request("POST", "/api/v1/fairs/%d/me/late-arrival" % w.fair, {"arrives_at": arrives})
        self.assertEqual(r.status, 200, r.body)
        self.assertIn(a, [ch["meeting_id"] for ch in r.json()["changes"]])
        msg = feeds["e1"].recv()
        self.assertEqual((msg["type"], msg["meeting_id"], msg["cause"]), ("schedule_changed", a, "late_arrival"))
        self.assertEqual(msg["counterpart"]["id"], w.ids["i1"])
        self.assertEqual(w.clients["i1"].request("POST", "/api/v1/fairs/%d/me/late-arrival" % w.fair,
                                                 {"arrives_at": "yesterday"}).status, 422)
        for ws in feeds.values():
            ws.close()


class SlowParticipantTest(unittest.TestCase):
    """A participant's client that stops reading is dropped (bounded queue) and resumes without a gap."""

    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None, extra_args=["--live-tick", "0", "--live-queue", "5"]).__enter__()
        add_user(cls.server, "organizer", "slow@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "slow@fair.vn"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def test_slow_client_is_dropped_and_resumes(self):
        w = World(self.server, self.org, "sl", [("i1", "e1")])
        m = w.meeting("i1", "e1")
        w.place({m: (0, 1)})
        slow = WebSocket(self.server.port, "/api/v1/fairs/%d/me/live" % w.fair,
                         {"Authorization": "Bearer " + w.tokens["e1"]}, rcvbuf=4096)
        last = slow.recv()["last_event_id"]
        # Each new no-show tells both sides; e1's client reads nothing meanwhile.
        flips = 150
        for _ in range(flips):
            for outcome in ("no_show", "held"):
                r = w.clients["i1"].request("POST", "/api/v1/meetings/%d/outcome" % m, {"outcome": outcome})
                self.assertEqual(r.status, 200, r.body)
        slow.sock.settimeout(10)
        closed, seen = False, []
        try:
            while True:
                msg = slow.recv()
                if msg is None:
                    closed = True
                    break
                seen.append(msg["id"])
        except (ConnectionError, OSError):
            closed = True
        slow.sock.close()
        self.assertTrue(closed, "a participant's client that does not read is disconnected")
        self.assertLess(len(seen), flips, "it was cut off before the end")
        self.assertIn("fell too far behind", self.server.log())
        # Resuming after the last id it saw gives the rest, in order, with no gap.
        ws = w.feed("e1", "?last_event_id=%d" % (seen[-1] if seen else last))
        self.assertEqual(ws.recv()["type"], "resume")
        rest = [ws.recv()["id"] for _ in range(flips - len(seen))]
        ids = seen + rest
        self.assertEqual(len(ids), flips)
        self.assertEqual(ids, sorted(set(ids)), "increasing, no repeats")
        self.assertIsNone(quiet(ws, 1.0))
        ws.close()
        stored = [n["id"] for n in w.clients["e1"].request(
            "GET", "/api/v1/fairs/%d/me/notifications?after=%d" % (w.fair, last)).json()["items"]]
        self.assertEqual(ids, stored, "exactly what was stored")


if __name__ == "__main__":
    unittest.main()
