"""Grade a folder of submissions: student code sandboxed, hidden tests outside its reach.

    python scripts/grade.py SUBMISSIONS ASSIGNMENT [--out DIR] [--timeout 300] [--cell-timeout 60]
                            [--jobs N]
    make grade SUBMISSIONS=DIR ASSIGNMENT=01_trade_in_numbers

Every file found under ``SUBMISSIONS`` gets a row. A notebook (``.ipynb``, or the one inside a
submitted zip, size-checked before it is unpacked) is copied, under its real name, into a
throw-away folder and run cell by cell inside a bubblewrap sandbox (see scripts/grading/sandbox.py:
no network, read-only runtime, ``helpers/`` and ``data/``, nothing else of the repository, no other
submission, CPU/memory/process/file-size limits, a wall-clock limit that kills its whole process
tree). After each cell the sandbox exports the values of the names the tests read, with a strict
serializer. A separate process, which never runs student code, rebuilds those values and runs the
autograder's tests (public and hidden) on them. A crash, ``os._exit``, a killed kernel or the
wall-clock limit therefore costs only what had not run yet; a cell that runs over
``--cell-timeout`` is stopped and the rest still runs.

Writes, in ``--out`` (default ``SUBMISSIONS/graded``, which is never given to a submission; give
a folder outside SUBMISSIONS to leave it untouched), after each submission:

- ``grades.csv``: one row per file: ``student`` (the file, relative to SUBMISSIONS), the points of
  each autograded question, ``total``, ``max_total``, an empty column for each free-response
  question and ``status``: ``ok``; ``exit``, ``timeout``, ``crashed`` or ``too_much_output`` (graded
  from what ran; the status says what happened); or, with 0 points, ``not_a_notebook``,
  ``corrupt``, ``too_large``, ``no_notebook``, ``two_notebooks``, ``symlink``, ``error``;
- ``feedback/<student>.md`` (a short hash is added when two names would collide): per question the
  points and, for each failed check, the message written in the test. Nothing the submission
  printed or computed is copied into it.

Needs Linux with bubblewrap (``make sandbox``; root to install it). Without it grading stops with
an error: student code is never run unsandboxed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import nbformat
import project
import yaml
from grading import intake, sandbox

ROOT = project.ROOT
RELEASE = ROOT / "assignments" / "release"
SOURCE = ROOT / "assignments" / "source"
PYTHON = sys.executable
EVALUATE = Path(__file__).resolve().parent / "grading" / "evaluate.py"


# --- the assignment ---------------------------------------------------------------------------
def autograder_zip(assignment: str) -> Path:
    """The released autograder zip of an assignment; exit with a hint if it is missing."""
    path = RELEASE / assignment / "autograder" / f"{assignment}-autograder.zip"
    if not path.exists():
        known = sorted(p.name for p in RELEASE.iterdir() if p.is_dir()) if RELEASE.exists() else []
        raise SystemExit(
            f"no autograder for {assignment!r} ({path}); run `make release` first. "
            f"Known assignments: {', '.join(known) or 'none'}"
        )
    return path


def questions(assignment: str) -> list[dict]:
    """Every question of the master notebook, in order: name, points, manual."""
    source = SOURCE / f"{assignment}.ipynb"
    found = []
    for cell in nbformat.read(source, as_version=4).cells:
        text = cell.source.strip()
        if cell.cell_type == "raw" and text.startswith("# BEGIN QUESTION"):
            conf = yaml.safe_load(text.split("\n", 1)[1]) or {}
            found.append(
                {
                    "name": str(conf["name"]),
                    "points": float(conf.get("points", 0) or 0),
                    "manual": bool(conf.get("manual", False)),
                }
            )
    return found


def test_cases(zip_path: Path) -> list[dict]:
    """Every test case in the autograder zip (``tests/q*.py`` in otter's OK format)."""
    cases = []
    with zipfile.ZipFile(zip_path) as zf:
        for name in sorted(zf.namelist()):
            if name.startswith("tests/") and name.endswith(".py"):
                space: dict = {}
                exec(zf.read(name).decode("utf-8"), space)  # our own release, not student code
                for suite in space["test"]["suites"]:
                    cases.extend(suite["cases"])
    return cases


def hidden_code(zip_path: Path) -> list[str]:
    """The code lines of every test in the autograder zip (to keep them out of feedback)."""
    lines = []
    for case in test_cases(zip_path):
        for line in case["code"].splitlines():
            code = line.strip().removeprefix(">>>").removeprefix("...").strip()
            if len(code) > 12:
                lines.append(code)
    return lines


# --- the tests, outside the sandbox -----------------------------------------------------------
def question_tests(zip_path: Path) -> list[dict]:
    """Each autograded question's name, points and case code, in question order."""
    found = []
    with zipfile.ZipFile(zip_path) as zf:
        for name in sorted(zf.namelist()):
            if name.startswith("tests/") and name.endswith(".py"):
                space: dict = {}
                exec(zf.read(name).decode("utf-8"), space)  # our own release, not student code
                spec = space["test"]
                cases = [c["code"] for suite in spec["suites"] for c in suite["cases"]]
                found.append(
                    {"name": spec["name"], "points": float(spec["points"]), "cases": cases}
                )
    return found


def needed_names(tests: list[dict]) -> list[str]:
    """The names the tests read from the student's namespace (not builtins, not test imports)."""
    import ast
    import builtins
    import doctest

    names: dict[str, None] = {}
    for test in tests:
        for code in test["cases"]:
            parser = doctest.DocTestParser()
            source = "".join(e.source for e in parser.parse(code) if isinstance(e, doctest.Example))
            tree = ast.parse(source)
            bound = set()
            for node in ast.walk(tree):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
                elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    bound.add(node.id)
                elif isinstance(node, ast.comprehension):
                    bound |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                    if node.id not in bound and not hasattr(builtins, node.id):
                        names[node.id] = None
    return list(names)


CASE = re.compile(r"^\s*(\S+) - (\d+) result:\s*$")


def failed_messages(output: str) -> list[str]:
    """The message of each failed check in one question's output (never the check's code)."""
    messages, block = [], []
    for line in output.splitlines() + ["q - 0 result:"]:
        if CASE.match(line):
            if block and any("Test case failed" in b for b in block):
                last = next((b.strip() for b in reversed(block) if b.strip()), "")
                if last.startswith("AssertionError:"):
                    messages.append(last.removeprefix("AssertionError:").strip())
                elif last == "AssertionError":
                    messages.append("A check failed.")
                else:
                    kind = last.split(":", 1)[0]
                    messages.append(f"A check could not run on your answer ({kind}).")
            block = []
        else:
            block.append(line)
    return messages


# --- one submission -----------------------------------------------------------------------------
def run_status(run: sandbox.Run, cell_timeout: int, timeout: int) -> str:
    """What happened in the sandbox, in one line (the first word is the status keyword)."""
    starts = [r["start"] for r in run.records if type(r.get("start")) is int]
    done = next((r for r in run.records if "done" in r), None)
    where = f"cell {starts[-1] + 1}" if starts else "its first cell"
    if run.too_much_output:
        return f"too_much_output: stopped in {where}; graded on what ran before"
    if run.timed_out:
        return f"timeout: still running after {timeout} s, stopped in {where}; graded on what ran"
    if done is None:
        return f"crashed: the run died in {where} (os._exit, a kill, a crash); graded on what ran"
    stopped = done.get("stopped") if type(done.get("stopped")) is list else []
    exits = done.get("exits") if type(done.get("exits")) is list else []
    if stopped:
        return f"timeout: {len(stopped)} cell(s) stopped after {cell_timeout} s"
    if exits:
        cells = ", ".join(str(int(c) + 1) for c in exits if type(c) is int)
        return f"exit: exit() in cell {cells} was ignored; every cell ran"
    return "ok"


def latest_values(run: sandbox.Run) -> dict:
    found: dict = {}
    for record in run.records:
        if type(record.get("values")) is dict:
            found.update(record["values"])
    return {k: v for k, v in found.items() if v != {"t": "deleted"}}


def evaluate(values: dict, tests: list[dict]) -> dict:
    """Run the tests on the values in a separate process (never student code); its results."""
    request = json.dumps({"values": values, "tests": tests})
    proc = subprocess.run(
        [PYTHON, "-I", str(EVALUATE)],
        input=request,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"the evaluator failed ({proc.returncode})")
    return json.loads(proc.stdout)["results"]


def grade_one(path: Path, assignment: str, tests: list[dict], names: list[str], timeout: int,
              cell_timeout: int) -> tuple[dict, str, dict[str, list[str]]]:  # fmt: skip
    """Grade one file: (scores by question, status, failed-check messages by question)."""
    zeros = {t["name"]: 0.0 for t in tests}
    if path.is_symlink():
        return zeros, "symlink: a link, not a file; not graded", {}
    try:
        problem, nb_name, data = intake.notebook_of(path, assignment)
    except OSError as exc:
        return zeros, f"error: could not read the file ({type(exc).__name__})", {}
    if problem:
        return zeros, problem, {}
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        (work / nb_name).write_bytes(data)
        run = sandbox.run(work, nb_name, names, timeout, cell_timeout)
    status = run_status(run, cell_timeout, timeout)
    try:
        results = evaluate(latest_values(run), tests)
    except Exception as exc:  # noqa: BLE001
        return zeros, f"error: grading failed ({exc})"[:300], {}
    scores, messages = dict(zeros), {}
    for test in tests:
        got = results.get(test["name"], {})
        scores[test["name"]] = min(float(got.get("score", 0.0)), test["points"])
        messages[test["name"]] = [m for m in got.get("messages", []) if type(m) is str]
    return scores, status, messages


# --- the batch ------------------------------------------------------------------------------------
def feedback_text(student: str, assignment: str, qs, scores, status, messages, secret) -> str:
    """One student's feedback as Markdown, from the tests' messages only."""
    total = round(sum(scores.values()), 2)
    possible = sum(q["points"] for q in qs if not q["manual"])
    lines = [f"# Feedback: {assignment}", "", f"Submission: `{student}`", ""]
    lines += [f"Autograded points: **{total:g} / {possible:g}**", ""]
    if status != "ok":
        lines += [f"Note from the grader: {status}.", ""]
    for q in qs:
        if q["manual"]:
            lines.append(
                f"- **{q['name']}** (written answer, {q['points']:g} points): graded by hand."
            )
            continue
        lines.append(f"- **{q['name']}**: {scores.get(q['name'], 0):g} / {q['points']:g}")
        for message in dict.fromkeys(messages.get(q["name"], [])):
            lines.append(f"  - {message}")
    text = "\n".join(lines) + "\n"
    for code in secret:
        text = text.replace(code, "(a hidden check)")
    return text


def safe_name(student: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", student)


def feedback_names(students: list[str]) -> dict[str, str]:
    """A feedback file name per student, unique even when two names map to the same one."""
    plain = {s: safe_name(s) for s in students}
    counts: dict[str, int] = {}
    for name in plain.values():
        counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
    out = {}
    for s, name in plain.items():
        if counts[name.casefold()] > 1 or name.casefold() in ("grades.csv",):
            name = f"{name}-{hashlib.sha256(s.encode()).hexdigest()[:8]}"
        out[s] = f"{name}.md"
    return out


def write_safely(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically; if something that is not a file is planted there
    (a directory, a link), write next to it under a new name instead. Returns the path used."""
    target = path
    for n in range(1, 100):
        if not (target.is_symlink() or (target.exists() and not target.is_file())):
            break
        target = path.with_name(f"{path.stem}-{n}{path.suffix}")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.replace(tmp, target)
    return target


def submission_files(folder: Path, out: Path) -> list[Path]:
    """Every file under ``folder`` but the output folder and notebook checkpoints."""
    out = out.resolve()
    found = []
    for p in sorted(folder.rglob("*")):
        if p.resolve() == out or out in p.resolve().parents or out in p.parents:
            continue
        if ".ipynb_checkpoints" in p.parts or (p.is_dir() and not p.is_symlink()):
            continue
        found.append(p)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, help="folder of .ipynb or .zip submissions")
    parser.add_argument("assignment", help="assignment name, e.g. 01_trade_in_numbers")
    parser.add_argument("--out", type=Path, help="output folder (default SUBMISSIONS/graded)")
    parser.add_argument(
        "--timeout", type=int, default=300, help="wall-clock seconds per submission"
    )
    parser.add_argument("--cell-timeout", type=int, default=60, help="seconds per cell")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="submissions at once")
    args = parser.parse_args(argv)
    zip_path = autograder_zip(args.assignment)
    try:
        sandbox.bwrap_path()
    except sandbox.SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    qs = questions(args.assignment)
    tests = question_tests(zip_path)
    names = needed_names(tests)
    out = args.out or args.submissions / "graded"
    files = submission_files(args.submissions, out)
    if not files:
        print(f"no submissions in {args.submissions}", file=sys.stderr)
        return 1
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    secret = hidden_code(zip_path)
    auto = [q for q in qs if not q["manual"]]
    header = ["student", *[q["name"] for q in auto], "total", "max_total"]
    header += [f"{q['name']} (manual, {q['points']:g})" for q in qs if q["manual"]] + ["status"]
    possible = sum(q["points"] for q in auto)
    students = {p: str(p.relative_to(args.submissions)) for p in files}
    fb_names = feedback_names(list(students.values()))
    rows: dict[str, list[str]] = {}
    lock = threading.Lock()
    start = time.monotonic()
    csv_path = [out / "grades.csv"]

    def finish(path: Path, scores, status, messages) -> None:
        student = students[path]
        total = round(sum(scores.values()), 2)
        row = [student, *[f"{scores.get(q['name'], 0):g}" for q in auto], f"{total:g}"]
        row += [f"{possible:g}"] + [""] * (len(header) - len(auto) - 4) + [status]
        text = feedback_text(student, args.assignment, qs, scores, status, messages, secret)
        with lock:
            rows[student] = row
            write_safely(out / "feedback" / fb_names[student], text)
            buf = _csv_text(header, [rows[s] for s in sorted(rows)])
            csv_path[0] = write_safely(out / "grades.csv", buf)
            done = len(rows)
            bar = "#" * (20 * done // len(files))
            print(f"[{bar:<20}] {done}/{len(files)}  {total:g}/{possible:g}  {student}  ({status})",
                  flush=True)  # fmt: skip

    def job(path: Path):
        try:
            return grade_one(path, args.assignment, tests, names, args.timeout, args.cell_timeout)
        except Exception as exc:  # noqa: BLE001  one bad file never stops the batch
            zeros = {t["name"]: 0.0 for t in tests}
            return zeros, f"error: {type(exc).__name__}: {exc}".replace("\n", " ")[:300], {}

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(job, p): p for p in files}
        for future in as_completed(futures):
            finish(futures[future], *future.result())
    seconds = time.monotonic() - start
    print(
        f"wrote {csv_path[0]} and {len(rows)} feedback files in {out / 'feedback'} "
        f"({seconds:.1f} s, {seconds / len(files):.1f} s per submission with {args.jobs} jobs)"
    )
    return 0


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


if __name__ == "__main__":
    sys.exit(main())
