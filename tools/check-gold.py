#!/usr/bin/env python3
"""Scores the CLI on the gold set (../shared/gold) and fails below the ratchet levels in
tools/gold-ratchet.json. Prints the scorer's table, then one line per metric.

Usage: tools/check-gold.py [--shared DIR] [--bin PATH]
"""
import argparse
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.environ.get("SHARED", os.path.join(root, "..", "shared")))
ap.add_argument("--bin", default=os.path.join(root, "target", "release", "envreport"))
args = ap.parse_args()

score = os.path.join(args.shared, "eval", "score.py")
if not os.path.exists(score):
    sys.exit(f"check-gold: {score} not found; set SHARED to the directory holding eval/, gold/ and seeds/")
cmd = f"{args.bin} analyze --format json {{file}}"
base = [sys.executable, score, "--cmd", cmd, "--docs", os.path.join(args.shared, "seeds"),
        "--gold", os.path.join(args.shared, "gold")]
subprocess.run(base, check=True)
totals = json.loads(subprocess.run(base + ["--json"], check=True, capture_output=True, text=True).stdout)
levels = {k: v for k, v in json.load(open(os.path.join(here, "gold-ratchet.json"))).items() if not k.startswith("_")}

failed = False
if totals.get("failures"):
    print(f"check-gold: the analyzer failed on {totals['failures']} documents")
    failed = True
for metric, level in levels.items():
    got = totals.get(metric)
    ok = got is not None and got + 1e-9 >= level
    failed |= not ok
    note = "" if ok else "  BELOW THE RATCHET"
    print(f"  {metric:<12} {got!s:>6}  (ratchet {level}){note}")
sys.exit(1 if failed else 0)
