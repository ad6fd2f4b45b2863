#!/usr/bin/env bash
# Runs tests/wasm.rs compiled to wasm32 in Node with wasm-bindgen-test-runner.
set -euo pipefail
cd "$(dirname "$0")/.."
# SIMD (every browser since 2023): memchr and the byte counts use vector code
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
args=(test --profile wasm --target wasm32-unknown-unknown --no-default-features --test wasm)
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    cargo "${args[@]}"
else
    PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/wasm-std \
        /usr/bin/cargo "${args[@]}" -Zbuild-std=std,panic_abort,test -Zpanic-abort-tests
fi
