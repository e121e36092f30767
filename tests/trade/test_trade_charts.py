"""Lesson 03's charts draw what they promise: targets, marked years, sources, hindsight."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from helpers.trade import charts as ct  # noqa: E402
from helpers.trade import data as dt  # noqa: E402
from helpers.trade import energy_charts as ec  # noqa: E402
from helpers.trade import model as econ  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_trade_series_marks_2014_and_2022_and_draws_both_targets():
    ax = ct.plot_trade_series(dt.load_china_russia_trade(), dt.load_trade_targets())
    levels = sorted(line.get_ydata()[0] for line in ax.get_lines() if "target" in line.get_label())
    assert levels == [200, 250]
    texts = " ".join(_texts(ax))
    assert "2014: Crimea" in texts and "2022: joint statement (4 Feb)" in texts
    assert any(t.startswith("Source:") for t in _texts(ax))
    china = next(line for line in ax.get_lines() if line.get_label() == "China's customs")
    assert max(china.get_ydata()) == pytest.approx(244.81)


def test_trade_series_log_scale_and_year_window():
    ax = ct.plot_trade_series(dt.load_china_russia_trade(), None, series=("china_customs",),
                              start=2000, end=2010, log=True)  # fmt: skip
    assert ax.get_yscale() == "log"
    assert list(ax.get_lines()[0].get_xdata())[0] == 2000
    assert "2022: joint statement (4 Feb),\ninvasion of Ukraine (24 Feb)" not in _texts(ax)


def test_split_bars_stack_to_the_total():
    ax = ct.plot_trade_split(dt.load_china_russia_trade())
    bars = [p for p in ax.patches if p.get_width() < 1]  # not the hindsight band
    tops = {round(p.get_x() + p.get_width() / 2): p.get_y() + p.get_height() for p in bars}
    assert tops[2023] == pytest.approx(240.11)


def test_asymmetry_labels_the_last_shares():
    ax = ct.plot_asymmetry(dt.asymmetry_table())
    assert "33.8%" in _texts(ax)
    assert ax.get_ylim()[1] >= 0.39


def test_triangle_marks_missing_values():
    ax = ct.plot_triangle_legs(dt.trade_series(), dt.load_triangle_trade(), years=(2021, 2024))
    assert "n/a" in _texts(ax)  # no sourced US exports to Russia for 2024, so no total
    assert "656" in _texts(ax) and "147" in _texts(ax)


def test_power_of_siberia_shows_capacity_share_and_conflicts():
    ax = ec.plot_power_of_siberia(dt.load_energy_gas())
    assert any("31.12\n(82%)" == t for t in _texts(ax))
    other = next(line for line in ax.get_lines() if line.get_label() == "other reported figures")
    assert sorted(other.get_ydata()) == [15.5]
    contract = next(line for line in ax.get_lines() if line.get_label().startswith("contract"))
    points = dict(zip(contract.get_xdata(), contract.get_ydata(), strict=True))
    published = {int(year): float(v) for year, v in points.items() if v == v}
    assert published == {2020: 5, 2021: 10, 2022: 15, 2023: 22, 2025: 38}
    assert points[2024] != points[2024]  # none published for 2024: the line breaks there
    assert "38.8\n(102%)" in _texts(ax)  # 2025: a little above the nominal capacity
    assert "4.1\n(11%)" in _texts(ax)  # the label sits above the contract mark, not under it


def test_crude_share_and_target_path():
    ax = ec.plot_crude_share(dt.crude_share_table())
    assert "19.6%\n108 of 553 Mt" in _texts(ax)
    rate = econ.required_growth(146.887, 250, 2021, 2025)
    ax = ct.plot_target_path(dt.trade_series(), econ.projected_path(146.887, rate, 2021, 2025), 250)
    assert ax.get_lines()[1].get_label() == "required path: +14.2% a year"
    assert "hindsight →" in _texts(ax)
