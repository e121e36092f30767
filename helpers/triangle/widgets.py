"""The triangle explorer: three relation toggles -> configuration, drawing, roles, best moves.

The widget is an :class:`helpers.core.widget.Explorer` built from the pure functions in
:mod:`helpers.triangle.model` and the drawing in :mod:`helpers.triangle.charts`.
:func:`explorer_html` (the text part) is a plain function, so it is tested without a browser.
There are only eight settings, and each drawing is kept once made; a new setting recolours the
one kept figure in place (:func:`helpers.triangle.charts.update_triangle`).
"""

from __future__ import annotations

import html

import ipywidgets as widgets
from matplotlib.figure import Figure

from helpers.core.widget import Explorer
from helpers.triangle.charts import plot_triangle, update_triangle
from helpers.triangle.model import PLAYER_NAMES, PLAYERS, ROLE_RANK, classify, make_relations
from helpers.triangle.moves import best_moves

__all__ = ["DYAD_LABELS", "TriangleExplorer", "explorer_html", "triangle_explorer"]

#: The three toggles, in the order of :func:`helpers.triangle.model.make_relations`.
DYAD_LABELS: tuple[tuple[str, str], ...] = (
    ("USA-CHN", "US – China"),
    ("USA-RUS", "US – USSR/Russia"),
    ("CHN-RUS", "China – USSR/Russia"),
)
_OPTIONS = [("amity (+1)", 1), ("enmity (−1)", -1)]
_OBJECT = {"USA": "the United States", "CHN": "China", "RUS": "USSR/Russia"}


def explorer_html(signs: tuple[int, int, int]) -> str:
    """The explorer's text: configuration, each player's role and rank, and best moves.

    Parameters
    ----------
    signs : tuple of three int
        US-China, US-USSR/Russia and China-USSR/Russia relations (+1 or -1).

    Returns
    -------
    str
        An HTML fragment.

    Examples
    --------
    >>> text = explorer_html((-1, -1, 1))
    >>> "Configuration: <b>stable marriage</b>" in text
    True
    >>> "China makes up with the United States" in text
    True
    """
    rel = make_relations(*signs)
    t = classify(rel)
    rows = "".join(
        f"<tr><td>{PLAYER_NAMES[p]}</td><td><b>{t.roles[p]}</b></td>"
        f"<td>{ROLE_RANK[t.roles[p]]} of 6</td></tr>"
        for p in PLAYERS
    )
    moves = []
    for p in PLAYERS:
        options = best_moves(rel, p)
        if not options:
            moves.append(f"<li>{PLAYER_NAMES[p]}: no single move improves its role.</li>")
            continue
        for m in options:
            verb = "makes up with" if m.new_sign == 1 else "breaks with"
            moves.append(
                f"<li>{PLAYER_NAMES[p]} {verb} {_OBJECT[m.other]}: {m.old_role} → "
                f"<b>{m.new_role}</b> (rank {m.new_rank}).</li>"
            )
    return (
        f'<div class="btp-triangle-summary"><p>Configuration: <b>{html.escape(t.label)}</b></p>'
        "<table><tr><th>player</th><th>role</th><th>rank</th></tr>"
        f"{rows}</table><p>Best single moves (changing one of the player's own relations):</p>"
        f"<ul>{''.join(moves)}</ul></div>"
    )


class TriangleExplorer(Explorer):
    """Three relation toggles, the configuration's roles and moves, and the drawing."""

    css_class = "btp-triangle-explorer"
    rows = tuple((dyad,) for dyad, _ in DYAD_LABELS)
    cache_size = 8  # every configuration of three signs

    def describe(self, **signs: int) -> str:
        """:func:`explorer_html` of the three relations."""
        return explorer_html(tuple(signs[dyad] for dyad, _ in DYAD_LABELS))  # type: ignore[arg-type]

    def figure(self, **signs: int) -> Figure:
        """The triangle drawn by :func:`helpers.triangle.charts.plot_triangle`."""
        return plot_triangle(make_relations(*(signs[dyad] for dyad, _ in DYAD_LABELS))).figure

    def update_figure(self, fig: Figure, **signs: int) -> bool:
        """Recolour the kept drawing for these relations (:func:`update_triangle`)."""
        update_triangle(fig.axes[0], make_relations(*(signs[dyad] for dyad, _ in DYAD_LABELS)))
        return True


def triangle_explorer(
    initial: tuple[int, int, int] = (-1, -1, 1), starting_chart: str | None = None
) -> TriangleExplorer:
    """Build the explorer: three toggles, the drawing, roles and ranks, best moves.

    Parameters
    ----------
    initial : tuple of three int
        Starting relations (default: 2022, a China-Russia marriage with the US as outcast).
    starting_chart : str, optional
        The figure above that already draws the starting relations (e.g. ``"Figure 2.2"``):
        the explorer then says so instead of drawing it again, and draws on the first change.

    Returns
    -------
    TriangleExplorer
        An :class:`helpers.core.widget.Explorer`: ``controls`` are the three toggles, by dyad
        (``"USA-CHN"``, ``"USA-RUS"``, ``"CHN-RUS"``); ``summary`` is :func:`explorer_html`;
        ``chart`` the drawing.

    Examples
    --------
    >>> box = triangle_explorer()
    >>> box.controls["CHN-RUS"].value = -1   # China and Russia fall out
    >>> "unit veto" in box.summary.value
    True
    """
    toggles = {}
    for (dyad, label), sign in zip(DYAD_LABELS, initial, strict=True):
        toggles[dyad] = widgets.ToggleButtons(
            options=_OPTIONS,
            value=sign,
            description=label,
            style={"description_width": "150px", "button_width": "110px"},
        ).add_class(f"btp-relation-{dyad}")
    return TriangleExplorer(
        toggles,
        starting_chart=starting_chart,
        layout={"border": "1px solid #cccccc", "padding": "6px"},
    )
