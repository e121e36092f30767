"""Partner data (IMF DOTS) and the concentration of each country's trade."""

from __future__ import annotations

import pytest

from helpers.trade import data as dt
from helpers.trade import model as econ
from helpers.trade.partners_data import concentration_table, load_trade_partners


def test_partners_agree_with_the_bilateral_and_world_rows():
    partners = load_trade_partners().set_index(["year", "reporter", "partner"])
    trade = dt.load_china_russia_trade(preferred_only=True).set_index(["series", "year"])
    row = partners.loc[(2020, "CHN", "Russian Federation")]
    assert row["exports_usd_bn"] + row["imports_usd_bn"] == pytest.approx(
        trade.loc[("china_customs", 2020), "total_usd_bn"], abs=0.001
    )
    totals = dt.load_total_trade(preferred_only=True).set_index(["year", "country"])
    for (year, reporter), group in load_trade_partners().groupby(["year", "reporter"]):
        listed = group["exports_usd_bn"].fillna(0).sum() + group["imports_usd_bn"].fillna(0).sum()
        whole = totals.loc[(year, reporter), "total_usd_bn"]
        assert 0.85 * whole <= listed <= whole + 0.01, (year, reporter)  # unallocated left out


def test_concentration_is_hhi_of_shares_of_the_world_total():
    table = concentration_table()
    assert set(table.index.get_level_values("year")) == {1992, 1995, 2000, 2005, 2010, 2015, 2020}
    rus = table.loc[(2020, "RUS")]
    assert rus["top_partner"] == "China, P.R.: Mainland"
    assert rus["top_share"] == pytest.approx(104.491 / 569.314, abs=1e-4)
    partners = load_trade_partners()
    one = partners[(partners["year"] == 2020) & (partners["reporter"] == "RUS")]
    trade = one["exports_usd_bn"].fillna(0) + one["imports_usd_bn"].fillna(0)
    assert rus["hhi"] == pytest.approx(econ.hhi(trade / 569.314))
    # neither country is "concentrated" (0.25 or more) in any year; Russia's index rose with China
    assert (table["hhi"] < 0.25).all()
    assert table.loc[(2020, "RUS"), "hhi"] > table.loc[(2010, "RUS"), "hhi"]
