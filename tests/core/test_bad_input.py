"""Corrupted data files raise DataError naming the file, the row and the column."""

from __future__ import annotations

import re

import pytest

from helpers.core.schema import DataError
from helpers.core.sources import load_sources
from helpers.relations.data import load_events, load_phases


def _replace_cell(text: str, row: int, column: str, value: str) -> str:
    """Set one cell (row numbered as in a spreadsheet: header = 1) in simple CSV text."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


CASES = [
    # (id, file, change, expected row, expected column, words in the problem)
    (
        "wrong type",
        "events.csv",
        lambda t: _replace_cell(t, 3, "date", "around 1914"),
        3,
        "date",
        "cannot read",
    ),
    (
        "unparseable date",
        "events.csv",
        lambda t: _replace_cell(t, 5, "date", "1949-13-01"),
        5,
        "date",
        "date",
    ),
    (
        "impossible calendar date",
        "events.csv",
        lambda t: _replace_cell(t, 5, "date", "1949-02-30"),
        5,
        "date",
        "not a real calendar date",
    ),
    (
        "date out of range",
        "events.csv",
        lambda t: _replace_cell(t, 4, "date", "1815-06-18"),
        4,
        "date",
        "below the smallest",
    ),
    (
        "date not matching its precision",
        "events.csv",
        lambda t: _replace_cell(t, 2, "date_precision", "month"),
        2,
        "date",
        "does not match",
    ),
    (
        "duplicate key",
        "events.csv",
        lambda t: _replace_cell(t, 6, "event_id", "sarajevo_1914"),
        6,
        "event_id",
        "duplicate key",
    ),
    (
        "unknown source_id",
        "events.csv",
        lambda t: _replace_cell(t, 7, "source_id", "wikipedia_someday"),
        7,
        "source_id",
        "unknown source_id 'wikipedia_someday'",
    ),
    (
        "blank required cell",
        "events.csv",
        lambda t: _replace_cell(t, 8, "title", ""),
        8,
        "title",
        "required cell is blank",
    ),
    (
        "value not allowed",
        "events.csv",
        lambda t: _replace_cell(t, 9, "category", "war"),
        9,
        "category",
        "expected one of",
    ),
    (
        "unknown actor",
        "events.csv",
        lambda t: _replace_cell(t, 9, "actors", "CHN;PRUSSIA"),
        9,
        "actors",
        "PRUSSIA",
    ),
    (
        "end before start",
        "events.csv",
        lambda t: _replace_cell(t, 9, "end_date", "1900-01-01"),
        9,
        "end_date",
        None,
    ),
    (
        "row with too few cells",
        "relations_phases.csv",
        lambda t: t.replace("normalization,normalization,1989-05-16", "normalization", 1),
        4,
        None,
        "cells but the header has",
    ),
    (
        "malformed source row",
        "sources.csv",
        lambda t: _replace_cell(t, 2, "tier", "blog"),
        2,
        "tier",
        "expected one of",
    ),
    (
        "source with neither author nor publisher",
        "sources.csv",
        lambda t: _replace_cell(_replace_cell(t, 3, "author", ""), 3, "publisher", ""),
        3,
        "author",
        "author or a publisher",
    ),
]

LOADERS = {
    "events.csv": load_events,
    "relations_phases.csv": load_phases,
    "sources.csv": load_sources,
}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_corrupted_file_names_file_row_and_column(corrupt, case):
    _, name, change, row, column, words = case
    path = corrupt(name, change)
    with pytest.raises(DataError) as info:
        LOADERS[name](path)
    message = str(info.value)
    assert name in message
    if row is not None:
        assert f"line {row}" in message and info.value.row == row
    if column is not None:
        assert f"column '{column}'" in message and info.value.column == column
    if words:
        assert words in message


def test_missing_column_names_the_column(corrupt):
    path = corrupt("events.csv", lambda t: re.sub(r",confidence(?=,)", "", t, count=1))
    with pytest.raises(DataError, match=r"events\.csv, line 1, column 'confidence': required"):
        load_events(path)


def test_unexpected_column_names_the_column(corrupt):
    path = corrupt(
        "relations_phases.csv",
        lambda t: (
            t.replace("source_id\n", "source_id,mood\n", 1)
            .replace("\n", ",\n")
            .replace("mood,\n", "mood\n", 1)
        ),
    )
    with pytest.raises(DataError, match=r"line 1, column 'mood': unexpected column"):
        load_phases(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match=r"nowhere\.csv: file not found"):
        load_events(tmp_path / "nowhere.csv")


def test_empty_file(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("")
    with pytest.raises(DataError, match=r"events\.csv, line 1: the file is empty"):
        load_events(path)


def test_header_only_file(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("event_id,date\n")
    with pytest.raises(DataError, match=r"events\.csv, line 1, column 'end_date'"):
        load_events(path)


def test_non_utf8_bytes_name_the_row(corrupt):
    def latin1(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        lines[4] = lines[4].replace(b"Mao", b"Ma\xf6", 1)
        return b"\n".join(lines)

    path = corrupt("events.csv", latin1, binary=True)
    with pytest.raises(DataError, match=r"events\.csv, line 5: byte 0xf6 is not UTF-8") as info:
        load_events(path)
    assert info.value.row == 5


def test_overlapping_phases(corrupt):
    path = corrupt(
        "relations_phases.csv", lambda t: t.replace("split,split,1960-07", "split,split,1959-01")
    )
    with pytest.raises(DataError, match="starts before 'alliance' ends"):
        load_phases(path)


def test_data_error_is_a_value_error():
    assert issubclass(DataError, ValueError)
