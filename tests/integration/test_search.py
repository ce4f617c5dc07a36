"""Catalogue search over real HTTP on the demo fair: accent-insensitive
Vietnamese (đ -> d), exact accents ranked first, English words, prefixes as
the user types, filters with facet counts, and the index kept in step with
profile and product changes in the same transaction."""
import unittest

from harness import Client, ServerProcess, add_user, api_token, first_fair_id


def names(r):
    return [e["name"] for e in r.json()["items"]]


class SearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale="small").__enter__()
        cls.fair = first_fair_id(cls.server)
        add_user(cls.server, "organizer", "search@fair.vn", fair=cls.fair)
        cls.org = Client(cls.server, bearer=api_token(cls.server, "search@fair.vn"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def search(self, q, **params):
        from urllib.parse import urlencode
        params.update({"q": q, "fair": self.fair, "limit": 100})
        r = self.server.request("GET", "/api/v1/exhibitors?" + urlencode(params))
        self.assertEqual(r.status, 200, r.body)
        return r

    def add(self, name, village="", province="ha-noi", categories=("ceramics.tableware",), **extra):
        body = {"fair_id": self.fair, "name": name, "tax_code": "01%08d" % (abs(hash(name)) % 10 ** 8),
                "province": province, "craft_village": village, "categories": list(categories),
                "price_tier": "mid"}
        body.update(extra)
        r = self.org.request("POST", "/api/v1/exhibitors", body)
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def test_accents_and_case_do_not_matter(self):
        results = [set(names(self.search(q))) for q in ("bat trang", "Bát Tràng", "BÁT TRÀNG")]
        self.assertTrue(results[0])
        self.assertEqual(results[0], results[1])
        self.assertEqual(results[1], results[2])

    def test_d_with_stroke_folds_to_d(self):
        self.add("Xưởng tranh Đông Hồ Nguyễn Đăng", village="Đông Hồ", province="bac-ninh",
                 categories=["art.dong_ho_prints"])
        self.assertIn("Xưởng tranh Đông Hồ Nguyễn Đăng", names(self.search("dong ho")))
        self.assertIn("Xưởng tranh Đông Hồ Nguyễn Đăng", names(self.search("nguyen dang")))

    def test_gom_su_finds_ceramics(self):
        self.add("Công ty Gốm sứ Hoàng Hải", village="Bát Tràng")
        self.assertIn("Công ty Gốm sứ Hoàng Hải", names(self.search("gom su")))

    def test_exact_accents_rank_first(self):
        a = self.add("Lụa Tơ Tằm Vân Anh", description_vi="lụa tơ tằm")
        b = self.add("Lúa Tô Tám Văn Ánh", description_vi="lúa tô tám")
        ids = [e["id"] for e in self.search("Lụa Tơ Tằm").json()["items"]]
        self.assertLess(ids.index(a), ids.index(b))
        ids = [e["id"] for e in self.search("Lúa Tô Tám").json()["items"]]
        self.assertLess(ids.index(b), ids.index(a))

    def test_english_words_and_prefixes(self):
        self.add("Hạ Thái Craft", village="Hạ Thái", categories=["wood.lacquerware"],
                 description_en="Hand-painted lacquer boxes and trays.")
        self.assertIn("Hạ Thái Craft", names(self.search("lacquer")))
        self.assertIn("Hạ Thái Craft", names(self.search("lacq")))
        self.assertIn("Hạ Thái Craft", names(self.search("hand-painted lacq")))

    def test_products_feed_their_exhibitor_and_index_follows_changes(self):
        eid = self.add("Xưởng Mây Tre Ngọc Động", village="Ngọc Động", categories=["basketry.rattan"])
        self.assertNotIn("Xưởng Mây Tre Ngọc Động", names(self.search("zigzag")))
        r = self.org.request("POST", "/api/v1/exhibitors/%d/products" % eid, {
            "name_vi": "Giỏ zigzag", "name_en": "Zigzag rattan basket", "category": "basketry.rattan",
            "fob_price_min": 100, "fob_price_max": 200})
        pid = r.json()["id"]
        self.assertIn("Xưởng Mây Tre Ngọc Động", names(self.search("zigzag")))
        products = self.server.request("GET", "/api/v1/products?q=zigzag").json()
        self.assertEqual([p["id"] for p in products["items"]], [pid])
        self.org.request("DELETE", "/api/v1/products/%d" % pid)
        self.assertNotIn("Xưởng Mây Tre Ngọc Động", names(self.search("zigzag")))
        self.org.request("PATCH", "/api/v1/exhibitors/%d" % eid, {"name": "Xưởng Quạt Chàng Sơn"})
        self.assertEqual(names(self.search("quat chang son")), ["Xưởng Quạt Chàng Sơn"])
        self.org.request("DELETE", "/api/v1/exhibitors/%d" % eid)
        self.assertEqual(names(self.search("quat chang son")), [])

    def test_filters_and_facets(self):
        r = self.search("", facets="true")
        body = r.json()
        self.assertIn("province", body["facets"])
        total = body["total"]
        self.assertEqual(sum(body["facets"]["price_tier"].values()), total)
        by_cat = self.search("", category="6912", facets="true").json()
        self.assertGreater(by_cat["total"], 0)
        for e in by_cat["items"]:
            self.assertTrue(any(c.startswith("ceramics.tableware") for c in e["categories"]))
        cheap = self.search("", moq_max=100, price_tier="budget").json()
        for e in cheap["items"]:
            self.assertLessEqual(e["moq"], 100)
            self.assertEqual(e["price_tier"], "budget")
        sorted_names = names(self.search("", sort="name"))
        self.assertGreater(len(sorted_names), 5)
        bad = self.server.request("GET", "/api/v1/exhibitors?category=spaceships&price_tier=cheap&sort=random")
        self.assertEqual(bad.status, 400)
        self.assertEqual({e["field"] for e in bad.json()["errors"]}, {"category", "price_tier", "sort"})

    def test_punctuation_only_and_sql_metacharacters(self):
        for q in ['"', "'; DROP TABLE exhibitors; --", "*", "AND OR NOT", "NEAR(a b)", "-", "^x"]:
            r = self.search(q)
            self.assertEqual(r.status, 200, q)
        self.assertGreater(self.server.request("GET", "/api/v1/exhibitors").json()["total"], 0)


if __name__ == "__main__":
    unittest.main()
