"""Lesson 01's explorer, driven without a browser: the cards, and what each filter shows."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core.sources import load_sources
from helpers.ledger.data import load_claims
from helpers.ledger.widgets import claim_card_html, ledger_explorer, source_links


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_claims()


def cards(box) -> int:
    return box.summary.value.count('class="btp-claim"')


def test_card_shows_quotation_paragraph_status_and_sources(claims):
    row = claims[claims["quotation"].str.contains("25 months")].iloc[0]
    card = claim_card_html(row, load_sources())
    assert "¶ 4" in card and "25 months earlier" in card and "✘" in card
    assert "states <b>25 months</b>, evidence gives <b>26.7</b>" in card
    assert 'href="http://eng.tibet.cn/' in card


def test_source_without_url_is_named_but_not_linked():
    sources = load_sources()
    sid = sources["source_id"].iloc[0]
    sources.loc[0, "url"] = None
    assert source_links([sid], sources).startswith(f'<span title="{sid}">')


def test_explorer_starts_with_every_claim_and_has_no_chart(claims):
    box = ledger_explorer(claims)
    assert set(box.controls) == {"kind", "topic", "status"}
    assert box.state() == {"kind": "all", "topic": "all", "status": "all"}
    assert f"<b>Showing {len(claims)} of {len(claims)} claims.</b>" in box.summary.value
    assert cards(box) == len(claims) and box.chart is None
    assert {"btp-explorer", "btp-ledger-explorer"} <= set(box._dom_classes)
    # amounts such as "$117.5 bn" must not be typeset as maths
    assert '<div class="btp-ledger-cards mathjax_ignore tex2jax_ignore">' in box.summary.value


def test_each_filter_changes_what_is_shown(claims):
    box = ledger_explorer(claims)
    c = box.controls
    c["status"].value = "error"
    assert f"<b>Showing 3 of {len(claims)} claims.</b>" in box.summary.value
    assert cards(box) == 3 and "Democracy Summit" in box.summary.value
    c["topic"].value = "energy"
    assert "No claim matches" in box.summary.value and cards(box) == 0
    c["status"].value, c["topic"].value, c["kind"].value = "all", "all", "normative"
    normative = int((claims["claim_type"] == "normative").sum())
    assert cards(box) == normative
    assert f"Showing {normative} of {len(claims)} claims" in box.summary.value
    c["kind"].value, c["topic"].value = "all", "trade"
    assert cards(box) == int((claims["topic"] == "trade").sum())


def test_filters_in_any_order_end_in_the_same_cards(claims):
    one, two = ledger_explorer(claims), ledger_explorer(claims)
    one.controls["kind"].value, one.controls["status"].value = "factual", "supported"
    two.controls["status"].value, two.controls["kind"].value = "supported", "factual"
    assert one.summary.value == two.summary.value
    wanted = claims[(claims["claim_type"] == "factual") & (claims["check_status"] == "supported")]
    assert cards(one) == len(wanted) > 0


def test_limit_caps_the_cards_but_not_the_count(claims):
    box = ledger_explorer(claims, limit=5)
    assert cards(box) == 5 and f"Showing {len(claims)} of {len(claims)}" in box.summary.value
