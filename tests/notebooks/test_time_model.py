"""Every lesson and assignment states minutes that fit the time model (scripts/time_model.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import time_model  # noqa: E402

NOTEBOOKS = time_model.default_paths(ROOT)


def _md(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(text: str, outputs: list | None = None) -> dict:
    return {"cell_type": "code", "metadata": {}, "source": text, "outputs": outputs or []}


def _write(tmp_path: Path, cells: list[dict], minutes: int = 30) -> Path:
    nb = {"cells": cells, "metadata": {"lesson": {"minutes": minutes}}, "nbformat": 4}
    path = tmp_path / "lesson.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_model_prices_each_part_of_the_core_path(tmp_path):
    figure = {"output_type": "display_data", "data": {"image/png": "x"}}
    widget = {"output_type": "display_data", "data": {time_model.WIDGET_MIME: {}}}
    cells = [
        _md("# Title\n\n" + "word " * 200),
        _code("x = 1", [figure]),
        _code("explore()", [widget]),
        _md("### Exercise 1.1 (no code)\n\nPick one."),
        _code("checks.ex_1_1(choice)"),
        _md("### Exercise 1.2\n\nCompute it."),
        _code("answer = ..."),
        _code("checks.ex_1_2(answer)"),
        _md("## Check your understanding\n\n1. Why?\n2. How?\n\n## References\n\n" + "r " * 500),
        _md("## Going further: more\n\n" + "extra " * 1000),
        _code("y = 2"),
    ]
    est = time_model.estimate(_write(tmp_path, cells))
    # title 1 + 200 words + the two exercises' 6 + 4 + the questions' 7; the references and the
    # optional part are not read
    assert est.words == 218
    assert (est.code_cells, est.figures, est.widgets) == (2, 1, 1)
    assert (est.code_exercises, est.nocode_exercises, est.questions) == (1, 1, 2)
    assert est.optional_cells == 2
    expected = 218 / 100 + 2 * 1 + 1.5 + 4 + 8 + 6 + 2 * 2
    assert est.minutes == pytest.approx(expected)


def test_stated_minutes_below_the_model_or_far_above_it_are_flagged(tmp_path):
    cells = [_md("word " * 1000)]  # 10 minutes of reading
    assert "the model gives 10" in time_model.estimate(_write(tmp_path, cells, 5)).verdict()
    assert time_model.estimate(_write(tmp_path, cells, 15)).verdict() is None
    assert "over" in time_model.estimate(_write(tmp_path, cells, 40)).verdict()


def test_every_lesson_and_assignment_is_priced():
    names = {p.name for p in NOTEBOOKS}
    assert len([n for n in names if n[:2].isdigit()]) >= 9, names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stated_minutes_fit_the_time_model(path):
    est = time_model.estimate(path)
    assert est.verdict() is None, f"{path.name}: {est.verdict()} ({est.parts})"


def test_the_teaching_guide_states_the_same_minutes():
    """The guide's table of parts gives each lesson's and assignment's minutes as its card does."""
    import re

    guide = (ROOT / "docs" / "teaching-guide.md").read_text(encoding="utf-8")
    rows = [
        line for line in guide.splitlines() if line.startswith("| [0") or "| Assignment" in line
    ]
    stated = {}
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        found = re.match(r"(\d+) min", cells[-1])
        number = re.search(r"\[(\d\d) |Assignment (\d)", cells[0])
        if found and number:
            key = f"L{number.group(1)}" if number.group(1) else f"A{number.group(2)}"
            stated[key] = int(found.group(1))
    cards = {}
    for path in NOTEBOOKS:
        est = time_model.estimate(path)
        cards[
            ("A" + str(int(path.name[:2]))) if "release" in str(path) else "L" + path.name[:2]
        ] = est.stated
    assert stated == cards
