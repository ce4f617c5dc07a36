"""Deals and the programme report over real HTTP: deals in any currency
converted at the organizer's rates, corrections with history, who sees
what, live events, and the report's figures in JSON and CSV."""
import csv
import io
import unittest

from harness import Client, ServerProcess, add_user, api_token


class DealsReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "report@fair.vn")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "report@fair.vn"))
        cls.fair = cls.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ báo cáo", "name_en": "Report fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        ex = ("email,name,tax_code,province,categories,price_tier\n"
              "a@x.vn,Gốm A,0100000001,ha-noi,ceramics.tableware,mid\n"
              "b@x.vn,Mây B,0100000002,ha-noi,basketry.rattan,mid\n"
              "c@x.vn,Lụa C,0100000003,bac-ninh,textiles.silk,mid\n")
        im = ("email,name,country,buyer_type,categories,price_tier,annual_budget_amount,annual_budget_currency,languages\n"
              "d@x.de,Haus D,DE,wholesaler,ceramics.tableware,mid,1000,EUR,de\n"
              "j@x.jp,Zakka J,JP,gift_shop,basketry.rattan,mid,1000,JPY,ja\n")
        for kind, text in (("exhibitors", ex), ("importers", im)):
            r = cls.org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=false" % (cls.fair, kind),
                                text.encode(), {"Content-Type": "text/csv"})
            assert r.status == 201, r.body
        cls.c = {e: Client(cls.server, bearer=api_token(cls.server, e)) for e in ("a@x.vn", "b@x.vn", "d@x.de", "j@x.jp")}
        cls.ids = {e: cls.c[e].request("GET", "/api/v1/me").json()["profiles"][0]["id"] for e in cls.c}

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def deal(self, who, counterpart, amount, currency, kind="contract"):
        return self.c[who].request("POST", "/api/v1/fairs/%d/deals" % self.fair, {
            "counterpart_id": self.ids[counterpart], "kind": kind,
            "value": {"amount": amount, "currency": currency}})

    def test_deals_rates_history_and_report(self):
        # No rate for EUR yet: refused with a field error.
        r = self.deal("a@x.vn", "d@x.de", 1000000, "EUR")
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["errors"][0]["field"], "value.currency")
        bad = self.org.request("PUT", "/api/v1/fairs/%d/rates" % self.fair, {"rates": {"EUR": -1, "XXX": 2}})
        self.assertEqual(bad.status, 422)
        self.assertEqual(self.org.request("PUT", "/api/v1/fairs/%d/rates" % self.fair,
                                          {"rates": {"EUR": 1.08, "JPY": 0.0067}}).status, 200)
        r = self.deal("a@x.vn", "d@x.de", 1000000, "EUR")  # 10,000.00 EUR
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["usd_cents"], 1080000)
        d1 = r.json()["id"]
        r = self.deal("j@x.jp", "b@x.vn", 3000000, "JPY")  # ¥3,000,000 (no minor unit) = 20,100.00 USD
        self.assertEqual(r.json()["usd_cents"], 2010000)
        self.assertEqual(self.deal("b@x.vn", "d@x.de", 50000, "USD", kind="sample_order").status, 201)
        ghost = self.c["a@x.vn"].request("POST", "/api/v1/fairs/%d/deals" % self.fair, {
            "counterpart_id": 99999, "kind": "contract", "value": {"amount": 100, "currency": "USD"}})
        self.assertEqual(ghost.status, 422, "the counterpart must be an approved importer of the fair")
        self.assertEqual(ghost.json()["errors"][0]["field"], "counterpart_id")
        # A correction keeps history; only the author may correct.
        self.assertEqual(self.c["d@x.de"].request("PATCH", "/api/v1/deals/%d" % d1, {"note": "x"}).status, 404)
        r = self.c["a@x.vn"].request("PATCH", "/api/v1/deals/%d" % d1, {"value": {"amount": 2000000, "currency": "EUR"}})
        self.assertEqual(r.json()["usd_cents"], 2160000)
        history = self.c["a@x.vn"].request("GET", "/api/v1/deals/%d/history" % d1).json()["items"]
        self.assertEqual(len(history), 2)
        self.assertEqual(history[1]["before"]["value"]["amount"], 1000000)
        # Both parties see their deal; another exhibitor does not.
        self.assertEqual(len(self.c["d@x.de"].request("GET", "/api/v1/me/deals?fair=%d" % self.fair).json()["items"]), 2)
        a_deals = self.c["a@x.vn"].request("GET", "/api/v1/me/deals?fair=%d" % self.fair).json()["items"]
        self.assertEqual([d["id"] for d in a_deals], [d1])
        self.assertTrue(a_deals[0]["recorded_by_me"])
        d_view = [d for d in self.c["d@x.de"].request("GET", "/api/v1/me/deals?fair=%d" % self.fair).json()["items"]
                  if d["id"] == d1][0]
        self.assertFalse(d_view["recorded_by_me"], "the other side sees the deal but may not correct it")
        # The report.
        rep = self.org.request("GET", "/api/v1/fairs/%d/report" % self.fair).json()
        self.assertEqual(rep["exhibitors"]["total"], 3)
        self.assertEqual(rep["exhibitors"]["provinces"], 2)
        self.assertEqual(rep["exhibitors"]["by_province"][0]["code"], "ha-noi")
        self.assertEqual(rep["exhibitors"]["by_province"][0]["name_vi"], "Hà Nội")
        self.assertEqual(rep["importers"]["countries"], 2)
        self.assertEqual(rep["deals"]["contracts"], 2)
        self.assertEqual(rep["deals"]["contract_value_usd_cents"], 2160000 + 2010000)
        self.assertEqual(rep["deals"]["sample_orders"], 1)
        self.assertEqual(rep["deals"]["average_per_exhibitor_usd_cents"], round((2160000 + 2010000) / 3))
        self.assertEqual(rep["deals"]["by_country"][0]["code"], "DE")
        csv_r = self.org.request("GET", "/api/v1/fairs/%d/report.csv" % self.fair)
        self.assertTrue(csv_r.headers["content-type"].startswith("text/csv"))
        rows = list(csv.reader(io.StringIO(csv_r.body.decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["section", "key", "name_vi", "name_en", "count", "usd"])
        contracts = [row for row in rows if row[:2] == ["deals", "contracts"]][0]
        self.assertEqual(contracts[4:], ["2", "41700.00"])
        self.assertIn(["province", "bac-ninh", "Bắc Ninh", "Bac Ninh", "1", ""], rows)
        self.assertEqual(self.c["a@x.vn"].request("GET", "/api/v1/fairs/%d/report" % self.fair).status, 403)


if __name__ == "__main__":
    unittest.main()
