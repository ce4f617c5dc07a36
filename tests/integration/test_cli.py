"""The command line as operators use it: migrate, refusing a database from
a newer fairmatch, backup while serving, and bad arguments."""
import os
import sqlite3
import subprocess
import tempfile
import unittest

from harness import BIN, ServerProcess


def run(*args, **kw):
    return subprocess.run([BIN] + list(args), capture_output=True, timeout=120, **kw)


class CliTest(unittest.TestCase):
    def test_migrate_fresh_then_noop(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "x.db")
            first = run("migrate", "--db", db)
            self.assertEqual(first.returncode, 0, first.stderr)
            self.assertRegex(first.stdout.decode(), r"schema version 0 -> \d+")
            second = run("migrate", "--db", db)
            version = first.stdout.decode().split("-> ")[1].strip()
            self.assertEqual(second.stdout.decode().strip(), "schema version %s -> %s" % (version, version))

    def test_refuses_a_newer_database(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "x.db")
            run("migrate", "--db", db)
            con = sqlite3.connect(db)
            con.execute("PRAGMA user_version = 999")
            con.commit()
            con.close()
            r = run("serve", "--db", db, "--port", "0")
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("database schema version 999 is newer than this fairmatch", r.stderr.decode())
            self.assertEqual(r.stdout, b"", "it never started listening")

    def test_backup_while_serving(self):
        with ServerProcess(scale="small") as server:
            target = os.path.join(server.dir, "backup.db")
            r = run("backup", "--db", server.db, "--to", target)
            self.assertEqual(r.returncode, 0, r.stderr)
            con = sqlite3.connect(target)
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(con.execute("SELECT count(*) FROM exhibitors").fetchone()[0], 50)
            con.close()
            again = run("backup", "--db", server.db, "--to", target)
            self.assertNotEqual(again.returncode, 0, "never overwrites an existing file")
            restored = ServerProcess(scale=None)
            restored.db = target
            restored.start()
            try:
                fairs = restored.request("GET", "/api/v1/fairs").json()
                self.assertEqual(fairs["total"], 1)
                same = server.request("GET", "/api/v1/exhibitors?limit=5").json()
                copy = restored.request("GET", "/api/v1/exhibitors?limit=5").json()
                self.assertEqual(same, copy)
            finally:
                restored.stop()

    def test_demo_is_deterministic_and_idempotent(self):
        with tempfile.TemporaryDirectory() as d:
            a, b = os.path.join(d, "a.db"), os.path.join(d, "b.db")
            self.assertEqual(run("demo", "--db", a, "--scale", "small", "--seed", "7").returncode, 0)
            self.assertEqual(run("demo", "--db", b, "--scale", "small", "--seed", "7").returncode, 0)
            again = run("demo", "--db", a, "--scale", "small", "--seed", "7")
            self.assertIn("already present", again.stdout.decode())
            rows = []
            for path in (a, b):
                con = sqlite3.connect(path)
                rows.append(con.execute("SELECT name, tax_code, categories FROM exhibitors ORDER BY id").fetchall())
                self.assertEqual(con.execute("SELECT count(*) FROM exhibitors").fetchone()[0], 50)
                con.close()
            self.assertEqual(rows[0], rows[1])

    def test_bad_arguments(self):
        r = run("serve")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("--db is required", r.stderr.decode())
        r = run("demo", "--db", "/tmp/x.db", "--scale", "huge")
        self.assertIn("--scale must be small, hanoi or canton", r.stderr.decode())
        r = run("serve", "--db", "/tmp/x.db", "--port", "70000")
        self.assertIn("--port must be a number from 0 to 65535", r.stderr.decode())
        self.assertEqual(run("nonsense").returncode, 2)


if __name__ == "__main__":
    unittest.main()
