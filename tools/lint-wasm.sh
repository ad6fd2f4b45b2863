#!/usr/bin/env bash
# Clippy on the library as the wasm build compiles it (wasm32, no default features): the
# binding in src/wasm/ is only compiled there.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
args=(clippy --locked --target wasm32-unknown-unknown --lib --no-default-features)
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    cargo "${args[@]}" -- -D warnings
else
    PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/wasm-clippy \
        /usr/bin/cargo "${args[@]}" -Zbuild-std=std,panic_abort -- -D warnings
fi
