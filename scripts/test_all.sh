#!/usr/bin/env bash
# Everything `make test` runs, timed by phase (the times are reported by `make bench`).
#   1. the checks that existed before the site, hub and red-team suites: pytest on two workers,
#      scheduled by work unit (tests/conftest.py: unit, data, doctests, nbval, offline,
#      accessibility, assignments, browser), with the static checks (lint, the lesson table, the
#      data dictionary and quality table, frictionless, the data check) and the Binder check
#      running beside it;
#   2. the suites added later that report their own times: the course website, the class hub
#      and the grading red team (pytest, one suite at a time).
# Nothing is dropped: phase 1 and phase 2 together collect every test of tests/, every doctest
# of helpers/ and every cell of notebooks/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
mkdir -p bench-results
start=$(date +%s)
LATER=(tests/site tests/hub tests/assignments/test_grading_redteam.py)
IGNORE=(); for t in "${LATER[@]}"; do IGNORE+=(--ignore="$t"); done
PARALLEL=(-n 2 --dist loadscope)

# the static checks (lint, generated tables, the data package) and the Binder check run beside
# pytest; each one's output is shown when it ends
static_checks() {
  set -e
  $BIN/ruff check helpers tests scripts
  $BIN/ruff format --check helpers tests scripts
  $BIN/nbqa ruff notebooks --extend-ignore=E402,F401,B018,I001
  $BIN/python scripts/lesson_table.py --check --repo "${REPO:-back-to-the-past/back-to-the-past}"
  $BIN/python scripts/data_dictionary.py --check
  $BIN/python scripts/data_quality.py --check
  $BIN/frictionless validate data/datapackage.json > bench-results/frictionless.txt || { cat bench-results/frictionless.txt; exit 1; }
  $BIN/python -m helpers.core.check > /dev/null
}
checks_log=$(mktemp)
( static_checks > "$checks_log" 2>&1 ) &
checks=$!
binder_log=$(mktemp)
( timeout 1200 bash scripts/binder_check.sh > "$binder_log" 2>&1 ) &
binder=$!
status=0
timeout 2400 $BIN/pytest "${PARALLEL[@]}" --doctest-modules helpers tests "${IGNORE[@]}" \
  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks || status=$?
checks_status=0; wait "$checks" || checks_status=$?
echo "--- static checks ---"; cat "$checks_log"; rm -f "$checks_log"
binder_status=0; wait "$binder" || binder_status=$?
echo "--- Binder check ---"; cat "$binder_log"; rm -f "$binder_log"
[ "$checks_status" = 0 ] || { echo "the static checks failed"; exit "$checks_status"; }
[ "$status" = 0 ] || { echo "pytest failed (phase 1)"; exit "$status"; }
[ "$binder_status" = 0 ] || { echo "the Binder check failed"; exit "$binder_status"; }
phase1=$(( $(date +%s) - start ))
echo "$phase1" > bench-results/make-test-core-seconds.txt
echo "make test, phase 1 (the checks of issue 22's 5-minute target): passed in $phase1 s"

# one at a time: the red team's 5-second cell limit must not compete with the hub's 30 kernels
timeout 2400 $BIN/pytest --doctest-modules "${LATER[@]}"
total=$(( $(date +%s) - start ))
echo "$total" > bench-results/make-test-seconds.txt
printf '{"phase1_s": %d, "phase2_s": %d, "total_s": %d}\n' "$phase1" $(( total - phase1 )) "$total" \
  > bench-results/make-test.json
echo "make test: all checks passed in $total s (phase 1 $phase1 s; site, hub and red team $(( total - phase1 )) s)"
