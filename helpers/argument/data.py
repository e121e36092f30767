"""Schemas and loaders for lesson 05: the argument map, hindsight and the democracy passages.

Four files, each checked against its schema and then against the files it points to:

- ``argument_nodes.csv``: the commentary's argument as boxes (the conclusion, five premises, the
  evidence and the objections), each linked to claims in the ledger (``claims.csv``);
- ``argument_edges.csv``: which box supports or attacks which;
- ``hindsight.csv``: what happened after 4 February 2022, each development linked to the claim
  it bears on, with whether it supports, weakens or is mixed for that claim;
- ``hindsight_scoring.csv``: which claims the hindsight scores (predictive and interpretive ones
  only), and why;
- ``democracy_passages.csv``: short passages on democracy from the joint statement, the
  commentary and the US Summit for Democracy, each as its party's claim, saying whose words
  each is (the speaker's own, an official translation, or an agency's summary);
- ``democracy_evidence.csv``: attributed assessments and claims about democracy and
  non-interference (an index, governments, the UN General Assembly, third voices).

Every problem raises :class:`~helpers.core.schema.DataError`, naming the file, the line and the
column.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.rules import date_matches_precision
from helpers.core.schema import DATA_DIR, DataError, resource_schema
from helpers.core.tables import load_table, read_rows, shown_name
from helpers.ledger.data import MAX_QUOTATION, load_claims

__all__ = [
    "ARGUMENT_EDGES",
    "ARGUMENT_NODES",
    "DEMOCRACY_EVIDENCE",
    "DEMOCRACY_PASSAGES",
    "EFFECTS",
    "HINDSIGHT",
    "HINDSIGHT_AFTER",
    "HINDSIGHT_SCORING",
    "PARTIES",
    "RELATIONS",
    "ROLES",
    "SCHEMAS",
    "load_argument",
    "load_argument_edges",
    "load_argument_nodes",
    "load_hindsight",
    "load_hindsight_scoring",
    "scored_claims",
]

#: The kinds of box in the argument map, from the top of the map down; accuracy notes are drawn
#: beside the map, not as objections.
ROLES = ("conclusion", "premise", "evidence", "objection", "accuracy_note")
#: How one box bears on another (``notes``: an accuracy note on a box, which attacks nothing).
RELATIONS = ("supports", "attacks", "notes")
#: The claim types that hindsight may score (facts about the 2022 text are not scored).
SCORABLE_TYPES = ("predictive", "interpretive")
#: How a later development bears on a claim.
EFFECTS = ("supports", "weakens", "mixed")
#: Whose words a democracy passage gives.
PARTIES = ("china_russia", "yu_bin", "united_states")
THEMES = ("what_democracy_is", "who_decides", "interference", "world_order", "agenda", "context")
HINDSIGHT_TOPICS = ("war", "diplomacy", "trade", "energy", "democracy")
HINDSIGHT_KINDS = ("event", "stated_position", "data")
#: The day of the joint statement: every hindsight row must be dated after it.
HINDSIGHT_AFTER = pd.Timestamp("2022-02-04")
#: Box labels must fit in a box of the map.
MAX_LABEL = 40


_precision_matches = date_matches_precision()


def _node_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if len(row["label"]) > MAX_LABEL:
        yield "label", f"keep box labels to {MAX_LABEL} characters (the map draws them)"
    needs_voice = row["role"] in ("objection", "accuracy_note")
    if needs_voice and row["attributed_to"] is None:
        yield "attributed_to", "say whose objection or note this is (a scholar, a government, ...)"
    if not needs_voice and row["attributed_to"] is not None:
        yield "attributed_to", "only objections and accuracy notes are attributed"


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


def _one_conclusion(frame: pd.DataFrame, lines: list[int]):
    """Table check: the map has exactly one conclusion."""
    found = [line for line, role in zip(lines, frame["role"], strict=True) if role == "conclusion"]
    if len(found) != 1:
        yield (
            found[1] if len(found) > 1 else None,
            "role",
            f"the map needs exactly one conclusion, found {len(found)}",
        )


ARGUMENT_NODES = resource_schema(
    "argument_nodes", row_checks=(_node_checks,), table_checks=(_one_conclusion,)
)
ARGUMENT_EDGES = resource_schema("argument_edges", row_checks=(_edge_checks,))
HINDSIGHT = resource_schema("hindsight", row_checks=(_hindsight_checks,))
DEMOCRACY_PASSAGES = resource_schema("democracy_passages", row_checks=(_passage_checks,))
HINDSIGHT_SCORING = resource_schema("hindsight_scoring")
DEMOCRACY_EVIDENCE = resource_schema("democracy_evidence", row_checks=(_precision_matches,))
SCHEMAS = (ARGUMENT_NODES, ARGUMENT_EDGES, HINDSIGHT, HINDSIGHT_SCORING, DEMOCRACY_PASSAGES,
           DEMOCRACY_EVIDENCE)  # fmt: skip


def _problem(path: str | Path | None, schema, column: str, key: str, key_column: str, text: str):
    """A DataError on the row of ``path`` (default: the file in data/) whose key is ``key``."""
    target = Path(path) if path is not None else DATA_DIR / schema.filename
    line = _lines_by_id(path, schema, key_column).get(key)
    return DataError(shown_name(target), text, line=line, column=column)


def _lines_by_id(path: str | Path | None, schema, column: str) -> dict[str, int]:
    """Each id in ``column`` with the line it is on (read again only to report a problem)."""
    target = Path(path) if path is not None else DATA_DIR / schema.filename
    header, rows = read_rows(target, str(target))
    at = header.index(column)
    return {cells[at].strip(): line for line, cells in rows}


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
    ['c14', 'c40']
    """
    return load_table(ARGUMENT_NODES, path, references={"claims": claims_path})


def load_argument_edges(
    path: str | Path | None = None, *, nodes_path: str | Path | None = None
) -> pd.DataFrame:
    """Load the links of the argument map (``data/argument_edges.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    nodes_path : str or Path, optional
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
    ['attacks', 'notes', 'supports']
    """
    return load_table(ARGUMENT_EDGES, path, references={"argument_nodes": nodes_path})


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
    4
    """
    nodes = load_argument_nodes(nodes_path)
    edges = load_argument_edges(edges_path, nodes_path=nodes_path)
    role = nodes.set_index("node_id")["role"]
    for edge_id, source, relation in edges[["edge_id", "from_node", "relation"]].itertuples(
        index=False
    ):
        if (relation == "notes") != (role[source] == "accuracy_note"):
            raise _problem(edges_path, ARGUMENT_EDGES, "relation", edge_id, "edge_id",
                           f"{source!r} is a {role[source]}: accuracy notes (and only they) "
                           "'notes' a box; objections 'attacks' it")  # fmt: skip
    linked = set(edges["from_node"])
    loose = [n for n, role in zip(nodes["node_id"], nodes["role"], strict=True)
             if role != "conclusion" and n not in linked]  # fmt: skip
    if loose:
        line = _lines_by_id(nodes_path, ARGUMENT_NODES, "node_id")[loose[0]]
        target = Path(nodes_path) if nodes_path is not None else DATA_DIR / ARGUMENT_NODES.filename
        raise DataError(
            shown_name(target),
            f"box {loose[0]!r} supports or attacks nothing: add a link for it in "
            "data/argument_edges.csv",
            line=line,
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

    frame = load_table(HINDSIGHT, path, references={"claims": claims_path})
    return frame.sort_values(["date", "hindsight_id"], kind="stable").reset_index(drop=True)


def load_hindsight_scoring(
    path: str | Path | None = None,
    *,
    hindsight_path: str | Path | None = None,
    claims_path: str | Path | None = None,
) -> pd.DataFrame:
    """Which claims the hindsight scores, and why (``data/hindsight_scoring.csv``).

    Every claim that a hindsight row bears on must be listed, and only predictive and
    interpretive claims may be scored: facts about the 2022 text are not.

    Raises
    ------
    DataError
        If a hindsight claim is missing, or a scored claim is a factual or normative claim.

    Examples
    --------
    >>> scoring = load_hindsight_scoring()
    >>> sorted(scoring.loc[scoring["scored"], "claim_id"])
    ['c14', 'c42', 'c57', 'c67']
    """
    frame = load_table(HINDSIGHT_SCORING, path, references={"claims": claims_path})
    kinds = load_claims(claims_path).set_index("claim_id")["claim_type"]
    for claim_id, scored in frame[["claim_id", "scored"]].itertuples(index=False):
        if scored and kinds[claim_id] not in SCORABLE_TYPES:
            raise _problem(path, HINDSIGHT_SCORING, "scored", claim_id, "claim_id",
                           f"{claim_id} is a {kinds[claim_id]} claim: score only predictive and "
                           "interpretive claims")  # fmt: skip
    missing = sorted(set(load_hindsight(hindsight_path)["claim_id"]) - set(frame["claim_id"]))
    if missing:
        target = Path(path) if path is not None else DATA_DIR / HINDSIGHT_SCORING.filename
        raise DataError(shown_name(target), f"no row for {', '.join(missing)}, which "
                        "hindsight.csv bears on: say whether it is scored, and why",
                        column="claim_id")  # fmt: skip
    return frame


def scored_claims(scoring: pd.DataFrame | None = None) -> list[str]:
    """The ids of the claims the hindsight scores.

    Examples
    --------
    >>> scored_claims()
    ['c14', 'c42', 'c57', 'c67']
    """
    table = load_hindsight_scoring() if scoring is None else scoring
    return sorted(table.loc[table["scored"].astype(bool), "claim_id"])
