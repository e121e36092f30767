"""The one widget contract: :class:`Explorer`, a box that declares its parts.

Modelled on ipywidgets' ``interactive`` (a box with ``.kwargs`` and ``.result``), every lesson
widget is an :class:`Explorer`:

- ``.controls``: a dict, name -> control widget (a Dropdown, a slider, a Checkbox, ...);
- ``.summary``: an HTML widget, what the explorer says about the current settings;
- ``.chart``: a ``widgets.Image`` of PNG bytes (None for an explorer without a chart), with
  ``.note`` (an HTML widget) beside it for the line shown instead of a chart;
- ``.state()``: the current control values, as a dict;
- ``redraw()``: recompute the summary and the chart from *all* the current values, so that any
  order of changes ends in the same state. Every control calls it when it changes.

A subclass writes two plain methods, which tests call without a browser: ``describe(**state)``
returns the summary's HTML and ``figure(**state)`` returns a matplotlib figure (or None for no
chart). The base class renders that figure to PNG and keeps the last few images (under
:meth:`Explorer.chart_key`), so that going back to earlier settings costs nothing.

Speed (issue 22: p95 <= 100 ms per change): a subclass may also write
``update_figure(fig, **state)``, which brings a figure that ``figure`` made to new settings in
place (``set_data``, ``set_text``, ``set_visible``) instead of building a new one; the figure
is kept (one per :meth:`Explorer.chart_kind`), its layout is started from the same margins as
a new figure's, and tests check that the in-place drawing is the same image as a new one. Kept
figures are drawn on a :class:`WidgetCanvas`, which remembers text layouts and glyph bitmaps
between drawings (:mod:`helpers.core.widget_canvas`): the same pixels as matplotlib's Agg
canvas, in about half the time.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from typing import Any, ClassVar

import ipywidgets as widgets
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from helpers.core.layout import starting_chart_notes
from helpers.core.style import PNG_OPTIONS
from helpers.core.widget_canvas import WidgetCanvas

__all__ = ["Explorer", "WidgetCanvas", "clear_marks", "render_png"]


def render_png(fig: Figure, *, close: bool = True) -> bytes:
    """Draw ``fig`` once as PNG bytes (with :data:`helpers.core.style.PNG_OPTIONS`), then close it
    (``close=False``: keep it open in pyplot, e.g. to draw it again).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> _ = fig.subplots().plot([0, 1], [1, 0])
    >>> render_png(fig)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", pil_kwargs=PNG_OPTIONS)
    finally:
        if close:
            plt.close(fig)
    return buffer.getvalue()


def clear_marks(ax) -> None:
    """Remove what a chart function drew on ``ax`` (lines, texts, patches, collections, the
    legend), keeping the axes themselves, to draw it again for new settings.

    Much cheaper than ``ax.cla()``, which builds the axes' ticks and spines anew; the chart
    function must set every axis property it relies on (limits, ticks, labels, title).

    Examples
    --------
    >>> fig = Figure()
    >>> ax = fig.subplots()
    >>> _ = ax.plot([0, 1]), ax.text(0, 0, "a"), ax.legend(["line"])
    >>> clear_marks(ax)
    >>> ax.lines, ax.texts, ax.get_legend()
    (<Axes.ArtistList of 0 lines>, <Axes.ArtistList of 0 texts>, None)
    """
    for mark in [*ax.lines, *ax.texts, *ax.patches, *ax.collections, *ax.images]:
        mark.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()


class Explorer(widgets.VBox):
    """A lesson widget: controls, a summary, and (optionally) a chart, redrawn on every change.

    Parameters
    ----------
    controls : mapping of str to widget
        The controls, by name; each has a ``value``. Their values are passed to
        :meth:`describe` and :meth:`figure` as keyword arguments of those names.
    starting_chart : str, optional
        The figure above the widget that already draws its starting settings (e.g.
        ``"Figure 3.2"``): the first drawing shows a note naming it instead of the same chart,
        and the chart is drawn on the first change (see
        :func:`helpers.core.layout.starting_chart_notes`).
    **box
        Passed to :class:`ipywidgets.VBox` (e.g. ``layout={"border": "1px solid #ccc"}``).

    Attributes
    ----------
    controls : dict of str to widget
    summary : ipywidgets.HTML
    chart : ipywidgets.Image or None
        The chart as PNG (``bytes(chart.value)``: ipywidgets keeps a memoryview); hidden while
        there is none to show. None when the subclass does not define :meth:`figure`.
    note : ipywidgets.HTML or None
        The note shown instead of the first chart (empty and hidden otherwise).
    last_figure : matplotlib.figure.Figure or None
        The figure the last redraw rendered (None when it rendered none: a kept image, the
        note, or no chart), e.g. for ``make bench`` to time a bare ``savefig`` of it.

    Notes
    -----
    Subclasses set ``css_class`` (the box's class, for browser tests and styling), and ``rows``
    (the names of the controls on each row) or override :meth:`arrange` for other
    arrangements. The hook is not called ``layout``: that name is ipywidgets' own (the box's
    CSS layout). A subclass that needs attributes in :meth:`arrange` sets them before calling
    ``super().__init__``.

    Examples
    --------
    A widget without a chart: the summary follows the slider.

    >>> class Doubler(Explorer):
    ...     def describe(self, n: int) -> str:
    ...         return f"<b>{n} × 2 = {2 * n}</b>"
    >>> box = Doubler({"n": widgets.IntSlider(value=2, description="n")})
    >>> box.summary.value, box.chart is None
    ('<b>2 × 2 = 4</b>', True)
    >>> box.controls["n"].value = 5
    >>> box.summary.value, box.state()
    ('<b>5 × 2 = 10</b>', {'n': 5})

    With a chart: the first drawing names the figure above; the first change draws.

    >>> class Line(Explorer):
    ...     def describe(self, slope: float) -> str:
    ...         return f"slope {slope}"
    ...     def figure(self, slope: float) -> Figure:
    ...         fig = Figure(figsize=(2, 2))
    ...         _ = fig.subplots().plot([0, 1], [0, slope])
    ...         return fig
    >>> box = Line({"slope": widgets.FloatSlider(value=1.0, description="slope")},
    ...            starting_chart="Figure 9.1")
    >>> "Figure 9.1" in box.note.value, bytes(box.chart.value), box.chart.layout.display
    (True, b'', 'none')
    >>> box.controls["slope"].value = 2.0
    >>> box.note.value, bytes(box.chart.value)[:4], box.chart.layout.display
    ('', b'\\x89PNG', None)
    >>> plt.get_fignums()  # every figure was closed after drawing
    []
    """

    #: The box's CSS class (besides ``btp-explorer``), e.g. ``"btp-trade-explorer"``.
    css_class: ClassVar[str] = ""
    #: Names of the controls on each row of the default :meth:`arrange` (empty: one row).
    rows: ClassVar[tuple[tuple[str, ...], ...]] = ()
    #: How many rendered charts to keep, by settings (0: none).
    cache_size: ClassVar[int] = 32

    def __init__(
        self,
        controls: Mapping[str, widgets.ValueWidget],
        *,
        starting_chart: str | None = None,
        **box: Any,
    ) -> None:
        self.controls: dict[str, widgets.ValueWidget] = dict(controls)
        self.summary = widgets.HTML().add_class("btp-summary")
        self.chart: widgets.Image | None = None
        self.note: widgets.HTML | None = None
        parts: list[widgets.Widget] = [self.summary]
        if self.has_chart():
            layout = {"max_width": "100%", "height": "auto", "display": "none"}
            self.chart = widgets.Image(format="png", layout=layout).add_class("btp-chart")
            self.note = widgets.HTML(layout={"display": "none"}).add_class("btp-chart-note")
            parts += [self.note, self.chart]
        self._notes = starting_chart_notes(starting_chart)
        self._pngs: OrderedDict[Hashable, bytes] = OrderedDict()
        self._figures: dict[Hashable, tuple[Figure, dict[str, float]]] = {}
        self.last_figure: Figure | None = None
        super().__init__([*self.arrange(), *parts], **box)
        self.add_class("btp-explorer")
        if self.css_class:
            self.add_class(self.css_class)
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.redraw()
        if type(self).update_figure is not Explorer.update_figure:
            self.keep_figure(self.state())  # the first change then redraws it in place

    # --- what subclasses write ----------------------------------------------------------------
    def describe(self, **state: Any) -> str:
        """The summary's HTML for these settings (a pure function of them)."""
        raise NotImplementedError(f"{type(self).__name__} must define describe(**state)")

    def figure(self, **state: Any) -> Figure | None:
        """The chart for these settings, or None for no chart (define it to have a chart)."""
        return None

    def update_figure(self, fig: Figure, **state: Any) -> bool:
        """Bring ``fig``, made by :meth:`figure` for other settings, to these settings in place.

        Return False when it cannot (the default): the chart is then made by :meth:`figure`.
        It must end in the image :meth:`figure` draws for the same settings.
        """
        return False

    def chart_kind(self, **state: Any) -> Hashable:
        """Which kept figure :meth:`update_figure` redraws (default: one for all settings)."""
        return None

    def chart_key(self, **state: Any) -> Hashable:
        """What the chart depends on: drawings are kept under it (default: all the settings).

        Override it when some settings do not change the chart, so that it is drawn once.
        None, or a key that cannot be hashed, keeps nothing: the chart is drawn every time.
        """
        return tuple(state.items())

    def arrange(self) -> list[widgets.Widget]:
        """The widgets above the summary: by default the controls in :attr:`rows`, or one row."""
        rows = self.rows or (tuple(self.controls),)
        return [widgets.HBox([self.controls[name] for name in row]) for row in rows]

    # --- the contract -------------------------------------------------------------------------
    @classmethod
    def has_chart(cls) -> bool:
        """Whether this explorer draws a chart (it defines :meth:`figure`)."""
        return cls.figure is not Explorer.figure

    def state(self) -> dict[str, Any]:
        """The current settings: each control's value, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def redraw(self) -> None:
        """Recompute the summary and the chart from all the current settings."""
        state = self.state()
        self.summary.value = self.describe(**state)
        if self.chart is None or self.note is None:
            return
        note = next(self._notes)
        self.note.value = note or ""
        self.note.layout.display = None if note else "none"
        self.last_figure = None
        png = b"" if note else self._png(state)
        self.chart.value = png
        self.chart.layout.display = None if png else "none"

    def _changed(self, _change: object = None) -> None:
        self.redraw()

    def _png(self, state: dict[str, Any]) -> bytes:
        """The chart for ``state`` as PNG bytes (b"" for none), from the cache when drawn before."""
        try:
            key: Hashable | None = self.chart_key(**state)
            hash(key)
        except TypeError:  # an unhashable value: draw every time
            key = None
        if key is not None and key in self._pngs:
            self._pngs.move_to_end(key)
            return self._pngs[key]
        fig = self._draw(state)
        self.last_figure = fig
        png = b"" if fig is None else render_png(fig, close=False)
        if key is not None and self.cache_size > 0:
            self._pngs[key] = png
            while len(self._pngs) > self.cache_size:
                self._pngs.popitem(last=False)
        return png

    def keep_figure(self, state: dict[str, Any], *warm: dict[str, Any]) -> None:
        """Draw the figure for ``state`` now and keep it (not shown), to redraw it in place.

        Call it at the end of a subclass's ``__init__``, with settings that draw every part of
        the chart, so that no change has to wait for a new figure. The base class keeps the
        starting settings' figure when the subclass defines :meth:`update_figure`; a figure
        already kept for these settings' :meth:`chart_kind` is kept instead. Each of ``warm``
        (settings of the same kind) is then drawn once, unseen, so that the text it needs
        (e.g. a log scale's tick labels) is laid out before a student asks for it.
        """
        kind = self.chart_kind(**state)
        if kind not in self._figures:
            fig = self._draw(state, fresh=True)
            if fig is not None:  # drawn once, unseen: fonts, glyphs and layouts are then ready
                fig.canvas.draw()
        for settings in warm:
            if kind in self._figures and self._draw(settings) is not None:
                self._figures[kind][0].canvas.draw()
        if kind in self._figures:  # its pixels are drawn again at the next change
            self._figures[kind][0].canvas.release()

    def _draw(self, state: dict[str, Any], *, fresh: bool = False) -> Figure | None:
        """The figure for ``state``: the kept one updated in place, or a new one (then kept)."""
        kind = self.chart_kind(**state)
        if kind in self._figures and not fresh:
            fig, margins = self._figures[kind]
            if fig.get_layout_engine() is None:  # fit from a new figure's margins, as it does
                fig.subplots_adjust(**margins)
            if self.update_figure(fig, **state):
                return fig
        before = set(plt.get_fignums())
        try:
            fig = self.figure(**state)
        finally:  # leave no pyplot figure behind, even if drawing failed
            for number in set(plt.get_fignums()) - before:
                plt.close(number)
        if fig is not None:
            WidgetCanvas(fig)
            pars = fig.subplotpars
            margins = {k: getattr(pars, k) for k in ("left", "right", "bottom", "top")}
            self._figures[kind] = (fig, margins)
        return fig
