"""Loaders for the collection's data files, one per dataset.

Every loader reads a file from the package's ``data/`` folder (never the working directory),
checks it against its schema (columns, types, allowed values, unique keys, dates, and that every
``source_id`` exists in ``data/sources.csv``) and returns a fresh copy of a cached
:class:`pandas.DataFrame`. A problem raises :class:`DataError`, naming the file, the row and the
column. Pass ``path=`` to check a file of your own against the same rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from helpers._table import (
    DATA_DIR,
    SOURCES,
    Column,
    DataError,
    Schema,
    cache_key,
    load_sources,
    load_table,
    parse_date,
    shown_name,
)
from helpers.data_alliances import SCHEMAS as ALLIANCE_SCHEMAS
from helpers.data_alliances import (
    load_alliances_1914,
    load_july_crisis_1914,
    load_treaties,
)
from helpers.data_argument import SCHEMAS as ARGUMENT_SCHEMAS
from helpers.data_argument import load_argument, load_democracy_passages, load_hindsight
from helpers.data_ledger import SCHEMAS as LEDGER_SCHEMAS
from helpers.data_ledger import load_claims, load_commentary, load_glossary
from helpers.data_trade import SCHEMAS as TRADE_SCHEMAS
from helpers.data_trade import (
    load_china_russia_trade,
    load_energy_crude,
    load_energy_deals,
    load_energy_gas,
    load_energy_lng,
    load_total_trade,
    load_trade_targets,
    load_triangle_trade,
)
from helpers.data_triangle import TRIANGLE_SCHEMAS, load_triangle_periods

__all__ = [
    "DATA_DIR",
    "DataError",
    "SCHEMAS",
    "load_alliances_1914",
    "load_argument",
    "load_china_russia_trade",
    "load_claims",
    "load_commentary",
    "load_democracy_passages",
    "load_energy_crude",
    "load_energy_deals",
    "load_energy_gas",
    "load_energy_lng",
    "load_events",
    "load_glossary",
    "load_hindsight",
    "load_july_crisis_1914",
    "load_phases",
    "load_sources",
    "load_total_trade",
    "load_trade_targets",
    "load_treaties",
    "load_triangle_periods",
    "load_triangle_trade",
    "source_label",
]

ACTORS = (
    "CHN",
    "RUS",
    "USA",
    "ROC",
    "UKR",
    "AUS",
    "GBR",
    "FRA",
    "DEU",
    "AUT",
    "SRB",
    "BEL",
    "JPN",
    "KAZ",
    "MNG",
    "AFG",
    "BRA",
    "IND",
    "ZAF",
    "NATO",
    "BRICS",
    "SCO",
    "UN",
)
PARAGRAPHS = tuple(str(i) for i in range(1, 18))
CONFIDENCE = ("high", "medium", "low")


def _date_matches_precision(date_col: str, precision_col: str):
    """Row check: a date is written to the precision its row claims."""

    def check(row: dict[str, Any]):
        text = row["__raw__"][date_col]
        if text and parse_date(text)[1] != row[precision_col]:
            yield date_col, f"{text!r} does not match date_precision {row[precision_col]!r}"

    return check


def _end_not_before_start(start: str, end: str):
    """Row check: an end date, where given, is not before the start date."""

    def check(row: dict[str, Any]):
        if row.get(end) is not None and row[end] < row[start]:
            yield end, f"ends ({row[end]:%Y-%m-%d}) before it starts ({row[start]:%Y-%m-%d})"

    return check


EVENTS = Schema(
    "events.csv",
    (
        Column("event_id", "id"),
        Column("date", "date", minimum=1914, maximum=2025),
        Column("end_date", "date", required=False, minimum=1914, maximum=2025),
        Column("date_precision", allowed=("day", "month", "year")),
        Column("title"),
        Column("description"),
        Column(
            "category",
            allowed=("treaty", "summit", "conflict", "diplomacy", "economy", "energy", "politics"),
        ),
        Column("actors", "list", allowed=ACTORS),
        Column("commentary_paragraphs", "list", required=False, allowed=PARAGRAPHS),
        Column("confidence", allowed=CONFIDENCE),
        Column("source_id", "list", sources=True),
    ),
    key=("event_id",),
    row_checks=(
        _date_matches_precision("date", "date_precision"),
        _end_not_before_start("date", "end_date"),
    ),
)

PHASES = Schema(
    "relations_phases.csv",
    (
        Column("phase_id", "id"),
        Column("phase", allowed=("alliance", "split", "normalization", "partnership")),
        Column("start", "date", minimum=1949, maximum=2022),
        Column("end", "date", minimum=1949, maximum=2022),
        Column("label"),
        Column("description"),
        Column("other_datings", required=False),
        Column("source_id", "list", sources=True),
    ),
    key=("phase_id",),
    row_checks=(_end_not_before_start("start", "end"),),
)

#: Every schema by file name; tests hold data/README.md against these.
SCHEMAS: dict[str, Schema] = {
    s.filename: s
    for s in (
        SOURCES,
        EVENTS,
        PHASES,
        *TRIANGLE_SCHEMAS,
        *TRADE_SCHEMAS.values(),
        *ALLIANCE_SCHEMAS,
        *LEDGER_SCHEMAS.values(),
        *ARGUMENT_SCHEMAS.values(),
    )
}


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
    frame = load_table(PHASES, path).sort_values("start").reset_index(drop=True)
    shown = shown_name(Path(path) if path is not None else DATA_DIR / PHASES.filename)
    for i in range(1, len(frame)):
        if frame.loc[i, "start"] < frame.loc[i - 1, "end"]:
            raise DataError(
                shown,
                f"phase {frame.loc[i, 'phase_id']!r} starts before "
                f"{frame.loc[i - 1, 'phase_id']!r} ends",
                column="start",
            )
    return frame


_LABELS: dict[tuple | None, dict[str, str]] = {}


def _source_labels() -> dict[str, str]:
    """Every source's short citation, by source_id (cached like the file it comes from)."""
    key = cache_key(DATA_DIR / SOURCES.filename)
    if key not in _LABELS:
        _LABELS.clear()
        _LABELS[key] = {
            row["source_id"]: (
                f"{row['publisher'] or row['author']} {row['date'].year}"
                if pd.notna(row["date"])
                else str(row["publisher"] or row["author"])
            )
            for row in load_sources().to_dict("records")
        }
    return _LABELS[key]


def source_label(source_ids: list[str] | str) -> str:
    """A short citation for a chart's source line: publisher or author, and year.

    Parameters
    ----------
    source_ids : list of str or str
        Ids from ``data/sources.csv``.

    Returns
    -------
    str
        For example ``"TASS 2022; Reuters 2022"`` (duplicates removed, order kept).

    Raises
    ------
    ValueError
        If an id is not in ``data/sources.csv``.

    Examples
    --------
    >>> source_label("worldjpn_1950_treaty")
    'GRIPS World and Japan database 1950'
    """
    ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    known = _source_labels()
    labels: list[str] = []
    for sid in ids:
        if sid not in known:
            raise ValueError(f"unknown source_id {sid!r}; see data/sources.csv for the valid ids")
        if known[sid] not in labels:
            labels.append(known[sid])
    return "; ".join(labels)
