"""The graded assignments: master notebooks, the student release, grading, the objectives map.

SLOW: the tests named ``test_slow_*`` run ``otter assign`` on every assignment, execute the
blank student notebooks and grade sample submissions with ``otter run`` (about 4-6 minutes in
all). They are part of ``make test``; deselect them while editing with ``-k "not slow"``.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest
import yaml
from support import ROOT

SOURCE = ROOT / "assignments" / "source"
RELEASE = ROOT / "assignments" / "release"
NAMES = sorted(p.stem for p in SOURCE.glob("*.ipynb"))
MARKERS = ("# SOLUTION", "BEGIN SOLUTION", "END SOLUTION", "# HIDDEN", "SOLUTION NO PROMPT")
PY = sys.executable

sys.path.insert(0, str(ROOT / "scripts"))
import grade  # noqa: E402
import release  # noqa: E402


# --- reading the master notebooks -----------------------------------------------------------------
def questions(name: str) -> list[dict]:
    """Each question of a master notebook: config, solution cells, public and hidden tests."""
    nb = nbformat.read(SOURCE / f"{name}.ipynb", as_version=4)
    found, current, mode = [], None, None
    for cell in nb.cells:
        text = cell.source.strip()
        if cell.cell_type == "raw" and text.startswith("# BEGIN QUESTION"):
            conf = yaml.safe_load(text.split("\n", 1)[1])
            current = {"conf": conf, "solution": [], "public": [], "hidden": []}
            found.append(current)
        elif cell.cell_type == "raw" and text in ("# BEGIN SOLUTION", "# BEGIN TESTS"):
            mode = text.split()[-1]
        elif cell.cell_type == "raw" and text.startswith("# END"):
            mode = None
        elif current is not None and mode == "SOLUTION":
            current["solution"].append(cell.source)
        elif current is not None and mode == "TESTS":
            key = "hidden" if text.startswith("# HIDDEN") else "public"
            current[key].append(text)
    return found


def solution_lines(name: str) -> list[str]:
    """Distinctive solution code (lines marked # SOLUTION) and the start of each sample answer.

    Code that the question's own prompt shows students (as a hint) is left out.
    """
    nb = nbformat.read(SOURCE / f"{name}.ipynb", as_version=4)
    shown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    lines = []
    for q in questions(name):
        for text in q["solution"]:
            if q["conf"].get("manual"):
                lines.append(" ".join(text.split())[:80])
            for line in text.splitlines():
                if line.rstrip().endswith(("# SOLUTION", "# SOLUTION NO PROMPT")):
                    code = line.split("# SOLUTION")[0].strip()
                    code = code.split("=", 1)[1].strip() if " = " in code else code
                    if len(code) >= 20 and code not in shown:
                        lines.append(code)
    return lines


def hidden_asserts(name: str) -> list[str]:
    """The condition of every hidden assert, as written and as otter writes it (ast.unparse)."""
    found = []
    for q in questions(name):
        for test in q["hidden"]:
            for node in ast.walk(ast.parse(test)):
                if isinstance(node, ast.Assert):
                    found.append(ast.get_source_segment(test, node.test))
                    found.append(ast.unparse(node.test))
    return found


# --- fast checks on the sources and the committed release -----------------------------------------
def test_there_are_three_assignments_with_a_release_each():
    assert NAMES == ["01_trade_in_numbers", "02_coding_the_triangle", "03_alliance_or_not"]
    assert sorted(p.name for p in RELEASE.iterdir() if p.is_dir()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_autograded_question_has_public_and_hidden_assert_tests(name):
    qs = questions(name)
    auto = [q for q in qs if not q["conf"].get("manual")]
    assert len(auto) >= 6 if name.startswith("01") else len(auto) >= 5
    assert any(q["conf"].get("manual") for q in qs), f"{name}: no free-response question"
    for q in auto:
        label = f"{name} {q['conf']['name']}"
        assert q["public"] and q["hidden"], f"{label}: needs public and hidden tests"
        for test in q["public"] + q["hidden"]:
            code = [ln for ln in test.splitlines() if ln.strip() and not ln.startswith("#")]
            for line in code:
                assert line.startswith(("assert ", "import ", "    ", "'", '"')), (label, line)
            asserts = [ln for ln in code if ln.startswith("assert ")]
            assert asserts, f"{label}: a test without an assert"
            for line in asserts:
                assert re.search(r", [\"']", line) or line.endswith("\\"), (
                    f"{label}: every assert needs a feedback message: {line}"
                )
    for q in qs:
        if q["conf"].get("manual"):
            assert not q["public"] and not q["hidden"], f"{name}: a manual question with tests"


@pytest.mark.parametrize("name", NAMES)
def test_master_notebook_starts_with_the_assignment_config(name):
    nb = nbformat.read(SOURCE / f"{name}.ipynb", as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "raw" and first.source.startswith("# ASSIGNMENT CONFIG")
    conf = yaml.safe_load(first.source)
    assert conf["name"] == name and conf["check_all_cell"] is True
    # a sanity range: tests/notebooks/test_time_model.py holds the minutes to the time model
    assert 45 <= nb.metadata["assignment"]["minutes"] <= 150


@pytest.mark.parametrize("name", NAMES)
def test_student_release_holds_no_solution_and_no_hidden_test(name):
    folder = RELEASE / name / "student"
    assert [p.name for p in folder.iterdir()] == [f"{name}.ipynb"]
    raw = (folder / f"{name}.ipynb").read_text(encoding="utf-8")
    nb = nbformat.reads(raw, as_version=4)
    places = [("metadata", json.dumps(nb.metadata, ensure_ascii=False))]
    places += [(f"cell {i}", c.source + json.dumps(c.metadata)) for i, c in enumerate(nb.cells)]
    for where, text in places:
        for marker in MARKERS:
            assert marker not in text, f"{name}, {where}: contains {marker!r}"
    for code in solution_lines(name):
        assert code not in raw, f"{name}: the student notebook contains solution code {code!r}"
    for line in hidden_asserts(name):
        assert line not in raw, f"{name}: the student notebook contains a hidden test {line!r}"
    public = json.dumps(nb.metadata["otter"]["tests"])
    assert '"hidden": true' not in public and '"hidden": false' in public
    export = [c for c in nb.cells if c.cell_type == "code" and "grader.export(" in c.source]
    assert len(export) == 1 and "nbval-skip" in export[0].metadata.get("tags", [])
    assert f'otter.Notebook("{name}.ipynb")' in nb.cells[0].source


@pytest.mark.parametrize("name", NAMES)
def test_autograder_zip_holds_every_autograded_question(name):
    path = RELEASE / name / "autograder" / f"{name}-autograder.zip"
    with zipfile.ZipFile(path) as zf:
        tests = {n for n in zf.namelist() if n.startswith("tests/")}
    auto = [q["conf"]["name"] for q in questions(name) if not q["conf"].get("manual")]
    assert tests == {f"tests/{q}.py" for q in auto}
    cases = grade.test_cases(path)
    hidden = "\n".join(c["code"] for c in cases if c["hidden"])
    public = "\n".join(c["code"] for c in cases if not c["hidden"])
    for cond in hidden_asserts(name)[1::2]:
        assert cond in hidden and cond not in public, cond
    secret = grade.hidden_code(path)
    for line in hidden.replace(">>> ", "").splitlines():
        assert len(line.strip()) <= 12 or line.strip() in secret, line


def test_student_repository_holds_no_solution_material(tmp_path):
    dest = tmp_path / "students"
    release.student_repo(RELEASE, dest)
    assert (dest / "helpers" / "__init__.py").exists() and (dest / "data" / "sources.csv").exists()
    assert not (dest / "assignments" / "source").exists()
    assert not list(dest.rglob("*.zip")) and not (dest / "docs").exists()
    for name in NAMES:
        assert (dest / "assignments" / "release" / name / "student" / f"{name}.ipynb").exists()
    for nb in dest.rglob("*.ipynb"):
        assert "# HIDDEN" not in nb.read_text(encoding="utf-8")


def test_student_repository_refuses_a_release_with_solutions(tmp_path):
    fake = tmp_path / "release"
    (fake / "x" / "solution").mkdir(parents=True)
    with pytest.raises(SystemExit, match="holds solution notebooks"):
        release.student_repo(fake, tmp_path / "students")


def test_grade_names_the_missing_autograder():
    with pytest.raises(SystemExit, match="run `make release` first"):
        grade.autograder_zip("99_no_such_assignment")


def test_feedback_parser_keeps_messages_and_drops_code():
    output = (
        "q1 results:\n    q1 - 1 result:\n        ❌ Test case failed\n        Trying:\n"
        "            assert x == 5, 'look at the sum'\n        Exception raised:\n"
        "            AssertionError: look at the sum\n\n    q1 - 2 result:\n"
        "        ✅ Test case passed\n    q1 - 3 result:\n        ❌ Test case failed\n"
        "            assert y < 3\n            TypeError: '<' not supported\n"
    )
    assert grade.failed_messages(output) == [
        "look at the sum",
        "A check could not run on your answer (TypeError).",
    ]


def test_objectives_map_is_current():
    proc = subprocess.run(
        [PY, "scripts/objectives_map.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_objectives_map_names_every_assignment_question():
    table, problems = __import__("objectives_map").build()
    assert problems == []
    for name, number in zip(NAMES, (1, 2, 3), strict=True):
        for q in questions(name):
            assert f"A{number} {q['conf']['name']}" in table, (name, q["conf"]["name"])


# --- slow: a fresh release, the blank notebooks, grading ------------------------------------------
@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A fresh release (with the solution notebooks kept for grading) in a temporary folder."""
    out = tmp_path_factory.mktemp("release")
    proc = subprocess.run(
        [PY, "scripts/release.py", "--out", str(out), "--keep-solutions"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    return proc, out


def test_slow_otter_assign_succeeds_for_every_assignment(fresh):
    proc, out = fresh
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in NAMES:
        assert f"ok   {name}" in proc.stdout
        assert (out / name / "student" / f"{name}.ipynb").exists()
        assert (out / name / "autograder" / f"{name}-autograder.zip").exists()


def test_slow_committed_release_matches_a_fresh_release(fresh):
    _, out = fresh
    for name in NAMES:
        committed = RELEASE / name
        assert sorted(p.name for p in committed.iterdir()) == ["autograder", "student"]
        mine = json.loads((committed / "student" / f"{name}.ipynb").read_text(encoding="utf-8"))
        new = json.loads((out / name / "student" / f"{name}.ipynb").read_text(encoding="utf-8"))
        assert mine == new, f"{name}: run `make release` and commit assignments/release/"
        zips = [committed / "autograder", out / name / "autograder"]
        contents = []
        for folder in zips:
            with zipfile.ZipFile(folder / f"{name}-autograder.zip") as zf:
                contents.append({n: zf.read(n) for n in zf.namelist()})
        assert contents[0] == contents[1], f"{name}: the committed autograder zip is stale"


def test_slow_blank_student_notebooks_run_under_nbval_lax(fresh, tmp_path):
    _, out = fresh
    for name in NAMES:
        folder = tmp_path / name
        shutil.copytree(out / name / "student", folder)
    proc = subprocess.run(
        [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-current-env", *[str(tmp_path / n / f"{n}.ipynb") for n in NAMES]],
        cwd=tmp_path, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-4000:]
    assert re.search(r"\d+ passed", proc.stdout) and "failed" not in proc.stdout
    assert not list(tmp_path.rglob("*.zip")), "the export cell ran under the test"


def _fill(nb, answers: dict[str, str]):
    """Replace the answer cells that start with a key of ``answers`` by its value."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "otter_answer_cell" in cell.metadata.get("tags", []):
            for start, text in answers.items():
                if cell.source.startswith(start):
                    cell.source = text
    return nb


@pytest.fixture(scope="module")
def graded(fresh, tmp_path_factory):
    """Grade sample submissions of every assignment; return {name: (rows, feedback dir, proc)}."""
    _, out = fresh
    right = 'nato_art5 = {"defense": 1, "offense": 0, "neutrality": 0, "nonaggression": 0, '
    right += '"consultation": 0}'
    wrong = right.replace("nato_art5", "aukus")
    results = {}
    for name in NAMES:
        subs = tmp_path_factory.mktemp(f"subs-{name}")
        student = out / name / "student" / f"{name}.ipynb"
        shutil.copy2(student, subs / "blank.ipynb")
        shutil.copy2(out / name / "solution" / f"{name}.ipynb", subs / "solution.ipynb")
        if name == "03_alliance_or_not":
            variants = {
                "partial": {"nato_art5": right, "aukus": wrong},
                "raises": {"nato_art5": right, "aukus": 'raise ValueError("oops")'},
                "loops": {"nato_art5": right, "aukus": "while True:\n    pass"},
            }
            for label, answers in variants.items():
                nb = _fill(nbformat.read(student, as_version=4), answers)
                nbformat.write(nb, subs / f"{label}.ipynb")
            with zipfile.ZipFile(subs / "zipped.zip", "w") as zf:
                zf.write(subs / "partial.ipynb", f"{name}.ipynb")
        proc = subprocess.run(
            [PY, "scripts/grade.py", str(subs), name, "--timeout", "120", "--cell-timeout", "10"],
            cwd=ROOT, capture_output=True, text=True, timeout=1800,
        )  # fmt: skip
        with open(subs / "graded" / "grades.csv", encoding="utf-8") as fh:
            rows = {row["student"]: row for row in csv.DictReader(fh)}
        results[name] = (rows, subs / "graded" / "feedback", proc)
    return results


@pytest.mark.parametrize("name", NAMES)
def test_slow_blank_scores_zero_and_solution_full_marks(graded, name):
    rows, _, proc = graded[name]
    assert proc.returncode == 0, proc.stderr[-2000:]
    auto = [q for q in questions(name) if not q["conf"].get("manual")]
    possible = sum(q["conf"]["points"] for q in auto)
    assert float(rows["blank.ipynb"]["total"]) == 0
    assert float(rows["solution.ipynb"]["total"]) == possible
    assert float(rows["solution.ipynb"]["max_total"]) == possible
    for q in auto:
        assert float(rows["solution.ipynb"][q["conf"]["name"]]) == q["conf"]["points"]
    assert {r["status"] for r in rows.values()} >= {"ok"}


def test_slow_grades_csv_has_the_promised_columns(graded):
    rows, _, _ = graded["01_trade_in_numbers"]
    header = list(next(iter(rows.values())))
    qs = questions("01_trade_in_numbers")
    auto = [q["conf"]["name"] for q in qs if not q["conf"].get("manual")]
    assert header[: len(auto) + 2] == ["student", *auto, "total"]
    assert header[len(auto) + 1 :] == ["total", "max_total", "q10 (manual, 4)", "status"]
    assert rows["solution.ipynb"]["q10 (manual, 4)"] == ""


def test_slow_partial_submissions_score_in_between(graded):
    rows, _, _ = graded["03_alliance_or_not"]
    for student in ("partial.ipynb", "zipped.zip"):
        row = rows[student]
        assert 0 < float(row["total"]) < float(row["max_total"]), student
        assert float(row["q1"]) == 2 and 0 < float(row["q2"]) < 2, student
        assert row["status"] == "ok"


def test_slow_a_raising_or_looping_answer_scores_zero_on_that_question_only(graded):
    rows, _, _ = graded["03_alliance_or_not"]
    assert len(rows) == 6, "every submission in the batch is graded"
    for student in ("raises.ipynb", "loops.ipynb"):
        row = rows[student]
        assert float(row["q1"]) == 2 and float(row["q2"]) == 0, student
    assert rows["raises.ipynb"]["status"] == "ok"
    assert rows["loops.ipynb"]["status"].startswith("timeout: 1 cell(s) stopped")


def test_slow_feedback_points_where_to_look_without_test_code(graded):
    for name in NAMES:
        rows, feedback, _ = graded[name]
        files = sorted(feedback.glob("*.md"))
        assert len(files) == len(rows)
        secret = hidden_asserts(name)
        for path in files:
            text = path.read_text(encoding="utf-8")
            assert "assert " not in text and "Traceback" not in text, path.name
            assert not any(line in text for line in secret), path.name
        assert not list(feedback.parent.rglob("results.json"))
    blank = (graded["03_alliance_or_not"][1] / "blank.ipynb.md").read_text(encoding="utf-8")
    assert "Replace every ... with 0 (no) or 1 (yes)" in blank
    assert "**q1**: 0 / 2" in blank and "graded by hand" in blank


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_teaching_guide_links_resolve():
    guide = ROOT / "docs" / "teaching-guide.md"
    targets = [t for t in LINK.findall(guide.read_text(encoding="utf-8")) if "://" not in t]
    assert targets, "the guide links to the lessons"
    for target in targets:
        assert (guide.parent / target).resolve().exists(), f"broken link in the guide: {target}"


@pytest.mark.parametrize("name", NAMES)
def test_student_notebook_links_resolve_where_students_open_it(name):
    folder = RELEASE / name / "student"
    nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    targets = [t for t in LINK.findall(text) if "://" not in t]
    assert targets, f"{name}: links to its lesson"
    for target in targets:
        assert (folder / target).resolve().exists(), f"{name}: broken link {target}"
