#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/fuzz_targets/) for FUZZ_SECONDS each (default 60) with
# cargo-fuzz on the nightly toolchain, and prints each target's executions. A crash input
# is copied to fuzz/regressions/<target>/, where `cargo test` replays it: commit it with the
# fix. Usage: tools/fuzz.sh [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze numerals docx html)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: needs the nightly toolchain (rustup toolchain install nightly)" >&2
  exit 1
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
python3 tools/fuzz-corpus.py
mkdir -p target/fuzz-logs
status=0
for t in "${targets[@]}"; do
  log="target/fuzz-logs/$t.log"
  echo "fuzz: $t for ${seconds}s (log: $log)"
  if cargo +nightly fuzz run "$t" -- -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-16384}" -rss_limit_mb=4096 \
       -timeout=20 -print_final_stats=1 >"$log" 2>&1; then
    :
  else
    status=1
    echo "fuzz: $t FAILED; the end of its log:" >&2
    tail -n 30 "$log" >&2
  fi
  for crash in fuzz/artifacts/"$t"/*; do
    [ -e "$crash" ] || continue
    mv "$crash" "fuzz/regressions/$t/"
    echo "fuzz: $t crash input moved to fuzz/regressions/$t/$(basename "$crash")" >&2
  done
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo '?')
  echo "fuzz: $t: $runs executions in ${seconds}s, coverage $cov edges"
done
exit $status
