"""Booths over real HTTP: the floor plan, exactly one winner when many
exhibitors hold the same booth at once, hold expiry, the one-booth limit,
confirmation and approval, and the booth QR code."""
import sqlite3
import subprocess
import threading
import unittest

from harness import BIN, Client, ServerProcess, add_user, api_token

N = 50  # exhibitors racing for one booth
SPARE = 10  # more exhibitors for the other tests


class BoothTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "booths@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "booths@fair.vn"))
        cls.fair = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ gian hàng", "name_en": "Booth fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        hall = cls.org.request("POST", "/api/v1/fairs/%d/halls" % cls.fair, {
            "code": "A", "name_vi": "Nhà A", "name_en": "Hall A", "width": 600, "height": 400})
        assert hall.status == 201, hall.body
        cls.hall = hall.json()["id"]
        r = cls.org.request("POST", "/api/v1/fairs/%d/booths" % cls.fair, {
            "hall_id": cls.hall, "kind": "standard", "area_m2": 9, "price": {"amount": 150000, "currency": "USD"},
            "grid": {"prefix": "A", "rows": 3, "cols": 5, "x": 10, "y": 10, "w": 30, "h": 30, "gap": 5}})
        assert r.status == 201, r.body
        cls.booths = {b["code"]: b["id"] for b in r.json()["items"]}
        # Fifty exhibitors, imported by the organizer; each gets an API token.
        rows = ["email,name,tax_code,province,categories,price_tier"]
        for i in range(N + SPARE):
            rows.append("ex%02d@booth.test,Xưởng số %d,01%08d,ha-noi,ceramics.tableware,mid" % (i, i, i))
        r = cls.org.request("POST", "/api/v1/fairs/%d/imports/exhibitors?dry_run=false" % cls.fair,
                            ("\n".join(rows) + "\n").encode(), {"Content-Type": "text/csv"})
        assert r.status == 201, r.body
        cls.clients = [Client(cls.server, bearer=api_token(cls.server, "ex%02d@booth.test" % i))
                       for i in range(N + SPARE)]
        cls.racers = cls.clients[SPARE:]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def path(self, code, action=""):
        return "/api/v1/fairs/%d/booths/%d%s" % (self.fair, self.booths[code], action)

    def active(self, code):
        db = sqlite3.connect(self.server.db)
        try:
            return db.execute("SELECT count(*) FROM booth_bookings WHERE booth_id = ? AND status IN "
                              "('held','confirmed','approved')", (self.booths[code],)).fetchone()[0]
        finally:
            db.close()

    def test_a_floor_plan(self):
        plan = self.server.request("GET", "/api/v1/fairs/%d/booths" % self.fair).json()
        self.assertEqual(len(plan["items"]), 15)
        self.assertEqual(plan["hold_minutes"], 15)
        a7 = [b for b in plan["items"] if b["code"] == "A-7"][0]
        self.assertEqual((a7["x"], a7["y"]), (10 + 35, 10 + 35))
        self.assertEqual(a7["price"], {"amount": 150000, "currency": "USD"})
        outside = self.org.request("POST", "/api/v1/fairs/%d/booths" % self.fair, {
            "hall_id": self.hall, "code": "Z-1", "x": 590, "y": 10, "w": 30, "h": 30, "area_m2": 9,
            "kind": "corner", "price": {"amount": 1, "currency": "USD"}})
        self.assertEqual(outside.status, 422)

    def test_exactly_one_winner(self):
        barrier = threading.Barrier(N)
        results = [None] * N

        def hold(i):
            barrier.wait()
            results[i] = self.racers[i].request("POST", self.path("A-1", "/hold"))

        threads = [threading.Thread(target=hold, args=(i,)) for i in range(N)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = sorted(r.status for r in results)
        self.assertEqual(statuses.count(201), 1, statuses)
        self.assertEqual(statuses.count(409), N - 1, statuses)
        for r in results:
            if r.status == 409:
                self.assertEqual(r.headers["content-type"], "application/problem+json")
                self.assertEqual(r.json()["booth"], "A-1")
        self.assertEqual(self.active("A-1"), 1)
        winner = [i for i, r in enumerate(results) if r.status == 201][0]
        self.racers[winner].request("DELETE", self.path("A-1", "/hold"))

    def test_settings_and_mine(self):
        r = self.org.request("PUT", "/api/v1/fairs/%d/booth-settings" % self.fair, {"hold_minutes": 0})
        self.assertEqual(r.status, 422)
        r = self.org.request("PUT", "/api/v1/fairs/%d/booth-settings" % self.fair, {"hold_minutes": 30})
        self.assertEqual(r.json(), {"hold_minutes": 30, "booths_per_exhibitor": 1})
        c = self.clients[8]
        held = c.request("POST", self.path("A-9", "/hold")).json()["booking"]
        self.assertAlmostEqual(held["expires_at"] - held["held_at"], 30 * 60)
        plan = c.request("GET", "/api/v1/fairs/%d/booths" % self.fair).json()["items"]
        a9 = [b for b in plan if b["code"] == "A-9"][0]
        self.assertTrue(a9["mine"])
        self.assertIsNotNone(a9["exhibitor"])
        other = self.clients[9].request("GET", "/api/v1/fairs/%d/booths" % self.fair).json()["items"]
        a9_other = [b for b in other if b["code"] == "A-9"][0]
        self.assertFalse(a9_other["mine"])
        self.assertIsNone(a9_other["exhibitor"], "a hold's holder is not shown to other exhibitors")
        stale = self.org.request("POST", self.path("A-9", "/decision"), {"decision": "approve", "booking_id": 999999})
        self.assertEqual(stale.status, 409)
        c.request("DELETE", self.path("A-9", "/hold"))
        self.org.request("PUT", "/api/v1/fairs/%d/booth-settings" % self.fair, {"hold_minutes": 15})

    def test_hold_expiry_frees_the_booth(self):
        a, b = self.clients[1], self.clients[2]
        self.assertEqual(a.request("POST", self.path("A-2", "/hold")).status, 201)
        self.assertEqual(b.request("POST", self.path("A-2", "/hold")).status, 409)
        db = sqlite3.connect(self.server.db)
        db.execute("UPDATE booth_bookings SET expires_at = 1 WHERE booth_id = ? AND status = 'held'",
                   (self.booths["A-2"],))
        db.commit()
        db.close()
        plan = self.server.request("GET", "/api/v1/fairs/%d/booths" % self.fair).json()
        self.assertEqual([x["status"] for x in plan["items"] if x["code"] == "A-2"], ["free"])
        self.assertEqual(b.request("POST", self.path("A-2", "/hold")).status, 201)
        self.assertEqual(a.request("POST", self.path("A-2", "/confirm")).status, 409, "the expired hold is gone")
        b.request("DELETE", self.path("A-2", "/hold"))

    def test_one_booth_per_exhibitor_and_release(self):
        c = self.clients[3]
        self.assertEqual(c.request("POST", self.path("A-3", "/hold")).status, 201)
        second = c.request("POST", self.path("A-4", "/hold"))
        self.assertEqual(second.status, 409)
        self.assertEqual(second.json()["type"], "/problems/booth-limit")
        self.assertEqual(c.request("DELETE", self.path("A-3", "/hold")).status, 204)
        self.assertEqual(self.clients[4].request("POST", self.path("A-3", "/hold")).status, 201,
                         "released: free for others at once")
        self.clients[4].request("DELETE", self.path("A-3", "/hold"))

    def test_confirm_approve_shows_on_profile_and_qr(self):
        c = self.clients[5]
        me = c.request("GET", "/api/v1/me").json()
        exhibitor = me["profiles"][0]["id"]
        self.assertEqual(c.request("POST", self.path("A-5", "/hold")).status, 201)
        self.assertEqual(c.request("POST", self.path("A-5", "/confirm")).status, 200)
        self.assertEqual(self.server.request("GET", "/api/v1/exhibitors/%d" % exhibitor).json()["booth"], "A-5")
        r = self.org.request("POST", self.path("A-5", "/decision"), {"decision": "approve"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "booked")
        plan = self.server.request("GET", "/api/v1/fairs/%d/booths" % self.fair).json()
        a5 = [x for x in plan["items"] if x["code"] == "A-5"][0]
        self.assertEqual(a5["exhibitor"]["id"], exhibitor)
        qr = self.server.request("GET", self.path("A-5", "/qr.svg"))
        self.assertEqual(qr.status, 200)
        self.assertEqual(qr.headers["content-type"], "image/svg+xml")
        self.assertTrue(qr.body.startswith(b"<svg"))
        self.assertIn(b"<title>Booth A-5</title>", qr.body)
        bookings = self.org.request("GET", "/api/v1/fairs/%d/bookings?status=approved" % self.fair).json()["items"]
        self.assertIn(exhibitor, [k["exhibitor_id"] for k in bookings])

    def test_rejection_frees_and_blocked_booths_refuse(self):
        c = self.clients[6]
        c.request("POST", self.path("A-6", "/hold"))
        c.request("POST", self.path("A-6", "/confirm"))
        bad = self.org.request("POST", self.path("A-6", "/decision"), {"decision": "reject"})
        self.assertEqual(bad.status, 422)
        r = self.org.request("POST", self.path("A-6", "/decision"), {"decision": "reject", "reason": "Gian dành cho hội"})
        self.assertEqual(r.json()["status"], "free")
        self.assertEqual(self.org.request("PATCH", self.path("A-6"), {"blocked": True}).status, 200)
        self.assertEqual(self.clients[7].request("POST", self.path("A-6", "/hold")).status, 409)

    def test_non_exhibitors_cannot_hold(self):
        self.assertEqual(self.org.request("POST", self.path("A-8", "/hold")).status, 403)
        self.assertEqual(self.server.request("POST", self.path("A-8", "/hold")).status, 401)
        buyer = Client(self.server).register("buyer@booth.test", "Buyer-no-booth-1", "importer")
        self.assertEqual(buyer.request("POST", self.path("A-8", "/hold")).status, 403)
        seller = Client(self.server).register("noprofile@booth.test", "No-profile-yet-1", "exhibitor")
        self.assertEqual(seller.request("POST", self.path("A-8", "/hold")).status, 409)


class BoothCsvTest(unittest.TestCase):
    def test_import_booths_from_csv(self):
        with ServerProcess(scale=None) as server:
            add_user(server, "organizer", "csv@booth.test")
            org = Client(server, bearer=api_token(server, "csv@booth.test"))
            fair = org.request("POST", "/api/v1/fairs", {
                "name_vi": "Hội chợ", "name_en": "Fair", "venue": "NECC", "city": "Hà Nội",
                "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
            org.request("POST", "/api/v1/fairs/%d/halls" % fair, {
                "code": "B", "name_vi": "Nhà B", "name_en": "Hall B", "width": 200, "height": 100})
            good = ("hall;code;x;y;w;h;area_m2;kind;price_amount;price_currency;blocked\r\n"
                    "B;B-1;0;0;30;30;9;standard;120000;USD;\r\nB;B-2;40;0;60;30;18,5;corner;250000;USD;yes\r\n")
            bad = good.replace("B;B-2;40", "C;B-1;190").replace("18,5", "x")

            def post(text, dry):
                return org.request("POST", "/api/v1/fairs/%d/booths/import?dry_run=%s" % (fair, dry),
                                   text.encode(), {"Content-Type": "text/csv"})
            r = post(bad, "false")
            self.assertEqual(r.status, 422)
            self.assertEqual({(e["row"], e["column"]) for e in r.json()["errors"]},
                             {(3, "hall"), (3, "code"), (3, "area_m2")})
            self.assertEqual(len(server.request("GET", "/api/v1/fairs/%d/booths" % fair).json()["items"]), 0)
            good = good.replace("18,5", "18.5")
            self.assertEqual(post(good, "true").status, 200)
            self.assertEqual(len(server.request("GET", "/api/v1/fairs/%d/booths" % fair).json()["items"]), 0)
            r = post(good, "false")
            self.assertEqual(r.status, 201, r.body)
            plan = server.request("GET", "/api/v1/fairs/%d/booths" % fair).json()["items"]
            self.assertEqual([(b["code"], b["status"], b["area_m2"]) for b in plan],
                             [("B-1", "free", 9), ("B-2", "blocked", 18.5)])


if __name__ == "__main__":
    unittest.main()
