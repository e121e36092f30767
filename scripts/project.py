"""What every script shares: the repository root and the lesson manifest.

The manifest is read once from the notebooks' own metadata (the ``lesson`` card), so that the
README's lesson table, the teaching guide's objectives map, the bench and the tests all name
the same lessons, minutes and objectives.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ASSIGNMENTS = ROOT / "assignments" / "source"
DATA = ROOT / "data"


@dataclass(frozen=True)
class Lesson:
    """A lesson's card, from its notebook's ``metadata.lesson``."""

    path: Path
    number: int
    title: str
    summary: str
    minutes: int
    objectives: tuple[str, ...]
    prerequisites: tuple[str, ...]

    @property
    def name(self) -> str:
        """The notebook's file name, e.g. ``03_trade_energy.ipynb``."""
        return self.path.name


@cache
def lessons() -> tuple[Lesson, ...]:
    """Every lesson, in order (each notebook must carry a ``lesson`` card)."""
    found = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        card = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("lesson")
        if card is None:
            raise SystemExit(f"{path.name}: notebook metadata has no 'lesson' card")
        found.append(
            Lesson(
                path=path,
                number=int(card.get("number", int(path.name[:2]))),
                title=card["title"],
                summary=card.get("summary", ""),
                minutes=int(card["minutes"]),
                objectives=tuple(card.get("objectives", ())),
                prerequisites=tuple(card.get("prerequisites", ())),
            )
        )
    return tuple(found)


def assignment_paths() -> list[Path]:
    """The assignments' master notebooks, in order."""
    return sorted(ASSIGNMENTS.glob("*.ipynb"))


def write_check_parser(doc: str) -> argparse.ArgumentParser:
    """A parser for a script that regenerates a block of a file: ``--write`` or ``--check``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the generated block")
    mode.add_argument("--check", action="store_true", help="fail if the block is out of date")
    return parser


def write_or_check(path: Path, wanted: str, *, write: bool, what: str, command: str) -> int:
    """Write ``wanted`` to ``path``, or check that it is already there; return the exit status."""
    if write:
        path.write_text(wanted, encoding="utf-8")
        return 0
    if path.read_text(encoding="utf-8") != wanted:
        print(f"{what} is out of date: run `{command}`", file=sys.stderr)
        return 1
    return 0
