"""A small fair happening now, for the live-feed tests: the fair's time zone
is chosen so that its local time is between 01:00 and 21:30, today's
session runs from one slot before the current slot to two slots after it,
tomorrow has the same session, and the published meetings are then placed
in chosen slots (SQL) so that the tests know which are past and which are
to come."""
import datetime
import sqlite3
import time

from harness import Client, api_token

ZONES = [("UTC", 0), ("Asia/Dubai", 240)]
SLOT = 15  # minutes


def local_now():
    now = datetime.datetime.now(datetime.timezone.utc)
    for zone, offset in ZONES:
        local = now + datetime.timedelta(minutes=offset)
        minutes = local.hour * 60 + local.minute
        if 60 <= minutes <= 21 * 60 + 30:
            return zone, offset, local
    raise AssertionError("no zone has a usable local time")


class World:
    """exhibitors e1, e2; importers i1, i2; accepted requests for the pairs given."""

    def __init__(self, server, org, tag, pairs):
        self.server, self.org = server, org
        self.zone, self.offset, local = local_now()
        today = local.date()
        tomorrow = today + datetime.timedelta(days=1)
        self.fair = org.request("POST", "/api/v1/fairs", {
            "name_vi": "Hội chợ " + tag, "name_en": "Fair " + tag, "venue": "NECC", "city": "Hà Nội",
            "time_zone": self.zone, "start_date": today.isoformat(), "end_date": tomorrow.isoformat()}).json()["id"]
        for kind, text in (
                ("exhibitors", "email,name,tax_code,province,categories,price_tier\n"
                               "e1-%s@x.vn,Gốm Một %s,03%08d,ha-noi,ceramics.tableware,mid\n"
                               "e2-%s@x.vn,Gốm Hai %s,03%08d,ha-noi,ceramics.tableware,mid\n"
                               % (tag, tag, self.fair * 10 + 1, tag, tag, self.fair * 10 + 2)),
                ("importers", "email,name,country,buyer_type,categories,price_tier,annual_budget_amount,"
                              "annual_budget_currency,languages\n"
                              "i1-%s@x.fr,Maison Un %s,FR,wholesaler,ceramics.tableware,mid,1000,USD,fr\n"
                              "i2-%s@x.de,Haus Zwei %s,DE,wholesaler,ceramics.tableware,mid,1000,USD,de\n"
                              % (tag, tag, tag, tag))):
            r = org.request("POST", "/api/v1/fairs/%d/imports/%s?dry_run=false" % (self.fair, kind),
                            text.encode(), {"Content-Type": "text/csv"})
            assert r.status == 201, r.body
        self.tokens, self.clients, self.ids, self.names = {}, {}, {}, {}
        for who, email in (("e1", "e1-%s@x.vn"), ("e2", "e2-%s@x.vn"), ("i1", "i1-%s@x.fr"), ("i2", "i2-%s@x.de")):
            self.tokens[who] = api_token(server, email % tag)
            self.clients[who] = Client(server, bearer=self.tokens[who])
            profile = self.clients[who].request("GET", "/api/v1/me").json()["profiles"][0]
            self.ids[who], self.names[who] = profile["id"], profile["name"]
        for imp, exh in pairs:
            r = self.clients[imp].request("POST", "/api/v1/me/meeting-requests", {
                "exhibitor_id": self.ids[exh], "priority": "must_meet"})
            assert r.status == 201, r.body
            assert self.clients[exh].request("POST", "/api/v1/me/meeting-requests/%d/response" % r.json()["id"],
                                             {"decision": "accept"}).status == 200
        start = (local.hour * 60 + local.minute) // SLOT * SLOT - SLOT
        hhmm = lambda m: "%02d:%02d" % (m // 60, m % 60)
        r = org.request("PUT", "/api/v1/fairs/%d/grid" % self.fair, {
            "days": [today.isoformat(), tomorrow.isoformat()],
            "sessions": [{"start": hhmm(start), "end": hhmm(start + 4 * SLOT)}],
            "slot_minutes": SLOT, "pause_minutes": 0, "tables": 3, "use_booths": False})
        assert r.status == 200, r.body
        run = org.request("POST", "/api/v1/fairs/%d/schedule-runs" % self.fair, {"seconds": 1}).json()
        for _ in range(300):
            run = org.request("GET", "/api/v1/fairs/%d/schedule-runs/%d" % (self.fair, run["id"])).json()
            if run["status"] != "running":
                break
            time.sleep(0.05)
        assert run["status"] == "done", run
        # Slot 0 is over and slot 1 under way: publishing into them needs
        # the organizer's confirmation.
        r = org.request("POST", "/api/v1/fairs/%d/schedule-runs/%d/publish" % (self.fair, run["id"]),
                        {"confirm": True})
        assert r.status == 200, r.body
        midnight = datetime.datetime.combine(today, datetime.time(), datetime.timezone.utc).timestamp()
        # Today's slots 0..3 (0 is over, 1 under way, 2 and 3 to come), as unix seconds UTC.
        self.slots = [int(midnight - self.offset * 60 + (start + k * SLOT) * 60) for k in range(4)]

    def meeting(self, imp, exh):
        db = sqlite3.connect(self.server.db)
        try:
            return db.execute("SELECT id FROM meetings WHERE importer_id = ? AND exhibitor_id = ?",
                              (self.ids[imp], self.ids[exh])).fetchone()[0]
        finally:
            db.close()

    def place(self, placements):
        """{meeting id: (slot 0..3 today, table)}; times that fit the grid."""
        db = sqlite3.connect(self.server.db)
        for meeting, (slot, table) in placements.items():
            db.execute("UPDATE meetings SET slot = ?, starts_at = ?, ends_at = ?, location_kind = 'table', "
                       "location = ? WHERE id = ?",
                       (slot, self.slots[slot], self.slots[slot] + SLOT * 60, "Table %d" % table, meeting))
        db.commit()
        db.close()

    def feed(self, who, query="", fair=None):
        from wsclient import WebSocket
        return WebSocket(self.server.port, "/api/v1/fairs/%d/me/live%s" % (fair or self.fair, query),
                         {"Authorization": "Bearer " + self.tokens[who],
                          "Origin": "http://127.0.0.1:%d" % self.server.port})
