"""A full disk under the data directory: writes are refused with a clear
problem+json (507, type storage-full), reads keep working, nothing is
corrupted (SQLite's integrity check, every acknowledged write present) and
writes succeed again once space returns, without a restart.

Two real ways for the kernel to refuse SQLite's writes:
- mount: the data directory is a small tmpfs (needs root with
  CAP_SYS_ADMIN, as CI on a fresh Debian machine has), filled up by a file
  we write until ENOSPC; deleting that file gives the space back.
- fsize: RLIMIT_FSIZE on the server process (SIGXFSZ ignored, so the
  write(2) fails with EFBIG, which SQLite reports as SQLITE_FULL), lowered
  and raised with prlimit(2) while the server runs. Runs everywhere.
"""
import errno
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import unittest

from harness import Client, ServerProcess, add_user, api_token, first_fair_id


def can_mount():
    if os.geteuid() != 0:
        return False
    probe = tempfile.mkdtemp(prefix="fairmatch-mnt-")
    try:
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], capture_output=True)
        if r.returncode != 0:
            return False
        subprocess.run(["umount", probe], check=True)
        return True
    except OSError:
        return False
    finally:
        os.rmdir(probe)


def ignore_sigxfsz():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # inherited across exec: write(2) fails with EFBIG instead


class DiskFullTest(unittest.TestCase):
    def exhibitor(self, fair, i, size=40):
        return {"fair_id": fair, "name": "Xưởng gốm đầy đĩa %d" % i, "tax_code": "07%08d" % i,
                "province": "ha-noi", "categories": ["ceramics.tableware"], "price_tier": "mid",
                "description_vi": "Gốm men lam vẽ tay, nung củi. " * size}

    def check_refused(self, r):
        self.assertEqual(r.status, 507, r.body)
        self.assertEqual(r.headers["content-type"], "application/problem+json")
        p = r.json()
        self.assertEqual(p["type"], "/problems/storage-full")
        self.assertEqual(p["status"], 507)
        self.assertIn("nothing was saved", p["detail"])

    def run_scenario(self, server, fill, free):
        """fill() takes the space away, free() gives it back."""
        fair = first_fair_id(server)
        c = Client(server, bearer=self.token)
        acknowledged = {}
        statuses = []

        def post(i):
            body = self.exhibitor(fair, i)
            r = c.request("POST", "/api/v1/exhibitors", body)
            statuses.append(r.status)
            if r.status == 201:
                acknowledged[r.json()["id"]] = body["name"]
            return r

        for i in range(5):
            self.assertEqual(post(i).status, 201)
        fill()
        # Writes may still fit in space SQLite holds already (the WAL); keep
        # writing until the disk says no, then it must keep saying no.
        refused = None
        for i in range(5, 2000):
            r = post(i)
            if r.status != 201:
                refused = r
                break
        self.assertIsNotNone(refused, "the writes never hit the full disk")
        self.check_refused(refused)
        for i in range(2000, 2005):
            self.check_refused(post(i))
        # Other kinds of writes say the same, and half of nothing is kept.
        self.check_refused(c.request("PATCH", "/api/v1/exhibitors/%d" % next(iter(acknowledged)),
                                     {"description_vi": "Đổi " * 900}))
        # A photo upload (a file in the data directory, then its row) is refused
        # the same way and leaves no file behind.
        photos = os.path.join(os.path.dirname(server.db), "photos")
        before = set(os.listdir(photos)) if os.path.isdir(photos) else set()
        product = c.request("GET", "/api/v1/products?fair=%d&limit=1" % fair).json()["items"][0]["id"]
        jpeg = b"\xff\xd8\xff\xe0" + b"\x10" * 300000
        r = c.request("POST", "/api/v1/products/%d/photos" % product, jpeg, {"Content-Type": "image/jpeg"})
        self.check_refused(r)
        after = set(os.listdir(photos)) if os.path.isdir(photos) else set()
        self.assertEqual(after, before)
        # Reads still work while the disk is full.
        self.assertEqual(server.request("GET", "/healthz").status, 200)
        for eid, name in acknowledged.items():
            r = c.request("GET", "/api/v1/exhibitors/%d" % eid)
            self.assertEqual(r.status, 200)
            self.assertEqual(r.json()["name"], name)
        self.assertEqual(c.request("GET", "/api/v1/exhibitors?fair=%d&q=gom" % fair).status, 200)

        free()
        # Service resumes without a restart.
        for i in range(3000, 3010):
            self.assertEqual(post(i).status, 201)
        r = c.request("POST", "/api/v1/products/%d/photos" % product, jpeg, {"Content-Type": "image/jpeg"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(c.request("GET", r.headers["location"]).body, jpeg)
        self.assertNotIn(500, statuses)
        for eid, name in acknowledged.items():
            self.assertEqual(c.request("GET", "/api/v1/exhibitors/%d" % eid).json()["name"], name)
        self.assertEqual(server.stop(), 0, server.log())

        db = sqlite3.connect(server.db)
        self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        rows = dict(db.execute("SELECT id, name FROM exhibitors"))
        for eid, name in acknowledged.items():
            self.assertEqual(rows.get(eid), name, "acknowledged exhibitor %d is missing" % eid)
        # Nothing half-written: refused rows are absent and every row has its search document.
        names = set(rows.values())
        for i in range(2000, 2005):
            self.assertNotIn(self.exhibitor(fair, i)["name"], names)
        missing = db.execute("SELECT count(*) FROM exhibitors e WHERE NOT EXISTS "
                             "(SELECT 1 FROM exhibitor_search s WHERE s.rowid = e.id)").fetchone()[0]
        self.assertEqual(missing, 0)
        db.close()
        return acknowledged

    def prepare(self, server):
        server.seed()
        fair = subprocess.run(["sqlite3", server.db, "SELECT min(id) FROM fairs"], capture_output=True,
                              check=True).stdout.decode().strip()
        add_user(server, "organizer", "full@fair.vn", fair=int(fair))
        self.token = api_token(server, "full@fair.vn")

    @unittest.skipUnless(can_mount(), "needs root and mount(2) for a tmpfs")
    def test_small_tmpfs_fills_up(self):
        server = ServerProcess(scale="small")
        mounted = False
        logdir = tempfile.mkdtemp(prefix="fairmatch-log-")
        server.stderr_path = os.path.join(logdir, "server.log")  # the log must not be on the full disk
        filler = os.path.join(server.dir, "filler")
        try:
            subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", server.dir], check=True)
            mounted = True
            self.prepare(server)
            server.start()

            def fill():
                fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                chunk = b"\0" * 4096
                try:
                    while True:
                        os.write(fd, chunk)
                except OSError as e:
                    self.assertEqual(e.errno, errno.ENOSPC)
                finally:
                    os.close(fd)
                st = os.statvfs(server.dir)
                self.assertLess(st.f_bavail * st.f_frsize, 8192)

            self.run_scenario(server, fill, lambda: os.remove(filler))
            with open(server.stderr_path, encoding="utf-8") as f:
                self.assertIn("storage full", f.read())
        finally:
            server.stop()
            if mounted:
                subprocess.run(["umount", server.dir])
            shutil.rmtree(server.dir, ignore_errors=True)
            shutil.rmtree(logdir, ignore_errors=True)

    def test_file_size_limit(self):
        server = ServerProcess(scale="small")
        try:
            self.prepare(server)
            real_popen = subprocess.Popen
            subprocess.Popen = lambda *a, **k: real_popen(*a, preexec_fn=ignore_sigxfsz, **k)
            try:
                server.start()
            finally:
                subprocess.Popen = real_popen
            pid = server.proc.pid

            def fill():
                # No file may grow past its current end (nor the WAL past its
                # current size): every write that needs new space gets EFBIG.
                wal = server.db + "-wal"
                limit = os.path.getsize(wal) if os.path.exists(wal) else 0
                resource.prlimit(pid, resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

            def free():
                resource.prlimit(pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))

            self.run_scenario(server, fill, free)
        finally:
            server.stop()
            shutil.rmtree(server.dir, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
