"""Online backup under write load, restored the way the README says (issue 8).

Writers hammer a Hanoi-scale fair (meeting requests, booth holds and
releases, deals) while `fairmatch backup` runs. The backup must finish, pass
PRAGMA integrity_check, hold every write acknowledged before it started, and,
put in place of the database of a new server, serve through the API exactly
what its own SQL counts say."""
import os
import shutil
import sqlite3
import subprocess
import threading
import time
import unittest

from harness import BIN, Client, ServerProcess, add_user, api_token, first_fair_id


class Writer(threading.Thread):
    """One user writing as fast as the server answers; remembers each
    acknowledged write with the moment its answer arrived."""

    def __init__(self, name, step):
        super().__init__(name=name, daemon=True)
        self.step = step
        self.acked = []  # (kind, id, monotonic time of the answer)
        self.errors = []
        self.stop = threading.Event()

    def run(self):
        i = 0
        while not self.stop.is_set():
            try:
                got = self.step(i)
            except Exception as e:  # noqa: BLE001 - any failure is a test failure, reported below
                self.errors.append(repr(e))
                return
            if got:
                self.acked.append(got + (time.monotonic(),))
            i += 1


class BackupRestoreTest(unittest.TestCase):
    def test_online_backup_under_write_load_restores_the_same_data(self):
        with ServerProcess(scale="hanoi") as server:
            self.run_scenario(server)

    def run_scenario(self, server):
        fair = first_fair_id(server)
        add_user(server, "organizer", "org@backup.test", fair=fair)
        org = Client(server, bearer=api_token(server, "org@backup.test"))
        exhibitors = [e["id"] for e in org.request(
            "GET", "/api/v1/exhibitors?fair=%d&limit=100" % fair).json()["items"]]
        importers = [i["id"] for i in org.request(
            "GET", "/api/v1/importers?fair=%d&limit=100" % fair).json()["items"]]
        self.assertEqual(len(exhibitors), 100)
        self.assertEqual(len(importers), 100)
        # Booths to hold.
        r = org.request("POST", "/api/v1/fairs/%d/halls" % fair, {
            "code": "B", "name_vi": "Nhà B", "name_en": "Hall B", "width": 200, "height": 100})
        self.assertEqual(r.status, 201, r.body)
        r = org.request("POST", "/api/v1/fairs/%d/booths" % fair, {
            "hall_id": r.json()["id"], "kind": "standard", "area_m2": 9, "price": {"amount": 100, "currency": "USD"},
            "grid": {"prefix": "B", "rows": 2, "cols": 10, "x": 0, "y": 0, "w": 8, "h": 8, "gap": 1}})
        self.assertEqual(r.status, 201, r.body)
        booths = [b["id"] for b in r.json()["items"]]

        def user(role, n):
            email = "%s%d@backup.test" % (role, n)
            add_user(server, role, email)
            c = Client(server, bearer=api_token(server, email))
            if role == "importer":
                body = {"fair_id": fair, "name": "Buyer %d" % n, "country": "DE", "buyer_type": "wholesaler",
                        "categories": ["ceramics.tableware"], "price_tier": "mid",
                        "annual_budget": {"amount": 100000, "currency": "EUR"}, "languages": ["de"]}
            else:
                body = {"fair_id": fair, "name": "Workshop %d" % n, "tax_code": "09%08d" % n, "province": "ha-noi",
                        "categories": ["ceramics.tableware"], "price_tier": "mid"}
            r = c.request("POST", "/api/v1/%ss" % role, body)
            self.assertEqual(r.status, 201, r.body)
            pid = r.json()["id"]
            r = org.request("POST", "/api/v1/fairs/%d/participants/%s/%d/decision" % (fair, role, pid),
                            {"decision": "approve"})
            self.assertEqual(r.status, 200, r.body)
            return c, pid

        def requester(c):
            def step(i):
                if i >= len(exhibitors):
                    time.sleep(0.05)
                    return None
                r = c.request("POST", "/api/v1/me/meeting-requests",
                              {"exhibitor_id": exhibitors[i], "priority": "would_like", "message": "xin gặp %d" % i})
                assert r.status == 201, r.body
                return ("request", r.json()["id"])
            return step

        def dealer(c):
            def step(i):
                r = c.request("POST", "/api/v1/fairs/%d/deals" % fair, {
                    "counterpart_id": importers[i % len(importers)], "kind": "sample_order",
                    "value": {"amount": 1000 + i, "currency": "USD"}, "note": "đơn mẫu %d" % i})
                assert r.status == 201, r.body
                return ("deal", r.json()["id"])
            return step

        def holder(c, mine):
            def step(i):
                booth = mine[(i // 2) % len(mine)]
                if i % 2 == 0:
                    r = c.request("POST", "/api/v1/fairs/%d/booths/%d/hold" % (fair, booth))
                    assert r.status == 201, r.body
                    return ("hold", booth)
                r = c.request("DELETE", "/api/v1/fairs/%d/booths/%d/hold" % (fair, booth))
                assert r.status in (200, 204), r.body
                return None
            return step

        writers = []
        for n in range(3):
            c, _ = user("importer", n)
            writers.append(Writer("requests-%d" % n, requester(c)))
        for n in range(2):
            c, _ = user("exhibitor", n)
            writers.append(Writer("deals-%d" % n, dealer(c)))
        c, holder_profile = user("exhibitor", 10)
        writers.append(Writer("holds", holder(c, booths[:5])))
        for w in writers:
            w.start()
        time.sleep(2)

        backup = os.path.join(server.dir, "backups", "fair-backup.db")
        os.makedirs(os.path.dirname(backup))
        started = time.monotonic()
        acked_before = sum(len(w.acked) for w in writers)
        out = subprocess.run([BIN, "backup", "--db", server.db, "--to", backup], capture_output=True, timeout=180)
        took = time.monotonic() - started
        time.sleep(1)  # keep writing after the backup, too
        for w in writers:
            w.stop.set()
        for w in writers:
            w.join(30)
        for w in writers:
            self.assertEqual(w.errors, [], w.name)
        self.assertEqual(out.returncode, 0, out.stderr)
        acked_during = sum(len(w.acked) for w in writers) - acked_before
        self.assertGreater(acked_before, 20)
        self.assertGreater(acked_during, 5, "the writers kept writing while the backup ran")
        print("\nbackup of a Hanoi-scale fair under write load: %.2f s; %d writes acknowledged before it, %d during "
              "and after" % (took, acked_before, acked_during))

        # The backup file on its own: sound, and every write acknowledged before it started is in it.
        con = sqlite3.connect("file:%s?mode=ro" % backup, uri=True)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        self.assertEqual(con.execute("PRAGMA foreign_key_check").fetchall(), [])
        before = [a for w in writers for a in w.acked if a[2] < started]
        self.assertGreater(len(before), 20)
        request_ids = {r[0] for r in con.execute("SELECT id FROM meeting_requests")}
        deal_ids = {r[0] for r in con.execute("SELECT id FROM deals")}
        held_booths = {r[0] for r in con.execute("SELECT booth_id FROM booth_bookings WHERE exhibitor_id = ?",
                                                 (holder_profile,))}
        for kind, ident, _ in before:
            present = {"request": request_ids, "deal": deal_ids, "hold": held_booths}[kind]
            self.assertIn(ident, present, "%s %d acknowledged before the backup started is missing" % (kind, ident))
        sql = {
            "requests": dict(con.execute("SELECT importer_id, count(*) FROM meeting_requests GROUP BY importer_id")),
            "deals": dict(con.execute("SELECT exhibitor_id, count(*) FROM deals GROUP BY exhibitor_id")),
            "exhibitors": con.execute("SELECT count(*) FROM exhibitors WHERE fair_id = ? AND status = 'approved'",
                                      (fair,)).fetchone()[0],
            "importers": con.execute("SELECT count(*) FROM importers WHERE fair_id = ? AND status = 'approved'",
                                     (fair,)).fetchone()[0],
            "products": con.execute("SELECT count(*) FROM products").fetchone()[0],
            "holds": con.execute("SELECT count(*) FROM booth_bookings WHERE exhibitor_id = ?",
                                 (holder_profile,)).fetchone()[0],
        }
        con.close()
        server.stop()

        # Restore as the README says: the backup file in place of the database of a (new) server.
        restored = ServerProcess(scale=None)
        shutil.copyfile(backup, restored.db)
        restored.start()
        try:
            self.check_restored(restored, fair, sql, before, importers[0])
        finally:
            restored.stop()
            shutil.rmtree(restored.dir, ignore_errors=True)

    def check_restored(self, server, fair, sql, before, some_importer):
        self.assertEqual(server.request("GET", "/healthz").json()["database"]["state"], "ok")
        # The same tokens work: users, sessions and tokens came back with the data.
        org = Client(server, bearer=api_token(server, "org@backup.test"))
        listed = server.request("GET", "/api/v1/exhibitors?fair=%d&limit=1" % fair).json()
        self.assertEqual(listed["total"], sql["exhibitors"])
        self.assertEqual(org.request("GET", "/api/v1/importers?fair=%d&limit=1" % fair).json()["total"],
                         sql["importers"])
        self.assertEqual(server.request("GET", "/api/v1/products?limit=1").json()["total"], sql["products"])
        # Search still works on the restored index.
        hits = server.request("GET", "/api/v1/exhibitors?fair=%d&q=gom" % fair).json()
        self.assertGreater(hits["total"], 0)
        seen_requests, seen_deals = set(), set()
        for n in range(3):
            c = Client(server, bearer=api_token(server, "importer%d@backup.test" % n))
            me = c.request("GET", "/api/v1/me").json()
            imp = [p["id"] for p in me.get("profiles", []) if p.get("kind") == "importer"] if "profiles" in me else []
            items = c.request("GET", "/api/v1/me/meeting-requests?fair=%d&box=outbox" % fair).json()["items"]
            seen_requests |= {m["id"] for m in items}
            if imp:
                self.assertEqual(len(items), sql["requests"].get(imp[0], 0))
        self.assertEqual(len(seen_requests), sum(sql["requests"].values()))
        for n in range(2):
            c = Client(server, bearer=api_token(server, "exhibitor%d@backup.test" % n))
            seen_deals |= {d["id"] for d in c.request("GET", "/api/v1/me/deals?fair=%d" % fair).json()["items"]}
        self.assertEqual(len(seen_deals), sum(sql["deals"].values()))
        holds = org.request("GET", "/api/v1/fairs/%d/bookings" % fair).json()["items"]
        self.assertEqual(len(holds), sql["holds"])
        for kind, ident, _ in before:
            if kind == "request":
                self.assertIn(ident, seen_requests)
            elif kind == "deal":
                self.assertIn(ident, seen_deals)
        # And the restored server takes new writes.
        c = Client(server, bearer=api_token(server, "exhibitor0@backup.test"))
        r = c.request("POST", "/api/v1/fairs/%d/deals" % fair, {
            "counterpart_id": some_importer, "kind": "contract", "value": {"amount": 5, "currency": "USD"}})
        self.assertEqual(r.status, 201, r.body)
        self.assertNotIn(r.json()["id"], seen_deals)


if __name__ == "__main__":
    unittest.main()
