"""Meeting planning over real HTTP: session wishes, fixed slots and
precedences (validated field by field, then respected by the published
schedule, with the engine's reason for what they leave out), and fill-in
meetings from the recommendations (only between two participants who both
accept them, never for a declined or requested pair, never at the expense of
a requested meeting), shown on my schedule and in the CSV, and cancelled
(with the publish warning) when a later run leaves them out."""
import csv
import io
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token

N = 8


class MeetingPlanningTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "planner@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "planner@fair.vn"))
        r = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ lập lịch", "name_en": "Planning fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-04"})
        assert r.status == 201, r.body
        cls.fair = r.json()["id"]
        rows = ["email,name,tax_code,province,categories,price_tier"]
        for i in range(N):
            rows.append("pex%d@plan.test,Làng gốm %d,03%08d,ha-noi,ceramics.tableware,mid" % (i, i, i))
        cls.import_csv("exhibitors", rows)
        rows = ["email,name,country,buyer_type,categories,price_tier,annual_budget_amount,annual_budget_currency,"
                "languages"]
        for i in range(N):
            rows.append("pim%d@plan.test,Käufer %d GmbH,DE,retail_chain,ceramics.tableware,mid,100000,EUR,en" % (i, i))
        cls.import_csv("importers", rows)
        cls.ex = [Client(cls.server, bearer=api_token(cls.server, "pex%d@plan.test" % i)) for i in range(N)]
        cls.im = [Client(cls.server, bearer=api_token(cls.server, "pim%d@plan.test" % i)) for i in range(N)]
        cls.ex_id = [c.request("GET", "/api/v1/me").json()["profiles"][0]["id"] for c in cls.ex]
        cls.im_id = [c.request("GET", "/api/v1/me").json()["profiles"][0]["id"] for c in cls.im]
        # One day: morning 09:00-11:00 (slots 0-3), afternoon 13:00-15:00 (slots 4-7), 4 tables, no booths.
        r = cls.org.request("PUT", "/api/v1/fairs/%d/grid" % cls.fair, {
            "days": ["2026-12-03"], "sessions": [{"start": "09:00", "end": "11:00"}, {"start": "13:00", "end": "15:00"}],
            "slot_minutes": 30, "pause_minutes": 0, "tables": 4, "use_booths": False})
        assert r.status == 200, r.body
        cls.slots = r.json()["slots"]
        assert len(cls.slots) == 8, cls.slots

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    @classmethod
    def import_csv(cls, kind, rows):
        r = cls.org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=false" % (cls.fair, kind),
                            ("\n".join(rows) + "\n").encode(), {"Content-Type": "text/csv"})
        assert r.status == 201, r.body

    # --- helpers --------------------------------------------------------------------------------

    def request_meeting(self, i, e, priority="would_like", accept=True, **extra):
        body = {"exhibitor_id": self.ex_id[e], "priority": priority}
        body.update(extra)
        r = self.im[i].request("POST", "/api/v1/me/meeting-requests", body)
        self.assertEqual(r.status, 201, r.body)
        q = r.json()
        if accept is not None:
            r = self.ex[e].request("POST", "/api/v1/me/meeting-requests/%d/response" % q["id"],
                                   {"decision": "accept" if accept else "decline"})
            self.assertEqual(r.status, 200, r.body)
            q = r.json()
        return q

    def constraints(self, request, body, status=200, client=None):
        r = (client or self.org).request(
            "PATCH", "/api/v1/fairs/%d/meeting-requests/%d/constraints" % (self.fair, request), body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def field_errors(self, problem):
        return {e["field"]: e["code"] for e in problem["errors"]}

    def run_scheduler(self, fill_ins=False, seed=3):
        r = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs" % self.fair,
                             {"seconds": 1, "seed": seed, "fill_ins": fill_ins})
        self.assertEqual(r.status, 202, r.body)
        self.assertEqual(r.json()["fill_ins"], fill_ins)
        run = r.json()
        deadline = time.time() + 60
        while run["status"] == "running" and time.time() < deadline:
            time.sleep(0.1)
            run = self.org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (self.fair, run["id"])).json()
        self.assertEqual(run["status"], "done", run)
        return self.org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (self.fair, run["id"])).json()

    def publish(self, run, confirm=True):
        r = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, run["id"]),
                             {"confirm": confirm})
        self.assertEqual(r.status, 200, r.body)
        return r.json()["published"]

    def schedule(self, client):
        r = client.request("GET", "/api/v1/me/schedule?fair=%d" % self.fair)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def meeting_of(self, client, request):
        found = [m for m in self.schedule(client)["items"] if m["request_id"] == request]
        return found[0] if found else None

    # --- constraints ----------------------------------------------------------------------------

    def test_a_constraints_are_validated_and_respected(self):
        # The requester states a session wish; an invalid one is a field error.
        r = self.im[1].request("POST", "/api/v1/me/meeting-requests",
                               {"exhibitor_id": self.ex_id[1], "priority": "would_like", "session_wish": "evening"})
        self.assertEqual(r.status, 422, r.body)
        self.assertEqual(self.field_errors(r.json()), {"session_wish": "not_allowed"})
        wish = self.request_meeting(1, 1, session_wish="afternoon")
        self.assertEqual(wish["session_wish"], "afternoon")

        a = self.request_meeting(0, 0, "must_meet")
        b = self.request_meeting(0, 1, "must_meet")
        pending = self.request_meeting(2, 0, accept=None)
        impossible = self.request_meeting(3, 3, "must_meet")

        # Only the fair's organizers; only accepted requests; every field checked.
        self.constraints(a["id"], {"fixed_slot": 2}, 403, client=self.ex[0])
        self.constraints(a["id"], {"fixed_slot": 2}, 403, client=self.im[0])
        p = self.constraints(pending["id"], {"fixed_slot": 2}, 409)
        self.assertEqual(p["type"], "/problems/request-not-accepted")
        self.constraints(999999, {"fixed_slot": 2}, 404)
        p = self.constraints(a["id"], {"fixed_slot": 8, "after": [999999, pending["id"], a["id"]],
                                       "session_wish": "noon", "colour": "red"}, 422)
        self.assertEqual(self.field_errors(p), {
            "fixed_slot": "unknown_slot", "after[0]": "foreign_request", "after[1]": "not_accepted",
            "after[2]": "cycle", "session_wish": "not_allowed", "colour": "unknown_field"})
        p = self.constraints(a["id"], {"session_wish": "morning", "fixed_slot": 5}, 422)
        self.assertEqual(self.field_errors(p), {"fixed_slot": "session_mismatch"})
        # Nothing of a refused change was kept.
        listed = self.org.request("GET", "/api/v1/fairs/%d/meeting-requests?status=accepted&limit=100" % self.fair)
        self.assertEqual(listed.status, 200, listed.body)
        row = [q for q in listed.json()["items"] if q["id"] == a["id"]][0]
        self.assertEqual((row["fixed_slot"], row["session_wish"], row["after"]), (None, "any", []))

        # a is fixed to slot 2; b comes after a; then a after b would be a cycle.
        fixed = self.constraints(a["id"], {"fixed_slot": 2})
        self.assertEqual(fixed["fixed_slot"], 2)
        self.assertEqual(fixed["fixed_start"], self.slots[2]["start"])
        self.assertEqual(self.constraints(b["id"], {"after": [a["id"]]})["after"], [a["id"]])
        p = self.constraints(a["id"], {"after": [b["id"]]}, 422)
        self.assertEqual(self.field_errors(p), {"after": "cycle"})
        # An impossible fixed slot: importer 3 is away then. The run says why it is not held.
        r = self.im[3].request("PUT", "/api/v1/fairs/%d/availability" % self.fair, {"unavailable_slots": [6]})
        self.assertEqual(r.status, 200, r.body)
        self.constraints(impossible["id"], {"fixed_slot": 6})
        listed = self.org.request("GET", "/api/v1/fairs/%d/meeting-requests?status=accepted&limit=100" % self.fair)
        rows = {q["id"]: q for q in listed.json()["items"]}
        self.assertEqual((rows[a["id"]]["fixed_slot"], rows[b["id"]]["after"]), (2, [a["id"]]))
        self.assertEqual(rows[wish["id"]]["session_wish"], "afternoon")

        run = self.run_scheduler()
        unscheduled = {u["request_id"]: u["reason"] for u in run["unscheduled"]}
        self.assertEqual(unscheduled, {impossible["id"]: "no_common_slot"})
        self.assertEqual(run["figures"]["unscheduled_reasons"], {"no_common_slot": 1})
        self.publish(run, confirm=False)  # nothing published yet: no confirmation needed
        ma, mb = self.meeting_of(self.im[0], a["id"]), self.meeting_of(self.im[0], b["id"])
        self.assertEqual(ma["start"], self.slots[2]["start"])
        self.assertGreater(mb["start"], ma["start"])
        mw = self.meeting_of(self.ex[1], wish["id"])
        self.assertGreaterEqual(mw["local_start"], "13:00")
        self.assertIsNone(self.meeting_of(self.im[3], impossible["id"]))
        self.assertFalse(ma["fill_in"])

        # Clearing the fixed slot frees the meeting; precedences can be cleared too.
        cleared = self.constraints(impossible["id"], {"fixed_slot": None})
        self.assertIsNone(cleared["fixed_slot"])
        self.assertEqual(self.constraints(b["id"], {"after": []})["after"], [])

    # --- fill-ins -------------------------------------------------------------------------------

    def test_c_request_lists_filter_by_status(self):
        for client, path in ((self.org, "/api/v1/fairs/%d/meeting-requests?limit=100" % self.fair),
                             (self.im[0], "/api/v1/me/meeting-requests?fair=%d&box=outbox" % self.fair)):
            bad = client.request("GET", path + "&status=open")
            self.assertEqual(bad.status, 400, bad.body)
            self.assertEqual(self.field_errors(bad.json()), {"status": "not_allowed"})
            everything = client.request("GET", path).json()["items"]
            self.assertIn("accepted", {q["status"] for q in everything})
            for status in ("accepted", "pending", "declined"):
                items = client.request("GET", path + "&status=" + status).json()["items"]
                self.assertEqual([q["id"] for q in items], [q["id"] for q in everything if q["status"] == status])

    def test_b_fill_ins_only_for_consenting_pairs(self):
        consenting_im, consenting_ex = {4, 5}, {4, 5, 6}
        for i in consenting_im:
            r = self.im[i].request("PUT", "/api/v1/fairs/%d/availability" % self.fair, {"accepts_fill_ins": True})
            self.assertEqual(r.status, 200, r.body)
        for e in consenting_ex:
            r = self.ex[e].request("PUT", "/api/v1/fairs/%d/availability" % self.fair, {"accepts_fill_ins": True})
            self.assertEqual(r.status, 200, r.body)
        declined = self.request_meeting(4, 4, accept=False)
        self.assertEqual(declined["status"], "declined")
        requested = self.request_meeting(5, 5, "must_meet")
        # Importer 6 and exhibitor 7 keep their free slots to themselves.
        self.request_meeting(6, 7)

        plain = self.run_scheduler(fill_ins=False, seed=5)
        self.assertEqual(plain["fill_in_meetings"], [])
        self.assertEqual(plain["figures"]["fill_ins"]["candidates"], 0)
        run = self.run_scheduler(fill_ins=True, seed=5)
        fills = run["fill_in_meetings"]
        self.assertGreaterEqual(len(fills), 1, run)
        self.assertEqual(run["figures"]["fill_ins"]["held"], len(fills))
        self.assertEqual(run["figures"]["fill_ins"]["score"], sum(f["score"] for f in fills))
        im_index = {v: k for k, v in enumerate(self.im_id)}
        ex_index = {v: k for k, v in enumerate(self.ex_id)}
        pairs = {(im_index[f["importer"]["id"]], ex_index[f["exhibitor"]["id"]]) for f in fills}
        for i, e in pairs:
            self.assertIn(i, consenting_im)
            self.assertIn(e, consenting_ex)
        self.assertNotIn((4, 4), pairs, "a declined request never comes back as a fill-in")
        self.assertNotIn((5, 5), pairs, "a requested pair is not a fill-in")
        for f in fills:
            self.assertGreater(f["score"], 0)
            self.assertEqual(set(f["reason"]), {"vi", "en"})
            self.assertIsNone(f["request_id"])
        # Fill-ins never cost a requested meeting.
        self.assertEqual(run["figures"]["held"], plain["figures"]["held"])
        self.assertEqual(run["figures"]["weight_held"], plain["figures"]["weight_held"])
        self.assertEqual(run["figures"]["requested"], plain["figures"]["requested"])

        published = self.publish(run)
        self.assertEqual(published["fill_ins"], len(fills))
        mine = [m for m in self.schedule(self.im[4])["items"] if m["fill_in"]]
        self.assertEqual(len(mine), len([p for p in pairs if p[0] == 4]))
        for m in mine:
            self.assertGreater(m["fill_in_score"], 0)
            self.assertTrue(m["fill_in_reason"]["vi"] and m["fill_in_reason"]["en"], m)
        # Constraints are for requested meetings: a fill-in's request is refused, and listed apart.
        fill_request = mine[0]["request_id"] if mine else self.schedule(self.ex[6])["items"][0]["request_id"]
        p = self.constraints(fill_request, {"fixed_slot": 1}, 409)
        self.assertEqual(p["type"], "/problems/fill-in-request")
        p = self.constraints(requested["id"], {"after": [fill_request]}, 422)
        self.assertEqual(self.field_errors(p), {"after[0]": "fill_in"})
        base = "/api/v1/fairs/%d/meeting-requests?limit=100&source=" % self.fair
        recommended = self.org.request("GET", base + "recommended").json()
        self.assertEqual(recommended["total"], len(fills))
        self.assertTrue(all(q["source"] == "recommended" and q["status"] == "accepted" for q in recommended["items"]))
        participant = self.org.request("GET", base + "participant").json()["items"]
        self.assertNotIn(fill_request, [q["id"] for q in participant])
        self.assertEqual(self.org.request("GET", base + "organizer").status, 400)
        req = self.meeting_of(self.im[5], requested["id"])
        self.assertIsNotNone(req)
        self.assertFalse(req["fill_in"])
        # Fill-ins are not requests in anyone's inbox or outbox.
        for box in ("inbox", "outbox"):
            items = self.im[4].request("GET", "/api/v1/me/meeting-requests?fair=%d&box=%s" % (self.fair, box)).json()
            self.assertEqual([q["id"] for q in items["items"] if q["source"] != "participant"], [])
        text = self.org.request("GET", "/api/v1/fairs/%d/meetings.csv" % self.fair).body.decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        self.assertEqual(len([r for r in rows if r["source"] == "recommended" and r["status"] == "scheduled"]),
                         len(fills))
        # Re-running with fill-ins keeps the published ones (same request, same UID).
        again = self.run_scheduler(fill_ins=True, seed=5)
        self.assertTrue(all(f["request_id"] for f in again["fill_in_meetings"]))

        # A run without fill-ins would cancel them: the publish warning lists them, then confirming does it.
        without = self.run_scheduler(fill_ins=False, seed=5)
        warn = self.org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, without["id"]))
        self.assertEqual(warn.status, 409, warn.body)
        w = warn.json()
        self.assertGreaterEqual(w["cancelled"], len(fills))
        self.assertEqual(len([x for x in w["affected"] if x["change"] == "cancelled"]), w["cancelled"])
        self.assertEqual(len(self.schedule(self.im[4])["items"]), len(mine), "nothing written before confirming")
        self.publish(without, confirm=True)
        s = self.schedule(self.im[4])
        self.assertEqual([m for m in s["items"] if m["fill_in"]], [])
        self.assertEqual(len([m for m in s["cancelled"] if m["fill_in"]]), len(mine))
        # The pair is free to request a meeting of its own now.
        i, e = sorted(pairs)[0]
        r = self.im[i].request("POST", "/api/v1/me/meeting-requests",
                               {"exhibitor_id": self.ex_id[e], "priority": "would_like"})
        self.assertEqual(r.status, 201, r.body)


if __name__ == "__main__":
    unittest.main()
