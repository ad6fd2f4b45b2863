# Every command people and CI run. `make serve` and `make test` set up what they need.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
# The gold set and seeds shared by every checkout (see ../shared/README.md).
SHARED ?= $(abspath ../shared)
export SHARED
CARGO ?= cargo

.PHONY: help setup serve wasm cli test test-rust test-wasm test-browser lint doc gold size bench-memory \
	bench bench-scale bench-wasm bench-many bench-compare bench-load fuzz package example clean python python-test

help:
	@echo "make serve        build the page and serve it on http://127.0.0.1:$(PORT)/"
	@echo "make test         every check CI runs: lint, Rust tests, gold scores, wasm, browser tests, size"
	@echo "make cli          build target/release/envreport"
	@echo "make wasm         build www/pkg/ (the core for the browser)"
	@echo "make bench        native throughput on the seeds (MB/s)"
	@echo "make bench-scale  analysis time from 1 to 20 MB and on hostile inputs (linear growth)"
	@echo "make bench-wasm   wasm throughput in Node and Chromium next to the native figure"
	@echo "make fuzz         run each fuzz target FUZZ_SECONDS (default 60); crash inputs go to fuzz/regressions/"
	@echo "make size         the page's gzipped wasm + JS against the budget"
	@echo "make package      the npm package in target/package/"
	@echo "make python       the Python wheel in target/wheels/, installed into target/pyvenv"
	@echo "make bench-many   10,000 small reports through the CLI (-j) and Python with Dask"
	@echo "make bench-compare  100 reports of 30 KB opened and compared in the page (Chromium)"
	@echo "make bench-load   the page's first analysis on desktop and on a throttled phone profile"
	@echo "make bench-memory peak memory of the CLI on hostile inputs, against their size"

setup:
	tools/setup.sh all

serve: wasm
	node tools/serve.mjs --port $(PORT)

example: cli
	target/release/envreport analyze --format text www/example.txt

cli:
	tools/setup.sh native
	$(CARGO) build --release --locked

wasm:
	tools/setup.sh wasm
	tools/build-wasm.sh

test: lint test-rust gold wasm test-wasm size test-browser python-test
	@echo "make test: all checks passed"

lint:
	tools/setup.sh wasm
	$(CARGO) fmt --check
	$(CARGO) clippy --locked --all-targets -- -D warnings
	tools/lint-wasm.sh
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --locked --no-deps --quiet

test-rust:
	$(CARGO) test --release --locked

gold: cli
	python3 tools/check-gold.py

test-wasm: wasm
	tools/test-wasm.sh

test-browser: wasm
	tools/setup.sh browser
	node --test --test-concurrency=1 tests/browser/

size: wasm
	node tools/size.mjs

PYVENV := target/pyvenv

python:
	tools/setup.sh python
	rm -f target/wheels/envreport-*.whl
	cd python && CARGO_TARGET_DIR=$(CURDIR)/target/python ../$(PYVENV)/bin/maturin build --release --locked --quiet -o ../target/wheels
	$(PYVENV)/bin/pip install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/envreport-*.whl

# run outside python/ so that the installed wheel is imported, not the source folder
python-test: cli python
	cd target && ENVREPORT_CLI=$(CURDIR)/target/release/envreport $(CURDIR)/$(PYVENV)/bin/python -m unittest discover -s $(CURDIR)/python/tests -v

bench-many: cli python
	tools/bench-many.sh

bench-compare: wasm
	tools/setup.sh browser
	node tools/bench-compare.mjs

bench-load: wasm
	tools/setup.sh browser
	node tools/bench-load.mjs

bench:
	$(CARGO) bench --bench throughput

bench-scale:
	$(CARGO) bench --bench scale

bench-memory: cli
	python3 tools/bench-memory.py

bench-wasm: wasm cli
	tools/setup.sh browser
	node tools/bench-wasm.mjs

fuzz:
	tools/fuzz.sh

package: wasm
	node tools/package.mjs

clean:
	rm -rf target www/pkg node_modules
