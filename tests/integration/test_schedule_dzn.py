"""`fairmatch schedule-dzn` on real B2B instances (../shared/benchmarks),
checked by the independent verifier ../shared/tools/b2b-verify.py."""
import json
import os
import subprocess
import tempfile
import unittest

from harness import BIN, SOURCE_DIR

SHARED = os.path.abspath(os.path.join(SOURCE_DIR, "..", "shared"))
VERIFY = os.path.join(SHARED, "tools", "b2b-verify.py")
INSTANCES = os.path.join(SHARED, "benchmarks", "b2b-jair")


@unittest.skipUnless(os.path.exists(VERIFY), "../shared (benchmarks and verifier) is not beside this clone")
class ScheduleDznTest(unittest.TestCase):
    def solve_and_verify(self, name, seconds="2"):
        dzn = os.path.join(INSTANCES, name)
        out = subprocess.run([BIN, "schedule-dzn", dzn, "--seconds", seconds, "--seed", "1"],
                             capture_output=True, timeout=120, check=True)
        result = json.loads(out.stdout)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(result, f)
        try:
            check = subprocess.run(["python3", VERIFY, "verify", dzn, f.name], capture_output=True, timeout=60)
        finally:
            os.unlink(f.name)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        verdict = dict(kv.split("=") for kv in check.stdout.decode().split())
        self.assertEqual(verdict["placed"], verdict["meetings"])
        self.assertEqual(int(verdict["breaks"]), result["breaks"], "our break count agrees with the verifier's")
        self.assertEqual(result["unscheduled"], [])
        return result

    def test_tic_12_at_its_optimum(self):
        self.assertEqual(self.solve_and_verify("tic-12.original.dzn")["breaks"], 0)

    def test_forumt_14(self):
        self.assertLessEqual(self.solve_and_verify("forumt-14.original.dzn")["breaks"], 5 + 3)

    def test_malformed_file_names_the_line(self):
        with tempfile.NamedTemporaryFile("w", suffix=".dzn", delete=False) as f:
            f.write("nBusiness = 2;\nnMeetings = x;\n")
        try:
            r = subprocess.run([BIN, "schedule-dzn", f.name], capture_output=True, timeout=30)
        finally:
            os.unlink(f.name)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(":2:", r.stderr.decode())


if __name__ == "__main__":
    unittest.main()
