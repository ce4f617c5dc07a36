"""Crash safety: the server is killed with SIGKILL while clients write;
after a restart every acknowledged write is there, nothing is half-written
and SQLite's integrity check passes."""
import signal
import sqlite3
import threading
import time
import unittest

from harness import Client, ServerProcess, add_user, api_token, first_fair_id


class CrashTest(unittest.TestCase):
    def test_acknowledged_writes_survive_sigkill(self):
        server = ServerProcess(scale="small").__enter__()
        try:
            fair = first_fair_id(server)
            add_user(server, "organizer", "crash@fair.vn", fair=fair)
            token = api_token(server, "crash@fair.vn")
            acknowledged = []
            lock = threading.Lock()
            stop = threading.Event()

            def writer(n):
                c = Client(server, bearer=token)
                i = 0
                while not stop.is_set():
                    i += 1
                    body = {"fair_id": fair, "name": "Xưởng %d-%d" % (n, i), "tax_code": "09%02d%06d" % (n, i),
                            "province": "ha-noi", "categories": ["ceramics.tableware"], "price_tier": "mid",
                            "description_vi": "Mô tả " * 50}
                    try:
                        r = c.request("POST", "/api/v1/exhibitors", body)
                    except OSError:
                        return  # the server died mid-request: not acknowledged
                    if r.status == 201:
                        with lock:
                            acknowledged.append((r.json()["id"], body["name"]))

            threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
            for t in threads:
                t.start()
            time.sleep(1.5)
            server.proc.send_signal(signal.SIGKILL)
            server.proc.wait()
            stop.set()
            for t in threads:
                t.join()
            self.assertGreater(len(acknowledged), 20, "the writers got going before the kill")

            # The database as the crash left it: consistent, every acknowledged row present.
            db = sqlite3.connect(server.db)
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            rows = dict(db.execute("SELECT id, name FROM exhibitors"))
            for eid, name in acknowledged:
                self.assertEqual(rows.get(eid), name, "acknowledged exhibitor %d is missing" % eid)
            # Nothing half-written: every exhibitor has its search document.
            missing = db.execute("SELECT count(*) FROM exhibitors e WHERE NOT EXISTS "
                                 "(SELECT 1 FROM exhibitor_search s WHERE s.rowid = e.id)").fetchone()[0]
            self.assertEqual(missing, 0)
            db.close()

            # And the server starts again on it and serves them.
            server.start()
            eid, name = acknowledged[-1]
            self.assertEqual(server.request("GET", "/api/v1/exhibitors/%d" % eid).json()["name"], name)
        finally:
            server.__exit__(None, None, None)


if __name__ == "__main__":
    unittest.main()
