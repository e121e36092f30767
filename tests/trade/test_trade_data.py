"""Lesson 03's trade and energy files: integrity, the tables built from them, and bad input."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from helpers.core.schema import DATA_DIR, DataError
from helpers.core.sources import load_sources
from helpers.trade import data as dt

LOADERS = {
    "china_russia_trade.csv": dt.load_china_russia_trade,
    "total_trade.csv": dt.load_total_trade,
    "triangle_trade.csv": dt.load_triangle_trade,
    "energy_crude.csv": dt.load_energy_crude,
    "energy_gas.csv": dt.load_energy_gas,
    "energy_lng.csv": dt.load_energy_lng,
    "energy_deals_2022.csv": dt.load_energy_deals,
    "trade_targets.csv": dt.load_trade_targets,
}
SPLITS = {
    "china_russia_trade.csv": (
        "total_usd_bn",
        ("china_exports_to_russia_usd_bn", "russia_exports_to_china_usd_bn"),
    ),
    "total_trade.csv": ("total_usd_bn", ("exports_usd_bn", "imports_usd_bn")),
    "triangle_trade.csv": ("total_usd_bn", ("us_exports_usd_bn", "us_imports_usd_bn")),
}


# --- integrity of the shipped files -------------------------------------------------------
@pytest.mark.parametrize("name", sorted(LOADERS))
def test_every_row_is_sourced_with_known_ids(name):
    frame = LOADERS[name]()
    known = set(load_sources()["source_id"])
    assert len(frame) > 0
    for ids in frame["source_id"]:
        assert ids and set(ids) <= known


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("china_russia_trade.csv", ["series"]),
        ("total_trade.csv", ["country"]),
        ("triangle_trade.csv", ["partner", "reporter"]),
        ("energy_crude.csv", []),
        ("energy_gas.csv", ["pipeline"]),
        ("energy_lng.csv", []),
    ],
)
def test_years_are_ordered_and_unique_per_series(name, group):
    frame = LOADERS[name]()
    if "preferred" in frame:
        frame = frame[frame["preferred"]]
    groups = frame.groupby(group) if group else [((), frame)]
    for key, rows in groups:
        years = rows["year"].tolist()
        assert years == sorted(years), f"{name} {key}: years out of order"
        assert len(years) == len(set(years)), f"{name} {key}: a year appears twice"


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_split_sums_to_total_within_rounding(name):
    total, (a, b) = SPLITS[name]
    rows = LOADERS[name]().dropna(subset=[total, a, b])
    assert len(rows) >= 3, "too few rows with a split to test"
    gap = (rows[a] + rows[b] - rows[total]).abs()
    assert (gap <= rows[total].map(dt.split_tolerance)).all()


def test_china_customs_series_covers_every_year_from_1992_to_2025():
    years = set(dt.trade_series("china_customs").index)
    assert years == set(range(1992, 2026))
    # 1992-2020 are IMF DOTS (official statistics); the news figures stay as non-preferred rows
    rows = dt.load_china_russia_trade(preferred_only=True)
    china = rows[rows["series"] == "china_customs"].set_index("year")
    dots = {y for y, ids in china["source_id"].items() if ids == ["imf_dots_2022_cn_ru"]}
    assert dots == set(range(1992, 2021))
    assert set(china.loc[2021:, "confidence"]) <= {"medium", "low"}


def test_russia_series_from_dots_and_first_releases_kept():
    russia = dt.trade_series("russia_customs")
    assert set(range(1992, 2021)) <= set(russia.index)
    assert russia[2020] == pytest.approx(104.491)
    rows = dt.load_china_russia_trade()
    kept = rows[(rows["series"] == "russia_customs") & (rows["year"] == 2010)]
    assert sorted(kept["total_usd_bn"]) == [58.842, 59.34]  # DOTS against the FCS release


def test_key_figures_the_lesson_relies_on():
    trade = dt.trade_series()
    assert trade[2021] == pytest.approx(146.887)
    assert (trade[2023], trade[2024], trade[2025]) == (240.11, 244.81, 228.105)
    russia = dt.trade_series("russia_customs")
    assert russia[2021] == 140.0 and russia[2023] == 227.8
    # the 2015 conflict is kept: two rows, one preferred
    rows = dt.load_china_russia_trade()
    y2015 = rows[(rows["year"] == 2015) & (rows["series"] == "china_customs")]
    assert sorted(y2015["total_usd_bn"]) == [64.2, 67.955, 68.02]
    assert y2015["preferred"].sum() == 1
    assert trade[2015] == 67.955 and trade[2011] == 77.929  # DOTS, not the news headline of 80


def test_energy_package_adds_up_and_the_gas_value_is_an_estimate():
    deals = dt.load_energy_deals(preferred_only=True).set_index("deal_id")
    oil, gas = deals.loc["rosneft_cnpc_oil_2022"], deals.loc["gazprom_cnpc_far_east_2022"]
    assert oil["value_usd_bn"] + gas["value_usd_bn"] == 117.5
    assert gas["value_basis"] == "reuters_estimate"
    assert (oil["volume_per_year"] * oil["years"], oil["volume_unit"]) == (100, "Mt")
    terms = dt.load_energy_deals()
    assert sorted(terms[terms["deal_id"] == "gazprom_cnpc_far_east_2022"]["years"]) == [25, 30]


def test_power_of_siberia_stays_near_capacity_and_keeps_the_2022_conflict():
    gas = dt.load_energy_gas()
    assert (gas["deliveries_bcm"] <= gas["capacity_bcm"] * 1.05).all()
    assert set(gas["capacity_bcm"]) == {38}
    preferred = dt.load_energy_gas(preferred_only=True).set_index("year")["deliveries_bcm"]
    assert preferred[2022] == 15.4 and preferred[2024] == 31.12
    # 2025, the first full year at the design rate: a little above the nominal 38 (Gazprom)
    assert preferred[2025] == 38.8 and preferred[2025] > 38


def test_asymmetry_table_shares():
    table = dt.asymmetry_table()
    assert (table["russia_share_of_china"].dropna() < 0.05).all()
    assert table.loc[2023, "china_share_of_russia"] == pytest.approx(240.11 / 710.2)
    # 1992-2020: part and whole both from IMF DOTS
    assert table.loc[2010, "russia_share_of_china"] == pytest.approx(55.403 / 2972.35)
    assert table.index.min() == 1992 and table.loc[1992, "china_share_of_russia"] == pytest.approx(
        5.849 / 74.913
    )
    # years with no sourced Russian total stay missing, never guessed
    assert pd.isna(table.loc[2021, "china_share_of_russia"])


def test_total_trade_keeps_un_comtrade_beside_dots():
    totals = dt.load_total_trade()
    rus_2005 = totals[(totals["country"] == "RUS") & (totals["year"] == 2005)]
    assert dict(zip(rus_2005["reporter"], rus_2005["preferred"], strict=True)) == {
        "imf_dots": True,
        "un_comtrade": False,
    }
    preferred = dt.load_total_trade(preferred_only=True)
    assert not preferred.duplicated(["country", "year"]).any()


def test_crude_share_table():
    table = dt.crude_share_table()
    assert list(table.index) == [2019, 2020, 2021, 2022, 2023, 2024]
    assert table.loc[2024, "russia_share"] == pytest.approx(108.5 / 553.4)


def test_trade_series_rejects_an_unknown_series():
    with pytest.raises(ValueError, match="unknown series 'usd'; expected one of: china_customs"):
        dt.trade_series("usd")


# --- bad input: corrupted copies raise DataError naming file, row and column --------------
def _edit(text: str, row: int, column: str, value: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _swap_rows(text: str, first: int, second: int) -> str:
    lines = text.splitlines(keepends=True)
    lines[first - 1], lines[second - 1] = lines[second - 1], lines[first - 1]
    return "".join(lines)


BAD = [
    # (id, file, change, row, column, words in the message)
    (
        "split does not add up",
        "china_russia_trade.csv",
        lambda t: _edit(t, 19, "china_exports_to_russia_usd_bn", "296.1"),
        19,
        "total_usd_bn",
        "check the units",
    ),
    (
        "years out of order",
        "china_russia_trade.csv",
        lambda t: _swap_rows(t, 3, 4),
        4,
        "year",
        "keep each series in year order",
    ),
    (
        "two preferred rows",
        "china_russia_trade.csv",
        lambda t: _edit(t, 20, "preferred", "true"),
        20,
        "preferred",
        "two preferred rows",
    ),
    (
        "no preferred row",
        "energy_gas.csv",
        lambda t: _edit(t, 4, "preferred", "false"),
        4,
        "preferred",
        "no preferred row",
    ),
    (
        "negative value",
        "total_trade.csv",
        lambda t: _edit(t, 2, "total_usd_bn", "-280"),
        2,
        "total_usd_bn",
        "below the smallest",
    ),
    (
        "unknown series",
        "china_russia_trade.csv",
        lambda t: _edit(t, 2, "series", "kremlin"),
        2,
        "series",
        "expected one of",
    ),
    (
        "unknown source",
        "energy_crude.csv",
        lambda t: _edit(t, 3, "source_id", "my_guess"),
        3,
        "source_id",
        "unknown source_id",
    ),
    (
        "one supplier above the total",
        "energy_crude.csv",
        lambda t: _edit(t, 4, "russia_to_china_mt", "7964"),
        4,
        "russia_to_china_mt",
        "cannot exceed the total",
    ),
    (
        "deliveries above capacity",
        "energy_gas.csv",
        lambda t: _edit(t, 2, "deliveries_bcm", "41"),
        2,
        "deliveries_bcm",
        "capacity",
    ),
    (
        "text in a number column",
        "triangle_trade.csv",
        lambda t: _edit(t, 2, "us_exports_usd_bn", "19 bn"),
        2,
        "us_exports_usd_bn",
        "cannot read",
    ),
    (
        "duplicate year",
        "energy_lng.csv",
        lambda t: _edit(t, 3, "year", "2022"),
        3,
        "year",
        "duplicate key",
    ),
    (
        "blank total",
        "total_trade.csv",
        lambda t: _edit(t, 5, "total_usd_bn", ""),
        5,
        "total_usd_bn",
        "required cell is blank",
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "row", "column", "words"),
    [case[1:] for case in BAD],
    ids=[case[0] for case in BAD],
)
def test_bad_file_raises_data_error_naming_file_row_and_column(
    tmp_path, name, change, row, column, words
):
    original = (DATA_DIR / name).read_text(encoding="utf-8")
    broken = change(original)
    assert broken != original
    target = tmp_path / name
    target.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError) as info:
        LOADERS[name](target)
    err = info.value
    assert err.row == row and err.column == column
    message = str(err)
    assert name in message and f"line {row}" in message and f"column '{column}'" in message
    assert re.search(re.escape(words), message), message


def test_shipped_files_load_without_error():
    for name, loader in LOADERS.items():
        assert not loader().empty, name
