"""The predictions scorecard of lesson 05: give your verdict on each prediction, then compare.

:func:`predictions_scorecard` returns an ipywidgets box: one card per predictive claim of the
ledger (the quotation and what happened after 4 February 2022), a drop-down menu per claim for
the student's verdict, a "Compare with the ledger" button and a result line. The ledger's
verdicts stay hidden until the student has given all of theirs and pressed the button. The
callback is thin: it calls :func:`result_html`, which is tested without a browser.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from helpers.argument.data import load_hindsight
from helpers.argument.model import VERDICTS, compare_verdicts, scorecard
from helpers.ledger.data import load_claims

__all__ = ["NOT_CHOSEN", "prediction_card_html", "predictions_scorecard", "result_html"]

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
    >>> card = scorecard(load_claims(), hs).iloc[1]
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
        f"<b>You agree with the ledger on {agreed} of {len(table)} predictions.</b>"
        f"<ul>{''.join(lines)}</ul><div>{advice} The ledger's rule: all developments support → "
        "<i>borne out so far</i>; all weaken → <i>not borne out</i>; otherwise <i>mixed</i>."
        "</div>"
    )


def predictions_scorecard(
    claims: pd.DataFrame | None = None, hindsight: pd.DataFrame | None = None
) -> widgets.VBox:
    """Build the scorecard: a card and a verdict menu per prediction, a button and a result.

    Returns
    -------
    ipywidgets.VBox
        ``children``: one VBox per prediction (an HTML card and a Dropdown), then the Button,
        then the result (HTML).

    Examples
    --------
    >>> box = predictions_scorecard()
    >>> menus = [c.children[1] for c in box.children[:-2]]
    >>> for menu in menus:
    ...     menu.value = "mixed"
    >>> box.children[-2].click()
    >>> "You agree with the ledger on 2 of 3" in box.children[-1].value
    True
    """
    table = load_claims() if claims is None else claims
    later = load_hindsight() if hindsight is None else hindsight
    card = scorecard(table, later)
    style = {"description_width": "initial"}
    rows, menus = [], {}
    for _, row in card.iterrows():
        text = widgets.HTML(prediction_card_html(row, later))
        menu = widgets.Dropdown(options=(NOT_CHOSEN, *VERDICTS), value=NOT_CHOSEN,
                                description=f"Your verdict on {row['claim_id']}:",
                                style=style)  # fmt: skip
        menus[row["claim_id"]] = menu
        rows.append(widgets.VBox([text, menu]))
    button = widgets.Button(description="Compare with the ledger", button_style="info",
                            tooltip="Show the ledger's verdicts beside yours")  # fmt: skip
    result = widgets.HTML("<i>Choose a verdict for each prediction, then compare.</i>")
    result.add_class("btp-scorecard-result")

    def compare(_button: object = None) -> None:
        result.value = result_html(card, {k: m.value for k, m in menus.items()})

    button.on_click(compare)
    box = widgets.VBox([*rows, button, result])
    box.add_class("btp-scorecard")
    return box
