"""Lesson 03's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.trade import checks, data
from helpers.trade import model as econ


def test_ex_3_1_which_goal_was_met():
    right = checks.ex_3_1("200 by 2024")
    assert right and "passed USD 200 bn in 2023" in right.message
    assert checks.ex_3_1(" 200 BY 2024 ").correct
    assert "best year up to 2015 was 2014" in checks.ex_3_1("100 by 2015").message
    assert "best year up to 2020" in checks.ex_3_1("200 by 2020").message
    assert not checks.ex_3_1("none")
    assert "not one of the options" in checks.ex_3_1("250 by 2027").message


def test_ex_3_1_follows_the_data(monkeypatch):
    trade = data.trade_series()
    low = trade.where(trade.index < 2023, 150.0)
    monkeypatch.setattr(checks.data, "trade_series", lambda *a, **k: low)
    assert checks.ex_3_1("none").correct and not checks.ex_3_1("200 by 2024").correct


def test_ex_3_2_growth_for_2027():
    base = data.trade_series()[2021]
    assert checks.ex_3_2(econ.required_growth(base, 250, 2021, 2027)).correct  # the worked answer
    assert checks.ex_3_2(0.093).correct
    assert "percentage" in checks.ex_3_2(9.27).message
    wrong = checks.ex_3_2(econ.required_growth(base, 250, 2021, 2024))
    assert not wrong and "econ.required_growth(base, 250, 2021, 2027)" in wrong.message
    assert "remove the quotes" in checks.ex_3_2("0.0927").message


def test_ex_3_3_who_needs_whom():
    right = checks.ex_3_3("b")
    assert right and "of Russia's trade" in right.message
    assert checks.ex_3_3("B").correct and checks.ex_3_3("b.").correct
    assert "one is many times the other" in checks.ex_3_3("a").message
    assert "Russia is only" in checks.ex_3_3("c").message
    assert "not one of the options" in checks.ex_3_3("d").message


def test_ex_3_3_follows_the_data(monkeypatch):
    equal = pd.DataFrame(
        {"china_share_of_russia": [0.05, 0.05], "russia_share_of_china": [0.05, 0.05]},
        index=pd.Index([2022, 2023], name="year"),
    )
    monkeypatch.setattr(checks.data, "asymmetry_table", lambda: equal)
    assert checks.ex_3_3("a").correct and not checks.ex_3_3("b").correct


def test_ex_3_4_gas_value():
    assert checks.ex_3_4(econ.headline_value(10, 30, 250)).correct  # the worked answer
    assert checks.ex_3_4(75).correct
    assert "Reuters estimate" in checks.ex_3_4(37.5).message
    assert "10 bcm a year" in checks.ex_3_4(45).message


def test_ex_3_5_bug_hunt():
    assert checks.ex_3_5(146.887 / 6050).correct  # the fixed line
    bug = checks.ex_3_5(146.887 / 6.05)
    assert not bug and "billions or trillions" in bug.message
    assert "percentage" in checks.ex_3_5(2.43).message
    assert "both in US$ bn" in checks.ex_3_5(0.5).message


@pytest.mark.parametrize(
    "check", [checks.ex_3_1, checks.ex_3_2, checks.ex_3_3, checks.ex_3_4, checks.ex_3_5]
)
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
