"""Lesson 02's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import pytest

from helpers.triangle import checks
from helpers.triangle.checks import coding_differences, pivot_problem
from helpers.triangle.data import load_triangle_periods
from helpers.triangle.history import history

RIGHT_1979 = {"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}


@pytest.fixture(scope="module")
def periods():
    return load_triangle_periods()


def _coding(periods, period_id):
    rows = periods[periods["period_id"] == period_id]
    return dict(zip(rows["dyad"], rows["sign"].tolist(), strict=True))


# --- exercise 2.1 ----------------------------------------------------------------------------


def test_ex_2_1_right_coding_passes(periods):
    assert _coding(periods, checks.EX_2_1_PERIOD) == RIGHT_1979
    assert checks.ex_2_1(RIGHT_1979).correct
    assert checks.ex_2_1((checks.EX_2_1_PERIOD, RIGHT_1979)).correct
    assert checks.ex_2_1({"usa-chn": 1.0, "RUS-USA": -1, "CHN-RUS": -1}).correct
    other = _coding(periods, "p1996_2007")
    assert checks.ex_2_1(("p1996_2007", other)).correct, "the student may code another period"


def test_ex_2_1_a_different_coding_is_explained():
    gorbachev = {**RIGHT_1979, "USA-RUS": 1}
    result = checks.ex_2_1(gorbachev)
    assert not result
    assert result.message.startswith("You coded USA-RUS as +1; the dataset has -1. Its reason:")
    assert "Other readings: Relations warmed under Gorbachev" in result.message
    assert result.message.endswith(
        "Your triangle is a romantic triangle; the dataset's is a stable marriage."
    )


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ({"USA-CHN": "+1", "USA-RUS": -1, "CHN-RUS": -1}, "USA-CHN should be a number, not text"),
        ({"USA-CHN": 2, "USA-RUS": -1, "CHN-RUS": -1}, "use +1 (amity) or -1 (enmity), not 2"),
        ({"USA-CHN": 1, "USA-RUS": -1}, "Missing key: 'CHN-RUS'"),
        ({**RIGHT_1979, "USA-JPN": 1}, "Not asked for: 'USA-JPN'"),
        ({"USA-CHN": 1, "USA-RUS": ..., "CHN-RUS": -1}, "replace the ... for USA-RUS"),
        ((1, -1, -1), "Give a dictionary"),
        (("p1066", RIGHT_1979), "There is no period 'p1066'; choose one of: p1949_1959"),
    ],
)
def test_ex_2_1_odd_codings_get_a_friendly_message(answer, words):
    result = checks.ex_2_1(answer)
    assert not result and words in result.message


def test_coding_differences(periods):
    assert coding_differences(RIGHT_1979, periods, "p1979_1988") is None
    text = coding_differences({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": 1}, periods, "p1066")
    assert text.startswith("There is no period 'p1066'")
    assert "could not be read: missing relation" in coding_differences({"USA-CHN": 1}, periods,
                                                                       "p2022")  # fmt: skip


# --- exercise 2.2 ----------------------------------------------------------------------------


def test_ex_2_2_us_pivot():
    right = checks.ex_2_2((+1, +1, -1))
    assert right and right.message.startswith("Right: (+1, +1, -1).")
    assert checks.ex_2_2([1, 1.0, -1]).correct
    wrong = checks.ex_2_2((-1, -1, 1))
    assert not wrong and wrong.message.startswith("With (-1, -1, 1) the triangle is a stable")
    assert "not text" in checks.ex_2_2(("+1", "+1", "-1")).message
    assert "Give three signs in a tuple" in checks.ex_2_2("1,1,-1").message
    assert "Give three signs in a tuple" in checks.ex_2_2((1, 1)).message
    assert "use +1 (amity) or -1 (enmity)" in checks.ex_2_2((1, 1, 5)).message
    assert "replace every ..." in checks.ex_2_2((1, ..., -1)).message


def test_pivot_problem():
    assert pivot_problem((1, 1, -1)) is None
    assert "could not be read" in pivot_problem((1, 1, 5))


# --- exercise 2.3 ----------------------------------------------------------------------------


def test_ex_2_3_pivot_years(periods):
    hist = history(periods)
    pivot = {p: hist.loc[hist[p] == "pivot", "years"].sum() for p in ("USA", "CHN", "RUS")}
    assert pivot == {"USA": 7, "CHN": 4, "RUS": 0}  # the worked answer, on today's coding
    result = checks.ex_2_3(pivot)
    assert result and "7 years for USA" in result.message
    assert checks.ex_2_3({"usa": 7.0, "chn": 4, "rus": 0}).correct
    wrong = checks.ex_2_3({**pivot, "CHN": 5})
    assert not wrong and wrong.message.startswith("2 of 3 right so far. CHN: not right yet.")
    assert "Group `hist` by that player's column" in wrong.message
    assert "Missing key: 'RUS'" in checks.ex_2_3({"USA": 7, "CHN": 4}).message
    assert "Give a dictionary" in checks.ex_2_3([7, 4, 0]).message


def test_ex_2_3_follows_the_data(monkeypatch, periods):
    recoded = periods.copy()
    recoded.loc[(recoded["period_id"] == "p1979_1988") & (recoded["dyad"] == "USA-RUS"), "sign"] = 1
    monkeypatch.setattr(checks, "load_triangle_periods", lambda: recoded)
    assert not checks.ex_2_3({"USA": 7, "CHN": 4, "RUS": 0}).correct


# --- exercise 2.4 ----------------------------------------------------------------------------


def test_ex_2_4_the_enemy_leg_against_the_friend_leg():
    ratios = checks.leg_ratios(2021)
    assert ratios["china_customs/china_customs"] == pytest.approx(755.6 / 146.887)
    assert ratios["us_census/china_customs"] == pytest.approx(655.6857 / 146.887)
    assert all(r > 4 for r in ratios.values()), "several times, whichever statistics are used"
    same = checks.ex_2_4(round(755.6 / 146.887, 2))
    assert same and "one statistical office" in same.message
    mixed = checks.ex_2_4(655.6857 / 146.887)
    assert mixed and "two offices count differently" in mixed.message
    assert "friend leg divided by the enemy leg" in checks.ex_2_4(146.887 / 755.6).message
    assert "not text" in checks.ex_2_4("5.1").message
    wrong = checks.ex_2_4(3)
    assert not wrong and "divide it by that of CHN-RUS" in wrong.message


def test_ex_2_4_follows_the_data(monkeypatch):
    import pandas as pd

    fake = pd.DataFrame({"dyad": ["USA-CHN", "CHN-RUS"], "reporter": ["x", "x"],
                         "total_usd_bn": [100.0, 50.0]})  # fmt: skip
    monkeypatch.setattr(checks, "trade_legs", lambda year: fake)
    assert checks.ex_2_4(2).correct and not checks.ex_2_4(5.14).correct


# --- exercise 2.5 ----------------------------------------------------------------------------


def test_ex_2_5_weighted_scores_of_nixons_triangle():
    right = checks.ex_2_5({"USA": 6, "CHN": -2, "RUS": -2})  # 2 + 2 + 2; 2 - 2 - 2; 2 - 2 - 2
    assert right and "weighted scores spread out" in right.message
    unweighted = checks.ex_2_5({"USA": 3, "CHN": -1, "RUS": -1})
    assert not unweighted and "ignore the intensities" in unweighted.message
    assert "Missing key: 'RUS'" in checks.ex_2_5({"USA": 6, "CHN": -2}).message
    assert "remove the quotes" in checks.ex_2_5({"USA": "7", "CHN": -3, "RUS": -3}).message


@pytest.mark.parametrize(
    "check", [checks.ex_2_1, checks.ex_2_2, checks.ex_2_3, checks.ex_2_4, checks.ex_2_5]
)
def test_not_answered(check):
    for blank in (..., {"USA-CHN": ..., "USA-RUS": ..., "CHN-RUS": ...}):
        result = check(blank)
        assert not result.correct and not result.answered
