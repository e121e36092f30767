"""No lesson's check cell shows its answer: checks.ex_N_k(answer) with plain names only.

A check cell is a code cell that calls ``checks.ex_...``. It may import the topic's checks and
call the check with the student's variables (a name, or a tuple of names); any string or number
literal, list, dict or keyword argument in it could be an expected answer, an options list or an
explanation, and fails the test. Every ``### Exercise N.k`` heading must be followed by such a
cell calling ``ex_N_k`` (``ex_N_k_<part>`` for a second tier), which exists in the topic's
``checks.py``.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TOPICS = {0: "relations", 1: "ledger", 2: "triangle", 3: "trade", 4: "alliances", 5: "argument"}
PRIMITIVES = {"check_number", "check_choice", "check_set", "check_with", "check_mapping"}


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _ex_calls(tree: ast.AST) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "checks"
        and node.func.attr.startswith("ex_")
    ]


def _plain(arg: ast.expr) -> bool:
    if isinstance(arg, ast.Name):
        return True
    return isinstance(arg, ast.Tuple) and all(isinstance(e, ast.Name) for e in arg.elts)


def literal_problems(source: str) -> list[str]:
    """What in a check cell could give an answer away (empty when the cell is clean)."""
    tree = ast.parse(source)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            problems.append(f"literal {node.value!r} (line {node.lineno})")
        elif isinstance(node, (ast.List, ast.Dict, ast.Set, ast.JoinedStr)):
            problems.append(f"{type(node).__name__.lower()} display (line {node.lineno})")
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in PRIMITIVES:
                problems.append(f"{name}(...) with its expected answer (line {node.lineno})")
    for call in _ex_calls(tree):
        if call.keywords or len(call.args) != 1 or not _plain(call.args[0]):
            problems.append(f"checks.{call.func.attr}(...) must take the answer's name only")
    return problems


def _check_cells(path: Path) -> list[tuple[int, str]]:
    found = []
    for i, cell in enumerate(_cells(path)):
        if cell["cell_type"] == "code" and "checks.ex_" in _source(cell):
            found.append((i, _source(cell)))
    return found


def test_the_detector_flags_literal_answers():
    assert literal_problems("checks.ex_3_2(rate_2027)") == []
    assert literal_problems("from helpers.trade import checks\n\nchecks.ex_3_2(rate)") == []
    assert literal_problems("checks.ex_4_2((grey_cambon, grey_cambon_score))") == []
    assert literal_problems("checks.ex_3_2(0.0927)")
    assert literal_problems('checks.ex_1_2(wrong_word, "October")')
    assert literal_problems("checks.ex_1_3(gap, expected=26.7)")
    assert literal_problems('checks.ex_3_1(goal, options=["none"])')
    assert literal_problems('right = {"defense": 0}\nchecks.ex_4_2(right)')
    assert literal_problems("check_number(gap, months)\nchecks.ex_1_3(gap)")
    assert literal_problems("checks.ex_2_2(us_pivot if us_pivot else (1, 1, -1))")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_check_cells_hold_no_literal_answer(path):
    cells = _check_cells(path)
    assert cells, f"{path.name}: no check cell calls checks.ex_..."
    for index, source in cells:
        problems = literal_problems(source)
        assert not problems, f"{path.name}, cell {index}: {'; '.join(problems)}\n{source}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_lesson_calls_a_primitive_with_its_answer(path):
    for i, cell in enumerate(_cells(path)):
        if cell["cell_type"] != "code":
            continue
        source = _source(cell)
        assert "helpers.core.feedback" not in source, f"{path.name}, cell {i}: {source}"
        used = PRIMITIVES & set(re.findall(r"\b(\w+)\(", source))
        assert not used, f"{path.name}, cell {i} calls {used}: use checks.ex_N_k(answer)"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_has_its_check(path):
    lesson = int(path.name[:2])
    module = importlib.import_module(f"helpers.{TOPICS[lesson]}.checks")
    cells = _cells(path)
    headings = [
        (i, m.group(1))
        for i, cell in enumerate(cells)
        if cell["cell_type"] == "markdown"
        for m in re.finditer(r"^### Exercise (\d+\.\d+)", _source(cell), re.M)
    ]
    assert headings, f"{path.name} has no exercises"
    for n, (start, number) in enumerate(headings):
        end = headings[n + 1][0] if n + 1 < len(headings) else len(cells)
        assert end > start, f"{path.name}: one exercise per markdown cell ({number})"
        name = "ex_" + number.replace(".", "_")
        assert int(number.split(".")[0]) == lesson, f"{path.name}: Exercise {number}"
        calls = {
            call.func.attr
            for cell in cells[start + 1 : end]
            if cell["cell_type"] == "code" and "checks.ex_" in _source(cell)
            for call in _ex_calls(ast.parse(_source(cell)))
        }
        assert name in calls, f"{path.name}: Exercise {number} has no check cell calling {name}"
        for called in calls:
            assert called == name or called.startswith(name + "_"), (path.name, number, called)
            assert callable(getattr(module, called, None)), f"{module.__name__} has no {called}"
    source = "".join(_source(c) for c in cells if c["cell_type"] == "code")
    assert f"from helpers.{TOPICS[lesson]} import checks" in source
