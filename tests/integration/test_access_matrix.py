"""Every route x every kind of caller, over real HTTP: allowed or refused
with the right status. The expectations are written out here, route by
route; a route the server has that this table does not name fails the test.
"""
import unittest

from harness import Client, ServerProcess, add_user, api_token

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")

IDENTITIES = ["anonymous", "exhibitor", "other_exhibitor", "importer", "organizer", "other_organizer"]
ALL = "allowed"

# Outcome per identity: "allowed" (the policy let it through: 2xx, or a
# 400/409/415/422 about the request itself), or the refusal status.
def rule(anonymous=401, exhibitor=ALL, other_exhibitor=ALL, importer=ALL, organizer=ALL, other_organizer=ALL):
    return dict(anonymous=anonymous, exhibitor=exhibitor, other_exhibitor=other_exhibitor, importer=importer,
                organizer=organizer, other_organizer=other_organizer)

PUBLIC = rule(anonymous=ALL)
SIGNED_IN = rule()
ORGANIZERS = rule(exhibitor=403, other_exhibitor=403, importer=403)
FAIR_ORGANIZER = rule(exhibitor=403, other_exhibitor=403, importer=403, other_organizer=403)
EXHIBITOR_OWNER = rule(other_exhibitor=403, importer=403, other_organizer=403)
IMPORTER_OWNER = rule(exhibitor=404, other_exhibitor=404, organizer=ALL, other_organizer=404)
SELF = rule(other_exhibitor=404, importer=404, organizer=404, other_organizer=404)
PARTICIPANTS = rule(organizer=403, other_organizer=403)  # importers and exhibitors

EXPECTED = {
    "system.healthz": PUBLIC, "system.metrics": PUBLIC, "system.openapi": PUBLIC,
    "reference.categories": PUBLIC, "reference.countries": PUBLIC, "reference.provinces": PUBLIC,
    "reference.certifications": PUBLIC,
    "fairs.list": PUBLIC, "fairs.get": PUBLIC, "fairs.create": ORGANIZERS, "fairs.update": FAIR_ORGANIZER,
    "exhibitors.list": PUBLIC, "exhibitors.get": rule(anonymous=404, other_exhibitor=404, importer=404,
                                                      other_organizer=404),  # still pending: insiders only
    "exhibitors.create": rule(importer=403), "exhibitors.update": EXHIBITOR_OWNER,
    "exhibitors.delete": EXHIBITOR_OWNER,
    "importers.list": SIGNED_IN, "importers.get": IMPORTER_OWNER, "importers.create": rule(exhibitor=403,
                                                                                           other_exhibitor=403),
    "importers.update": IMPORTER_OWNER, "importers.delete": IMPORTER_OWNER,
    "products.list_of_exhibitor": PUBLIC, "products.list": PUBLIC, "products.get": PUBLIC,
    "products.create": EXHIBITOR_OWNER, "products.update": EXHIBITOR_OWNER, "products.delete": EXHIBITOR_OWNER,
    "photos.upload": EXHIBITOR_OWNER, "photos.get": PUBLIC, "photos.delete": EXHIBITOR_OWNER,
    "auth.register": PUBLIC, "auth.login": PUBLIC, "auth.logout": SIGNED_IN, "auth.logout_all": SIGNED_IN,
    "auth.me": SIGNED_IN, "auth.reset_request": PUBLIC, "auth.reset_confirm": PUBLIC,
    "auth.accept_invitation": PUBLIC,
    "account.tokens": SIGNED_IN, "account.token_create": SIGNED_IN, "account.token_revoke": SELF,
    "account.sessions": SIGNED_IN, "account.session_revoke": SELF,
    "participants.list": FAIR_ORGANIZER, "participants.decide": FAIR_ORGANIZER,
    "organizers.add": FAIR_ORGANIZER, "audit.list": FAIR_ORGANIZER,
    "outbox.list": ORGANIZERS, "users.list": ORGANIZERS, "users.update": ORGANIZERS,
    "imports.run": FAIR_ORGANIZER,
    "recommendations.mine": rule(organizer=403, other_organizer=403),
    "recommendations.pair": FAIR_ORGANIZER, "weights.get": FAIR_ORGANIZER, "weights.update": FAIR_ORGANIZER,
    "shortlist.list": SIGNED_IN, "shortlist.add": rule(exhibitor=403, other_exhibitor=403, organizer=403,
                                                       other_organizer=403),
    "shortlist.remove": rule(exhibitor=403, other_exhibitor=403, organizer=403, other_organizer=403),
    "halls.list": PUBLIC, "halls.create": FAIR_ORGANIZER, "booths.list": PUBLIC, "booths.create": FAIR_ORGANIZER,
    "booths.update": FAIR_ORGANIZER, "booths.decide": FAIR_ORGANIZER, "bookings.list": FAIR_ORGANIZER,
    "booths.qr": PUBLIC, "booths.import": FAIR_ORGANIZER, "booths.settings": FAIR_ORGANIZER,
    "booths.hold": rule(importer=403, organizer=403, other_organizer=403),
    "booths.release": rule(other_exhibitor=404, importer=403, organizer=403, other_organizer=403),
    "booths.confirm": rule(importer=403, organizer=403, other_organizer=403),
    "checkins.create": FAIR_ORGANIZER, "live.feed": FAIR_ORGANIZER,
    "badges.exhibitor": EXHIBITOR_OWNER, "badges.importer": IMPORTER_OWNER,
    "rates.get": SIGNED_IN, "rates.update": FAIR_ORGANIZER,
    "deals.create": rule(organizer=403, other_organizer=403), "deals.mine": rule(organizer=403, other_organizer=403),
    "deals.update": SELF, "deals.history": SELF,
    "report.json": FAIR_ORGANIZER, "report.csv": FAIR_ORGANIZER,
    "leads.create": rule(importer=403, organizer=403, other_organizer=403),
    "leads.mine": rule(importer=403, organizer=403, other_organizer=403),
    # No published meeting in the matrix's world: every caller past the policy gets 404.
    "meetings.outcome": rule(exhibitor=404, other_exhibitor=404, importer=404, organizer=404, other_organizer=404),
    "meetings.feedback": rule(exhibitor=404, other_exhibitor=404, importer=404, organizer=404, other_organizer=404),
    # Meetings: requests from `importer` to `exhibitor`; only the recipient answers, only the requester
    # cancels (others get 404, as if the request did not exist).
    "meeting_requests.create": PARTICIPANTS, "meeting_requests.mine": PARTICIPANTS,
    "meeting_requests.respond": rule(other_exhibitor=404, importer=404, organizer=403, other_organizer=403),
    "meeting_requests.cancel": rule(exhibitor=404, other_exhibitor=404, organizer=403, other_organizer=403),
    "meeting_rules.get": PUBLIC, "meeting_rules.update": FAIR_ORGANIZER,
    "meeting_requests.fair": FAIR_ORGANIZER, "meeting_requests.constraints": FAIR_ORGANIZER,
    "availability.get": PARTICIPANTS, "availability.update": PARTICIPANTS,
    "grid.get": PUBLIC, "grid.update": FAIR_ORGANIZER,
    "schedule_runs.create": FAIR_ORGANIZER, "schedule_runs.list": FAIR_ORGANIZER,
    "schedule_runs.get": FAIR_ORGANIZER, "schedule_runs.publish": FAIR_ORGANIZER,
    "meetings.list": FAIR_ORGANIZER, "meetings.csv": FAIR_ORGANIZER, "schedule.mine": PARTICIPANTS,
    "calendar.create": PARTICIPANTS, "calendar.revoke": PARTICIPANTS, "calendar.feed": PUBLIC,
    "schedule_changes.create": FAIR_ORGANIZER,
    # Participants' own live feed: past the policy, the handler wants a WebSocket (426) and an approved profile.
    "live.mine": PARTICIPANTS, "notifications.mine": PARTICIPANTS, "late_arrival.create": PARTICIPANTS,
    "live_settings.get": FAIR_ORGANIZER, "live_settings.update": FAIR_ORGANIZER,
    "meetings.unconfirmed": FAIR_ORGANIZER,
}

EMAILS = {i: "%s@matrix.test" % i for i in IDENTITIES if i != "anonymous"}
ROLES = {"exhibitor": "exhibitor", "other_exhibitor": "exhibitor", "importer": "importer",
         "organizer": "organizer", "other_organizer": "organizer"}


class AccessMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(scale=None).__enter__()
        for ident, email in EMAILS.items():
            add_user(cls.server, ROLES[ident], email)
        cls.clients = {"anonymous": Client(cls.server)}
        for ident, email in EMAILS.items():
            cls.clients[ident] = Client(cls.server, bearer=api_token(cls.server, email))
        # The other organizer runs a fair of its own.
        r = cls.clients["other_organizer"].request("POST", "/api/v1/fairs", cls.fair_body("Other fair"))
        assert r.status == 201, r.body
        cls.routes = cls.server.request("GET", "/api/openapi.json").json()["paths"]

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    @staticmethod
    def fair_body(name):
        return {"name_vi": name, "name_en": name, "venue": "NECC", "city": "Hà Nội",
                "start_date": "2026-12-03", "end_date": "2026-12-06"}

    def world(self):
        """A fresh fair run by `organizer` with a profile of each participant."""
        c = self.clients
        fair = c["organizer"].request("POST", "/api/v1/fairs", self.fair_body("Matrix fair")).json()["id"]
        def exhibitor(who, tax):
            r = c[who].request("POST", "/api/v1/exhibitors", {
                "fair_id": fair, "name": "Xưởng gốm " + who, "tax_code": tax, "province": "ha-noi",
                "categories": ["ceramics.tableware"], "price_tier": "mid"})
            assert r.status == 201, r.body
            return r.json()["id"]
        x = exhibitor("exhibitor", "0101111111")
        exhibitor("other_exhibitor", "0102222222")
        r = c["importer"].request("POST", "/api/v1/importers", {
            "fair_id": fair, "name": "Nordic Living AB", "country": "SE", "buyer_type": "retail_chain",
            "categories": ["ceramics.tableware"], "price_tier": "mid",
            "annual_budget": {"amount": 100000, "currency": "EUR"}, "languages": ["sv", "en"]})
        assert r.status == 201, r.body
        imp = r.json()["id"]
        r = c["exhibitor"].request("POST", "/api/v1/exhibitors/%d/products" % x, {
            "name_vi": "Bát men lam", "category": "ceramics.tableware", "fob_price_min": 100, "fob_price_max": 200})
        assert r.status == 201, r.body
        product = r.json()["id"]
        r = c["exhibitor"].request("POST", "/api/v1/products/%d/photos" % product, PNG,
                                   {"Content-Type": "image/png"})
        assert r.status == 201, r.body
        photo = r.json()["id"]
        r = c["organizer"].request("POST", "/api/v1/exhibitors", {
            "fair_id": fair, "name": "Gốm Chu Đậu", "tax_code": "0803333333", "province": "hai-phong",
            "categories": ["ceramics.ornaments"], "price_tier": "premium"})
        assert r.status == 201, r.body
        approved = r.json()["id"]
        r = c["importer"].request("PUT", "/api/v1/me/shortlist/%d" % approved, None)
        assert r.status == 200, r.body
        token = c["exhibitor"].request("POST", "/api/v1/me/tokens", {"name": "target"}).json()["id"]
        session_client = Client(self.server).login(EMAILS["exhibitor"], "Lụa-Vạn-Phúc-2026")
        sessions = c["exhibitor"].request("GET", "/api/v1/me/sessions").json()["items"]
        session = max(s["id"] for s in sessions)
        hall = c["organizer"].request("POST", "/api/v1/fairs/%d/halls" % fair, {
            "code": "H", "name_vi": "Nhà H", "name_en": "Hall H", "width": 100, "height": 100}).json()["id"]
        r = c["organizer"].request("POST", "/api/v1/fairs/%d/booths" % fair, {
            "hall_id": hall, "code": "H-1", "x": 0, "y": 0, "w": 10, "h": 10, "area_m2": 9, "kind": "standard",
            "price": {"amount": 100, "currency": "USD"}})
        assert r.status == 201, r.body
        booth = r.json()["items"][0]["id"]
        r = c["exhibitor"].request("POST", "/api/v1/fairs/%d/booths/%d/hold" % (fair, booth))
        assert r.status == 201, r.body
        r = c["organizer"].request("POST", "/api/v1/importers", {
            "fair_id": fair, "name": "Casa Artesanal S.L.", "country": "ES", "buyer_type": "wholesaler",
            "categories": ["ceramics.tableware"], "price_tier": "mid",
            "annual_budget": {"amount": 100000, "currency": "USD"}, "languages": ["es"]})
        assert r.status == 201, r.body
        r = c["exhibitor"].request("POST", "/api/v1/fairs/%d/deals" % fair, {
            "counterpart_id": r.json()["id"], "kind": "contract", "value": {"amount": 500000, "currency": "USD"}})
        assert r.status == 201, r.body
        deal = r.json()["id"]
        users = c["organizer"].request("GET", "/api/v1/users?limit=100").json()["items"]
        user = [u for u in users if u["email"] == EMAILS["exhibitor"]][0]["id"]
        return {"fair": fair, "id": None, "exhibitor": x, "importer": imp, "product": product, "photo": photo,
                "token": token, "session": session, "user": user, "kind": "exhibitor",
                "approved_exhibitor": approved, "booth": booth, "deal": deal, "meeting": 999999}

    def concrete(self, path, world):
        """Fills a path pattern's parameters with the world's ids."""
        segs = path.split("/")
        out = []
        for i, seg in enumerate(segs):
            if seg.startswith("{"):
                name = seg[1:-1]
                prev = segs[i - 1]
                if name == "id":
                    key = {"exhibitors": "exhibitor", "importers": "importer", "products": "product",
                           "photos": "photo"}.get(prev, "exhibitor")
                    out.append(str(world[key]))
                elif name == "exhibitor":
                    out.append(str(world["approved_exhibitor"]))
                elif name == "kind":
                    out.append("exhibitors" if prev == "imports" else "exhibitor")
                elif name in ("request", "run"):
                    out.append(str(self.meetings_world(world)[name]))
                elif name == "file":
                    out.append(self.calendar_file())
                else:
                    out.append(str(world[name]))
            else:
                out.append(seg)
        return "/".join(out)

    def meetings_world(self, world):
        """Adds to the world, once: `exhibitor` approved (a request needs an approved recipient), a
        meeting request from `importer` to it, a meeting grid and a scheduler run."""
        if "request" not in world:
            c, fair = self.clients, world["fair"]
            r = c["organizer"].request("POST", "/api/v1/fairs/%d/participants/exhibitor/%d/decision" % (
                fair, world["exhibitor"]), {"decision": "approve"})
            assert r.status == 200, r.body
            r = c["importer"].request("POST", "/api/v1/me/meeting-requests",
                                      {"exhibitor_id": world["exhibitor"], "priority": "must_meet"})
            assert r.status == 201, r.body
            world["request"] = r.json()["id"]
            r = c["organizer"].request("PUT", "/api/v1/fairs/%d/grid" % fair, {
                "days": ["2026-12-03"], "sessions": [{"start": "09:00", "end": "12:00"}], "slot_minutes": 30,
                "tables": 2})
            assert r.status == 200, r.body
            r = c["organizer"].request("POST", "/api/v1/fairs/%d/schedule-runs" % fair, {"seconds": 1})
            assert r.status == 202, r.body
            world["run"] = r.json()["id"]
        return world

    def calendar_file(self):
        """A live calendar link's last segment (minted anew: calendars belong to users, not worlds)."""
        r = self.clients["importer"].request("POST", "/api/v1/me/calendar")
        assert r.status == 201, r.body
        return r.json()["path"].rsplit("/", 1)[1]

    def classify(self, status):
        if status in (401, 403, 404):
            return status
        return ALL

    def test_every_route_for_every_caller(self):
        shared = self.world()
        failures = []
        seen = set()
        for path, ops in self.routes.items():
            for method, op in ops.items():
                name = op["operationId"]
                seen.add(name)
                if name not in EXPECTED:
                    failures.append("%s (%s %s) has no expectation in this table" % (name, method, path))
                    continue
                for ident in IDENTITIES:
                    world = self.world() if method == "delete" else shared
                    target = self.concrete(path, world)
                    body = None if method in ("get", "delete") else {}
                    if name == "auth.logout" or name == "auth.logout_all":
                        body = None
                    r = self.clients[ident].request(method.upper(), target, body)
                    got = self.classify(r.status)
                    want = EXPECTED[name][ident]
                    if got != want:
                        failures.append("%s %s as %s: got %d, want %s (%s)" % (
                            method.upper(), target, ident, r.status, want, r.body[:120]))
        missing = set(EXPECTED) - seen
        self.assertFalse(missing, "expectations for routes that no longer exist: %s" % missing)
        self.assertFalse(failures, "\n" + "\n".join(failures))

    def test_refusals_are_problem_json(self):
        r = self.clients["anonymous"].request("GET", "/api/v1/me")
        self.assertEqual(r.status, 401)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        r = self.clients["exhibitor"].request("POST", "/api/v1/fairs", self.fair_body("x"))
        self.assertEqual(r.status, 403)
        self.assertEqual(r.json()["type"], "/problems/forbidden")


if __name__ == "__main__":
    unittest.main()
