"""Schema and loader of the strategic triangle coded period by period, 1949-2022.

``data/triangle_periods.csv`` has one row per period and dyad (US-China, US-USSR/Russia,
China-USSR/Russia): the sign (+1 amity, -1 enmity), an intensity (1-3), a one-line rationale,
other scholars' codings where they differ, a confidence and the sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.schema import resource_schema
from helpers.core.tables import load_table

__all__ = [
    "DYADS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "SCHEMAS",
    "TRIANGLE_PERIODS",
    "load_triangle_periods",
    "trade_legs",
]

#: The three dyads, written as in the file.
DYADS: tuple[str, str, str] = ("USA-CHN", "USA-RUS", "CHN-RUS")
FIRST_YEAR, LAST_YEAR = 1949, 2022


def _end_not_before_start(row: dict[str, Any]):
    if row["end_year"] < row["start_year"]:
        yield "end_year", f"ends ({row['end_year']}) before it starts ({row['start_year']})"


def _dates_in_their_years(row: dict[str, Any]):
    """A partial first or last year: ``start_date`` falls in ``start_year``, ``end_date`` in
    ``end_year`` (the dates only say which part of that year the period covers)."""
    for date, year in (("start_date", "start_year"), ("end_date", "end_year")):
        value = row.get(date)
        if value is not None and not pd.isna(value) and value.year != row[year]:
            yield date, f"{value:%Y-%m-%d} is not in {year} {row[year]}"


def _periods_complete(frame: pd.DataFrame, lines: list[int]):
    """Table check: each period has the three dyads and one set of dates; periods are contiguous."""
    spans = []
    framed = frame.assign(_line=lines)
    for period_id, rows in framed.groupby("period_id", sort=False):
        first = int(rows["_line"].iloc[0])
        missing = [d for d in DYADS if d not in set(rows["dyad"])]
        if missing:
            yield (first, "dyad", f"period {period_id!r} has no row for dyad {missing[0]!r}; "
                   f"each period needs one row for each of: {', '.join(DYADS)}")  # fmt: skip
        for column in ("start_year", "end_year", "start_date", "end_date", "label"):
            if rows[column].nunique(dropna=False) != 1:
                yield first, column, f"the rows of period {period_id!r} disagree on {column}"
        spans.append((int(rows["start_year"].iloc[0]), int(rows["end_year"].iloc[0]), period_id,
                      first))  # fmt: skip
    spans.sort()
    if spans[0][0] != FIRST_YEAR:
        yield (
            spans[0][3],
            "start_year",
            f"the first period ({spans[0][2]!r}) starts in {spans[0][0]}, not {FIRST_YEAR}",
        )
    if spans[-1][1] != LAST_YEAR:
        yield (
            spans[-1][3],
            "end_year",
            f"the last period ({spans[-1][2]!r}) ends in {spans[-1][1]}, not {LAST_YEAR}",
        )
    for (_, end, before, _l), (start, _, after, line) in zip(spans, spans[1:], strict=False):
        if start != end + 1:
            kind = "overlaps" if start <= end else "leaves a gap after"
            yield (
                line,
                "start_year",
                f"period {after!r} starts in {start} and {kind} period "
                f"{before!r} (which ends in {end}); periods must follow each other year by year",
            )


TRIANGLE_PERIODS = resource_schema(
    "triangle_periods",
    row_checks=(_end_not_before_start, _dates_in_their_years),
    table_checks=(_periods_complete,),
)
SCHEMAS = (TRIANGLE_PERIODS,)


def load_triangle_periods(path: str | Path | None = None) -> pd.DataFrame:
    """Load the US-China-Russia triangle coded period by period, 1949-2022.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per period and dyad, in time order: period_id, start_year, end_year,
        start_date and end_date (set only for a partial first or last year), label, dyad,
        sign (+1/-1), intensity (1-3, may be missing), rationale, other_codings, confidence,
        source_id (a list).

    Raises
    ------
    DataError
        If the file is missing or malformed, a period lacks a dyad, or the periods do not
        follow each other without gaps from 1949 to 2022.

    Examples
    --------
    >>> periods = load_triangle_periods()
    >>> periods.groupby("period_id").size().eq(3).all()
    np.True_
    >>> int(periods["start_year"].min()), int(periods["end_year"].max())
    (1949, 2022)
    """
    frame = load_table(TRIANGLE_PERIODS, path)
    order = {d: i for i, d in enumerate(DYADS)}
    frame["_dyad_order"] = frame["dyad"].map(order)
    frame = frame.sort_values(["start_year", "_dyad_order"], kind="stable")
    return frame.drop(columns="_dyad_order").reset_index(drop=True)


def trade_legs(year: int, periods: pd.DataFrame | None = None) -> pd.DataFrame:
    """The trade each leg of the triangle carried in one year, beside the leg's coded sign.

    The US legs come from ``data/triangle_trade.csv`` (US Census, and China's customs for
    US-China where found), the China-Russia leg from ``data/china_russia_trade.csv`` (China's
    and Russia's customs); only rows marked ``preferred``, goods trade in US$ bn.

    Parameters
    ----------
    year : int
        A year covered both by the coding (1949-2022) and by the trade files.
    periods : pandas.DataFrame, optional
        The coded periods (default: :func:`load_triangle_periods`).

    Returns
    -------
    pandas.DataFrame
        One row per leg and reporter: dyad, reporter, total_usd_bn, sign (+1 friend, -1 enemy,
        from the period that covers ``year``), intensity, source_id.

    Raises
    ------
    ValueError
        If no coded period covers ``year``.

    Examples
    --------
    >>> legs = trade_legs(2021).set_index(["dyad", "reporter"])
    >>> float(legs.loc[("CHN-RUS", "china_customs"), "total_usd_bn"])
    146.887
    >>> int(legs.loc[("USA-CHN", "us_census"), "sign"])
    -1
    """
    from helpers.trade.data import load_china_russia_trade, load_triangle_trade

    periods = load_triangle_periods() if periods is None else periods
    rows = periods[(periods["start_year"] <= year) & (periods["end_year"] >= year)]
    if rows.empty:
        raise ValueError(f"no coded period covers {year}; the coding runs {FIRST_YEAR}-{LAST_YEAR}")
    coded = rows.set_index("dyad")
    us = load_triangle_trade(preferred_only=True)
    us = us[us["year"] == year].assign(dyad="USA-" + us["partner"])
    cr = load_china_russia_trade(preferred_only=True)
    cr = cr[cr["year"] == year].assign(dyad="CHN-RUS", reporter=cr["series"])
    legs = pd.concat([us, cr], ignore_index=True)
    legs = legs[legs["total_usd_bn"].notna()]
    legs["sign"] = legs["dyad"].map(coded["sign"])
    legs["intensity"] = legs["dyad"].map(coded["intensity"])
    order = {d: i for i, d in enumerate(DYADS)}
    legs = legs.sort_values(["dyad", "reporter"], key=lambda c: c.map(order) if c.name == "dyad"
                            else c, kind="stable")  # fmt: skip
    columns = ["dyad", "reporter", "total_usd_bn", "sign", "intensity", "source_id"]
    return legs[columns].reset_index(drop=True)
