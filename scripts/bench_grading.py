"""Benchmark the sandboxed batch grader: seconds per submission, and a class of 300.

    python scripts/bench_grading.py [--n 30] [--jobs N] [--assignment 01_trade_in_numbers]
                                    [--out bench-results/grading.json] [--release DIR]

Builds a batch of ``--n`` submissions from a fresh release of the assignment (the release is not
timed): most of them the solution, some the blank student notebook, some half done, some with a
crash in the middle (which the grader re-runs without that cell). Grades the batch with
``scripts/grade.py --jobs N`` (default: the number of cores) exactly as ``make grade`` does, and
times it from start to end (the grader's own start-up included). Also times the stages the
time goes to: starting bubblewrap and Python, the imports of the set-up cell inside the sandbox
(with the font cache built once per batch, and without it), and the evaluator (started once per
job, then per submission).

Writes ``--out`` (JSON): ``seconds_per_submission``, ``jobs``, ``projected_minutes_300`` (the
grader's fixed start-up plus 300 times the measured seconds per submission),
``target_minutes_300`` (20) and ``meets_target``, the statuses, and the stage times. Prints a
short report. Exits 1 if the projection misses the target or a submission is graded wrongly.
Needs bubblewrap (``make sandbox``). Run it on a quiet machine: it uses every core.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import project
import release
from grading import sandbox

ROOT = project.ROOT
PY = sys.executable
TARGET_MINUTES = 20
CLASS = 300
#: The batch: share of each kind of submission (the rest are honest solutions).
MIX = {"blank": 0.15, "half": 0.15, "crash": 0.1}


def make_batch(folder: Path, solution, blank, n: int, seed: int = 23) -> dict[str, str]:
    """Write ``n`` submissions into ``folder``; return {file: kind}."""
    rng = random.Random(seed)
    kinds = []
    for kind, share in MIX.items():
        kinds += [kind] * round(n * share)
    kinds += ["honest"] * (n - len(kinds))
    rng.shuffle(kinds)
    made = {}
    for i, kind in enumerate(kinds):
        nb = nbformat.from_dict(solution)
        if kind == "blank":
            nb = nbformat.from_dict(blank)
        elif kind == "half":  # the answers to the first half of the questions, the rest blank
            checks = checked(nb)
            for q in list(checks)[len(checks) // 2 :]:
                nb.cells[checks[q] - 1].source = blank.cells[checked(blank)[q] - 1].source
        elif kind == "crash":
            at = next(i for i, c in enumerate(nb.cells) if 'grader.check("q3")' in c.source)
            nb.cells.insert(at + 1, nbformat.v4.new_code_cell("import os\nos._exit(1)"))
        name = f"student_{i:03d}_{kind}.ipynb"
        nbformat.write(nb, folder / name)
        made[name] = kind
    return made


def checked(nb) -> dict[str, int]:
    """{question: index of its ``grader.check`` cell}; its answer is the code cell before it."""
    found = {}
    for i, cell in enumerate(nb.cells):
        hit = re.search(r'grader\.check\("(\w+)"\)', cell.source)
        if cell.cell_type == "code" and hit and nb.cells[i - 1].cell_type == "code":
            found[hit.group(1)] = i
    return found


def _median_seconds(argv: list[str], fds: tuple, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run(argv, pass_fds=fds, capture_output=True, timeout=120)
        times.append(time.monotonic() - start)
    return round(statistics.median(times), 3)


STACK = (
    "import matplotlib.pyplot, pandas, helpers\n"
    "from IPython.core.interactiveshell import InteractiveShell\nInteractiveShell.instance()"
)


def stage_times(setup_code: str, fonts: Path | None) -> dict[str, float]:
    """Seconds (median of 5) to start bubblewrap and Python; to import the stack every run needs
    (matplotlib, pandas, helpers, IPython) inside the sandbox, with and without the batch's font
    cache; and to run the assignment's set-up cell (our own code only, no submission)."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        nb = Path(tmp) / "empty.ipynb"
        nb.write_text('{"cells": []}', encoding="utf-8")
        for label, code, cache in (
            ("bwrap_and_python_start", "pass", None),
            ("stack_imports_in_sandbox", STACK, fonts),
            ("stack_imports_without_font_cache", STACK, None),
            ("setup_cell_in_sandbox", setup_code, fonts),
        ):
            nb_fd = os.open(nb, os.O_RDONLY)
            font_fd = os.open(cache, os.O_RDONLY) if cache else None
            argv = sandbox.command(nb_fd, nb.name, [], 60, 120, 1, (), font_fd,
                                   cache.name if cache else "")  # fmt: skip
            argv = argv[: argv.index("-I") + 1] + ["-c", code]
            fds = tuple(f for f in (nb_fd, font_fd) if f is not None)
            out[label] = _median_seconds(argv, fds)
            for f in fds:
                os.close(f)
    start = time.monotonic()
    subprocess.run(
        [PY, "-I", str(ROOT / "scripts" / "grading" / "evaluate.py"), "--serve"],
        input="", capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    out["evaluator_start"] = round(time.monotonic() - start, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="submissions in the batch")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--assignment", default="01_trade_in_numbers")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "grading.json")
    parser.add_argument(
        "--release", type=Path, help="a release made earlier, with its solution (default: fresh)"
    )
    args = parser.parse_args(argv)
    try:
        sandbox.bwrap_path()
    except sandbox.SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    name = args.assignment
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        tmp = Path(tmp)
        rel = args.release or tmp / "release"
        if not args.release:
            source = ROOT / "assignments" / "source" / f"{name}.ipynb"
            error = release.release_one(source, rel, 900, True)
            if error:
                print(error, file=sys.stderr)
                return 2
            for folder in (ROOT / "assignments" / "release").iterdir():  # the others, as they are
                if folder.is_dir() and not (rel / folder.name).exists():
                    shutil.copytree(folder, rel / folder.name)
        solution = nbformat.read(rel / name / "solution" / f"{name}.ipynb", 4)
        blank = nbformat.read(rel / name / "student" / f"{name}.ipynb", 4)
        subs, out = tmp / "submissions", tmp / "results"
        subs.mkdir()
        kinds = make_batch(subs, solution, blank, args.n)
        timings = tmp / "timings.json"
        start = time.monotonic()
        proc = subprocess.run(
            [PY, str(ROOT / "scripts" / "grade.py"), str(subs), name, "--out", str(out),
             "--jobs", str(args.jobs), "--timings", str(timings), "--release", str(rel)],
            cwd=ROOT, capture_output=True, text=True, timeout=3600,
        )  # fmt: skip
        seconds = time.monotonic() - start
        if proc.returncode != 0:
            print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
            return 1
        with open(out / "grades.csv", encoding="utf-8") as fh:
            rows = {row["student"]: row for row in csv.DictReader(fh)}
        summary = json.loads(timings.read_text(encoding="utf-8"))
        each = summary["each"]
        setup = next(
            c.source
            for c in solution.cells
            if c.cell_type == "code" and "import helpers" in c.source
        )
        fonts = sandbox.font_cache(tmp)
        stages = stage_times(setup, fonts)
    # the grader's fixed start-up (reading the release, the font cache): until the first
    # submission began; the rest, divided by the batch, is the time per submission
    fixed = (seconds - summary["seconds"]) + min(t["start"] for t in each.values())
    per = (seconds - fixed) / args.n
    projected = (fixed + CLASS * per) / 60
    graded = [t for t in each.values() if "sandbox" in t]
    mean = lambda key: round(statistics.mean(t[key] for t in graded), 3)  # noqa: E731
    wrong = check(rows, kinds)
    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "assignment": name,
        "submissions": args.n,
        "mix": dict(collections.Counter(kinds.values())),
        "jobs": args.jobs,
        "cores": os.cpu_count(),
        "seconds_total": round(seconds, 1),
        "seconds_fixed_startup": round(fixed, 2),
        "seconds_per_submission": round(per, 3),
        "projected_minutes_300": round(projected, 1),
        "target_minutes_300": TARGET_MINUTES,
        "meets_target": projected < TARGET_MINUTES,
        "statuses": dict(collections.Counter(r["status"].split(":")[0] for r in rows.values())),
        "graded_wrongly": wrong,
        "per_submission_mean_s": {
            "wall_in_worker": mean("seconds"),
            "sandbox_runs": mean("sandbox"),
            "runner_start": mean("startup"),
            "evaluate": mean("evaluate"),
            "runs": mean("runs"),
        },
        "stages_s": stages,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(
        f"grading {args.n} submissions of {name} with {args.jobs} jobs: {seconds:.1f} s, "
        f"{per:.2f} s per submission; 300 students: {projected:.1f} min "
        f"(target {TARGET_MINUTES}) -> {args.out}"
    )
    print(f"  stages (s): {stages}")
    print(f"  per submission (mean s, in a worker): {result['per_submission_mean_s']}")
    if wrong:
        print(f"  graded wrongly: {wrong}", file=sys.stderr)
    return 0 if result["meets_target"] and not wrong else 1


def check(rows: dict, kinds: dict) -> list[str]:
    """Submissions whose grade is not what their kind must get (honest and crash: full marks on
    the autograded questions; blank: 0; half: in between)."""
    wrong = []
    for student, kind in kinds.items():
        row = rows.get(student)
        if row is None:
            wrong.append(f"{student}: no row")
            continue
        total, possible = float(row["total"]), float(row["max_total"])
        ok = {
            "honest": total == possible and row["status"] == "ok",
            "crash": total == possible and row["status"].startswith("crashed:"),
            "blank": total == 0,
            "half": 0 < total < possible,
        }[kind]
        if not ok:
            wrong.append(f"{student}: {total:g}/{possible:g} ({row['status']})")
    return wrong


if __name__ == "__main__":
    sys.exit(main())
