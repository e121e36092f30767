"""No assignment's autograded answer can be read off a lesson's printed outputs.

Every answer an assignment's master solution stores (the names its ``# BEGIN SOLUTION`` cells
assign) is computed by running the master's code cells in this process, without its tests. Each
numeric value in it (a number, or the numbers inside a list, dict or Series) is then looked for in
the lessons' stored outputs: the text a student sees after running a lesson (plain text, streams,
HTML with its tags removed, markdown).

A number is "printed" when some number in an output, at the precision it is shown with, equals
the answer rounded to that precision, either as it is or as a percentage, and the output shows
at least three significant digits ("16.0" and "0.05" count as two and one). Trivial values are
tolerated: booleans, and whole numbers from -10 to 10 (counts and 0/1 codes that any table
shows); two-digit whole numbers cannot be told from coincidences and are not tested. Text
answers (a configuration, a role, a country code) come from small vocabularies that every lesson
must print; they are kept out of reach by asking about cases the lessons do not work through.
"""

from __future__ import annotations

import ast
import html
import json
import math
import numbers
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MASTERS = sorted((ROOT / "assignments" / "source").glob("*.ipynb"))
NUMBER = re.compile(r"(?<![\w.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.])-?\d+(?:\.\d+)?")
TEXT_MIMES = ("text/plain", "text/markdown", "text/html")


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def solution_answers(path: Path) -> dict[str, dict[str, object]]:
    """Run a master notebook's code (not its tests) and return {question: {name: value}}."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict = {"__name__": "__assignment__"}
    names: dict[str, list[str]] = {}
    question, block = None, None
    cwd = Path.cwd()
    os.chdir(path.parent)  # the master's relative paths resolve as they do for students
    try:
        for cell in nb["cells"]:
            text = _source(cell)
            if cell["cell_type"] == "raw":
                if text.startswith("# BEGIN QUESTION"):
                    question = re.search(r"name:\s*(\S+)", text).group(1)
                elif text.startswith("# BEGIN SOLUTION"):
                    block = "solution"
                elif text.startswith("# BEGIN TESTS"):
                    block = "tests"
                elif text.startswith("# END QUESTION"):
                    question, block = None, None
                elif text.startswith("# END"):
                    block = None
                continue
            if cell["cell_type"] != "code" or block == "tests" or not text.strip():
                continue
            exec(compile(text, f"{path.name} cell", "exec"), namespace)  # noqa: S102
            if block == "solution" and question:
                for node in ast.parse(text).body:
                    if isinstance(node, ast.Assign):
                        for target in node.targets:
                            names.setdefault(question, []).extend(
                                n.id for n in ast.walk(target) if isinstance(n, ast.Name)
                            )
    finally:
        os.chdir(cwd)
    return {q: {n: namespace[n] for n in ns if n in namespace} for q, ns in names.items()}


def numbers_in(value, depth: int = 0) -> list[float]:
    """The numeric leaves of an answer: a number, or those inside a list, tuple, dict or Series."""
    if depth > 3 or isinstance(value, bool):
        return []
    if isinstance(value, numbers.Real):
        return [float(value)] if math.isfinite(float(value)) else []
    if isinstance(value, dict):
        value = list(value.values())
    elif type(value).__name__ == "Series":
        value = list(value.to_numpy())[:50]
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in numbers_in(item, depth + 1)]
    return []


def trivial(x: float) -> bool:
    """Booleans and small whole numbers are in every table; they prove nothing."""
    return x.is_integer() and -10 <= x <= 10


def output_texts(path: Path) -> list[str]:
    """What a student sees printed after running a lesson."""
    texts = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append("".join(out.get("text", "")))
            for mime in TEXT_MIMES:
                data = out.get("data", {}).get(mime)
                if data:
                    text = "".join(data) if isinstance(data, list) else data
                    if mime == "text/html":
                        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
                    texts.append(text)
    return texts


def printed(x: float, text: str) -> str | None:
    """The token in ``text`` that shows ``x`` (or ``x`` as a percentage), or None."""
    for token in NUMBER.findall(text):
        digits = token.replace(",", "").lstrip("-")
        shown = float(token.replace(",", ""))
        decimals = len(digits.partition(".")[2])
        whole, _, fraction = digits.partition(".")
        if len((whole + fraction.rstrip("0")).lstrip("0")) < 3:
            continue  # "16.0" or "0.05" show too few digits to be more than a coincidence
        for candidate in (x, x * 100):
            if round(candidate, decimals) == shown:
                return token
    return None


def test_printed_finds_a_value_at_its_shown_precision():
    assert printed(0.3630939, "growth was 36.3 % that year") == "36.3"
    assert printed(107.76, "total 107.8") == "107.8"
    assert printed(146.887, "1,146.887 and 146.89") == "146.89"
    assert printed(0.3630939, "growth was 36.4 %") is None
    assert printed(107.76, "total 10 or 107.7") is None  # too few digits, or a wrong rounding
    assert printed(107.76, "about 108") == "108"
    assert printed(800.0, "price 800 per tonne") == "800"


def test_trivial_values_are_tolerated():
    assert trivial(0.0) and trivial(1.0) and trivial(-1.0) and trivial(7.0)
    assert not trivial(0.36) and not trivial(11.0)
    assert numbers_in({"a": True, "b": [2.5, {"c": 3}]}) == [2.5, 3.0]


@pytest.fixture(scope="module")
def lesson_outputs() -> dict[str, list[str]]:
    return {path.name: output_texts(path) for path in LESSONS}


@pytest.mark.parametrize("master", MASTERS, ids=lambda p: p.stem)
def test_no_autograded_answer_is_printed_in_a_lesson(master, lesson_outputs, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    answers = solution_answers(master)
    assert answers, f"{master.name}: no solution answers found"
    leaks = []
    for question, values in answers.items():
        for name, value in values.items():
            for x in numbers_in(value):
                if trivial(x):
                    continue
                for lesson, texts in lesson_outputs.items():
                    hit = next((t for t in (printed(x, text) for text in texts) if t), None)
                    if hit:
                        leaks.append(f"{question} {name}={x:g} is printed in {lesson} as {hit}")
    assert not leaks, "assignment answers that a lesson prints:\n" + "\n".join(leaks)
