"""The triangle over time: each coded period's configuration and roles, and years per role.

A period's length counts partial years as fractions: the first period starts with the PRC on
1 October 1949 (``start_date``), so 1949 counts about a quarter of a year, and the last one ends
with the joint statement of 4 February 2022 (``end_date``), so 2022 counts 35 days, about 0.1 of
a year. Periods without dates cover whole calendar years.

The **weighted variant** uses the ``intensity`` column (1 weak or mixed, 2 clear, 3 alliance,
war or armed clash): a period's ``strength`` is the mean intensity of its three relations, and
role-years or configuration-years can be weighted by it (:func:`role_years`,
:func:`configuration_years` with ``weight="strength"``). :func:`position_scores` gives every
player a number instead of a role: its two relations minus the relation between the other two,
each relation counted as sign x intensity.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.triangle.model import (
    CONFIGURATIONS,
    ROLE_RANK,
    ROLES,
    _check_players,
    _quoted,
    classify,
)

__all__ = [
    "configuration_years",
    "history",
    "period_years",
    "position_score",
    "position_scores",
    "role_years",
]

#: Decimals kept for a period's length in years (0.001 year is under half a day).
YEAR_DECIMALS = 3


def _days_in(year: int) -> int:
    return 366 if pd.Timestamp(year=year, month=1, day=1).is_leap_year else 365


def _blank(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def period_years(start_year: int, end_year: int, start_date=None, end_date=None) -> float:
    """The length of a period in years, counting a partial first or last year as a fraction.

    Parameters
    ----------
    start_year, end_year : int
        The first and last calendar years of the period (both included).
    start_date, end_date : date-like, optional
        The first and last day covered, when the period does not start on 1 January or end
        on 31 December. Both days are included.

    Returns
    -------
    float
        Whole years plus fractions of a year, rounded to 3 decimals.

    Raises
    ------
    ValueError
        If a date is not in its year, or the period ends before it starts.

    Examples
    --------
    >>> period_years(1972, 1978)
    7.0
    >>> period_years(2022, 2022, end_date="2022-02-04")  # 1 Jan to 4 Feb: 35 days
    0.096
    >>> period_years(1949, 1959, start_date="1949-10-01")
    10.252
    """
    years = float(end_year - start_year + 1)
    if not _blank(start_date):
        first = pd.Timestamp(start_date)
        if first.year != start_year:
            raise ValueError(f"start_date {first:%Y-%m-%d} is not in start_year {start_year}")
        years -= (first.day_of_year - 1) / _days_in(start_year)
    if not _blank(end_date):
        last = pd.Timestamp(end_date)
        if last.year != end_year:
            raise ValueError(f"end_date {last:%Y-%m-%d} is not in end_year {end_year}")
        years -= (_days_in(end_year) - last.day_of_year) / _days_in(end_year)
    if years <= 0:
        raise ValueError(f"the period {start_year}-{end_year} ends before it starts")
    return round(years, YEAR_DECIMALS)


def history(periods: pd.DataFrame) -> pd.DataFrame:
    """Classify every period of a coded triangle (``data/triangle_periods.csv``).

    Parameters
    ----------
    periods : pandas.DataFrame
        One row per period and dyad, with columns ``period_id``, ``start_year``,
        ``end_year``, ``label``, ``dyad`` (``USA-CHN``, ``USA-RUS``, ``CHN-RUS``) and ``sign``;
        optionally ``start_date`` and ``end_date`` (partial years) and ``intensity`` (1-3).

    Returns
    -------
    pandas.DataFrame
        One row per period, in time order: period_id, start_year, end_year, years (with
        fractions for partial years), label, configuration, one column per player with its
        role, pivot (blank when none) and strength (the mean intensity of the three relations;
        missing when an intensity is not coded).

    Raises
    ------
    ValueError
        If a period's three relations are incomplete or not +1/-1, or its dates do not fit
        its years (the message names the period).

    Examples
    --------
    >>> rows = pd.DataFrame({"period_id": ["p"] * 3, "start_year": 1972, "end_year": 1978,
    ...                      "label": "opening", "dyad": ["USA-CHN", "USA-RUS", "CHN-RUS"],
    ...                      "sign": [1, 1, -1], "intensity": [2, 2, 3]})
    >>> history(rows)[["years", "configuration", "USA", "pivot", "strength"]].to_dict("records")
    [{'years': 7.0, 'configuration': 'romantic_triangle', 'USA': 'pivot', 'pivot': 'USA', \
'strength': 2.333}]
    """
    records = []
    ordered = periods.sort_values(["start_year", "period_id"], kind="stable")
    for period_id, rows in ordered.groupby("period_id", sort=False):
        first = rows.iloc[0]
        try:
            t = classify(dict(zip(rows["dyad"], rows["sign"].tolist(), strict=True)))
            years = period_years(
                int(first["start_year"]),
                int(first["end_year"]),
                first.get("start_date"),
                first.get("end_date"),
            )
        except ValueError as exc:
            raise ValueError(f"period {period_id!r}: {exc}") from None
        strength = float("nan")
        if "intensity" in rows and rows["intensity"].notna().all():
            strength = round(float(rows["intensity"].astype(float).mean()), YEAR_DECIMALS)
        records.append(
            {
                "period_id": period_id,
                "start_year": int(first["start_year"]),
                "end_year": int(first["end_year"]),
                "years": years,
                "label": first["label"],
                "configuration": t.configuration,
                **t.roles,
                "pivot": t.pivot or "",
                "strength": strength,
            }
        )
    return pd.DataFrame.from_records(records)


def _weights(hist: pd.DataFrame, weight: str | None) -> pd.Series:
    """Years per period, multiplied by a weight column when one is named."""
    if weight is None:
        return hist["years"].astype(float)
    if weight not in hist:
        raise ValueError(f"no column {weight!r} to weight by; try weight='strength'")
    if hist[weight].isna().any():
        missing = ", ".join(hist.loc[hist[weight].isna(), "period_id"].astype(str))
        raise ValueError(f"{weight!r} is missing for period(s) {missing}: code their intensity")
    return hist["years"].astype(float) * hist[weight].astype(float)


def role_years(
    hist: pd.DataFrame, *, players: Sequence[str] | None = None, weight: str | None = None
) -> pd.DataFrame:
    """How many years each player spent in each role (partial years count as fractions).

    Parameters
    ----------
    hist : pandas.DataFrame
        The output of :func:`history` (a ``years`` column and one role column per player).
    weight : str, optional
        A column to weight each period's years by, e.g. ``"strength"`` (the mean intensity,
        1-3): a year of a strongly held triangle then counts up to three times a weak one.

    Returns
    -------
    pandas.DataFrame
        Roles as rows (in rank order), players as columns, years (or weighted years) as values.

    Examples
    --------
    >>> hist = pd.DataFrame({"years": [7, 0.25], "strength": [2, 3], "USA": ["pivot", "foe"],
    ...                      "CHN": ["wing", "foe"], "RUS": ["wing", "foe"]})
    >>> table = role_years(hist)
    >>> table.loc["pivot"].to_dict(), table.loc["foe"].to_dict()
    ({'USA': 7.0, 'CHN': 0.0, 'RUS': 0.0}, {'USA': 0.25, 'CHN': 0.25, 'RUS': 0.25})
    >>> role_years(hist, weight="strength").loc["pivot", "USA"]
    np.float64(14.0)
    """
    chosen = _check_players(players)
    weights = _weights(hist, weight)
    table = pd.DataFrame(0.0, index=pd.Index(ROLES, name="role"), columns=list(chosen))
    for player in chosen:
        sums = weights.groupby(hist[player]).sum()
        for role, years in sums.items():
            if role not in ROLE_RANK:
                raise ValueError(f"unknown role {role!r}; expected one of: {_quoted(ROLES)}")
            table.loc[role, player] = round(float(years), YEAR_DECIMALS)
    return table


def configuration_years(hist: pd.DataFrame, *, weight: str | None = None) -> pd.Series:
    """Years (or weighted years) the triangle spent in each configuration.

    Examples
    --------
    >>> hist = pd.DataFrame({"years": [7, 3], "strength": [1, 3],
    ...                      "configuration": ["menage_a_trois", "unit_veto"]})
    >>> configuration_years(hist).to_dict()
    {'menage_a_trois': 7.0, 'romantic_triangle': 0.0, 'stable_marriage': 0.0, 'unit_veto': 3.0}
    >>> configuration_years(hist, weight="strength")["unit_veto"]
    np.float64(9.0)
    """
    sums = _weights(hist, weight).groupby(hist["configuration"]).sum()
    unknown = sorted(set(sums.index) - set(CONFIGURATIONS))
    if unknown:
        raise ValueError(f"unknown configuration {unknown[0]!r}")
    out = sums.reindex(list(CONFIGURATIONS), fill_value=0.0).astype(float).round(YEAR_DECIMALS)
    out.index.name = "configuration"
    return out.rename("weighted_years" if weight else "years")


def position_score(weighted: dict[str, float], player: str) -> float:
    """One player's position: its two relations minus the relation between the other two.

    ``weighted`` maps each dyad (``"USA-CHN"`` ...) to sign x intensity (-3 to +3). With every
    intensity 1 the scores follow the roles: pivot 3, friend and partner 1, wing and foe -1,
    outcast -3; intensities spread them out (from -9 to +9).

    Examples
    --------
    >>> position_score({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": -1}, "USA")
    3
    >>> position_score({"USA-CHN": -3, "USA-RUS": -3, "CHN-RUS": 3}, "CHN")
    3
    """
    own = [v for dyad, v in weighted.items() if player in dyad.split("-")]
    other = [v for dyad, v in weighted.items() if player not in dyad.split("-")]
    if len(own) != 2 or len(other) != 1:
        raise ValueError(
            f"need the three dyads of a triangle with {player!r}, got {list(weighted)}"
        )
    return own[0] + own[1] - other[0]


def position_scores(periods: pd.DataFrame, *, players: Sequence[str] | None = None) -> pd.DataFrame:
    """Every player's weighted position score, period by period (see :func:`position_score`).

    Returns
    -------
    pandas.DataFrame
        Indexed by period_id (in time order), one column per player.

    Raises
    ------
    ValueError
        If a period has a relation without an intensity (the message names it).

    Examples
    --------
    >>> rows = pd.DataFrame({"period_id": ["p"] * 3, "start_year": 2014, "dyad": ["USA-CHN",
    ...                      "USA-RUS", "CHN-RUS"], "sign": [1, -1, 1], "intensity": [1, 2, 2]})
    >>> position_scores(rows).loc["p"].to_dict()
    {'USA': -3, 'CHN': 5, 'RUS': -1}
    """
    chosen = _check_players(players)
    records = {}
    ordered = periods.sort_values(["start_year", "period_id"], kind="stable")
    for period_id, rows in ordered.groupby("period_id", sort=False):
        if rows["intensity"].isna().any():
            dyad = rows.loc[rows["intensity"].isna(), "dyad"].iloc[0]
            raise ValueError(f"period {period_id!r}, {dyad}: no intensity coded")
        weighted = {
            d: int(s) * int(i)
            for d, s, i in zip(rows["dyad"], rows["sign"], rows["intensity"], strict=True)
        }
        records[period_id] = {p: position_score(weighted, p) for p in chosen}
    frame = pd.DataFrame.from_dict(records, orient="index")
    frame.index.name = "period_id"
    return frame
