"""What the trade carries: the composition file, its shares and its chart."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pytest

from helpers.core.schema import DATA_DIR, DataError
from helpers.trade import data
from helpers.trade.charts import plot_composition
from helpers.trade.composition_data import composition_shares, load_trade_composition


@pytest.fixture(scope="module")
def shares():
    return composition_shares(
        load_trade_composition(), data.load_china_russia_trade(preferred_only=True)
    )


def test_no_row_is_high_confidence_and_every_row_has_a_value_or_a_share():
    comp = load_trade_composition()
    assert "high" not in set(comp["confidence"])  # no Comtrade or customs table was read
    assert (comp["value_usd_bn"].notna() | comp["share"].notna()).all()
    assert (comp["share"].isna() == comp["share_kind"].isna()).all()


def test_full_year_values_get_a_share_against_the_direction_total(shares):
    crude = shares[(shares["product_group"] == "crude_oil") & (shares["months"] == 12)]
    row = crude[crude["year"] == 2023].iloc[0]
    assert row["share_basis"] == "computed_here"
    assert math.isclose(row["share_of_direction"], 60.6 / 129.14, rel_tol=1e-9)


def test_partial_years_never_get_a_share_against_a_full_year_total(shares):
    part = shares[(shares["months"] < 12) & shares["share"].isna()]
    assert not part.empty
    assert part["share_of_direction"].isna().all() and (part["share_basis"] == "none").all()


def test_a_share_the_source_gives_is_kept(shares):
    row = shares[(shares["year"] == 2019) & (shares["product_group"] == "mineral_fuels")].iloc[0]
    assert row["share_of_direction"] == 0.73 and row["share_basis"] == "reported"


def test_energy_dominates_russias_exports_and_machinery_chinas(shares):
    fuels = shares[shares["product_group"].isin(["mineral_fuels", "energy_products"])]
    assert (fuels["share_of_direction"] > 0.6).all()
    machinery = shares[shares["product_group"] == "machinery_vehicles"]
    assert (machinery["share_of_direction"] >= 0.55).all()


def test_bad_share_names_file_line_and_column(tmp_path):
    lines = (DATA_DIR / "trade_composition.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",0.73,", ",73,")  # a percentage where a fraction belongs
    target = tmp_path / "trade_composition.csv"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_trade_composition(target)
    message = str(info.value)
    assert "trade_composition.csv" in message and "line 3" in message and "'share'" in message


def test_chart_draws_full_and_part_years(shares):
    ax = plot_composition(shares)
    labels = [line.get_label() for line in ax.get_lines()]
    assert "Russia → China: crude oil" in labels
    assert any(t.get_text().startswith("Source") for t in ax.texts)
    assert any(t.get_text() == "Jan–Nov" for t in ax.texts)
    plt.close(ax.figure)
