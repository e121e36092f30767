"""Lesson 04's charts: the commitment checklist and the 1914 chain reaction.

Every function takes ``ax=None`` (a new figure only when it is None), returns the Axes, writes a
source line and never calls ``plt.show()``. Nothing is told apart by colour alone: the checklist
uses filled and open squares, the cascade uses marker shapes for the two sides.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from matplotlib.axes import Axes

from helpers.alliances.cascade import Cascade
from helpers.core.layout import add_source_line, new_axes
from helpers.core.style import PALETTE

__all__ = ["SHORT_NAMES", "TREATY_LABELS", "cascade_figsize", "plot_cascade", "plot_checklist"]

_LABELS = {"defense": "Defense", "offense": "Offense", "neutrality": "Neutral-\nity",
           "nonaggression": "Non-\naggression", "consultation": "Consul-\ntation"}  # fmt: skip
#: Short names for the checklist's rows.
SHORT_NAMES = {
    "roc_ussr_1945": "ROC-USSR treaty", "nato_1949": "North Atlantic Treaty (Art. 5)",
    "sino_soviet_1950": "Sino-Soviet treaty", "joint_declaration_1992": "China-Russia declaration",
    "shanghai_five_1996": "Shanghai Five agreement",
    "good_neighbor_2001": "Good-Neighborliness treaty",
    "good_neighbor_2021_extension": "Its five-year extension", "aukus_2021": "AUKUS statement",
    "joint_statement_2022": "Russia-China joint statement",
    "sino_dprk_1961": "China-North Korea treaty", "sco_2007": "SCO Good-Neighborliness treaty",
    "russia_dprk_2024": "Russia-North Korea treaty",
}  # fmt: skip
#: Short labels of the 1914 treaties for the cascade's arrows.
TREATY_LABELS = {
    "dual_alliance_1879": "Dual Alliance 1879", "triple_alliance_1882": "Triple Alliance 1882",
    "franco_russian_1892": "Franco-Russian 1892", "london_1839": "London 1839 (Belgium)",
    "grey_cambon_1912": "Grey-Cambon 1912", "anglo_japanese_1911": "Anglo-Japanese 1911",
    "russia_serbia_pledge_1914": "Russia's promise to Serbia",
    "german_ottoman_1914": "German-Ottoman 1914",
}  # fmt: skip


def plot_checklist(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    highlight: str = "joint_statement_2022",
    title: str = "Which promises does each agreement make?",
) -> Axes:
    """Draw agreements against ATOP's five obligations, with each agreement's score.

    A filled square is a promise made, an open square a promise not made, "n/c" not coded and
    "n/r" not read (an own coding's ``unread_obligations``).

    Parameters
    ----------
    table : DataFrame
        From :func:`helpers.alliances.model.checklist_table`.
    ax : Axes, optional
        Where to draw; a new figure when None.
    highlight : str
        An ``agreement_id`` to shade and set in bold (default: the 2022 joint statement).
    title : str
        Chart title.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.alliances.model import checklist_table
    >>> from helpers.alliances.data import load_treaties
    >>> ax = plot_checklist(checklist_table(load_treaties()))
    >>> ax.get_xticklabels()[-1].get_text()
    'Score'
    >>> plt.close(ax.figure)
    """
    ax = new_axes(ax, figsize=(8.5, 0.55 * len(table) + 2.0))
    names = list(_LABELS)
    n = len(table)
    for i, row in enumerate(table.to_dict("records")):
        y = n - 1 - i
        if row["agreement_id"] == highlight:
            ax.axhspan(y - 0.5, y + 0.5, color=PALETTE["yellow"], alpha=0.35, linewidth=0)
        for j, name in enumerate(names):
            value = row[name]
            if isinstance(unread := row.get("unread_obligations"), list) and name in unread:
                ax.text(j, y, "n/r", ha="center", va="center", fontsize=8, color="#555555")
            elif value is None or pd.isna(value):
                ax.text(j, y, "n/c", ha="center", va="center", fontsize=8, color="#555555")
            elif value == 1:
                ax.plot(j, y, marker="s", markersize=15, color=PALETTE["blue"], linestyle="none")
            else:
                ax.plot(j, y, marker="s", markersize=15, markerfacecolor="white",
                        markeredgecolor="#777777", linestyle="none")  # fmt: skip
        ax.text(len(names), y, f"{row['score']:g}", ha="center", va="center", fontweight="bold")
    labels = [f"{SHORT_NAMES.get(r['agreement_id'], r['agreement'])} ({r['signed']:%Y})"
              for r in table.to_dict("records")]  # fmt: skip
    coders = [f"coded by {r['coded_by']}" for r in table.to_dict("records")]
    ax.set_yticks(range(n))
    ax.set_yticklabels([f"{a}\n{c}" for a, c in zip(labels, coders, strict=True)][::-1],
                       fontsize=9)  # fmt: skip
    for tick, row in zip(ax.get_yticklabels()[::-1], table.to_dict("records"), strict=True):
        if row["agreement_id"] == highlight:
            tick.set_fontweight("bold")
    ax.set_xticks(range(len(names) + 1))
    ax.set_xticklabels([_LABELS[k] for k in names] + ["Score"], fontsize=9)
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, len(names) + 0.6)
    ax.set_ylim(-0.6, n - 0.4)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_title(title, pad=28)
    add_source_line(
        ax,
        "ATOP v4.01 (Leeds et al.); own coding against ATOP's definitions where marked "
        "'this project' (data/treaties.csv). Filled = promise made; open = not made; "
        "n/c = not coded; n/r = text not read.",
    )
    return ax


def cascade_figsize(cascade: Cascade) -> tuple[float, float]:
    """The size of a new figure of :func:`plot_cascade` (inches): a row per state drawn in.

    Examples
    --------
    >>> from helpers.alliances.cascade import Commitment, simulate_cascade
    >>> width, height = cascade_figsize(simulate_cascade([Commitment("C", "B")], "A", "B"))
    >>> width, round(height, 2)  # three states drawn in
    (10.0, 3.85)
    """
    return (10.0, 0.55 * len(cascade.entries) + 2.2)


def plot_cascade(
    cascade: Cascade,
    *,
    ax: Axes | None = None,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
) -> Axes:
    """Draw a chain reaction: who declares war on whom, step by step, and who stays out.

    Each state drawn in is a marker at the step it entered (circle: the first attacker's side,
    square: the other side), labelled with its first declaration of war and the treaty behind it;
    each arrow is a declaration.

    Parameters
    ----------
    cascade : Cascade
        From :func:`helpers.alliances.model.simulate_cascade`.
    ax : Axes, optional
        Where to draw; a new figure when None.
    names : mapping, optional
        Display names of the state codes (e.g. ``STATE_NAMES_1914``).
    title : str, optional
        Chart title (default names the first attack).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.alliances.cascade import Commitment, simulate_cascade
    >>> ax = plot_cascade(simulate_cascade([Commitment("C", "B")], "A", "B"))
    >>> ax.get_xlabel()
    'Step of the chain reaction (0 = first attack)'
    >>> plt.close(ax.figure)
    """
    names = dict(names or {})
    entries = cascade.entries
    ax = new_axes(ax, figsize=cascade_figsize(cascade))
    first_side = entries.iloc[0]["side"]
    row_of = {state: len(entries) - 1 - i for i, state in enumerate(entries["state"])}
    step_of = dict(zip(entries["state"], entries["step"], strict=True))
    for decl in cascade.declarations.to_dict("records"):
        start = (decl["step"], row_of[decl["declarer"]])
        end = (step_of[decl["target"]], row_of[decl["target"]])
        ax.annotate("", xy=end, xytext=start,
                    arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 1.2,
                                "shrinkA": 9, "shrinkB": 9,
                                "connectionstyle": "arc3,rad=0.15"})  # fmt: skip
    labelled: set[str] = set()
    for decl in cascade.declarations.to_dict("records"):
        if decl["declarer"] in labelled:
            continue
        labelled.add(decl["declarer"])
        via = TREATY_LABELS.get(decl["treaty_id"], decl["treaty_id"].replace("_", " "))
        target = names.get(decl["target"], decl["target"])
        text = f"attacks {target}" if not decl["treaty_id"] else f"war on {target}: {via}"
        where = (decl["step"], row_of[decl["declarer"]])
        ax.annotate(text, where, xytext=(11, 0), textcoords="offset points", fontsize=8,
                    va="center", color="#222222")  # fmt: skip
    for row in entries.to_dict("records"):
        ours = row["side"] == first_side
        ax.plot(row["step"], row_of[row["state"]], linestyle="none", markersize=11,
                marker="o" if ours else "s",
                color=PALETTE["vermillion"] if ours else PALETTE["blue"])  # fmt: skip
    ax.set_yticks(list(row_of.values()))
    ax.set_yticklabels([f"{names.get(s, s)} ({s})" for s in row_of])
    last = int(entries["step"].max()) if len(entries) else 0
    ax.set_xticks(range(last + 1))
    ax.set_xlim(-0.5, last + 1.2)
    ax.set_ylim(-0.7, len(entries) - 0.3)
    ax.set_xlabel("Step of the chain reaction (0 = first attack)")
    ax.grid(axis="y", alpha=0.2)
    from matplotlib.lines import Line2D

    attacker, target = entries.iloc[0]["state"], entries.iloc[1]["state"]
    handles = [
        Line2D([], [], marker="o", linestyle="none", color=PALETTE["vermillion"],
               label=f"on {names.get(attacker, attacker)}'s side"),
        Line2D([], [], marker="s", linestyle="none", color=PALETTE["blue"],
               label=f"on {names.get(target, target)}'s side"),
    ]  # fmt: skip
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    out = ", ".join(sorted(names.get(s, s) for s in cascade.stayed_out)) or "nobody"
    ax.text(1.01, 0.55, "Stayed out:\n" + _wrap(out), transform=ax.transAxes, fontsize=8,
            va="top")  # fmt: skip
    ax.set_title(title or f"If {names.get(attacker, attacker)} attacks "
                 f"{names.get(target, target)}: who is drawn in, and why")  # fmt: skip
    add_source_line(ax, "model run on the commitments in data/alliances_1914.csv (treaty texts "
                    "as cited there); arrows = declarations of war in the model")  # fmt: skip
    return ax


def _wrap(text: str, width: int = 22) -> str:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])
