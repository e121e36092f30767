"""Grade a folder of submissions: student code sandboxed, hidden tests outside its reach.

    python scripts/grade.py SUBMISSIONS ASSIGNMENT [--out DIR] [--timeout 300] [--cell-timeout 60]
                            [--jobs N] [--timings FILE] [--release DIR]
    make grade SUBMISSIONS=DIR ASSIGNMENT=01_trade_in_numbers [JOBS=N]

Every file found under ``SUBMISSIONS`` gets a row. A notebook (``.ipynb``, or the one inside a
submitted zip, size-checked before it is unpacked) is identified by its content (question
names, checks, code and text: scripts/grading/match.py; a zip of several notebooks gives the
one that is this assignment's), copied under its real name into a throw-away folder and run cell
by cell inside a bubblewrap sandbox (see scripts/grading/sandbox.py: no network, read-only
runtime, ``helpers/`` and ``data/``, nothing else of the repository, no other submission,
CPU/memory/process/file-size limits, a wall-clock limit that kills its whole process tree).
After each cell the sandbox exports the values of the names the tests read, with a strict
serializer. A separate process, which never runs student code (one per job, kept for the batch),
rebuilds those values and runs the autograder's tests (public and hidden) on them.

A cell that runs over ``--cell-timeout`` is stopped and the rest still runs. A run that dies (a
crash, ``os._exit``, a killed kernel, a cell that cannot be stopped, the wall-clock limit, a
flood of output) is run again in a fresh sandbox without the cell it died in (at most
``MAX_RUNS`` runs): it costs only the questions that need that cell. Up to ``--jobs`` (default:
the number of cores) submissions are graded at once, with a progress bar on stderr.

Writes, in ``--out`` (default ``SUBMISSIONS/graded``, which is never given to a submission; give
a folder outside SUBMISSIONS to leave it untouched), after each submission:

- ``grades.csv``: one row per file: ``student`` (the file, relative to SUBMISSIONS), the points of
  each autograded question (capped at its points), ``total``, ``max_total``, an empty column for
  each free-response question and ``status``: ``ok`` (``ok: graded X of the N notebooks in the
  zip ...`` for a zip); ``exit``, ``timeout``, ``crashed`` or ``too_much_output`` (graded from
  the runs, the status says what happened and which cell was left out); or, with 0 points,
  ``not_a_notebook``, ``corrupt: ...`` (what is wrong), ``too_large``, ``no_notebook``,
  ``two_notebooks: ...``, ``wrong_assignment: ...``, ``symlink``, ``error``;
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
from grading import intake, match, sandbox

ROOT = project.ROOT
RELEASE = ROOT / "assignments" / "release"
SOURCE = ROOT / "assignments" / "source"
PYTHON = sys.executable
EVALUATE = Path(__file__).resolve().parent / "grading" / "evaluate.py"


# --- the assignment ---------------------------------------------------------------------------
def autograder_zip(assignment: str, release: Path = RELEASE) -> Path:
    """The released autograder zip of an assignment; exit with a hint if it is missing."""
    path = release / assignment / "autograder" / f"{assignment}-autograder.zip"
    if not path.exists():
        known = sorted(p.name for p in release.iterdir() if p.is_dir()) if release.exists() else []
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
#: Runs per submission at most: the first, and re-runs each without one more cell a run died in.
MAX_RUNS = 3


def _cell(i: int) -> str:
    return f"code cell {i + 1}"


def ending(run: sandbox.Run, cell_timeout: int, timeout: int) -> str | None:
    """How a run that did not finish ended, in words (the first word is the status keyword)."""
    where = _cell(run.last_started) if run.last_started is not None else "its first cell"
    if run.too_much_output:
        return f"too_much_output: flooded the grader in {where}"
    if run.stuck is not None:
        return f"timeout: {_cell(run.stuck)} did not stop after {cell_timeout} s and was killed"
    if run.timed_out:
        return f"timeout: still running after {timeout} s, stopped in {where}"
    if not run.finished:
        return f"crashed: the run died in {where} (os._exit, a kill, a crash)"
    return None


def run_status(runs: list[sandbox.Run], cell_timeout: int, timeout: int) -> str:
    """What happened in the sandbox, in one line (the first word is the status keyword).

    ``runs``: the first run and its re-runs (each without the cells the earlier ones died in)."""
    endings = [e for e in (ending(r, cell_timeout, timeout) for r in runs) if e]
    last = runs[-1]
    done = next((r for r in last.records if "done" in r), None)
    notes = []
    if endings:
        skipped = sorted({r.last_started for r in runs[:-1] if r.last_started is not None})
        cells = ", ".join(_cell(i) for i in skipped)
        if last.finished and skipped:
            notes.append(f"graded on a re-run without {cells}")
        elif skipped:
            notes.append(f"a re-run without {cells} did not finish either; graded on what ran")
        else:
            notes.append("graded on what ran")
    if done is not None:
        stopped = done.get("stopped") if type(done.get("stopped")) is list else []
        exits = done.get("exits") if type(done.get("exits")) is list else []
        if stopped:
            notes.append(f"{len(stopped)} cell(s) stopped after {cell_timeout} s")
        if exits:
            cells = ", ".join(str(int(c) + 1) for c in exits if type(c) is int)
            notes.append(f"exit() in code cell {cells} was ignored; every cell ran")
    if endings:
        # the first ending names the status; later runs' endings follow in brackets
        head = endings[0] + (f" (then {'; '.join(endings[1:])})" if endings[1:] else "")
        return f"{head}; {'; '.join(notes)}"
    if done is not None and notes:
        kind = "timeout" if notes[0].endswith(f"after {cell_timeout} s") else "exit"
        return f"{kind}: {'; '.join(notes)}"
    return "ok"


def latest_values(runs: list[sandbox.Run] | sandbox.Run) -> dict:
    """The last exported value of each name: a later run's values replace an earlier run's."""
    found: dict = {}
    for run in runs if isinstance(runs, list) else [runs]:
        mine: dict = {}
        for record in run.records:
            if type(record.get("values")) is dict:
                mine.update(record["values"])
        found.update(mine)
    return {k: v for k, v in found.items() if v != {"t": "deleted"}}


class Evaluator:
    """One evaluator process (scripts/grading/evaluate.py --serve) kept for a whole batch: it
    imports numpy, pandas and matplotlib once. It never runs student code; one that fails or
    takes over ``timeout`` s on a request is killed and started afresh for the next."""

    def __init__(self, timeout: int = 300):
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None

    def _start(self) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, "-I", str(EVALUATE), "--serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, bufsize=1,
        )  # fmt: skip
        if json.loads(self._line()).get("ready") is not True:
            raise RuntimeError("the evaluator did not start")

    def _line(self) -> str:
        import select

        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout)
        if not ready:
            raise TimeoutError(f"no answer in {self.timeout} s")
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the evaluator ended ({self.proc.poll()})")
        return line

    def __call__(self, values: dict, tests: list[dict]) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        try:
            self.proc.stdin.write(json.dumps({"values": values, "tests": tests}) + "\n")
            self.proc.stdin.flush()
            answer = json.loads(self._line())
        except Exception:
            self.close()
            raise
        if "results" not in answer:
            raise RuntimeError(f"the evaluator failed ({answer.get('error', '?')})")
        return answer["results"]

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def evaluate(values: dict, tests: list[dict]) -> dict:
    """Run the tests on the values in a fresh separate process (never student code)."""
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
              cell_timeout: int, profiles=None, fonts: Path | None = None, evaluator=None,
              timings: dict | None = None) -> tuple[dict, str, dict[str, list[str]]]:  # fmt: skip
    """Grade one file: (scores by question, status, failed-check messages by question).

    A run that dies (a crash, ``os._exit``, a killed kernel, a hang, a flood) is run again in a
    fresh sandbox without the cell it died in, up to ``MAX_RUNS`` runs, so it costs only the
    questions that need that cell. ``timings`` (optional) gets the seconds of each stage."""
    zeros = {t["name"]: 0.0 for t in tests}
    if path.is_symlink():
        return zeros, "symlink: a link, not a file; not graded", {}
    try:
        problem, nb_name, data, note = intake.notebook_of(path, assignment, profiles)
    except OSError as exc:
        return zeros, f"error: could not read the file ({type(exc).__name__})", {}
    if problem:
        return zeros, problem, {}
    runs: list[sandbox.Run] = []
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        (work / nb_name).write_bytes(data)
        skip: list[int] = []
        while len(runs) < MAX_RUNS:
            run = sandbox.run(work, nb_name, names, timeout, cell_timeout, skip, fonts)
            runs.append(run)
            if run.finished or run.last_started is None or run.last_started in skip:
                break
            skip.append(run.last_started)
    status = run_status(runs, cell_timeout, timeout)
    if note:
        status = f"ok: {note}" if status == "ok" else f"{status}; {note}"
    started = time.monotonic()
    try:
        results = (evaluator or evaluate)(latest_values(runs), tests)
    except Exception as exc:  # noqa: BLE001
        return zeros, f"error: grading failed ({exc})"[:300], {}
    if timings is not None:
        timings["runs"] = len(runs)
        timings["sandbox"] = sum(r.seconds for r in runs)
        timings["startup"] = sum(r.startup or 0.0 for r in runs)
        timings["evaluate"] = time.monotonic() - started
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


def profiles_of_release(release: Path = RELEASE) -> match.Profiles:
    """The content profile of every released assignment (to match notebooks by content)."""
    templates, needed = {}, {}
    for folder in sorted(p for p in release.iterdir() if p.is_dir()) if release.exists() else []:
        nb = folder / "student" / f"{folder.name}.ipynb"
        zp = folder / "autograder" / f"{folder.name}-autograder.zip"
        if nb.exists() and zp.exists():
            templates[folder.name] = json.loads(nb.read_text(encoding="utf-8"))
            needed[folder.name] = needed_names(question_tests(zp))
    return match.Profiles.build(templates, needed)


class Progress:
    """A plain-text progress bar on stderr: redrawn in place on a terminal, a line per
    submission otherwise (a log file, CI)."""

    def __init__(self, total: int, jobs: int, stream=None):
        self.total, self.jobs, self.done = total, jobs, 0
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.start = time.monotonic()

    def step(self, student: str, total: float, possible: float, status: str) -> None:
        self.done += 1
        spent = time.monotonic() - self.start
        left = spent / self.done * (self.total - self.done)
        bar = "#" * (24 * self.done // self.total)
        head = f"[{bar:<24}] {self.done}/{self.total}  {spent:.0f} s, about {left:.0f} s left"
        word = status.split(":", 1)[0]
        if self.tty:
            self.stream.write(f"\r{head}  {student[:30]}: {total:g}/{possible:g} {word}\033[K")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"{head}  {student}: {total:g}/{possible:g} ({status})\n")
        self.stream.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, help="folder of .ipynb or .zip submissions")
    parser.add_argument("assignment", help="assignment name, e.g. 01_trade_in_numbers")
    parser.add_argument("--out", type=Path, help="output folder (default SUBMISSIONS/graded)")
    parser.add_argument(
        "--timeout", type=int, default=300, help="wall-clock seconds per run of a submission"
    )
    parser.add_argument("--cell-timeout", type=int, default=60, help="seconds per cell")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="submissions at once (default: cores)"
    )
    parser.add_argument("--timings", type=Path, help="write each submission's stage times (JSON)")
    parser.add_argument(
        "--release", type=Path, default=RELEASE, help="the release (default assignments/release)"
    )
    args = parser.parse_args(argv)
    zip_path = autograder_zip(args.assignment, args.release)
    try:
        sandbox.bwrap_path()
    except sandbox.SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    qs = questions(args.assignment)
    tests = question_tests(zip_path)
    names = needed_names(tests)
    profiles = profiles_of_release(args.release)
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
    timings: dict[str, dict] = {}
    lock = threading.Lock()
    start = time.monotonic()
    csv_path = [out / "grades.csv"]
    jobs = max(1, min(args.jobs, len(files)))
    progress = Progress(len(files), jobs)
    local = threading.local()
    evaluators: list[Evaluator] = []

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
            progress.step(student, total, possible, status)

    def job(path: Path):
        if not hasattr(local, "evaluator"):
            local.evaluator = Evaluator()
            with lock:
                evaluators.append(local.evaluator)
        mine: dict = {"start": time.monotonic() - start}
        try:
            got = grade_one(path, args.assignment, tests, names, args.timeout,
                            args.cell_timeout, profiles, fonts, local.evaluator, mine)  # fmt: skip
        except Exception as exc:  # noqa: BLE001  one bad file never stops the batch
            zeros = {t["name"]: 0.0 for t in tests}
            got = zeros, f"error: {type(exc).__name__}: {exc}".replace("\n", " ")[:300], {}
        mine["seconds"] = time.monotonic() - start - mine["start"]
        timings[students[path]] = mine
        return got

    with tempfile.TemporaryDirectory(prefix="grade-batch-") as batch_tmp:
        fonts = sandbox.font_cache(Path(batch_tmp))  # built once, copied into each sandbox
        try:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(job, p): p for p in files}
                for future in as_completed(futures):
                    finish(futures[future], *future.result())
        finally:
            for evaluator in evaluators:
                evaluator.close()
    seconds = time.monotonic() - start
    if args.timings:
        summary = {"seconds": seconds, "jobs": jobs, "files": len(files), "each": timings}
        args.timings.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {csv_path[0]} and {len(rows)} feedback files in {out / 'feedback'} "
        f"({seconds:.1f} s, {seconds / len(files):.2f} s per submission with {jobs} jobs)"
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
