"""Schemas and loaders for lesson 03's energy files: crude oil, Power of Siberia, LNG, deals.

Each loader makes the checks every loader makes (columns, types, allowed values, source ids) and
the rules in :mod:`helpers.core.rules` (year order, one preferred row where sources conflict,
a part never above its whole), raising :class:`~helpers.core.schema.DataError` with file, line and
column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.core.rules import finish, in_year_order, not_more_than, one_preferred
from helpers.core.schema import resource_schema
from helpers.core.tables import load_table
from helpers.trade import model as econ

__all__ = [
    "ENERGY_CRUDE",
    "ENERGY_DEALS",
    "ENERGY_GAS",
    "ENERGY_LNG",
    "ENERGY_SCHEMAS",
    "SETTLEMENT_CLAIMS",
    "crude_share_table",
    "load_energy_crude",
    "load_energy_deals",
    "load_energy_gas",
    "load_energy_lng",
    "load_settlement_claims",
]

ENERGY_CRUDE = resource_schema(
    "energy_crude",
    row_checks=(
        not_more_than(
            "russia_to_china_mt", "china_total_imports_mt", "one supplier cannot exceed the total"
        ),
    ),
    table_checks=(in_year_order(),),
)

ENERGY_GAS = resource_schema(
    "energy_gas",
    row_checks=(
        not_more_than(
            "deliveries_bcm",
            "capacity_bcm",
            "a design capacity is a nominal yearly rate, which a pipeline can pass only a little",
            margin=0.05,
        ),
    ),
    table_checks=(in_year_order("pipeline"), one_preferred("pipeline", "year")),
)

ENERGY_LNG = resource_schema(
    "energy_lng",
    table_checks=(in_year_order(),),
)

ENERGY_DEALS = resource_schema(
    "energy_deals_2022",
    table_checks=(one_preferred("deal_id"),),
)

SETTLEMENT_CLAIMS = resource_schema("settlement_currency_claims")

ENERGY_SCHEMAS = (ENERGY_CRUDE, ENERGY_GAS, ENERGY_LNG, ENERGY_DEALS, SETTLEMENT_CLAIMS)


def load_energy_crude(path: str | Path | None = None) -> pd.DataFrame:
    """Load Russian crude oil to China and China's total crude imports (``energy_crude.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        year, russia_to_china_mt, russia_to_china_mbpd, russia_to_china_value_usd_bn,
        china_total_imports_mt,
        china_total_imports_mbpd, confidence, source_id (list), note.

    Raises
    ------
    DataError
        For a malformed file, years out of order, or Russia's volume above China's total.

    Examples
    --------
    >>> load_energy_crude()["year"].tolist()
    [2019, 2020, 2021, 2022, 2023, 2024]
    """
    return load_table(ENERGY_CRUDE, path)


def load_energy_gas(
    path: str | Path | None = None, *, preferred_only: bool = False
) -> pd.DataFrame:
    """Load Power of Siberia deliveries and capacity, bcm/yr (``energy_gas.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    preferred_only : bool
        Keep only the preferred row for each year.

    Returns
    -------
    pandas.DataFrame
        year, pipeline, deliveries_bcm, capacity_bcm, preferred, confidence, source_id, note.

    Raises
    ------
    DataError
        For a malformed file, years out of order, a missing or doubled preferred row, or
        deliveries above capacity.

    Examples
    --------
    >>> gas = load_energy_gas()
    >>> sorted(gas[gas["year"] == 2022]["deliveries_bcm"])
    [15.4, 15.5]
    """
    return finish(load_table(ENERGY_GAS, path), preferred_only)


def load_energy_lng(path: str | Path | None = None) -> pd.DataFrame:
    """Load Russian LNG delivered to China, million tonnes (``energy_lng.csv``).

    Examples
    --------
    >>> load_energy_lng()["russia_to_china_mt"].tolist()
    [6.5, 8.0, 9.799]
    """
    return load_table(ENERGY_LNG, path)


def load_energy_deals(
    path: str | Path | None = None, *, preferred_only: bool = False
) -> pd.DataFrame:
    """Load the 4 Feb 2022 energy deals, with the 2014 gas deal for comparison.

    Where sources disagree on a term (the Far Eastern route: 25 or 30 years), each version is
    a row; one is ``preferred``.

    Returns
    -------
    pandas.DataFrame
        deal_id, signed, date_precision, parties (list), commodity, volume_per_year,
        volume_unit, years, value_usd_bn, value_basis, preferred, confidence, source_id, note.

    Examples
    --------
    >>> deals = load_energy_deals(preferred_only=True)
    >>> deals[deals["signed"] == "2022-02-04"]["value_usd_bn"].sum()
    np.float64(117.5)
    """
    return finish(load_table(ENERGY_DEALS, path), preferred_only)


def crude_share_table() -> pd.DataFrame:
    """Russia's share of China's crude oil imports, by tonnage, where both are known.

    Returns
    -------
    pandas.DataFrame
        Indexed by year: ``russia_to_china_mt``, ``china_total_imports_mt``, ``russia_share``.

    Examples
    --------
    >>> f"{crude_share_table().loc[2023, 'russia_share']:.1%}"
    '19.0%'
    """
    crude = load_energy_crude().dropna(subset=["china_total_imports_mt"]).set_index("year")
    table = crude[["russia_to_china_mt", "china_total_imports_mt"]].copy()
    table["russia_share"] = [
        econ.share(p, w)
        for p, w in zip(table["russia_to_china_mt"], table["china_total_imports_mt"], strict=True)
    ]
    return table


def load_settlement_claims(path: str | Path | None = None) -> pd.DataFrame:
    """Load Russian officials' claims of the share of trade settled in roubles and yuan.

    Every row is a government's claim after 4 Feb 2022 (hindsight), not a statistic: Russia
    publishes no currency shares by partner, and the claims are not a consistent series.

    Returns
    -------
    pandas.DataFrame
        claim_id, date, date_precision, claimant, share_pct, scope, claim, confidence,
        source_id (list), note.

    Examples
    --------
    >>> claims = load_settlement_claims()
    >>> bool((claims["date"] > "2022-02-04").all()), claims["share_pct"].max()
    (True, np.float64(99.1))
    """
    return load_table(SETTLEMENT_CLAIMS, path)
