"""Every lesson opens and ends as the house style says, is executed, and its links resolve."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from support import ROOT

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
IDS = [p.name for p in LESSONS]
ENDINGS = ["## Summary", "## Check your understanding", "## Further reading", "## References"]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def load(path: Path):
    return nbformat.read(path, as_version=4)


def markdown(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def test_there_are_lessons():
    assert LESSONS and LESSONS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_lesson_card_in_metadata(path):
    nb = load(path)
    card = nb.metadata["lesson"]
    assert card["number"] == int(path.name[:2])
    assert card["title"] and card["summary"]
    # a sanity range: tests/notebooks/test_time_model.py holds the minutes to the time model
    assert 20 <= card["minutes"] <= 150
    assert 3 <= len(card["objectives"]) <= 5
    for pre in card["prerequisites"]:
        assert (path.parent / pre).exists(), f"prerequisite {pre} does not exist"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_first_cell_opens_the_lesson(path):
    nb = load(path)
    first = nb.cells[0]
    card = nb.metadata["lesson"]
    assert first.cell_type == "markdown"
    assert first.source.startswith("# "), "the first cell starts with the lesson's title"
    assert card["title"] in first.source.splitlines()[0]
    assert "By the end" in first.source
    for objective in card["objectives"]:
        assert objective in first.source.replace("`", ""), (
            f"objective not listed in the first cell: {objective}"
        )
    assert "Prerequisites" in first.source
    assert f"{card['minutes']} minutes" in first.source


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_headings_are_ordered_with_one_title(path):
    levels = []
    for text in markdown(load(path)):
        in_code = False
        for line in text.splitlines():
            in_code ^= line.startswith("```")
            match = re.match(r"^(#{1,6}) ", line)
            if match and not in_code:
                levels.append(len(match.group(1)))
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, "a heading level is skipped"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_lesson_ends_with_the_four_sections(path):
    text = "\n".join(markdown(load(path)))
    positions = [text.find(heading) for heading in ENDINGS]
    assert all(p >= 0 for p in positions), f"missing one of {ENDINGS}"
    assert positions == sorted(positions), "the closing sections are out of order"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_first_code_cell_sets_the_style_and_nothing_installs(path):
    nb = load(path)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert "use_style()" in code[0]
    for source in code:
        assert not re.search(r"^\s*[!%]pip", source, re.M), "no package installs in lessons"
        assert "rcParams" not in source, "style belongs in helpers.use_style()"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_committed_executed_without_errors(path):
    nb = load(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert all(isinstance(n, int) for n in counts), "run `make outputs`: some cells never ran"
    assert counts == list(range(1, len(code) + 1)), "cells were not run top to bottom once"
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", f"error output: {out.get('ename')}"
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_every_chart_has_a_caption(path):
    nb = load(path)
    cells = nb.cells
    for i, cell in enumerate(cells):
        has_image = cell.cell_type == "code" and any(
            "image/png" in out.get("data", {}) for out in cell.outputs
        )
        tags = cell.metadata.get("tags", [])
        if has_image and "nbval-ignore-output" not in tags:
            after = cells[i + 1].source if i + 1 < len(cells) else ""
            assert re.match(r"^\*Figure \d+\.\d+ — .+Source", after, re.S), (
                f"cell {i}: a chart must be followed by '*Figure N.k — ... Source: ...*'"
            )


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_relative_links_resolve(path):
    for text in markdown(load(path)):
        for target in LINK.findall(text):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            file_part = target.split("#")[0]
            assert (path.parent / file_part).exists(), f"broken link: {target}"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_dollar_amounts_are_not_typeset_as_maths(path):
    # JupyterLab typesets text between two $ signs as maths; amounts are written \\$250 bn
    for text in markdown(load(path)):
        bare = re.findall(r"(?<!\\)\$\d[^\n]{0,30}", text)
        assert not bare, f"write dollar amounts as \\\\$ in markdown: {bare[:3]}"


def test_the_parallel_scheduler_knows_every_user_of_the_inspected_run():
    """tests/conftest.py runs support.EXECUTED_MODULES as one xdist work unit, so that
    the one inspected execution of every notebook is made once; a new user must be listed."""
    import ast

    from support import EXECUTED_MODULES, work_unit

    users = set()
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test"):
                if "executed_notebooks" in [a.arg for a in node.args.args]:
                    users.add(path.relative_to(ROOT).as_posix())
    assert users == set(EXECUTED_MODULES)
    assert {work_unit(f"{m}::test_x") for m in users} == {"executed"}
