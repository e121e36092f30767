# Back to the Past — the two commands are `make lab` and `make test`.
# Everything runs from a local virtual environment, .venv, built from the pinned requirements.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
NB ?= notebooks/*.ipynb
REPO ?= back-to-the-past/back-to-the-past
# bash with pipefail, so that a failed pip install fails the target even though its output is
# filtered (this machine's pip config lists local indexes that print one warning per package)
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
# Python may cache compiled modules (and pytest its rewritten test modules) in __pycache__,
# even where the environment sets PYTHONDONTWRITEBYTECODE: without the cache every test run
# recompiles every test module (about 4 s of each pytest process's start).
export PYTHONDONTWRITEBYTECODE :=
PIP_QUIET := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }

.PHONY: help lab test check outputs nbval bench lint format readme dictionary validate chromium \
	venv dev clean binder-check release grade sandbox guide hub-link hub-test node site

## make help: list the targets
help:
	@grep -E '^## make ' $(MAKEFILE_LIST) | sed 's/^## make /  make /'


# --- environments -------------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip $(PIP_QUIET)

$(VENV)/.runtime: $(BIN)/python requirements.txt pyproject.toml postBuild
	$(BIN)/pip install -q -r requirements.txt $(PIP_QUIET)
	PATH="$(abspath $(BIN)):$$PATH" bash postBuild
	$(BIN)/pip check
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install -q -r requirements-dev.txt $(PIP_QUIET)
	PATH="$(abspath $(BIN)):$$PATH" bash postBuild
	$(BIN)/pip check
	touch $@

venv: $(VENV)/.runtime
dev: $(VENV)/.dev

# --- the two commands ---------------------------------------------------------------------
## make lab: set up (first time) and open JupyterLab at lesson 00
# As root (a container, a fresh VM) Jupyter refuses to start without --allow-root; with no
# browser to open it prints the address (with its token) to open by hand.
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(VENV)/.runtime
	@echo "Starting JupyterLab. If no browser opens, open the http://127.0.0.1:8888/lab?token=... address it prints below."
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/00_start_here.ipynb

## make test: set up (dev tools and Chromium included) and run every check
test: $(VENV)/.dev chromium sandbox node
	REPO=$(REPO) bash scripts/test_all.sh

## make check: the fast tier (lint, unit, data and doctests; no browser, no root), under 30 s
check: $(VENV)/.dev
	$(BIN)/ruff check helpers tests scripts
	$(BIN)/ruff format --check helpers tests scripts
	$(BIN)/python scripts/data_dictionary.py --check
	$(BIN)/python scripts/data_quality.py --check
	$(BIN)/pytest -q -n 2 --dist loadscope -m "unit and not slow" --doctest-modules helpers tests

## make validate: frictionless validate data/datapackage.json (every file against the one schema)
validate: $(VENV)/.dev
	$(BIN)/frictionless validate data/datapackage.json

## make binder-check: repo2docker --no-build, then every lesson in an emulated Binder environment
binder-check:
	timeout 1200 bash scripts/binder_check.sh

## make chromium: Debian's Chromium for the real-browser tests (as root: apt-get)
# Debian's Chromium for the real-browser tests (never `playwright install`: it downloads).
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then (apt-get update -q && apt-get install -y -q chromium) >/dev/null; \
	else echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium'"; exit 1; fi

# --- the course website -------------------------------------------------------------------
## make node: Debian's Node.js and npm (as root: apt-get), then the pinned npm packages (npm ci)
node:
	@if command -v node >/dev/null && command -v npm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then (apt-get update -q && apt-get install -y -q nodejs npm) >/dev/null; \
	else echo "The site and its tests need Node.js: run 'sudo apt-get install -y nodejs npm'"; exit 1; fi
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; \
	then npm ci --no-audit --no-fund --loglevel=error; fi

## make site [HUB=https://your.hub]: the course website in build/site, from the stored outputs
# HUB is the one place the JupyterHub's address is set (the lesson pages' nbgitpuller buttons).
HUB ?= https://hub.example.org
site: $(VENV)/.dev node
	$(BIN)/python scripts/site_build.py --repo $(REPO) --hub $(HUB)

# --- a class on JupyterHub (docs/guide/hub.md) --------------------------------------------
## make hub-link HUB=https://your.hub: print each lesson's nbgitpuller link for your JupyterHub
hub-link: $(VENV)/.runtime
	@if [ "$(origin HUB)" != "command line" ] && [ "$(origin HUB)" != "environment" ]; then \
		echo "usage: make hub-link HUB=https://your.hub [REPO=owner/name]"; exit 2; fi
	@$(BIN)/python scripts/hub_link.py --hub "$(HUB)" --repo "$(REPO)"

## make hub-test [STUDENTS=30]: the class-hub test alone: a real JupyterHub, a class at once (heavy)
hub-test: $(VENV)/.dev chromium node
	BTP_HUB_STUDENTS=$(or $(STUDENTS),30) timeout 1200 $(BIN)/pytest -q tests/hub

# --- authoring ----------------------------------------------------------------------------
## make outputs [NB=notebooks/03_x.ipynb]: re-execute lessons in place (the only way outputs change)
outputs: $(VENV)/.dev
	MPLBACKEND=module://matplotlib_inline.backend_inline timeout 900 $(BIN)/jupyter nbconvert \
		--to notebook --execute --inplace \
		--ExecutePreprocessor.timeout=180 --ExecutePreprocessor.kernel_name=python3 \
		--ExecutePreprocessor.record_timing=False $(NB)
	$(BIN)/python scripts/alt_text.py --copy $(NB)

## make nbval [NB=...]: strict nbval on the stored outputs
nbval: $(VENV)/.dev
	$(BIN)/pytest -q --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg $(NB)

## make readme: regenerate the README's lesson table from the notebooks' metadata
readme: $(VENV)/.runtime
	$(BIN)/python scripts/lesson_table.py --write --repo $(REPO)

## make dictionary: regenerate data/README.md's column tables and data-quality table
dictionary: $(VENV)/.runtime
	$(BIN)/python scripts/data_dictionary.py --write
	$(BIN)/python scripts/data_quality.py --write

## make lint: ruff on the code and (nbqa) on the notebooks
lint: $(VENV)/.dev
	$(BIN)/ruff check helpers tests scripts
	$(BIN)/ruff format --check helpers tests scripts
	$(BIN)/nbqa ruff notebooks --extend-ignore=E402,F401,B018,I001

## make format: ruff format and fix
format: $(VENV)/.dev
	$(BIN)/ruff format helpers tests scripts
	$(BIN)/ruff check --fix helpers tests scripts

# --- assignments (otter-grader) -----------------------------------------------------------
## make release: student notebooks + autograder zips for every assignment (fails if a solution fails)
release: $(VENV)/.runtime
	$(BIN)/python scripts/release.py

## make sandbox: Debian's bubblewrap, the sandbox `make grade` runs student code in (as root: apt-get)
sandbox:
	@if command -v bwrap >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then (apt-get update -q && apt-get install -y -q bubblewrap) >/dev/null; \
	else echo "Grading needs bubblewrap: run 'sudo apt-get install -y bubblewrap'"; exit 1; fi

## make grade SUBMISSIONS=DIR ASSIGNMENT=NAME [OUT=DIR] [JOBS=N]: grade a folder, sandboxed
# Results go to OUT (default DIR-graded, beside the submissions, so the folder stays untouched).
grade: $(VENV)/.runtime sandbox
	@if [ -z "$(SUBMISSIONS)" ] || [ -z "$(ASSIGNMENT)" ]; then \
		echo "usage: make grade SUBMISSIONS=DIR ASSIGNMENT=01_trade_in_numbers [OUT=DIR] [JOBS=N]"; exit 2; fi
	$(BIN)/python scripts/grade.py "$(SUBMISSIONS)" "$(ASSIGNMENT)" \
		--out "$(or $(OUT),$(patsubst %/,%,$(SUBMISSIONS))-graded)" $(if $(JOBS),--jobs $(JOBS),)

## make guide: regenerate the objectives map in docs/teaching-guide.md
guide: $(VENV)/.runtime
	$(BIN)/python scripts/objectives_map.py --write

## make bench: lesson run times against their floor, widget response (p50/p95/max), import time, sizes
bench: $(VENV)/.dev
	$(BIN)/python scripts/bench.py

## make clean: remove the virtual environment
clean:
	rm -rf $(VENV) .pytest_cache
