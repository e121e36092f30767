"""Lesson 03's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

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


def test_ex_3_3_customs_gap():
    right = checks.ex_3_3("b")
    assert right and "2010: China 55.4, Russia 58.8" in right.message
    assert checks.ex_3_3("B").correct and checks.ex_3_3("b.").correct
    assert "which way the larger flow went" in checks.ex_3_3("a").message
    assert "changes sign" in checks.ex_3_3("c").message
    assert "not one of the options" in checks.ex_3_3("d").message


def test_ex_3_3_follows_the_data(monkeypatch):
    trade = data.load_china_russia_trade()
    flipped = trade.copy()
    row = (flipped["year"] == 2010) & (flipped["series"] == "russia_customs")
    flipped.loc[row, "total_usd_bn"] = 50.0  # Russia's figure now below China's in 2010
    monkeypatch.setattr(checks.data, "load_china_russia_trade", lambda **kw: flipped[
        flipped["preferred"]] if kw.get("preferred_only") else flipped)  # fmt: skip
    assert checks.ex_3_3("c").correct and not checks.ex_3_3("b").correct


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


def test_ex_3_6_asymmetry_ratio_2010():
    row = data.asymmetry_table().loc[2010]
    ratio = row["china_share_of_russia"] / row["russia_share_of_china"]
    assert 4.5 < ratio < 5.0
    assert checks.ex_3_6(ratio).correct and checks.ex_3_6(round(ratio, 1)).correct
    inverted = checks.ex_3_6(1 / ratio)
    assert not inverted and "larger share goes on top" in inverted.message
    assert "remove the quotes" in checks.ex_3_6(str(ratio)).message


def test_ex_3_7_crude_share_2023():
    trade = data.load_china_russia_trade(preferred_only=True).set_index(["series", "year"])
    total = trade.loc[("china_customs", 2023), "russia_exports_to_china_usd_bn"]
    assert checks.ex_3_7(60.6 / total).correct
    assert "percentage" in checks.ex_3_7(60.6 / total * 100).message
    wrong = checks.ex_3_7(60.6 / trade.loc[("china_customs", 2023), "total_usd_bn"])
    assert not wrong and "russia_exports_to_china_usd_bn" in wrong.message


def test_ex_3_8_composition_and_vulnerability(monkeypatch):
    right = checks.ex_3_8("b")
    assert right and "vulnerable" in right.message
    assert not checks.ex_3_8("a") and not checks.ex_3_8("c")
    table = data.crude_share_table().copy()
    table["russia_share"] = 0.6  # if Russia were most of China's crude, "b" would not follow
    monkeypatch.setattr(checks.data, "crude_share_table", lambda: table)
    assert checks.ex_3_8("c").correct


def test_ex_3_9_power_of_siberia_against_contract():
    assert checks.ex_3_9(4.1 - 5).correct
    sign = checks.ex_3_9(0.9)
    assert not sign and "wrong sign" in sign.message
    assert "shortfall is negative" in checks.ex_3_9(38 - 4.1).message


@pytest.mark.parametrize("check", [getattr(checks, f"ex_3_{n}") for n in range(1, 10)])
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
