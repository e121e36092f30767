"""Lesson 00's data: the timeline of events and the phases of Sino-Soviet/Russian relations.

Every loader reads its file from the package's ``data/`` folder (never the working directory),
checks it against its schema in ``data/datapackage.json`` (columns, types, allowed values, unique
keys, dates, and that every ``source_id`` exists in ``data/sources.csv``) and returns a fresh copy
of a cached :class:`pandas.DataFrame`. A problem raises :class:`~helpers.core.schema.DataError`,
naming the file, the line and the column. Pass ``path=`` to check a file of your own.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.core.rules import date_matches_precision, end_not_before_start
from helpers.core.schema import resource_schema
from helpers.core.tables import load_table

__all__ = ["EVENTS", "PHASES", "SCHEMAS", "load_events", "load_phases"]


def _phases_do_not_overlap(frame: pd.DataFrame, lines: list[int]):
    """Table check: each phase starts when or after the one before it ends."""
    order = frame.assign(_line=lines).sort_values("start")
    rows = order.to_dict("records")
    for before, after in zip(rows, rows[1:], strict=False):
        if after["start"] < before["end"]:
            yield (
                after["_line"],
                "start",
                f"phase {after['phase_id']!r} starts before {before['phase_id']!r} ends",
            )


EVENTS = resource_schema(
    "events",
    row_checks=(
        date_matches_precision("date", "date_precision"),
        end_not_before_start("date", "end_date"),
    ),
)

PHASES = resource_schema(
    "relations_phases",
    row_checks=(end_not_before_start("start", "end"),),
    table_checks=(_phases_do_not_overlap,),
)

SCHEMAS = (EVENTS, PHASES)


def load_events(path: str | Path | None = None) -> pd.DataFrame:
    """Load the timeline of events the commentary relies on, 1914–2025 (``data/events.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per event, sorted by date; ``date`` and ``end_date`` are datetimes (the first
        day of the period at month or year precision), ``actors``, ``commentary_paragraphs`` and
        ``source_id`` are lists.

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, row and column).

    Examples
    --------
    >>> events = load_events()
    >>> events.set_index("event_id").loc["joint_statement_2022", "date"]
    Timestamp('2022-02-04 00:00:00')
    """
    frame = load_table(EVENTS, path)
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def load_phases(path: str | Path | None = None) -> pd.DataFrame:
    """Load the phases of Sino-Soviet/Russian relations, 1949–2022 (``data/relations_phases.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per phase: phase_id, phase, start, end, label, description, other_datings,
        source_id.

    Raises
    ------
    DataError
        If the file is missing or malformed, or the phases overlap.

    Examples
    --------
    >>> list(load_phases()["phase"])
    ['alliance', 'split', 'normalization', 'partnership']
    """
    return load_table(PHASES, path).sort_values("start").reset_index(drop=True)
