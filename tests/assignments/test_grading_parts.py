"""The parts of scripts/grade.py that need no sandbox: matching by content, intake, statuses,
the merge of re-runs, the batch evaluator and the progress bar (a few seconds; no bubblewrap).

The sandboxed behaviour (cheats, crashes, hangs, exact scores) is in test_grading_redteam.py.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest
from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import grade  # noqa: E402
from grading import intake, sandbox  # noqa: E402

RELEASE = ROOT / "assignments" / "release"
NAMES = sorted(p.name for p in RELEASE.iterdir() if (p / "student").is_dir())


def student(name: str) -> dict:
    return json.loads((RELEASE / name / "student" / f"{name}.ipynb").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def profiles():
    return grade.profiles_of_release()


# --- matching by content ------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_each_student_notebook_is_its_own_assignment_and_no_other(profiles, name):
    scores = profiles.scores(student(name))
    assert scores[name] >= 0.95, scores
    assert all(v < 0.1 for k, v in scores.items() if k != name), scores
    assert profiles.other_assignment(student(name), name) is None
    for other in NAMES:
        if other != name:
            assert profiles.other_assignment(student(name), other) == name
            assert not profiles.matches(student(name), other)


@pytest.mark.parametrize("name", NAMES)
def test_code_cells_copied_into_a_fresh_notebook_still_match(profiles, name):
    nb = student(name)
    fresh = {"cells": [c for c in nb["cells"] if c["cell_type"] == "code"], "metadata": {}}
    assert profiles.matches(fresh, name)
    assert profiles.scores(fresh)[name] >= 0.5


def test_a_lesson_or_an_empty_notebook_is_no_assignment(profiles):
    lesson = json.loads((ROOT / "notebooks" / "03_trade_energy.ipynb").read_text(encoding="utf-8"))
    for nb in (lesson, {"cells": []}):
        assert not any(profiles.matches(nb, name) for name in NAMES)
        assert all(profiles.other_assignment(nb, name) is None for name in NAMES)


def test_names_are_read_from_code_even_with_magics_and_syntax_errors():
    from grading import match

    code = ["%matplotlib inline\nx, y = 1, 2\n!ls", "z = (1,\nw = 3"]
    assert match.assigned_names(code) == {"x", "y", "z", "w"}


# --- intake -------------------------------------------------------------------------------------
def _zip(path, members: dict[str, str]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def test_a_zip_gives_the_notebook_that_matches(tmp_path, profiles):
    a, b = NAMES[0], NAMES[1]
    path = _zip(tmp_path / "s.zip", {"x/mine.ipynb": json.dumps(student(a)),
                                     "other.ipynb": json.dumps(student(b))})  # fmt: skip
    problem, name, data, note = intake.notebook_of(path, a, profiles)
    assert problem is None and name == "mine.ipynb" and json.loads(data) == student(a)
    assert note == f"graded mine.ipynb of the 2 notebooks in the zip (the only one that is {a})"
    problem, name, data, note = intake.notebook_of(path, b, profiles)
    assert problem is None and name == "other.ipynb"


def test_a_zip_of_two_matching_notebooks_is_flagged_unless_one_is_named_after_it(
    tmp_path, profiles
):
    a = NAMES[0]
    text = json.dumps(student(a))
    path = _zip(tmp_path / "two.zip", {"v1.ipynb": text, "v2.ipynb": text})
    problem, _, data, _ = intake.notebook_of(path, a, profiles)
    assert (
        problem
        == f"two_notebooks: v1.ipynb, v2.ipynb all look like {a}; ask the student which to grade"
    )
    assert data == b""
    path = _zip(tmp_path / "named.zip", {"v1.ipynb": text, f"{a}.ipynb": text})
    problem, name, _, note = intake.notebook_of(path, a, profiles)
    assert problem is None and name == f"{a}.ipynb" and "named after the assignment" in note


def test_a_notebook_of_another_assignment_is_not_graded(tmp_path, profiles):
    a, b = NAMES[0], NAMES[2]
    path = tmp_path / f"{a}.ipynb"  # named after this assignment, but holds another's work
    path.write_text(json.dumps(student(b)), encoding="utf-8")
    problem, *_ = intake.notebook_of(path, a, profiles)
    assert problem == f"wrong_assignment: by its content this is {b}, not {a}"


def test_an_old_format_notebook_is_converted(tmp_path):
    code = {"cell_type": "code", "input": "x = 1", "language": "python", "outputs": []}
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [code]}]}
    path = tmp_path / "old.ipynb"
    path.write_text(json.dumps(v3), encoding="utf-8")
    problem, name, data, _ = intake.notebook_of(path, "a")
    assert problem is None and name == "old.ipynb"
    nb = nbformat.reads(data.decode(), as_version=4)
    assert [c.source for c in nb.cells] == ["x = 1"]


@pytest.mark.parametrize(
    "content, status",
    [
        (b"", "corrupt: the file is empty"),
        (b"  \n", "corrupt: the file is empty"),
        (b'{"cells": [', "corrupt: not valid notebook JSON (line 1, column 12): damaged or cut short"),  # noqa: E501
        (b'{"cells": 3}', "corrupt: JSON, but not a notebook (no list of cells)"),
        (b"\xff\xfe\x00", "corrupt: not a notebook (not UTF-8 text)"),
    ],
)  # fmt: skip
def test_a_corrupt_file_says_what_is_wrong(tmp_path, content, status):
    path = tmp_path / "x.ipynb"
    path.write_bytes(content)
    assert intake.notebook_of(path, "a")[0] == status


# --- statuses and the merge of re-runs ----------------------------------------------------------
def run(*records, **kw) -> sandbox.Run:
    return sandbox.Run(records=list(records), **kw)


def test_a_finished_run_is_ok_or_says_which_cells_were_stopped():
    assert (
        grade.run_status([run({"start": 0}, {"done": 1, "stopped": [], "exits": []})], 5, 60)
        == "ok"
    )
    stopped = run({"start": 0}, {"done": 1, "stopped": [0], "exits": [0]})
    assert grade.run_status([stopped], 5, 60) == (
        "timeout: 1 cell(s) stopped after 5 s; exit() in code cell 1 was ignored; every cell ran"
    )


def test_a_crash_then_a_finished_rerun_names_the_cell_left_out():
    first = run({"start": 0}, {"cell": 0, "values": {}}, {"start": 1})
    second = run({"start": 0}, {"skip": 1}, {"start": 2}, {"done": 3, "stopped": [], "exits": []})
    assert grade.run_status([first, second], 5, 60) == (
        "crashed: the run died in code cell 2 (os._exit, a kill, a crash); "
        "graded on a re-run without code cell 2"
    )
    stuck = run({"start": 0}, stuck=0)
    assert grade.run_status([stuck], 5, 60) == (
        "timeout: code cell 1 did not stop after 5 s and was killed; graded on what ran"
    )
    flood = run({"start": 4}, too_much_output=True)
    assert grade.run_status([flood], 5, 60).startswith(
        "too_much_output: flooded the grader in code cell 5"
    )


def test_later_runs_replace_earlier_values_and_deleted_names_are_dropped():
    first = run({"cell": 0, "values": {"a": {"t": "v", "v": 1}, "b": {"t": "v", "v": 2}}})
    second = run({"cell": 0, "values": {"a": {"t": "v", "v": 3}}},
                 {"cell": 1, "values": {"c": {"t": "v", "v": 4}}},
                 {"cell": 2, "values": {"c": {"t": "deleted"}}})  # fmt: skip
    assert grade.latest_values([first, second]) == {
        "a": {"t": "v", "v": 3},
        "b": {"t": "v", "v": 2},
    }


# --- the batch evaluator and the progress bar ---------------------------------------------------
TESTS = [
    {
        "name": "q1",
        "points": 2.0,
        "cases": [">>> assert x == 1, 'Look at x.'\n", ">>> assert isinstance(x, int)\n"],
    }
]


def test_one_evaluator_answers_many_requests_and_restarts_after_a_failure():
    evaluator = grade.Evaluator(timeout=60)
    try:
        assert evaluator({"x": {"t": "v", "v": 1}}, TESTS)["q1"]["score"] == 2.0
        pid = evaluator.proc.pid
        got = evaluator({"x": {"t": "v", "v": 5}}, TESTS)["q1"]
        assert got == {"score": 1.0, "messages": ["Look at x."]}
        assert evaluator.proc.pid == pid  # the same process: the imports are paid once
        # a value the evaluator cannot rebuild is left undefined: its checks fail, nothing crashes
        got = evaluator({"x": {"t": "pickle", "v": "gASV"}}, TESTS)["q1"]
        assert got["score"] == 0.0
        evaluator.proc.kill()
        evaluator.proc.wait()
        assert evaluator({"x": {"t": "v", "v": 1}}, TESTS)["q1"]["score"] == 2.0
        assert evaluator.proc.pid != pid
        # the one-shot evaluator gives the same answers
        assert grade.evaluate({"x": {"t": "v", "v": 1}}, TESTS) == evaluator(
            {"x": {"t": "v", "v": 1}}, TESTS
        )
    finally:
        evaluator.close()


def test_progress_bar_writes_a_line_per_submission_when_not_a_terminal():
    stream = io.StringIO()
    bar = grade.Progress(4, 2, stream)
    bar.step("a.ipynb", 19, 19, "ok")
    bar.step("b.zip", 0, 19, "corrupt: the file is empty")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("[######                  ] 1/4 ")
    assert lines[1].startswith("[############            ] 2/4 ")
    assert lines[1].endswith("b.zip: 0/19 (corrupt: the file is empty)")


# --- the font cache, built once per batch (needs bubblewrap) ----------------------------------
@pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")
def test_the_font_cache_is_built_in_a_sandbox_and_used_in_each(tmp_path):
    fonts = sandbox.font_cache(tmp_path)
    assert fonts is not None and fonts.name.startswith("fontlist-v")
    cache = json.loads(fonts.read_text(encoding="utf-8"))
    assert len(cache["ttflist"]) > 3
    # a cache cut down to 3 fonts: a sandbox that uses it (and does not rebuild it) sees 3 fonts
    cache["ttflist"] = cache["ttflist"][:3]
    (tmp_path / "cut").mkdir()
    cut = tmp_path / "cut" / fonts.name
    cut.write_text(json.dumps(cache), encoding="utf-8")
    nb = tmp_path / "e.ipynb"
    nb.write_text('{"cells": []}', encoding="utf-8")
    nb_fd, font_fd = os.open(nb, os.O_RDONLY), os.open(cut, os.O_RDONLY)
    try:
        argv = sandbox.command(nb_fd, nb.name, [], 60, 120, 1, (), font_fd, cut.name)
        code = "import matplotlib.font_manager as fm\nprint(len(fm.fontManager.ttflist))"
        argv = argv[: argv.index("-I") + 1] + ["-c", code]
        proc = subprocess.run(argv, pass_fds=(nb_fd, font_fd), capture_output=True, text=True)
    finally:
        os.close(nb_fd)
        os.close(font_fd)
    assert proc.stdout.split() == ["3"], proc.stderr[-1000:]
