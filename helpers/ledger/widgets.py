"""The claim-ledger explorer of lesson 01: filter claims and read each with its evidence.

:func:`ledger_explorer` returns an :class:`helpers.core.widget.Explorer` with three drop-down
menus (kind of claim, topic, check status) and, as its summary, a line saying how many claims
are shown and one card per claim: the quotation with its paragraph, our paraphrase, how it
checks out and the sources, as links. It has no chart. Each card is written once, when the
explorer is built; a change of filter calls :func:`helpers.ledger.model.filter_claims` and picks
the cards. :func:`claim_card_html` is tested without a browser.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.core.sources import source_label, source_url
from helpers.core.widget import Explorer
from helpers.ledger.data import CHECK_STATUSES, CLAIM_TYPES, TOPICS, load_claims
from helpers.ledger.model import filter_claims

__all__ = ["STATUS_MARKS", "LedgerExplorer", "claim_card_html", "ledger_explorer", "source_links"]

#: A symbol for each check status, so the cards do not rely on colour alone.
STATUS_MARKS = {
    "supported": ("✔", "#e6f4ea"),
    "error": ("✘", "#fdecea"),
    "contested": ("⚖", "#fff4e0"),
    "not found": ("?", "#e8f4fb"),
    "no evidence": ("∅", "#e3ecf7"),
    "not checkable": ("–", "#f1f3f4"),
}


def source_links(source_ids: list[str], sources: pd.DataFrame | None = None) -> str:
    """HTML links to the sources, labelled like chart source lines ("Publisher year").

    ``sources`` is a bibliography to take the links from (default: ``data/sources.csv``, read
    once through :func:`helpers.core.sources.source_url`).

    Examples
    --------
    >>> from helpers.core.sources import load_sources
    >>> links = source_links(["state_gov_summit_for_democracy"], load_sources())
    >>> links[:9], source_links(["state_gov_summit_for_democracy"]) == links
    ('<a href="', True)
    """
    if sources is not None:
        urls = dict(zip(sources["source_id"], sources["url"], strict=True))
    parts = []
    for sid in source_ids:
        label = html.escape(source_label(sid))
        url = urls.get(sid) if sources is not None else _url(sid)
        if isinstance(url, str) and url:
            parts.append(f'<a href="{html.escape(url)}" target="_blank" title="{sid}">{label}</a>')
        else:
            parts.append(f'<span title="{sid}">{label}</span>')
    return "; ".join(parts)


def _url(source_id: str) -> str:
    """The source's url, or "" for an id the bibliography lacks (shown without a link)."""
    try:
        return source_url(source_id)
    except ValueError:
        return ""


def claim_card_html(claim: pd.Series, sources: pd.DataFrame | None = None) -> str:
    """One claim as an HTML card: quotation (¶), paraphrase, verdict, note and sources.

    Parameters
    ----------
    claim : pandas.Series
        One row of the claim ledger.
    sources : pandas.DataFrame, optional
        The bibliography (default: ``data/sources.csv``; see :func:`source_links`).

    Returns
    -------
    str
        HTML (every text escaped).

    Examples
    --------
    >>> from helpers.ledger.data import load_claims
    >>> from helpers.core.sources import load_sources
    >>> card = claim_card_html(load_claims().iloc[0], load_sources())
    >>> "¶ 1" in card and "contested" in card
    True
    """
    mark, colour = STATUS_MARKS[claim["check_status"]]
    number = ""
    if pd.notna(claim["value"]):
        number = f" · states <b>{claim['value']:g} {html.escape(str(claim['unit']))}</b>"
        if pd.notna(claim["checked_value"]):
            number += f", evidence gives <b>{claim['checked_value']:g}</b>"
    hindsight = " · <i>uses hindsight (after 4 Feb 2022)</i>" if claim["hindsight"] else ""
    return (
        f'<div class="btp-claim" data-claim="{html.escape(claim["claim_id"])}" '
        f'style="border-left:4px solid #888;background:{colour};padding:6px 10px;margin:6px 0">'
        f"<div><b>{html.escape(claim['claim_id'])}</b> · ¶ {int(claim['paragraph'])} · "
        f"“{html.escape(claim['quotation'])}”</div>"
        f"<div><i>In other words:</i> {html.escape(claim['paraphrase'])}</div>"
        f"<div><b>{html.escape(claim['claim_type'])}</b> · {html.escape(claim['topic'])} · "
        f"{mark} <b>{html.escape(claim['check_status'])}</b> "
        f"(confidence: {html.escape(claim['confidence'])}){number}{hindsight}</div>"
        f"<div><i>Evidence:</i> {html.escape(claim['check_note'])}</div>"
        f"<div><i>Sources:</i> {source_links(claim['source_id'], sources)}</div></div>"
    )


def _summary(shown: int, total: int) -> str:
    if shown == 0:
        return f"<b>No claim matches these filters</b> (of {total}). Try 'all' in one menu."
    return f"<b>Showing {shown} of {total} claims.</b>"


class LedgerExplorer(Explorer):
    """The claim ledger, filtered by three menus (see :func:`ledger_explorer`)."""

    css_class = "btp-ledger-explorer"

    def __init__(self, claims: pd.DataFrame, *, limit: int = 80) -> None:
        self._claims, self._limit = claims, limit
        # every card is written once (links from the cached bibliography); a filter picks them
        self._cards = {i: claim_card_html(row) for i, row in claims.iterrows()}
        menus = {
            name: widgets.Dropdown(
                options=("all", *choices),
                value="all",
                description=label,
                style={"description_width": "initial"},
            )
            for name, label, choices in (
                ("kind", "Kind:", CLAIM_TYPES),
                ("topic", "Topic:", TOPICS),
                ("status", "Status:", CHECK_STATUSES),
            )
        }
        super().__init__(menus)

    def describe(self, kind: str, topic: str, status: str) -> str:
        """The count of matching claims, then one card for each (at most ``limit``)."""
        shown = filter_claims(self._claims, claim_type=kind, topic=topic, check_status=status)
        body = "".join(self._cards[i] for i in shown.index[: self._limit])
        # mathjax_ignore: amounts like "$117.5 bn ... $80 bn" must not be typeset as maths
        # (JupyterLab typesets HTML widgets asynchronously, which also made the cards lag)
        return (
            f'<div class="btp-ledger-summary">{_summary(len(shown), len(self._claims))}</div>'
            f'<div class="btp-ledger-cards mathjax_ignore tex2jax_ignore">{body}</div>'
        )


def ledger_explorer(claims: pd.DataFrame | None = None, *, limit: int = 80) -> LedgerExplorer:
    """Build the explorer: three filters and the matching claims as cards.

    Parameters
    ----------
    claims : pandas.DataFrame, optional
        The ledger (default: :func:`helpers.ledger.data.load_claims`).
    limit : int
        At most this many cards are drawn at once.

    Returns
    -------
    LedgerExplorer
        An :class:`helpers.core.widget.Explorer`: ``controls`` are the menus ``kind``,
        ``topic`` and ``status``; ``summary`` holds the count and the cards; no chart.

    Examples
    --------
    >>> box = ledger_explorer()
    >>> box.controls["status"].value = "error"
    >>> box.summary.value.count('class="btp-claim"')
    3
    >>> "Showing 3 of 68 claims." in box.summary.value
    True
    """
    return LedgerExplorer(load_claims() if claims is None else claims, limit=limit)
