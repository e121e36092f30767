"""Each country's trade with all its partners (``data/trade_partners.csv``) and its concentration.

The IMF's Direction of Trade Statistics list every partner of China and of Russia; from them
:func:`concentration_table` computes Hirschman's measure of how concentrated a country's trade
is on few partners (the Hirschman–Herfindahl index, :func:`helpers.trade.model.hhi`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.core.schema import resource_schema
from helpers.core.tables import load_table
from helpers.trade import model as econ

__all__ = ["TRADE_PARTNERS", "concentration_table", "load_trade_partners"]

TRADE_PARTNERS = resource_schema("trade_partners")
TOTAL_TRADE = resource_schema("total_trade")


def load_trade_partners(path: str | Path | None = None) -> pd.DataFrame:
    """Load each country's trade with every partner, IMF DOTS (``data/trade_partners.csv``).

    Seven years from 1992 to 2020; one row per year, reporter (CHN/RUS) and partner, with the
    reporter's exports to and imports from that partner in US$ bn.

    Examples
    --------
    >>> p = load_trade_partners().set_index(["year", "reporter", "partner"])
    >>> float(p.loc[(2020, "CHN", "Russian Federation"), "exports_usd_bn"])
    50.6084
    """
    return load_table(TRADE_PARTNERS, path)


def concentration_table(partners: pd.DataFrame | None = None) -> pd.DataFrame:
    """How concentrated each country's trade is on its partners, year by year.

    Each partner's share is its exports + imports divided by the reporter's world total
    (preferred rows of ``total_trade.csv``, the same dataset); the index is
    :func:`helpers.trade.model.hhi` of those shares.

    Returns
    -------
    pandas.DataFrame
        Indexed by (year, reporter): ``hhi``, ``top_partner``, ``top_share`` and
        ``partners`` (how many partners had any trade).

    Examples
    --------
    >>> t = concentration_table()
    >>> round(float(t.loc[(2020, "RUS"), "hhi"]), 3), t.loc[(2020, "RUS"), "top_partner"]
    (0.058, 'China, P.R.: Mainland')
    """
    partners = load_trade_partners() if partners is None else partners
    totals = load_table(TOTAL_TRADE)  # its own checks run in helpers.trade.data
    totals = totals[totals["preferred"]].set_index(["year", "country"])["total_usd_bn"]
    frame = partners.assign(
        trade=partners["exports_usd_bn"].fillna(0) + partners["imports_usd_bn"].fillna(0)
    )
    rows = []
    for (year, reporter), group in frame.groupby(["year", "reporter"]):
        whole = totals.loc[(year, reporter)]
        shares = group["trade"] / whole
        top = shares.idxmax()
        rows.append(
            {
                "year": year,
                "reporter": reporter,
                "hhi": econ.hhi(shares),
                "top_partner": group.loc[top, "partner"],
                "top_share": shares[top],
                "partners": int((group["trade"] > 0).sum()),
            }
        )
    return pd.DataFrame(rows).set_index(["year", "reporter"])
