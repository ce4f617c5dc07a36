"""CRUD round trips over real HTTP against the real server."""
import unittest

from harness import Client, ServerProcess, add_user, api_token, first_fair_id

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


class CrudTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale="small").__enter__()
        fair = first_fair_id(cls.server)
        add_user(cls.server, "organizer", "organizer@hanoi-fair.vn", fair=fair)
        cls.org = Client(cls.server, bearer=api_token(cls.server, "organizer@hanoi-fair.vn"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def exhibitor_body(self, fair):
        return {"fair_id": fair, "name": "Công ty TNHH Sơn mài Hạ Thái", "name_en": "Ha Thai Lacquer Co., Ltd",
                "tax_code": "0109876543", "province": "ha-noi", "craft_village": "Hạ Thái",
                "description_vi": "Sơn mài truyền thống.\nHàng xuất khẩu.",
                "description_en": "Traditional lacquerware.", "categories": ["wood.lacquerware"],
                "materials": ["lacquer", "wood"], "certifications": ["OCOP4"], "moq": 100,
                "monthly_capacity": 5000, "lead_time_days": 45, "price_tier": "premium",
                "export_markets": ["FR", "JP"], "languages": ["vi", "fr"], "website": "https://hathai.example.vn"}

    def test_demo_fair_is_served(self):
        fairs = self.server.request("GET", "/api/v1/fairs").json()
        self.assertGreaterEqual(fairs["total"], 1)
        fair = self.server.request("GET", "/api/v1/fairs/%d" % fairs["items"][0]["id"]).json()
        self.assertEqual(fair["counts"]["exhibitors"], 50)
        self.assertEqual(fair["counts"]["importers"], 120)
        page = self.server.request("GET", "/api/v1/exhibitors?fair=%d&limit=7&offset=7" % fair["id"]).json()
        self.assertEqual(page["total"], 50)
        self.assertEqual(len(page["items"]), 7)
        self.assertEqual(page["offset"], 7)

    def test_exhibitor_round_trip(self):
        fair = first_fair_id(self.server)
        r = self.org.request("POST", "/api/v1/exhibitors", self.exhibitor_body(fair))
        self.assertEqual(r.status, 201, r.body)
        created = r.json()
        self.assertEqual(r.headers["location"], "/api/v1/exhibitors/%d" % created["id"])
        got = self.server.request("GET", "/api/v1/exhibitors/%d" % created["id"]).json()
        self.assertEqual(got["name"], "Công ty TNHH Sơn mài Hạ Thái")
        self.assertEqual(got["description_vi"], "Sơn mài truyền thống.\nHàng xuất khẩu.")
        r = self.org.request("PATCH", "/api/v1/exhibitors/%d" % created["id"], {"moq": 250, "languages": ["vi"]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["moq"], 250)
        self.assertEqual(r.json()["languages"], ["vi"])
        self.assertEqual(r.json()["name_en"], "Ha Thai Lacquer Co., Ltd")
        self.assertEqual(self.org.request("DELETE", "/api/v1/exhibitors/%d" % created["id"]).status, 204)
        self.assertEqual(self.server.request("GET", "/api/v1/exhibitors/%d" % created["id"]).status, 404)

    def test_importer_round_trip(self):
        fair = first_fair_id(self.server)
        body = {"fair_id": fair, "name": "Maison Lumière SARL", "country": "FR", "buyer_type": "retail_chain",
                "categories": ["ceramics.ornaments"], "required_certifications": ["BSCI"], "price_tier": "premium",
                "order_quantity": 2000, "max_lead_time_days": 60,
                "annual_budget": {"amount": 50000000, "currency": "EUR"}, "languages": ["fr", "en"]}
        r = self.org.request("POST", "/api/v1/importers", body)
        self.assertEqual(r.status, 201, r.body)
        imp = r.json()
        self.assertEqual(imp["annual_budget"], {"amount": 50000000, "currency": "EUR"})
        r = self.org.request("PATCH", "/api/v1/importers/%d" % imp["id"], {"country": "XX"})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["errors"][0]["field"], "country")
        self.assertEqual(self.org.request("GET", "/api/v1/importers/%d" % imp["id"]).json()["country"], "FR")

    def test_product_with_photo(self):
        fair = first_fair_id(self.server)
        eid = self.org.request("POST", "/api/v1/exhibitors", self.exhibitor_body(fair)).json()["id"]
        r = self.org.request("POST", "/api/v1/exhibitors/%d/products" % eid,
                                {"name_vi": "Hộp sơn mài khảm trứng", "name_en": "Eggshell-inlaid lacquer box",
                                 "category": "wood.lacquerware", "fob_price_min": 1200, "fob_price_max": 2500,
                                 "moq": 100, "village": "Hạ Thái", "artisan": "Nghệ nhân Trần Văn An"})
        self.assertEqual(r.status, 201, r.body)
        pid = r.json()["id"]
        up = self.org.request("POST", "/api/v1/products/%d/photos" % pid, PNG, {"Content-Type": "image/png"})
        self.assertEqual(up.status, 201, up.body)
        photo = up.json()
        img = self.server.request("GET", photo["url"])
        self.assertEqual(img.status, 200)
        self.assertEqual(img.headers["content-type"], "image/png")
        self.assertEqual(img.body, PNG)
        # A JPEG label on PNG bytes, and a type we do not take.
        self.assertEqual(self.org.request("POST", "/api/v1/products/%d/photos" % pid, PNG,
                                             {"Content-Type": "image/jpeg"}).status, 422)
        self.assertEqual(self.org.request("POST", "/api/v1/products/%d/photos" % pid, b"<svg/>",
                                             {"Content-Type": "image/svg+xml"}).status, 415)
        prod = self.server.request("GET", "/api/v1/products/%d" % pid).json()
        self.assertEqual(len(prod["photos"]), 1)
        self.assertEqual(prod["exhibitor_name"], "Công ty TNHH Sơn mài Hạ Thái")
        self.assertEqual(self.org.request("DELETE", photo["url"]).status, 204)
        self.assertEqual(self.server.request("GET", photo["url"]).status, 404)

    def test_reference_data(self):
        provinces = self.server.request("GET", "/api/v1/reference/provinces").json()["items"]
        self.assertEqual(len(provinces), 34)
        names = {p["name_vi"] for p in provinces}
        self.assertIn("Hà Nội", names)
        self.assertIn("Bắc Ninh", names)
        countries = self.server.request("GET", "/api/v1/reference/countries").json()["items"]
        self.assertIn("DE", {c["code"] for c in countries})
        cats = self.server.request("GET", "/api/v1/reference/categories").json()["items"]
        self.assertTrue(all(len(c["hs_code"]) >= 4 for c in cats))


if __name__ == "__main__":
    unittest.main()
