"""Schemas and loaders for lesson 05: the argument map, hindsight and the democracy passages.

Four files, each checked against its schema and then against the files it points to:

- ``argument_nodes.csv``: the commentary's argument as boxes (the conclusion, five premises, the
  evidence and the objections), each linked to claims in the ledger (``claims.csv``);
- ``argument_edges.csv``: which box supports or attacks which;
- ``hindsight.csv``: what happened after 4 February 2022, each development linked to the claim
  it bears on, with whether it supports, weakens or is mixed for that claim;
- ``democracy_passages.csv``: short passages on democracy from the joint statement, the
  commentary and the US Summit for Democracy, each as its party's claim.

Every problem raises :class:`~helpers._table.DataError`, naming the file, the row (the header is
row 1) and the column.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from helpers._table import DATA_DIR, Column, DataError, Schema, load_table, parse_date, shown_name
from helpers.data_ledger import MAX_QUOTATION, PARAGRAPH_COUNT, load_claims

__all__ = [
    "ARGUMENT_EDGES",
    "ARGUMENT_NODES",
    "DEMOCRACY_PASSAGES",
    "EFFECTS",
    "HINDSIGHT",
    "HINDSIGHT_AFTER",
    "PARTIES",
    "RELATIONS",
    "ROLES",
    "SCHEMAS",
    "load_argument",
    "load_argument_edges",
    "load_argument_nodes",
    "load_democracy_passages",
    "load_hindsight",
]

#: The kinds of box in the argument map, from the top of the map down.
ROLES = ("conclusion", "premise", "evidence", "objection")
#: How one box bears on another.
RELATIONS = ("supports", "attacks")
#: How a later development bears on a claim.
EFFECTS = ("supports", "weakens", "mixed")
#: Whose words a democracy passage gives.
PARTIES = ("china_russia", "yu_bin", "united_states")
THEMES = ("what_democracy_is", "who_decides", "interference", "world_order", "agenda", "context")
HINDSIGHT_TOPICS = ("war", "diplomacy", "trade", "energy", "democracy")
HINDSIGHT_KINDS = ("event", "stated_position", "data")
CONFIDENCE = ("high", "medium", "low")
#: The day of the joint statement: every hindsight row must be dated after it.
HINDSIGHT_AFTER = pd.Timestamp("2022-02-04")
#: Box labels must fit in a box of the map.
MAX_LABEL = 40


def _precision_matches(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    text = row["__raw__"]["date"]
    if text and parse_date(text)[1] != row["date_precision"]:
        yield "date", f"{text!r} does not match date_precision {row['date_precision']!r}"


def _node_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if len(row["label"]) > MAX_LABEL:
        yield "label", f"keep box labels to {MAX_LABEL} characters (the map draws them)"


def _edge_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if row["from_node"] == row["to_node"]:
        yield "to_node", "a box cannot support or attack itself"


def _hindsight_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    yield from _precision_matches(row)
    if row["date"] <= HINDSIGHT_AFTER:
        # a month or a year that starts on or before 4 Feb 2022 may include days before it
        yield (
            "date",
            (
                f"{row['__raw__']['date']!r} is not after 4 Feb 2022: hindsight rows must be dated "
                "after the joint statement (give the day the development happened or was reported)"
            ),
        )
    if row["kind"] == "stated_position" and row["party"] is None:
        yield "party", "a stated position needs the party whose position it is"


def _passage_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    yield from _precision_matches(row)
    if len(row["quotation"]) > MAX_QUOTATION:
        yield "quotation", f"quote a sentence or less (at most {MAX_QUOTATION} characters)"
    is_commentary = row["party"] == "yu_bin"
    for column in ("paragraph", "claim_id"):
        if is_commentary and row[column] is None:
            yield column, "a passage from the commentary needs its paragraph and claim_id"
        if not is_commentary and row[column] is not None:
            yield column, "only passages from the commentary (party yu_bin) have this column"


ARGUMENT_NODES = Schema(
    "argument_nodes.csv",
    (
        Column("node_id", "id"),
        Column("role", allowed=ROLES),
        Column("label"),
        Column("text"),
        Column("claim_ids", "list"),
        Column("source_id", "list", sources=True),
    ),
    key=("node_id",),
    row_checks=(_node_checks,),
)

ARGUMENT_EDGES = Schema(
    "argument_edges.csv",
    (
        Column("edge_id", "id"),
        Column("from_node", "id"),
        Column("to_node", "id"),
        Column("relation", allowed=RELATIONS),
        Column("note"),
        Column("source_id", "list", sources=True),
    ),
    key=("edge_id",),
    row_checks=(_edge_checks,),
)

HINDSIGHT = Schema(
    "hindsight.csv",
    (
        Column("hindsight_id", "id"),
        Column("date", "date", minimum=2022, maximum=2026),
        Column("date_precision", allowed=("day", "month", "year")),
        Column("topic", allowed=HINDSIGHT_TOPICS),
        Column("development"),
        Column("kind", allowed=HINDSIGHT_KINDS),
        Column("party", required=False),
        Column("claim_id", "id"),
        Column("effect", allowed=EFFECTS),
        Column("reason"),
        Column("event_id", "id", required=False),
        Column("confidence", allowed=CONFIDENCE),
        Column("source_id", "list", sources=True),
    ),
    key=("hindsight_id",),
    row_checks=(_hindsight_checks,),
)

DEMOCRACY_PASSAGES = Schema(
    "democracy_passages.csv",
    (
        Column("passage_id", "id"),
        Column("party", allowed=PARTIES),
        Column("speaker"),
        Column("document"),
        Column("date", "date", minimum=2021, maximum=2022),
        Column("date_precision", allowed=("day", "month", "year")),
        Column("theme", allowed=THEMES),
        Column("quotation"),
        Column("paragraph", "int", required=False, minimum=1, maximum=PARAGRAPH_COUNT),
        Column("claim_id", "id", required=False),
        Column("note"),
        Column("source_id", "list", sources=True),
    ),
    key=("passage_id",),
    row_checks=(_passage_checks,),
)

#: The CSV schemas of this module, by file name (merged into ``helpers.data.SCHEMAS``).
SCHEMAS: dict[str, Schema] = {
    s.filename: s for s in (ARGUMENT_NODES, ARGUMENT_EDGES, HINDSIGHT, DEMOCRACY_PASSAGES)
}


def _shown(schema: Schema, path: str | Path | None) -> str:
    return shown_name(Path(path) if path is not None else DATA_DIR / schema.filename)


def _claim_ids(claims_path: str | Path | None) -> set[str]:
    return set(load_claims(claims_path)["claim_id"])


def load_argument_nodes(
    path: str | Path | None = None, *, claims_path: str | Path | None = None
) -> pd.DataFrame:
    """Load the boxes of the argument map (``data/argument_nodes.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    claims_path : str or Path, optional
        The claim ledger to check ``claim_ids`` against (default ``data/claims.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per box: node_id, role, label, text, claim_ids (list), source_id (list).

    Raises
    ------
    DataError
        If the file is malformed, a claim_id is not in the ledger, or there is not exactly one
        conclusion (the message names file, row and column).

    Examples
    --------
    >>> nodes = load_argument_nodes()
    >>> nodes.set_index("node_id").loc["conclusion", "claim_ids"]
    ['c14', 'c57']
    """
    frame = load_table(ARGUMENT_NODES, path)
    shown, known = _shown(ARGUMENT_NODES, path), _claim_ids(claims_path)
    for i, ids in enumerate(frame["claim_ids"]):
        unknown = [c for c in ids if c not in known]
        if unknown:
            raise DataError(
                shown,
                f"claim {unknown[0]!r} is not in the claim ledger (data/claims.csv)",
                row=i + 2,
                column="claim_ids",
            )
    conclusions = int((frame["role"] == "conclusion").sum())
    if conclusions != 1:
        raise DataError(
            shown, f"the map needs exactly one conclusion, found {conclusions}", column="role"
        )
    return frame


def load_argument_edges(
    path: str | Path | None = None, *, nodes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Load the links of the argument map (``data/argument_edges.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    nodes : pandas.DataFrame, optional
        The boxes to check ``from_node`` and ``to_node`` against (default: the committed boxes).

    Returns
    -------
    pandas.DataFrame
        One row per link: edge_id, from_node, to_node, relation (``supports`` or ``attacks``),
        note, source_id (list).

    Raises
    ------
    DataError
        If the file is malformed or a link names a box that does not exist.

    Examples
    --------
    >>> edges = load_argument_edges()
    >>> sorted(edges["relation"].unique())
    ['attacks', 'supports']
    """
    frame = load_table(ARGUMENT_EDGES, path)
    shown = _shown(ARGUMENT_EDGES, path)
    known = set((load_argument_nodes() if nodes is None else nodes)["node_id"])
    for i, row in frame.iterrows():
        for column in ("from_node", "to_node"):
            if row[column] not in known:
                raise DataError(
                    shown,
                    f"box {row[column]!r} is not in data/argument_nodes.csv",
                    row=int(i) + 2,
                    column=column,
                )
    return frame


def load_argument(
    nodes_path: str | Path | None = None, edges_path: str | Path | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the argument map: its boxes and its links, checked against each other.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(nodes, edges)``, as from :func:`load_argument_nodes` and :func:`load_argument_edges`.
        Every box except the conclusion supports or attacks another box.

    Raises
    ------
    DataError
        If either file is malformed, or a box other than the conclusion links to nothing.

    Examples
    --------
    >>> nodes, edges = load_argument()
    >>> int((nodes["role"] == "premise").sum())
    5
    """
    nodes = load_argument_nodes(nodes_path)
    edges = load_argument_edges(edges_path, nodes=nodes)
    linked = set(edges["from_node"])
    for i, row in nodes.iterrows():
        if row["role"] != "conclusion" and row["node_id"] not in linked:
            raise DataError(
                _shown(ARGUMENT_NODES, nodes_path),
                f"box {row['node_id']!r} supports or attacks nothing: add a link for it in "
                "data/argument_edges.csv",
                row=int(i) + 2,
                column="node_id",
            )
    return nodes, edges


def load_hindsight(
    path: str | Path | None = None, *, claims_path: str | Path | None = None
) -> pd.DataFrame:
    """Load what happened after 4 February 2022 (``data/hindsight.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    claims_path : str or Path, optional
        The claim ledger to check ``claim_id`` against (default ``data/claims.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per development, sorted by date: hindsight_id, date (datetime), date_precision,
        topic, development, kind (``event``, ``stated_position`` or ``data``), party (whose
        position, for stated positions), claim_id, effect (``supports``, ``weakens`` or
        ``mixed``), reason, event_id (in ``events.csv``, or missing), confidence, source_id.

    Raises
    ------
    DataError
        If the file is malformed, a row is dated on or before 4 Feb 2022, a claim_id is not in
        the ledger or an event_id is not in ``data/events.csv``.

    Examples
    --------
    >>> hindsight = load_hindsight()
    >>> bool((hindsight["date"] > "2022-02-04").all())
    True
    """
    from helpers.data import load_events  # here, not at the top: helpers.data imports us

    frame = load_table(HINDSIGHT, path)
    shown, known = _shown(HINDSIGHT, path), _claim_ids(claims_path)
    events = set(load_events()["event_id"])
    for i, row in frame.iterrows():
        if row["claim_id"] not in known:
            raise DataError(
                shown,
                f"claim {row['claim_id']!r} is not in the claim ledger (data/claims.csv)",
                row=int(i) + 2,
                column="claim_id",
            )
        if pd.notna(row["event_id"]) and row["event_id"] not in events:
            raise DataError(
                shown,
                f"event {row['event_id']!r} is not in data/events.csv",
                row=int(i) + 2,
                column="event_id",
            )
    return frame.sort_values(["date", "hindsight_id"], kind="stable").reset_index(drop=True)


def load_democracy_passages(
    path: str | Path | None = None, *, claims_path: str | Path | None = None
) -> pd.DataFrame:
    """Load the democracy passages of the joint statement, the commentary and the US summit.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules (default ``data/democracy_passages.csv``).
    claims_path : str or Path, optional
        The claim ledger that the commentary's passages must quote (default ``data/claims.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per passage: passage_id, party (``china_russia``, ``yu_bin`` or
        ``united_states``), speaker, document, date, date_precision, theme, quotation,
        paragraph and claim_id (commentary only), note, source_id (list).

    Raises
    ------
    DataError
        If the file is malformed, or a commentary passage's claim is not in the ledger, is from
        another paragraph, or does not contain the quotation.

    Examples
    --------
    >>> passages = load_democracy_passages()
    >>> sorted(passages["party"].unique())
    ['china_russia', 'united_states', 'yu_bin']
    """
    frame = load_table(DEMOCRACY_PASSAGES, path)
    shown = _shown(DEMOCRACY_PASSAGES, path)
    ledger = load_claims(claims_path).set_index("claim_id")
    for i, row in frame.iterrows():
        if pd.isna(row["claim_id"]):
            continue
        where = {"row": int(i) + 2}
        if row["claim_id"] not in ledger.index:
            raise DataError(
                shown,
                f"claim {row['claim_id']!r} is not in the claim ledger (data/claims.csv)",
                column="claim_id",
                **where,
            )
        claim = ledger.loc[row["claim_id"]]
        if int(claim["paragraph"]) != int(row["paragraph"]):
            raise DataError(
                shown,
                f"claim {row['claim_id']} is in paragraph {int(claim['paragraph'])}",
                column="paragraph",
                **where,
            )
        if row["quotation"] not in claim["quotation"]:
            raise DataError(
                shown,
                f"the quotation is not the ledger's quotation of claim {row['claim_id']}",
                column="quotation",
                **where,
            )
    return frame
