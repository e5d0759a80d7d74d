# diplomareader — every target installs what it needs into a local virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= corpus
INDEX ?= index
SHARED ?= $(firstword $(wildcard ../shared ../../shared) ../shared)

.PHONY: help setup system-deps run test test-fast bench fuzz lint typecheck checkall clean

help:  ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) system-deps  ## Create .venv with the package and its dev tools.

system-deps:  ## Install Debian packages the tests use (tmux) when missing.
	@command -v tmux >/dev/null 2>&1 || { \
	  echo "installing tmux"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tmux; }

run: $(STAMP)  ## Build or update the index from corpus/ when stale, then start the reader.
	$(BIN)/diplomareader run --corpus $(CORPUS) --index $(INDEX)

test: setup  ## Run the whole test suite.
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

test-fast: $(STAMP)  ## Run the tests without the corpora and tmux tests.
	$(BIN)/python -m pytest -q -m "not corpora and not tmux"

bench: setup  ## Quality and speed benchmarks (long).
	$(BIN)/python benchmarks/run_all.py --shared $(SHARED)

fuzz: $(STAMP)  ## Property-based fuzzing with many generated inputs.
	$(BIN)/python benchmarks/fuzz.py

lint: $(STAMP)  ## ruff and mypy.
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

checkall: lint test  ## Lint, type-check and test.

clean:  ## Remove the virtual environment and caches.
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
