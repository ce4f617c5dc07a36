"""Accounts over real HTTP: register, sign in and out, CSRF, sessions and
API tokens, throttling, reset and invitation links."""
import sqlite3
import time
import unittest

from harness import PASSWORD, Client, ServerProcess, add_user, api_token


class AuthTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale="small").__enter__()
        add_user(cls.server, "organizer", "boss@auth.test")
        cls.org = Client(cls.server, bearer=api_token(cls.server, "boss@auth.test"))

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def test_register_sign_in_me_and_sign_out(self):
        c = Client(self.server).register("an@gom-battrang.vn", "Men-lam-Bat-Trang-1", "exhibitor", "Nguyễn Thị An")
        self.assertIsNotNone(c.cookie)
        me = c.request("GET", "/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.json()["role"], "exhibitor")
        self.assertEqual(me.json()["display_name"], "Nguyễn Thị An")
        self.assertEqual(me.json()["csrf_token"], c.csrf)
        raw = self.server.request("POST", "/api/v1/auth/login",
                                  {"email": "an@gom-battrang.vn", "password": "Men-lam-Bat-Trang-1"})
        cookie = raw.headers["set-cookie"]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        self.assertNotIn("Secure", cookie)
        old_cookie = c.cookie
        self.assertEqual(c.request("POST", "/api/v1/auth/logout").status, 204)
        # The server forgot the session: the old cookie no longer works.
        stale = Client(self.server)
        stale.cookie = old_cookie
        self.assertEqual(stale.request("GET", "/api/v1/me").status, 401)

    def test_password_rules(self):
        cases = {"short": "Must be at least 10 characters.",
                 "qwertyuiop": "Is one of the most common passwords; choose another.",
                 "binh@ceramics.vn": "Must not be your email address."}
        for pw, msg in cases.items():
            r = self.server.request("POST", "/api/v1/auth/register", {
                "email": "binh@ceramics.vn", "password": pw, "display_name": "Bình", "role": "exhibitor"})
            self.assertEqual(r.status, 422, pw)
            errs = {e["field"]: e["message"] for e in r.json()["errors"]}
            self.assertEqual(errs["password"], msg)
        r = self.server.request("POST", "/api/v1/auth/register", {
            "email": "boss2@auth.test", "password": "Organizer-please-1", "display_name": "X", "role": "organizer"})
        self.assertEqual(r.status, 422, "the organizer role is never self-granted")

    def test_duplicate_email_is_a_conflict(self):
        Client(self.server).register("dup@x.test", "Duplicate-pass-1", "importer")
        r = self.server.request("POST", "/api/v1/auth/register", {
            "email": "DUP@x.test", "password": "Duplicate-pass-1", "display_name": "X", "role": "importer"})
        self.assertEqual(r.status, 409)

    def test_csrf_required_for_cookie_writes(self):
        c = Client(self.server).register("csrf@x.test", "Csrf-check-pass-1", "exhibitor")
        r = c.request("POST", "/api/v1/me/tokens", {"name": "script"}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(r.json()["type"], "/problems/csrf")
        r = c.request("POST", "/api/v1/me/tokens", {"name": "script"}, headers={"X-CSRF-Token": "forged"}, csrf=False)
        self.assertEqual(r.status, 403)
        self.assertEqual(c.request("POST", "/api/v1/me/tokens", {"name": "script"}).status, 201)

    def test_api_tokens_shown_once_used_and_revoked(self):
        c = Client(self.server).register("tok@x.test", "Token-owner-pass-1", "importer")
        r = c.request("POST", "/api/v1/me/tokens", {"name": "ERP sync"})
        self.assertEqual(r.status, 201)
        secret = r.json()["token"]
        listed = c.request("GET", "/api/v1/me/tokens").json()["items"]
        self.assertEqual([t["name"] for t in listed], ["ERP sync"])
        self.assertNotIn("token", listed[0])
        bearer = Client(self.server, bearer=secret)
        me = bearer.request("GET", "/api/v1/me")
        self.assertEqual(me.status, 200)
        self.assertEqual(me.json()["email"], "tok@x.test")
        self.assertNotIn("csrf_token", me.json())
        # Bearer writes need no CSRF token.
        self.assertEqual(bearer.request("POST", "/api/v1/me/tokens", {"name": "second"}).status, 201)
        self.assertEqual(c.request("DELETE", "/api/v1/me/tokens/%d" % listed[0]["id"]).status, 204)
        self.assertEqual(bearer.request("GET", "/api/v1/me").status, 401)
        db = sqlite3.connect(self.server.db)
        stored = [r[0] for r in db.execute("SELECT token_hash FROM api_tokens")]
        db.close()
        self.assertNotIn(secret, stored, "tokens are stored hashed")

    def test_sign_out_everywhere(self):
        Client(self.server).register("many@x.test", "Many-sessions-pass-1", "exhibitor")
        a = Client(self.server).login("many@x.test", "Many-sessions-pass-1")
        b = Client(self.server).login("many@x.test", "Many-sessions-pass-1")
        sessions = a.request("GET", "/api/v1/me/sessions").json()["items"]
        self.assertGreaterEqual(len(sessions), 3)
        self.assertEqual(sum(1 for s in sessions if s["current"]), 1)
        self.assertEqual(a.request("POST", "/api/v1/auth/logout-all").status, 204)
        self.assertEqual(b.request("GET", "/api/v1/me").status, 401)

    def test_throttling_same_for_unknown_and_wrong(self):
        Client(self.server).register("slow@x.test", "Right-password-1", "exhibitor")
        for email in ("slow@x.test", "nobody@x.test"):
            statuses = []
            for _ in range(6):
                r = self.server.request("POST", "/api/v1/auth/login", {"email": email, "password": "wrong-password-0"})
                statuses.append(r.status)
            self.assertEqual(statuses[:5], [401] * 5, email)
            self.assertEqual(statuses[5], 429, email)
            self.assertIn("retry-after", r.headers)
        # Even the right password waits now.
        r = self.server.request("POST", "/api/v1/auth/login", {"email": "slow@x.test", "password": "Right-password-1"})
        self.assertEqual(r.status, 429)

    def test_unknown_email_and_wrong_password_answer_alike(self):
        Client(self.server).register("same@x.test", "Same-answer-pass-1", "exhibitor")
        def attempt(email):
            start = time.monotonic()
            r = self.server.request("POST", "/api/v1/auth/login", {"email": email, "password": "not-it-at-all"})
            return r, time.monotonic() - start
        known, t_known = attempt("same@x.test")
        unknown, t_unknown = attempt("ghost@x.test")
        self.assertEqual(known.status, unknown.status)
        self.assertEqual(known.json()["detail"], unknown.json()["detail"])
        # Both ran a full argon2id verification (tens of milliseconds).
        self.assertGreater(t_unknown, 0.3 * t_known)

    def test_password_reset_single_use_and_expiring(self):
        Client(self.server).register("reset@x.test", "Old-password-123", "importer")
        keep = Client(self.server).login("reset@x.test", "Old-password-123")
        r = self.server.request("POST", "/api/v1/auth/password-reset", {"email": "reset@x.test"})
        self.assertEqual(r.status, 202)
        same = self.server.request("POST", "/api/v1/auth/password-reset", {"email": "ghost@x.test"})
        self.assertEqual(same.status, 202)
        self.assertEqual(same.json(), r.json())
        outbox = self.org.request("GET", "/api/v1/outbox").json()["items"]
        link = [m for m in outbox if m["to_email"] == "reset@x.test"][0]["link"]
        token = link.split("token=")[1]
        bad = self.server.request("POST", "/api/v1/auth/password-reset/confirm", {"token": token, "password": "short"})
        self.assertEqual(bad.status, 422)
        ok = self.server.request("POST", "/api/v1/auth/password-reset/confirm",
                                 {"token": token, "password": "New-password-456"})
        self.assertEqual(ok.status, 204, ok.body)
        self.assertEqual(keep.request("GET", "/api/v1/me").status, 401, "a reset signs out every session")
        again = self.server.request("POST", "/api/v1/auth/password-reset/confirm",
                                    {"token": token, "password": "Another-pass-789"})
        self.assertEqual(again.status, 400)
        self.assertEqual(again.json()["type"], "/problems/invalid-token")
        Client(self.server).login("reset@x.test", "New-password-456")
        # An expired link is refused too.
        self.server.request("POST", "/api/v1/auth/password-reset", {"email": "reset@x.test"})
        outbox = self.org.request("GET", "/api/v1/outbox").json()["items"]
        token2 = [m for m in outbox if m["to_email"] == "reset@x.test"][0]["link"].split("token=")[1]
        db = sqlite3.connect(self.server.db)
        db.execute("UPDATE one_time_tokens SET expires_at = 1 WHERE used_at IS NULL")
        db.commit()
        db.close()
        late = self.server.request("POST", "/api/v1/auth/password-reset/confirm",
                                   {"token": token2, "password": "Too-late-pass-000"})
        self.assertEqual(late.status, 400)

    def test_profile_application_and_approval(self):
        fair = self.org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ duyệt", "name_en": "Approval fair", "venue": "NECC", "city": "Hà Nội",
            "start_date": "2026-12-03", "end_date": "2026-12-06"}).json()["id"]
        c = Client(self.server).register("apply@x.test", "Apply-to-fair-pass-1", "exhibitor")
        r = c.request("POST", "/api/v1/exhibitors", {
            "fair_id": fair, "name": "Làng nghề Phù Lãng", "tax_code": "2300123456", "province": "bac-ninh",
            "categories": ["ceramics.ornaments"], "price_tier": "budget"})
        self.assertEqual(r.status, 201, r.body)
        eid = r.json()["id"]
        self.assertEqual(r.json()["status"], "pending")
        self.assertEqual(self.server.request("GET", "/api/v1/exhibitors/%d" % eid).status, 404)
        listed = self.server.request("GET", "/api/v1/exhibitors?fair=%d" % fair).json()
        self.assertEqual(listed["total"], 0, "pending profiles are not in the public directory")
        second = c.request("POST", "/api/v1/exhibitors", {
            "fair_id": fair, "name": "Again", "tax_code": "2300123457", "province": "bac-ninh",
            "categories": ["ceramics.ornaments"], "price_tier": "budget"})
        self.assertEqual(second.status, 409)
        pending = self.org.request("GET", "/api/v1/fairs/%d/participants?status=pending" % fair).json()
        self.assertEqual([p["id"] for p in pending["items"]], [eid])
        no_reason = self.org.request("POST", "/api/v1/fairs/%d/participants/exhibitor/%d/decision" % (fair, eid),
                                     {"decision": "reject"})
        self.assertEqual(no_reason.status, 422)
        rej = self.org.request("POST", "/api/v1/fairs/%d/participants/exhibitor/%d/decision" % (fair, eid),
                               {"decision": "reject", "reason": "Thiếu mã số thuế hợp lệ"})
        self.assertEqual(rej.status, 200)
        me = c.request("GET", "/api/v1/me").json()
        self.assertEqual(me["profiles"][0]["status"], "rejected")
        self.assertEqual(me["profiles"][0]["status_reason"], "Thiếu mã số thuế hợp lệ")
        self.org.request("POST", "/api/v1/fairs/%d/participants/exhibitor/%d/decision" % (fair, eid),
                         {"decision": "approve"})
        self.assertEqual(self.server.request("GET", "/api/v1/exhibitors/%d" % eid).status, 200)
        audit = self.org.request("GET", "/api/v1/fairs/%d/audit" % fair).json()["items"]
        actions = [a["action"] for a in audit]
        self.assertEqual(actions[:2], ["participant.approve", "participant.reject"])
        self.assertEqual(audit[1]["before"]["status"], "pending")
        self.assertEqual(audit[1]["after"]["status"], "rejected")
        self.assertEqual(audit[1]["actor_email"], "boss@auth.test")

    def test_importer_private_fields(self):
        fair = self.server.request("GET", "/api/v1/fairs").json()["items"][0]["id"]
        c = Client(self.server).register("buyer@x.test", "Buyer-private-pass-1", "importer")
        other = Client(self.server).register("seller@x.test", "Seller-sees-pass-1", "exhibitor")
        r = c.request("POST", "/api/v1/importers", {
            "fair_id": fair, "name": "Sakura Zakka K.K.", "country": "JP", "buyer_type": "gift_shop",
            "categories": ["ceramics.ornaments"], "price_tier": "mid", "order_quantity": 500,
            "annual_budget": {"amount": 5000000, "currency": "JPY"}, "languages": ["ja"]})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["annual_budget"]["amount"], 5000000)
        some = other.request("GET", "/api/v1/importers?fair=%d&limit=1" % fair).json()["items"][0]
        self.assertNotIn("annual_budget", some)
        self.assertNotIn("order_quantity", some)
        self.assertIn("categories", some)
        self.assertEqual(self.server.request("GET", "/api/v1/importers").status, 401)


class AddressThrottlingTest(unittest.TestCase):
    def test_many_accounts_from_one_address_are_slowed(self):
        with ServerProcess(scale=None) as server:
            statuses = []
            for i in range(51):
                r = server.request("POST", "/api/v1/auth/login",
                                   {"email": "guess%d@x.test" % i, "password": "wrong-password-0"})
                statuses.append(r.status)
            self.assertEqual(set(statuses[:50]), {401})
            self.assertEqual(statuses[50], 429)


if __name__ == "__main__":
    unittest.main()
