"""Numbers and words agree for beginners: no "1 weeks", no "10 month of 2021".

Looks at what students read: the lessons' and the student assignments' markdown and printed
outputs. A count of one takes the singular ("1 week"), any other count the plural ("3 weeks");
a count used as an adjective is hyphenated ("a 12-month total"), which this test leaves alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "assignments" / "release").glob("*/student/*.ipynb")
)
UNITS = "day|week|month|year|visit|point|question|claim|period|treaty|episode|row|minute|hour"
ONE_PLURAL = re.compile(rf"(?<![\d.,\-])\b1 ({UNITS}|treatie)s\b")
#: four-digit numbers are years ("the 2001 treaty"), not counts
MANY_SINGULAR = re.compile(
    rf"(?<![\d.,\-])\b(?:[02-9]|[1-9]\d{{1,2}}) ({UNITS})\b(?!-)(?! (?:old|long)\b)"
)


def wrong_counts(text: str) -> list[str]:
    """The phrases in ``text`` whose count and noun disagree."""
    return [m.group(0) for m in ONE_PLURAL.finditer(text)] + [
        m.group(0) for m in MANY_SINGULAR.finditer(text)
    ]


def test_the_rule_catches_both_slips_and_spares_adjectives():
    assert wrong_counts("after 1 weeks and 10 month of 2021") == ["1 weeks", "10 month"]
    assert wrong_counts("1 week, 3 weeks, a 12-month total, 2.5 years, 1.5 points") == []
    assert wrong_counts("the 2001 treaty, 30 years later, 25 month") == ["25 month"]
    assert wrong_counts("the 2001 treaty and 30 years later") == []


def _texts(path: Path) -> list[str]:
    texts = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "markdown":
            texts.append("".join(cell["source"]))
        for out in cell.get("outputs", []):
            texts.append("".join(out.get("text", "")))
            for mime, data in out.get("data", {}).items():
                if mime in ("text/plain", "text/markdown", "text/html"):
                    texts.append("".join(data) if isinstance(data, list) else str(data))
    return texts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_counts_and_nouns_agree(path):
    slips = [slip for text in _texts(path) for slip in wrong_counts(text)]
    assert not slips, f"{path.name}: {slips}"
