"""Pure logic for lesson 04: how binding is an agreement, and how commitments spread a war.

No plotting and no file reading:

- :func:`checklist_score` and :func:`checklist_table` put agreements on one commitment checklist
  (ATOP's five obligation types);
- the 1914 chain reaction is in :mod:`helpers.alliances.cascade`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

__all__ = [
    "DRAWS_IN",
    "OBLIGATIONS",
    "checklist_score",
    "checklist_table",
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
    out = best[["agreement_id", "agreement", "signed", "coded_by", *_CHECKLIST]].copy()
    out["score"] = [checklist_score(row, weights) for row in best.to_dict("records")]
    return out
