"""Charts for lesson 01: the claim ledger by kind and topic, and the events the commentary cites.

Every function draws on ``ax`` (a new figure when it is None), returns the Axes and never calls
``plt.show()``. Colours come from the colour-blind-safe palette, and every series also differs by
hatch or marker shape, so nothing depends on colour alone.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from helpers.core.layout import add_source_line, new_axes
from helpers.core.style import PALETTE
from helpers.ledger.data import CHECK_STATUSES, CLAIM_TYPES, SECTION_PARAGRAPHS, TOPICS
from helpers.ledger.model import claims_by

__all__ = ["SECTION_STYLE", "STATUS_STYLE", "plot_cited_events", "plot_claims_by"]

#: How each check status is drawn: colour and hatch.
STATUS_STYLE: dict[str, dict[str, str]] = {
    "supported": {"color": PALETTE["green"], "hatch": ""},
    "error": {"color": PALETTE["vermillion"], "hatch": "xx"},
    "contested": {"color": PALETTE["orange"], "hatch": "//"},
    "not found": {"color": PALETTE["sky_blue"], "hatch": ".."},
    "no evidence": {"color": PALETTE["blue"], "hatch": "oo"},
    "not checkable": {"color": "#BBBBBB", "hatch": "\\\\"},
}
#: How each section of the commentary is drawn on the timeline: colour, marker and label.
SECTION_STYLE: dict[str, dict[str, str]] = {
    "opening": {"color": PALETTE["black"], "marker": "o", "label": "Opening (1)"},
    "from_russia_with_love": {
        "color": PALETTE["blue"],
        "marker": "s",
        "label": "From Russia (2-3)",
    },
    "world_according": {"color": PALETTE["orange"], "marker": "D", "label": "The world (4-7)"},
    "league_of_their_own": {"color": PALETTE["green"], "marker": "^", "label": "A league (8-13)"},
    "back_to_the_past": {
        "color": PALETTE["purple"],
        "marker": "v",
        "label": "Back to the past (14-17)",
    },
}
_LABELS = {"claim_type": "kind of claim", "topic": "topic", "check_status": "check status"}
_ORDER = {"claim_type": CLAIM_TYPES, "topic": TOPICS}
_SOURCE = "Yu Bin, PacNet #8, Pacific Forum, Feb 2022; claims coded here (data/claims.csv)"


def plot_claims_by(claims: pd.DataFrame, by: str = "claim_type", *, ax: Axes | None = None) -> Axes:
    """Draw how many claims there are of each kind (or topic), split by how they check out.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claim ledger (or a filtered part of it).
    by : {"claim_type", "topic"}
        One bar per kind of claim, or per topic.
    ax : Axes, optional
        Where to draw; a new figure when None.

    Returns
    -------
    Axes
        Horizontal stacked bars; each status has its own colour and hatch.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.ledger.data import load_claims
    >>> ax = plot_claims_by(load_claims(), "topic")
    >>> ax.get_xlabel()
    'Number of claims'
    >>> plt.close(ax.figure)
    """
    if by not in _ORDER:
        raise ValueError(f"cannot draw claims by {by!r}; expected one of: claim_type, topic")
    ax = new_axes(ax, figsize=(9.0, 4.2))
    categories = list(_ORDER[by])
    left = pd.Series(0, index=categories)
    for status in CHECK_STATUSES:
        counts = claims_by(claims[claims["check_status"] == status], by)
        style = STATUS_STYLE[status]
        ax.barh(categories, counts.values, left=left.values, color=style["color"],
                hatch=style["hatch"], edgecolor="white", label=status)  # fmt: skip
        left += counts
    for y, total in enumerate(left.values):
        ax.text(total + 0.3, y, str(int(total)), va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(left.max() * 1.12, 1))
    ax.set_xlabel("Number of claims")
    ax.grid(axis="y", visible=False)
    ax.set_title(f"Claims in Yu Bin's commentary by {_LABELS[by]} ({len(claims)} claims)")
    ax.legend(title="How it checks out", loc="lower right", fontsize=8, title_fontsize=8)
    add_source_line(ax, _SOURCE)
    return ax


def _section_of_first(paragraphs: list[str]) -> str:
    first = min(int(p) for p in paragraphs)
    return next(s for s, (lo, hi) in SECTION_PARAGRAPHS.items() if lo <= first <= hi)


def _short(title: str, limit: int = 42) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def plot_cited_events(
    events: pd.DataFrame,
    *,
    ax: Axes | None = None,
    until: str = "2022-02-04",
) -> Axes:
    """Draw the events the commentary cites, one row each, marked with the paragraphs citing them.

    Only events with ``commentary_paragraphs`` are drawn, up to ``until`` (later events are
    hindsight and are left out). Each row shows the event's date, a marker whose colour *and*
    shape show the section of the commentary that first cites it, and, in the row's label, the
    paragraph numbers (¶).

    Parameters
    ----------
    events : pandas.DataFrame
        From :func:`helpers.relations.data.load_events`.
    ax : Axes, optional
        Where to draw; a new figure when None.
    until : str
        The last date shown (default: the day of the joint statement).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from helpers.relations.data import load_events
    >>> ax = plot_cited_events(load_events())
    >>> ax.get_yticklabels()[0].get_text()
    '1914  Assassination in Sarajevo  ¶ 10'
    >>> plt.close(ax.figure)
    """
    cited = events[events["commentary_paragraphs"].map(bool) & (events["date"] <= until)]
    cited = cited.sort_values("date", kind="stable").reset_index(drop=True)
    if cited.empty:
        raise ValueError(f"no event before {until} has commentary_paragraphs filled in")
    ax = new_axes(ax, figsize=(10.0, 0.32 * len(cited) + 1.6))
    for y, ev in cited.iterrows():
        style = SECTION_STYLE[_section_of_first(ev["commentary_paragraphs"])]
        ax.plot(ev["date"], y, marker=style["marker"], color=style["color"], markersize=8,
                linestyle="none")  # fmt: skip
    ax.set_yticks(range(len(cited)))
    labels = [
        f"{ev['date']:%Y}  {_short(ev['title'])}  ¶ {', '.join(ev['commentary_paragraphs'])}"
        for _, ev in cited.iterrows()
    ]
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(pd.Timestamp("1910-01-01"), pd.Timestamp("2030-01-01"))
    ax.set_xlabel("Year")
    ax.grid(axis="y", visible=False)
    ax.set_title(f"The events Yu Bin's commentary relies on\n({len(cited)} events, to {until[:4]})")
    handles = [Line2D([], [], marker=s["marker"], color=s["color"], linestyle="none",
                      label=s["label"]) for s in SECTION_STYLE.values()]  # fmt: skip
    ax.legend(handles=handles, title="First cited in section", loc="lower left", fontsize=8,
              title_fontsize=8)  # fmt: skip
    add_source_line(ax, "events and their sources in data/events.csv; paragraph numbers 1-17 "
                    "of Yu Bin, PacNet #8 (Feb 2022)")  # fmt: skip
    return ax
