"""The predictions explorer of lesson 05: give your verdict on each scored claim, then compare.

:func:`predictions_explorer` returns an :class:`helpers.core.widget.Explorer` without a chart:
one card per claim that the hindsight scores (``data/hindsight_scoring.csv``: the central
prediction and three interpretive claims), with the quotation and what happened after 4 February
2022, a drop-down menu per claim for the student's verdict, a "Compare with the ledger" button
and, as its summary, the result. The ledger's verdicts stay hidden until the student has given
all of theirs and pressed the button. The summary is :func:`result_html`, which is tested
without a browser.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import pandas as pd

from helpers.argument.data import load_hindsight
from helpers.argument.model import VERDICTS, compare_verdicts, scorecard
from helpers.core.widget import Explorer
from helpers.ledger.data import load_claims

__all__ = [
    "NOT_CHOSEN",
    "PROMPT",
    "PredictionsExplorer",
    "prediction_card_html",
    "predictions_explorer",
    "result_html",
]

#: The menu's first entry: no verdict chosen yet.
NOT_CHOSEN = "(choose)"
_EFFECT_MARKS = {"supports": "▲ supports", "mixed": "◆ mixed", "weakens": "▼ weakens"}


def prediction_card_html(row: pd.Series, hindsight: pd.DataFrame) -> str:
    """One prediction as an HTML card: the quotation (¶) and the later developments.

    Examples
    --------
    >>> from helpers.ledger.data import load_claims
    >>> from helpers.argument.data import load_hindsight
    >>> hs = load_hindsight()
    >>> card = scorecard(load_claims(), hs).iloc[2]
    >>> html_card = prediction_card_html(card, hs)
    >>> "¶ 13" in html_card and "after 4 Feb 2022" in html_card
    True
    """
    later = hindsight[hindsight["claim_id"] == row["claim_id"]].sort_values("date")
    items = "".join(
        f"<li>{h['date']:%d %b %Y} · {_EFFECT_MARKS[h['effect']]}: "
        f"{html.escape(h['development'])} <i>({html.escape(h['reason'])})</i></li>"
        for _, h in later.iterrows()
    )
    if not items:
        items = "<li>No development in the data bears on it yet.</li>"
    return (
        f'<div class="btp-prediction" data-claim="{html.escape(row["claim_id"])}" '
        'style="border-left:4px solid #888;padding:4px 10px;margin:6px 0">'
        f"<div><b>{html.escape(row['claim_id'])}</b> · ¶ {int(row['paragraph'])} · "
        f"“{html.escape(row['quotation'])}”</div>"
        f"<div><i>What happened (hindsight, after 4 Feb 2022):</i><ul>{items}</ul></div></div>"
    )


def result_html(card: pd.DataFrame, answers: dict[str, str | None]) -> str:
    """The comparison shown after "Compare with the ledger" is pressed.

    Parameters
    ----------
    card : pandas.DataFrame
        From :func:`helpers.argument.model.scorecard`.
    answers : dict
        ``claim_id -> verdict``; ``None`` or :data:`NOT_CHOSEN` means not chosen yet.

    Returns
    -------
    str
        HTML: a request to choose the missing verdicts, or one line per claim (✔ agree /
        ✘ differ, with both verdicts) and a count.

    Examples
    --------
    >>> card = pd.DataFrame({"claim_id": ["c33", "c57"], "verdict": ["mixed", "borne out so far"]})
    >>> result_html(card, {"c33": "mixed", "c57": None})
    '<b>Choose a verdict for c57 first.</b>'
    >>> "You agree with the ledger on 1 of 2" in result_html(card, {"c33": "mixed", "c57": "mixed"})
    True
    """
    cleaned = {k: (None if v in (None, NOT_CHOSEN) else v) for k, v in answers.items()}
    missing = [c for c in card["claim_id"] if cleaned.get(c) is None]
    if missing:
        return f"<b>Choose a verdict for {', '.join(missing)} first.</b>"
    table = compare_verdicts(card, cleaned)
    lines = []
    for _, row in table.iterrows():
        mark = "✔ you agree" if row["agree"] else "✘ you differ"
        lines.append(
            f'<li class="btp-verdict" data-claim="{html.escape(row["claim_id"])}">'
            f"<b>{html.escape(row['claim_id'])}</b>: {mark}. You said <i>"
            f"{html.escape(row['yours'])}</i>; the ledger says <i>{html.escape(row['ledger'])}"
            "</i>.</li>"
        )
    agreed = int(table["agree"].sum())
    advice = (
        "Where you differ, which development do you weigh differently? Use it in the synthesis."
        if agreed < len(table)
        else "Could a later development change any of these verdicts?"
    )
    return (
        f"<b>You agree with the ledger on {agreed} of {len(table)} scored claims.</b>"
        f"<ul>{''.join(lines)}</ul><div>{advice} The ledger's rule: all developments support → "
        "<i>borne out so far</i>; all weaken → <i>not borne out</i>; otherwise <i>mixed</i>. "
        "A count is not a weighing: which developments cost their authors something?"
        "</div>"
    )


#: The summary before the student compares (and again after a verdict changes).
PROMPT = "<i>Choose a verdict for each scored claim, then compare.</i>"


class PredictionsExplorer(Explorer):
    """One card and verdict menu per prediction, a "Compare" button and the comparison.

    It has no chart. Its state is the verdicts plus ``compared``: whether the button has been
    pressed since the verdicts took their current values. The summary shows the comparison
    only then, so a verdict changed after comparing hides it until the button is pressed
    again.
    """

    css_class = "btp-predictions-explorer"

    def __init__(self, card: pd.DataFrame, hindsight: pd.DataFrame) -> None:
        self._card = card
        self._compared: dict[str, Any] | None = None  # the verdicts when last compared
        style = {"description_width": "initial"}
        menus, self._texts = {}, {}
        for _, row in card.iterrows():
            claim = row["claim_id"]
            self._texts[claim] = widgets.HTML(prediction_card_html(row, hindsight))
            menus[claim] = widgets.Dropdown(
                options=(NOT_CHOSEN, *VERDICTS),
                value=NOT_CHOSEN,
                description=f"Your verdict on {claim}:",
                style=style,
            )
        self.compare = widgets.Button(
            description="Compare with the ledger",
            button_style="info",
            tooltip="Show the ledger's verdicts beside yours",
        )
        super().__init__(menus)
        self.compare.on_click(self._press)

    def arrange(self) -> list[widgets.Widget]:
        """Each prediction's card above its menu, then the button."""
        rows = [widgets.VBox([self._texts[c], menu]) for c, menu in self.controls.items()]
        return [*rows, self.compare]

    def state(self) -> dict[str, Any]:
        """The verdicts, by claim id, and ``compared`` (pressed since they last changed)."""
        verdicts = super().state()
        return {**verdicts, "compared": verdicts == self._compared}

    def describe(self, compared: bool = False, **verdicts: str) -> str:
        """:data:`PROMPT` until compared, then :func:`result_html` of the verdicts."""
        return result_html(self._card, verdicts) if compared else PROMPT

    def _press(self, _button: object = None) -> None:
        self._compared = super().state()
        self.redraw()


def predictions_explorer(
    claims: pd.DataFrame | None = None, hindsight: pd.DataFrame | None = None
) -> PredictionsExplorer:
    """Build the scorecard: a card and a verdict menu per prediction, a button and a result.

    Parameters
    ----------
    claims : pandas.DataFrame, optional
        The ledger (default: :func:`helpers.ledger.data.load_claims`).
    hindsight : pandas.DataFrame, optional
        Later developments (default: :func:`helpers.argument.data.load_hindsight`).

    Returns
    -------
    PredictionsExplorer
        An :class:`helpers.core.widget.Explorer` without a chart: ``controls`` are the verdict
        menus, by claim id; ``compare`` is the button; ``summary`` the result.

    Examples
    --------
    >>> box = predictions_explorer()
    >>> for menu in box.controls.values():
    ...     menu.value = "mixed"
    >>> box.compare.click()
    >>> "You agree with the ledger on 4 of 4" in box.summary.value
    True
    """
    later = load_hindsight() if hindsight is None else hindsight
    card = scorecard(load_claims() if claims is None else claims, later)
    return PredictionsExplorer(card, later)
