# Trato claro / Clear Deal. Two commands for a newcomer: `make serve` and `make test`.
# Everything is installed into .venv from requirements*.txt; nothing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ZENSICAL_VENV := .venv-zensical
PORT ?= 8000
WORKERS ?= auto
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve preview build dist check test zensical lint clean bench lock

## serve: build both languages and serve them at http://127.0.0.1:$(PORT)/ (Spanish) and /en/
serve: build
	$(BIN)/python tools/serve.py --dir site --port $(PORT)

## preview: for writers: both languages at http://127.0.0.1:$(PORT)/ and /en/, rebuilt on every save
##          under docs/, macros/, overrides/ or a config, and reloaded in the open browser tab
preview: $(VENV)/.site-deps
	$(BIN)/python tools/preview.py --port $(PORT)

## build: the whole site, both languages, into site/ for this machine (links on 127.0.0.1:$(PORT))
build: $(VENV)/.site-deps
	$(BIN)/python tools/build.py --dir site --port $(PORT)

## dist: the site to publish: make dist SITE_URL=https://example.org/ (refuses a local or missing
##       address); both languages into site/, plus _headers, _redirects and build/nginx/ (deploy/)
dist: $(VENV)/.site-deps
	$(BIN)/python tools/build.py --dist --dir site

## check: the fast tier, no browser: ruff, unit and built-site tests (strict build, links, parity,
##        CSP, HTML validity, dist) on every core; the second builds (another day, Zensical) are test's.
check: $(VENV)/.test-deps tools/vnu/node_modules/.installed
	bash tools/ensure-java.sh
	$(BIN)/ruff check macros tests tools bench
	$(BIN)/python -m pytest tests/unit tests/built -q -n $(WORKERS) -m "not rebuild"

## test: everything (check's tests plus the browser tests), installing Chromium, Java and nginx
##       when missing; on every core (WORKERS=0: one process)
test:
	@# The three installs are independent: side by side, a fresh clone's take about a third less.
	@$(MAKE) --no-print-directory -j3 $(VENV)/.test-deps $(ZENSICAL_VENV)/.deps tools/vnu/node_modules/.installed
	bash tools/ensure-chromium.sh
	bash tools/ensure-java.sh
	bash tools/ensure-nginx.sh
	bash tools/ensure-faketime.sh
	$(BIN)/ruff check macros tests tools bench
	$(BIN)/python -m pytest -n $(WORKERS) --maxschedchunk=2 --durations=15

## zensical: both languages built by Zensical (its own venv, .venv-zensical) plus the post-build step,
##           into build/zensical/site, and the built-site tests run on it (exceptions named in the test)
zensical: $(VENV)/.test-deps $(ZENSICAL_VENV)/.deps tools/vnu/node_modules/.installed
	bash tools/ensure-java.sh
	$(BIN)/python -m pytest tests/built/test_zensical.py -p no:xdist -q

## bench: page weight, Lighthouse (mobile) and build time of every page against the budgets
##        → bench/report.md, bench/report.json. Not part of `make test` (about an hour in full);
##        BENCH_PAGES, BENCH_LANGS, BENCH_RUNS, BENCH_BASELINE, BENCH_LIGHTHOUSE narrow it (see bench/run.py).
bench: $(VENV)/.test-deps bench/node_modules/.installed
	bash tools/ensure-chromium.sh
	$(BIN)/python bench/run.py

# The Nu HTML checker, current, from npm (its postinstall would fetch a Java: Debian's is used).
tools/vnu/node_modules/.installed: tools/vnu/package.json tools/vnu/package-lock.json
	cd tools/vnu && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	touch $@

lint: $(VENV)/.test-deps
	$(BIN)/ruff check macros tests tools bench

clean:
	rm -rf site build tests/artifacts bench/results .pytest_cache .ruff_cache .hypothesis

# Installs come from the locks (every package, transitive ones too, pinned with its hashes);
# requirements*.txt stay the readable top level. After changing one: make lock.
$(VENV)/.site-deps: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q --require-hashes -r requirements.lock
	touch $@

$(VENV)/.test-deps: requirements-test.lock $(VENV)/.site-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q --require-hashes -r requirements-test.lock
	touch $@

# Zensical apart from MkDocs: it pins its own Markdown stack (make zensical, tests/built/test_zensical.py).
$(ZENSICAL_VENV)/.deps: requirements-zensical.lock
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --disable-pip-version-check -q --require-hashes -r requirements-zensical.lock
	touch $@

## lock: re-resolve requirements*.txt into requirements*.lock with hashes (pip-tools, network)
LOCK_FLAGS := -q --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links --no-emit-index-url --no-emit-trusted-host
lock: $(VENV)/.site-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q pip-tools==7.6.2
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) -o requirements.lock requirements.txt
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) -o requirements-test.lock requirements-test.txt
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile $(LOCK_FLAGS) -o requirements-zensical.lock requirements-zensical.txt
