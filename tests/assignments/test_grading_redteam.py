# ruff: noqa: E501  (the hostile cells are kept as written)
"""Red team for scripts/grade.py: cheats, crashes, hangs and hostile files in one batch.

SLOW (about 3-5 minutes): releases assignment 03, builds ~30 submissions from its solution and
its blank student notebook, each with one hostile cell or file, grades them in one batch (2 jobs)
and checks each row's exact points and status. Scores are compared with the honest solution's
row of the same batch (question by question), so the suite does not depend on the data.
Needs bubblewrap (``make sandbox``); skipped without it.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
import time
import zipfile

import nbformat
import pytest
from support import ROOT

NAME = "03_alliance_or_not"
PY = sys.executable
QUESTIONS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
KEPT = QUESTIONS[:3]  # a hostile cell placed after grader.check("q3") costs q4-q7 at most
TIMEOUT, CELL_TIMEOUT = 60, 5

sys.path.insert(0, str(ROOT / "scripts"))
import grade  # noqa: E402
import release  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")


def cell(source: str):
    return nbformat.v4.new_code_cell(source)


def after_q3(nb, source: str):
    """A copy of ``nb`` with a code cell inserted right after ``grader.check("q3")``."""
    nb = nbformat.from_dict(nb)
    at = next(i for i, c in enumerate(nb.cells) if 'grader.check("q3")' in c.source)
    nb.cells.insert(at + 1, cell(source))
    return nb


def at_end(nb, source: str):
    nb = nbformat.from_dict(nb)
    nb.cells.append(cell(source))
    return nb


SABOTEUR = """
import os, shutil
for top in (os.path.expanduser("~"), "..", "/tmp", "/work/main/data", "/work/main/helpers"):
    for root, dirs, files in os.walk(top):
        if root.startswith(("/proc", "/sys", "/dev")):
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
READ_SOLUTIONS = """
import helpers, pathlib, json
root = pathlib.Path(helpers.__file__).resolve().parents[1]
for path in [root / "assignments" / "source" / "03_alliance_or_not.ipynb", *root.rglob("*autograder*")]:
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
BACKGROUND = """
import os, subprocess, time
subprocess.Popen(["sleep", "4242"], start_new_session=True)
if os.fork() == 0:
    time.sleep(4243)
    os._exit(0)
"""


def build(folder, solution, blank):
    """Write every red-team submission into ``folder``; return {file: (expected, status)}.

    ``expected`` is "honest" (every question as the honest solution), "kept" (q1-q3 as honest,
    the rest 0) or "zero". ``status`` is the exact status, or its start followed by "*".
    """
    cases = {}

    def nb_case(name, nb, expected, status):
        nbformat.write(nb, folder / name)
        cases[name] = (expected, status)

    nb_case("honest.ipynb", solution, "honest", "ok")
    nb_case("blank.ipynb", blank, "zero", "ok")
    stopped = f"timeout: 1 cell(s) stopped after {CELL_TIMEOUT} s"
    nb_case("loop.ipynb", after_q3(solution, "while True:\n    pass"), "honest", stopped)
    nb_case("sleep.ipynb", after_q3(solution, "import time\ntime.sleep(10**6)"), "honest", stopped)
    hard = f"timeout: still running after {TIMEOUT} s, stopped in cell *"
    ignore = "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass"
    nb_case("loop_ignoring_alarm.ipynb", after_q3(solution, ignore), "kept", hard)
    block = "import signal, time\nsignal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
    nb_case("c_level_sleep.ipynb", after_q3(solution, block + "time.sleep(10**6)"), "kept", hard)
    nb_case("background.ipynb", after_q3(solution, BACKGROUND), "honest", "ok")
    memory = "x = bytearray(64 * 2**30)"
    nb_case("memory.ipynb", after_q3(solution, memory), "honest", "ok")
    exit_ = "exit: exit() in cell *"
    nb_case("exit.ipynb", after_q3(solution, "exit()"), "honest", exit_)
    crashed = "crashed: the run died in cell *"
    nb_case("os_exit.ipynb", after_q3(solution, "import os\nos._exit(0)"), "kept", crashed)
    kill = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"
    nb_case("kernel_death.ipynb", after_q3(solution, kill), "kept", crashed)
    nb_case("saboteur.ipynb", at_end(solution, SABOTEUR), "honest", "ok")
    nb_case("rewritten_tests.ipynb", at_end(blank, REWRITE_TESTS), "zero", "ok")
    nb_case("patched_checker.ipynb", at_end(blank, PATCH_CHECKER), "zero", "ok")
    # with these builtins patched the cell does not return (IPython breaks): it is stopped
    nb_case("shadowed_builtins.ipynb", at_end(blank, BUILTINS), "zero", stopped)
    nb_case("equals_anything.ipynb", at_end(blank, EQUALS_ANYTHING), "zero", "ok")
    nb_case("solutions_from_disk.ipynb", at_end(blank, READ_SOLUTIONS), "zero", "ok")
    nb_case("forged_results.ipynb", at_end(blank, FORGE), "zero", "*")
    nb_case("hidden_into_feedback.ipynb", at_end(blank, PRINT_HIDDEN), "zero", "ok")
    huge = 'for i in range(20_000):\n    print("x" * 5000)'
    nb_case("huge_output.ipynb", at_end(solution, huge), "honest", "ok")
    fresh = nbformat.v4.new_notebook()
    fresh.cells = [cell(c.source) for c in solution.cells if c.cell_type == "code"]
    nb_case("fresh_notebook.ipynb", fresh, "honest", "ok")
    nb_case("my homework (final).ipynb", solution, "honest", "ok")
    nb_case("a b.ipynb", solution, "honest", "ok")  # same feedback name as a_b.ipynb
    nb_case("a_b.ipynb", blank, "zero", "ok")

    with zipfile.ZipFile(folder / "zip_bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(f"{NAME}.ipynb", "w") as fh:
            chunk = b"\0" * 2**20
            for _ in range(300):
                fh.write(chunk)
    cases["zip_bomb.zip"] = ("zero", "too_large")
    with zipfile.ZipFile(folder / "two_notebooks.zip", "w") as zf:
        zf.writestr("draft.ipynb", nbformat.writes(solution))
        zf.writestr("final.ipynb", nbformat.writes(solution))
    cases["two_notebooks.zip"] = ("zero", "two_notebooks")
    with zipfile.ZipFile(folder / "named_in_zip.zip", "w") as zf:
        zf.writestr(f"{NAME}.ipynb", nbformat.writes(solution))
        zf.writestr("scratch.ipynb", nbformat.writes(blank))
    cases["named_in_zip.zip"] = ("honest", "ok")
    (folder / "corrupt.ipynb").write_text('{"cells": [', encoding="utf-8")
    cases["corrupt.ipynb"] = ("zero", "corrupt")
    (folder / "corrupt.zip").write_bytes(b"PK\x03\x04" + b"\x07" * 200)
    cases["corrupt.zip"] = ("zero", "corrupt")
    (folder / "essay.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    cases["essay.pdf"] = ("zero", "not_a_notebook")
    return cases


def tree_hash(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    rel = tmp_path_factory.mktemp("release")
    error = release.release_one(ROOT / "assignments" / "source" / f"{NAME}.ipynb", rel, 900, True)
    assert error is None, error
    solution = nbformat.read(rel / NAME / "solution" / f"{NAME}.ipynb", as_version=4)
    blank = nbformat.read(rel / NAME / "student" / f"{NAME}.ipynb", as_version=4)
    subs = tmp_path_factory.mktemp("submissions")
    cases = build(subs, solution, blank)
    out = tmp_path_factory.mktemp("results")
    (out / "grades.csv").mkdir()  # planted where the results go
    (out / "feedback" / "honest.ipynb.md").mkdir(parents=True)
    before = (tree_hash(subs), tree_hash(ROOT / "assignments"))
    start = time.monotonic()
    proc = subprocess.run(
        [PY, "scripts/grade.py", str(subs), NAME, "--out", str(out), "--jobs", "2",
         "--timeout", str(TIMEOUT), "--cell-timeout", str(CELL_TIMEOUT)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    seconds = time.monotonic() - start
    after = (tree_hash(subs), tree_hash(ROOT / "assignments"))
    leftovers = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    with open(out / "grades-1.csv", encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    return {
        "cases": cases, "rows": rows, "proc": proc, "out": out, "seconds": seconds,
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
    assert all(float(honest[q]) > 0 for q in QUESTIONS), honest


def _matches(status: str, pattern: str) -> bool:
    return status.startswith(pattern[:-1]) if pattern.endswith("*") else status == pattern


CASES = [
    "blank.ipynb", "loop.ipynb", "sleep.ipynb", "loop_ignoring_alarm.ipynb",
    "c_level_sleep.ipynb", "background.ipynb", "memory.ipynb", "exit.ipynb", "os_exit.ipynb",
    "kernel_death.ipynb", "saboteur.ipynb", "rewritten_tests.ipynb", "patched_checker.ipynb",
    "shadowed_builtins.ipynb", "equals_anything.ipynb", "solutions_from_disk.ipynb",
    "forged_results.ipynb", "hidden_into_feedback.ipynb", "huge_output.ipynb",
    "fresh_notebook.ipynb", "my homework (final).ipynb", "a b.ipynb", "a_b.ipynb",
    "zip_bomb.zip", "two_notebooks.zip", "named_in_zip.zip", "corrupt.ipynb", "corrupt.zip",
    "essay.pdf",
]  # fmt: skip


@pytest.mark.parametrize("student", CASES)
def test_slow_redteam_exact_score_and_status(batch, student):
    expected, status = batch["cases"][student]
    honest, row = batch["rows"]["honest.ipynb"], batch["rows"][student]
    want = {
        q: float(honest[q]) if expected == "honest" or (expected == "kept" and q in KEPT) else 0.0
        for q in QUESTIONS
    }
    assert {q: float(row[q]) for q in QUESTIONS} == want, row
    assert float(row["total"]) == pytest.approx(sum(want.values()), abs=0.011)
    assert _matches(row["status"], status), row["status"]


def test_slow_no_cheat_scores_above_its_notebook_without_the_cheat(batch):
    rows = batch["rows"]
    for student, (expected, _) in batch["cases"].items():
        base = rows["blank.ipynb"] if expected == "zero" else rows["honest.ipynb"]
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
