"""The triangle over time: each coded period's configuration and roles, and years per role."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.triangle.model import ROLE_RANK, ROLES, _check_players, _quoted, classify

__all__ = ["history", "role_years"]


def history(periods: pd.DataFrame) -> pd.DataFrame:
    """Classify every period of a coded triangle (``data/triangle_periods.csv``).

    Parameters
    ----------
    periods : pandas.DataFrame
        One row per period and dyad, with columns ``period_id``, ``start_year``,
        ``end_year``, ``label``, ``dyad`` (``USA-CHN``, ``USA-RUS``, ``CHN-RUS``) and ``sign``.

    Returns
    -------
    pandas.DataFrame
        One row per period, in time order: period_id, start_year, end_year, years, label,
        configuration, one column per player with its role, and pivot (blank when none).

    Raises
    ------
    ValueError
        If a period's three relations are incomplete or not +1/-1 (the message names the
        period).

    Examples
    --------
    >>> rows = pd.DataFrame({"period_id": ["p"] * 3, "start_year": 1972, "end_year": 1978,
    ...                      "label": "opening", "dyad": ["USA-CHN", "USA-RUS", "CHN-RUS"],
    ...                      "sign": [1, 1, -1]})
    >>> history(rows)[["years", "configuration", "USA", "pivot"]].to_dict("records")
    [{'years': 7, 'configuration': 'romantic_triangle', 'USA': 'pivot', 'pivot': 'USA'}]
    """
    records = []
    ordered = periods.sort_values(["start_year", "period_id"], kind="stable")
    for period_id, rows in ordered.groupby("period_id", sort=False):
        try:
            t = classify(dict(zip(rows["dyad"], rows["sign"].tolist(), strict=True)))
        except ValueError as exc:
            raise ValueError(f"period {period_id!r}: {exc}") from None
        first = rows.iloc[0]
        records.append(
            {
                "period_id": period_id,
                "start_year": int(first["start_year"]),
                "end_year": int(first["end_year"]),
                "years": int(first["end_year"]) - int(first["start_year"]) + 1,
                "label": first["label"],
                "configuration": t.configuration,
                **t.roles,
                "pivot": t.pivot or "",
            }
        )
    return pd.DataFrame.from_records(records)


def role_years(hist: pd.DataFrame, *, players: Sequence[str] | None = None) -> pd.DataFrame:
    """How many years each player spent in each role.

    Parameters
    ----------
    hist : pandas.DataFrame
        The output of :func:`history` (a ``years`` column and one role column per player).

    Returns
    -------
    pandas.DataFrame
        Roles as rows (in rank order), players as columns, whole years as values.

    Examples
    --------
    >>> hist = pd.DataFrame({"years": [7, 3], "USA": ["pivot", "foe"],
    ...                      "CHN": ["wing", "foe"], "RUS": ["wing", "foe"]})
    >>> table = role_years(hist)
    >>> table.loc["pivot"].to_dict(), table.loc["foe"].to_dict()
    ({'USA': 7, 'CHN': 0, 'RUS': 0}, {'USA': 3, 'CHN': 3, 'RUS': 3})
    """
    chosen = _check_players(players)
    table = pd.DataFrame(0, index=pd.Index(ROLES, name="role"), columns=list(chosen))
    for player in chosen:
        sums = hist.groupby(player)["years"].sum()
        for role, years in sums.items():
            if role not in ROLE_RANK:
                raise ValueError(f"unknown role {role!r}; expected one of: {_quoted(ROLES)}")
            table.loc[role, player] = int(years)
    return table
