"""Lesson 03's energy charts: Power of Siberia against its capacity, and Russia's crude share.

Like :mod:`helpers.trade.charts`: each function draws on ``ax`` (a new figure only when it is
None), writes a source line and returns the Axes; none calls ``plt.show()``.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from helpers.core.layout import add_source_line, new_axes
from helpers.core.style import PALETTE
from helpers.trade.charts import shade_hindsight

__all__ = ["plot_crude_share", "plot_power_of_siberia"]


def plot_power_of_siberia(gas: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Power of Siberia deliveries each year against its 38 bcm/yr capacity and its contract.

    The contract's volume for each year (``contract_bcm``, where published) is a dark dotted
    line, broken at a year with no published figure; conflicting figures for a year
    (non-preferred rows) are drawn as small black ticks.

    Examples
    --------
    >>> from helpers.trade.energy_data import load_energy_gas
    >>> ax = plot_power_of_siberia(load_energy_gas())
    >>> ax.get_lines()[0].get_label()
    'design capacity, 38 bcm/yr'
    """
    ax = new_axes(ax)
    main = gas[gas["preferred"]]
    capacity = float(main["capacity_bcm"].max())
    ax.axhline(capacity, color=PALETTE["vermillion"], linestyle="--",
               label=f"design capacity, {capacity:.0f} bcm/yr")  # fmt: skip
    bars = ax.bar(main["year"], main["deliveries_bcm"], color=PALETTE["green"], hatch="//",
                  edgecolor="white", label="delivered (Gazprom)")  # fmt: skip
    tops = main[["deliveries_bcm", "contract_bcm"]].max(axis=1) if "contract_bcm" in main else (
        main["deliveries_bcm"])  # fmt: skip
    for bar, value, top in zip(bars, main["deliveries_bcm"], tops, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, top + 1.2,
                f"{value:g}\n({value / capacity:.0%})", ha="center", fontsize=8)  # fmt: skip
    if "contract_bcm" in main:
        # every year, with NaN where no figure was published: the line breaks there
        ax.plot(main["year"], main["contract_bcm"].astype(float), color="0.15", marker="s",
                linestyle=":", label="contract volume for the year")  # fmt: skip
    other = gas[~gas["preferred"]]
    if len(other):
        ax.plot(other["year"], other["deliveries_bcm"], linestyle="none", marker="_",
                markersize=14, color="black", label="other reported figures")  # fmt: skip
    ax.set_ylim(0, capacity * 1.25)
    ax.set_xlim(main["year"].min() - 0.7, main["year"].max() + 0.7)
    shade_hindsight(ax, start=2021.5)
    ax.set_xticks(main["year"])
    ax.set_xlabel("Year")
    ax.set_ylabel("Gas delivered, bcm")
    ax.set_title("Power of Siberia: deliveries against contract and capacity")
    ax.legend(loc="upper left", fontsize=9)
    add_source_line(
        ax, "Gazprom and Gazprom Export via TASS; other figures as noted (data/energy_gas.csv)"
    )
    return ax


def plot_crude_share(table: pd.DataFrame, *, ax: Axes | None = None) -> Axes:
    """Russia's share of China's crude oil imports, by tonnage, with the tonnages labelled.

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.trade.data.crude_share_table`.

    Examples
    --------
    >>> from helpers.trade.energy_data import crude_share_table
    >>> ax = plot_crude_share(crude_share_table())
    >>> ax.get_title()
    "Russia's share of China's crude oil imports"
    """
    ax = new_axes(ax)
    bars = ax.bar(table.index, table["russia_share"], color=PALETTE["blue"], hatch="..",
                  edgecolor="white", label="Russia's share (by tonnage)")  # fmt: skip
    for bar, (_, row) in zip(bars, table.iterrows(), strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, row["russia_share"] + 0.005,
                f"{row['russia_share']:.1%}\n{row['russia_to_china_mt']:.0f} of "
                f"{row['china_total_imports_mt']:.0f} Mt", ha="center", fontsize=8)  # fmt: skip
    ax.set_ylim(0, 0.3)
    ax.set_xlim(table.index.min() - 0.7, table.index.max() + 0.7)
    shade_hindsight(ax, start=2021.5)
    ax.set_xticks(table.index)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Year")
    ax.set_ylabel("Share of China's crude imports")
    ax.set_title("Russia's share of China's crude oil imports")
    add_source_line(ax, "China's customs via Reuters, TASS and MEES (data/energy_crude.csv)")
    return ax
