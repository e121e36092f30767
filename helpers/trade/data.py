"""Schemas and loaders for lesson 03's trade files, and the tables built from them.

Besides the checks every loader makes (columns, types, allowed values, source ids), these files
have rules of their own (see :mod:`helpers.core.rules`), each raising
:class:`~helpers.core.schema.DataError` with file, line and column:

- within each series, rows are in year order;
- where sources conflict, each figure is its own row and exactly one row per year and series is
  marked ``preferred``;
- where a total and its two parts are all given, the parts add up to the total within rounding
  (0.5 % or US$0.5 bn, whichever is larger).

The energy files are in :mod:`helpers.trade.energy_data`; their loaders are re-exported here
and their schemas are part of :data:`SCHEMAS`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.core.rules import finish, in_year_order, one_preferred, parts_add_up, split_tolerance
from helpers.core.schema import resource_schema
from helpers.core.tables import load_table
from helpers.trade import model as econ
from helpers.trade.composition_data import (
    TRADE_COMPOSITION,
    composition_shares,
    load_trade_composition,
)
from helpers.trade.energy_data import (
    ENERGY_SCHEMAS,
    crude_share_table,
    load_energy_crude,
    load_energy_deals,
    load_energy_gas,
    load_energy_lng,
    load_settlement_claims,
)
from helpers.trade.partners_data import TRADE_PARTNERS, concentration_table, load_trade_partners

__all__ = [
    "CHINA_RUSSIA_TRADE",
    "SCHEMAS",
    "SERIES",
    "TOTAL_TRADE",
    "TRADE_PARTNERS",
    "TRADE_TARGETS",
    "TRIANGLE_TRADE",
    "asymmetry_summary",
    "asymmetry_table",
    "concentration_table",
    "composition_shares",
    "crude_share_table",
    "load_china_russia_trade",
    "load_energy_crude",
    "load_energy_deals",
    "load_energy_gas",
    "load_energy_lng",
    "load_settlement_claims",
    "load_total_trade",
    "load_trade_composition",
    "load_trade_partners",
    "load_trade_targets",
    "load_triangle_trade",
    "split_tolerance",
    "trade_series",
]

#: The two series of China-Russia trade: whose customs statistics a figure is.
SERIES = ("china_customs", "russia_customs")

CHINA_RUSSIA_TRADE = resource_schema(
    "china_russia_trade",
    row_checks=(
        parts_add_up(
            "total_usd_bn", ("china_exports_to_russia_usd_bn", "russia_exports_to_china_usd_bn")
        ),
    ),
    table_checks=(in_year_order("series"), one_preferred("series", "year")),
)

TOTAL_TRADE = resource_schema(
    "total_trade",
    row_checks=(parts_add_up("total_usd_bn", ("exports_usd_bn", "imports_usd_bn")),),
    table_checks=(in_year_order("country"), one_preferred("country", "year")),
)

TRIANGLE_TRADE = resource_schema(
    "triangle_trade",
    row_checks=(parts_add_up("total_usd_bn", ("us_exports_usd_bn", "us_imports_usd_bn")),),
    table_checks=(
        in_year_order("partner", "reporter"),
        one_preferred("partner", "reporter", "year"),
    ),
)

TRADE_TARGETS = resource_schema(
    "trade_targets",
)

SCHEMAS = (
    CHINA_RUSSIA_TRADE,
    TOTAL_TRADE,
    TRADE_PARTNERS,
    TRIANGLE_TRADE,
    TRADE_TARGETS,
    TRADE_COMPOSITION,
    *ENERGY_SCHEMAS,
)


# --- loaders ------------------------------------------------------------------------------
def load_china_russia_trade(
    path: str | Path | None = None, *, preferred_only: bool = False
) -> pd.DataFrame:
    """Load China–Russia goods trade by year, US$ bn (``data/china_russia_trade.csv``).

    Two series, by whose statistics a figure is: ``china_customs`` (China's) and
    ``russia_customs`` (Russia's). The preferred rows for 1992–2020 are the IMF's Direction of
    Trade Statistics (each country's reports); from 2021 customs releases as reported by news
    agencies. Conflicting figures for one year are separate rows; one of them is ``preferred``.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    preferred_only : bool
        Keep only the preferred row for each year and series.

    Returns
    -------
    pandas.DataFrame
        year, series, total_usd_bn, china_exports_to_russia_usd_bn,
        russia_exports_to_china_usd_bn, preferred, value_kind, confidence, source_id (list),
        note.

    Raises
    ------
    DataError
        For a malformed file, years out of order, a missing or doubled preferred row, or parts
        that do not add up to the total.

    Examples
    --------
    >>> trade = load_china_russia_trade(preferred_only=True)
    >>> trade.set_index(["series", "year"]).loc[("china_customs", 2021), "total_usd_bn"]
    np.float64(146.887)
    """
    return finish(load_table(CHINA_RUSSIA_TRADE, path), preferred_only)


def load_total_trade(
    path: str | Path | None = None, *, preferred_only: bool = False
) -> pd.DataFrame:
    """Load China's and Russia's total goods trade with the world, US$ bn (``total_trade.csv``).

    Years are those a source could be found for: IMF DOTS every year 1992–2020 (preferred, the
    same dataset as the bilateral figures), UN Comtrade for some of those years (kept for
    comparison), then each country's customs; missing years are left out rather than guessed.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    preferred_only : bool
        Keep only the preferred row for each year and country.

    Returns
    -------
    pandas.DataFrame
        year, country (CHN/RUS), exports_usd_bn, imports_usd_bn, total_usd_bn, reporter,
        preferred, confidence, source_id (list), note.

    Raises
    ------
    DataError
        For a malformed file, years out of order, a missing or doubled preferred row, or
        exports + imports not adding up.

    Examples
    --------
    >>> totals = load_total_trade(preferred_only=True)
    >>> totals.set_index(["country", "year"]).loc[("CHN", 2021), "total_usd_bn"]
    np.float64(6050.0)
    >>> totals.set_index(["country", "year"]).loc[("RUS", 2020), "reporter"]
    'imf_dots'
    """
    return finish(load_table(TOTAL_TRADE, path), preferred_only)


def load_triangle_trade(
    path: str | Path | None = None, *, preferred_only: bool = False
) -> pd.DataFrame:
    """Load US goods trade with China and with Russia, US$ bn (``triangle_trade.csv``).

    The triangle's third leg, China–Russia, is :func:`load_china_russia_trade`.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.
    preferred_only : bool
        Keep only the preferred row for each year, partner and reporter.

    Returns
    -------
    pandas.DataFrame
        year, partner (CHN/RUS), reporter (us_census/china_customs), us_exports_usd_bn,
        us_imports_usd_bn, total_usd_bn, preferred, confidence, source_id (list), note.

    Raises
    ------
    DataError
        As :func:`load_china_russia_trade`.

    Examples
    --------
    >>> tri = load_triangle_trade(preferred_only=True)
    >>> tri.set_index(["partner", "reporter", "year"]).loc[("RUS", "us_census", 2021),
    ...                                                     "total_usd_bn"].round(1)
    np.float64(36.1)
    """
    return finish(load_table(TRIANGLE_TRADE, path), preferred_only)


def load_trade_targets(path: str | Path | None = None) -> pd.DataFrame:
    """Load the China–Russia trade targets announced since 2011 (``trade_targets.csv``).

    Examples
    --------
    >>> load_trade_targets().set_index("target_id").loc["target_250bn_2022", "target_year"]
    <NA>
    """
    return load_table(TRADE_TARGETS, path)


# --- tables built from the files ----------------------------------------------------------
def trade_series(series: str = "china_customs", *, start: int = 1992, end: int = 2025) -> pd.Series:
    """China–Russia trade (preferred figures) for one series, indexed by year.

    Parameters
    ----------
    series : {"china_customs", "russia_customs"}
    start, end : int
        First and last year kept.

    Returns
    -------
    pandas.Series
        US$ bn by year, named after the series.

    Raises
    ------
    ValueError
        For an unknown series name.

    Examples
    --------
    >>> trade_series(start=2021, end=2023).round(1).tolist()
    [146.9, 190.3, 240.1]
    >>> trade_series("customs")
    Traceback (most recent call last):
    ...
    ValueError: unknown series 'customs'; expected one of: china_customs, russia_customs
    """
    if series not in SERIES:
        raise ValueError(f"unknown series {series!r}; expected one of: {', '.join(SERIES)}")
    trade = load_china_russia_trade(preferred_only=True)
    rows = trade[(trade["series"] == series) & trade["year"].between(start, end)]
    return rows.set_index("year")["total_usd_bn"].rename(series)


def asymmetry_table() -> pd.DataFrame:
    """Each side's share of the other's trade, for the years with a sourced total.

    Uses China's figure for the bilateral trade (the only series covering every year) and each
    country's total goods trade from :func:`load_total_trade` (preferred rows): for 1992–2020
    both come from IMF DOTS, so part and whole are from one dataset.

    Returns
    -------
    pandas.DataFrame
        Indexed by year: ``china_russia_usd_bn``, ``china_total_usd_bn``,
        ``russia_total_usd_bn``, ``russia_share_of_china`` and ``china_share_of_russia``
        (fractions; missing where a total is missing).

    Examples
    --------
    >>> t = asymmetry_table()
    >>> row = t.loc[2019]
    >>> f"{row['russia_share_of_china']:.1%}", f"{row['china_share_of_russia']:.1%}"
    ('2.4%', '16.6%')
    """
    bilateral = trade_series("china_customs")
    totals = load_total_trade(preferred_only=True).pivot(
        index="year", columns="country", values="total_usd_bn"
    )
    table = pd.DataFrame(
        {
            "china_russia_usd_bn": bilateral,
            "china_total_usd_bn": totals.get("CHN"),
            "russia_total_usd_bn": totals.get("RUS"),
        }
    ).dropna(subset=["china_russia_usd_bn"])
    table = table[table[["china_total_usd_bn", "russia_total_usd_bn"]].notna().any(axis=1)]

    def _share(whole: float, part: float) -> float:
        return econ.share(part, whole) if pd.notna(whole) else float("nan")

    part = table["china_russia_usd_bn"]
    table["russia_share_of_china"] = [
        _share(w, p) for w, p in zip(table["china_total_usd_bn"], part, strict=True)
    ]
    table["china_share_of_russia"] = [
        _share(w, p) for w, p in zip(table["russia_total_usd_bn"], part, strict=True)
    ]
    table.index.name = "year"
    return table


def asymmetry_summary(table: pd.DataFrame | None = None) -> str:
    """The asymmetry over the whole series in words, written from the numbers.

    Gives the years covered, the first and last year with both shares (each side's share of
    the other's trade and how many times larger China's share of Russia's trade is), and the
    years where a total is missing, so that the prose can never drift from the data.

    Examples
    --------
    >>> print(asymmetry_summary().splitlines()[0])
    Both totals were found for 31 years between 1992 and 2023.
    """
    table = asymmetry_table() if table is None else table
    both = table.dropna(subset=["russia_share_of_china", "china_share_of_russia"])
    first, last = both.index[0], both.index[-1]
    ratio = both["china_share_of_russia"] / both["russia_share_of_china"]

    def _year(year: int) -> str:
        row = both.loc[year]
        return (
            f"In {year} China was {row['china_share_of_russia']:.1%} of Russia's trade and "
            f"Russia {row['russia_share_of_china']:.1%} of China's: China's share was "
            f"{ratio[year]:.1f} times Russia's."
        )

    years = "year" if len(both) == 1 else "years"
    no_total = {
        name: [int(y) for y in table.index[table[column].isna()]]
        for name, column in (("Russia", "russia_total_usd_bn"), ("China", "china_total_usd_bn"))
    }
    lines = [
        f"Both totals were found for {len(both)} {years} between {first} and {last}.",
        _year(first),
        _year(last),
        f"The smaller share never rose above {both['russia_share_of_china'].max():.1%}; "
        f"China's share of Russia's trade was at least {both['china_share_of_russia'].min():.1%}.",
    ]
    for name, years_missing in no_total.items():
        if years_missing:
            listed = ", ".join(map(str, years_missing))
            lines.append(f"{name}'s total trade was not found for {listed}.")
    return "\n".join(lines)
