"""Chart style, palette and shared chart parts, plus the lesson-00 timeline.

Nothing happens on import: call :func:`use_style` once, in a lesson's second cell. Every plot
function takes ``ax=None``, draws on it (creating a figure only when it is None) and returns the
Axes; none calls ``plt.show()``.
"""

from __future__ import annotations

import html
import itertools
import textwrap
from collections.abc import Iterable, Iterator

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

__all__ = [
    "HATCHES",
    "FitFigure",
    "LINESTYLES",
    "MARKERS",
    "PALETTE",
    "PHASE_STYLE",
    "add_source_line",
    "new_axes",
    "plot_relations_timeline",
    "starting_chart_note",
    "starting_chart_notes",
    "use_style",
    "wrap_to_width",
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
#: How charts are saved as PNG: zlib level 3 writes the same size as the default (6) in
#: about two-thirds of the time, on these flat-coloured charts (see `make bench`).
PNG_OPTIONS: dict[str, int] = {"compress_level": 3}
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
            # unhinted glyphs look the same at this size and draw about a fifth faster
            "text.hinting": "no_hinting",
        }
    )
    _inline_without_tight_bbox()


def _inline_without_tight_bbox() -> None:
    """In a notebook, show charts as drawn, without a second tight-bbox pass.

    The inline backend's default ``bbox_inches="tight"`` draws every figure twice; our charts
    lay themselves out (:class:`FitFigure`), and other figures use constrained layout, which
    keeps titles, legends and source lines inside the figure. PNGs are written with
    :data:`PNG_OPTIONS`. Outside IPython this does nothing.
    """
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # pragma: no cover - both come with ipykernel
        return
    if get_ipython() is not None and hasattr(get_ipython(), "kernel"):
        set_matplotlib_formats("png", bbox_inches=None, pil_kwargs=PNG_OPTIONS)


class FitFigure(Figure):
    """A figure that fits its one Axes, and what sticks out of it, each time it is drawn.

    Constrained layout measures every artist of a chart, twice, and makes matplotlib draw the
    whole figure once more before saving it; on these charts that costs about as much as the
    drawing. This figure measures only what can stick out of the Axes (tick labels, axis
    labels, the title, the legend and the texts, such as the source line) and sets the
    margins in the same pass as the drawing, so that all of it stays inside the figure.
    A figure with more than one Axes, or with a layout engine, is drawn as usual.

    Examples
    --------
    >>> fig, ax = plt.subplots(figsize=(6, 3), FigureClass=FitFigure, layout="none")
    >>> _ = ax.set_yticks([0, 1], ["a very long tick label", "b"])
    >>> fig.canvas.draw()
    >>> bool(ax.get_position().x0 > 0.25)  # the left margin makes room for the long label
    True
    >>> plt.close(fig)
    """

    #: Inches between the outermost part of the chart and the figure's edge.
    pad = 0.1

    def set_layout_engine(self, layout=None, **kwargs) -> None:
        # None would mean "as rcParams say" (constrained layout, after use_style); matplotlib
        # passes None when it restores the engine after saving a figure. Keep fitting instead.
        super().set_layout_engine("none" if layout is None else layout, **kwargs)

    def draw(self, renderer) -> None:
        if len(self.axes) == 1 and self.get_layout_engine() is None:
            self._fit(self.axes[0], renderer)
        super().draw(renderer)

    def _fit(self, ax: Axes, renderer) -> None:
        box = ax.get_window_extent(renderer)
        parts = [box]
        if ax.axison:
            parts += _axis_parts(ax, box, renderer)
        if ax.xaxis.get_ticks_position() in ("top", "unknown"):
            ax._update_title_position(renderer)  # above the tick labels on top, as drawn
        texts = [ax.title, ax._left_title, ax._right_title]
        texts += ax.texts
        for text in texts:
            if not (text.get_visible() and text.get_text()):
                continue
            extent = text.get_window_extent(renderer)
            if _x_on_figure(text):  # e.g. the source line: moving the Axes sideways cannot help
                extent = Bbox([[box.x0, extent.y0], [box.x1, extent.y1]])
            parts.append(extent)
        if ax.get_legend() is not None:
            parts.append(ax.get_legend().get_window_extent(renderer))
        outer = Bbox.union(parts)
        pad = self.pad * self.dpi
        width, height = self.bbox.width, self.bbox.height
        left = (box.x0 - outer.x0 + pad) / width
        right = 1 - (outer.x1 - box.x1 + pad) / width
        bottom = (box.y0 - outer.y0 + pad) / height
        top = 1 - (outer.y1 - box.y1 + pad) / height
        if right - left > 0.2 and top - bottom > 0.2:  # never squash the chart itself away
            self.subplots_adjust(left=left, right=right, bottom=bottom, top=top)


def _axis_parts(ax: Axes, box: Bbox, renderer) -> list[Bbox]:
    """Boxes of the tick labels and axis labels around ``box``, the Axes (measured once each)."""
    parts = []
    for axis, is_x in ((ax.xaxis, True), (ax.yaxis, False)):
        if not axis.get_visible():
            continue
        ticks = [t.get_window_extent(renderer) for t in _drawn_tick_labels(axis)]
        parts += ticks
        label = axis.label
        if not (label.get_visible() and label.get_text()):
            continue
        size = label.get_window_extent(renderer)
        gap = axis.labelpad * ax.figure.dpi / 72
        if is_x:  # under the tick labels, as matplotlib places it
            y1 = min([box.y0, *(t.y0 for t in ticks)]) - gap
            parts.append(Bbox.from_bounds(box.x0, y1 - size.height, box.width, size.height))
        else:  # left of the tick labels
            x1 = min([box.x0, *(t.x0 for t in ticks)]) - gap
            parts.append(Bbox.from_bounds(x1 - size.width, box.y0, size.width, box.height))
    return parts


def _x_on_figure(text) -> bool:
    """Whether a text's x position is given in figure coordinates (it stays put sideways)."""
    coords = getattr(text, "xycoords", None)
    return isinstance(coords, tuple) and str(coords[0]).startswith("figure")


def _drawn_tick_labels(axis) -> list:
    """The tick labels matplotlib will draw: those inside the view limits, switched on."""
    labels = []
    for tick in axis._update_ticks():
        labels += [t for t in (tick.label1, tick.label2) if t.get_visible() and t.get_text()]
    return labels


def new_axes(ax: Axes | None, figsize: tuple[float, float] | None = None) -> Axes:
    """Return ``ax``, or the Axes of a new :class:`FitFigure` when ``ax`` is None."""
    if ax is not None:
        return ax
    _, created = plt.subplots(figsize=figsize, FigureClass=FitFigure, layout="none")
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
    fig = ax.figure
    own_layout = isinstance(fig, FitFigure) and len(fig.axes) == 1
    if own_layout:  # under the whole chart, from the figure's left edge
        left = 0.1 / fig.get_figwidth()
        where, width = (left, 0), fig.get_figwidth() - 0.25
        coords = ("figure fraction", "axes fraction")
    else:  # under this Axes (one of several in a figure)
        where, width = (0, 0), ax.get_position().width * fig.get_figwidth()
        coords = "axes fraction"
    ax.annotate(
        wrap_to_width(f"Source: {text}", width, fontsize=8),
        xy=where,
        xycoords=coords,
        xytext=(0, -32),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color="#444444",
    )


def starting_chart_note(figure: str) -> str:
    """What a widget shows instead of its first chart when ``figure`` above already draws it.

    Drawing the same chart twice, once as a figure and again in the widget right below it,
    costs time and adds nothing; the widget draws as soon as a setting changes.

    Examples
    --------
    >>> starting_chart_note("Figure 3.2")
    '<i>These settings are drawn in Figure 3.2 above. Change a setting to draw your own chart.</i>'
    """
    return (
        f"<i>These settings are drawn in {html.escape(figure)} above. "
        "Change a setting to draw your own chart.</i>"
    )


def starting_chart_notes(figure: str | None) -> Iterator[str | None]:
    """For a widget's drawings: the note naming ``figure`` the first time, then None (draw).

    With ``figure`` None, every drawing is a chart.

    Examples
    --------
    >>> notes = starting_chart_notes("Figure 3.2")
    >>> "Figure 3.2" in next(notes), next(notes), next(notes)
    (True, None, None)
    >>> next(starting_chart_notes(None)) is None
    True
    """
    first = [] if figure is None else [starting_chart_note(figure)]
    return itertools.chain(first, itertools.repeat(None))


def wrap_to_width(text: str, inches: float, *, fontsize: float) -> str:
    """Break ``text`` into lines no wider than ``inches`` in the chart font at ``fontsize``.

    Measures the text once (matplotlib's own ``wrap=True`` measures it word by word at every
    draw, which is slow).

    Examples
    --------
    >>> wrap_to_width("short", 3, fontsize=8)
    'short'
    >>> lines = wrap_to_width("word " * 40, 3, fontsize=8).splitlines()
    >>> len(lines) > 1 and all(len(line) < 80 for line in lines)
    True
    """
    from matplotlib.font_manager import FontProperties, findfont, get_font

    font = get_font(findfont(FontProperties()))
    font.set_size(fontsize, 72)
    font.set_text(text)
    width = font.get_width_height()[0] / 64 / 72
    if width <= inches:
        return text
    per_line = max(20, int(len(text) * inches / width))
    return "\n".join(textwrap.wrap(text, per_line))


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
