"""Schemas and loaders for lesson 04's data: agreements coded by obligation, and 1914.

Three files:

- ``data/treaties.csv``: China–Russia/USSR agreements 1945–2022, NATO and AUKUS, one row per
  agreement *and coder* (ATOP v4.01, COW v4.1 or this project), so that where the datasets
  disagree both readings are kept;
- ``data/alliances_1914.csv``: who was bound to whom in 1914, one row per directed commitment
  (guarantor → protected state), with the article and a short quotation;
- ``data/july_crisis_1914.csv``: pledges, mobilisations and declarations of war, 1914–1916,
  with alternative dates where sources disagree;
- ``data/alliance_episodes_1950s.csv``: the Sino-Soviet alliance's own record, 1950–1960, one
  dated episode per row coded as entrapment, abandonment, intrusion or assistance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.schema import resource_schema
from helpers.core.tables import load_table

__all__ = [
    "ALLIANCES_1914",
    "CODERS",
    "EPISODES_1950S",
    "EPISODE_CODINGS",
    "JULY_1914",
    "OBLIGATIONS",
    "OBLIGATIONS_1914",
    "SCHEMAS",
    "STATES_1914",
    "STATE_NAMES_1914",
    "TREATIES",
    "load_alliances_1914",
    "load_episodes_1950s",
    "load_july_crisis_1914",
    "load_treaties",
]

#: ATOP's five obligation types, in the order the lesson shows them.
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation")
#: For 1914 a sixth kind: a guarantee of a neutral state (the 1839 Treaty of London).
OBLIGATIONS_1914 = OBLIGATIONS + ("guarantee",)
#: Who coded a row of ``treaties.csv``.
CODERS = ("ATOP v4.01", "COW v4.1", "this project")
#: The states of the 1914 model and their names.
STATE_NAMES_1914: dict[str, str] = {
    "AUT": "Austria-Hungary", "BEL": "Belgium", "DEU": "Germany", "FRA": "France",
    "GBR": "Britain", "ITA": "Italy", "JPN": "Japan", "MNE": "Montenegro",
    "OTT": "Ottoman Empire", "RUS": "Russia", "SRB": "Serbia",
}  # fmt: skip
STATES_1914 = tuple(sorted(STATE_NAMES_1914))


def _not_before(start: str, end: str):
    def check(row: dict[str, Any]):
        if row.get(end) is not None and row.get(start) is not None and row[end] < row[start]:
            yield end, f"ends ({row[end]:%Y-%m-%d}) before it starts ({row[start]:%Y-%m-%d})"

    return check


def _coding_complete(row: dict[str, Any]):
    """Dataset rows name their id (unless not coded); own codings code every obligation, or
    list it in ``unread_obligations`` (the text that would settle it was not read)."""
    not_coded = row["cow_type"] == "not coded"
    unread = set(row.get("unread_obligations") or ())
    if row["coding_kind"] == "dataset" and not row["dataset_id"] and not not_coded:
        yield "dataset_id", "a dataset coding needs its id (e.g. 'ATOP 3200')"
    if (row["coding_kind"] == "own coding") != (row["coded_by"] == "this project"):
        yield "coding_kind", "rows coded by 'this project' are 'own coding', and only those"
    if unread and row["coding_kind"] != "own coding":
        yield "unread_obligations", "only an own coding may leave obligations unread"
    needed = [o for o in OBLIGATIONS if not (o == "offense" and row["coded_by"] == "COW v4.1")]
    if not not_coded:
        for name in needed:
            if row[name] is None and name not in unread:
                yield (
                    name,
                    (
                        f"obligation '{name}' is blank; write 0 or 1, or list it in "
                        "unread_obligations if the text was not read"
                    ),
                )
            elif row[name] is not None and name in unread:
                yield name, f"obligation '{name}' is coded but also listed as unread"
    elif any(row[o] is not None for o in OBLIGATIONS):
        yield "cow_type", "a row marked 'not coded' must leave every obligation blank"


TREATIES = resource_schema(
    "treaties",
    row_checks=(
        _not_before("signed", "ended"),
        _not_before("signed", "in_force"),
        _coding_complete,
    ),
)


def _distinct_states(first: str, second: str):
    def check(row: dict[str, Any]):
        if row.get(second) is not None and row[first] == row[second]:
            yield second, f"{row[first]!r} cannot be bound to (or act on) itself"

    return check


def _any_alone(row: dict[str, Any]):
    if "any" in row["triggered_by"] and len(row["triggered_by"]) > 1:
        yield "triggered_by", "'any' cannot be combined with named states"


ALLIANCES_1914 = resource_schema(
    "alliances_1914",
    row_checks=(_distinct_states("guarantor", "protected"), _any_alone),
)


def _target_needed(row: dict[str, Any]):
    if row["kind"] not in ("mobilisation", "neutrality") and row["target"] is None:
        yield "target", f"a {row['kind']} needs a target state"


JULY_1914 = resource_schema(
    "july_crisis_1914",
    row_checks=(_distinct_states("actor", "target"), _target_needed),
)

#: How an episode of the 1950s alliance is coded (see ``data/alliance_episodes_1950s.csv``).
EPISODE_CODINGS = ("entrapment", "abandonment", "intrusion", "assistance")

EPISODES_1950S = resource_schema(
    "alliance_episodes_1950s", row_checks=(_not_before("start", "end"),)
)

SCHEMAS = (TREATIES, ALLIANCES_1914, JULY_1914, EPISODES_1950S)


def load_treaties(path: str | Path | None = None) -> pd.DataFrame:
    """Load the agreements coded by obligation (``data/treaties.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per agreement and coder; the obligation columns (``defense`` ... ``consultation``)
        are 0/1, or missing where the coder does not code that obligation.

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, row and column).

    Examples
    --------
    >>> t = load_treaties().set_index("coding_id")
    >>> t.loc["sino_soviet_1950_atop", "ended"], t.loc["sino_soviet_1950_cow", "ended"]
    (Timestamp('1980-04-11 00:00:00'), Timestamp('1980-02-14 00:00:00'))
    """
    return load_table(TREATIES, path)


def load_alliances_1914(path: str | Path | None = None) -> pd.DataFrame:
    """Load the commitments among the powers in 1914 (``data/alliances_1914.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per directed commitment: ``guarantor`` promises something (``obligation``) to
        ``protected`` when it is attacked by a state in ``triggered_by``.

    Raises
    ------
    DataError
        If the file is missing or malformed.

    Examples
    --------
    >>> a = load_alliances_1914()
    >>> sorted(a.loc[a["treaty_id"] == "franco_russian_1892", "guarantor"])
    ['FRA', 'RUS']
    """
    return load_table(ALLIANCES_1914, path)


def load_july_crisis_1914(path: str | Path | None = None) -> pd.DataFrame:
    """Load the July crisis and the declarations of war, 1914–1916 (``data/july_crisis_1914.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per event, sorted by date; ``reading`` is ``main`` or ``alternative`` (another
        source's date for the same event).

    Raises
    ------
    DataError
        If the file is missing or malformed.

    Examples
    --------
    >>> ev = load_july_crisis_1914()
    >>> ev.iloc[0]["kind"], ev[ev["kind"] == "declaration"].iloc[0]["actor"]
    ('pledge', 'AUT')
    """
    frame = load_table(JULY_1914, path)
    return frame.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def load_episodes_1950s(path: str | Path | None = None) -> pd.DataFrame:
    """Load the Sino-Soviet alliance episodes, 1950–1960 (``data/alliance_episodes_1950s.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per episode, sorted by ``start``; ``coding`` is one of :data:`EPISODE_CODINGS`
        and ``borne_by`` lists who bore it (for ``assistance``: who gave it).

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, row and column).

    Examples
    --------
    >>> ep = load_episodes_1950s().set_index("episode_id")
    >>> ep.loc["taiwan_strait_1958", ["coding", "borne_by"]].tolist()
    ['entrapment', ['RUS']]
    """
    frame = load_table(EPISODES_1950S, path)
    return frame.sort_values(["start", "episode_id"], kind="stable").reset_index(drop=True)
