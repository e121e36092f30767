"""Charts of lesson 05: the argument map and the hindsight chart.

Both draw from data (``argument_nodes.csv``/``argument_edges.csv`` and ``hindsight.csv``) and
never rely on colour alone: the map writes each box's role in the box and draws support as a
solid arrow and attack as a dashed one; the hindsight chart gives each effect its own marker.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.dates import DateFormatter, YearLocator
from matplotlib.lines import Line2D

from helpers.argument.model import map_layout
from helpers.core.layout import add_source_line, new_axes
from helpers.core.style import PALETTE

__all__ = ["EDGE_STYLE", "EFFECT_STYLE", "ROLE_STYLE", "plot_argument_map", "plot_hindsight"]

#: How each kind of box is drawn: border colour, border style and width, and the word shown.
ROLE_STYLE: dict[str, dict[str, object]] = {
    "conclusion": {"edgecolor": PALETTE["black"], "linestyle": "-", "linewidth": 2.6,
                   "word": "CONCLUSION"},
    "premise": {"edgecolor": PALETTE["blue"], "linestyle": "-", "linewidth": 1.8,
                "word": "PREMISE"},
    "evidence": {"edgecolor": PALETTE["green"], "linestyle": ":", "linewidth": 1.6,
                 "word": "EVIDENCE"},
    "objection": {"edgecolor": PALETTE["vermillion"], "linestyle": "--", "linewidth": 1.6,
                  "word": "OBJECTION"},
    "accuracy_note": {"edgecolor": "#777777", "linestyle": "-.", "linewidth": 1.2,
                      "word": "ACCURACY NOTE"},
}  # fmt: skip
#: How each kind of link is drawn: a solid grey arrow supports, a dashed vermillion one attacks.
EDGE_STYLE: dict[str, dict[str, str]] = {
    "supports": {"color": "#555555", "linestyle": "-"},
    "attacks": {"color": PALETTE["vermillion"], "linestyle": "--"},
    "notes": {"color": "#999999", "linestyle": ":"},
}
#: How each effect of a later development is drawn: a marker and a colour.
EFFECT_STYLE: dict[str, dict[str, str]] = {
    "supports": {"marker": "^", "color": PALETTE["green"], "label": "supports the claim"},
    "mixed": {"marker": "D", "color": PALETTE["orange"], "label": "mixed"},
    "weakens": {"marker": "v", "color": PALETTE["vermillion"], "label": "weakens the claim"},
}
_BOX_HALF_HEIGHT = 0.24


def _box_text(row: pd.Series, width: int) -> str:
    word = ROLE_STYLE[row["role"]]["word"]
    label = textwrap.fill(str(row["label"]), width)
    who = row.get("attributed_to")
    short = textwrap.shorten(str(who), 2 * width, placeholder="…")
    by = "\n" + textwrap.fill(f"— {short}", width) if isinstance(who, str) else ""
    return f"{word}\n{label}{by}\n({', '.join(row['claim_ids'])})"


def plot_argument_map(
    nodes: pd.DataFrame, edges: pd.DataFrame, *, ax: Axes | None = None, wrap: int = 15
) -> Axes:
    """Draw the argument map: labelled boxes joined by support (solid) and attack (dashed) arrows.

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        From :func:`helpers.argument.data.load_argument`.
    ax : Axes, optional
    wrap : int
        Characters per line inside a box.

    Returns
    -------
    Axes
        One text box per node (``ax.texts``, besides the source line) and one arrow per edge.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.argument.data import load_argument
    >>> nodes, edges = load_argument()
    >>> ax = plot_argument_map(nodes, edges)
    >>> sum(t.get_text().startswith("PREMISE") for t in ax.texts)
    4
    >>> plt.close(ax.figure)
    """
    ax = new_axes(ax, figsize=(14, 8.5))
    layout = map_layout(nodes, edges)
    for _, edge in edges.iterrows():
        (x0, y0), (x1, y1) = layout[edge["from_node"]], layout[edge["to_node"]]
        style = EDGE_STYLE[edge["relation"]]
        if edge["relation"] == "notes":  # beside the map: a dotted line, no arrow
            ax.plot([x0 - 0.07, x1 + 0.06], [y0, y1], color=style["color"],
                    linestyle=style["linestyle"], linewidth=1.1, zorder=1)  # fmt: skip
            continue
        ax.annotate("", xy=(x1 + (x0 - x1) * 0.1, y1 - _BOX_HALF_HEIGHT),
                    xytext=(x0, y0 + _BOX_HALF_HEIGHT),
                    arrowprops={"arrowstyle": "-|>", "color": style["color"],
                                "linestyle": style["linestyle"], "linewidth": 1.4,
                                "shrinkA": 0, "shrinkB": 0, "mutation_scale": 14},
                    zorder=1)  # fmt: skip
    for _, row in nodes.iterrows():
        x, y = layout[row["node_id"]]
        style = ROLE_STYLE[row["role"]]
        width = 28 if row["role"] == "conclusion" else wrap
        ax.text(x, y, _box_text(row, width), ha="center", va="center", fontsize=7.5, zorder=3,
                fontweight="bold" if row["role"] == "conclusion" else "normal",
                bbox={"boxstyle": "round,pad=0.4", "facecolor": "#ffffff",
                      "edgecolor": style["edgecolor"], "linestyle": style["linestyle"],
                      "linewidth": style["linewidth"]})  # fmt: skip
    depth = min(y for _, y in layout.values())
    if (nodes["role"] == "accuracy_note").any():
        ax.text(1.22, -0.45, "Accuracy notes\n(slips, not objections)", ha="center", va="center",
                fontsize=8.5, style="italic", color="#555555")  # fmt: skip
    ax.set_xlim(-0.08, 1.36)
    ax.set_ylim(depth - 0.5, 0.5)
    ax.axis("off")
    handles = [Line2D([], [], color=s["color"], linestyle=s["linestyle"], marker="None",
                      label=name) for name, s in EDGE_STYLE.items()]  # fmt: skip
    ax.legend(handles=handles, loc="lower right", fontsize=9, title="Arrows")
    ax.set_title("The argument of 'Back to the past': the author's reasons, the evidence, "
                 "named objections; accuracy notes beside it")  # fmt: skip
    add_source_line(ax, "our reading of Yu Bin, PacNet #8, February 2022; claim ids from "
                    "data/claims.csv (data/argument_nodes.csv, argument_edges.csv)")  # fmt: skip
    return ax


def plot_hindsight(
    hindsight: pd.DataFrame, claims: pd.DataFrame, *, ax: Axes | None = None
) -> Axes:
    """Later developments over time, one row per claim, marked by how they bear on it.

    Parameters
    ----------
    hindsight : pandas.DataFrame
        From :func:`helpers.argument.data.load_hindsight`.
    claims : pandas.DataFrame
        The claim ledger, for the row labels (claim id, paragraph and kind).
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.ledger.data import load_claims
    >>> from helpers.argument.data import load_hindsight
    >>> ax = plot_hindsight(load_hindsight(), load_claims())
    >>> [h.get_label() for h in ax.get_legend().legend_handles]
    ['supports the claim', 'mixed', 'weakens the claim', 'joint statement, 4 Feb 2022']
    >>> plt.close(ax.figure)
    """
    ax = new_axes(ax, figsize=(10, 5.5))
    ledger = claims.set_index("claim_id")
    order = sorted(hindsight["claim_id"].unique(),
                   key=lambda c: (int(ledger.loc[c, "paragraph"]), c))  # fmt: skip
    rows = {claim: i for i, claim in enumerate(reversed(order))}
    for effect, style in EFFECT_STYLE.items():
        part = hindsight[hindsight["effect"] == effect]
        ax.plot(part["date"], part["claim_id"].map(rows), linestyle="none", markersize=9,
                marker=style["marker"], color=style["color"], label=style["label"])  # fmt: skip
    ax.axvline(pd.Timestamp("2022-02-04"), color=PALETTE["black"], linestyle="-.", linewidth=1.2,
               label="joint statement, 4 Feb 2022")  # fmt: skip
    ax.set_yticks(list(rows.values()))
    ax.set_yticklabels([f"{c} (¶ {int(ledger.loc[c, 'paragraph'])}, "
                        f"{ledger.loc[c, 'claim_type']})" for c in rows])  # fmt: skip
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlim(pd.Timestamp("2021-12-01"), pd.Timestamp("2026-03-01"))
    ax.xaxis.set_major_locator(YearLocator())
    ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    ax.set_title("Hindsight (after 4 Feb 2022): later developments and the claims")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, title="Effect")
    add_source_line(ax, "developments and sources in data/hindsight.csv; claims in "
                    "data/claims.csv; effects judged in this collection")  # fmt: skip
    return ax
