"""Grade a folder of submissions with ``otter run`` (no Docker), each under a timeout.

    python scripts/grade.py SUBMISSIONS ASSIGNMENT [--out DIR] [--timeout 300] [--cell-timeout 60]
    make grade SUBMISSIONS=DIR ASSIGNMENT=01_trade_in_numbers

A submission is a student's ``.ipynb`` or the zip the notebook's export cell writes; every one found
under ``SUBMISSIONS`` is graded in a throw-away folder of its own with the autograder zip from
``assignments/release/ASSIGNMENT/autograder/`` (build it with ``make release``).

Writes, in ``--out`` (default ``SUBMISSIONS/graded``):

- ``grades.csv``: one row per submission: ``student`` (the file, relative to SUBMISSIONS), the
  points of each autograded question, ``total``, ``max_total``, an empty column for each
  free-response question (grade those with the rubrics in docs/teaching-guide.md) and ``status``;
- ``feedback/<student>.md``: per question the points and, for each failed check, its message
  (what to look at). It never contains test code: hidden tests stay hidden.

Student code runs unsandboxed (as with any ``otter run``): grade on a machine or account you can
throw away. A submission that runs longer than ``--timeout`` is re-run with every cell limited to
``--cell-timeout`` seconds; cells that still hang are replaced by a cell that raises, so that only
the questions depending on them lose points. One bad submission never stops the batch.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import nbformat
import project
import yaml

ROOT = project.ROOT
RELEASE = ROOT / "assignments" / "release"
SOURCE = ROOT / "assignments" / "source"
OTTER = Path(sys.executable).with_name("otter")
STOPPED = (
    'raise RuntimeError("The grader stopped this cell: it ran for more than {s} seconds '
    '(an endless loop?)")'
)


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


# --- one submission -----------------------------------------------------------------------------
def notebook_of(submission: Path, workdir: Path) -> Path:
    """Copy the submitted notebook (or the one inside a submitted zip) into ``workdir``."""
    target = workdir / "submission.ipynb"
    if submission.suffix == ".zip":
        with zipfile.ZipFile(submission) as zf:
            names = [n for n in zf.namelist() if n.endswith(".ipynb") and "/." not in n]
            if not names:
                raise ValueError("the zip holds no notebook")
            target.write_bytes(zf.read(sorted(names, key=len)[0]))
    else:
        shutil.copy2(submission, target)
    nbformat.read(target, as_version=4)  # raises on a file that is not a notebook
    return target


def otter_run(notebook: Path, zip_path: Path, timeout: int) -> dict | None:
    """``otter run`` under ``timeout``; the parsed results.json, or None if it timed out."""
    out = notebook.parent / "results"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    argv = ["timeout", "-k", "10", str(timeout), str(OTTER), "run", "--no-logo"]
    argv += ["-a", str(zip_path), "-o", str(out), str(notebook)]
    proc = subprocess.run(argv, cwd=notebook.parent, capture_output=True, text=True)
    if proc.returncode in (124, 137):
        return None
    results = out / "results.json"
    if not results.exists():
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"otter run failed: {tail[0][:200]}")
    return json.loads(results.read_text(encoding="utf-8"))


def stop_hanging_cells(notebook: Path, cell_timeout: int) -> int:
    """Run the notebook, interrupting cells that exceed ``cell_timeout``; replace those cells.

    Returns how many cells were replaced by a cell that raises.
    """
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        timeout=cell_timeout,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout={"ename": "TimeoutError", "evalue": "stopped", "traceback": []},
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    try:
        client.execute()
    except Exception:  # a dead kernel: keep what was marked so far
        pass
    stopped = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if any(out.get("ename") == "KeyboardInterrupt" for out in cell.outputs):
            cell.source = STOPPED.format(s=cell_timeout)
            stopped += 1
        cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, notebook)
    return stopped


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


def grade_one(
    submission: Path, zip_path: Path, qs: list[dict], timeout: int, cell_timeout: int
) -> tuple[dict, str, dict[str, list[str]]]:
    """Grade one submission: (scores by question, status, failed-check messages by question)."""
    auto = [q for q in qs if not q["manual"]]
    zeros = {q["name"]: 0.0 for q in auto}
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        try:
            notebook = notebook_of(submission, Path(tmp))
            results = otter_run(notebook, zip_path, timeout)
            status = "ok"
            if results is None:
                stopped = stop_hanging_cells(notebook, cell_timeout)
                results = otter_run(notebook, zip_path, timeout)
                status = f"timeout: {stopped} cell(s) stopped after {cell_timeout} s"
                if results is None:
                    return zeros, f"timeout: still running after {timeout} s", {}
        except Exception as exc:  # one bad file must not stop the batch
            return zeros, f"error: {exc}".replace("\n", " ")[:300], {}
    scores, messages = dict(zeros), {}
    for test in results.get("tests", []):
        name = test.get("name")
        if name in scores:
            scores[name] = round(float(test.get("score") or 0), 2)
            messages[name] = failed_messages(test.get("output", ""))
    return scores, status, messages


# --- the batch ------------------------------------------------------------------------------------
def feedback_text(student: str, assignment: str, qs, scores, status, messages, secret) -> str:
    """One student's feedback as Markdown, with any line of test code removed."""
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
        lines.append(f"- **{q['name']}**: {scores[q['name']]:g} / {q['points']:g}")
        for message in dict.fromkeys(messages.get(q["name"], [])):
            lines.append(f"  - {message}")
    text = "\n".join(lines) + "\n"
    for code in secret:
        text = text.replace(code, "(a hidden check)")
    return text


def safe_name(student: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", student)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, help="folder of .ipynb or .zip submissions")
    parser.add_argument("assignment", help="assignment name, e.g. 01_trade_in_numbers")
    parser.add_argument("--out", type=Path, help="output folder (default SUBMISSIONS/graded)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per submission")
    parser.add_argument("--cell-timeout", type=int, default=60, help="seconds per cell on re-run")
    args = parser.parse_args(argv)
    zip_path = autograder_zip(args.assignment)
    qs = questions(args.assignment)
    out = args.out or args.submissions / "graded"
    files = sorted(
        p
        for p in args.submissions.rglob("*")
        if p.suffix in (".ipynb", ".zip")
        and out not in p.parents
        and ".ipynb_checkpoints" not in p.parts
    )
    if not files:
        print(f"no .ipynb or .zip submissions in {args.submissions}", file=sys.stderr)
        return 1
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    secret = hidden_code(zip_path)
    auto = [q for q in qs if not q["manual"]]
    header = ["student", *[q["name"] for q in auto], "total", "max_total"]
    header += [f"{q['name']} (manual, {q['points']:g})" for q in qs if q["manual"]] + ["status"]
    possible = sum(q["points"] for q in auto)
    rows = []
    for path in files:
        student = str(path.relative_to(args.submissions))
        scores, status, messages = grade_one(path, zip_path, qs, args.timeout, args.cell_timeout)
        total = round(sum(scores.values()), 2)
        rows.append(
            [student, *[f"{scores[q['name']]:g}" for q in auto], f"{total:g}", f"{possible:g}"]
            + [""] * (len(header) - len(auto) - 4)
            + [status]
        )
        text = feedback_text(student, args.assignment, qs, scores, status, messages, secret)
        (out / "feedback" / f"{safe_name(student)}.md").write_text(text, encoding="utf-8")
        print(f"{total:g}/{possible:g}  {student}  ({status})")
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {out / 'grades.csv'} and {len(rows)} feedback files in {out / 'feedback'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
