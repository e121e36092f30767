"""Lesson 00's chart: the timeline of Sino-Soviet/Russian relations, 1949 to today."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes

from helpers.core.layout import add_source_line, new_axes
from helpers.core.style import PALETTE

__all__ = ["PHASE_STYLE", "plot_relations_timeline"]

#: How each phase of Sino-Soviet/Russian relations is drawn: colour, hatch, label.
PHASE_STYLE: dict[str, dict[str, str]] = {
    "alliance": {"color": PALETTE["blue"], "hatch": "//", "label": "Alliance"},
    "split": {"color": PALETTE["vermillion"], "hatch": "xx", "label": "Split and confrontation"},
    "normalization": {"color": PALETTE["yellow"], "hatch": "..", "label": "Normalization"},
    "partnership": {"color": PALETTE["green"], "hatch": "", "label": "Strategic partnership"},
}

_CATEGORY_MARKERS = {
    "treaty": "s",
    "summit": "o",
    "conflict": "X",
    "diplomacy": "D",
    "economy": "^",
    "energy": "v",
    "politics": "P",
}


def plot_relations_timeline(
    phases: pd.DataFrame,
    events: pd.DataFrame,
    *,
    ax: Axes | None = None,
    start: int = 1949,
    end: int = 2022,
    event_ids: Iterable[str] | None = None,
) -> Axes:
    """Draw Sino-Soviet/Russian relations 1949–2022: shaded phases and numbered key events.

    Each phase is a shaded band with its own colour *and* hatch and a text label; each event is
    a numbered marker (shape by category) with its short title listed beside the chart, so
    nothing depends on colour alone.

    Parameters
    ----------
    phases : DataFrame
        From :func:`helpers.relations.data.load_phases`.
    events : DataFrame
        From :func:`helpers.relations.data.load_events`.
    ax : Axes, optional
        Where to draw; a new figure when None.
    start, end : int
        The years shown.
    event_ids : iterable of str, optional
        Which events to mark (default: every event between ``start`` and ``end`` that involves
        both China and Russia/USSR, or the US with one of them).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.relations.data import load_events, load_phases
    >>> ax = plot_relations_timeline(load_phases(), load_events())
    >>> ax.get_xlabel()
    'Year'
    >>> plt.close(ax.figure)
    """
    ax = new_axes(ax, figsize=(10.5, 5.6))
    lo, hi = pd.Timestamp(start, 1, 1), pd.Timestamp(end, 12, 31)
    for _, ph in phases.iterrows():
        style = PHASE_STYLE[ph["phase"]]
        ax.axvspan(
            max(ph["start"], lo),
            min(ph["end"], hi),
            facecolor=style["color"],
            alpha=0.28,
            hatch=style["hatch"],
            edgecolor="#555555",
            linewidth=0.0,
            label=style["label"],
        )
        middle = ph["start"] + (ph["end"] - ph["start"]) / 2
        ax.text(
            middle,
            0.97,
            style["label"].replace(" and ", "\nand "),
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="top",
            fontsize=9,
            fontweight="bold",
        )
    if event_ids is None:
        in_range = events[(events["date"] >= lo) & (events["date"] <= hi)]
        chosen = in_range[in_range["actors"].map(_is_key_event)]
    else:
        wanted = list(event_ids)
        chosen = events.set_index("event_id").loc[wanted].reset_index()
    levels = [0.18, 0.38, 0.58, 0.78]
    for n, (_, ev) in enumerate(chosen.iterrows(), start=1):
        y = levels[(n - 1) % len(levels)]
        ax.vlines(ev["date"], 0, y, colors="#333333", linewidth=0.8)
        ax.plot(
            ev["date"],
            y,
            marker=_CATEGORY_MARKERS[ev["category"]],
            color="black",
            markersize=8,
            linestyle="none",
        )
        ax.annotate(
            str(n),
            (ev["date"], y),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=9,
            fontweight="bold",
        )
    key = "\n".join(
        f"{n}. {ev['date']:%Y} {_short(ev['title'])}"
        for n, (_, ev) in enumerate(chosen.iterrows(), start=1)
    )
    ax.text(1.01, 1.0, key, transform=ax.transAxes, va="top", ha="left", fontsize=8)
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel("Year")
    ax.set_title(f"China and the USSR/Russia, {start}–{end}: from alliance to partnership")
    from matplotlib.lines import Line2D

    shown = sorted(set(chosen["category"]))
    handles = [
        Line2D([], [], marker=_CATEGORY_MARKERS[c], color="black", linestyle="none", label=c)
        for c in shown
    ]
    ax.legend(
        handles=handles,
        title="Event type",
        loc="lower left",
        bbox_to_anchor=(1.01, 0.0),
        fontsize=8,
        title_fontsize=8,
    )
    add_source_line(
        ax,
        "phases and events compiled from the sources in data/sources.csv "
        "(data/relations_phases.csv, data/events.csv)",
    )
    return ax


def _is_key_event(actors: list[str]) -> bool:
    """Events between China and Russia, or between the US and one of them."""
    players = set(actors)
    return {"CHN", "RUS"} <= players or ("USA" in players and bool(players & {"CHN", "RUS"}))


def _short(title: str, limit: int = 44) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
