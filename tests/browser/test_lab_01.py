"""Lesson 01 in a real browser: the lesson runs, and the ledger explorer's filters work."""

import re

from labkit import error_outputs, expect, open_and_run_all

from helpers.data import load_claims


def test_ledger_explorer_filters_change_what_is_shown(lab, page):
    open_and_run_all(page, lab, "01_reading_a_commentary.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    expect(nb.locator(".jp-RenderedImage img").first).to_be_visible()
    ledger = nb.locator(".btp-ledger")
    summary = ledger.locator(".btp-ledger-summary")
    cards = ledger.locator(".btp-claim")
    expect(summary).to_contain_text(re.compile(r"Showing (\d+) of \1 claims"))
    total = cards.count()
    assert total >= 40, f"only {total} claims shown before filtering"

    # Status: error -> only the three wrong claims, the Democracy Summit among them
    ledger.locator("select").nth(2).select_option("error")
    expect(summary).to_contain_text(re.compile(r"Showing 3 of \d+ claims"))
    expect(cards).to_have_count(3)
    expect(ledger.locator(".btp-ledger-cards")).to_contain_text("Democracy Summit")
    expect(cards.first).to_contain_text("evidence gives")

    # adding Topic: energy leaves nothing, and the widget says so
    ledger.locator("select").nth(1).select_option("energy")
    expect(summary).to_contain_text("No claim matches")
    expect(cards).to_have_count(0)

    # back to all statuses, Kind: normative -> only normative claims
    ledger.locator("select").nth(1).select_option("all")
    ledger.locator("select").nth(2).select_option("all")
    ledger.locator("select").nth(0).select_option("normative")
    # wait for the final state (each menu change passes through intermediate ones)
    claims = load_claims()
    normative = int((claims["claim_type"] == "normative").sum())
    expect(summary).to_contain_text(f"Showing {normative} of {len(claims)} claims")
    expect(cards).to_have_count(normative)
    for i in range(normative):
        expect(cards.nth(i)).to_contain_text("normative")
    # unanswered exercises give friendly feedback, not a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    assert error_outputs(page) == []
