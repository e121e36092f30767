"""helpers.trade.model: growth, targets, shares and headline values, including bad input."""

from __future__ import annotations

import math

import pytest

from helpers.trade import model as econ


def test_growth_rate_matches_hand_arithmetic():
    assert econ.growth_rate(100, 125) == pytest.approx(0.25)
    assert econ.growth_rate(244.81, 228.105) == pytest.approx(-0.06824, abs=1e-5)
    assert econ.growth_rate(50, 0) == -1.0


def test_cagr_links_two_values_and_is_consistent_with_growth_rate():
    assert econ.cagr(100, 121, 2020, 2022) == pytest.approx(0.10)
    one_year = econ.cagr(107.76, 146.887, 2020, 2021)
    assert one_year == pytest.approx(econ.growth_rate(107.76, 146.887))
    assert econ.cagr(8.0, 146.887, 2000, 2021) == pytest.approx(0.1486, abs=1e-4)


@pytest.mark.parametrize(
    ("target_year", "expected"),
    [(2024, 0.1943), (2025, 0.1421), (2026, 0.1122)],
)
def test_required_growth_for_the_250bn_target(target_year, expected):
    rate = econ.required_growth(146.887, 250, 2021, target_year)
    assert rate == pytest.approx(expected, abs=5e-4)
    # growing the base at that rate lands exactly on the target
    path = econ.projected_path(146.887, rate, 2021, target_year)
    assert path[target_year] == pytest.approx(250)
    assert list(path) == list(range(2021, target_year + 1))


def test_required_growth_is_negative_when_the_target_is_below_the_base():
    assert econ.required_growth(200, 100, 2020, 2021) == pytest.approx(-0.5)


def test_share_and_its_unit_guard():
    assert econ.share(146.887, 6050) == pytest.approx(0.02428, abs=1e-5)
    assert econ.share(0, 10) == 0
    with pytest.raises(ValueError, match=r"part \(146\.887\) is larger than whole \(6\.05\)"):
        econ.share(146.887, 6.05)


def test_headline_value_and_implied_price_are_inverses():
    assert econ.headline_value(10, 25, 150) == pytest.approx(37.5)
    assert econ.headline_value(10, 30, 150) == pytest.approx(45.0)
    assert econ.implied_price(37.5, 10, 25) == pytest.approx(150)
    assert econ.implied_price(80, 10, 10) == pytest.approx(800)
    assert econ.implied_price(80, 10, 10) / econ.BARRELS_PER_TONNE == pytest.approx(109.1, abs=0.1)
    assert econ.headline_value(10, 10, 800) + econ.headline_value(10, 25, 150) == 117.5


BAD_CALLS = [
    # (call, words that must appear in the message)
    (lambda: econ.growth_rate(-5, 10), "start cannot be negative: -5"),
    (lambda: econ.growth_rate(0, 10), "start cannot be zero: 0"),
    (lambda: econ.growth_rate(10, -1), "end cannot be negative: -1"),
    (lambda: econ.growth_rate("100", 110), "start must be a number, not '100'"),
    (lambda: econ.growth_rate(True, 110), "start must be a number, not True"),
    (lambda: econ.growth_rate(math.nan, 110), "start must be a finite number, not nan"),
    (lambda: econ.cagr(0, 10, 2000, 2010), "start value cannot be zero: 0"),
    (lambda: econ.cagr(10, 20, 2010, 2000), "end year 2000 must come after the start year 2010"),
    (lambda: econ.cagr(10, 20, 2010, 2010), "end year 2010 must come after the start year 2010"),
    (lambda: econ.cagr(10, 20, 2010.5, 2012), "whole-number year, not 2010.5"),
    (lambda: econ.required_growth(146.9, 250, 2024, 2021), "end year 2021 must come after"),
    (lambda: econ.required_growth(0, 250, 2021, 2024), "base cannot be zero: 0"),
    (lambda: econ.required_growth(146.9, -250, 2021, 2024), "target cannot be negative: -250"),
    (lambda: econ.required_growth(146.9, 250, "2021", 2024), "whole-number year, not '2021'"),
    (lambda: econ.projected_path(100, -1.5, 2021, 2024), "rate must be above -1"),
    (lambda: econ.projected_path(100, 0.1, 2024, 2021), "years out of order"),
    (lambda: econ.share(5, 0), "whole cannot be zero: 0"),
    (lambda: econ.share(-5, 10), "part cannot be negative: -5"),
    (lambda: econ.headline_value(10, 0, 150), "years cannot be zero: 0"),
    (lambda: econ.headline_value(-10, 25, 150), "volume per year cannot be negative: -10"),
    (lambda: econ.implied_price(80, 0, 10), "volume per year cannot be zero: 0"),
]


@pytest.mark.parametrize(("call", "words"), BAD_CALLS)
def test_bad_input_raises_value_error_naming_the_value(call, words):
    with pytest.raises(ValueError) as info:
        call()
    assert words in str(info.value)


def test_hhi_sums_squared_shares_and_rejects_percentages():
    assert econ.hhi([1.0]) == 1.0
    assert econ.hhi([0.5, 0.5]) == 0.5
    assert econ.hhi([0.3, 0.2]) == pytest.approx(0.13)  # unallocated trade is simply left out
    with pytest.raises(ValueError, match="fractions, not percentages"):
        econ.hhi([60, 40])
    with pytest.raises(ValueError):
        econ.hhi([0.5, -0.1])
