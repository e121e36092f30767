"""Lesson 03's widget charts redrawn in place: new settings, the same figure, the same image.

The explorers of :mod:`helpers.trade.widgets` draw a chart once with :mod:`helpers.trade.charts`
and then bring it to new settings with these functions (``set_data``, ``set_visible``,
``set_text``) instead of building a new figure on every change. Each ends in the image the
chart function draws for the same settings (tests compare the pixels), and returns False when
the figure lacks a part the settings need (the widget then draws a new one).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from helpers.core.layout import LEGEND_UNDER_NOTES, y_tick_labels
from helpers.trade.charts import _BN, ANNOTATED_YEARS

__all__ = [
    "log_shares",
    "trade_target_lines",
    "update_asymmetry",
    "update_target_path",
    "update_trade_series",
]

_HINDSIGHT = 2022.1  # where shade_hindsight starts its band (its default)
#: What each redrawn chart's legend shows (its lines, labels and styles), by Axes.
_LEGENDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def trade_target_lines(targets: pd.DataFrame, start: int) -> list[tuple[float, str, str]]:
    """The target lines :func:`helpers.trade.charts.plot_trade_series` draws from ``start``:
    (value, label, line style), in its order.

    Examples
    --------
    >>> from helpers.trade.data import load_trade_targets
    >>> [label for _, label, _ in trade_target_lines(load_trade_targets(), 2021)]
    ['target $200 bn by 2024', 'target $250 bn (no year)']
    """
    big = targets[targets["value_usd_bn"] >= 200].sort_values("value_usd_bn")
    big = big[big["target_year"].isna() | big["target_year"].ge(start)]
    big = big.drop_duplicates("value_usd_bn", keep="last")
    lines = []
    for ls, (_, t) in zip(("--", ":"), big.iterrows(), strict=False):
        when = "(no year)" if pd.isna(t["target_year"]) else f"by {int(t['target_year'])}"
        lines.append((float(t["value_usd_bn"]), f"target ${t['value_usd_bn']:.0f} bn {when}", ls))
    return lines


def _hindsight(ax: Axes, right: float, *, labelled: bool) -> bool:
    """Fit the hindsight band (and its label) to ``right``, as shade_hindsight draws it."""
    band = [p for p in ax.patches if p.get_x() == _HINDSIGHT]
    label = [t for t in ax.texts if t.get_text() == "hindsight →"]
    if len(band) != 1 or len(label) != int(labelled):
        return False
    band[0].set_width(right - _HINDSIGHT)
    for part in [*band, *label]:
        part.set_visible(right > _HINDSIGHT)
    return True


def update_trade_series(
    ax: Axes,
    data: dict[str, tuple[np.ndarray, np.ndarray]],
    lines: list[tuple[float, str, str]],
    *,
    series: Sequence[str],
    start: int,
    end: int,
    log: bool,
) -> bool:
    """Redraw a chart of :func:`helpers.trade.charts.plot_trade_series` (drawn with both series,
    targets and annotations) for other settings.

    Parameters
    ----------
    ax : Axes
    data : dict
        Series name -> (years, US$ bn) of the preferred rows, in the order the chart draws.
    lines : list
        The target lines for ``start`` (:func:`trade_target_lines`).
    series, start, end, log
        As for :func:`helpers.trade.charts.plot_trade_series`.

    Returns
    -------
    bool
        False when ``ax`` lacks a part these settings need.
    """
    n = len(data)
    notes = [t for t in ax.texts if t.get_text() in ANNOTATED_YEARS.values()]
    if len(ax.lines) != n + 2 + len(ANNOTATED_YEARS) or len(notes) != len(ANNOTATED_YEARS):
        return False
    shown = []
    for line, (name, (years, values)) in zip(ax.lines[:n], data.items(), strict=True):
        keep = (years >= start) & (years <= end)
        line.set_data(years[keep], values[keep])
        line.set_visible(name in series)
        shown += [line] if name in series else []
    if ax.get_yscale() != "linear":  # the targets are fitted on a linear scale, as drawn new
        ax.set_yscale("linear")
    ax.set_autoscaley_on(True)
    _y_limits_with_targets(ax, ax.lines[n : n + 2], lines)
    shown += [line for line in ax.lines[n : n + 2] if line.get_visible()]
    for vline, note, year in zip(ax.lines[n + 2 :], notes, ANNOTATED_YEARS, strict=True):
        vline.set_visible(start <= year <= end)
        note.set_visible(start <= year <= end)
    ax.set_xlim(start - 0.5, end + 0.5)
    ax.relim(visible_only=True)  # every part drawn counts, as in a new chart
    if log:
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    if not _hindsight(ax, end + 0.5, labelled=False):
        return False
    y_tick_labels(ax, StrMethodFormatter(_BN), log=log)  # as plot_trade_series labels it
    ax.set_ylabel("Goods trade, US$ bn (nominal)" + (", log scale" if log else ""))
    ax.set_title(f"China–Russia goods trade, {start}–{end}")
    legend = tuple((id(line), line.get_label(), str(line.get_linestyle())) for line in shown)
    if _LEGENDS.get(ax) != legend:  # a new legend only when what it shows changes
        ax.legend(handles=shown, **LEGEND_UNDER_NOTES)
        _LEGENDS[ax] = legend
    return True


def _y_limits_with_targets(ax: Axes, pool: list, lines: list[tuple[float, str, str]]) -> None:
    """Show the target lines and fit the y limits as ``axhline`` does in a new chart: they
    are scaled to the series, and rescaled only if a target falls outside them."""
    for line in pool:
        line.set_visible(False)
    ax.relim(visible_only=True)
    ax.autoscale_view(scalex=False)
    for line, (value, label, style) in zip(pool, lines, strict=False):
        low, high = ax.get_ybound()
        line.set_ydata([value, value])
        line.set_label(label)
        line.set_linestyle(style)
        line.set_visible(True)
        if value < low or value > high:
            ax.relim(visible_only=True)
            ax.autoscale_view(scalex=False)


def update_asymmetry(ax: Axes, table: pd.DataFrame, *, log: bool) -> bool:
    """Redraw a chart of :func:`helpers.trade.charts.plot_asymmetry` for another ``table``
    (fewer years), on a log scale (0.01 to 1) if ``log``, as the trade explorer draws it."""
    parts = [table[col].dropna() for col in ("china_share_of_russia", "russia_share_of_china")]
    labels = [t for t in ax.texts if type(t).__name__ == "Annotation" and t.get_text()[-1] == "%"]
    if any(part.empty for part in parts) or len(ax.lines) != 2 or len(labels) != 2:
        return False
    ax.set_yscale("linear")
    for line, label, part in zip(ax.lines, labels, parts, strict=True):
        line.set_data(part.index, part.to_numpy())
        last = part.index.max()
        label.xy = (last, part[last])
        label.set_text(f"{part[last]:.1%}")
    ax.set_ylim(0, max(0.4, float(table["china_share_of_russia"].max()) * 1.15))
    ax.set_xlim(table.index.min() - 1, table.index.max() + 1.5)
    if not _hindsight(ax, table.index.max() + 1.5, labelled=True):
        return False
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    if log:
        log_shares(ax)
    return True


def log_shares(ax: Axes) -> None:
    """The trade explorer's shares on a log scale: 1 % to 100 %, labelled as percentages."""
    ax.set_yscale("log")
    ax.set_ylim(0.01, 1)
    y_tick_labels(ax, PercentFormatter(1.0, decimals=0), log=True)


def update_target_path(ax: Axes, actual: pd.Series, path: dict[int, float], target: float) -> bool:
    """Redraw a chart of :func:`helpers.trade.charts.plot_target_path` for another path."""
    if len(ax.lines) != 3:
        return False
    years = list(path)
    first, last = years[0], years[-1]
    rate = (path[last] / path[first]) ** (1 / (last - first)) - 1 if path[first] else 0.0
    shown = actual[actual.index.to_series().between(first - 6, max(last, actual.index.max()))]
    done, steady, star = ax.lines
    done.set_data(shown.index, shown.to_numpy())
    steady.set_data(years, list(path.values()))
    steady.set_label(f"required path: {rate:+.1%} a year")
    star.set_data([last], [target])
    star.set_label(f"target: ${target:,.0f} bn in {last}")
    ax.set_ylim(0, max(target, float(shown.max())) * 1.15)
    right = max(last, shown.index.max()) + 0.5
    ax.set_xlim(shown.index.min() - 0.5, right)
    if not _hindsight(ax, right, labelled=True):
        return False
    ax.set_title(f"From \\${path[first]:,.0f} bn in {first} to \\${target:,.0f} bn by {last}?")
    ax.legend(loc="upper left", fontsize=9)
    return True
