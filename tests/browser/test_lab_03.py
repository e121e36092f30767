"""Lesson 03 in a real browser: the lesson runs, and both widgets answer the student."""

import re

from labkit import error_outputs, expect, open_and_run_all


def test_trade_lesson_runs_and_both_widgets_respond(lab, page):
    open_and_run_all(page, lab, "03_trade_energy.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    charts = nb.locator(".jp-RenderedImage img")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 9, "the nine static charts did not all render"
    # dollar signs in the text are shown as dollars, not typeset as maths
    expect(nb.locator(".jp-RenderedMarkdown", has_text='"$117.5 billion"').first).to_be_visible()
    assert nb.locator(".jp-RenderedMarkdown mjx-container").count() == 0, "text typeset as maths"
    # unanswered exercises give friendly feedback, not a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    assert error_outputs(page) == []

    # --- the target calculator: slider (keyboard), number box, dropdown -------------------
    calc = nb.locator(".btp-target-explorer")
    summary = calc.locator(".btp-summary")
    expect(summary).to_contain_text("reaching $250 bn by 2024 needs +19.4% a year")
    # it starts from Figure 3.5's settings, so it names that figure instead of drawing it again
    expect(calc.locator(".btp-chart-note", has_text="drawn in Figure 3.5 above")).to_be_visible()
    expect(calc.locator(".btp-chart")).to_be_hidden()
    calc.locator(".widget-slider .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    expect(calc.locator(".widget-slider .widget-readout")).to_have_text("2025")
    expect(calc.locator(".btp-chart")).to_be_visible()
    expect(calc.locator(".btp-chart-note")).to_be_hidden()
    expect(summary).to_contain_text("needs +14.2% a year")
    expect(summary).to_contain_text("$228.1 bn in 2025")
    target = calc.locator("input[type=number]")
    target.fill("200")
    target.press("Enter")
    expect(summary).to_contain_text("reaching $200 bn by 2025")
    calc.locator("select").select_option("2018")
    expect(summary).to_contain_text("From $106.7 bn in 2018")

    # --- the trade explorer: series dropdown, unit and scale buttons ----------------------
    explorer = nb.locator(".btp-trade-explorer")
    said = explorer.locator(".btp-summary")
    expect(said).to_contain_text("Russia's figures: $4.4 bn in 1992")
    note = explorer.locator(".btp-chart-note", has_text="drawn in Figure 3.1 above")
    expect(note).to_be_visible()
    expect(explorer.locator(".btp-chart")).to_be_hidden()
    explorer.locator("select").select_option("China's customs")
    expect(said).not_to_contain_text("Russia's figures")
    expect(said).to_contain_text("China's customs: $5.8 bn in 1992")
    expect(explorer.locator(".btp-chart")).to_be_visible()
    explorer.locator("button", has_text="share of trade").click()
    expect(said).to_contain_text("China's share of Russia's trade")
    log_button = explorer.locator("button", has_text=re.compile(r"^log$"))
    log_button.click()
    expect(log_button).to_have_class(re.compile(r"mod-active"))
    expect(explorer.locator(".btp-chart")).to_be_visible()
    assert error_outputs(page) == []
