"""Checks shared by the trade and energy loaders (lesson 03): rounding, order, preferred rows.

Row checks plug into ``Schema.row_checks`` and table checks (:func:`in_year_order`,
:func:`one_preferred`) into ``Schema.table_checks`` of :class:`helpers._table.Schema`; both run
when a file is read and raise :class:`~helpers._table.DataError` naming the file, the row
(header = row 1) and the column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from helpers._table import DataError

__all__ = [
    "CONFIDENCE",
    "check_order",
    "check_preferred",
    "finish",
    "in_year_order",
    "not_more_than",
    "one_preferred",
    "parts_add_up",
    "split_tolerance",
]

CONFIDENCE = ("high", "medium", "low")


def split_tolerance(total: float) -> float:
    """How far two parts may miss their total (rounding in the sources): 0.5 % or 0.5 bn.

    Examples
    --------
    >>> split_tolerance(100), split_tolerance(1000)
    (0.5, 5.0)
    """
    return max(0.5, 0.005 * abs(total))


def parts_add_up(total: str, parts: tuple[str, str]):
    """Row check: where the total and both parts are given, the parts add up to the total."""

    def check(row: dict[str, Any]):
        a, b, whole = row[parts[0]], row[parts[1]], row[total]
        if a is None or b is None or whole is None:
            return
        if abs(a + b - whole) > split_tolerance(whole):
            yield (
                total,
                (
                    f"{parts[0]} + {parts[1]} = {a + b:g}, but {total} is {whole:g} "
                    f"(more than {split_tolerance(whole):g} apart): check the units and the figures"
                ),
            )

    return check


def not_more_than(part: str, whole: str, why: str):
    """Row check: ``part`` cannot exceed ``whole`` where both are given."""

    def check(row: dict[str, Any]):
        if row[part] is not None and row[whole] is not None and row[part] > row[whole]:
            yield part, f"{row[part]:g} is more than {whole} ({row[whole]:g}): {why}"

    return check


def check_order(frame: pd.DataFrame, group: Sequence[str], where: str) -> None:
    """Within each group, years never go backwards (rows are in year order)."""
    last: dict[tuple, int] = {}
    for i, row in frame.iterrows():
        key = tuple(row[g] for g in group)
        if key in last and row["year"] < last[key]:
            raise DataError(
                where,
                f"year {row['year']} comes after {last[key]} for {'/'.join(map(str, key))}: "
                "keep each series in year order",
                row=int(i) + 2,
                column="year",
            )
        last[key] = row["year"]


def check_preferred(frame: pd.DataFrame, key: Sequence[str], where: str) -> None:
    """Exactly one row per key is marked preferred (conflicting figures stay as other rows)."""
    seen: dict[tuple, int] = {}
    for i, row in frame.iterrows():
        k = tuple(row[c] for c in key)
        if row["preferred"]:
            if k in seen:
                raise DataError(
                    where,
                    f"two preferred rows for {'/'.join(map(str, k))} (also row {seen[k]}): "
                    "mark only one as preferred=true",
                    row=int(i) + 2,
                    column="preferred",
                )
            seen[k] = int(i) + 2
    for i, row in frame.iterrows():
        k = tuple(row[c] for c in key)
        if k not in seen:
            raise DataError(
                where,
                f"no preferred row for {'/'.join(map(str, k))}: mark one row preferred=true",
                row=int(i) + 2,
                column="preferred",
            )


def in_year_order(*group: str) -> Callable[[pd.DataFrame, str], None]:
    """Table check for a Schema: :func:`check_order` within ``group`` (all rows when empty)."""

    def check(frame: pd.DataFrame, where: str) -> None:
        check_order(frame, list(group), where)

    return check


def one_preferred(*key: str) -> Callable[[pd.DataFrame, str], None]:
    """Table check for a Schema: :func:`check_preferred` for ``key``."""

    def check(frame: pd.DataFrame, where: str) -> None:
        check_preferred(frame, list(key), where)

    return check


def finish(frame: pd.DataFrame, preferred_only: bool) -> pd.DataFrame:
    """Keep only the preferred rows if asked, and renumber the rows from 0."""
    if preferred_only:
        frame = frame[frame["preferred"]]
    return frame.reset_index(drop=True)
