"""data/triangle_periods.csv: the loader, bad input, and the integrity of the coding."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from helpers.core.schema import DataError
from helpers.core.sources import load_sources
from helpers.triangle.data import load_triangle_periods
from helpers.triangle.history import history, role_years


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _write(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _set(text: str, row: int, column: str, value: str) -> str:
    """Set one cell; rows are numbered as in a spreadsheet (header = 1)."""
    rows = _rows(text)
    rows[row - 1][rows[0].index(column)] = value
    return _write(rows)


@pytest.fixture(scope="module")
def periods():
    return load_triangle_periods()


def test_loader_returns_typed_rows_in_time_order(periods):
    assert list(periods.columns[:8]) == [
        "period_id",
        "start_year",
        "end_year",
        "start_date",
        "end_date",
        "label",
        "dyad",
        "sign",
    ]
    assert periods["sign"].isin([1, -1]).all()
    assert periods["start_year"].is_monotonic_increasing
    assert list(periods["dyad"][:3]) == ["USA-CHN", "USA-RUS", "CHN-RUS"]
    assert isinstance(periods.loc[0, "source_id"], list)


def test_at_least_seven_periods_each_with_three_dyads(periods):
    sizes = periods.groupby("period_id").size()
    assert len(sizes) >= 7
    assert (sizes == 3).all()


def test_periods_are_contiguous_and_cover_1949_to_2022(periods):
    spans = periods.drop_duplicates("period_id")[["start_year", "end_year"]].values.tolist()
    assert spans[0][0] == 1949 and spans[-1][1] == 2022
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start == end + 1


def test_every_row_has_a_rationale_and_known_sources(periods):
    known = set(load_sources()["source_id"])
    assert periods["rationale"].str.len().gt(20).all()
    for ids in periods["source_id"]:
        assert ids and set(ids) <= known


def test_the_coding_tells_the_story(periods):
    """Key facts of the coding: alliance, split, Nixon's pivot, the 2022 marriage."""
    hist = history(periods).set_index("period_id")
    assert hist.loc["p1949_1959", "configuration"] == "stable_marriage"
    assert hist.loc["p1949_1959", "USA"] == "outcast"
    assert hist.loc["p1972_1978", "pivot"] == "USA"
    assert hist.loc["p2022", "configuration"] == "stable_marriage"
    assert hist.loc["p2022", "USA"] == "outcast"
    assert set(hist["pivot"]) - {""} == {"USA", "CHN"}
    # 1 Oct 1949 to 4 Feb 2022, both days included: partial years count as fractions
    span = (pd.Timestamp("2022-02-04") - pd.Timestamp("1949-10-01")).days + 1
    totals = role_years(hist).sum()
    assert totals.nunique() == 1
    assert totals.iloc[0] == pytest.approx(span / 365.25, abs=0.01)
    assert hist.loc["p2022", "years"] == pytest.approx(35 / 365, abs=0.001)
    assert hist.loc["p1949_1959", "years"] == pytest.approx(10 + 92 / 365, abs=0.001)


def test_contested_codings_are_flagged(periods):
    contested = periods.dropna(subset=["other_codings"])
    assert len(contested) >= 5
    assert (periods.loc[periods["confidence"] == "low", "other_codings"].notna()).all()


BAD = [
    # (id, change, row, column, words in the message)
    ("sign not +1/-1", lambda t: _set(t, 2, "sign", "0"), 2, "sign", "expected one of: 1, -1"),
    ("sign as a word", lambda t: _set(t, 3, "sign", "friendly"), 3, "sign", "cannot read"),
    ("unknown dyad", lambda t: _set(t, 4, "dyad", "USA-GBR"), 4, "dyad", "'USA-GBR'"),
    ("intensity out of scale", lambda t: _set(t, 5, "intensity", "7"), 5, "intensity", "1, 2, 3"),
    (
        "unknown source",
        lambda t: _set(t, 6, "source_id", "nobody_1999"),
        6,
        "source_id",
        "unknown source_id 'nobody_1999'",
    ),
    ("blank rationale", lambda t: _set(t, 7, "rationale", ""), 7, "rationale", "blank"),
    ("year before 1949", lambda t: _set(t, 2, "start_year", "1945"), 2, "start_year", "below"),
    ("end before start", lambda t: _set(t, 2, "end_year", "1948"), 2, "end_year", None),
    (
        "duplicate dyad",
        lambda t: _set(t, 3, "dyad", "USA-CHN"),
        3,
        "period_id, dyad",
        "duplicate key",
    ),
]


@pytest.mark.parametrize(
    ("change", "row", "column", "words"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_bad_cells_name_file_row_and_column(corrupt, change, row, column, words):
    path = corrupt("triangle_periods.csv", change)
    with pytest.raises(DataError) as info:
        load_triangle_periods(path)
    err = info.value
    assert err.file.endswith("triangle_periods.csv")
    assert (err.row, err.column) == (row, column)
    if words:
        assert words in str(err)


def test_missing_dyad_names_the_period(corrupt):
    def drop_row(text):
        rows = _rows(text)
        return _write([r for i, r in enumerate(rows) if i != 3])  # CHN-RUS of 1949-59

    with pytest.raises(DataError, match=r"period 'p1949_1959' has no row for dyad 'CHN-RUS'"):
        load_triangle_periods(corrupt("triangle_periods.csv", drop_row))


def test_rows_of_one_period_must_agree_on_dates(corrupt):
    path = corrupt("triangle_periods.csv", lambda t: _set(t, 3, "end_year", "1958"))
    with pytest.raises(DataError, match="disagree on end_year") as info:
        load_triangle_periods(path)
    assert info.value.column == "end_year"


def _shift_period(text: str, period: str, start: str, end: str | None = None) -> str:
    rows = _rows(text)
    for r in rows[1:]:
        if r[0] == period:
            r[1] = start
            r[3] = ""  # a moved period keeps no partial-year dates
            if end is not None:
                r[2] = end
    return _write(rows)


def test_a_gap_between_periods_is_an_error(corrupt):
    path = corrupt("triangle_periods.csv", lambda t: _shift_period(t, "p1960_1968", "1961"))
    with pytest.raises(DataError, match="'p1960_1968' starts in 1961 and leaves a gap after"):
        load_triangle_periods(path)


def test_overlapping_periods_are_an_error(corrupt):
    path = corrupt("triangle_periods.csv", lambda t: _shift_period(t, "p1972_1978", "1970"))
    with pytest.raises(DataError, match="'p1972_1978' starts in 1970 and overlaps"):
        load_triangle_periods(path)


def test_coverage_must_start_in_1949_and_end_in_2022(corrupt):
    late = corrupt("triangle_periods.csv", lambda t: _shift_period(t, "p1949_1959", "1950"))
    with pytest.raises(DataError, match="starts in 1950, not 1949"):
        load_triangle_periods(late)


def test_a_partial_year_date_must_fall_in_its_year(corrupt):
    path = corrupt("triangle_periods.csv", lambda t: _set(t, 2, "start_date", "1950-10-01"))
    with pytest.raises(DataError) as info:
        load_triangle_periods(path)
    assert (info.value.row, info.value.column) == (2, "start_date")
    assert "1950-10-01 is not in start_year 1949" in str(info.value)


def test_rows_of_one_period_must_agree_on_partial_year_dates(corrupt):
    path = corrupt("triangle_periods.csv", lambda t: _set(t, 33, "end_date", "2022-02-24"))
    with pytest.raises(DataError, match="disagree on end_date"):
        load_triangle_periods(path)


def test_coverage_must_reach_2022(corrupt):
    path = corrupt(
        "triangle_periods.csv", lambda t: _write([r for r in _rows(t) if r[0] != "p2022"])
    )
    with pytest.raises(DataError, match="ends in 2021, not 2022"):
        load_triangle_periods(path)
