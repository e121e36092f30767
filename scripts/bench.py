"""`make bench`: how fast the lessons run and how heavy `helpers` is.

For each lesson: the time to execute it headless (fresh kernel, as nbconvert does) and the time
to execute a notebook holding only the lesson's import lines (its floor), and their ratio
(target: at most 1.5). Each is the fastest of RUNS executions, the lesson and its floor taking
turns: on a shared machine, noise only ever adds time, so the minimum is the steadiest estimate
of what the notebook itself costs (as with ``timeit``); the median is printed beside it, and so
is the lesson's slowest cell (time in the kernel; the lowest of the runs' values).

Then the import time of ``helpers`` (with its data and chart modules) against pandas +
matplotlib alone (target: within 0.15 s); the duration of the last full `make test` (written by
scripts/test_all.sh); and the installed size of the runtime environment (requirements.txt)
against the bare stack of jupyterlab, pandas, matplotlib and ipywidgets (two throw-away venvs
in bench-results/, built once). Then the suites that report their own times: the sandboxed
grader (scripts/bench_grading.py grades a generated batch now: seconds per submission and the
projection for a class of 300, target under 20 minutes), the class hub (the last run of
tests/hub, which writes bench-results/hub.json: 30 students at once, time to a ready server and
memory per student) and the course website (the last `make site`, bench-results/site.json).
Prints a report; exits 1 if a target is missed. Results are also written to
bench-results/bench.json.
"""

from __future__ import annotations

import ast
import json
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime

import bench_widgets
import nbformat
import project
from nbclient import NotebookClient

ROOT = project.ROOT
RUNS = 5
RATIO_TARGET = 1.5
IMPORT_TARGET = 0.15


def import_lines(nb) -> str:
    """Every import statement of the notebook's code cells, plus use_style()."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                lines.append(ast.get_source_segment(cell.source, node))
    lines.append("helpers.use_style()" if "import helpers" in lines else "")
    return "\n".join(lines)


def run(nb) -> float:
    """Seconds to execute a notebook in a fresh kernel (cell timings land in its metadata)."""
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()
    return time.perf_counter() - start


def slowest_cell(nb) -> float:
    """Seconds the slowest code cell of an executed notebook took in the kernel."""

    def at(stamp: str) -> datetime:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))

    times = [cell.metadata.get("execution", {}) for cell in nb.cells]
    return max(
        (
            (at(t["shell.execute_reply"]) - at(t["iopub.execute_input"])).total_seconds()
            for t in times
            if "iopub.execute_input" in t and "shell.execute_reply" in t
        ),
        default=0.0,
    )


def timed_pair(nb, floor) -> tuple[list[float], list[float], list[float]]:
    """RUNS executions of a lesson and of its floor, taking turns.

    Returns the lesson's times, the floor's times, and the lesson's slowest cell in each run.
    """
    full, base, slowest = [], [], []
    for _ in range(RUNS):
        lesson = nbformat.from_dict(json.loads(json.dumps(nb)))
        full.append(run(lesson))
        slowest.append(slowest_cell(lesson))
        base.append(run(nbformat.from_dict(json.loads(json.dumps(floor)))))
    return full, base, slowest


def import_times(*codes: str) -> list[float]:
    """Wall time of a fresh interpreter running each of ``codes``, minus a bare interpreter's.

    Each is the fastest of seven runs, the codes and the bare interpreter taking turns so that a
    noisy moment cannot favour one of them (see the module docstring for why the minimum).
    """

    def once(src: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", src], check=True)
        return time.perf_counter() - start

    runs: dict[str, list[float]] = {src: [] for src in ("pass", *codes)}
    for _ in range(7):
        for src, times in runs.items():
            times.append(once(src))
    bare = min(runs["pass"])
    return [min(runs[src]) - bare for src in codes]


def venv_size_mb(name: str, requirements: list[str]) -> float:
    """Size in MB of a throw-away venv with ``requirements`` installed (built once, reused)."""
    env = ROOT / "bench-results" / name
    stamp = env / ("." + "-".join(re.sub(r"\W", "", r) for r in requirements)[:200])
    if not stamp.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(env)], check=True)
        subprocess.run(
            [str(env / "bin" / "pip"), "install", "-q", *requirements],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stamp.touch()
    out = subprocess.run(["du", "-sm", str(env)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def pinned(name: str) -> str:
    """The exact pin of ``name`` in requirements.txt."""
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.split("==")[0].strip() == name:
            return line.strip()
    raise KeyError(name)


def _last(name: str) -> dict | None:
    """A suite's last measured figures (bench-results/NAME.json), or None if never measured."""
    path = ROOT / "bench-results" / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def suites() -> tuple[dict, bool]:
    """The grading throughput (measured now), the hub and site figures (from their last run)."""
    ok = True
    print("\nsuites that report their own times")
    out = ROOT / "bench-results" / "grading.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_grading.py"),
                          "--out", str(out)], capture_output=True, text=True)  # fmt: skip
    grading = _last("grading")
    if run.returncode != 0 or grading is None:
        ok = False
        print("grading: FAILED\n" + run.stdout[-2000:] + run.stderr[-2000:])
    else:
        print(
            f"grading: {grading['seconds_per_submission']:.2f} s per submission with "
            f"{grading['jobs']} jobs; a class of 300 in {grading['projected_minutes_300']:.1f} min "
            f"(target < {grading['target_minutes_300']} min)"
        )
    hub = _last("hub")
    if hub is None:
        print("hub: not measured yet (run make test, or pytest tests/hub)")
    else:
        ok &= hub["succeeded"] == hub["students"]
        print(
            f"hub ({hub['measured']}): {hub['succeeded']}/{hub['students']} students at once; "
            f"ready server median {hub['ready_seconds_median']:.0f} s, p95 "
            f"{hub['ready_seconds_p95']:.0f} s; memory per student "
            f"{hub['peak_pss_mib_per_student']} MiB (PSS), "
            f"total peak {hub['peak_pss_mib_total']} MiB"
        )
    site = _last("site")
    print(
        "site: not built yet (make site)"
        if site is None
        else f"site: {site['pages']} pages built in {site['seconds']:.1f} s, offline"
    )
    return {"grading": grading, "hub": hub, "site": site}, ok


def main() -> int:
    rows, ok = [], True
    print(
        f"{'lesson':36} {'run s':>6} {'imports s':>9} {'ratio':>6} {'median ratio':>13} "
        f"{'slowest cell s':>15}"
    )
    for path in [lesson.path for lesson in project.lessons()]:
        nb = nbformat.read(path, as_version=4)
        floor = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(import_lines(nb))])
        floor.metadata = nb.metadata
        fulls, bases, slowest = timed_pair(nb, floor)
        full, base = min(fulls), min(bases)
        ratio = full / base
        median = statistics.median(fulls) / statistics.median(bases)
        ok &= ratio <= RATIO_TARGET
        flag = "" if ratio <= RATIO_TARGET else "  <-- over target"
        print(
            f"{path.name:36} {full:6.2f} {base:9.2f} {ratio:6.2f} {median:13.2f} "
            f"{min(slowest):15.2f}{flag}"
        )
        rows.append({"lesson": path.name, "run_s": full, "imports_s": base, "ratio": ratio,
                     "median_ratio": median, "runs_s": fulls, "imports_runs_s": bases,
                     "slowest_cell_s": min(slowest)})  # fmt: skip
    stack, ours = import_times(
        "import pandas, matplotlib.pyplot",
        "import pandas, matplotlib.pyplot, helpers, helpers.core.style, helpers.core.feedback",
    )
    extra = ours - stack
    ok &= extra <= IMPORT_TARGET
    print(
        f"\nimport pandas + matplotlib: {stack:.3f} s; with helpers: {ours:.3f} s; "
        f"helpers adds {extra:.3f} s (target <= {IMPORT_TARGET} s)"
    )
    print("\nwidgets, in a kernel: every control of every widget (target: p95 <= 100 ms)")
    widget_rows = bench_widgets.measure()
    ok &= bench_widgets.report(widget_rows)
    test_file = ROOT / "bench-results" / "make-test-seconds.txt"
    test_s = float(test_file.read_text()) if test_file.exists() else None
    print(
        "last full make test: "
        + (f"{test_s:.0f} s" if test_s else "not measured yet (run make test)")
    )
    bare = venv_size_mb(
        "venv-bare", [pinned(n) for n in ("jupyterlab", "pandas", "matplotlib", "ipywidgets")]
    )
    runtime = venv_size_mb("venv-runtime", ["-r", str(ROOT / "requirements.txt")])
    print(
        f"installed size: runtime requirements {runtime:.0f} MB; bare stack (jupyterlab, pandas, "
        f"matplotlib, ipywidgets) {bare:.0f} MB; difference {runtime - bare:.0f} MB "
        "(mostly otter-grader and what it brings)"
    )
    suite_figures, suites_ok = suites()
    ok &= suites_ok
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(
        json.dumps(
            {
                "lessons": rows,
                "widgets": widget_rows,
                "import_stack_s": stack,
                "import_helpers_extra_s": extra,
                "make_test_s": test_s,
                "runtime_env_mb": runtime,
                "bare_env_mb": bare,
                "suites": suite_figures,
            },
            indent=2,
        )
    )
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
