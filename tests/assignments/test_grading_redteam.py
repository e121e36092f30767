# ruff: noqa: E501  (the hostile cells are kept as written)
"""Red team for scripts/grade.py: cheats, crashes, hangs and hostile files in one batch.

SLOW (about 4-6 minutes): releases assignment 03, builds ~40 submissions from its solution and
its blank student notebook, each with one hostile cell or file, grades them in one batch (2 jobs)
and checks each row's exact points and status. Scores are compared with the honest solution's
row of the same batch (question by question), so the suite does not depend on the data. A crash
costs only the questions that need the cell it happened in (the grader re-runs the notebook
without that cell): a crash in q2's cell costs q2; one in q5's cell costs q5 and q7 (q7 reads q5's
``table``); a crash after q3 costs nothing.
Needs bubblewrap (``make sandbox``); skipped without it. ``REDTEAM_RELEASE=DIR`` uses a release
made earlier (``release.release_one(..., keep_solution=True)`` into DIR) instead of a fresh one.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest
from support import ROOT

NAME = "03_alliance_or_not"
PY = sys.executable
NONE: set[str] = set()
TIMEOUT, CELL_TIMEOUT = 60, 5
OTHER = "01_trade_in_numbers"  # its committed student notebook: another assignment's work

sys.path.insert(0, str(ROOT / "scripts"))
import grade  # noqa: E402
import release  # noqa: E402
from grading import match  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")


def cell(source: str):
    return nbformat.v4.new_code_cell(source)


def after_q3(nb, source: str):
    """A copy of ``nb`` with a code cell inserted right after ``grader.check("q3")``."""
    nb = nbformat.from_dict(nb)
    at = next(i for i, c in enumerate(nb.cells) if 'grader.check("q3")' in c.source)
    nb.cells.insert(at + 1, cell(source))
    return nb


def code_cell(nb, marker: str) -> int:
    """The number (from 1, counting code cells only) of the first code cell holding ``marker``."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    return next(i for i, c in enumerate(code) if marker in c.source) + 1


def lost_with(nb, marker: str, tests: list[dict]) -> set[str]:
    """The questions that need the code cell holding ``marker``: those whose tests read a name
    it assigns, or a name later computed from one (followed through the later code cells)."""
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    at = next(i for i, src in enumerate(code) if marker in src)
    tainted = match.assigned_names([code[at]])
    for src in code[at + 1 :]:
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        reads = {
            n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
        }
        if reads & tainted:
            tainted |= match.assigned_names([src])
        else:
            tainted -= match.assigned_names([src])  # computed afresh from other names
    return {t["name"] for t in tests if set(grade.needed_names([t])) & tainted}


def crash_in(nb, name: str, source: str = "import os\nos._exit(1)"):
    """A copy of ``nb`` whose answer cell for ``name`` (``name = ...``) ends with ``source``."""
    nb = nbformat.from_dict(nb)
    at = next(c for c in nb.cells if c.cell_type == "code" and f"\n{name} = " in "\n" + c.source)
    at.source += "\n" + source
    return nb


def at_end(nb, source: str):
    nb = nbformat.from_dict(nb)
    nb.cells.append(cell(source))
    return nb


# It deletes what it can for 3 s (the data and helpers first), well inside the 5 s a cell may run:
# walking a whole /tmp or home could take longer on a busy machine, and its cell would then be
# stopped, which is not what this case tests.
SABOTEUR = """
import os, shutil, time
stop = time.monotonic() + 3
for top in ("/work/main/data", "/work/main/helpers", os.path.expanduser("~"), "..", "/tmp"):
    for root, dirs, files in os.walk(top):
        if time.monotonic() > stop:  # stop walking, not only deleting: the walk is the slow part
            break
        if root.startswith(("/proc", "/sys", "/dev")):
            dirs[:] = []
            continue
        for f in files:
            try:
                os.remove(os.path.join(root, f))
            except OSError:
                pass
for target in ("/work/main/assignments/pwned", "/work/main/helpers/pwned.py", "/tmp/../pwned"):
    try:
        open(target, "w").write("x")
    except OSError:
        pass
"""
REWRITE_TESTS = """
import os
os.makedirs("tests", exist_ok=True)
for q in range(1, 8):
    with open(f"tests/q{q}.py", "w") as fh:
        fh.write("test = {'name': 'q%d', 'points': 900, 'suites': [{'cases': [], 'type': 'doctest'}]}" % q)
grader.check = lambda *a, **k: None
"""
PATCH_CHECKER = """
import doctest
doctest.DocTestRunner.run = lambda *a, **k: doctest.TestResults(0, 0)
try:
    import otter.test_files.abstract_test as m
    m.TestFile.score = property(lambda self: 900)
except Exception:
    pass
"""
BUILTINS = """
import builtins
builtins.isinstance = lambda *a: True
builtins.all = lambda *a: True
builtins.set = lambda *a: {1}
"""
EQUALS_ANYTHING = """
class Anything(dict):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __getitem__(self, key): return Anything()
    __hash__ = object.__hash__
nato_art5 = aukus = shanghai = Anything(defense=1, offense=0, neutrality=0, nonaggression=0, consultation=0)
class Num(float):
    def __eq__(self, other): return True
    def __ge__(self, other): return True
score_1950 = score_1950_weighted = Num(2)
"""
# It searches the checkout for 3 s at most (a walk of a whole checkout, venvs included, could
# outlast the 5 s a cell may run on a busy machine, and that is not what this case tests).
READ_SOLUTIONS = """
import helpers, os, pathlib, json, time
root = pathlib.Path(helpers.__file__).resolve().parents[1]
stop, found = time.monotonic() + 3, []
for folder, _, files in os.walk(root):  # the clock is read at every folder, not every match
    if time.monotonic() > stop:
        break
    found += [pathlib.Path(folder, f) for f in files if "autograder" in f]
for path in [root / "assignments" / "source" / "03_alliance_or_not.ipynb", *found]:
    nb = json.loads(path.read_text())
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            exec("".join(c["source"]))
"""
FORGE = r"""
import os
for fd in range(3, 20):
    try:
        os.write(fd, b'{"cell": 0, "values": {"nato_art5": {"t": "pickle", "v": "gASV"}}}\n')
        os.write(fd, b'{"done": 99, "stopped": [], "exits": []}\n')
    except OSError:
        pass
"""
PRINT_HIDDEN = """
import os, sys
print(open("/etc/shadow").read() if os.path.exists("/etc/shadow") else "", file=sys.stderr)
raise AssertionError("Look again at defense: " + repr(dict(os.environ)))
"""
FOOL_THE_WATCHDOG = """
import os, signal, sys, time
signal.signal(signal.SIGALRM, signal.SIG_IGN)
fd = int(sys.argv[4])  # the runner's pipe to the grader: claim, every second, that a cell ended
while True:
    os.write(fd, b'{"cell": 9, "values": {}}\\n')
    time.sleep(1)
"""
BACKGROUND = """
import os, subprocess, time
subprocess.Popen(["sleep", "4242"], start_new_session=True)
if os.fork() == 0:
    time.sleep(4243)
    os._exit(0)
"""


def build(folder, solution, blank, other, tests):
    """Write every red-team submission into ``folder``; return {file: (expected, status)}.

    ``expected``: the questions that score as in the honest solution (the rest score 0);
    ``status``: the exact status, or its start followed by "*".
    """
    cases = {}
    ALL = {t["name"] for t in tests}  # noqa: N806
    checks = "\n".join(c.source for c in solution.cells if c.cell_type == "code")
    order = list(dict.fromkeys(re.findall(r'grader\.check\("(\w+)"\)', checks)))  # notebook order

    def nb_case(name, nb, expected, status):
        nbformat.write(nb, folder / name)
        cases[name] = (expected, status)

    after_check_q3 = code_cell(solution, 'grader.check("q3")') + 1
    hostile = f"code cell {after_check_q3}"
    rerun = f"graded on a re-run without {hostile}"
    nb_case("honest.ipynb", solution, ALL, "ok")
    nb_case("blank.ipynb", blank, NONE, "ok")
    stopped = f"timeout: 1 cell(s) stopped after {CELL_TIMEOUT} s"
    nb_case("loop.ipynb", after_q3(solution, "while True:\n    pass"), ALL, stopped)
    nb_case("sleep.ipynb", after_q3(solution, "import time\ntime.sleep(10**6)"), ALL, stopped)
    killed = f"timeout: {hostile} did not stop after {CELL_TIMEOUT} s and was killed; {rerun}"
    ignore = "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass"
    nb_case("loop_ignoring_alarm.ipynb", after_q3(solution, ignore), ALL, killed)
    block = "import signal, time\nsignal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
    nb_case("c_level_sleep.ipynb", after_q3(solution, block + "time.sleep(10**6)"), ALL, killed)
    hard = f"timeout: still running after {TIMEOUT} s, stopped in {hostile}; {rerun}"
    nb_case("fools_the_watchdog.ipynb", after_q3(solution, FOOL_THE_WATCHDOG), ALL, hard)
    nb_case("background.ipynb", after_q3(solution, BACKGROUND), ALL, "ok")
    memory = "x = bytearray(64 * 2**30)"
    nb_case("memory.ipynb", after_q3(solution, memory), ALL, "ok")
    exit_ = f"exit: exit() in {hostile} was ignored; every cell ran"
    nb_case("exit.ipynb", after_q3(solution, "exit()"), ALL, exit_)
    crashed = f"crashed: the run died in {hostile} (os._exit, a kill, a crash); {rerun}"
    nb_case("os_exit.ipynb", after_q3(solution, "import os\nos._exit(0)"), ALL, crashed)
    kill = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
    nb_case("kernel_death.ipynb", after_q3(solution, kill), ALL, crashed)
    # a crash in an answer's own cell costs that answer, and the answers that read its names
    for name, least in (("aukus", {"q2"}), ("table", {"q5", "q7"})):
        nb = crash_in(solution, name)
        lost = lost_with(nb, "os._exit(1)", tests)
        assert lost >= least and not lost & {"q1", "q3", "q4", "q6"}, lost
        where = f"code cell {code_cell(nb, 'os._exit(1)')}"
        status = f"crashed: the run died in {where} (os._exit, a kill, a crash); graded on a "
        nb_case(f"crash_in_{name}.ipynb", nb, ALL - lost, status + f"re-run without {where}")
    # three crashes: the grader gives up after MAX_RUNS runs, keeping what ran before the third
    nb = nbformat.from_dict(solution)
    for q in ("q1", "q3", "q5"):
        at = next(
            i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and f'grader.check("{q}")' in c.source
        )  # fmt: skip
        nb.cells.insert(at + 1, cell("import os\nos._exit(2)"))
    crashes = [
        code_cell(solution, f'grader.check("{q}")') + 1 + k
        for k, q in enumerate(("q1", "q3", "q5"))
    ]
    died = [f"crashed: the run died in code cell {c} (os._exit, a kill, a crash)" for c in crashes]
    status = f"{died[0]} (then {died[1]}; {died[2]}); a re-run without code cell {crashes[0]}, "
    status += f"code cell {crashes[1]} did not finish either; graded on what ran"
    nb_case("three_crashes.ipynb", nb, set(order[: order.index("q5") + 1]), status)
    nb_case("saboteur.ipynb", at_end(solution, SABOTEUR), ALL, "ok")
    nb_case("rewritten_tests.ipynb", at_end(blank, REWRITE_TESTS), NONE, "ok")
    nb_case("patched_checker.ipynb", at_end(blank, PATCH_CHECKER), NONE, "ok")
    # with these builtins patched the cell does not return (IPython breaks): it is stopped
    # (and IPython asks to exit: noted, ignored)
    last = f"code cell {code_cell(blank, 'grader.export(') + 1}"
    broken = f"{stopped}; exit() in {last} was ignored; every cell ran"
    nb_case("shadowed_builtins.ipynb", at_end(blank, BUILTINS), NONE, broken)
    nb_case("equals_anything.ipynb", at_end(blank, EQUALS_ANYTHING), NONE, "ok")
    nb_case("solutions_from_disk.ipynb", at_end(blank, READ_SOLUTIONS), NONE, "ok")
    nb_case("forged_results.ipynb", at_end(blank, FORGE), NONE, "*")
    nb_case("hidden_into_feedback.ipynb", at_end(blank, PRINT_HIDDEN), NONE, "ok")
    huge = 'for i in range(20_000):\n    print("x" * 5000)'
    nb_case("huge_output.ipynb", at_end(solution, huge), ALL, "ok")

    # ordinary habits: a fresh notebook (no metadata), only the answers, a renamed file
    fresh = nbformat.v4.new_notebook()
    fresh.cells = [cell(c.source) for c in solution.cells if c.cell_type == "code"]
    nb_case("fresh_notebook.ipynb", fresh, ALL, "ok")
    answers = nbformat.v4.new_notebook()  # no otter set-up cell, no text: grader.check fails
    answers.cells = [cell(c.source) for c in solution.cells if c.cell_type == "code"][1:]
    nb_case("Untitled1.ipynb", answers, ALL, "ok")
    nb_case("my homework (final).ipynb", solution, ALL, "ok")
    nb_case("a b.ipynb", solution, ALL, "ok")  # same feedback name as a_b.ipynb
    nb_case("a_b.ipynb", blank, NONE, "ok")
    wrong = f"wrong_assignment: by its content this is {OTHER}, not {NAME}"
    nb_case("other_assignment.ipynb", other, NONE, wrong)
    lesson = nbformat.read(ROOT / "notebooks" / "04_alliance_or_partnership.ipynb", as_version=4)

    def zip_case(name, members, expected, status):
        with zipfile.ZipFile(folder / name, "w") as zf:
            for member, nb in members.items():
                zf.writestr(member, nb if isinstance(nb, str) else nbformat.writes(nb))
        cases[name] = (expected, status)

    with zipfile.ZipFile(folder / "zip_bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(f"{NAME}.ipynb", "w") as fh:
            chunk = b"\0" * 2**20
            for _ in range(300):
                fh.write(chunk)
    cases["zip_bomb.zip"] = (NONE, "too_large")
    both = f"two_notebooks: draft.ipynb, final.ipynb all look like {NAME}; ask the student which"
    zip_case("two_notebooks.zip", {"draft.ipynb": blank, "final.ipynb": solution}, NONE,
             both + " to grade")  # fmt: skip
    picked = "ok: graded final.ipynb of the 2 notebooks in the zip (the only one that is " + NAME
    zip_case("with_the_lesson.zip", {"final.ipynb": solution, "lesson4.ipynb": lesson}, ALL,
             picked + ")")  # fmt: skip
    zip_case("with_other_work.zip", {"x.ipynb": other, "final.ipynb": fresh}, ALL,
             picked + ")")  # fmt: skip
    none = f"two_notebooks: none of the notebooks in the zip (a.ipynb, b.ipynb) is {NAME}"
    zip_case("nothing_matches.zip", {"a.ipynb": lesson, "b.ipynb": other}, NONE, none)
    named = f"ok: graded {NAME}.ipynb of the 2 notebooks in the zip (the one named after the "
    zip_case("named_in_zip.zip", {f"{NAME}.ipynb": solution, "scratch.ipynb": blank}, ALL,
             named + "assignment)")  # fmt: skip
    zip_case("corrupt_in_zip.zip", {"final.ipynb": '{"cells": [{'}, NONE,
             "corrupt: not valid notebook JSON (line 1, column 13): damaged or cut short "
             "(in the zip: final.ipynb)")  # fmt: skip
    (folder / "corrupt.ipynb").write_text('{"cells": [', encoding="utf-8")
    cases["corrupt.ipynb"] = (
        NONE, "corrupt: not valid notebook JSON (line 1, column 12): damaged or cut short"
    )  # fmt: skip
    (folder / "empty.ipynb").write_bytes(b"")
    cases["empty.ipynb"] = (NONE, "corrupt: the file is empty")
    (folder / "list.ipynb").write_text("[1, 2]", encoding="utf-8")
    cases["list.ipynb"] = (NONE, "corrupt: JSON, but not a notebook (no list of cells)")
    (folder / "binary.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    cases["binary.ipynb"] = (NONE, "corrupt: not a notebook (not UTF-8 text)")
    (folder / "corrupt.zip").write_bytes(b"PK\x03\x04" + b"\x07" * 200)
    cases["corrupt.zip"] = (NONE, "corrupt: a damaged zip file (it cannot be opened)")
    (folder / "essay.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    cases["essay.pdf"] = (NONE, "not_a_notebook")
    return cases


def tree_hash(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    if os.environ.get("REDTEAM_RELEASE"):  # a release made earlier (with its solution kept)
        rel = Path(os.environ["REDTEAM_RELEASE"])
    else:
        rel = tmp_path_factory.mktemp("release")
        source = ROOT / "assignments" / "source" / f"{NAME}.ipynb"
        error = release.release_one(source, rel, 900, True)
        assert error is None, error
        for folder in (ROOT / "assignments" / "release").iterdir():  # the others, as committed
            if folder.is_dir() and not (rel / folder.name).exists():
                shutil.copytree(folder, rel / folder.name)
    solution = nbformat.read(rel / NAME / "solution" / f"{NAME}.ipynb", as_version=4)
    blank = nbformat.read(rel / NAME / "student" / f"{NAME}.ipynb", as_version=4)
    other = nbformat.read(ROOT / "assignments" / "release" / OTHER / "student" / f"{OTHER}.ipynb",
                          as_version=4)  # fmt: skip
    tests = grade.question_tests(rel / NAME / "autograder" / f"{NAME}-autograder.zip")
    subs = tmp_path_factory.mktemp("submissions")
    cases = build(subs, solution, blank, other, tests)
    out = tmp_path_factory.mktemp("results")
    (out / "grades.csv").mkdir()  # planted where the results go
    (out / "feedback" / "honest.ipynb.md").mkdir(parents=True)
    before = (tree_hash(subs), tree_hash(ROOT / "assignments"))
    start = time.monotonic()
    proc = subprocess.run(
        [PY, "scripts/grade.py", str(subs), NAME, "--out", str(out), "--jobs", "2", "--release", str(rel),
         "--timeout", str(TIMEOUT), "--cell-timeout", str(CELL_TIMEOUT)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    seconds = time.monotonic() - start
    after = (tree_hash(subs), tree_hash(ROOT / "assignments"))
    leftovers = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    with open(out / "grades-1.csv", encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    return {
        "cases": cases, "rows": rows, "questions": [t["name"] for t in tests], "proc": proc, "out": out, "seconds": seconds,
        "before": before, "after": after, "leftovers": leftovers,
    }  # fmt: skip


def test_slow_redteam_batch_completes_with_a_row_per_file(batch):
    proc = batch["proc"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert set(batch["rows"]) == set(batch["cases"])
    print(f"\nred-team batch: {len(batch['rows'])} files in {batch['seconds']:.0f} s (2 jobs)")
    for student, row in sorted(batch["rows"].items()):
        print(f"  {student:32} {row['total']:>6}  {row['status']}")


def test_slow_honest_solution_scores_on_every_question(batch):
    honest = batch["rows"]["honest.ipynb"]
    assert honest["status"] == "ok"
    assert all(float(honest[q]) > 0 for q in batch["questions"]), honest


def _matches(status: str, pattern: str) -> bool:
    return status.startswith(pattern[:-1]) if pattern.endswith("*") else status == pattern


CASES = [
    "blank.ipynb", "loop.ipynb", "sleep.ipynb", "loop_ignoring_alarm.ipynb",
    "c_level_sleep.ipynb", "fools_the_watchdog.ipynb", "background.ipynb", "memory.ipynb",
    "exit.ipynb", "os_exit.ipynb", "kernel_death.ipynb", "crash_in_aukus.ipynb",
    "crash_in_table.ipynb", "three_crashes.ipynb", "saboteur.ipynb", "rewritten_tests.ipynb",
    "patched_checker.ipynb", "shadowed_builtins.ipynb", "equals_anything.ipynb",
    "solutions_from_disk.ipynb", "forged_results.ipynb", "hidden_into_feedback.ipynb",
    "huge_output.ipynb", "fresh_notebook.ipynb", "Untitled1.ipynb", "my homework (final).ipynb",
    "a b.ipynb", "a_b.ipynb", "other_assignment.ipynb", "zip_bomb.zip", "two_notebooks.zip",
    "with_the_lesson.zip", "with_other_work.zip", "nothing_matches.zip", "named_in_zip.zip",
    "corrupt_in_zip.zip", "corrupt.ipynb", "empty.ipynb", "list.ipynb", "binary.ipynb",
    "corrupt.zip", "essay.pdf",
]  # fmt: skip


@pytest.mark.parametrize("student", CASES)
def test_slow_redteam_exact_score_and_status(batch, student):
    expected, status = batch["cases"][student]
    honest, row = batch["rows"]["honest.ipynb"], batch["rows"][student]
    want = {q: float(honest[q]) if q in expected else 0.0 for q in batch["questions"]}
    assert {q: float(row[q]) for q in batch["questions"]} == want, row
    assert float(row["total"]) == pytest.approx(sum(want.values()), abs=0.011)
    assert _matches(row["status"], status), row["status"]


def test_slow_no_cheat_scores_above_its_notebook_without_the_cheat(batch):
    rows = batch["rows"]
    for student, (expected, _) in batch["cases"].items():
        base = rows["honest.ipynb"] if expected else rows["blank.ipynb"]
        assert float(rows[student]["total"]) <= float(base["total"]), student


def test_slow_nothing_changed_in_the_submissions_or_the_repository(batch):
    assert batch["before"][0] == batch["after"][0], "a submission changed the submissions folder"
    assert batch["before"][1] == batch["after"][1], "a submission changed assignments/"
    assert not (ROOT / "assignments" / "pwned").exists()
    assert not (ROOT / "helpers" / "pwned.py").exists()


def test_slow_no_background_process_survives_the_batch(batch):
    assert "sleep 4242" not in batch["leftovers"] and "4243" not in batch["leftovers"]


def test_slow_planted_directories_do_not_stop_the_results(batch):
    out = batch["out"]
    assert (out / "grades.csv").is_dir() and (out / "grades-1.csv").is_file()
    assert (out / "feedback" / "honest.ipynb-1.md").is_file()


def test_slow_feedback_is_unique_per_submission_and_holds_no_hidden_test(batch):
    feedback = batch["out"] / "feedback"
    files = [p for p in feedback.glob("*.md") if p.is_file()]
    assert len(files) == len(batch["rows"])
    texts = {p.name: p.read_text(encoding="utf-8") for p in files}
    mine = [t for t in texts.values() if "Submission: `a b.ipynb`" in t]
    theirs = [t for t in texts.values() if "Submission: `a_b.ipynb`" in t]
    assert len(mine) == 1 and len(theirs) == 1 and mine[0] != theirs[0]
    secret = grade.hidden_code(
        ROOT / "assignments" / "release" / NAME / "autograder" / f"{NAME}-autograder.zip"
    )
    for name, text in texts.items():
        assert not any(code in text for code in secret), name
        assert "assert " not in text and "Traceback" not in text and "environ" not in text, name
        assert "PATH" not in text and "HOME" not in text, name
