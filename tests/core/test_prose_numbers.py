"""Every figure the prose states agrees with data/: lessons, assignments and the guides.

A figure is a number with a unit of money, energy or share in markdown: ``$107.8 bn``,
``\\$250 billion``, ``38 bcm``, ``86.2 Mt``, ``1.59 mb/d``, ``36.3 %``. It passes when, at the
precision it is shown with, it equals a number in a data file (a value or a figure quoted in a
note), a number the same notebook prints (the guides: any lesson's output), or a value that
tests/fixtures/prose_computed.csv computes from the data for that file (for worked answers,
which students compute themselves). So a corrected value in data/ leaves no stale figure behind:
the old figure no longer matches anything, and this test names it.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

import helpers  # noqa: F401
from helpers.trade import model as econ
from helpers.trade.data import trade_series
from helpers.trade.energy_data import load_energy_crude

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
MASTERS = sorted((ROOT / "assignments" / "source").glob("*.ipynb"))
GUIDES = [ROOT / "README.md", ROOT / "docs" / "teaching-guide.md"] + sorted(
    (ROOT / "docs" / "guide").glob("*.md")
)
FIGURE = re.compile(
    r"(?:US)?\\*\$\s?(\d[\d,]*(?:\.\d+)?)\s?(?:bn|billion|trillion|trn|tn)\b"
    r"|(\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b|bcm\b|Mt\b|million tonnes\b|mb/d\b)",
    re.IGNORECASE,
)
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _floats(text: str) -> set[float]:
    return {float(t.replace(",", "")) for t in NUMBER.findall(text)}


def shown_as(token: str, pool: set[float]) -> bool:
    """Whether ``token`` shows some value of ``pool`` (or a fraction of it as a percentage)."""
    value, decimals = float(token.replace(",", "")), len(token.partition(".")[2])
    return any(round(x, decimals) == value or round(x * 100, decimals) == value for x in pool)


def figures(text: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in FIGURE.finditer(text)]


def _outputs(path: Path) -> set[float]:
    found: set[float] = set()
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            found |= _floats("".join(out.get("text", "")))
            for mime, data in out.get("data", {}).items():
                if mime.startswith("text/"):
                    found |= _floats("".join(data) if isinstance(data, list) else str(data))
    return found


def _markdown(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


@pytest.fixture(scope="module")
def data_numbers() -> set[float]:
    found: set[float] = set()
    for path in sorted((ROOT / "data").glob("*.csv")):
        found |= _floats(path.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def computed() -> dict[str, set[float]]:
    namespace = {
        "econ": econ,
        "trade": trade_series(),
        "crude": load_energy_crude().set_index("year"),
    }
    found: dict[str, set[float]] = {}
    with (ROOT / "tests" / "fixtures" / "prose_computed.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            value = float(eval(row["expression"], {}, namespace))  # noqa: S307 (our own file)
            assert shown_as(row["shown"], {value}), f"{row['file']}: {row['shown']} != {value}"
            found.setdefault(row["file"], set()).add(value)
    return found


def test_the_figure_pattern_reads_money_energy_and_shares():
    text = r"trade of \$107.8 bn, US$250 billion, 38 bcm a year, 86.2 Mt, 36.3 % and 1,000 people"
    assert figures(text) == ["107.8", "250", "38", "86.2", "36.3"]
    assert shown_as("36.3", {0.3631}) and shown_as("107.8", {107.76})
    assert not shown_as("36.4", {0.3631})


@pytest.mark.parametrize("path", LESSONS + MASTERS, ids=lambda p: p.stem)
def test_every_figure_in_a_notebooks_prose_agrees_with_the_data(path, data_numbers, computed):
    pool = data_numbers | _outputs(path) | computed.get(path.name, set())
    stale = [
        f"{token} in: ...{text[max(0, text.find(token) - 60) : text.find(token) + 20]!r}"
        for text in _markdown(path)
        for token in figures(text)
        if not shown_as(token, pool)
    ]
    assert not stale, f"{path.name}: figures that nothing in data/ gives:\n" + "\n".join(stale)


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.stem)
def test_every_figure_in_the_guides_agrees_with_the_data(path, data_numbers, computed):
    pool = set(data_numbers)
    for lesson in LESSONS + MASTERS:
        pool |= _outputs(lesson) | computed.get(lesson.name, set())
    text = path.read_text(encoding="utf-8")
    stale = [token for token in figures(text) if not shown_as(token, pool)]
    assert not stale, f"{path.name}: figures that nothing in data/ gives: {stale}"
