"""Lesson 03's charts: China–Russia trade, its asymmetry and the triangle's legs.

The energy charts are in :mod:`helpers.trade.energy_charts`.

Every function takes the data it draws (from :mod:`helpers.trade.data`), draws on ``ax`` (a new
figure only when it is None), writes a source line and returns the Axes; none calls
``plt.show()``. Series are told apart by marker or hatch as well as colour; anything after
4 Feb 2022 sits in a shaded "hindsight" band.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator, PercentFormatter, StrMethodFormatter

from helpers.core.layout import LEGEND_UNDER_NOTES, add_source_line, new_axes, y_tick_labels
from helpers.core.style import HATCHES, PALETTE
from helpers.trade.composition_data import GROUP_LABELS

__all__ = [
    "ANNOTATED_YEARS",
    "plot_asymmetry",
    "plot_composition",
    "plot_target_path",
    "plot_trade_series",
    "plot_trade_split",
    "plot_triangle_legs",
    "shade_hindsight",
]

#: Years marked on the trade chart, with what happened.
ANNOTATED_YEARS: dict[int, str] = {
    2014: "2014: Crimea annexed,\nfirst Western sanctions",
    2022: "2022: joint statement (4 Feb),\ninvasion of Ukraine (24 Feb)",
}
_SERIES_STYLE = {
    "china_customs": {"color": PALETTE["blue"], "marker": "o", "linestyle": "-",
                      "label": "China's customs"},
    "russia_customs": {"color": PALETTE["orange"], "marker": "s", "linestyle": "none",
                       "label": "Russia's figures"},
}  # fmt: skip
_BN = "${x:,.0f} bn"  # a new formatter per axis: a shared one keeps its last axis alive
_NOTE_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1}  # over lines


def shade_hindsight(ax: Axes, start: float = 2022.1, *, label: bool = True) -> None:
    """Shade everything after 4 Feb 2022 (x as years) and label it "hindsight".

    For yearly bars use ``start=2021.5``: the whole 2022 bar is then inside the band.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); ax.set_xlim(2010, 2025)
    (2010.0, 2025.0)
    >>> shade_hindsight(ax); ax.texts[-1].get_text()
    'hindsight →'
    >>> plt.close(fig)
    """
    right = ax.get_xlim()[1]
    if right <= start:
        return
    ax.axvspan(start, right, color="#999999", alpha=0.12, linewidth=0, zorder=0)
    ax.set_xlim(right=right)
    if label:
        ax.text(start, 0.98, "hindsight →", transform=ax.get_xaxis_transform(), ha="left",
                va="top", fontsize=8, color="#555555")  # fmt: skip


def plot_trade_series(
    trade: pd.DataFrame,
    targets: pd.DataFrame | None = None,
    *,
    ax: Axes | None = None,
    series: Sequence[str] = ("china_customs", "russia_customs"),
    start: int = 1992,
    end: int = 2025,
    log: bool = False,
    annotate: bool = True,
) -> Axes:
    """China–Russia trade by year, with 2014 and 2022 marked and the $200/$250 bn targets drawn.

    Parameters
    ----------
    trade : DataFrame
        From :func:`helpers.trade.data.load_china_russia_trade` (preferred rows are drawn).
    targets : DataFrame, optional
        From :func:`helpers.trade.data.load_trade_targets`; targets of $200 bn and more are drawn
        as horizontal lines labelled with their target year.
    ax : Axes, optional
    series : sequence of str
        Which series to draw: ``china_customs`` and/or ``russia_customs``.
    start, end : int
        Years shown.
    log : bool
        Logarithmic y axis (equal steps = equal growth rates).
    annotate : bool
        Mark 2014 and 2022.

    Returns
    -------
    Axes

    Examples
    --------
    >>> from helpers.trade.data import load_china_russia_trade, load_trade_targets
    >>> ax = plot_trade_series(load_china_russia_trade(), load_trade_targets())
    >>> sorted(line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_"))
    ["China's customs", "Russia's figures", 'target $200 bn by 2024', 'target $250 bn (no year)']
    """
    ax = new_axes(ax)
    rows = trade[trade["preferred"] & trade["year"].between(start, end)]
    for name in series:
        style = _SERIES_STYLE[name]
        part = rows[rows["series"] == name]
        ax.plot(part["year"], part["total_usd_bn"], **style)
    if targets is not None:
        big = targets[targets["value_usd_bn"] >= 200].sort_values("value_usd_bn")
        big = big[big["target_year"].isna() | big["target_year"].ge(start)]
        big = big.drop_duplicates("value_usd_bn", keep="last")
        for ls, (_, t) in zip(("--", ":"), big.iterrows(), strict=False):
            when = "no year" if pd.isna(t["target_year"]) else f"by {int(t['target_year'])}"
            label = f"target ${t['value_usd_bn']:.0f} bn " + (
                "(no year)" if when == "no year" else when
            )
            ax.axhline(t["value_usd_bn"], color=PALETTE["vermillion"], linestyle=ls,
                       linewidth=1.3, label=label)  # fmt: skip
    ax.set_xlim(start - 0.5, end + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole years, never 2007.5
    if log:
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    if annotate:
        for year, text in ANNOTATED_YEARS.items():
            if start <= year <= end:
                ax.axvline(year, color="#555555", linewidth=0.8, linestyle="-.")
                ax.text(year - 0.3, 0.97, text, transform=ax.get_xaxis_transform(), ha="right",
                        va="top", fontsize=8, bbox=_NOTE_BOX)  # fmt: skip
    shade_hindsight(ax, label=False)
    y_tick_labels(ax, StrMethodFormatter(_BN), log=log)  # "$60 bn" on a log scale too, not 6×10¹
    ax.set_xlabel("Year")
    ax.set_ylabel("Goods trade, US$ bn (nominal)" + (", log scale" if log else ""))
    ax.set_title(f"China–Russia goods trade, {start}–{end}")
    ax.legend(**LEGEND_UNDER_NOTES)
    add_source_line(ax, "news reports of China's and Russia's customs data; targets: see "
                    "data/trade_targets.csv (data/china_russia_trade.csv)")  # fmt: skip
    return ax


def plot_trade_split(trade: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Stacked bars: China's exports to Russia and Russia's exports to China, where reported.

    Bars whose split was computed here (not reported) are outlined in black and noted below.

    Examples
    --------
    >>> from helpers.trade.data import load_china_russia_trade
    >>> ax = plot_trade_split(load_china_russia_trade())
    >>> len(ax.patches) >= 20
    True
    """
    ax = new_axes(ax)
    cols = ["china_exports_to_russia_usd_bn", "russia_exports_to_china_usd_bn"]
    rows = trade[trade["preferred"] & (trade["series"] == "china_customs")].dropna(subset=cols)
    years = rows["year"].to_numpy()
    china, russia = rows[cols[0]].to_numpy(), rows[cols[1]].to_numpy()
    computed = rows["note"].fillna("").str.contains("split is computed").to_numpy()
    edges = ["black" if c else "white" for c in computed]
    ax.bar(years, china, color=PALETTE["blue"], hatch=HATCHES[0], edgecolor=edges,
           label="China → Russia (China's exports)")  # fmt: skip
    ax.bar(years, russia, bottom=china, color=PALETTE["orange"], hatch=HATCHES[1],
           edgecolor=edges, label="Russia → China (China's imports)")  # fmt: skip
    for x, c, r, total in zip(years, china, russia, rows["total_usd_bn"], strict=True):
        ax.text(x, max(c + r, total) + 3, f"{total:.0f}", ha="center", fontsize=8)
    ax.set_xticks(years)
    ax.set_xlim(years.min() - 1, years.max() + 1)
    ax.set_ylim(0, float((china + russia).max()) * 1.18)
    shade_hindsight(ax, start=2021.5)
    ax.yaxis.set_major_formatter(StrMethodFormatter(_BN))
    ax.set_xlabel("Year (only years with a reported split)")
    ax.set_ylabel("US$ bn (nominal)")
    ax.set_title("Who sells what to whom: the two directions of China–Russia trade")
    ax.legend(loc="upper left", fontsize=9)
    note = " Black outline: split computed here from growth rates." if computed.any() else ""
    add_source_line(ax, "China's customs via news reports (data/china_russia_trade.csv)." + note)
    return ax


def plot_asymmetry(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Each side's share of the other's trade: China's share of Russia's vs Russia's of China's.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.trade.data.asymmetry_table`.

    Examples
    --------
    >>> from helpers.trade.data import asymmetry_table
    >>> ax = plot_asymmetry(asymmetry_table())
    >>> ax.get_ylabel()
    "Share of the country's total goods trade"
    """
    ax = new_axes(ax)
    pairs = [
        ("china_share_of_russia", "China's share of Russia's trade", PALETTE["vermillion"], "s"),
        ("russia_share_of_china", "Russia's share of China's trade", PALETTE["blue"], "o"),
    ]
    for col, label, color, marker in pairs:
        part = table[col].dropna()
        ax.plot(part.index, part.to_numpy(), color=color, marker=marker, linestyle="--",
                label=label)  # fmt: skip
        last = part.index.max()
        ax.annotate(f"{part[last]:.1%}", (last, part[last]), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=9, color=color)  # fmt: skip
    ax.set_ylim(0, max(0.4, float(table["china_share_of_russia"].max()) * 1.15))
    ax.set_xlim(table.index.min() - 1, table.index.max() + 1.5)
    shade_hindsight(ax)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Year (only years with a sourced total; dashed lines join them)")
    ax.set_ylabel("Share of the country's total goods trade")
    ax.set_title("Who needs whom? Each side's share of the other's trade")
    ax.legend(loc="upper left", fontsize=9)
    add_source_line(ax, "China's customs (bilateral); UN Comtrade and national customs "
                    "(totals) (data/china_russia_trade.csv, data/total_trade.csv)")  # fmt: skip
    return ax


def plot_triangle_legs(
    china_russia: pd.Series,
    triangle: pd.DataFrame,
    *,
    years: Sequence[int] = (2014, 2015, 2021, 2022),
    ax: Axes | None = None,
) -> Axes:
    """The strategic triangle's three trade legs side by side, for comparison years.

    Parameters
    ----------
    china_russia : Series
        China–Russia trade by year (:func:`helpers.trade.data.trade_series`).
    triangle : DataFrame
        From :func:`helpers.trade.data.load_triangle_trade`; US Census rows are used.
    years : sequence of int
        Years to compare (a missing value is left blank and marked "n/a").

    Examples
    --------
    >>> from helpers.trade.data import load_triangle_trade, trade_series
    >>> ax = plot_triangle_legs(trade_series(), load_triangle_trade())
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['2014', '2015', '2021', '2022']
    """
    ax = new_axes(ax)
    census = triangle[triangle["preferred"] & (triangle["reporter"] == "us_census")]
    legs = {
        "US–China": census[census["partner"] == "CHN"].set_index("year")["total_usd_bn"],
        "US–Russia": census[census["partner"] == "RUS"].set_index("year")["total_usd_bn"],
        "China–Russia": china_russia,
    }
    colors = [PALETTE["purple"], PALETTE["green"], PALETTE["blue"]]
    x = np.arange(len(years))
    width = 0.26
    for i, ((name, values), color) in enumerate(zip(legs.items(), colors, strict=True)):
        heights = [values.get(y, np.nan) for y in years]
        bars = ax.bar(x + (i - 1) * width, np.nan_to_num(heights), width, color=color,
                      hatch=HATCHES[i], edgecolor="white", label=name)  # fmt: skip
        for bar, h in zip(bars, heights, strict=True):
            text = "n/a" if pd.isna(h) else f"{h:,.0f}"
            ax.text(bar.get_x() + bar.get_width() / 2, (0 if pd.isna(h) else h) + 8, text,
                    ha="center", fontsize=8)  # fmt: skip
    ax.set_xticks(x, [str(y) for y in years])
    ax.yaxis.set_major_formatter(StrMethodFormatter(_BN))
    ax.set_ylabel("Goods trade, US$ bn (nominal)")
    ax.set_xlabel("Year")
    ax.set_title("The triangle's three legs: trade between each pair")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=9)
    add_source_line(ax, "US Census Bureau (US legs); China's customs (China–Russia), via the "
                    "reports in data/sources.csv (data/triangle_trade.csv)")  # fmt: skip
    return ax


def plot_target_path(
    actual: pd.Series,
    path: dict[int, float],
    target: float,
    *,
    ax: Axes | None = None,
) -> Axes:
    """The actual trade path against the steady path needed to hit a target.

    Parameters
    ----------
    actual : Series
        Trade by year (:func:`helpers.trade.data.trade_series`).
    path : dict of int to float
        The required path, from :func:`helpers.trade.model.projected_path`.
    target : float
        The target, US$ bn.

    Examples
    --------
    >>> from helpers.trade import model as econ
    >>> from helpers.trade.data import trade_series
    >>> rate = econ.required_growth(146.887, 250, 2021, 2024)
    >>> ax = plot_target_path(trade_series(), econ.projected_path(146.887, rate, 2021, 2024), 250)
    >>> ax.get_lines()[1].get_label()
    'required path: +19.4% a year'
    """
    ax = new_axes(ax)
    years = list(path)
    first, last = years[0], years[-1]
    rate = (path[last] / path[first]) ** (1 / (last - first)) - 1 if path[first] else 0.0
    shown = actual[actual.index.to_series().between(first - 6, max(last, actual.index.max()))]
    ax.plot(shown.index, shown.to_numpy(), color=PALETTE["blue"], marker="o",
            label="actual (China's customs)")  # fmt: skip
    ax.plot(years, list(path.values()), color=PALETTE["vermillion"], marker="^", linestyle="--",
            label=f"required path: {rate:+.1%} a year")  # fmt: skip
    ax.plot([last], [target], marker="*", markersize=14, color=PALETTE["vermillion"],
            linestyle="none", label=f"target: ${target:,.0f} bn in {last}")  # fmt: skip
    ax.set_ylim(0, max(target, float(shown.max())) * 1.15)
    ax.set_xlim(shown.index.min() - 0.5, max(last, shown.index.max()) + 0.5)
    shade_hindsight(ax)
    ax.yaxis.set_major_formatter(StrMethodFormatter(_BN))
    ax.set_xlabel("Year")
    ax.set_ylabel("Goods trade, US$ bn (nominal)")
    ax.set_title(f"From \\${path[first]:,.0f} bn in {first} to \\${target:,.0f} bn by {last}?")
    ax.legend(loc="upper left", fontsize=9)
    add_source_line(ax, "China's customs via news reports (data/china_russia_trade.csv); "
                    "required path computed here")  # fmt: skip
    return ax


_COMPOSITION_STYLE = {
    "crude_oil": (PALETTE["blue"], "o", "-"),
    "mineral_fuels": (PALETTE["vermillion"], "s", "--"),
    "energy_products": (PALETTE["vermillion"], "D", ":"),
    "machinery_vehicles": (PALETTE["green"], "^", "-."),
    "passenger_cars": (PALETTE["orange"], "v", ":"),
}


def plot_composition(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Shares of the main product groups in each direction, by year.

    Filled markers are full years, hollow markers part-years (their label gives the months);
    lower bounds are drawn like other values, so the text says which they are.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.trade.data.composition_shares`.

    Examples
    --------
    >>> from helpers.trade import data
    >>> trade = data.load_china_russia_trade(preferred_only=True)
    >>> ax = plot_composition(data.composition_shares(data.load_trade_composition(), trade))
    >>> ax.get_title()
    'What the trade carries: shares of each direction'
    """
    ax = new_axes(ax)
    shown = table[
        table["product_group"].isin(_COMPOSITION_STYLE) & table["share_of_direction"].notna()
    ]
    for group, rows in shown.groupby("product_group", sort=False):
        colour, marker, line = _COMPOSITION_STYLE[group]
        arrow = "Russia → China" if rows["direction"].iloc[0] == "russia_to_china" else (
            "China → Russia")  # fmt: skip
        full = rows[rows["months"] == 12]
        ax.plot(full["year"], full["share_of_direction"], color=colour, marker=marker,
                linestyle=line, label=f"{arrow}: {GROUP_LABELS[group]}")  # fmt: skip
        part = rows[rows["months"] < 12]
        ax.plot(part["year"], part["share_of_direction"], color=colour, marker=marker,
                markerfacecolor="white", linestyle="none")  # fmt: skip
        for _, row in part.iterrows():
            point = (row["year"], row["share_of_direction"])
            ax.annotate(f"Jan–{_MONTHS[int(row['months'])]}", point,
                        textcoords="offset points", xytext=(6, -3), fontsize=7)  # fmt: skip
    ax.axvspan(2022.1, 2025.6, color="0.92", zorder=0, label="hindsight")
    ax.set_ylim(0, 1)
    ax.set_xlim(2017.5, 2025.6)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Year (hollow markers: first months only)")
    ax.set_ylabel("Share of that direction's trade")
    ax.set_title("What the trade carries: shares of each direction")
    ax.legend(loc="upper right", fontsize=7)
    add_source_line(
        ax, "China's customs and UN Comtrade as reported by EPRS, TASS and others "
        "(data/trade_composition.csv)"
    )  # fmt: skip
    return ax


_MONTHS = dict(enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1))
