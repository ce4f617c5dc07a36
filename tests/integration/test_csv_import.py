"""Onboarding from spreadsheets over real HTTP: the dry run reports every
row-level error and writes nothing; a real run imports all rows or none and
creates invitation links that work once."""
import sqlite3
import unittest

from harness import Client, ServerProcess, add_user, api_token

GOOD = ("\ufeffemail;name;name_en;tax_code;province;craft_village;categories;certifications;moq;price_tier;"
        "languages;description_vi\r\n"
        "lan@gomsu.vn;Công ty Gốm sứ Lan Anh;Lan Anh Ceramics;0101234561;ha-noi;Bát Tràng;"
        "ceramics.tableware|ceramics.ornaments;OCOP4;200;mid;vi|en;\"Gốm men rạn;\nlò gas\"\r\n"
        "minh@maytre.vn;HTX Mây tre Phú Vinh;;0101234562;ha-noi;Phú Vinh;basketry.rattan;;500;budget;vi;\r\n")

BROKEN = ("email,name,tax_code,province,categories,price_tier,moq\n"
          "ok@x.vn,Xưởng tốt,0101234563,ha-noi,ceramics.tableware,mid,10\n"
          "bad-email,Xưởng A,12345,ha-tay,spaceships,cheap,lots\n"
          "ok@x.vn,,0101234564,bac-ninh,ceramics.tableware,mid,5\n")


class CsvImportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "import@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "import@fair.vn"))
        cls.fair = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ nhập", "name_en": "Import fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def counts(self):
        db = sqlite3.connect(self.server.db)
        try:
            return tuple(db.execute("SELECT (SELECT count(*) FROM exhibitors), (SELECT count(*) FROM users), "
                                    "(SELECT count(*) FROM outbox)").fetchone())
        finally:
            db.close()

    def post(self, text, dry_run, kind="exhibitors"):
        return self.org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=%s" % (
            self.fair, kind, "true" if dry_run else "false"), text.encode("utf-8"),
            {"Content-Type": "text/csv; charset=utf-8"})

    def test_broken_rows_are_all_reported_and_nothing_is_written(self):
        before = self.counts()
        for dry in (True, False):
            r = self.post(BROKEN, dry)
            self.assertEqual(r.status, 422, r.body)
            report = r.json()
            self.assertEqual(report["rows"], 3)
            self.assertEqual(report["valid_rows"], 1)
            self.assertEqual(report["imported"], 0)
            got = {(e["row"], e["column"]) for e in report["errors"]}
            self.assertEqual(got, {(3, "email"), (3, "tax_code"), (3, "province"), (3, "categories"),
                                   (3, "price_tier"), (3, "moq"), (4, "email"), (4, "name")})
            self.assertEqual(self.counts(), before)

    def test_dry_run_then_real_run_with_invitations(self):
        before = self.counts()
        dry = self.post(GOOD, True)
        self.assertEqual(dry.status, 200, dry.body)
        self.assertEqual(dry.json()["valid_rows"], 2)
        self.assertEqual(self.counts(), before)
        real = self.post(GOOD, False)
        self.assertEqual(real.status, 201, real.body)
        report = real.json()
        self.assertEqual(report["imported"], 2)
        after = self.counts()
        self.assertEqual(after[0] - before[0], 2)
        self.assertEqual(after[1] - before[1], 2)
        lan = [e for e in self.server.request("GET", "/api/v1/exhibitors?fair=%d" % self.fair).json()["items"]
               if e["tax_code"] == "0101234561"][0]
        self.assertEqual(lan["name"], "Công ty Gốm sứ Lan Anh")
        self.assertEqual(lan["categories"], ["ceramics.tableware", "ceramics.ornaments"])
        self.assertEqual(lan["description_vi"], "Gốm men rạn;\nlò gas")
        link = [i for i in report["invitations"] if i["email"] == "lan@gomsu.vn"][0]["link"]
        token = link.split("token=")[1]
        c = Client(self.server)
        r = c.request("POST", "/api/v1/auth/invitations/accept", {"token": token, "password": "Gom-Lan-Anh-2026"})
        self.assertEqual(r.status, 200, r.body)
        me = c.request("GET", "/api/v1/me").json()
        self.assertEqual(me["profiles"][0]["id"], lan["id"])
        again = Client(self.server).request("POST", "/api/v1/auth/invitations/accept",
                                            {"token": token, "password": "Another-pass-2026"})
        self.assertEqual(again.status, 400, "an invitation works once")
        # Importing the same people again: every email is taken, nothing changes.
        dup = self.post(GOOD, False)
        self.assertEqual(dup.status, 422)
        self.assertEqual({e["code"] for e in dup.json()["errors"]}, {"taken"})

    def test_importers_csv(self):
        text = ("email,name,country,buyer_type,categories,price_tier,annual_budget_amount,annual_budget_currency,"
                "languages\nbuyer@nordic.se,Nordic Living AB,SE,retail_chain,basketry.rattan,mid,2500000,EUR,sv|en\n")
        r = self.post(text, False, kind="importers")
        self.assertEqual(r.status, 201, r.body)
        bad = self.post(text.replace("EUR", "EURO").replace("buyer@", "b2@"), True, kind="importers")
        self.assertEqual(bad.status, 422)
        self.assertEqual(bad.json()["errors"][0]["column"], "annual_budget_currency")

    def test_not_csv(self):
        r = self.org.request("POST", "/api/v1/fairs/%d/imports/exhibitors" % self.fair, {"a": 1})
        self.assertEqual(r.status, 415)
        r = self.post("email,name\n\"open,x\n", True)
        self.assertEqual(r.status, 422)
        self.assertIn("Line 2", r.json()["detail"])
        r = self.post("email,name,colour\n", True)
        self.assertEqual(r.status, 422)
        cols = {e["column"] for e in r.json()["errors"]}
        self.assertIn("colour", cols)
        self.assertIn("tax_code", cols)


if __name__ == "__main__":
    unittest.main()
