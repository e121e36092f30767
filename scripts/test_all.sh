#!/usr/bin/env bash
# Everything `make test` runs, in order, timed (the time is reported by `make bench`).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
start=$(date +%s)
mkdir -p bench-results
$BIN/ruff check helpers tests scripts
$BIN/ruff format --check helpers tests scripts
$BIN/nbqa ruff notebooks --extend-ignore=E402,F401,B018,I001
$BIN/python scripts/lesson_table.py --check --repo "${REPO:-back-to-the-past/back-to-the-past}"
$BIN/python scripts/data_dictionary.py --check
$BIN/python scripts/data_quality.py --check
$BIN/frictionless validate data/datapackage.json > bench-results/frictionless.txt || { cat bench-results/frictionless.txt; exit 1; }
$BIN/python -m helpers.core.check > /dev/null
timeout 2400 $BIN/pytest --doctest-modules helpers tests \
  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks
timeout 1200 bash scripts/binder_check.sh
mkdir -p bench-results
echo $(( $(date +%s) - start )) > bench-results/make-test-seconds.txt
echo "make test: all checks passed in $(cat bench-results/make-test-seconds.txt) s"
