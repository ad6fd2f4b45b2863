#!/usr/bin/env bash
# Builds the core for the browser into www/pkg/: cargo (wasm32-unknown-unknown, the `wasm`
# profile), wasm-bindgen (ES module for the web), wasm-opt.
#
# Uses the rustup wasm32 target when it is installed; otherwise Debian's rustc-web, which
# builds the standard library from source (rust-web-src) because this machine's rustup
# cannot download the target.
set -euo pipefail
cd "$(dirname "$0")/.."
# SIMD (every browser since 2023): memchr and the byte counts use vector code
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"

out=www/pkg
args=(--profile wasm --target wasm32-unknown-unknown --lib --no-default-features)
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    target_dir=target
    cargo build "${args[@]}"
else
    target_dir=target/wasm-std
    PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$target_dir \
        /usr/bin/cargo build "${args[@]}" -Zbuild-std=std,panic_abort
fi
wasm="$target_dir/wasm32-unknown-unknown/wasm/envreport.wasm"

rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$out" --out-name envreport "$wasm"
# wasm-opt from npm's binaryen (Debian's is too old for this wasm): -O3 keeps the speed
# and saves about 9 KB gzipped after LLVM's optimization.
opt=node_modules/.bin/wasm-opt
if [ -x "$opt" ]; then
    "$opt" -O3 --strip-debug --strip-producers --enable-bulk-memory --enable-mutable-globals \
        --enable-sign-ext --enable-nontrapping-float-to-int --enable-reference-types \
        --enable-multivalue --enable-simd "$out/envreport_bg.wasm" -o "$out/envreport_bg.wasm"
else
    echo "wasm: $opt not found (tools/setup.sh wasm installs it); not optimized" >&2
fi
printf 'wasm: %s (%s bytes)\n' "$out/envreport_bg.wasm" "$(wc -c <"$out/envreport_bg.wasm")"
# brotli at its best quality, once here rather than by the server at each start (make serve
# sends FILE.br to browsers that accept brotli when it is newer than FILE)
node -e 'const z = require("zlib"), fs = require("fs"); const f = process.argv[1]; const b = fs.readFileSync(f);
fs.writeFileSync(f + ".br", z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }));' "$out/envreport_bg.wasm"

# The example report as a module, so the page loads it without a network connection
# (its Content-Security-Policy has connect-src 'none').
node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2], "// Generated from www/example.txt by tools/build-wasm.sh.\nexport const EXAMPLE = " + JSON.stringify(fs.readFileSync(process.argv[1], "utf8")) + ";\n")' www/example.txt "$out/example.js"

# The catalogue's entries (id, name, category, unit, better, period) for the comparison
# view, which loads them with its code when it opens, from data/catalogue.tsv.
node -e '
const fs = require("fs");
const rows = fs.readFileSync(process.argv[1], "utf8").split("\n")
  .filter((l) => l.startsWith("indicator\t"))
  .map((l) => { const [, id, name, category, unit, better, period] = l.split("\t"); return { id, name, category, unit, better, period }; });
fs.writeFileSync(process.argv[2], "// Generated from data/catalogue.tsv by tools/build-wasm.sh.\nexport const CATALOGUE = " + JSON.stringify(rows) + ";\n");
' data/catalogue.tsv "$out/catalogue.js"

# The .xlsx writer the page loads when a user asks for an .xlsx (never on first load):
# write-excel-file's browser bundle (MIT, with fflate), from npm (package.json).
xlsx=node_modules/write-excel-file/bundle/write-excel-file.min.js
if [ -f "$xlsx" ]; then
    mkdir -p "$out/vendor"
    cp "$xlsx" "$out/vendor/write-excel-file.min.js"
    cp node_modules/write-excel-file/LICENSE "$out/vendor/write-excel-file.LICENSE"
else
    echo "wasm: $xlsx not found (tools/setup.sh wasm installs it); the page's .xlsx export is off" >&2
fi

# The single-file build (wasm inlined) for hosts that cannot serve .wasm.
node tools/single.mjs
