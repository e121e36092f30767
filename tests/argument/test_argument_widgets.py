"""Lesson 05's predictions explorer, driven without a browser: every menu and the button."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.argument.data import load_hindsight
from helpers.argument.model import scorecard
from helpers.argument.widgets import NOT_CHOSEN, PROMPT, predictions_explorer, result_html
from helpers.ledger.data import load_claims


@pytest.fixture(scope="module")
def card():
    return scorecard(load_claims(), load_hindsight())


def test_result_asks_for_missing_verdicts_first(card):
    html = result_html(card, {"c14": "mixed", "c42": "mixed", "c57": NOT_CHOSEN, "c67": None})
    assert html == "<b>Choose a verdict for c57, c67 first.</b>"


def test_controls_are_one_menu_per_prediction_and_there_is_no_chart(card):
    box = predictions_explorer()
    assert list(box.controls) == list(card["claim_id"]) == ["c14", "c42", "c57", "c67"]
    assert box.chart is None and box.summary.value == PROMPT
    assert box.state() == {"c14": NOT_CHOSEN, "c42": NOT_CHOSEN, "c57": NOT_CHOSEN,
                           "c67": NOT_CHOSEN, "compared": False}  # fmt: skip
    for claim, menu in box.controls.items():
        assert menu.description == f"Your verdict on {claim}:"
    assert box.compare.description == "Compare with the ledger"
    assert {"btp-explorer", "btp-predictions-explorer"} <= set(box._dom_classes)


def test_widget_hides_the_ledger_until_compared_then_shows_agreement():
    box = predictions_explorer()
    *cards, button, summary = box.children
    assert len(cards) == 4 and button is box.compare and summary is box.summary
    verdicts = ["mixed", "mixed", "borne out so far", "mixed"]
    for card_box, verdict in zip(cards, verdicts, strict=True):
        html, menu = card_box.children
        assert "hindsight, after 4 Feb 2022" in html.value
        menu.value = verdict
        assert box.summary.value == PROMPT  # nothing of the ledger's shows before the button
    button.click()
    assert "You agree with the ledger on 3 of 4 scored claims" in box.summary.value
    assert "✘ you differ" in box.summary.value
    assert "the ledger says <i>mixed</i>" in box.summary.value


@pytest.mark.parametrize("claim", ["c14", "c42", "c57", "c67"])
def test_each_menu_changed_after_comparing_asks_for_a_new_comparison(claim):
    box = predictions_explorer()
    for menu in box.controls.values():
        menu.value = "mixed"
    box.compare.click()
    before = box.summary.value
    assert "of 4 scored claims" in before
    box.controls[claim].value = "not borne out"
    assert box.summary.value == PROMPT  # the comparison shown is never of other verdicts
    box.compare.click()
    verdicts = {c: m.value for c, m in box.controls.items()}
    assert box.summary.value == result_html(scorecard(load_claims(), load_hindsight()), verdicts)
    box.controls[claim].value = "mixed"  # back to the verdicts compared first: not yet compared
    assert box.summary.value == PROMPT


def test_compare_again_after_a_change_counts_the_new_verdict():
    box = predictions_explorer()
    for menu, verdict in zip(box.controls.values(), ["mixed", "mixed", "not borne out", "mixed"],
                             strict=True):  # fmt: skip
        menu.value = verdict
    box.compare.click()
    box.controls["c57"].value = "mixed"
    box.compare.click()
    assert "4 of 4" in box.summary.value


def test_widget_with_one_menu_unset_says_which():
    box = predictions_explorer()
    box.controls["c14"].value = "mixed"
    box.controls["c42"].value = "mixed"
    box.compare.click()
    assert box.summary.value == "<b>Choose a verdict for c57, c67 first.</b>"


def test_cards_quote_the_ledger(card):
    box = predictions_explorer()
    claims = load_claims().set_index("claim_id")
    for card_box, claim_id in zip(box.children[:4], card["claim_id"], strict=True):
        quote = claims.loc[claim_id, "quotation"]
        assert pd.notna(quote)
        assert f'data-claim="{claim_id}"' in card_box.children[0].value
        assert card_box.children[1] is box.controls[claim_id]
