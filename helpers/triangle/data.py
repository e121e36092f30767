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
]

#: The three dyads, written as in the file.
DYADS: tuple[str, str, str] = ("USA-CHN", "USA-RUS", "CHN-RUS")
FIRST_YEAR, LAST_YEAR = 1949, 2022


def _end_not_before_start(row: dict[str, Any]):
    if row["end_year"] < row["start_year"]:
        yield "end_year", f"ends ({row['end_year']}) before it starts ({row['start_year']})"


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
        for column in ("start_year", "end_year", "label"):
            if rows[column].nunique() != 1:
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
    row_checks=(_end_not_before_start,),
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
        One row per period and dyad, in time order: period_id, start_year, end_year, label,
        dyad, sign (+1/-1), intensity (1-3, may be missing), rationale, other_codings,
        confidence, source_id (a list).

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
