"""Lesson 05 in a real browser: the lesson runs, and the scorecard of the scored claims answers."""

import re

from labkit import error_outputs, expect, open_and_run_all


def test_scorecard_hides_then_compares_the_students_verdicts(lab, page):
    open_and_run_all(page, lab, "05_back_to_the_past.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    charts = nb.locator(".jp-RenderedImage img")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 4, "the argument map, the hindsight chart and the two optional charts"
    # dollar signs in the text are shown as dollars, not typeset as maths
    assert nb.locator(".jp-RenderedMarkdown mjx-container").count() == 0, "text typeset as maths"
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    assert error_outputs(page) == []

    card = nb.locator(".btp-predictions-explorer")
    predictions = card.locator(".btp-prediction")
    expect(predictions).to_have_count(4)  # the four scored claims: c14, c42, c57, c67
    expect(predictions.nth(2)).to_contain_text("¶ 13")
    expect(predictions.nth(2)).to_contain_text("hindsight, after 4 Feb 2022")
    expect(predictions.nth(2)).to_contain_text("▼ weakens")  # evidence on both sides
    result = card.locator(".btp-summary")
    expect(result).to_contain_text("Choose a verdict for each scored claim")
    menus = card.locator("select")
    expect(menus).to_have_count(4)

    # one verdict only: the widget asks for the other three and still hides the ledger's
    menus.nth(0).select_option("mixed")
    card.locator("button", has_text="Compare with the ledger").click()
    expect(result).to_have_text("Choose a verdict for c42, c57, c67 first.")
    expect(result).not_to_contain_text("borne out")

    # all four, one of them (c57) different from the ledger's
    menus.nth(1).select_option("mixed")
    menus.nth(2).select_option("not borne out")
    menus.nth(3).select_option("mixed")
    card.locator("button", has_text="Compare with the ledger").click()
    expect(result).to_contain_text("You agree with the ledger on 3 of 4 scored claims")
    differ = result.locator(".btp-verdict[data-claim='c57']")
    expect(differ).to_contain_text("✘ you differ")
    expect(differ).to_contain_text("the ledger says mixed")

    # change the verdict with the keyboard and compare again
    menus.nth(2).focus()
    menus.nth(2).select_option("mixed")
    expect(result).to_contain_text("then compare")  # a changed verdict needs a new comparison
    card.locator("button", has_text="Compare with the ledger").press("Enter")
    expect(result).to_contain_text(re.compile(r"on 4 of 4 scored claims"))
    expect(result.locator(".btp-verdict", has_text="✔ you agree")).to_have_count(4)
    assert error_outputs(page) == []
