"""Lesson 05's democracy module: the passages' wording and the attributed evidence table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers.argument.democracy_data import (
    load_democracy_evidence,
    load_democracy_passages,
    third_voices,
)
from helpers.core.schema import DATA_DIR, DataError


def rewrite(name: str, tmp_path: Path, change) -> Path:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    change(rows)
    target = tmp_path / name
    with target.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


def test_third_voices_follow_the_voice_column(tmp_path):
    assert third_voices() == ["d06", "d07"]

    def change(rows):
        rows[0]["voice"] = "third_party"

    evidence = load_democracy_evidence(rewrite("democracy_evidence.csv", tmp_path, change))
    assert third_voices(evidence) == ["d01", "d06", "d07"]


def test_evidence_is_in_date_order_and_hindsight_rows_say_so():
    evidence = load_democracy_evidence()
    assert evidence["date"].is_monotonic_increasing
    after = evidence[evidence["date"] > "2022-02-04"]
    assert len(after) >= 5
    assert after["note"].str.contains("HINDSIGHT").all()


def test_an_unknown_voice_is_rejected_with_its_line(tmp_path):
    def change(rows):
        rows[2]["voice"] = "neutral"

    with pytest.raises(DataError) as info:
        load_democracy_evidence(rewrite("democracy_evidence.csv", tmp_path, change))
    assert "democracy_evidence.csv" in str(info.value) and "line 4" in str(info.value)
    assert "column 'voice'" in str(info.value)


def test_a_passage_with_an_unknown_wording_is_rejected(tmp_path):
    def change(rows):
        rows[1]["wording"] = "paraphrase"

    with pytest.raises(DataError) as info:
        load_democracy_passages(rewrite("democracy_passages.csv", tmp_path, change))
    assert "line 3" in str(info.value) and "column 'wording'" in str(info.value)


def test_docstring_examples_run():
    import doctest

    import helpers.argument.democracy_data as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
