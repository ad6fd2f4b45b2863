#!/usr/bin/env python3
"""Scores the CLI on the two gold sets — the seeds (../shared/seeds with ../shared/gold) and
the real set (../shared/real/docs with ../shared/real/gold) — and fails below the ratchet
levels in tools/gold-ratchet.json. Prints each scorer's table, then one line per metric.

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
sets = {
    "seeds": (os.path.join(args.shared, "seeds"), os.path.join(args.shared, "gold")),
    "real": (os.path.join(args.shared, "real", "docs"), os.path.join(args.shared, "real", "gold")),
}
ratchet = json.load(open(os.path.join(here, "gold-ratchet.json")))

failed = False
for name, (docs, gold) in sets.items():
    levels = {k: v for k, v in ratchet[name].items() if not k.startswith("_")}
    base = [sys.executable, score, "--cmd", cmd, "--docs", docs, "--gold", gold]
    print(f"== {name}: {docs}")
    subprocess.run(base, check=True)
    totals = json.loads(subprocess.run(base + ["--json"], check=True, capture_output=True, text=True).stdout)
    if totals.get("failures"):
        print(f"check-gold: the analyzer failed on {totals['failures']} documents of {name}")
        failed = True
    for metric, level in levels.items():
        got = totals.get(metric)
        ok = got is not None and got + 1e-9 >= level
        failed |= not ok
        note = "" if ok else "  BELOW THE RATCHET"
        print(f"  {name:<6} {metric:<13} {got!s:>6}  (ratchet {level}){note}")
sys.exit(1 if failed else 0)
