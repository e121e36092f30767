"""Chart style, palette and shared chart parts, plus the lesson-00 timeline.

Nothing happens on import: call :func:`use_style` once, in a lesson's second cell. Every plot
function takes ``ax=None``, draws on it (creating a figure only when it is None) and returns the
Axes; none calls ``plt.show()``.
"""

from __future__ import annotations

from collections.abc import Iterable

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

__all__ = [
    "HATCHES",
    "LINESTYLES",
    "MARKERS",
    "PALETTE",
    "PHASE_STYLE",
    "add_source_line",
    "new_axes",
    "plot_relations_timeline",
    "use_style",
]

#: Okabe & Ito's colour-blind-safe palette (Okabe and Ito 2008), by name.
PALETTE: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
#: The palette in the order charts use it.
CYCLE: list[str] = [
    PALETTE[k]
    for k in ("blue", "orange", "green", "vermillion", "purple", "sky_blue", "yellow", "black")
]
#: Second channels, so that no chart tells series apart by colour alone.
MARKERS: list[str] = ["o", "s", "^", "D", "v", "P", "X", "*"]
LINESTYLES: list[str] = ["-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1)), "-", "--"]
HATCHES: list[str] = ["", "//", "..", "xx", "\\\\", "++"]

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


def use_style() -> None:
    """Set the collection's chart style (call once, in a lesson's second cell).

    Sets a readable font size, the colour-blind-safe colour cycle with markers, light grids and
    a figure size that fits a laptop screen. Only matplotlib's ``rcParams`` change.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with mpl.rc_context():  # only inside this block, to leave other examples alone
    ...     use_style()
    ...     mpl.rcParams["axes.prop_cycle"].by_key()["color"][0]
    '#0072B2'
    """
    from cycler import cycler

    mpl.rcParams.update(
        {
            "figure.figsize": (9.0, 4.8),
            "figure.dpi": 90,
            "savefig.dpi": 90,
            "font.size": 11,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.prop_cycle": cycler(color=CYCLE) + cycler(marker=MARKERS),
            "lines.linewidth": 2.0,
            "lines.markersize": 5,
            "legend.frameon": False,
            "figure.constrained_layout.use": True,
        }
    )
    _inline_without_tight_bbox()


def _inline_without_tight_bbox() -> None:
    """In a notebook, show charts as drawn (constrained layout), without a second tight-bbox pass.

    The inline backend's default ``bbox_inches="tight"`` draws every figure twice; constrained
    layout already keeps titles, legends and source lines inside the figure. Outside IPython
    this does nothing.
    """
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover - both come with ipykernel
        return
    if get_ipython() is not None and hasattr(get_ipython(), "kernel"):
        set_matplotlib_formats("png", bbox_inches=None)


def new_axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    """Return ``ax``, or the Axes of a new figure when ``ax`` is None."""
    if ax is not None:
        return ax
    _, created = plt.subplots(figsize=figsize)
    return created


def add_source_line(ax: Axes, text: str) -> None:
    """Write a source line under a chart, e.g. ``Source: TASS 2022 (data/events.csv)``.

    Parameters
    ----------
    ax : Axes
        The chart.
    text : str
        What follows ``Source:``.

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> add_source_line(ax, "TASS 2022")
    >>> ax.texts[-1].get_text()
    'Source: TASS 2022'
    >>> plt.close(fig)
    """
    ax.annotate(
        f"Source: {text}",
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -32),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color="#444444",
        wrap=True,
    )


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
        From :func:`helpers.data.load_phases`.
    events : DataFrame
        From :func:`helpers.data.load_events`.
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
    >>> from helpers.data import load_events, load_phases
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
