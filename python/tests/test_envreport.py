"""The Python package against the command line on the same files, and on a local Dask
cluster. Run by `make python-test` (ENVREPORT_CLI names the command's binary)."""

import glob
import io
import json
import os
import subprocess
import unittest

import pandas as pd

import envreport

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("ENVREPORT_CLI", os.path.join(ROOT, "target", "release", "envreport"))
SHARED = os.environ.get("SHARED", os.path.join(ROOT, "..", "shared"))
SEEDS = os.path.join(SHARED, "seeds")
REAL = os.path.join(SHARED, "real", "docs")


def files():
    found = sorted(glob.glob(os.path.join(SEEDS, "*.txt")))[:3] + sorted(glob.glob(os.path.join(REAL, "*.txt")))[:2]
    if len(found) < 5:
        raise unittest.SkipTest  # never silently: see test_the_reports_are_there
    return found


def cli(*args):
    return subprocess.run([CLI, *args], check=True, capture_output=True).stdout.decode("utf-8")


class TheReportsAreThere(unittest.TestCase):
    def test_the_reports_are_there(self):
        self.assertGreaterEqual(len(glob.glob(os.path.join(SEEDS, "*.txt"))), 3, SEEDS)
        self.assertGreaterEqual(len(glob.glob(os.path.join(REAL, "*.txt"))), 2, REAL)
        self.assertTrue(os.access(CLI, os.X_OK), f"no envreport command at {CLI}")


class Analyze(unittest.TestCase):
    def test_a_text(self):
        r = envreport.analyze("2021年，全区优良天数为287天，同比增加12天，全市排名第2。")
        days = r["indicators"][0]
        self.assertEqual((days["name"], days["value"], days["unit"]), ("全区优良天数", 287.0, "天"))
        self.assertEqual(r["comparisons"][0]["value"], 12.0)
        self.assertEqual(r["meta"]["year"], 2021)

    def test_a_file_reads_as_the_command_reads_it(self):
        path = files()[0]
        mine = envreport.read(path)
        theirs = json.loads(cli("analyze", path))
        self.assertEqual(mine["indicators"], theirs["indicators"])
        self.assertEqual(mine["meta"], theirs["meta"])
        self.assertEqual(mine["input"], theirs["input"])
        with open(path, encoding="utf-8") as f:
            self.assertEqual(mine["text"], f.read())

    def test_bad_input_says_what_is_wrong(self):
        with self.assertRaises(OSError):
            envreport.read("/no/such/report.txt")
        with self.assertRaises(ValueError):
            envreport.analyze("x", offsets="pages")
        with self.assertRaises(TypeError):
            envreport.frame("one string")


class Frame(unittest.TestCase):
    def test_the_same_table_as_the_command_line(self):
        paths = files()
        df = envreport.frame(paths)
        self.assertEqual(list(df.columns), envreport.COLUMNS)
        theirs = pd.read_csv(io.StringIO(cli("analyze", "--format", "csv", *paths)), keep_default_na=False, dtype=str)
        self.assertEqual(len(df), len(theirs))
        self.assertEqual(list(theirs.columns), envreport.COLUMNS)
        mine = df.astype(object).where(df.notna(), "")
        for column in ["report", "region", "canonical", "name", "unit", "text", "start", "end", "check", "sentence"]:
            self.assertEqual([str(x) for x in mine[column]], list(theirs[column]), column)
        for column in ["value", "year"]:
            a = pd.to_numeric(df[column], errors="coerce")
            b = pd.to_numeric(theirs[column].replace("", None), errors="coerce")
            pd.testing.assert_series_equal(a.astype(float), b.astype(float), check_names=False)
        self.assertEqual(df["report"].nunique(), 5)

    def test_texts_are_labelled_in_order(self):
        df = envreport.frame(["2022年，全县PM2.5平均浓度为40微克/立方米。", "2023年，全县PM2.5平均浓度为0.036毫克/立方米。"])
        pm = df[df["canonical"] == "air.pm25.mean"]
        self.assertEqual(list(pm["report"]), ["text 1", "text 2"])
        self.assertEqual(list(pm["value"]), [40.0, 36.0])
        self.assertEqual(list(pm["unit"]), ["μg/m³", "μg/m³"])
        self.assertEqual(list(pm["year"]), [2022, 2023])

    def test_compare_is_the_command_lines_table(self):
        paths = files()
        mine = envreport.compare(paths, order="year")
        theirs = json.loads(cli("compare", "--format", "json", "--order", "year", *paths))
        self.assertEqual(mine, theirs)


class Dask(unittest.TestCase):
    """A folder of reports on a local cluster: a Dask bag of paths, one frame a partition."""

    def test_a_local_cluster_gives_the_same_frame(self):
        from dask import bag as db
        from dask.distributed import Client, LocalCluster

        paths = sorted(glob.glob(os.path.join(SEEDS, "*.txt")) + glob.glob(os.path.join(REAL, "*.txt")))
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
            bag = db.from_sequence(paths, npartitions=4)
            parts = bag.map_partitions(lambda ps: [envreport.frame(list(ps))]).compute()
        got = pd.concat(parts, ignore_index=True)
        want = envreport.frame(paths)
        pd.testing.assert_frame_equal(got, want)
        self.assertGreater(got["report"].nunique(), 20)


if __name__ == "__main__":
    unittest.main()
