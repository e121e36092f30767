"""Lesson 00 in a real browser: a student's first minutes."""

from labkit import error_outputs, expect, open_and_run_all


def test_start_here_runs_and_shows_the_timeline(lab, page):
    open_and_run_all(page, lab, "00_start_here.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    chart = nb.locator(".jp-RenderedImage img").first
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400, "the timeline chart is too small or missing"
    # the events table rendered as HTML, with the joint statement's row in it
    expect(nb.locator("table.dataframe").first).to_contain_text("Putin in Beijing")
    # unanswered exercises give friendly feedback, not a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    assert error_outputs(page) == []
