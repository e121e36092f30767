"""Checks for lesson 02's exercises on the strategic triangle: None when right, else a hint.

Each function returns a friendly message (never a traceback) for
:func:`helpers.core.feedback.check_with`; the logic they check is in :mod:`helpers.triangle`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.triangle.model import PLAYERS, _read_pair, classify, make_relations, role_years

__all__ = ["coding_differences", "pivot_problem", "role_years_problem"]


def coding_differences(answer: Mapping, periods: pd.DataFrame, period_id: str) -> str | None:
    """Compare a student's coding of one period with the dataset's; None when they agree.

    Parameters
    ----------
    answer : mapping
        The student's relations, e.g. ``{"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}``.
    periods : pandas.DataFrame
        ``data/triangle_periods.csv`` as loaded.
    period_id : str
        Which period, e.g. ``"p1979_1988"``.

    Returns
    -------
    str or None
        None when every relation matches; otherwise a friendly explanation of each difference,
        with the dataset's rationale and other scholars' codings, and the two configurations.

    Examples
    --------
    >>> rows = pd.DataFrame({"period_id": ["p"] * 3, "dyad": ["USA-CHN", "USA-RUS", "CHN-RUS"],
    ...                      "sign": [1, 1, -1], "rationale": ["a", "b", "c"],
    ...                      "other_codings": [None, "some say -1", None]})
    >>> coding_differences({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": -1}, rows, "p") is None
    True
    >>> print(coding_differences({"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}, rows, "p"))
    You coded USA-RUS as -1; the dataset has +1. Its reason: b Other readings: some say -1
    Your triangle is a stable marriage; the dataset's is a romantic triangle.
    """
    if isinstance(answer, Mapping) and any(v is Ellipsis for v in answer.values()):
        return "Not answered yet: replace each ... with +1 (amity) or -1 (enmity)."
    rows = periods[periods["period_id"] == period_id]
    if rows.empty:
        known = ", ".join(dict.fromkeys(periods["period_id"]))
        return f"There is no period {period_id!r}; choose one of: {known}."
    try:
        mine = classify(answer)
    except ValueError as exc:
        return f"Your coding could not be read: {exc}."
    theirs = classify(dict(zip(rows["dyad"], rows["sign"].tolist(), strict=True)))
    lines = []
    for _, row in rows.iterrows():
        pair = _read_pair(row["dyad"], PLAYERS)
        if mine.relations[pair] != theirs.relations[pair]:
            line = (
                f"You coded {row['dyad']} as {mine.relations[pair]:+d}; the dataset has "
                f"{theirs.relations[pair]:+d}. Its reason: {row['rationale']}"
            )
            if isinstance(row.get("other_codings"), str) and row["other_codings"]:
                line += f" Other readings: {row['other_codings']}"
            lines.append(line)
    if not lines:
        return None
    lines.append(f"Your triangle is a {mine.label}; the dataset's is a {theirs.label}.")
    return "\n".join(lines)


def pivot_problem(answer: Sequence[int], player: str = "USA") -> str | None:
    """Exercise check: do the signs ``(usa_chn, usa_rus, chn_rus)`` make ``player`` the pivot?

    Returns None when they do, otherwise a hint (never raises on a well-formed tuple).

    Examples
    --------
    >>> pivot_problem((1, 1, -1)) is None
    True
    >>> pivot_problem((1, 1, 1))
    'With (1, 1, 1) the triangle is a ménage à trois and USA is friend. The pivot is in amity \
with both others, who are enemies of each other.'
    """
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Sequence) or len(answer) != 3:
        return "Give three signs in a tuple, like (+1, -1, -1): US-China, US-Russia, China-Russia."
    try:
        t = classify(make_relations(*answer))
    except ValueError as exc:
        return f"Your signs could not be read: {exc}."
    if t.pivot == player:
        return None
    return (
        f"With {tuple(answer)} the triangle is a {t.label} and {player} is {t.roles[player]}. "
        "The pivot is in amity with both others, who are enemies of each other."
    )


def role_years_problem(answer: Mapping, hist: pd.DataFrame, role: str = "pivot") -> str | None:
    """Exercise check: years each player spent in ``role``; None when all are right.

    Examples
    --------
    >>> hist = pd.DataFrame({"years": [7, 3], "USA": ["pivot", "foe"],
    ...                      "CHN": ["wing", "foe"], "RUS": ["wing", "foe"]})
    >>> role_years_problem({"USA": 7, "CHN": 0, "RUS": 0}, hist) is None
    True
    >>> role_years_problem({"USA": 7, "CHN": ..., "RUS": 0}, hist)
    'Not answered yet: replace each ... with a number of years.'
    """
    if not isinstance(answer, Mapping):
        return 'Give a dictionary, like {"USA": 1, "CHN": 2, "RUS": 3}.'
    if any(v is Ellipsis for v in answer.values()):
        return "Not answered yet: replace each ... with a number of years."
    expected = role_years(hist).loc[role].to_dict()
    wrong = [p for p in expected if answer.get(p) != expected[p]]
    if not wrong:
        return None
    return (
        f"Check {', '.join(wrong)}: group `hist` by that player's column, sum `years`, and read "
        f"the '{role}' row (0 if the player never held that role)."
    )
