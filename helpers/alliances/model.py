"""Pure logic for lesson 04: how binding is an agreement, and how commitments spread a war.

No plotting and no file reading:

- :func:`checklist_score` and :func:`checklist_table` put agreements on one commitment checklist
  (ATOP's five obligation types);
- :func:`definition_table` applies three definitions of an alliance (ATOP's, COW's and a narrow
  one) to the same codings, and :func:`alignment_rung` puts an agreement on a ladder of degrees
  of alignment;
- :func:`episode_balance` counts the 1950s alliance's episodes by kind and by who bore them;
- the 1914 chain reaction is in :mod:`helpers.alliances.cascade`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

__all__ = [
    "DEFINITIONS",
    "DRAWS_IN",
    "OBLIGATIONS",
    "RUNGS",
    "alignment_rung",
    "checklist_score",
    "checklist_table",
    "definition_table",
    "episode_balance",
    "is_alliance",
]

#: ATOP's obligation types plus the 1914 guarantee of a neutral state.
OBLIGATIONS = ("defense", "offense", "neutrality", "nonaggression", "consultation", "guarantee")
#: The obligations that make a state go to war in the model.
DRAWS_IN = ("defense", "offense", "guarantee")
_CHECKLIST = OBLIGATIONS[:5]


def _unknown(kind: str, value: object, valid: Iterable[str]) -> ValueError:
    return ValueError(f"unknown {kind} {value!r}; expected one of: {', '.join(valid)}")


# --------------------------------------------------------------------------- checklist


def checklist_score(
    agreement: Mapping[str, object], weights: Mapping[str, float] | None = None
) -> float:
    """Score an agreement on the commitment checklist: the weighted count of its obligations.

    Parameters
    ----------
    agreement : mapping
        Has the keys ``defense``, ``offense``, ``neutrality``, ``nonaggression`` and
        ``consultation`` with values 1 (yes), 0 (no) or missing (not coded, counted as 0).
        A row of :func:`helpers.alliances.data.load_treaties` will do.
    weights : mapping, optional
        Points per obligation (default 1 each). Unknown names raise ``ValueError``.

    Returns
    -------
    float
        The score: 0 for an agreement with no obligation at all.

    Raises
    ------
    ValueError
        For an unknown obligation name in ``weights``, or a value other than 0, 1 or missing.

    Examples
    --------
    >>> checklist_score({"defense": 1, "offense": 0, "neutrality": 0, "nonaggression": 1,
    ...                  "consultation": 0})
    2.0
    >>> checklist_score({"defense": 1}, weights={"defense": 3})
    3.0
    >>> checklist_score({"defense": 1}, weights={"alliance": 3})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown obligation 'alliance'; expected one of: defense, offense, ...
    """
    points = {name: 1.0 for name in _CHECKLIST}
    for name, value in (weights or {}).items():
        if name not in points:
            raise _unknown("obligation", name, _CHECKLIST)
        points[name] = float(value)
    total = 0.0
    for name in _CHECKLIST:
        value = agreement.get(name)
        if value is None or pd.isna(value):
            continue
        if value not in (0, 1):
            raise ValueError(f"obligation {name!r} must be 0, 1 or missing, not {value!r}")
        total += points[name] * float(value)
    return total


def checklist_table(
    treaties: pd.DataFrame,
    *,
    prefer: Sequence[str] = ("ATOP v4.01", "this project"),
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """One checklist row per agreement, from the first coder in ``prefer`` that codes it.

    Parameters
    ----------
    treaties : DataFrame
        From :func:`helpers.alliances.data.load_treaties`.
    prefer : sequence of str
        Coders in order of preference (``"ATOP v4.01"``, ``"COW v4.1"``, ``"this project"``).
    weights : mapping, optional
        Passed to :func:`checklist_score`.

    Returns
    -------
    DataFrame
        Columns: agreement_id, agreement, signed, coded_by, the five obligations, score; in the
        order the agreements were signed.

    Raises
    ------
    ValueError
        For an unknown coder in ``prefer``.

    Examples
    --------
    >>> from helpers.alliances.data import load_treaties
    >>> t = checklist_table(load_treaties()).set_index("agreement_id")
    >>> t.loc[["sino_soviet_1950", "good_neighbor_2001", "joint_statement_2022"], "score"].tolist()
    [2.0, 2.0, 0.0]
    """
    coders = list(dict.fromkeys(treaties["coded_by"]))
    for coder in prefer:
        if coder not in coders:
            raise _unknown("coder", coder, coders)
    rank = {coder: i for i, coder in enumerate(prefer)}
    usable = treaties[treaties["coded_by"].isin(rank)].copy()
    usable = usable[usable["cow_type"].ne("not coded") | usable["cow_type"].isna()]
    usable["_rank"] = usable["coded_by"].map(rank)
    best = usable.sort_values(["agreement_id", "_rank"]).drop_duplicates("agreement_id")
    best = best.sort_values(["signed", "agreement_id"]).reset_index(drop=True)
    keep = ["agreement_id", "agreement", "signed", "coded_by", *_CHECKLIST]
    if "unread_obligations" in best:
        keep.append("unread_obligations")
    out = best[keep].copy()
    out["score"] = [checklist_score(row, weights) for row in best.to_dict("records")]
    return out


# --------------------------------------------------------------------------- definitions

#: Which promises make an agreement an alliance under each definition. ATOP: any of its five;
#: COW: a defence pact, a neutrality or non-aggression pact, or an entente (consultation), COW
#: having no offence category; narrow: a promise of military support against outsiders
#: (defence or offence), the sense of "alliance" in Glenn Snyder's work.
DEFINITIONS: dict[str, tuple[str, ...]] = {
    "ATOP": _CHECKLIST,
    "COW": ("defense", "neutrality", "nonaggression", "consultation"),
    "narrow": ("defense", "offense"),
}


def is_alliance(agreement: Mapping[str, object], definition: str = "ATOP") -> bool:
    """Does a coding make the agreement an alliance under ``definition``?

    A missing value (not coded, not read) counts as no promise.

    Examples
    --------
    >>> row = {"defense": 0, "offense": 0, "neutrality": 0, "nonaggression": 1,
    ...        "consultation": 1}
    >>> is_alliance(row, "ATOP"), is_alliance(row, "narrow")
    (True, False)
    >>> is_alliance(row, "Snyder")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown definition 'Snyder'; expected one of: ATOP, COW, narrow
    """
    if definition not in DEFINITIONS:
        raise _unknown("definition", definition, DEFINITIONS)
    return any(_promised(agreement, name) for name in DEFINITIONS[definition])


def _promised(agreement: Mapping[str, object], name: str) -> bool:
    value = agreement.get(name)
    return value is not None and not pd.isna(value) and int(value) == 1


def definition_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per agreement of a checklist table, one True/False column per definition.

    Examples
    --------
    >>> from helpers.alliances.data import load_treaties
    >>> d = definition_table(checklist_table(load_treaties())).set_index("agreement_id")
    >>> d.loc["sino_soviet_1950"].tolist()
    [True, True, True]
    """
    rows = table.to_dict("records")
    out = pd.DataFrame({"agreement_id": [r["agreement_id"] for r in rows]})
    for name in DEFINITIONS:
        out[name] = [is_alliance(r, name) for r in rows]
    return out


# --------------------------------------------------------------------------- degrees

#: A ladder of degrees of alignment, from the promises an agreement makes: this lesson's
#: simplification of the idea that alignment comes in degrees (Wilkins; Korolev), not their scheme.
RUNGS: dict[int, str] = {
    0: "no promise",
    1: "promise not to fight each other, or to stay out",
    2: "promise to consult in a military crisis",
    3: "promise to fight for each other",
}


def alignment_rung(agreement: Mapping[str, object]) -> int:
    """The highest rung of :data:`RUNGS` an agreement's promises reach (missing = no promise).

    Examples
    --------
    >>> alignment_rung({"defense": 0, "offense": 0, "neutrality": 0, "nonaggression": 1,
    ...                 "consultation": 1})
    2
    >>> alignment_rung({"defense": 1})
    3
    """
    if _promised(agreement, "defense") or _promised(agreement, "offense"):
        return 3
    if _promised(agreement, "consultation"):
        return 2
    if _promised(agreement, "nonaggression") or _promised(agreement, "neutrality"):
        return 1
    return 0


# --------------------------------------------------------------------------- the 1950s


def episode_balance(
    episodes: pd.DataFrame, *, start: str | None = None, end: str | None = None
) -> pd.DataFrame:
    """Count episodes by coding (rows) and by who bore them (columns), within a date range.

    Parameters
    ----------
    episodes : DataFrame
        From :func:`helpers.alliances.data.load_episodes_1950s`.
    start, end : str, optional
        Keep episodes whose ``start`` is on or after ``start`` and on or before ``end``
        (ISO dates such as ``"1957-01-01"``).

    Returns
    -------
    DataFrame
        Index: the codings found; columns: ``CHN`` and ``RUS``; values: numbers of episodes. An
        episode both bore (the treaty itself) counts once for each.

    Examples
    --------
    >>> from helpers.alliances.data import load_episodes_1950s
    >>> episode_balance(load_episodes_1950s()).loc["intrusion"].tolist()
    [5, 0]
    """
    chosen = episodes
    if start is not None:
        chosen = chosen[chosen["start"] >= pd.Timestamp(start)]
    if end is not None:
        chosen = chosen[chosen["start"] <= pd.Timestamp(end)]
    long = chosen[["coding", "borne_by"]].explode("borne_by")
    counts = pd.crosstab(long["coding"], long["borne_by"])
    counts = counts.reindex(columns=["CHN", "RUS"], fill_value=0)
    counts.index.name, counts.columns.name = "coding", "borne by"
    return counts
