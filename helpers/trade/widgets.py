"""Lesson 03's widgets: the trade explorer and the target explorer.

Each builder returns an :class:`helpers.core.widget.Explorer`: its controls are in
``box.controls`` (a dict), its one-line answer in ``box.summary`` (an HTML widget) and its chart
in ``box.chart`` (PNG), so that tests can drive it without a browser. The summaries are the pure
functions below (:func:`explorer_summary`, :func:`target_summary`), the charts those of
:mod:`helpers.trade.charts`, on data loaded once when the widget is built. Widgets need a
running notebook; a reader of a static copy sees the static chart drawn before them. Each chart
is drawn once and then redrawn in place (:mod:`helpers.trade.widget_charts`).
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Hashable, Mapping

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from helpers.core.widget import Explorer
from helpers.trade import model as econ
from helpers.trade.charts import plot_asymmetry, plot_target_path, plot_trade_series
from helpers.trade.data import (
    asymmetry_table,
    load_china_russia_trade,
    load_trade_targets,
    trade_series,
)
from helpers.trade.widget_charts import (
    log_shares,
    trade_target_lines,
    update_asymmetry,
    update_target_path,
    update_trade_series,
)

__all__ = [
    "SERIES_CHOICES",
    "TargetExplorer",
    "TradeExplorer",
    "explorer_summary",
    "target_explorer",
    "target_summary",
    "trade_explorer",
]

#: The explorer's series menu: label shown -> series drawn.
SERIES_CHOICES: dict[str, tuple[str, ...]] = {
    "China's customs": ("china_customs",),
    "Russia's figures": ("russia_customs",),
    "Both": ("china_customs", "russia_customs"),
}


def explorer_summary(
    series: str,
    years: tuple[int, int],
    unit: str,
    *,
    shares: pd.DataFrame | None = None,
    trade: Mapping[str, pd.Series] | None = None,
) -> str:
    """The trade explorer's one-line reading of what it shows.

    Parameters
    ----------
    series : str
        A key of :data:`SERIES_CHOICES`.
    years : (int, int)
        First and last year shown.
    unit : {"usd", "share"}
        US$ bn, or each side's share of the other's trade.
    shares, trade : optional
        :func:`helpers.trade.data.asymmetry_table` and each series' :func:`trade_series`
        over every year, if already loaded (the explorer loads them once).

    Returns
    -------
    str
        Plain text (no HTML).

    Examples
    --------
    >>> explorer_summary("China's customs", (2000, 2021), "usd")
    "China's customs: $8.0 bn in 2000 → $146.9 bn in 2021 (×18.4, +14.9% a year on average)."
    >>> explorer_summary("Both", (2016, 2023), "share").split("; ")[0]
    "China's share of Russia's trade: 14.9% (2016) → 33.8% (2023)"
    """
    first, last = int(years[0]), int(years[1])
    if unit == "share":
        table = (asymmetry_table() if shares is None else shares).loc[first:last]
        parts = []
        for col, who in (("china_share_of_russia", "China's share of Russia's trade"),
                         ("russia_share_of_china", "Russia's share of China's")):  # fmt: skip
            known = table[col].dropna()
            if known.empty:
                parts.append(f"{who}: no sourced totals in {first}–{last}")
            else:
                a, b = known.index.min(), known.index.max()
                parts.append(f"{who}: {known[a]:.1%} ({a}) → {known[b]:.1%} ({b})")
        return "; ".join(parts) + ". Shares use China's customs figures."
    texts = []
    for name in SERIES_CHOICES[series]:
        if trade is None:
            values = trade_series(name, start=first, end=last)
        else:
            values = trade[name][(trade[name].index >= first) & (trade[name].index <= last)]
        label = "China's customs" if name == "china_customs" else "Russia's figures"
        if len(values) < 2:
            texts.append(f"{label}: fewer than two years with data in {first}–{last}")
            continue
        a, b = values.index.min(), values.index.max()
        rate = econ.cagr(values[a], values[b], a, b)
        texts.append(
            f"{label}: ${values[a]:,.1f} bn in {a} → ${values[b]:,.1f} bn in {b} "
            f"(×{values[b] / values[a]:.1f}, {rate:+.1%} a year on average)"
        )
    return "; ".join(texts) + "."


def target_summary(
    base_year: int, target: float, target_year: int, *, actual: pd.Series | None = None
) -> str:
    """The target calculator's answer: the growth needed, and (hindsight) what happened.

    Never raises: a bad combination of inputs gives a sentence saying what to change.
    ``actual`` is China's customs series (:func:`trade_series`), if already loaded.

    Examples
    --------
    >>> print(target_summary(2021, 250, 2024).replace(". ", ".\\n"))
    From $146.9 bn in 2021, reaching $250 bn by 2024 needs +19.4% a year.
    What happened (hindsight): $244.8 bn in 2024, 2.1% short of the target.
    >>> target_summary(2021, 250, 2021)
    'Choose a target year after the base year (2021).'
    """
    actual = trade_series("china_customs") if actual is None else actual
    if base_year not in actual.index:
        return f"No China's-customs figure for {base_year}: choose another base year."
    base = float(actual[base_year])
    if target_year > base_year and not target > 0:
        return "Choose a target above zero (US$ bn)."
    try:
        rate = econ.required_growth(base, target, base_year, target_year)
    except ValueError:
        if target_year <= base_year:
            return f"Choose a target year after the base year ({base_year})."
        return "Choose a target of zero or more (US$ bn)."
    text = (
        f"From ${base:,.1f} bn in {base_year}, reaching ${target:,.0f} bn by {target_year} "
        f"needs {rate:+.1%} a year."
    )
    if target_year in actual.index:
        got = float(actual[target_year])
        gap = got / target - 1 if target else 0.0
        verdict = "met" if got >= target else f"{-gap:.1%} short of the target"
        when = " (hindsight)" if target_year >= 2022 else ""
        text += f" What happened{when}: ${got:,.1f} bn in {target_year}, {verdict}."
    else:
        text += f" There is no figure for {target_year} yet."
    return text


def _as_html(text: str) -> str:
    """Escape text for an HTML widget, and keep "$" signs from being typeset as maths."""
    return f'<span class="tex2jax_ignore mathjax_ignore">{html.escape(text)}</span>'


class TradeExplorer(Explorer):
    """Series, years, US$ or shares, linear or log: a summary line and the chart."""

    css_class = "btp-trade-explorer"
    rows = (("series", "unit"), ("years", "scale"))

    def __init__(self, *, starting_chart: str | None = None) -> None:
        # loaded once: each redraw only filters and draws
        self._trade, self._targets = load_china_russia_trade(), load_trade_targets()
        self._shares = asymmetry_table()
        self._full = {name: trade_series(name) for name in SERIES_CHOICES["Both"]}
        first, last = int(self._trade["year"].min()), int(self._trade["year"].max())
        rows = self._trade[self._trade["preferred"]]
        self._series = {  # each series' years and values, cut to the years shown on a change
            name: (part["year"].to_numpy(), part["total_usd_bn"].to_numpy(dtype=float))
            for name in SERIES_CHOICES["Both"]
            for part in [rows[rows["series"] == name]]
        }
        # the target lines change only where a start year passes a target's year: one list
        # for each of those few steps, looked up for every start year
        steps = [*sorted({int(y) for y in self._targets["target_year"].dropna()}), 10**9]
        self._line_steps = steps
        self._lines = [trade_target_lines(self._targets, year) for year in steps]
        controls = {
            "series": widgets.Dropdown(
                options=list(SERIES_CHOICES), value="Both", description="Series"
            ),
            "years": widgets.IntRangeSlider(
                value=(first, last),
                min=first,
                max=last,
                description="Years",
                continuous_update=False,
            ),
            "unit": widgets.ToggleButtons(
                options=[("US$ bn", "usd"), ("share of trade", "share")],
                value="usd",
                description="Show",
            ),
            "scale": widgets.ToggleButtons(
                options=["linear", "log"], value="linear", description="Scale"
            ),
        }
        super().__init__(controls, starting_chart=starting_chart)
        for unit in ("usd", "share"):  # both charts with every part (the start has them all)
            start = {"series": "Both", "years": (first, last), "unit": unit, "scale": "linear"}
            warm = [{**start, "scale": "log"}] if unit == "usd" else []  # log tick labels
            self.keep_figure(start, *warm)

    def _target_lines(self, start: int) -> list[tuple[float, str, str]]:
        """:func:`trade_target_lines` for ``start``: the list of the first step at or after it."""
        return self._lines[bisect.bisect_left(self._line_steps, start)]

    def describe(self, series: str, years: tuple[int, int], unit: str, scale: str) -> str:
        """:func:`explorer_summary` (the scale changes the chart only)."""
        summary = explorer_summary(series, years, unit, shares=self._shares, trade=self._full)
        return _as_html(summary)

    def chart_key(self, series: str, years: tuple[int, int], unit: str, scale: str) -> Hashable:
        """The settings the chart depends on (the share chart shows no series choice)."""
        return (unit, tuple(years), scale, None if unit == "share" else series)

    def chart_kind(self, series: str, years: tuple[int, int], unit: str, scale: str) -> Hashable:
        """Two kept figures: the trade series and the shares."""
        return unit

    def update_figure(
        self, fig: Figure, series: str, years: tuple[int, int], unit: str, scale: str
    ) -> bool:
        """Redraw the kept chart in place (:mod:`helpers.trade.widget_charts`)."""
        ax, (start, end), log = fig.axes[0], years, scale == "log"
        if unit == "share":
            table = self._shares.loc[start:end]
            return not table.empty and update_asymmetry(ax, table, log=log)
        return update_trade_series(
            ax, self._series, self._target_lines(start), series=SERIES_CHOICES[series], start=start,
            end=end, log=log,
        )  # fmt: skip

    def figure(self, series: str, years: tuple[int, int], unit: str, scale: str) -> Figure | None:
        """The trade series, or each side's share of the other's trade (None: no such years)."""
        log = scale == "log"
        if unit == "share":
            table = self._shares.loc[years[0] : years[1]]
            if table.empty:
                return None
            ax = plot_asymmetry(table)
            if log:
                log_shares(ax)
            return ax.figure
        return plot_trade_series(
            self._trade,
            self._targets,
            series=SERIES_CHOICES[series],
            start=years[0],
            end=years[1],
            log=log,
        ).figure


class TargetExplorer(Explorer):
    """Base year, target and target year: the growth needed, drawn against what happened."""

    css_class = "btp-target-explorer"
    rows = (("base_year", "target"), ("target_year",))

    def __init__(self, *, starting_chart: str | None = None) -> None:
        self._actual = trade_series("china_customs")  # loaded once
        base_years = [int(y) for y in self._actual.index if 2000 <= y <= 2024]
        controls = {
            "base_year": widgets.Dropdown(options=base_years, value=2021, description="Base year"),
            "target": widgets.BoundedFloatText(
                value=250, min=0, max=2000, step=10, description="Target, $ bn"
            ),
            "target_year": widgets.IntSlider(
                value=2024, min=2001, max=2035, description="Target year", continuous_update=False
            ),
        }
        super().__init__(controls, starting_chart=starting_chart)

    def describe(self, base_year: int, target: float, target_year: int) -> str:
        """:func:`target_summary` of the settings."""
        return _as_html(target_summary(base_year, target, target_year, actual=self._actual))

    def figure(self, base_year: int, target: float, target_year: int) -> Figure | None:
        """The actual path against the steady path to the target (None when there is none)."""
        if target_year <= base_year or not target > 0:
            return None
        return plot_target_path(self._actual, *self._path(base_year, target, target_year)).figure

    def update_figure(self, fig: Figure, base_year: int, target: float, target_year: int) -> bool:
        """Redraw the kept chart for these settings (False when there is no chart)."""
        if target_year <= base_year or not target > 0:
            return False
        path = self._path(base_year, target, target_year)
        return update_target_path(fig.axes[0], self._actual, *path)

    def _path(self, base_year: int, target: float, target_year: int) -> tuple[dict, float]:
        base = float(self._actual[base_year])
        rate = econ.required_growth(base, target, base_year, target_year)
        return econ.projected_path(base, rate, base_year, target_year), target


def trade_explorer(starting_chart: str | None = None) -> TradeExplorer:
    """Explore China–Russia trade: choose series, years, US$ or shares, linear or log scale.

    It starts with both series over every year, in US$ on a linear scale: the view of
    :func:`helpers.trade.charts.plot_trade_series` with its defaults.

    Parameters
    ----------
    starting_chart : str, optional
        The figure above that already draws the starting view (e.g. ``"Figure 3.1"``): the
        explorer then says so instead of drawing it again, and draws on the first change.

    Returns
    -------
    TradeExplorer
        An :class:`helpers.core.widget.Explorer`: ``controls`` are ``series``, ``years``,
        ``unit`` and ``scale``; ``summary`` is :func:`explorer_summary`; ``chart`` the chart.

    Examples
    --------
    >>> box = trade_explorer()
    >>> box.controls["series"].value = "China's customs"
    >>> "Russia" in box.summary.value, bytes(box.chart.value)[:4]
    (False, b'\x89PNG')
    """
    return TradeExplorer(starting_chart=starting_chart)


def target_explorer(starting_chart: str | None = None) -> TargetExplorer:
    """Work out the yearly growth a trade target needs, and draw it against what happened.

    It starts from US$250 bn by 2024 on a 2021 base.

    Parameters
    ----------
    starting_chart : str, optional
        The figure above that already draws the starting settings (e.g. ``"Figure 3.2"``):
        the explorer then says so instead of drawing it again, and draws on the first change.

    Returns
    -------
    TargetExplorer
        An :class:`helpers.core.widget.Explorer`: ``controls`` are ``base_year``, ``target``
        and ``target_year``; ``summary`` is :func:`target_summary`; ``chart`` the chart.

    Examples
    --------
    >>> box = target_explorer()
    >>> box.controls["target_year"].value = 2026
    >>> "+11.2% a year" in box.summary.value
    True
    """
    return TargetExplorer(starting_chart=starting_chart)
