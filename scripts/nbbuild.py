"""Tiny helpers for writing lesson notebooks from a Python script (used while drafting lessons).

The committed .ipynb files are the source of truth; a drafting script builds the cells with
``md()`` / ``code()`` and ``write_lesson()``, then ``make outputs NB=...`` executes them.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def md(text: str):
    """A markdown cell (leading/trailing blank lines removed)."""
    return new_markdown_cell(text.strip("\n"))


def code(text: str, tags: list[str] | None = None):
    """A code cell, optionally tagged (e.g. ``nbval-ignore-output``)."""
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = tags
    return cell


def write_lesson(path: str | Path, cells: list, lesson: dict) -> None:
    """Write a lesson notebook with the python3 kernelspec and the lesson card in metadata."""
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["lesson"] = lesson
    nbformat.validate(nb)
    nbformat.write(nb, str(path))
