"""Recommendations over real HTTP on the demo fair: ranked with reasons in
the user's language, both directions, the organizer's pair explanation and
weights editor, and the importer's shortlist."""
import unittest

from harness import Client, ServerProcess, add_user, api_token, first_fair_id


class RecommendationsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale="small").__enter__()
        cls.fair = first_fair_id(cls.server)
        add_user(cls.server, "organizer", "match@fair.vn", fair=cls.fair)
        cls.org = Client(cls.server, bearer=api_token(cls.server, "match@fair.vn"))
        cls.buyer = Client(cls.server).register("buyer@maison.fr", "Maison-Lumiere-2026", "importer", "Claire",
                                                language="en")
        r = cls.buyer.request("POST", "/api/v1/importers", {
            "fair_id": cls.fair, "name": "Maison Lumière SARL", "country": "FR", "buyer_type": "retail_chain",
            "categories": ["ceramics.tableware", "ceramics.ornaments"], "price_tier": "mid",
            "order_quantity": 1000, "max_lead_time_days": 60,
            "annual_budget": {"amount": 20000000, "currency": "EUR"}, "languages": ["fr", "en"]})
        assert r.status == 201, r.body
        cls.importer = r.json()["id"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def approve(self):
        self.org.request("POST", "/api/v1/fairs/%d/participants/importer/%d/decision" % (self.fair, self.importer),
                         {"decision": "approve"})

    def test_a_pending_importer_gets_none(self):
        other = Client(self.server).register("pending@x.de", "Pending-buyer-2026", "importer")
        other.request("POST", "/api/v1/importers", {
            "fair_id": self.fair, "name": "Wohnen GmbH", "country": "DE", "buyer_type": "wholesaler",
            "categories": ["basketry.rattan"], "price_tier": "mid",
            "annual_budget": {"amount": 1000, "currency": "EUR"}, "languages": ["de"]})
        r = other.request("GET", "/api/v1/fairs/%d/recommendations" % self.fair)
        self.assertEqual(r.status, 409)
        self.assertEqual(r.json()["type"], "/problems/not-approved")

    def test_importer_recommendations_ranked_with_english_reasons(self):
        self.approve()
        r = self.buyer.request("GET", "/api/v1/fairs/%d/recommendations?limit=10" % self.fair)
        self.assertEqual(r.status, 200, r.body)
        items = r.json()["items"]
        self.assertEqual(len(items), 10)
        scores = [i["score"] for i in items]
        self.assertEqual(scores, sorted(scores, reverse=True))
        top = items[0]
        self.assertTrue(set(top["exhibitor"]["categories"]) & {"ceramics.tableware", "ceramics.ornaments"})
        codes = [reason["code"] for part in top["parts"] for reason in part["reasons"]]
        self.assertIn("category_match", codes)
        texts = [reason["text"] for part in top["parts"] for reason in part["reasons"]]
        self.assertTrue(any(t.startswith("Makes what you look for: Ceramic") for t in texts), texts)
        self.assertNotIn("status", top["exhibitor"])
        vi = self.buyer.request("GET", "/api/v1/fairs/%d/recommendations?limit=1&lang=vi" % self.fair).json()
        texts_vi = [reason["text"] for part in vi["items"][0]["parts"] for reason in part["reasons"]]
        self.assertTrue(any(t.startswith("Cùng ngành hàng: Gốm sứ") for t in texts_vi), texts_vi)

    def test_exhibitor_sees_buyers(self):
        self.approve()
        seller = Client(self.server).register("seller@gom.vn", "Gom-Bat-Trang-2026", "exhibitor", "Hùng")
        r = seller.request("POST", "/api/v1/exhibitors", {
            "fair_id": self.fair, "name": "Gốm Hùng Bát Tràng", "tax_code": "0107777777", "province": "ha-noi",
            "craft_village": "Bát Tràng", "categories": ["ceramics.tableware"], "price_tier": "mid",
            "languages": ["vi", "fr"], "export_markets": ["FR"], "moq": 200, "monthly_capacity": 5000,
            "lead_time_days": 30})
        eid = r.json()["id"]
        self.org.request("POST", "/api/v1/fairs/%d/participants/exhibitor/%d/decision" % (self.fair, eid),
                         {"decision": "approve"})
        r = seller.request("GET", "/api/v1/fairs/%d/recommendations?limit=50" % self.fair)
        self.assertEqual(r.status, 200, r.body)
        items = r.json()["items"]
        mine = [i for i in items if i["importer"]["id"] == self.importer]
        self.assertTrue(mine, "the French ceramics buyer is among the best matches")
        self.assertNotIn("annual_budget", mine[0]["importer"])
        texts = [x["text"] for p in mine[0]["parts"] for x in p["reasons"]]
        self.assertTrue(any("Pháp" in t or "fr" in t for t in texts), texts)

    def test_pair_explanation_adds_up(self):
        self.approve()
        exh = self.server.request("GET", "/api/v1/exhibitors?fair=%d&limit=1" % self.fair).json()["items"][0]["id"]
        r = self.org.request("GET", "/api/v1/fairs/%d/match?importer=%d&exhibitor=%d" % (self.fair, self.importer, exh))
        self.assertEqual(r.status, 200, r.body)
        x = r.json()
        self.assertEqual(sum(p["points"] for p in x["parts"]), x["score"])
        self.assertEqual(len(x["parts"]), 10)
        self.assertEqual(x["importer"]["annual_budget"]["currency"], "EUR")

    def test_weights_editor_validates_and_changes_ranking(self):
        self.approve()
        bad = self.org.request("PUT", "/api/v1/fairs/%d/weights" % self.fair,
                               {"category": -5, "colour": 3, "price": "high"})
        self.assertEqual(bad.status, 422)
        self.assertEqual({e["field"] for e in bad.json()["errors"]}, {"colour", "price"})
        bad = self.org.request("PUT", "/api/v1/fairs/%d/weights" % self.fair, {"category": -5})
        self.assertEqual([e["field"] for e in bad.json()["errors"]], ["category"])
        ok = self.org.request("PUT", "/api/v1/fairs/%d/weights" % self.fair, {"category": 5, "language": 80})
        self.assertEqual(ok.status, 200, ok.body)
        self.assertEqual(self.org.request("GET", "/api/v1/fairs/%d/weights" % self.fair).json()["language"], 80)
        top = self.buyer.request("GET", "/api/v1/fairs/%d/recommendations?limit=1" % self.fair).json()["items"][0]
        parts = {p["part"]: p for p in top["parts"]}
        self.assertIn("language", parts)
        self.org.request("PUT", "/api/v1/fairs/%d/weights" % self.fair, {})
        audit = self.org.request("GET", "/api/v1/fairs/%d/audit" % self.fair).json()["items"]
        self.assertEqual(audit[0]["action"], "weights.update")

    def test_shortlist(self):
        exh = self.server.request("GET", "/api/v1/exhibitors?fair=%d&limit=2" % self.fair).json()["items"]
        for e in exh:
            self.assertEqual(self.buyer.request("PUT", "/api/v1/me/shortlist/%d" % e["id"], {"note": "ask for samples"})
                             .status, 200)
        listed = self.buyer.request("GET", "/api/v1/me/shortlist").json()["items"]
        self.assertEqual([i["exhibitor"]["id"] for i in listed], [e["id"] for e in exh])
        self.assertEqual(listed[0]["note"], "ask for samples")
        self.assertEqual(self.buyer.request("DELETE", "/api/v1/me/shortlist/%d" % exh[0]["id"]).status, 204)
        self.assertEqual(len(self.buyer.request("GET", "/api/v1/me/shortlist").json()["items"]), 1)
        self.assertEqual(self.buyer.request("PUT", "/api/v1/me/shortlist/999999").status, 404)


if __name__ == "__main__":
    unittest.main()
