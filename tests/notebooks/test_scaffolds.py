"""Scaffolds come before they are needed, and student-visible code has no unexplained tricks.

1. No ``lambda`` and no conditional expression (``a if c else b``) in a code cell that students
   see (lessons and student assignments), unless the markdown right above the cell explains it
   by name.
2. What a worked answer (a lesson's ``<details>``) or a solution line (an assignment master's
   ``# SOLUTION``) uses of ``groupby``, ``merge`` or plotting (``plt.subplots``), students have
   seen run before: in an earlier code cell of the same notebook, or, for an assignment, in a
   code cell of the lessons it builds on (``metadata.assignment.lessons``).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
STUDENT = sorted((ROOT / "assignments" / "release").glob("*/student/*.ipynb"))
MASTERS = sorted((ROOT / "assignments" / "source").glob("*.ipynb"))
CONSTRUCTS = {
    "groupby": re.compile(r"\.groupby\("),
    "merge": re.compile(r"\.merge\(|pd\.merge\("),
    "plotting": re.compile(r"plt\.subplots\("),
}
DETAILS_CODE = re.compile(r"<details>.*?```python\n(.*?)```", re.DOTALL)


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _src(cell: dict) -> str:
    return "".join(cell["source"])


def tricks(code: str) -> list[str]:
    """The lambdas and conditional expressions in ``code``."""
    try:
        tree = ast.parse(code)
    except SyntaxError:  # a cell with a blank for the student
        return []
    found = {ast.Lambda: "lambda", ast.IfExp: "conditional expression"}
    return [
        name for node in ast.walk(tree) for kind, name in found.items() if isinstance(node, kind)
    ]


def used(code: str) -> set[str]:
    return {name for name, pattern in CONSTRUCTS.items() if pattern.search(code)}


def test_the_checks_see_what_they_look_for():
    assert tricks("f = lambda x: x\ny = 1 if f(0) else 2") == ["lambda", "conditional expression"]
    assert tricks("y = ...") == [] and tricks("for x in") == []
    assert used('df.groupby("a").size()\nfig, ax = plt.subplots()') == {"groupby", "plotting"}


@pytest.mark.parametrize("path", LESSONS + STUDENT, ids=lambda p: p.stem)
def test_no_unexplained_lambda_or_conditional_expression(path):
    cells, bad = _cells(path), []
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        above = _src(cells[i - 1]).lower() if i else ""
        for name in tricks(_src(cell)):
            if name not in above:
                bad.append(f"cell {i}: {name}")
    assert not bad, f"{path.name}: {bad}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_worked_answers_use_only_what_was_run_before(path):
    seen: set[str] = set()
    missing = []
    for i, cell in enumerate(_cells(path)):
        text = _src(cell)
        if cell["cell_type"] == "code":
            seen |= used(text)
        else:
            for code in DETAILS_CODE.findall(text):
                missing += [f"cell {i}: {name}" for name in used(code) - seen]
    assert not missing, f"{path.name}: first seen in a worked answer: {missing}"


@pytest.mark.parametrize("path", MASTERS, ids=lambda p: p.stem)
def test_solutions_use_only_what_students_have_run(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    for lesson in nb["metadata"]["assignment"]["lessons"]:
        for cell in _cells(ROOT / "notebooks" / lesson):
            if cell["cell_type"] == "code":
                seen |= used(_src(cell))
    missing = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        lines = _src(cell).splitlines()
        solution = "\n".join(line for line in lines if "# SOLUTION" in line)
        missing += [f"cell {i}: {name}" for name in used(solution) - seen]
        seen |= used("\n".join(line for line in lines if "# SOLUTION" not in line))
    assert not missing, f"{path.name}: first seen in a solution: {missing}"
