"""Lesson 01 in a real browser: the lesson runs, and the ledger explorer's filters work."""

import re

from labkit import error_outputs, expect, open_and_run_all

from helpers.ledger.data import load_claims, load_commentary


def test_ledger_explorer_filters_change_what_is_shown(lab, page):
    open_and_run_all(page, lab, "01_reading_a_commentary.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    url = load_commentary().metadata["url"]
    expect(nb.locator(".jp-MarkdownCell").first.locator(f'a[href="{url}"]')).to_be_visible()
    expect(nb.locator(".jp-RenderedImage img").first).to_be_visible()
    # the statement's passages, and where the commentary's quotations sit
    expect(nb.locator("table.dataframe", has_text="k_no_limits").first).to_be_visible()
    expect(
        nb.locator(".jp-OutputArea-output", has_text="['k_superior_to_alliances']")
    ).to_be_visible()
    ledger = nb.locator(".btp-ledger-explorer")
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

    # back to all topics and statuses: every claim again
    claims = load_claims()
    ledger.locator("select").nth(1).select_option("all")
    expect(summary).to_contain_text(re.compile(r"Showing 3 of \d+ claims"))
    expect(cards).to_have_count(3)
    ledger.locator("select").nth(2).select_option("all")
    expect(summary).to_contain_text(f"Showing {len(claims)} of {len(claims)} claims")
    expect(cards).to_have_count(total)

    # Kind: normative -> only normative claims
    # Each change above waits for the widget to show its result, as a reader does. Changing the
    # menus faster than that (within ~50 ms, on a loaded machine) once let the large update for
    # "all claims" reach the page after the small one for "normative": the kernel and the
    # server send them in order (checked), so the reordering is below this project's code.
    ledger.locator("select").nth(0).select_option("normative")
    normative = int((claims["claim_type"] == "normative").sum())
    expect(summary).to_contain_text(f"Showing {normative} of {len(claims)} claims")
    expect(cards).to_have_count(normative)
    for i in range(normative):
        expect(cards.nth(i)).to_contain_text("normative")
    # unanswered exercises give friendly feedback, not a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    assert error_outputs(page) == []
