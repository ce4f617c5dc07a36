"""Meetings over real HTTP: requests (accept, decline, cancel, duplicates
refused by the database, the per-participant cap, expiry at the organizer's
deadline), availability, the grid and its slots, and the whole flow:
request -> accept -> scheduler run (polled) -> publish -> both sides see the
meeting -> the .ics feed parses strictly -> re-scheduling keeps the UID and
raises SEQUENCE -> revoked feeds answer 404 -> the CSV export."""
import csv
import io
import re
import threading
import time
import unittest
from datetime import datetime, timedelta, timezone

from harness import Client, ServerProcess, add_user, api_token

N_EXHIBITORS = 8
N_IMPORTERS = 8
E0_NAME = "Gốm Chu Đậu, Ltd; Hải Dương"  # a comma and a semicolon to escape in the .ics


# --- a strict RFC 5545 reader, enough for what the server writes -----------------------------

TEXT_PROPS = {"SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "UID"}


def unescape_text(value):
    """RFC 5545 TEXT: only \\\\ \\; \\, \\n \\N escapes; bare , and ; are errors in one value."""
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                raise AssertionError("bad escape in %r" % value)
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        if c in ",;":
            raise AssertionError("unescaped %r in %r" % (c, value))
        out.append(c)
        i += 1
    return "".join(out)


def parse_ics(data):
    """Returns the VCALENDAR as {"type", "props": {NAME: [values]}, "children": [...]}."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "the feed must end with CRLF"
    physical = text[:-2].split("\r\n")
    lines = []
    for line in physical:
        assert "\n" not in line and "\r" not in line, "bare line break in %r" % line
        assert len(line.encode("utf-8")) <= 75, "line longer than 75 octets: %r" % line
        if line.startswith((" ", "\t")):
            assert lines, "continuation without a line"
            lines[-1] += line[1:]
        else:
            lines.append(line)
    root, stack = None, []
    for line in lines:
        name, sep, value = line.partition(":")
        assert sep, "no colon in %r" % line
        name = name.split(";", 1)[0].upper()
        assert re.fullmatch(r"[A-Z0-9-]+", name), "bad property name %r" % name
        if name == "BEGIN":
            comp = {"type": value, "props": {}, "children": []}
            if stack:
                stack[-1]["children"].append(comp)
            else:
                assert root is None, "two top-level components"
                root = comp
            stack.append(comp)
        elif name == "END":
            assert stack and stack[-1]["type"] == value, "END:%s does not match" % value
            stack.pop()
        else:
            assert stack, "property outside a component"
            if name in TEXT_PROPS:
                value = unescape_text(value)
            stack[-1]["props"].setdefault(name, []).append(value)
    assert not stack, "unclosed components"
    assert root["type"] == "VCALENDAR"
    assert root["props"]["VERSION"] == ["2.0"]
    assert root["props"]["PRODID"]
    for ev in root["children"]:
        assert ev["type"] == "VEVENT"
        for req in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY"):
            assert len(ev["props"].get(req, [])) == 1, "VEVENT needs exactly one %s" % req
        for t in ("DTSTAMP", "DTSTART", "DTEND"):
            assert re.fullmatch(r"\d{8}T\d{6}Z", ev["props"][t][0]), "%s not in UTC: %s" % (t, ev["props"][t][0])
        assert ev["props"]["DTSTART"][0] < ev["props"]["DTEND"][0]
        assert re.fullmatch(r"\d+", ev["props"]["SEQUENCE"][0])
    try:  # Debian's python3-icalendar, when installed, must agree
        import icalendar
        icalendar.Calendar.from_ical(data)
    except ImportError:
        pass
    return root


def events_by_uid(cal):
    return {ev["props"]["UID"][0]: ev["props"] for ev in cal["children"]}


def ics_utc(iso):
    return iso.replace("-", "").replace(":", "")


class MeetingsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "meetings@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "meetings@fair.vn"))
        r = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ gặp gỡ", "name_en": "Meeting fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"})
        assert r.status == 201, r.body
        cls.fair = r.json()["id"]
        rows = ["email,name,tax_code,province,categories,price_tier"]
        for i in range(N_EXHIBITORS):
            name = '"%s"' % E0_NAME if i == 0 else "Xưởng mây tre %d" % i
            rows.append("ex%d@meet.test,%s,02%08d,ha-noi,ceramics.tableware,mid" % (i, name, i))
        cls.import_csv("exhibitors", rows)
        rows = ["email,name,country,buyer_type,categories,price_tier,annual_budget_amount,annual_budget_currency,"
                "languages"]
        for i in range(N_IMPORTERS):
            rows.append("im%d@meet.test,Buyer %d GmbH,DE,retail_chain,ceramics.tableware,mid,100000,EUR,en" % (i, i))
        cls.import_csv("importers", rows)
        cls.ex = [Client(cls.server, bearer=api_token(cls.server, "ex%d@meet.test" % i)) for i in range(N_EXHIBITORS)]
        cls.im = [Client(cls.server, bearer=api_token(cls.server, "im%d@meet.test" % i)) for i in range(N_IMPORTERS)]
        cls.ex_id = [c.request("GET", "/api/v1/me").json()["profiles"][0]["id"] for c in cls.ex]
        cls.im_id = [c.request("GET", "/api/v1/me").json()["profiles"][0]["id"] for c in cls.im]
        # Exhibitor 0 books booth A-1, approved: its meetings take place there.
        hall = cls.org.request("POST", "/api/v1/fairs/%d/halls" % cls.fair, {
            "code": "A", "name_vi": "Nhà A", "name_en": "Hall A", "width": 500, "height": 500}).json()["id"]
        booth = cls.org.request("POST", "/api/v1/fairs/%d/booths" % cls.fair, {
            "hall_id": hall, "code": "A-1", "x": 0, "y": 0, "w": 30, "h": 30, "area_m2": 9, "kind": "standard",
            "price": {"amount": 100, "currency": "USD"}}).json()["items"][0]["id"]
        base = "/api/v1/fairs/%d/booths/%d" % (cls.fair, booth)
        assert cls.ex[0].request("POST", base + "/hold").status == 201
        assert cls.ex[0].request("POST", base + "/confirm").status == 200
        assert cls.org.request("POST", base + "/decision", {"decision": "approve"}).status == 200
        # Two days, two sessions, 30-minute slots with 5-minute pauses, 3 tables.
        r = cls.org.request("PUT", "/api/v1/fairs/%d/grid" % cls.fair, {
            "days": ["2026-12-03", "2026-12-04"],
            "sessions": [{"start": "09:00", "end": "12:00"}, {"start": "13:30", "end": "17:00"}],
            "slot_minutes": 30, "pause_minutes": 5, "tables": 3, "use_booths": True})
        assert r.status == 200, r.body
        cls.grid = r.json()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    @classmethod
    def import_csv(cls, kind, rows):
        r = cls.org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=false" % (cls.fair, kind),
                            ("\n".join(rows) + "\n").encode(), {"Content-Type": "text/csv"})
        assert r.status == 201, r.body

    # --- helpers --------------------------------------------------------------------------------

    def ask(self, client, body, status=201):
        r = client.request("POST", "/api/v1/me/meeting-requests", body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def importer_asks(self, i, e, priority="would_like", message="Xin chào", status=201):
        return self.ask(self.im[i], {"exhibitor_id": self.ex_id[e], "priority": priority, "message": message}, status)

    def exhibitor_asks(self, e, i, priority="would_like", status=201):
        return self.ask(self.ex[e], {"importer_id": self.im_id[i], "priority": priority,
                                     "message": "We make rattan baskets."}, status)

    def respond(self, client, request, decision, reason=None, status=200):
        body = {"decision": decision}
        if reason is not None:
            body["reason"] = reason
        r = client.request("POST", "/api/v1/me/meeting-requests/%d/response" % request, body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def box(self, client, box):
        r = client.request("GET", "/api/v1/me/meeting-requests?fair=%d&box=%s" % (self.fair, box))
        self.assertEqual(r.status, 200, r.body)
        return {q["id"]: q for q in r.json()["items"]}

    def rules(self, body):
        r = self.org.request("PUT", "/api/v1/fairs/%d/meeting-rules" % self.fair, body)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def run_and_wait(self, seconds=1, seed=7):
        r = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs" % self.fair, {"seconds": seconds, "seed": seed})
        self.assertEqual(r.status, 202, r.body)
        run = r.json()
        self.assertEqual(run["status"], "running")
        self.assertIn("/schedule-runs/%d" % run["id"], r.headers["location"])
        deadline = time.time() + 60
        seen = []
        while time.time() < deadline:
            g = self.org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (self.fair, run["id"]))
            self.assertEqual(g.status, 200, g.body)
            run = g.json()
            seen.append(run["progress"])
            if run["status"] != "running":
                break
            self.assertTrue(0 <= run["progress"] <= 100)
            time.sleep(0.1)
        self.assertEqual(run["status"], "done", run)
        self.assertEqual(run["progress"], 100)
        return run

    def schedule(self, client):
        r = client.request("GET", "/api/v1/me/schedule?fair=%d" % self.fair)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    # --- requests -------------------------------------------------------------------------------

    def test_a_request_accept_decline_cancel(self):
        q = self.importer_asks(2, 2, "must_meet", "Chúng tôi muốn xem bát men lam")
        self.assertEqual((q["status"], q["priority"], q["box"], q["requested_by"]),
                         ("pending", "must_meet", "outbox", "importer"))
        self.assertEqual(q["exhibitor"]["id"], self.ex_id[2])
        self.assertEqual(q["importer"]["name"], "Buyer 2 GmbH")
        inbox = self.box(self.ex[2], "inbox")
        self.assertEqual(inbox[q["id"]]["status"], "pending")
        self.assertEqual(inbox[q["id"]]["box"], "inbox")
        self.assertEqual(inbox[q["id"]]["message"], "Chúng tôi muốn xem bát men lam")
        self.assertIn(q["id"], self.box(self.im[2], "outbox"))
        self.assertNotIn(q["id"], self.box(self.im[2], "inbox"))
        # Only the recipient answers; the requester and others do not even see it.
        self.respond(self.im[2], q["id"], "accept", status=404)
        self.respond(self.ex[3], q["id"], "accept", status=404)
        a = self.respond(self.ex[2], q["id"], "accept")
        self.assertEqual(a["status"], "accepted")
        self.assertIsNotNone(a["closed_at"])
        again = self.respond(self.ex[2], q["id"], "decline", status=409)
        self.assertEqual(again["type"], "/problems/request-closed")
        self.assertEqual(self.box(self.im[2], "outbox")[q["id"]]["status"], "accepted")

        d = self.importer_asks(3, 2)
        declined = self.respond(self.ex[2], d["id"], "decline", "Fully booked that week, sorry")
        self.assertEqual((declined["status"], declined["reason"]), ("declined", "Fully booked that week, sorry"))
        self.assertEqual(self.box(self.im[3], "outbox")[d["id"]]["reason"], "Fully booked that week, sorry")

        c = self.exhibitor_asks(3, 2)
        self.assertEqual(c["requested_by"], "exhibitor")
        self.assertIn(c["id"], self.box(self.im[2], "inbox"))
        r = self.im[2].request("POST", "/api/v1/me/meeting-requests/%d/cancel" % c["id"])
        self.assertEqual(r.status, 404, "only the requester cancels")
        r = self.ex[3].request("POST", "/api/v1/me/meeting-requests/%d/cancel" % c["id"])
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "cancelled")
        late = self.respond(self.im[2], c["id"], "accept", status=409)
        self.assertEqual(late["type"], "/problems/request-closed")
        counts = self.im[2].request("GET", "/api/v1/me/meeting-requests?fair=%d&box=inbox" % self.fair).json()["counts"]
        self.assertEqual(counts["cancelled"], 1)
        only = self.im[2].request("GET", "/api/v1/me/meeting-requests?fair=%d&box=inbox&status=pending" % self.fair)
        self.assertEqual(only.json()["items"], [])

    def test_b_validation(self):
        r = self.im[0].request("POST", "/api/v1/me/meeting-requests",
                               {"exhibitor_id": self.ex_id[1], "priority": "urgent", "colour": "red"})
        self.assertEqual(r.status, 422)
        fields = {e["field"]: e["code"] for e in r.json()["errors"]}
        self.assertEqual(fields, {"priority": "not_allowed", "colour": "unknown_field"})
        # An importer names an exhibitor; an importer id is not one.
        r = self.im[0].request("POST", "/api/v1/me/meeting-requests", {"importer_id": self.im_id[1],
                                                                        "priority": "would_like"})
        self.assertEqual(r.status, 422)
        r = self.im[0].request("POST", "/api/v1/me/meeting-requests", {"exhibitor_id": 999999,
                                                                        "priority": "would_like"})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["errors"][0]["code"], "not_found")
        # A pending (not yet approved) exhibitor cannot be asked.
        pending = Client(self.server).register("pending@gom.vn", "Gom-Pending-2026", "exhibitor")
        p = pending.request("POST", "/api/v1/exhibitors", {
            "fair_id": self.fair, "name": "Gốm chờ duyệt", "tax_code": "0109999999", "province": "ha-noi",
            "categories": ["ceramics.tableware"], "price_tier": "mid"}).json()["id"]
        r = self.im[0].request("POST", "/api/v1/me/meeting-requests", {"exhibitor_id": p, "priority": "would_like"})
        self.assertEqual(r.status, 422)
        # Organizers have no side to request from.
        r = self.org.request("POST", "/api/v1/me/meeting-requests", {"exhibitor_id": self.ex_id[1],
                                                                     "priority": "would_like"})
        self.assertEqual(r.status, 403)
        r = self.im[0].request("GET", "/api/v1/me/meeting-requests?box=inbox")
        self.assertEqual(r.status, 400)
        r = self.im[0].request("GET", "/api/v1/me/meeting-requests?fair=%d&box=spam" % self.fair)
        self.assertEqual(r.status, 400)

    def test_c_duplicates_are_refused_by_the_database(self):
        q = self.importer_asks(4, 4)
        dup = self.importer_asks(4, 4, status=409)
        self.assertEqual(dup["type"], "/problems/duplicate-request")
        self.assertEqual(dup["open_request_id"], q["id"])
        self.assertIsInstance(dup["request_id"], str, "the HTTP request id is not overwritten")
        reverse = self.exhibitor_asks(4, 4, status=409)
        self.assertEqual(reverse["open_request_id"], q["id"], "the same pair, whoever asks")
        self.respond(self.ex[4], q["id"], "decline")
        self.importer_asks(4, 4)  # closed requests do not block a new one

        # Many at once: exactly one succeeds.
        n = 12
        barrier = threading.Barrier(n)
        results = [None] * n

        def go(k):
            barrier.wait()
            results[k] = self.im[5].request("POST", "/api/v1/me/meeting-requests",
                                            {"exhibitor_id": self.ex_id[5], "priority": "would_like"})

        threads = [threading.Thread(target=go, args=(k,)) for k in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(r.status for r in results)
        self.assertEqual(statuses.count(201), 1, statuses)
        self.assertEqual(statuses.count(409), n - 1, statuses)
        outbox = [x for x in self.box(self.im[5], "outbox").values() if x["exhibitor"]["id"] == self.ex_id[5]]
        self.assertEqual(len(outbox), 1)

    def test_d_cap_per_participant(self):
        rules = self.rules({"requests_per_participant": 2})
        self.assertEqual(rules["requests_per_participant"], 2)
        first = self.importer_asks(6, 1)
        self.importer_asks(6, 3)
        over = self.importer_asks(6, 6, status=409)
        self.assertEqual(over["type"], "/problems/request-limit")
        r = self.im[6].request("POST", "/api/v1/me/meeting-requests/%d/cancel" % first["id"])
        self.assertEqual(r.status, 200, r.body)
        self.importer_asks(6, 6)  # a cancelled request frees its place
        self.assertIsNone(self.rules({"requests_per_participant": None})["requests_per_participant"])
        r = self.org.request("PUT", "/api/v1/fairs/%d/meeting-rules" % self.fair, {"requests_per_participant": 0})
        self.assertEqual(r.status, 422)
        r = self.im[0].request("PUT", "/api/v1/fairs/%d/meeting-rules" % self.fair, {"requests_per_participant": 5})
        self.assertEqual(r.status, 403)

    def test_h_repair_during_the_fair(self):
        pairs = [(3, 7, "must_meet"), (4, 7, "would_like"), (3, 5, "would_like")]
        reqs = []
        for i, e, priority in pairs:
            q = self.importer_asks(i, e, priority)
            self.respond(self.ex[e], q["id"], "accept")
            reqs.append(q["id"])
        run = self.run_and_wait(seed=11)
        # Meetings of earlier tests are published already: moving them needs the organizer's confirmation.
        r = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, run["id"]),
                             {"confirm": True})
        self.assertEqual(r.status, 200, r.body)

        def meeting_of(client, request):
            found = [x for x in self.schedule(client)["items"] if x["request_id"] == request]
            return found[0] if found else None

        changes = "/api/v1/fairs/%d/schedule-changes" % self.fair
        # A cancellation: only that meeting changes; both sides are told.
        m0 = meeting_of(self.im[3], reqs[0])
        others_before = {x["request_id"]: (x["start"], x["sequence"]) for x in self.schedule(self.im[3])["items"]}
        r = self.org.request("POST", changes, {"kind": "cancellation", "meeting_id": m0["id"], "reason": "Ill today"})
        self.assertEqual(r.status, 200, r.body)
        out = r.json()
        cancelled = [c for c in out["changes"] if c["request_id"] == reqs[0]]
        self.assertEqual(len(cancelled), 1, out)
        self.assertIsNone(cancelled[0]["after"])
        self.assertEqual(cancelled[0]["reason"], "cancelled")
        self.assertIn({"kind": "importer", "id": self.im_id[3]}, out["affected"])
        self.assertIn({"kind": "exhibitor", "id": self.ex_id[7]}, out["affected"])
        self.assertIsNone(meeting_of(self.im[3], reqs[0]))
        self.assertEqual(self.box(self.im[3], "outbox")[reqs[0]]["status"], "cancelled")
        for x in self.schedule(self.im[3])["items"]:
            if x["request_id"] in others_before and x["request_id"] not in [c["request_id"] for c in out["changes"]]:
                self.assertEqual((x["start"], x["sequence"]), others_before[x["request_id"]], "untouched")
        again = self.org.request("POST", changes, {"kind": "cancellation", "meeting_id": m0["id"]})
        self.assertEqual(again.status, 409)

        # A partial absence: importer 3 is away during its other meeting, which moves.
        m2 = meeting_of(self.im[3], reqs[2])
        r = self.org.request("POST", changes, {"kind": "absence", "participant": {"kind": "importer",
                                                                                  "id": self.im_id[3]},
                                               "from": m2["start"], "until": m2["end"]})
        self.assertEqual(r.status, 200, r.body)
        out = r.json()
        moved = [c for c in out["changes"] if c["request_id"] == reqs[2]][0]
        self.assertEqual(moved["before"]["start"], m2["start"])
        self.assertIsNotNone(moved["after"], out)
        self.assertNotEqual(moved["after"]["start"], m2["start"])
        self.assertIn({"kind": "exhibitor", "id": self.ex_id[5]}, out["affected"])
        now_m2 = meeting_of(self.ex[5], reqs[2])
        self.assertEqual((now_m2["start"], now_m2["uid"]), (moved["after"]["start"], m2["uid"]))
        self.assertEqual(now_m2["sequence"], m2["sequence"] + 1)
        a = self.im[3].request("GET", "/api/v1/fairs/%d/availability" % self.fair).json()
        self.assertIn({"start": m2["start"], "end": m2["end"]}, a["unavailable"])

        # Away for the rest of the fair: importer 4's meeting is dropped.
        m1 = meeting_of(self.im[4], reqs[1])
        r = self.org.request("POST", changes, {"kind": "absence", "participant": {"kind": "importer",
                                                                                  "id": self.im_id[4]},
                                               "from": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
        self.assertEqual(r.status, 200, r.body)
        dropped = [c for c in r.json()["changes"] if c["request_id"] == reqs[1]][0]
        self.assertIsNone(dropped["after"])
        self.assertEqual(dropped["meeting_id"], m1["id"])
        self.assertIsNone(meeting_of(self.im[4], reqs[1]))

        bad = self.org.request("POST", changes, {"kind": "flood"})
        self.assertEqual(bad.status, 422)
        bad = self.org.request("POST", changes, {"kind": "absence", "participant": {"kind": "importer", "id": 999999},
                                                 "from": "2026-12-03T09:00:00+07:00"})
        self.assertEqual(bad.status, 422)
        self.assertEqual(self.org.request("POST", changes, {"kind": "cancellation", "meeting_id": 999999}).status, 404)
        self.assertEqual(self.ex[0].request("POST", changes, {"kind": "cancellation", "meeting_id": 1}).status, 403)

    def test_z_expiry_at_the_deadline(self):
        q = self.importer_asks(7, 6)
        future = (datetime.now(timezone(timedelta(hours=7))) + timedelta(days=2)).replace(microsecond=0)
        rules = self.rules({"request_deadline": future.isoformat()})
        self.assertTrue(rules["requests_open"])
        self.assertEqual(rules["request_deadline"],
                         future.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.assertEqual(self.box(self.im[7], "outbox")[q["id"]]["expires_at"], rules["request_deadline"])
        # The deadline passes (the organizer moves it into the past).
        past = (datetime.now(timezone.utc) - timedelta(minutes=1)).replace(microsecond=0)
        rules = self.rules({"request_deadline": past.strftime("%Y-%m-%dT%H:%M:%SZ")})
        self.assertFalse(rules["requests_open"])
        self.assertEqual(self.server.request("GET", "/api/v1/fairs/%d/meeting-rules" % self.fair).json(), rules)
        seen = self.box(self.im[7], "outbox")[q["id"]]
        self.assertEqual(seen["status"], "expired", "read as expired before any write")
        self.assertEqual(seen["closed_at"], rules["request_deadline"])
        self.assertEqual(self.box(self.ex[6], "inbox")[q["id"]]["status"], "expired")
        late = self.respond(self.ex[6], q["id"], "accept", status=409)
        self.assertEqual(late["type"], "/problems/request-expired")
        closed = self.importer_asks(7, 7, status=409)
        self.assertEqual(closed["type"], "/problems/requests-closed")
        # Lifting the deadline reopens requests; the expired one stays expired.
        self.assertTrue(self.rules({"request_deadline": None})["requests_open"])
        self.assertEqual(self.box(self.im[7], "outbox")[q["id"]]["status"], "expired")
        self.importer_asks(7, 6)  # the pair is free again

    # --- availability and the grid ------------------------------------------------------------

    def test_e_grid_slots(self):
        g = self.server.request("GET", "/api/v1/fairs/%d/grid" % self.fair)
        self.assertEqual(g.status, 200)
        grid = g.json()
        self.assertTrue(grid["defined"])
        self.assertEqual(grid["time_zone"], "Asia/Ho_Chi_Minh")
        self.assertEqual(grid["utc_offset"], "+07:00")
        self.assertEqual(grid["sessions"], [{"start": "09:00", "end": "12:00", "kind": "morning"},
                                            {"start": "13:30", "end": "17:00", "kind": "afternoon"}])
        slots = grid["slots"]
        self.assertEqual(len(slots), 2 * (5 + 6))
        self.assertEqual(slots[0], {"index": 0, "day_index": 0, "session": 0, "session_kind": "morning",
                                    "start": "2026-12-03T02:00:00Z", "end": "2026-12-03T02:30:00Z",
                                    "day": "2026-12-03", "local_start": "09:00", "local_end": "09:30"})
        self.assertEqual(slots[5]["start"], "2026-12-03T06:30:00Z")
        self.assertEqual(slots[11]["day"], "2026-12-04")
        bad = self.org.request("PUT", "/api/v1/fairs/%d/grid" % self.fair, {
            "days": ["2026-12-09"], "sessions": [{"start": "12:00", "end": "09:00"}], "slot_minutes": 30})
        self.assertEqual(bad.status, 422)
        fields = {e["field"]: e["code"] for e in bad.json()["errors"]}
        self.assertEqual(fields, {"days[0]": "outside_fair", "sessions[0]": "invalid_session"})
        self.assertEqual(self.im[0].request("PUT", "/api/v1/fairs/%d/grid" % self.fair, {}).status, 403)
        other = self.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Chưa có lưới", "name_en": "No grid", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        empty = self.server.request("GET", "/api/v1/fairs/%d/grid" % other).json()
        self.assertEqual((empty["defined"], empty["slots"]), (False, []))
        r = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs" % other, {"seconds": 1})
        self.assertEqual(r.status, 409)
        self.assertEqual(r.json()["type"], "/problems/no-grid")

    def test_f_availability(self):
        c = self.ex[7]
        path = "/api/v1/fairs/%d/availability" % self.fair
        a = c.request("GET", path).json()
        self.assertEqual((a["accepts_fill_ins"], a["unavailable_slots"], a["unavailable"]), (False, [], []))
        r = c.request("PUT", path, {"accepts_fill_ins": True, "unavailable_slots": [0, 1, 5, 6]})
        self.assertEqual(r.status, 200, r.body)
        a = r.json()
        self.assertEqual(a["unavailable_slots"], [0, 1, 5, 6])
        self.assertTrue(a["accepts_fill_ins"])
        self.assertEqual(a["unavailable"][0], {"start": "2026-12-03T02:00:00Z", "end": "2026-12-03T02:30:00Z"})
        self.assertEqual(c.request("GET", path).json(), a)
        bad = c.request("PUT", path, {"unavailable_slots": [0, 0, 999], "accepts_fill_ins": "yes"})
        self.assertEqual(bad.status, 422)
        fields = {e["field"]: e["code"] for e in bad.json()["errors"]}
        self.assertEqual(fields, {"unavailable_slots[1]": "duplicate", "unavailable_slots[2]": "unknown_slot",
                                  "accepts_fill_ins": "not_a_boolean"})
        self.assertEqual(self.org.request("GET", path).status, 403)
        c.request("PUT", path, {"unavailable_slots": []})
        self.assertEqual(c.request("GET", path).json()["unavailable_slots"], [])

    # --- the whole flow ---------------------------------------------------------------------------

    def test_g_flow_request_schedule_publish_calendar(self):
        # Importer 0 asks exhibitor 0 (booth A-1); exhibitor 1 asks importer 1 (a table).
        booth_req = self.importer_asks(0, 0, "must_meet")
        self.respond(self.ex[0], booth_req["id"], "accept")
        table_req = self.exhibitor_asks(1, 1)
        self.respond(self.im[1], table_req["id"], "accept")
        # Importer 1 cannot meet on the first morning.
        r = self.im[1].request("PUT", "/api/v1/fairs/%d/availability" % self.fair,
                               {"unavailable_slots": [0, 1, 2, 3, 4]})
        self.assertEqual(r.status, 200, r.body)

        run = self.run_and_wait()
        figures = run["figures"]
        self.assertEqual(figures["held"], figures["requested"], run)
        self.assertEqual(figures["weight_held"], figures["weight_requested"])
        self.assertGreaterEqual(figures["must_meet"]["requested"], 2)
        self.assertEqual(figures["unscheduled"], 0)
        self.assertEqual(run["unscheduled"], [])
        self.assertIn("breaks", figures)
        runs = self.org.request("GET", "/api/v1/fairs/%d/schedule-runs" % self.fair).json()
        self.assertEqual(runs["items"][0]["id"], run["id"])

        pub = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, run["id"]))
        self.assertEqual(pub.status, 200, pub.body)
        self.assertEqual(pub.json()["run"]["status"], "published")
        self.assertEqual(pub.json()["published"]["meetings"], figures["held"])

        # Both sides see the meeting, at the booth.
        mine = self.schedule(self.im[0])["items"]
        theirs = self.schedule(self.ex[0])["items"]
        m = [x for x in mine if x["request_id"] == booth_req["id"]][0]
        self.assertEqual(m["id"], [x for x in theirs if x["request_id"] == booth_req["id"]][0]["id"])
        self.assertEqual((m["location_kind"], m["location"]), ("booth", "A-1"))
        self.assertEqual(m["counterpart"]["id"], self.ex_id[0])
        self.assertEqual(m["uid"], "request-%d@fairmatch" % booth_req["id"])
        self.assertEqual(m["sequence"], 0)
        slot_starts = {s["start"]: s for s in self.grid["slots"]}
        self.assertIn(m["start"], slot_starts)
        self.assertEqual(m["end"], slot_starts[m["start"]]["end"])
        t = [x for x in self.schedule(self.im[1])["items"] if x["request_id"] == table_req["id"]][0]
        self.assertEqual(t["location_kind"], "table")
        self.assertRegex(t["location"], r"^Table [123]$")
        self.assertGreaterEqual(slot_starts[t["start"]]["index"], 5, "importer 1 is away on the first morning")
        self.assertEqual(t["counterpart"]["kind"], "exhibitor")
        ex_side = [x for x in self.schedule(self.ex[1])["items"] if x["request_id"] == table_req["id"]][0]
        self.assertEqual(ex_side["counterpart"], {"kind": "importer", "id": self.im_id[1], "name": "Buyer 1 GmbH",
                                                  "country": "DE"})

        # The importer's calendar feed.
        feed = self.im[0].request("POST", "/api/v1/me/calendar")
        self.assertEqual(feed.status, 201, feed.body)
        url = feed.json()["path"]
        self.assertTrue(feed.json()["url"].endswith(url))
        self.assertRegex(url, r"^/calendar/[A-Za-z0-9_-]{43}\.ics$")
        ics = self.server.request("GET", url)
        self.assertEqual(ics.status, 200)
        self.assertTrue(ics.headers["content-type"].startswith("text/calendar"))
        events = events_by_uid(parse_ics(ics.body))
        ev = events[m["uid"]]
        self.assertEqual(ev["SEQUENCE"], ["0"])
        self.assertEqual(ev["LOCATION"], ["A-1"])
        self.assertEqual(ev["DTSTART"], [ics_utc(m["start"])])
        self.assertEqual(ev["DTEND"], [ics_utc(m["end"])])
        self.assertEqual(ev["STATUS"], ["CONFIRMED"])
        self.assertEqual(ev["SUMMARY"], ["Meeting with " + E0_NAME])  # importers read English
        self.assertIn(E0_NAME, ev["DESCRIPTION"][0])
        self.assertIn("\n", ev["DESCRIPTION"][0])
        # The exhibitor's feed is in Vietnamese and names the buyer.
        ex_feed = self.ex[1].request("POST", "/api/v1/me/calendar").json()["path"]
        ex_ev = events_by_uid(parse_ics(self.server.request("GET", ex_feed).body))[t["uid"]]
        self.assertEqual(ex_ev["SUMMARY"], ["Gặp Buyer 1 GmbH"])
        self.assertIn("Buyer 1 GmbH", ex_ev["DESCRIPTION"][0])
        self.assertRegex(ex_ev["LOCATION"][0], r"^Table [123]$")

        # Re-scheduling: importer 0 becomes unavailable at its meeting's slot.
        slot = slot_starts[m["start"]]["index"]
        r = self.im[0].request("PUT", "/api/v1/fairs/%d/availability" % self.fair, {"unavailable_slots": [slot]})
        self.assertEqual(r.status, 200, r.body)
        run2 = self.run_and_wait(seed=8)
        publish2 = "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, run2["id"])
        # Moving a published meeting is never silent: 409 lists what would change, nothing is written.
        warn = self.org.request("POST", publish2)
        self.assertEqual(warn.status, 409, warn.body)
        w = warn.json()
        self.assertEqual(w["type"], "/problems/publish-needs-confirmation")
        self.assertGreaterEqual(w["moved"], 1)
        self.assertEqual(w["affected_total"], w["moved"] + w["cancelled"])
        listed = {x["request_id"]: x for x in w["affected"]}
        self.assertIn(booth_req["id"], listed)
        self.assertEqual(listed[booth_req["id"]]["change"], "moved")
        self.assertEqual(listed[booth_req["id"]]["before"]["start"], m["start"])
        self.assertNotEqual(listed[booth_req["id"]]["after"]["start"], m["start"])
        self.assertEqual(listed[booth_req["id"]]["importer"]["id"], self.im_id[0])
        self.assertFalse(listed[booth_req["id"]]["started"])
        still = [x for x in self.schedule(self.im[0])["items"] if x["request_id"] == booth_req["id"]][0]
        self.assertEqual(still["start"], m["start"], "a refused publication writes nothing")
        self.assertEqual(self.org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (
            self.fair, run2["id"])).json()["status"], "done")
        bad = self.org.request("POST", publish2, {"confirm": "yes"})
        self.assertEqual(bad.status, 422, bad.body)
        pub2 = self.org.request("POST", publish2, {"confirm": True})
        self.assertEqual(pub2.status, 200, pub2.body)
        self.assertTrue(pub2.json()["published"]["confirmed"])
        self.assertEqual(pub2.json()["published"]["moved"], w["moved"])
        self.assertGreaterEqual(pub2.json()["published"]["moved"], 1)
        old_run = self.org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (self.fair, run["id"])).json()
        self.assertEqual(old_run["status"], "done", "only one run is published")
        moved = [x for x in self.schedule(self.im[0])["items"] if x["request_id"] == booth_req["id"]][0]
        self.assertEqual(moved["id"], m["id"])
        self.assertEqual(moved["uid"], m["uid"])
        self.assertNotEqual(moved["start"], m["start"])
        self.assertEqual(moved["sequence"], 1)
        ev = events_by_uid(parse_ics(self.server.request("GET", url).body))[m["uid"]]
        self.assertEqual(ev["SEQUENCE"], ["1"])
        self.assertEqual(ev["DTSTART"], [ics_utc(moved["start"])])
        # Publishing the same run again changes nothing.
        again = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, run2["id"]))
        self.assertEqual(again.json()["published"]["moved"], 0)

        # The requester calls the table meeting off: the feed says CANCELLED, with a higher SEQUENCE.
        r = self.ex[1].request("POST", "/api/v1/me/meeting-requests/%d/cancel" % table_req["id"])
        self.assertEqual(r.status, 200, r.body)
        s = self.schedule(self.im[1])
        self.assertNotIn(table_req["id"], [x["request_id"] for x in s["items"]])
        self.assertIn(table_req["id"], [x["request_id"] for x in s["cancelled"]])
        ex_ev = events_by_uid(parse_ics(self.server.request("GET", ex_feed).body))[t["uid"]]
        self.assertEqual(ex_ev["STATUS"], ["CANCELLED"])
        self.assertGreater(int(ex_ev["SEQUENCE"][0]), int(t["sequence"]))

        # Rotating the link revokes the old one; revoking answers 404.
        rotated = self.im[0].request("POST", "/api/v1/me/calendar").json()
        self.assertTrue(rotated["replaced_previous"])
        self.assertEqual(self.server.request("GET", url).status, 404)
        self.assertEqual(self.server.request("GET", rotated["path"]).status, 200)
        self.assertEqual(self.im[0].request("DELETE", "/api/v1/me/calendar").status, 204)
        self.assertEqual(self.server.request("GET", rotated["path"]).status, 404)
        self.assertEqual(self.server.request("GET", "/calendar/not-a-token.ics").status, 404)
        self.assertEqual(self.server.request("GET", "/calendar/whatever").status, 404)

        # The organizer's views: all meetings (JSON) and the CSV export.
        listing = self.org.request("GET", "/api/v1/fairs/%d/meetings?limit=100" % self.fair).json()
        self.assertEqual(listing["total"], len(listing["items"]))
        self.assertIn(m["id"], [x["id"] for x in listing["items"]])
        exported = self.org.request("GET", "/api/v1/fairs/%d/meetings.csv" % self.fair)
        self.assertEqual(exported.status, 200)
        self.assertTrue(exported.headers["content-type"].startswith("text/csv"))
        self.assertIn("attachment", exported.headers["content-disposition"])
        text = exported.body.decode("utf-8")
        self.assertTrue(text.endswith("\r\n"))
        self.assertNotIn("\n", text.replace("\r\n", ""), "records end in CRLF")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        self.assertEqual(len(rows), listing["total"])
        row = [x for x in rows if x["meeting_id"] == str(m["id"])][0]
        self.assertEqual((row["exhibitor"], row["location"], row["status"], row["sequence"]),
                         (E0_NAME, "A-1", "scheduled", "1"))
        self.assertEqual(row["start_utc"], moved["start"])
        self.assertEqual(row["local_start"], moved["local_start"])
        self.assertEqual(self.im[0].request("GET", "/api/v1/fairs/%d/meetings.csv" % self.fair).status, 403)


if __name__ == "__main__":
    unittest.main()
