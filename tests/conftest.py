"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture
def corrupt(tmp_path):
    """Write a corrupted copy of a data file: corrupt("events.csv", lambda text: ...) -> Path."""

    def make(name: str, change, *, binary: bool = False) -> Path:
        target = tmp_path / name
        if binary:
            target.write_bytes(change((DATA / name).read_bytes()))
        else:
            target.write_text(change((DATA / name).read_text(encoding="utf-8")), encoding="utf-8")
        return target

    return make
