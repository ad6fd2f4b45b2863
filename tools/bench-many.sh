#!/usr/bin/env bash
# 10,000 small reports (the seeds and the real texts cycled, each file made distinct) through
# `envreport analyze DIR --format csv -j N` and through the Python package on a local Dask
# cluster of N workers; prints the time and the peak memory of each.
#
#   N_FILES=10000 JOBS=2 tools/bench-many.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N_FILES:-10000}
jobs=${JOBS:-$(nproc)}
dir=target/many
shared=${SHARED:-../shared}
if [ "$(find "$dir" -name '*.txt' 2>/dev/null | wc -l)" != "$n" ]; then
    rm -rf "$dir"
    python3 - "$dir" "$n" "$shared" <<'PY'
import glob, os, sys
out, n, shared = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(f"{shared}/seeds/*.txt") + glob.glob(f"{shared}/real/docs/*.txt"))]
for k in range(n):
    d = os.path.join(out, f"{k // 1000:02d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{k:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(texts[k % len(texts)] + f"\n（第{k}份）\n")
PY
fi
bytes=$(du -sb "$dir" | cut -f1)
echo "input: $n files, $((bytes / 1000000)) MB, $jobs jobs"
/usr/bin/env time -f "cli: %e s, peak %M KB" target/release/envreport analyze --format csv -j "$jobs" "$dir" > target/many.csv
python3 -c "import csv, sys; csv.field_size_limit(1 << 30); print('cli:', sum(1 for _ in csv.reader(open('target/many.csv', encoding='utf-8'))) - 1, 'rows')"
target/pyvenv/bin/python tools/bench-many.py "$dir" "$jobs"
