#!/usr/bin/env bash
# Installs what building and testing envreport needs, idempotently: each step checks
# first and does nothing when its tool is already there.
#
#   tools/setup.sh          everything (native, wasm, browser tests)
#   tools/setup.sh native   the Rust toolchain check only
#   tools/setup.sh wasm     what `make wasm` needs
#   tools/setup.sh browser  what the browser tests need (Chromium, playwright-core)
#   tools/setup.sh python   what the Python package needs (maturin, pandas, Dask in target/pyvenv)
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        say "please install: ${missing[*]} (no apt-get on this machine)"
        return 1
    fi
    say "apt-get install ${missing[*]}"
    $SUDO apt-get update -qq || true
    # Debian's rustc-web lives in bookworm-security; try the plain install first.
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

native() {
    command -v cargo >/dev/null || { say "cargo not found: install Rust from https://rustup.rs"; exit 1; }
}

# The wasm toolchain: the rustup wasm32 target when it is installed, else Debian's
# rustc-web with the standard library built from source.
wasm() {
    native
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        :
    else
        apt_install rustc-web cargo-web rust-web-src rust-web-clippy lld-22
    fi
    # wasm-opt comes with npm's binaryen (package.json), installed with the browser tools
    npm_install
    local want
    want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
    local have=""
    if command -v wasm-bindgen >/dev/null; then have=$(wasm-bindgen --version | awk '{print $2}'); fi
    if [ "$have" != "$want" ]; then
        say "cargo install wasm-bindgen-cli --version $want (once; takes a few minutes)"
        cargo install -q wasm-bindgen-cli --version "$want"
    fi
}

# The npm packages of package.json: playwright-core, binaryen's wasm-opt, the page's
# .xlsx writer (write-excel-file, loaded only when a user asks for an .xlsx) and axe-core
# (the accessibility checks of the browser tests).
npm_install() {
    command -v node >/dev/null || apt_install nodejs npm
    if [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/wasm-opt ] \
        || [ ! -f node_modules/write-excel-file/bundle/write-excel-file.min.js ] \
        || [ ! -f node_modules/axe-core/axe.min.js ] \
        || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        say "npm ci (playwright-core, binaryen, write-excel-file, axe-core)"
        npm ci --no-audit --no-fund --silent
    fi
}

browser() {
    npm_install
    [ -x /usr/bin/chromium ] || apt_install chromium
    # CJK fonts, so that screenshots of the page show Chinese rather than boxes
    apt_install fonts-noto-cjk
}

# The Python package's build and test tools, in a virtual environment of their own
# (target/pyvenv): maturin, pandas, Dask.
python() {
    native
    command -v python3 >/dev/null || apt_install python3
    local venv=target/pyvenv
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$venv"; }
    fi
    if [ ! -f "$venv/.installed" ] || [ python/requirements-dev.txt -nt "$venv/.installed" ]; then
        say "pip install maturin, pandas, dask (into $venv)"
        "$venv/bin/pip" install -q --disable-pip-version-check -r python/requirements-dev.txt
        touch "$venv/.installed"
    fi
}

case "$what" in
    native) native ;;
    wasm) wasm ;;
    browser) browser ;;
    python) python ;;
    all) native; wasm; browser; python ;;
    *) say "unknown part $what (native, wasm, browser, python or all)"; exit 2 ;;
esac
