"""Lesson 02 in a real browser: the triangle explorer reacts to the student's clicks, and the
new tables (partial years, groupby, trade legs, weighting by intensity) render as printed."""

from labkit import error_outputs, expect, open_and_run_all


def test_changing_a_relation_changes_the_configuration_shown(lab, page):
    open_and_run_all(page, lab, "02_strategic_triangle.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    explorer = nb.locator(".btp-triangle-explorer")
    summary = explorer.locator(".btp-summary")
    expect(summary).to_contain_text("Configuration: stable marriage")
    expect(summary).to_contain_text("outcast")
    # it starts from Figure 2.2's relations, so it names that figure instead of drawing it again
    note = explorer.locator(".btp-chart-note")
    expect(note).to_contain_text("drawn in Figure 2.2 above")
    expect(note).to_be_visible()
    explorer_chart = explorer.locator(".btp-chart")
    expect(explorer_chart).to_be_hidden()

    # the US makes up with China: China becomes the pivot of a romantic triangle
    nb.locator(".btp-relation-USA-CHN button", has_text="amity").click()
    expect(explorer_chart).to_be_visible()
    expect(note).to_be_hidden()
    expect(summary).to_contain_text("Configuration: romantic triangle")
    expect(summary).to_contain_text("United States makes up with USSR/Russia: wing")
    expect(summary.locator("tr", has_text="China")).to_contain_text("pivot")

    # China and Russia fall out as well: the US is now the pivot
    nb.locator(".btp-relation-CHN-RUS button", has_text="enmity").click()
    expect(summary).to_contain_text("Configuration: stable marriage")
    nb.locator(".btp-relation-USA-RUS button", has_text="amity").click()
    expect(summary.locator("tr", has_text="United States")).to_contain_text("pivot")
    expect(explorer_chart).to_be_visible()

    # unanswered exercises give friendly feedback, not a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    assert nb.locator(".jp-OutputArea-output", has_text="Not answered yet").count() == 5
    assert error_outputs(page) == []

    # partial years: 1949 from 1 October, 2022 only to 4 February (35 days)
    outputs = nb.locator(".jp-OutputArea-output")
    expect(outputs.filter(has_text="p2022").filter(has_text="0.096").first).to_be_visible()
    # the groupby scaffold before Exercise 2.3 prints years per configuration
    expect(outputs.filter(has_text="24.348").first).to_be_attached()
    # the trade legs of 2021 and the worked ratio before Exercise 2.4
    expect(outputs.filter(has_text="755.6000").first).to_be_attached()
    expect(outputs.filter(has_text="US–Russia trade was 0.25 times").first).to_be_attached()
    # optional sections: a 2025 thaw read as amity makes Russia the pivot; weighted years
    expect(outputs.filter(has_text="USSR/Russia: pivot (rank 1 of 6)").first).to_be_attached()
    expect(outputs.filter(has_text="58.948").first).to_be_attached()
