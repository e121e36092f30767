"""Charts of the strategic triangle: one triangle, the four configurations, the triangle over time.

Amity and enmity are told apart by colour *and* line style (solid blue for amity, dashed
vermillion for enmity) and by a +/- label on each edge; roles by colour *and* hatch *and* text.
Every function draws on ``ax`` (a new figure only when it is None) and returns it; none calls
``plt.show()``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from helpers.core.layout import add_source_line, new_axes
from helpers.core.style import PALETTE
from helpers.triangle.model import (
    AMITY,
    CONFIGURATION_LABELS,
    PLAYER_NAMES,
    PLAYERS,
    ROLE_RANK,
    ROLES,
    Triangle,
    classify,
    make_relations,
)

__all__ = [
    "EDGE_STYLE",
    "ROLE_STYLE",
    "plot_configurations",
    "plot_triangle",
    "plot_triangle_history",
    "update_triangle",
]

#: How a relation is drawn: colour, line style, width and the label on the edge.
EDGE_STYLE: dict[int, dict] = {
    1: {"color": PALETTE["blue"], "linestyle": "-", "linewidth": 3.5, "label": "+ amity"},
    -1: {"color": PALETTE["vermillion"], "linestyle": (0, (4, 3)), "linewidth": 2.5,
         "label": "− enmity"},
}  # fmt: skip
#: How a role is drawn: fill colour and hatch (text labels are always added too).
ROLE_STYLE: dict[str, dict[str, str]] = {
    "pivot": {"color": PALETTE["green"], "hatch": ""},
    "friend": {"color": PALETTE["sky_blue"], "hatch": ".."},
    "partner": {"color": PALETTE["blue"], "hatch": "//"},
    "wing": {"color": PALETTE["yellow"], "hatch": "\\\\"},
    "foe": {"color": PALETTE["orange"], "hatch": "xx"},
    "outcast": {"color": PALETTE["vermillion"], "hatch": "++"},
}
_CONFIG_SHADE = {
    "menage_a_trois": "#DDDDDD",
    "romantic_triangle": "#BBBBBB",
    "stable_marriage": "#999999",
    "unit_veto": "#666666",
}
#: Short codes for configurations in narrow bars of the history chart.
_CONFIG_CODE = {"menage_a_trois": "MT", "romantic_triangle": "RT", "stable_marriage": "SM",
                "unit_veto": "UV"}  # fmt: skip
_POSITIONS = [(0.0, 0.0), (1.0, 0.0), (0.5, 0.87)]
_SHORT = {"USA": "US", "CHN": "China", "RUS": "USSR/\nRussia"}


def plot_triangle(
    relations: Mapping | Triangle,
    *,
    ax: Axes | None = None,
    players: Sequence[str] | None = None,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
    source: str | None = "the triangle model after Dittmer (1981, 1987) and Wu (1996); "
    "relations as coded in the call",
) -> Axes:
    """Draw one triangle: players as labelled nodes with role and rank, relations as edges.

    Parameters
    ----------
    relations : mapping or Triangle
        Relations as for :func:`helpers.triangle.model.classify`, or an already classified triangle.
    ax : Axes, optional
        Where to draw; a new figure when None.
    players : sequence of three str, optional
        The players (default US, China, USSR/Russia).
    names : mapping, optional
        Display names of the players.
    title : str, optional
        Default: the configuration's name.
    source : str or None
        The source line under the drawing; None for none (e.g. inside a grid with its own).

    Returns
    -------
    Axes

    Examples
    --------
    >>> ax = plot_triangle({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": -1})
    >>> ax.get_title()
    'Romantic triangle'
    >>> sorted(t.get_text() for t in ax.texts if "rank" in t.get_text())[0]
    'China\\nwing (rank 4)'
    >>> plt.close(ax.figure)
    """
    t = relations if isinstance(relations, Triangle) else classify(relations, players=players)
    shown = {**_SHORT, **(names or {})}
    ax = new_axes(ax, figsize=(4.2, 3.9))
    where = dict(zip(t.players, _POSITIONS, strict=True))
    for (a, b), sign in t.relations.items():
        style = EDGE_STYLE[sign]
        (x1, y1), (x2, y2) = where[a], where[b]
        ax.plot([x1, x2], [y1, y2], color=style["color"], linestyle=style["linestyle"],
                linewidth=style["linewidth"], zorder=1, marker="none")  # fmt: skip
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        ax.text(mx, my, style["label"], ha="center", va="center", fontsize=9,
                color=style["color"], fontweight="bold", zorder=3,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none"})  # fmt: skip
    for player, (x, y) in where.items():
        role = t.roles[player]
        style = ROLE_STYLE[role]
        ax.scatter([x], [y], s=900, color=style["color"], hatch=style["hatch"],
                   edgecolors="black", linewidths=1.2, zorder=2, marker="o")  # fmt: skip
        below = y < 0.5
        ax.text(x, y - 0.17 if below else y + 0.15,
                f"{shown.get(player, player)}\n{role} (rank {ROLE_RANK[role]})",
                ha="center", va="top" if below else "bottom", fontsize=9.5)  # fmt: skip
    ax.set_xlim(-0.35, 1.35)
    ax.set_ylim(-0.5, 1.45)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title if title is not None else CONFIGURATION_LABELS[t.configuration].capitalize())
    if source:
        add_source_line(ax, source)
    return ax


def update_triangle(ax: Axes, relations: Mapping | Triangle) -> Axes:
    """Redraw, in place, a triangle that :func:`plot_triangle` drew (same players, names and
    default title) for new relations: the same image as a new drawing, without a new figure.

    Examples
    --------
    >>> ax = plot_triangle({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": -1})
    >>> update_triangle(ax, {"USA-CHN": -1, "USA-RUS": -1, "CHN-RUS": -1}).get_title()
    'Unit veto'
    >>> plt.close(ax.figure)
    """
    t = relations if isinstance(relations, Triangle) else classify(relations)
    edges, nodes = ax.texts[:3], ax.texts[3:6]  # in the order plot_triangle writes them
    for line, label, sign in zip(ax.lines, edges, t.relations.values(), strict=True):
        style = EDGE_STYLE[sign]
        line.set_color(style["color"])
        line.set_linestyle(style["linestyle"])
        line.set_linewidth(style["linewidth"])
        label.set_text(style["label"])
        label.set_color(style["color"])
    for dot, text, player in zip(ax.collections, nodes, t.players, strict=True):
        role = t.roles[player]
        dot.set_facecolor(ROLE_STYLE[role]["color"])
        dot.set_hatch(ROLE_STYLE[role]["hatch"])
        name, _ = text.get_text().rsplit("\n", 1)  # the last line is the role
        text.set_text(f"{name}\n{role} (rank {ROLE_RANK[role]})")
    ax.set_title(CONFIGURATION_LABELS[t.configuration].capitalize())
    return ax


#: One example of each configuration, with the US, China and USSR/Russia as players.
_EXAMPLES = [(1, 1, 1), (1, 1, -1), (-1, -1, 1), (-1, -1, -1)]


def plot_configurations(*, axes: Sequence[Axes] | None = None) -> list[Axes]:
    """Draw the four configurations in a 2 x 2 grid (one example each).

    The examples: ménage à trois (all amity), romantic triangle with the US as pivot (as after
    1972), stable marriage of China and Russia with the US as outcast (as in 2022), unit veto.

    Parameters
    ----------
    axes : sequence of four Axes, optional
        Where to draw; a new 2 x 2 figure when None.

    Returns
    -------
    list of Axes

    Examples
    --------
    >>> axes = plot_configurations()
    >>> [a.get_title() for a in axes]
    ['Ménage à trois', 'Romantic triangle', 'Stable marriage', 'Unit veto']
    >>> plt.close(axes[0].figure)
    """
    if axes is None:
        # a fixed layout (the content never changes): cheaper than constrained layout
        grid = {"left": 0.02, "right": 0.98, "top": 0.96, "bottom": 0.13, "wspace": 0.04,
                "hspace": 0.12}  # fmt: skip
        fig, created = plt.subplots(2, 2, figsize=(8.6, 8.2), layout="none", gridspec_kw=grid)
        axes = list(created.ravel())
    for ax, signs in zip(axes, _EXAMPLES, strict=True):
        plot_triangle(make_relations(*signs), ax=ax, source=None)
    handles = [
        plt.Line2D([], [], color=s["color"], linestyle=s["linestyle"], linewidth=s["linewidth"],
                   label=s["label"].split(" ", 1)[1] + (" (+1)" if k == AMITY else " (−1)"))
        for k, s in EDGE_STYLE.items()
    ]  # fmt: skip
    axes[0].figure.legend(handles=handles, loc="lower right", bbox_to_anchor=(0.99, 0.01), ncols=2,
                          fontsize=9)  # fmt: skip
    add_source_line(
        axes[2],
        "configurations after Dittmer (1981, 1987), role ranks after Wu (1996), as cited in "
        "data/sources.csv",
    )
    return list(axes)


def plot_triangle_history(
    hist: pd.DataFrame,
    *,
    ax: Axes | None = None,
    players: Sequence[str] = PLAYERS,
    names: Mapping[str, str] | None = None,
) -> Axes:
    """Draw the triangle over time: each player's role per period, and the configuration.

    Parameters
    ----------
    hist : pandas.DataFrame
        From :func:`helpers.triangle.model.history` (columns start_year, end_year, configuration and
        one role column per player).
    ax : Axes, optional
        Where to draw; a new figure when None.
    players : sequence of str
        The players, drawn top to bottom.
    names : mapping, optional
        Display names.

    Returns
    -------
    Axes

    Examples
    --------
    >>> from helpers.triangle.data import load_triangle_periods
    >>> from helpers.triangle.history import history
    >>> ax = plot_triangle_history(history(load_triangle_periods()))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Configuration', 'United States', 'China', 'USSR/Russia']
    >>> plt.close(ax.figure)
    """
    shown = {**PLAYER_NAMES, **(names or {})}
    ax = new_axes(ax, figsize=(11, 4.4))
    rows = ["configuration", *players]
    for _, period in hist.iterrows():
        start, width = period["start_year"], period["end_year"] - period["start_year"] + 1
        for level, key in enumerate(rows):
            y = level
            if key == "configuration":
                value = period["configuration"]
                colour, hatch = _CONFIG_SHADE[value], ""
                text = {"menage_a_trois": "ménage", "romantic_triangle": "romantic",
                        "stable_marriage": "marriage", "unit_veto": "unit veto"}[value]  # fmt: skip
            else:
                value = period[key]
                colour, hatch = ROLE_STYLE[value]["color"], ROLE_STYLE[value]["hatch"]
                text = value
            ax.broken_barh([(start, width)], (y - 0.4, 0.8), facecolors=colour, hatch=hatch,
                           edgecolor="white", linewidth=1.0)  # fmt: skip
            short = _CONFIG_CODE[value] if key == "configuration" else str(ROLE_RANK[value])
            label = text if width >= 0.55 * len(text) + 1 else short
            ax.text(start + width / 2, y, label, ha="center", va="center", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.85})  # fmt: skip
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(["Configuration"] + [shown.get(p, p) for p in players])
    ax.invert_yaxis()
    ax.set_xlim(int(hist["start_year"].min()), int(hist["end_year"].max()) + 1)
    ax.set_xlabel("Year")
    ax.grid(False)
    ax.set_title("The US–China–USSR/Russia triangle, period by period (roles and configuration)")
    handles = [Patch(facecolor=ROLE_STYLE[r]["color"], hatch=ROLE_STYLE[r]["hatch"],
                     edgecolor="black", label=f"{r} ({ROLE_RANK[r]})") for r in ROLES]  # fmt: skip
    ax.legend(handles=handles, title="Role (rank)", loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize=8.5, title_fontsize=9)  # fmt: skip
    add_source_line(
        ax, "this project's coding of the sources listed per row (data/triangle_periods.csv)"
    )
    return ax
