"""How long a lesson or an assignment takes a first-year student who has never coded: the model.

The stated minutes in a notebook's card (``metadata.lesson.minutes`` or
``metadata.assignment.minutes``) are held against this model by
``tests/notebooks/test_time_model.py``. The teaching guide documents the same rates.

The **core path** is every cell before the first heading that starts "Going further" (at any
level); optional sections after it are not counted. The rates are the project's assumptions for
a careful first reading by a student who is new both to the subject and to code:

* dense prose is read at 100 words a minute (markdown, worked answers in ``<details>``
  included, since students read them after their attempt);
* every code cell a student runs without writing costs 1 minute (read it, run it, read the
  output), every figure 1.5 minutes, every interactive widget 4 minutes;
* an exercise costs 8 minutes when it asks for code and 6 when it asks for a choice or a
  number without code; every written answer (a markdown cell a student fills in) 6 minutes;
* every "Check your understanding" question costs 2 minutes.

``python scripts/time_model.py [NOTEBOOK ...]`` prints the breakdown and the stated minutes.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

WORDS_PER_MINUTE = 100
MIN_PER_CODE_CELL = 1.0
MIN_PER_FIGURE = 1.5
MIN_PER_WIDGET = 4.0
MIN_PER_CODE_EXERCISE = 8.0
MIN_PER_NOCODE_EXERCISE = 6.0
MIN_PER_WRITTEN_ANSWER = 6.0
MIN_PER_QUESTION = 2.0

#: the stated minutes may exceed the model by at most this factor (slack for discussion),
#: and may never fall below it
MAX_SLACK = 1.35

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
GOING_FURTHER = re.compile(r"^#+\s*Going further", re.IGNORECASE | re.MULTILINE)
EXERCISE = re.compile(r"^#{2,4}\s*(Exercise|Question)\b", re.IGNORECASE | re.MULTILINE)
HEADING = re.compile(r"^#{1,4}\s", re.MULTILINE)
CHECK_YOUR_UNDERSTANDING = re.compile(r"^#+\s*Check your understanding", re.IGNORECASE)
QUESTION_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+\S", re.MULTILINE)
ANSWER_TAGS = {"written-answer", "student-answer"}
OTTER_ANSWER = re.compile(r"^_Type your answer here", re.MULTILINE)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _words(text: str) -> int:
    text = re.sub(r"<[^>]+>", " ", text)  # tags are not words
    text = re.sub(r"\(https?://[^)]*\)", " ", text)  # nor are link targets
    return len(re.findall(r"[\w'’.-]*\w", text))


@dataclass
class Estimate:
    """A notebook's core path, counted, and its minutes under the model."""

    path: Path
    stated: int
    words: int = 0
    code_cells: int = 0
    figures: int = 0
    widgets: int = 0
    code_exercises: int = 0
    nocode_exercises: int = 0
    written_answers: int = 0
    questions: int = 0
    optional_cells: int = 0
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def minutes(self) -> float:
        """The model's minutes for the core path."""
        return sum(self.parts.values())

    def verdict(self) -> str | None:
        """None when the stated minutes fit the model, else what is wrong."""
        if self.stated < self.minutes:
            return f"states {self.stated} min, the model gives {self.minutes:.0f}"
        if self.stated > self.minutes * MAX_SLACK + 5:
            return f"states {self.stated} min, over {MAX_SLACK}x the model's {self.minutes:.0f}"
        return None


def core_cells(cells: list[dict]) -> tuple[list[dict], int]:
    """The cells before the first "Going further" heading, and how many follow it."""
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and GOING_FURTHER.search(_source(cell)):
            return cells[:i], len(cells) - i
    return cells, 0


NOT_READ = re.compile(r"^#+\s*(Further reading|References)\b", re.IGNORECASE)


def _segments(cells: list[dict]) -> list[tuple[str, dict, str]]:
    """The core path as (section heading, cell, text) pieces: markdown split at its headings."""
    pieces: list[tuple[str, dict, str]] = []
    heading = ""
    for cell in cells:
        text = _source(cell)
        if cell["cell_type"] != "markdown":
            pieces.append((heading, cell, text))
            continue
        chunk: list[str] = []
        for line in text.splitlines():
            if HEADING.match(line):
                if chunk:
                    pieces.append((heading, cell, "\n".join(chunk)))
                heading, chunk = line, []
            chunk.append(line)
        if chunk:
            pieces.append((heading, cell, "\n".join(chunk)))
    return pieces


def _is_written_answer(cell: dict) -> bool:
    tags = set(cell.get("metadata", {}).get("tags", []))
    return cell["cell_type"] == "markdown" and bool(
        tags & ANSWER_TAGS or OTTER_ANSWER.search(_source(cell))
    )


def _asks_for_code(cells: list[dict]) -> bool:
    """An exercise asks for code when one of its code cells has a blank for the student."""
    blanks = ("...", "= None", "# your", "# YOUR")
    return any(c["cell_type"] == "code" and any(b in _source(c) for b in blanks) for c in cells)


def estimate(path: Path) -> Estimate:
    """Count a notebook's core path and price it with the model."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    card = nb["metadata"].get("lesson") or nb["metadata"].get("assignment") or {}
    est = Estimate(path=Path(path), stated=int(card.get("minutes", 0)))
    cells, est.optional_cells = core_cells(nb["cells"])
    exercises: dict[int, tuple[str, list[dict]]] = {}
    for heading, cell, text in _segments(cells):
        if EXERCISE.match(heading):
            exercises.setdefault(id(heading), (heading, []))
            key = next(k for k, v in exercises.items() if v[0] is heading)
            exercises[key][1].append(cell)
        if cell["cell_type"] == "markdown":
            if CHECK_YOUR_UNDERSTANDING.match(heading):
                est.questions += len(QUESTION_ITEM.findall(text))
            if _is_written_answer(cell):
                est.written_answers += 1
            elif not NOT_READ.match(heading):
                est.words += _words(text)
        elif text.strip():
            if not EXERCISE.match(heading) and "grader.check" not in text:
                est.code_cells += 1  # an exercise's own cells are priced with the exercise
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                est.figures += "image/png" in data
                est.widgets += WIDGET_MIME in data
    for heading, span in exercises.values():
        if "no code" not in heading.lower() and _asks_for_code(span):
            est.code_exercises += 1
        else:
            est.nocode_exercises += 1
    est.parts = {
        "reading": est.words / WORDS_PER_MINUTE,
        "code cells": est.code_cells * MIN_PER_CODE_CELL,
        "figures": est.figures * MIN_PER_FIGURE,
        "widgets": est.widgets * MIN_PER_WIDGET,
        "code exercises": est.code_exercises * MIN_PER_CODE_EXERCISE,
        "no-code exercises": est.nocode_exercises * MIN_PER_NOCODE_EXERCISE,
        "written answers": est.written_answers * MIN_PER_WRITTEN_ANSWER,
        "questions": est.questions * MIN_PER_QUESTION,
    }
    return est


def default_paths(root: Path) -> list[Path]:
    """The lessons and the assignments as students get them (the student release)."""
    lessons = sorted(root.glob("notebooks/[0-9][0-9]_*.ipynb"))
    return lessons + sorted(root.glob("assignments/release/*/student/*.ipynb"))


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    paths = [Path(a) for a in argv] or default_paths(root)
    bad = 0
    for path in paths:
        est = estimate(path)
        parts = ", ".join(f"{k} {v:.0f}" for k, v in est.parts.items() if v)
        problem = est.verdict()
        bad += problem is not None
        print(
            f"{path.name}: model {est.minutes:.0f} min ({parts}); stated {est.stated}"
            + (f"  <- {problem}" if problem else "")
        )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
