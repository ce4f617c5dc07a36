"""Attacks tried against a real server (issue 8): SQL metacharacters in every
text field, session fixation, CSRF on every write route, guessing other
users' ids, brute force on sign-in. Protocol-level attacks (traversal,
oversized and slow requests, floods) are in test_attacks_protocol.py."""
import json
import unittest
import urllib.parse

from harness import PASSWORD, Client, ServerProcess, add_user, api_token

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")

# SQL metacharacters, comment markers, LIKE wildcards, escapes, quotes and
# unicode (combining marks, right-to-left override, astral plane).
PAYLOADS = [
    "' OR '1'='1",
    "\"; DROP TABLE exhibitors; --",
    "Robert'); DELETE FROM products; --",
    "/* comment */ x */ --",
    "back\\slash \\' \\\" \\\\",
    "100% _under_ %% __",
    "' UNION SELECT token_hash FROM sessions --",
    "Bát Tràng đồ gốm 🏺 ゆ a\u202eb e\u0301",
    "NEAR(a b) OR x* \"phrase",
]
UNKNOWN = 999999


def fair_body(name):
    return {"name_vi": name, "name_en": name, "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}


class AttackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        add_user(cls.server, "organizer", "org@attack.test")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "org@attack.test"))
        r = cls.org.request("POST", "/api/v1/fairs", fair_body("Attack fair"))
        assert r.status == 201, r.body
        cls.fair = r.json()["id"]
        # Two of each side; A signs in with a cookie (as the browser does), B uses a token.
        cls.exA = Client(cls.server).register("exa@attack.test", "Gom-Bat-Trang-A-1", "exhibitor", "Exhibitor A")
        add_user(cls.server, "exhibitor", "exb@attack.test")
        cls.exB = Client(cls.server, bearer=api_token(cls.server, "exb@attack.test"))
        cls.impA = Client(cls.server).register("impa@attack.test", "Nordic-Buyer-A-1", "importer", "Importer A")
        add_user(cls.server, "importer", "impb@attack.test")
        cls.impB = Client(cls.server, bearer=api_token(cls.server, "impb@attack.test"))
        cls.exA_id = cls.make_exhibitor(cls.exA, "Secret Workshop A", "0101111111")
        cls.exB_id = cls.make_exhibitor(cls.exB, "Workshop B", "0102222222")
        cls.impA_id = cls.make_importer(cls.impA, "Secret Buyer A")
        cls.impB_id = cls.make_importer(cls.impB, "Buyer B")

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    @classmethod
    def make_exhibitor(cls, client, name, tax):
        r = client.request("POST", "/api/v1/exhibitors", {
            "fair_id": cls.fair, "name": name, "tax_code": tax, "province": "ha-noi",
            "categories": ["ceramics.tableware"], "price_tier": "mid"})
        assert r.status == 201, r.body
        return r.json()["id"]

    @classmethod
    def make_importer(cls, client, name):
        r = client.request("POST", "/api/v1/importers", {
            "fair_id": cls.fair, "name": name, "country": "SE", "buyer_type": "retail_chain",
            "categories": ["ceramics.tableware"], "price_tier": "mid",
            "annual_budget": {"amount": 100000, "currency": "EUR"}, "languages": ["sv", "en"]})
        assert r.status == 201, r.body
        return r.json()["id"]

    def approve(self, kind, pid):
        r = self.org.request("POST", "/api/v1/fairs/%d/participants/%s/%d/decision" % (self.fair, kind, pid),
                             {"decision": "approve"})
        self.assertIn(r.status, (200, 409), r.body)

    # --- SQL metacharacters -------------------------------------------------

    def test_sql_metacharacters_round_trip_in_every_text_field(self):
        self.approve("exhibitor", self.exA_id)
        self.approve("importer", self.impA_id)
        for n, p in enumerate(PAYLOADS):
            tag = " zq%dx" % n
            v = p + tag
            # Fair names (organizer).
            body = {"name_vi": v, "name_en": v, "venue": v, "city": v[:100],
                    "start_date": "2026-12-03", "end_date": "2026-12-06"}
            r = self.org.request("POST", "/api/v1/fairs", body)
            self.assertEqual(r.status, 201, (p, r.body))
            got = self.server.request("GET", "/api/v1/fairs/%d" % r.json()["id"]).json()
            for k in ("name_vi", "name_en", "venue", "city"):
                self.assertEqual(got[k], body[k], (k, p))
            # An exhibitor profile (organizer-created: approved, searchable).
            ex = {"fair_id": self.fair, "name": v, "name_en": v, "craft_village": v[:120],
                  "description_vi": v + "\n\tline 2", "description_en": v, "tax_code": "07%08d" % n,
                  "province": "ha-noi", "categories": ["ceramics.tableware"], "price_tier": "mid"}
            r = self.org.request("POST", "/api/v1/exhibitors", ex)
            self.assertEqual(r.status, 201, (p, r.body))
            ex_id = r.json()["id"]
            got = self.server.request("GET", "/api/v1/exhibitors/%d" % ex_id).json()
            for k in ("name", "name_en", "craft_village", "description_vi", "description_en"):
                self.assertEqual(got[k], ex[k], (k, p))
            # A product of it.
            pr = {"name_vi": v, "name_en": v, "description_vi": v, "description_en": v, "village": v[:120],
                  "artisan": v[:120], "category": "ceramics.tableware", "fob_price_min": 1, "fob_price_max": 2}
            r = self.org.request("POST", "/api/v1/exhibitors/%d/products" % ex_id, pr)
            self.assertEqual(r.status, 201, (p, r.body))
            got = self.server.request("GET", "/api/v1/products/%d" % r.json()["id"]).json()
            for k in ("name_vi", "name_en", "description_vi", "description_en", "village", "artisan"):
                self.assertEqual(got[k], pr[k], (k, p))
            # An importer's name, a token's name, a deal's note, a meeting request's message.
            r = self.impA.request("PATCH", "/api/v1/importers/%d" % self.impA_id, {"name": v})
            self.assertEqual(r.status, 200, (p, r.body))
            self.assertEqual(self.impA.request("GET", "/api/v1/importers/%d" % self.impA_id).json()["name"], v)
            r = self.exB.request("POST", "/api/v1/me/tokens", {"name": v[:100]})
            self.assertEqual(r.status, 201, (p, r.body))
            names = [t["name"] for t in self.exB.request("GET", "/api/v1/me/tokens").json()["items"]]
            self.assertIn(v[:100], names)
            r = self.exA.request("POST", "/api/v1/fairs/%d/deals" % self.fair, {
                "counterpart_id": self.impA_id, "kind": "negotiation",
                "value": {"amount": 1000 + n, "currency": "USD"}, "note": v})
            self.assertEqual(r.status, 201, (p, r.body))
            deal = r.json()["id"]
            notes = {d["id"]: d.get("note") for d in self.exA.request("GET", "/api/v1/me/deals?fair=%d" % self.fair).json()["items"]}
            self.assertEqual(notes[deal], v, p)
            r = self.impA.request("POST", "/api/v1/me/meeting-requests",
                                  {"exhibitor_id": ex_id, "priority": "would_like", "message": v})
            self.assertEqual(r.status, 201, (p, r.body))
            req = r.json()["id"]
            mine = {m["id"]: m for m in self.impA.request("GET", "/api/v1/me/meeting-requests?fair=%d&box=outbox" % self.fair).json()["items"]}
            self.assertEqual(mine[req]["message"], v, p)
            # Search with the payload itself answers (never a 500), and the tag finds the profile.
            for q in (p, v, tag.strip()):
                r = self.server.request("GET", "/api/v1/exhibitors?fair=%d&q=%s" % (
                    self.fair, urllib.parse.quote(q)))
                self.assertEqual(r.status, 200, (q, r.body[:200]))
                r = self.server.request("GET", "/api/v1/products?q=%s" % urllib.parse.quote(q))
                self.assertIn(r.status, (200, 400), (q, r.body[:200]))
            found = self.server.request("GET", "/api/v1/exhibitors?fair=%d&q=%s" % (
                self.fair, urllib.parse.quote(tag.strip()))).json()["items"]
            self.assertEqual([e["id"] for e in found], [ex_id], p)
        # Nothing was dropped or deleted along the way.
        self.assertEqual(self.server.request("GET", "/api/v1/exhibitors/%d" % self.exB_id).status, 404)  # pending
        self.assertEqual(self.exB.request("GET", "/api/v1/exhibitors/%d" % self.exB_id).status, 200)
        listed = self.server.request("GET", "/api/v1/exhibitors?fair=%d&limit=100" % self.fair).json()
        self.assertGreaterEqual(listed["total"], len(PAYLOADS))

    def test_nul_and_control_characters_are_refused_not_stored(self):
        for bad in ("nul\u0000byte", "bell\u0007", "del\u007f"):
            r = self.exB.request("PATCH", "/api/v1/exhibitors/%d" % self.exB_id, {"name": bad})
            self.assertEqual(r.status, 422, bad)
            self.assertEqual(r.json()["errors"][0]["field"], "name")
            self.assertEqual(self.exB.request("GET", "/api/v1/exhibitors/%d" % self.exB_id).json()["name"],
                             "Workshop B")

    def test_script_urls_are_refused_in_website_fields(self):
        for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>",
                    "vbscript:x", "//evil.example", "http:///x", "https://a b"):
            r = self.exB.request("PATCH", "/api/v1/exhibitors/%d" % self.exB_id, {"website": bad})
            self.assertEqual(r.status, 422, bad)

    # --- Session fixation ---------------------------------------------------

    def test_session_fixation(self):
        email, pw = "fix@attack.test", "Fixation-victim-1"
        Client(self.server).register(email, pw, "importer")
        # An attacker plants a cookie of its choosing before the victim signs in.
        victim = Client(self.server)
        victim.cookie = "attacker-chosen-value-0123456789abcdef"
        self.assertEqual(victim.request("GET", "/api/v1/me").status, 401)
        victim.login(email, pw)
        self.assertNotEqual(victim.cookie, "attacker-chosen-value-0123456789abcdef")
        planted = Client(self.server)
        planted.cookie = "attacker-chosen-value-0123456789abcdef"
        self.assertEqual(planted.request("GET", "/api/v1/me").status, 401)
        # An attacker plants its own real session: signing in issues a new token, never reuses it.
        attacker = Client(self.server).register("attacker@attack.test", "Attacker-own-pass-1", "importer")
        victim2 = Client(self.server)
        victim2.cookie = attacker.cookie
        victim2.csrf = attacker.csrf
        victim2.login(email, pw)
        self.assertNotEqual(victim2.cookie, attacker.cookie)
        self.assertEqual(victim2.request("GET", "/api/v1/me").json()["email"], email)
        planted = Client(self.server)
        planted.cookie = attacker.cookie
        self.assertEqual(planted.request("GET", "/api/v1/me").json()["email"], "attacker@attack.test")
        # Two sign-ins give two different tokens; signing out invalidates the one used.
        again = Client(self.server).login(email, pw)
        self.assertNotEqual(again.cookie, victim.cookie)
        old = victim.cookie
        self.assertEqual(victim.request("POST", "/api/v1/auth/logout").status, 204)
        stale = Client(self.server)
        stale.cookie = old
        self.assertEqual(stale.request("GET", "/api/v1/me").status, 401)
        self.assertEqual(again.request("GET", "/api/v1/me").status, 200)
        # A bearer token is not a session cookie, and a session cookie is not a bearer token.
        as_bearer = Client(self.server, bearer=again.cookie)
        self.assertEqual(as_bearer.request("GET", "/api/v1/me").status, 401)

    # --- CSRF ---------------------------------------------------------------

    def test_csrf_on_every_write_route(self):
        """Every state-changing route, called with a valid session cookie but no
        CSRF header, or with the header and a foreign Origin, is refused before
        anything happens."""
        email, pw = "csrf-victim@attack.test", "Csrf-victim-pass-1"
        add_user(self.server, "organizer", email, password=pw)
        victim = Client(self.server).login(email, pw)
        paths = self.server.request("GET", "/api/openapi.json").json()["paths"]
        fair_before = self.server.request("GET", "/api/v1/fairs/%d" % self.fair).json()
        checked = 0
        failures = []
        for path, ops in paths.items():
            for method, op in ops.items():
                if method.upper() not in ("POST", "PUT", "PATCH", "DELETE"):
                    continue
                target = path
                for seg in ("{fair}",):
                    target = target.replace(seg, str(self.fair))
                target = target.replace("{kind}", "exhibitor")
                while "{" in target:
                    a = target.index("{")
                    b = target.index("}", a)
                    target = target[:a] + "1" + target[b + 1:]
                body = {"name_vi": "CSRF", "name_en": "CSRF", "venue": "x", "city": "x", "start_date": "2026-12-03",
                        "end_date": "2026-12-06", "decision": "approve", "email": email}
                for label, headers, send_csrf in (
                        ("no token", {}, False),
                        ("forged token", {"X-CSRF-Token": "x" * len(victim.csrf)}, False),
                        ("foreign origin", {"Origin": "https://evil.example"}, True),
                        ("null origin", {"Origin": "null"}, True)):
                    r = victim.request(method.upper(), target, body, headers=headers, csrf=send_csrf)
                    if r.status != 403 or r.json().get("type") != "/problems/csrf":
                        failures.append("%s %s (%s, %s): %d %s" % (method.upper(), target, op["operationId"], label,
                                                                  r.status, r.body[:100]))
                checked += 1
        self.assertGreater(checked, 50)
        self.assertFalse(failures, "\n" + "\n".join(failures))
        # Nothing changed, the session still works, and the same write with the token and our own origin passes.
        self.assertEqual(self.server.request("GET", "/api/v1/fairs/%d" % self.fair).json(), fair_before)
        self.assertEqual(victim.request("GET", "/api/v1/me").status, 200)
        r = victim.request("POST", "/api/v1/me/tokens", {"name": "ok"},
                           headers={"Origin": "http://127.0.0.1:%d" % self.server.port})
        self.assertEqual(r.status, 201, r.body)
        # A bearer token is not ambient authority: no CSRF header needed, whatever the Origin.
        r = self.exB.request("POST", "/api/v1/me/tokens", {"name": "script"}, headers={"Origin": "https://x.example"})
        self.assertEqual(r.status, 201, r.body)

    def test_login_csrf_and_cors(self):
        """A foreign page can only send "simple" requests (a form or text/plain body) without a CORS
        preflight; the API takes JSON only, so signing a victim in as the attacker (login CSRF) or any
        write that way fails, and no preflight is ever granted."""
        email, pw = "logincsrf@attack.test", "Login-csrf-pass-1"
        Client(self.server).register(email, pw, "importer")
        body = '{"email": "%s", "password": "%s"}' % (email, pw)
        for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
            hdrs = {"Origin": "https://evil.example"}
            if ctype:
                hdrs["Content-Type"] = ctype
            r = self.server.request("POST", "/api/v1/auth/login", body, hdrs)
            self.assertEqual(r.status, 415, (ctype, r.body))
            self.assertNotIn("set-cookie", r.headers)
        r = self.server.request("OPTIONS", "/api/v1/auth/login", headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-csrf-token"})
        self.assertNotIn("access-control-allow-origin", r.headers)
        self.assertNotIn("access-control-allow-credentials", r.headers)
        r = self.server.request("GET", "/api/v1/fairs", headers={"Origin": "https://evil.example"})
        self.assertNotIn("access-control-allow-origin", r.headers)

    def test_live_feed_refuses_foreign_origin(self):
        from wsclient import HandshakeRefused, WebSocket
        tok = api_token(self.server, "org@attack.test")
        with self.assertRaises(HandshakeRefused) as e:
            WebSocket(self.server.port, "/api/v1/fairs/%d/live" % self.fair,
                      {"Authorization": "Bearer " + tok, "Origin": "https://evil.example"})
        self.assertEqual(e.exception.status, 403)

    # --- Guessing ids ---------------------------------------------------------

    def same_as_missing(self, client, method, path, missing_path, body=None, secret=None):
        """Another user's id answers exactly like an id that does not exist."""
        got = client.request(method, path, body)
        ref = client.request(method, missing_path, body)
        self.assertIn(got.status, (403, 404), (method, path, got.body))
        self.assertEqual(got.status, ref.status, (method, path, got.body, ref.body))
        if got.status == 404:
            a, b = got.json(), ref.json()
            for k in ("type", "title", "detail", "errors"):
                self.assertEqual(a.get(k), b.get(k), (method, path, k))
        if secret:
            self.assertNotIn(secret.encode(), got.body)
        return got

    def test_guessing_other_users_ids(self):
        exA, exB, impA, impB = self.exA, self.exB, self.impA, self.impB
        self.approve("exhibitor", self.exA_id)
        self.approve("importer", self.impA_id)
        # A's private things: a product with a photo, a deal, a token, a session, a meeting request.
        r = exA.request("POST", "/api/v1/exhibitors/%d/products" % self.exA_id, {
            "name_vi": "Bình gốm bí mật", "category": "ceramics.tableware", "fob_price_min": 1, "fob_price_max": 2})
        self.assertEqual(r.status, 201, r.body)
        product = r.json()["id"]
        photo = exA.request("POST", "/api/v1/products/%d/photos" % product, PNG,
                            {"Content-Type": "image/png"}).json()["id"]
        deal = exA.request("POST", "/api/v1/fairs/%d/deals" % self.fair, {
            "counterpart_id": self.impA_id, "kind": "contract", "value": {"amount": 777, "currency": "USD"},
            "note": "secret-deal-note"}).json()["id"]
        token = exA.request("POST", "/api/v1/me/tokens", {"name": "secret-token-name"}).json()["id"]
        session = max(s["id"] for s in exA.request("GET", "/api/v1/me/sessions").json()["items"])
        r = impA.request("POST", "/api/v1/me/meeting-requests",
                         {"exhibitor_id": self.exA_id, "priority": "must_meet", "message": "secret-message"})
        self.assertIn(r.status, (201, 409), r.body)
        request = r.json()["id"] if r.status == 201 else r.json()["open_request_id"]

        # Importer profiles: an approved one shows others no private field; a pending one is "no such
        # importer"; nobody else changes or deletes one.
        for c in (impB, exB):
            seen = c.request("GET", "/api/v1/importers/%d" % self.impA_id)
            self.assertEqual(seen.status, 200)
            for private in ("annual_budget", "lead_sharing", "order_quantity", "max_lead_time_days"):
                self.assertNotIn(private, seen.json())
            for m, body in (("PATCH", {"name": "hijack"}), ("DELETE", None)):
                self.same_as_missing(c, m, "/api/v1/importers/%d" % self.impA_id, "/api/v1/importers/%d" % UNKNOWN,
                                     body, secret="Secret Buyer A")
            self.same_as_missing(c, "GET", "/api/v1/importers/%d/badge.svg" % self.impA_id,
                                 "/api/v1/importers/%d/badge.svg" % UNKNOWN)
        self.same_as_missing(impA, "GET", "/api/v1/importers/%d" % self.impB_id, "/api/v1/importers/%d" % UNKNOWN,
                             secret="Buyer B")
        self.same_as_missing(exA, "GET", "/api/v1/importers/%d" % self.impB_id, "/api/v1/importers/%d" % UNKNOWN)
        # Pending exhibitor B is invisible to others.
        self.same_as_missing(exA, "GET", "/api/v1/exhibitors/%d" % self.exB_id, "/api/v1/exhibitors/%d" % UNKNOWN,
                             secret="Workshop B")
        self.same_as_missing(impB, "GET", "/api/v1/exhibitors/%d" % self.exB_id, "/api/v1/exhibitors/%d" % UNKNOWN)
        # Deals, tokens, sessions, meeting requests: only their owner knows them.
        self.same_as_missing(exB, "PATCH", "/api/v1/deals/%d" % deal, "/api/v1/deals/%d" % UNKNOWN,
                             {"note": "hijack"}, secret="secret-deal-note")
        self.same_as_missing(exB, "GET", "/api/v1/deals/%d/history" % deal, "/api/v1/deals/%d/history" % UNKNOWN,
                             secret="secret-deal-note")
        self.same_as_missing(impB, "GET", "/api/v1/deals/%d/history" % deal, "/api/v1/deals/%d/history" % UNKNOWN)
        self.same_as_missing(exB, "DELETE", "/api/v1/me/tokens/%d" % token, "/api/v1/me/tokens/%d" % UNKNOWN)
        self.same_as_missing(exB, "DELETE", "/api/v1/me/sessions/%d" % session, "/api/v1/me/sessions/%d" % UNKNOWN)
        self.same_as_missing(exB, "POST", "/api/v1/me/meeting-requests/%d/response" % request,
                             "/api/v1/me/meeting-requests/%d/response" % UNKNOWN, {"decision": "accept"},
                             secret="secret-message")
        self.same_as_missing(impB, "POST", "/api/v1/me/meeting-requests/%d/cancel" % request,
                             "/api/v1/me/meeting-requests/%d/cancel" % UNKNOWN, {}, secret="secret-message")
        self.same_as_missing(exB, "POST", "/api/v1/meetings/%d/feedback" % request,
                             "/api/v1/meetings/%d/feedback" % UNKNOWN, {"rating": 5})
        # Public resources (an approved exhibitor, its products and photos) may be read, never changed.
        for m, path, body in (("PATCH", "/api/v1/exhibitors/%d" % self.exA_id, {"name": "hijack"}),
                              ("DELETE", "/api/v1/exhibitors/%d" % self.exA_id, None),
                              ("POST", "/api/v1/exhibitors/%d/products" % self.exA_id, {"name_vi": "x"}),
                              ("PATCH", "/api/v1/products/%d" % product, {"name_vi": "hijack"}),
                              ("DELETE", "/api/v1/products/%d" % product, None),
                              ("POST", "/api/v1/products/%d/photos" % product, PNG),
                              ("DELETE", "/api/v1/photos/%d" % photo, None),
                              ("GET", "/api/v1/exhibitors/%d/badge.svg" % self.exA_id, None)):
            for c in (exB, impB):
                hdrs = {"Content-Type": "image/png"} if body == PNG else None
                r = c.request(m, path, body, headers=hdrs)
                self.assertIn(r.status, (403, 404), (m, path, r.body))
        # Organizer-only data of the fair: participants don't get it.
        for path in ("/api/v1/fairs/%d/participants" % self.fair, "/api/v1/fairs/%d/report" % self.fair,
                     "/api/v1/fairs/%d/audit" % self.fair, "/api/v1/users", "/api/v1/outbox",
                     "/api/v1/fairs/%d/meetings.csv" % self.fair):
            for c in (exB, impB):
                self.assertEqual(c.request("GET", path).status, 403, path)
        # And everything of A's is intact and still works.
        self.assertEqual(exA.request("GET", "/api/v1/exhibitors/%d" % self.exA_id).json()["name"], "Secret Workshop A")
        self.assertEqual(self.server.request("GET", "/api/v1/products/%d" % product).json()["name_vi"],
                         "Bình gốm bí mật")
        self.assertEqual(self.server.request("GET", "/api/v1/photos/%d" % photo).status, 200)
        self.assertIn(token, [t["id"] for t in exA.request("GET", "/api/v1/me/tokens").json()["items"]])
        self.assertIn(session, [s["id"] for s in exA.request("GET", "/api/v1/me/sessions").json()["items"]])
        self.assertEqual(impA.request("GET", "/api/v1/importers/%d" % self.impA_id).status, 200)
        mine = {m["id"]: m for m in impA.request("GET", "/api/v1/me/meeting-requests?fair=%d&box=outbox" % self.fair).json()["items"]}
        self.assertEqual(mine[request]["status"], "pending")
        # Calendar feeds: a guessed file name is just "not found".
        for f in ("0" * 43 + ".ics", "..%2f..%2fetc%2fpasswd.ics", "%00.ics", "a" * 500 + ".ics"):
            r = self.server.request("GET", "/calendar/" + f)
            self.assertEqual(r.status, 404, f)

    # --- Brute force on sign-in -----------------------------------------------

    def test_brute_force_sign_in_is_throttled_alike_for_unknown_emails(self):
        add_user(self.server, "exhibitor", "target@attack.test")
        answers = {}
        for email in ("target@attack.test", "nobody-here@attack.test"):
            seq = []
            for i in range(8):
                r = self.server.request("POST", "/api/v1/auth/login", {"email": email, "password": "guess-%d" % i})
                p = r.json()
                # The wait in the detail counts down with the clock: compare its wording, not its number.
                detail = "".join("#" if ch.isdigit() else ch for ch in p.get("detail", ""))
                seq.append((r.status, p.get("type"), p.get("title"), detail))
            answers[email] = seq
            self.assertEqual(seq[0][0], 401, seq)
            self.assertIn(429, [s[0] for s in seq], seq)
        self.assertEqual(answers["target@attack.test"], answers["nobody-here@attack.test"])
        # While throttled, even the right password is refused (the attacker learns nothing from it).
        r = self.server.request("POST", "/api/v1/auth/login", {"email": "target@attack.test", "password": PASSWORD})
        self.assertEqual(r.status, 429, r.body)
        self.assertIn("retry-after", r.headers)


if __name__ == "__main__":
    unittest.main()
