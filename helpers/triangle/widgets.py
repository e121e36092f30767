"""The triangle explorer: three relation toggles -> configuration, drawing, roles, best moves.

The widget is built from the pure functions in :mod:`helpers.triangle` and the drawing in
:mod:`helpers.triangle.charts`; its callback only re-renders. :func:`explorer_html` (the text
part) is a plain function, so it is tested without a browser.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython import get_ipython
from IPython.display import HTML, display

from helpers.core.layout import starting_chart_notes
from helpers.triangle.charts import plot_triangle
from helpers.triangle.model import (
    PLAYER_NAMES,
    PLAYERS,
    ROLE_RANK,
    best_moves,
    classify,
    make_relations,
)

__all__ = ["DYAD_LABELS", "explorer_html", "triangle_explorer"]

#: The three toggles, in the order of :func:`helpers.triangle.model.make_relations`.
DYAD_LABELS: tuple[tuple[str, str], ...] = (
    ("USA-CHN", "US – China"),
    ("USA-RUS", "US – USSR/Russia"),
    ("CHN-RUS", "China – USSR/Russia"),
)
_OPTIONS = [("amity (+1)", 1), ("enmity (−1)", -1)]
_OBJECT = {"USA": "the United States", "CHN": "China", "RUS": "USSR/Russia"}


def _in_kernel() -> bool:
    """True inside a running Jupyter kernel (where the drawing can be shown)."""
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


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


def triangle_explorer(
    initial: tuple[int, int, int] = (-1, -1, 1), starting_chart: str | None = None
) -> widgets.VBox:
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
    ipywidgets.VBox
        ``children[0]`` holds the three toggles, ``children[1]`` the summary (an HTML widget)
        and ``children[2]`` the drawing (an Output widget).

    Examples
    --------
    >>> box = triangle_explorer()
    >>> toggles, summary, _ = box.children
    >>> toggles.children[2].value = -1   # China and Russia fall out
    >>> "unit veto" in summary.value
    True
    """
    toggles = []
    for (dyad, label), sign in zip(DYAD_LABELS, initial, strict=True):
        toggle = widgets.ToggleButtons(
            options=_OPTIONS,
            value=sign,
            description=label,
            style={"description_width": "150px", "button_width": "110px"},
        )
        toggle.add_class(f"btp-relation-{dyad}")
        toggles.append(toggle)
    summary = widgets.HTML()
    summary.add_class("btp-triangle-explorer-summary")
    drawing = widgets.Output(layout={"min_height": "330px"})
    notes = starting_chart_notes(starting_chart)

    def update(_change=None) -> None:
        signs = tuple(t.value for t in toggles)
        summary.value = explorer_html(signs)  # type: ignore[arg-type]
        note = next(notes)
        if note is not None:
            drawing.append_display_data(HTML(note))
            return
        fig = plot_triangle(make_relations(*signs)).figure
        if _in_kernel():
            drawing.clear_output(wait=True)
            with drawing:
                display(fig)
        plt.close(fig)

    for toggle in toggles:
        toggle.observe(update, names="value")
    update()
    return widgets.VBox(
        [widgets.VBox(toggles), summary, drawing],
        layout={"border": "1px solid #cccccc", "padding": "6px"},
    )
