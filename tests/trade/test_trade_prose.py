"""Lesson 03's words match its numbers: every figure the prose states about the asymmetry, the
composition and the pipeline is recomputed from data/ and compared with the sentence."""

from __future__ import annotations

import json
import re

import pytest

from helpers.core.schema import DATA_DIR
from helpers.trade import data
from helpers.trade.composition_data import composition_shares, load_trade_composition

LESSON = DATA_DIR.parent / "notebooks" / "03_trade_energy.ipynb"


@pytest.fixture(scope="module")
def text():
    nb = json.loads(LESSON.read_text(encoding="utf-8"))
    cells = [c["source"] for c in nb["cells"] if c["cell_type"] == "markdown"]
    return "\n".join("".join(s) if isinstance(s, list) else s for s in cells)


@pytest.fixture(scope="module")
def asym():
    return data.asymmetry_table().dropna(subset=["russia_share_of_china", "china_share_of_russia"])


@pytest.fixture(scope="module")
def shares():
    trade = data.load_china_russia_trade(preferred_only=True)
    return composition_shares(load_trade_composition(), trade).set_index(
        ["year", "months", "product_group"]
    )


def _pct(share: float) -> int:
    return round(share * 100)


def test_summary_of_the_whole_series(text, asym):
    first, last = asym.index[0], asym.index[-1]
    china = asym["china_share_of_russia"]
    russia = asym["russia_share_of_china"]
    sentence = (
        f"From {first} to {last} China's share of Russia's trade grew from about "
        f"{_pct(china[first])} % to about {_pct(china[last])} %"
    )
    assert sentence in " ".join(text.split()), sentence
    bounds = f"between about {_pct(russia.min())} % and {_pct(russia.max())} %"
    assert bounds in " ".join(text.split()), bounds
    assert f"Russia never passed about {_pct(russia.max())} % of China's" in " ".join(text.split())
    assert china[first] < 0.1 and 0.3 < china[last] < 0.37  # "under a tenth", "about a third"


def test_the_ratios_in_the_worked_answer(text, asym):
    ratio = asym["china_share_of_russia"] / asym["russia_share_of_china"]
    claim = re.search(
        r"About (\d\.\d): smaller than in 2020 \((\d\.\d)\) and 2023 \((\d\.\d)\)", text
    )
    assert claim, "the worked answer of Exercise 3.6 states three ratios"
    for year, stated in zip((2010, 2020, 2023), claim.groups(), strict=True):
        assert f"{ratio[year]:.1f}" == stated, year


def test_what_the_trade_carries(text, shares):
    flat = " ".join(text.split())
    fuels_2019 = shares.loc[(2019, 12, "mineral_fuels"), "share_of_direction"]
    assert f"({_pct(fuels_2019)} % of its sales in 2019" in flat
    machinery = shares.loc[(2023, 10, "machinery_vehicles"), "share_of_direction"]
    assert f"about {_pct(machinery)} % in January–October 2023" in flat
    cars = [shares.loc[(y, 12, "passenger_cars"), "share_of_direction"] for y in (2022, 2024)]
    assert f"from about {_pct(cars[0])} % of China's exports to Russia in 2022 to about " \
        f"{_pct(cars[1])} % in 2024" in flat  # fmt: skip
    crude_2023 = shares.loc[(2023, 12, "crude_oil"), "share_of_direction"]
    assert f"About {crude_2023:.2f} ({_pct(crude_2023)} %)" in flat


def test_the_pipeline_against_contract_and_capacity(text):
    gas = data.load_energy_gas(preferred_only=True).set_index("year")
    flat = " ".join(text.split())
    y2021 = gas.loc[2021]
    assert f"{y2021['deliveries_bcm']:g} bcm against {y2021['contract_bcm']:g}" in flat
    assert 0.24 < y2021["deliveries_bcm"] / y2021["capacity_bcm"] < 0.3  # "about a quarter"
    assert gas.loc[2020, "deliveries_bcm"] < gas.loc[2020, "contract_bcm"]  # "2020 fell short"
    for year in (2022, 2023):  # "a little above the contract"
        over = gas.loc[year, "deliveries_bcm"] - gas.loc[year, "contract_bcm"]
        assert 0 < over < 1, year
    schedule = ", ".join(f"{gas.loc[y, 'contract_bcm']:g}" for y in (2020, 2021))
    assert schedule.replace(", ", " bcm in 2020, ") in flat
