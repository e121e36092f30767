"""Shared chart parts: the self-fitting figure, new Axes, the source line under every chart,
wrapping, and the note a widget shows instead of a chart drawn just above it.

Every plot function takes ``ax=None``, draws on it (creating a figure only when it is None) and
returns the Axes; none calls ``plt.show()``.
"""

from __future__ import annotations

import functools
import html
import itertools
import textwrap
from collections.abc import Iterator

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, LogFormatter
from matplotlib.transforms import Bbox

__all__ = [
    "LEGEND_UNDER_NOTES",
    "FitFigure",
    "add_source_line",
    "new_axes",
    "starting_chart_note",
    "starting_chart_notes",
    "wrap_to_width",
    "y_tick_labels",
]

#: A legend at the top left but below a chart's event notes (texts along its top edge), on a
#: white box so that reference lines behind it do not cross its labels: ``ax.legend(**...)``.
LEGEND_UNDER_NOTES = {
    "loc": "upper left",
    "bbox_to_anchor": (0, 0.88),
    "fontsize": 9,
    "frameon": True,
    "facecolor": "white",
    "edgecolor": "none",
    "framealpha": 0.9,
}


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
    from matplotlib.font_manager import FontProperties, findfont

    return _wrapped(text, inches, fontsize, findfont(FontProperties()))


@functools.lru_cache(maxsize=256)
def _wrapped(text: str, inches: float, fontsize: float, font_file: str) -> str:
    """:func:`wrap_to_width` in the font ``font_file`` (kept: source lines repeat)."""
    from matplotlib.font_manager import get_font

    font = get_font(font_file)
    font.set_size(fontsize, 72)
    font.set_text(text)
    width = font.get_width_height()[0] / 64 / 72
    if width <= inches:
        return text
    per_line = max(20, int(len(text) * inches / width))
    return "\n".join(textwrap.wrap(text, per_line))


class _LogLabels(LogFormatter):
    """Label the ticks of a log axis that matplotlib would label, but with ``fmt``."""

    def __init__(self, fmt: Formatter) -> None:
        super().__init__(labelOnlyBase=False)
        self._fmt = fmt

    def __call__(self, x, pos=None):
        return self._fmt(x, pos) if super().__call__(x, pos) else ""


def y_tick_labels(ax: Axes, fmt: Formatter, *, log: bool = False) -> None:
    """Write the y axis's tick labels with ``fmt`` ("$60 bn", "10%"). On a log axis (``log``)
    the minor ticks that matplotlib labels get ``fmt`` too, instead of its powers of ten
    (6×10¹), which beginners misread: call it after ``ax.set_yscale("log")``, which resets the
    formatters.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from matplotlib.ticker import FuncFormatter
    >>> ax = Figure().subplots()
    >>> _ = ax.plot([2010, 2025], [55, 245])
    >>> ax.set_yscale("log")
    >>> y_tick_labels(ax, FuncFormatter(lambda v, _: f"${v:,.0f} bn"), log=True)
    >>> ax.figure.canvas.draw()
    >>> labels = [t.get_text() for t in ax.yaxis.get_ticklabels(which="both") if t.get_text()]
    >>> "$100 bn" in labels and "$200 bn" in labels and not any("times" in t for t in labels)
    True
    """
    ax.yaxis.set_major_formatter(fmt)
    if log:
        ax.yaxis.set_minor_formatter(_LogLabels(fmt))
