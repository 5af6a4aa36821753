# The two commands of the README: `make demo` runs synopse on the bundled example corpus,
# `make test` runs lint, types and the whole test suite. Both set everything up themselves.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
OUT ?= out/demo

.PHONY: demo serve test lint typecheck pytest browser postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@ $(VENV)/.installed

# `make demo SERVE=1` also starts the web app on the example corpus afterwards (Ctrl-C stops it).
demo: $(VENV)/.installed
	$(BIN)/synopse analyze examples/ --outlets examples/outlets.toml --out $(OUT)
	@if [ -n "$(SERVE)" ]; then $(MAKE) --no-print-directory serve; fi

# The web app on the example corpus: http://127.0.0.1:8000 (HOST/PORT to change; Ctrl-C stops)
HOST ?= 127.0.0.1
PORT ?= 8000
serve: $(VENV)/.installed
	$(BIN)/synopse serve examples/ --host $(HOST) --port $(PORT)

test: $(VENV)/.dev-installed browser postgres lint typecheck pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

pytest: $(VENV)/.dev-installed
	$(BIN)/pytest

# The HTML report is opened in a real headless Chromium by the tests (Debian's package).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium not found and cannot be installed here: the browser test will be skipped"; fi; }

# The store tests start a real PostgreSQL server for the test session (Debian's package).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else echo "PostgreSQL not found and cannot be installed here: the PostgreSQL store tests will be skipped"; fi; }

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache .hypothesis
