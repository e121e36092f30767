"""What China–Russia trade carries: ``data/trade_composition.csv`` and its shares.

Each row is one product group (crude oil, mineral fuels, machinery, cars ...) in one direction of
trade, for a year or its first months. The file keeps the source's value, its share, or both;
:func:`composition_table` adds a share for full-year values where the direction's total is in
``china_russia_trade.csv`` (China's customs), and says which shares are whose.

No row is ``high`` confidence: no UN Comtrade or customs table was read (see the data dictionary).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.core.schema import resource_schema
from helpers.core.tables import load_table

__all__ = [
    "DIRECTION_COLUMNS",
    "GROUP_LABELS",
    "TRADE_COMPOSITION",
    "composition_shares",
    "load_trade_composition",
]

TRADE_COMPOSITION = resource_schema("trade_composition")

#: the column of ``china_russia_trade.csv`` that holds each direction's total
DIRECTION_COLUMNS = {
    "russia_to_china": "russia_exports_to_china_usd_bn",
    "china_to_russia": "china_exports_to_russia_usd_bn",
}

#: short labels for charts and summaries
GROUP_LABELS = {
    "crude_oil": "crude oil",
    "mineral_fuels": "mineral fuels (HS 27)",
    "energy_products": "energy products",
    "oil_gas_coal": "oil, gas and coal",
    "coal": "coal",
    "natural_gas": "natural gas",
    "machinery_vehicles": "machinery, equipment and vehicles",
    "machinery_electrical": "machinery and electrical (HS 84-85)",
    "transport_equipment": "transport equipment (HS 86-89)",
    "passenger_cars": "passenger cars",
    "semiconductors": "semiconductors",
}


def load_trade_composition(path: str | Path | None = None) -> pd.DataFrame:
    """Load China–Russia trade by product group (``data/trade_composition.csv``).

    Returns
    -------
    pandas.DataFrame
        year, months, direction, product_group, hs_codes, value_usd_bn, share, share_kind,
        confidence, source_id (list), note.

    Raises
    ------
    DataError
        For a malformed file, with file, line and column.

    Examples
    --------
    >>> comp = load_trade_composition()
    >>> row = comp[(comp["year"] == 2019) & (comp["product_group"] == "mineral_fuels")].iloc[0]
    >>> float(row["share"]), row["share_kind"]
    (0.73, 'reported')
    """
    return load_table(TRADE_COMPOSITION, path)


def composition_shares(composition: pd.DataFrame, trade: pd.DataFrame) -> pd.DataFrame:
    """Each row's share of its direction of trade, and whose share it is.

    A share the source gives (``reported``, or ``computed`` from the source's own values) is
    kept. A full-year value with no share gets one computed against that direction's total in
    China's customs series (``computed_here``). Partial years get none: their totals are not in
    the yearly file.

    Parameters
    ----------
    composition : DataFrame
        From :func:`load_trade_composition`.
    trade : DataFrame
        From :func:`helpers.trade.data.load_china_russia_trade` (preferred rows).

    Returns
    -------
    pandas.DataFrame
        The composition rows with ``direction_total_usd_bn``, ``share_of_direction`` and
        ``share_basis`` (``reported``, ``computed``, ``computed_here`` or ``none``).

    Examples
    --------
    >>> from helpers.trade.data import load_china_russia_trade
    >>> trade = load_china_russia_trade(preferred_only=True)
    >>> t = composition_shares(load_trade_composition(), trade)
    >>> row = t[(t["year"] == 2022) & (t["product_group"] == "crude_oil")].iloc[0]
    >>> round(float(row["share_of_direction"]), 3), row["share_basis"]
    (0.511, 'computed_here')
    """
    china = trade[trade["series"] == "china_customs"].set_index("year")
    table = composition.copy()
    totals, shares, basis = [], [], []
    for _, row in table.iterrows():
        column = DIRECTION_COLUMNS[row["direction"]]
        total = china[column].get(row["year"], float("nan")) if row["months"] == 12 else None
        totals.append(total if total is not None else float("nan"))
        if pd.notna(row["share"]):
            shares.append(float(row["share"]))
            basis.append(row["share_kind"])
        elif total is not None and pd.notna(total) and pd.notna(row["value_usd_bn"]):
            shares.append(float(row["value_usd_bn"]) / float(total))
            basis.append("computed_here")
        else:
            shares.append(float("nan"))
            basis.append("none")
    table["direction_total_usd_bn"] = totals
    table["share_of_direction"] = shares
    table["share_basis"] = basis
    return table
