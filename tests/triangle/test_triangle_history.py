"""helpers.triangle.history: partial years as fractions, and the variant weighted by intensity."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.triangle.data import load_triangle_periods
from helpers.triangle.history import (
    configuration_years,
    history,
    period_years,
    position_score,
    position_scores,
    role_years,
)

DYADS = ["USA-CHN", "USA-RUS", "CHN-RUS"]


def _periods(*specs):
    """Rows for periods given as (id, start, end, signs, intensities, start_date, end_date)."""
    rows = []
    for pid, start, end, signs, intensities, first, last in specs:
        for dyad, sign, intensity in zip(DYADS, signs, intensities, strict=True):
            rows.append({"period_id": pid, "start_year": start, "end_year": end,
                         "start_date": first, "end_date": last, "label": pid, "dyad": dyad,
                         "sign": sign, "intensity": intensity})  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("args", "years"),
    [
        ((1972, 1978), 7.0),
        ((2022, 2022, None, "2022-02-04"), 0.096),  # 35 of 365 days
        ((1949, 1959, "1949-10-01"), 10.252),  # 92 of 365 days in 1949
        ((2020, 2020, "2020-07-01", None), 0.503),  # a leap year has 366 days: 184/366
        ((2021, 2022, "2021-12-31", "2022-01-01"), 0.005),  # two days
    ],
)
def test_period_years_counts_partial_years_as_fractions(args, years):
    assert period_years(*args) == years


def test_period_years_rejects_dates_outside_their_years():
    with pytest.raises(ValueError, match="end_date 2023-01-04 is not in end_year 2022"):
        period_years(2022, 2022, end_date="2023-01-04")
    with pytest.raises(ValueError, match="start_date 1950-10-01 is not in start_year 1949"):
        period_years(1949, 1959, start_date="1950-10-01")


def test_a_one_month_period_is_not_a_full_year():
    rows = _periods(
        ("a", 2018, 2021, (-1, -1, 1), (2, 2, 2), None, None),
        ("b", 2022, 2022, (-1, -1, 1), (2, 2, 2), None, pd.Timestamp("2022-02-04")),
    )
    hist = history(rows)
    assert hist["years"].tolist() == [4.0, 0.096]
    assert role_years(hist).loc["outcast", "USA"] == pytest.approx(4.096)
    with pytest.raises(ValueError, match="period 'b': end_date 2021-02-04 is not in end_year"):
        wrong = rows["end_date"].where(rows["period_id"] == "a", pd.Timestamp("2021-02-04"))
        history(rows.assign(end_date=wrong))


def test_weighted_role_and_configuration_years():
    rows = _periods(
        ("alliance", 1950, 1959, (-1, -1, 1), (3, 3, 3), None, None),  # strength 3, 10 years
        ("thaw", 1960, 1979, (1, 1, 1), (1, 1, 1), None, None),  # strength 1, 20 years
    )
    hist = history(rows)
    assert hist["strength"].tolist() == [3.0, 1.0]
    plain = configuration_years(hist)
    weighted = configuration_years(hist, weight="strength")
    assert plain.idxmax() == "menage_a_trois" and plain["menage_a_trois"] == 20
    assert weighted.idxmax() == "stable_marriage" and weighted["stable_marriage"] == 30
    assert role_years(hist, weight="strength").loc["outcast", "USA"] == 30
    assert role_years(hist).loc["outcast", "USA"] == 10


def test_weighting_needs_every_intensity():
    rows = _periods(("x", 1950, 1959, (-1, -1, 1), (3, None, 3), None, None))
    hist = history(rows)
    assert pd.isna(hist.loc[0, "strength"])
    with pytest.raises(ValueError, match=r"'strength' is missing for period\(s\) x"):
        role_years(hist, weight="strength")
    with pytest.raises(ValueError, match="no column 'salience'"):
        configuration_years(hist, weight="salience")
    with pytest.raises(ValueError, match="period 'x', USA-RUS: no intensity coded"):
        position_scores(rows)


@pytest.mark.parametrize(
    ("signs", "scores"),
    [
        ((1, 1, -1), {"USA": 3, "CHN": -1, "RUS": -1}),  # US pivot, two wings
        ((1, 1, 1), {"USA": 1, "CHN": 1, "RUS": 1}),  # three friends
        ((-1, -1, 1), {"USA": -3, "CHN": 1, "RUS": 1}),  # US outcast, two partners
        ((-1, -1, -1), {"USA": -1, "CHN": -1, "RUS": -1}),  # three foes
    ],
)
def test_unweighted_scores_follow_the_role_ranking(signs, scores):
    weighted = dict(zip(DYADS, signs, strict=True))
    assert {p: position_score(weighted, p) for p in scores} == scores


def test_position_score_needs_a_whole_triangle():
    with pytest.raises(ValueError, match="need the three dyads"):
        position_score({"USA-CHN": 1, "USA-RUS": 1}, "USA")


def test_weighting_changes_which_configuration_dominated_the_coded_history():
    hist = history(load_triangle_periods())
    plain, weighted = configuration_years(hist), configuration_years(hist, weight="strength")
    assert plain.idxmax() == "menage_a_trois"
    assert weighted.idxmax() == "stable_marriage"
    scores = position_scores(load_triangle_periods())
    assert scores.loc["p1972_1978"].to_dict() == {"USA": 6, "CHN": -2, "RUS": -2}
    assert scores.loc["p2014_2017", "RUS"] > scores.loc["p2014_2017", "USA"]  # two unequal wings
