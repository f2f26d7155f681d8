# Two commands from a fresh clone: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint install clean

# The world generator (`redflags synth`, `redflags demo`) is a distribution of its own; pip cannot
# name a relative local path in an extra, so it is installed here, after the scanner (both editable).
# `make demo` needs the scanner, the service and the generator; `make test` adds the dev tools
# (their `followthemoney` builds PyICU, which needs Debian's libicu-dev and pkg-config: .ci/run).
$(STAMP): pyproject.toml packages/redflags-synth/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[service,postgres]"
	$(BIN)/pip install --quiet -e packages/redflags-synth
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,spark,service,postgres]"
	touch $(DEV_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/redflags demo

lint: $(DEV_STAMP)
	$(BIN)/ruff check src packages tests bench
	$(BIN)/ruff format --check src packages tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/redflags catalogue lint

# Two workers on a 2-core machine (docs/testing.md); a module's tests stay on one worker, so its
# module fixtures are made once, and the heaviest modules are handed out first (tests/conftest.py).
# The 15 slowest tests are printed at the end.
test: lint
	$(BIN)/pytest -n auto --dist loadscope --durations=15

clean:
	rm -rf $(VENV) runs .pytest_cache
