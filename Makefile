# Trato claro / Clear Deal. Two commands for a newcomer: `make serve` and `make test`.
# Everything is installed into .venv from requirements*.txt; nothing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean

## serve: build both languages and serve them at http://127.0.0.1:$(PORT)/ (Spanish) and /en/
serve: build
	$(BIN)/python tools/serve.py --dir site --port $(PORT)

## build: the whole site, both languages, into site/ (Spanish first: it empties site/)
build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict -f mkdocs.yml
	$(BIN)/mkdocs build --strict -f mkdocs.en.yml

## test: install what the tests need (Chromium and Java included) and run all of them
test: $(VENV)/.test-deps
	bash tools/ensure-chromium.sh
	bash tools/ensure-java.sh
	$(BIN)/ruff check macros tests tools
	$(BIN)/python -m pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check macros tests tools

clean:
	rm -rf site tests/artifacts

$(VENV)/.site-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-test.txt
	touch $@
