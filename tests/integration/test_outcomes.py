"""After the meeting, over real HTTP: a party marks it held or the other
side a no-show (a live event), each side rates it, the report counts it;
an exhibitor saves a lead by badge only with the importer's consent."""
import sqlite3
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token


class OutcomesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "after@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "after@fair.vn"))
        cls.fair = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ", "name_en": "Fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        for kind, text in (
                ("exhibitors", "email,name,tax_code,province,categories,price_tier\n"
                               "e1@x.vn,Gốm Một,0300000001,ha-noi,ceramics.tableware,mid\n"
                               "e2@x.vn,Gốm Hai,0300000002,ha-noi,ceramics.tableware,mid\n"),
                ("importers", "email,name,country,buyer_type,categories,price_tier,annual_budget_amount,"
                              "annual_budget_currency,languages\n"
                              "i1@x.fr,Maison Un,FR,wholesaler,ceramics.tableware,mid,1000,USD,fr\n")):
            r = cls.org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=false" % (cls.fair, kind),
                                text.encode(), {"Content-Type": "text/csv"})
            assert r.status == 201, r.body
        cls.e1 = Client(cls.server, bearer=api_token(cls.server, "e1@x.vn"))
        cls.e2 = Client(cls.server, bearer=api_token(cls.server, "e2@x.vn"))
        cls.i1 = Client(cls.server, bearer=api_token(cls.server, "i1@x.fr"))
        cls.e1_id = cls.e1.request("GET", "/api/v1/me").json()["profiles"][0]["id"]
        cls.i1_id = cls.i1.request("GET", "/api/v1/me").json()["profiles"][0]["id"]
        r = cls.i1.request("POST", "/api/v1/me/meeting-requests", {
            "exhibitor_id": cls.e1_id, "priority": "must_meet", "message": "Xin chào"})
        assert r.status == 201, r.body
        assert cls.e1.request("POST", "/api/v1/me/meeting-requests/%d/response" % r.json()["id"],
                              {"decision": "accept"}).status == 200
        r = cls.org.request("PUT", "/api/v1/fairs/%d/grid" % cls.fair, {
            "days": ["2026-12-03"], "sessions": [{"start": "09:00", "end": "12:00"}],
            "slot_minutes": 30, "pause_minutes": 0, "tables": 2, "use_booths": False})
        assert r.status == 200, r.body
        run = cls.org.request("POST", "/api/v1/fairs/%d/schedule-runs" % cls.fair, {"seconds": 1}).json()
        for _ in range(300):
            run = cls.org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (cls.fair, run["id"])).json()
            if run["status"] != "running":
                break
            time.sleep(0.05)
        assert run["status"] == "done", run
        assert cls.org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (cls.fair, run["id"])).status == 200
        cls.meeting = cls.i1.request("GET", "/api/v1/me/schedule?fair=%d" % cls.fair).json()["items"][0]["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def move_meeting_to_the_past(self):
        db = sqlite3.connect(self.server.db)
        db.execute("UPDATE meetings SET starts_at = starts_at - 40 * 86400, ends_at = ends_at - 40 * 86400")
        db.commit()
        db.close()

    def test_outcome_feedback_and_report(self):
        path = "/api/v1/meetings/%d" % self.meeting
        early = self.i1.request("POST", path + "/outcome", {"outcome": "held"})
        self.assertEqual(early.status, 409, "not before it started")
        self.move_meeting_to_the_past()
        self.assertEqual(self.e2.request("POST", path + "/outcome", {"outcome": "held"}).status, 404)
        r = self.e1.request("POST", path + "/outcome", {"outcome": "no_show"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["absent_side"], "importer")
        report = self.org.request("GET", "/api/v1/fairs/%d/report" % self.fair).json()
        self.assertEqual((report["meetings"]["held"], report["meetings"]["no_show"]), (0, 1))
        self.assertEqual(self.i1.request("POST", path + "/outcome", {"outcome": "held"}).status, 200)
        report = self.org.request("GET", "/api/v1/fairs/%d/report" % self.fair).json()
        self.assertEqual((report["meetings"]["held"], report["meetings"]["no_show"]), (1, 0))
        self.assertEqual(self.org.request("POST", path + "/outcome", {"outcome": "no_show"}).status, 422,
                         "an organizer says which side was absent")
        self.assertEqual(self.i1.request("POST", path + "/feedback", {"rating": 6}).status, 422)
        r = self.i1.request("POST", path + "/feedback", {"rating": 5, "comment": "Très bien"})
        self.assertEqual(r.json()["side"], "importer")
        self.assertEqual(self.org.request("POST", path + "/feedback", {"rating": 3}).status, 403)

    def test_leads_need_consent(self):
        badge = [p for p in self.org.request("GET", "/api/v1/fairs/%d/participants?kind=importer" % self.fair)
                 .json()["items"]][0]["badge_code"]
        r = self.e1.request("POST", "/api/v1/fairs/%d/leads" % self.fair, {"badge_code": badge, "note": "mẫu bát"})
        self.assertEqual(r.status, 403)
        self.assertEqual(r.json()["type"], "/problems/no-consent")
        self.assertEqual(self.i1.request("PATCH", "/api/v1/importers/%d" % self.i1_id, {"lead_sharing": True}).status, 200)
        r = self.e1.request("POST", "/api/v1/fairs/%d/leads" % self.fair, {"badge_code": badge, "note": "mẫu bát"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.e1.request("POST", "/api/v1/fairs/%d/leads" % self.fair,
                                         {"badge_code": badge, "note": "gửi báo giá"}).status, 200)
        mine = self.e1.request("GET", "/api/v1/me/leads?fair=%d" % self.fair).json()["items"]
        self.assertEqual([(l["importer"]["name"], l["note"]) for l in mine], [("Maison Un", "gửi báo giá")])
        self.assertEqual(self.e2.request("GET", "/api/v1/me/leads?fair=%d" % self.fair).json()["items"], [],
                         "exhibitors never see each other's leads")
        self.assertEqual(self.e1.request("POST", "/api/v1/fairs/%d/leads" % self.fair,
                                         {"badge_code": "nope"}).status, 404)


if __name__ == "__main__":
    unittest.main()
