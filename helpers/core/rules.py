"""Checks that several data files share, written once.

Row checks plug into ``Schema.row_checks`` and yield ``(column, problem)``; table checks plug
into ``Schema.table_checks`` and yield ``(line, column, problem)``, where ``line`` is the line of
the file the row starts on (see :mod:`helpers.core.tables`). Both run when a file is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from helpers.core.schema import RowCheck, TableCheck, parse_date

__all__ = [
    "date_matches_precision",
    "end_not_before_start",
    "finish",
    "in_year_order",
    "not_more_than",
    "one_preferred",
    "parts_add_up",
    "split_tolerance",
]


def split_tolerance(total: float) -> float:
    """How far two parts may miss their total (rounding in the sources): 0.5 % or 0.5 bn.

    Examples
    --------
    >>> split_tolerance(100), split_tolerance(1000)
    (0.5, 5.0)
    """
    return max(0.5, 0.005 * abs(total))


def date_matches_precision(
    date_col: str = "date", precision_col: str = "date_precision"
) -> RowCheck:
    """Row check: a date is written to the precision its row claims.

    Examples
    --------
    >>> check = date_matches_precision()
    >>> list(check({"date_precision": "day", "__raw__": {"date": "1960-07"}}))
    [('date', "'1960-07' does not match date_precision 'day'")]
    """

    def check(row: dict[str, Any]):
        text = row["__raw__"][date_col]
        if text and parse_date(text)[1] != row[precision_col]:
            yield date_col, f"{text!r} does not match date_precision {row[precision_col]!r}"

    return check


def end_not_before_start(start: str, end: str) -> RowCheck:
    """Row check: an end date, where given, is not before the start date."""

    def check(row: dict[str, Any]):
        if row.get(end) is not None and row[end] < row[start]:
            yield end, f"ends ({row[end]:%Y-%m-%d}) before it starts ({row[start]:%Y-%m-%d})"

    return check


def parts_add_up(total: str, parts: tuple[str, str]) -> RowCheck:
    """Row check: where the total and both parts are given, the parts add up to the total.

    Examples
    --------
    >>> check = parts_add_up("t", ("a", "b"))
    >>> list(check({"t": 10.0, "a": 4.0, "b": 6.2}))
    []
    >>> list(check({"t": 10.0, "a": 4.0, "b": 7.0}))[0][0]
    't'
    """

    def check(row: dict[str, Any]):
        a, b, whole = row[parts[0]], row[parts[1]], row[total]
        if a is None or b is None or whole is None:
            return
        if abs(a + b - whole) > split_tolerance(whole):
            yield (
                total,
                f"{parts[0]} + {parts[1]} = {a + b:g}, but {total} is {whole:g} "
                f"(more than {split_tolerance(whole):g} apart): check the units and the figures",
            )

    return check


def not_more_than(part: str, whole: str, why: str, *, margin: float = 0.0) -> RowCheck:
    """Row check: ``part`` cannot exceed ``whole`` (by more than ``margin``, a fraction of it)
    where both are given.

    Examples
    --------
    >>> rule = not_more_than("deliveries", "capacity", "a nominal rate", margin=0.05)
    >>> list(rule({"deliveries": 38.8, "capacity": 38}))
    []
    >>> list(rule({"deliveries": 41, "capacity": 38}))
    [('deliveries', '41 is more than 5% above capacity (38): a nominal rate')]
    """

    def check(row: dict[str, Any]):
        if row[part] is None or row[whole] is None or row[part] <= row[whole] * (1 + margin):
            return
        above = f"more than {margin:.0%} above" if margin else "more than"
        yield part, f"{row[part]:g} is {above} {whole} ({row[whole]:g}): {why}"

    return check


def in_year_order(*group: str) -> TableCheck:
    """Table check: within each ``group`` (all rows when empty), years never go backwards.

    Examples
    --------
    >>> frame = pd.DataFrame({"year": [2001, 2003, 2002]})
    >>> list(in_year_order()(frame, [2, 3, 5]))
    [(5, 'year', 'year 2002 comes after 2003 for : keep each series in year order')]
    """

    def check(frame: pd.DataFrame, lines: list[int]):
        last: dict[tuple, int] = {}
        for line, row in zip(lines, frame.to_dict("records"), strict=True):
            key = tuple(row[g] for g in group)
            if key in last and row["year"] < last[key]:
                yield (line, "year", f"year {row['year']} comes after {last[key]} for "
                       f"{'/'.join(map(str, key))}: keep each series in year order")  # fmt: skip
            last[key] = row["year"]

    return check


def one_preferred(*key: str) -> TableCheck:
    """Table check: exactly one row per ``key`` is marked preferred (the others stay as rows).

    Examples
    --------
    >>> frame = pd.DataFrame({"year": [2001, 2001], "preferred": [True, True]})
    >>> [p[:2] for p in one_preferred("year")(frame, [2, 4])]
    [(4, 'preferred')]
    """

    def check(frame: pd.DataFrame, lines: list[int]):
        seen: dict[tuple, int] = {}
        rows = list(zip(lines, frame.to_dict("records"), strict=True))
        for line, row in rows:
            k = tuple(row[c] for c in key)
            if row["preferred"]:
                if k in seen:
                    yield (line, "preferred", f"two preferred rows for {'/'.join(map(str, k))} "
                           f"(also line {seen[k]}): mark only one as preferred=true")  # fmt: skip
                else:
                    seen[k] = line
        for line, row in rows:
            k = tuple(row[c] for c in key)
            if k not in seen:
                seen[k] = line
                yield (line, "preferred", f"no preferred row for {'/'.join(map(str, k))}: "
                       "mark one row preferred=true")  # fmt: skip

    return check


def finish(frame: pd.DataFrame, preferred_only: bool) -> pd.DataFrame:
    """Keep only the preferred rows if asked, and renumber the rows from 0."""
    if preferred_only:
        frame = frame[frame["preferred"]]
    return frame.reset_index(drop=True)


def unique_values(frame: pd.DataFrame, lines: Sequence[int], column: str) -> dict[Any, int]:
    """Each value of ``column`` with the line it first appears on."""
    first: dict[Any, int] = {}
    for line, value in zip(lines, frame[column], strict=True):
        first.setdefault(value, line)
    return first
