"""The collection's chart style: the colour-blind-safe palette, second channels and
:func:`use_style`.

Nothing happens on import: call :func:`use_style` once, in a lesson's second cell.
"""

from __future__ import annotations

import gc
from typing import Any

import matplotlib as mpl

__all__ = ["CYCLE", "HATCHES", "LINESTYLES", "MARKERS", "PALETTE", "PNG_OPTIONS", "use_style"]

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


def use_style() -> None:
    """Set the collection's chart style (call once, in a lesson's second cell).

    Sets a readable font size, the colour-blind-safe colour cycle with markers, light grids and
    a figure size that fits a laptop screen. Only matplotlib's ``rcParams`` change, and, in a
    notebook, how figures are shown and their memory freed (see :func:`_free_closed_figures`).

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
    _free_closed_figures()


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


_HOOKED: list[Any] = []


def _free_closed_figures() -> None:
    """In a notebook, give back a closed figure's memory after the cell that drew it.

    A figure is a web of reference cycles, so closing it frees nothing until Python's full
    garbage collection runs, which in a kernel holding pandas and matplotlib is rare: each chart
    a lesson draws would keep its 2-3 MB to the end. Here the objects alive after the imports are
    frozen (never scanned again: :func:`gc.freeze`), and after any cell that made enough objects
    to start a middle-generation collection (a chart, a table) a full collection runs; it scans
    only what the lesson made, a few milliseconds. Outside IPython this does nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - comes with ipykernel
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel") or shell in _HOOKED:
        return
    gc.collect()
    gc.freeze()
    seen = [gc.get_stats()[1]["collections"]]

    def collect(*_: Any) -> None:
        if gc.get_stats()[1]["collections"] != seen[0]:
            gc.collect()
            seen[0] = gc.get_stats()[1]["collections"]

    shell.events.register("post_execute", collect)
    _HOOKED.append(shell)
