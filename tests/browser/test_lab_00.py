"""Lesson 00 in a real browser: a student's first minutes."""

from labkit import error_outputs, expect, open_and_run_all

from helpers.ledger.data import load_commentary


def test_start_here_runs_and_shows_the_timeline(lab, page):
    open_and_run_all(page, lab, "00_start_here.ipynb")
    nb = page.locator(".jp-NotebookPanel:visible")
    # step 1: the commentary, linked in the first cell as data/commentary.json gives it
    url = load_commentary().metadata["url"]
    link = nb.locator(".jp-MarkdownCell").first.locator(f'a[href="{url}"]')
    expect(link).to_be_visible()
    expect(link).to_contain_text("Back to the Past")
    expect(nb.locator(".jp-MarkdownCell").nth(1)).to_contain_text("source criticism")
    chart = nb.locator(".jp-RenderedImage img").first
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400, "the timeline chart is too small or missing"
    # the events table rendered as HTML, with the joint statement's row in it
    expect(nb.locator("table.dataframe").first).to_contain_text("Putin in Beijing")
    # unanswered exercises give friendly feedback, not a traceback
    expect(nb.locator(".jp-OutputArea-output", has_text="Not answered yet").first).to_be_visible()
    # exercise 0.3 looks up a source the lesson did not print before it
    expect(
        nb.locator(".jp-OutputArea-output", has_text="sunsentinel_1992_02_02_camp_david")
    ).to_be_visible()
    # exercise 0.4's demonstration cell runs after a normal top-to-bottom run
    expect(nb.locator(".jp-OutputArea-output", has_text="events in the timeline")).to_be_visible()
    assert error_outputs(page) == []
