"""A student's first five minutes, in a real browser.

Open JupyterLab at lesson 00, run all cells, see the chart, follow the link to lesson 01 and run
it too. No error appears, and no cell takes more than a few seconds: JupyterLab records each
cell's start and end (setting ``recordTiming``), the notebooks are saved, and the recorded
times are read back. The ceiling (10 s a cell) catches hangs and gross slow-downs; speed goals
proper are measured by ``make bench``.
"""

from __future__ import annotations

import json
from datetime import datetime

from labkit import error_outputs, expect, open_and_run_all, run_all_and_wait

from helpers.ledger.data import load_commentary

CEILING_S = 10.0


def cell_seconds(path) -> list[float]:
    """Seconds each code cell took, from the timing JupyterLab recorded in the saved file."""
    nb = json.loads(path.read_text())
    out = []
    for cell in nb["cells"]:
        timing = cell.get("metadata", {}).get("execution", {})
        if cell["cell_type"] == "code" and "shell.execute_reply" in timing:
            start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
            end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
            out.append((end - start).total_seconds())
    return out


def save(page) -> None:
    """File > Save Notebook, then wait until the current tab is no longer marked dirty."""
    page.locator(".lm-MenuBar-itemLabel", has_text="File").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Save Notebook").first.click()
    expect(page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")).to_have_count(0)


def test_first_five_minutes(lab, page):
    open_and_run_all(page, lab, "00_start_here.ipynb")
    panel = page.locator(".jp-NotebookPanel:visible")
    # the first thing a student sees is step 1: a link to the commentary
    url = load_commentary().metadata["url"]
    expect(panel.locator(".jp-MarkdownCell").first.locator(f'a[href="{url}"]')).to_be_visible()
    expect(panel.locator(".jp-RenderedImage img").first).to_be_visible()
    assert error_outputs(page) == []
    save(page)
    times_00 = cell_seconds(lab.root / "notebooks" / "00_start_here.ipynb")
    code_cells = panel.locator(".jp-CodeCell").count()
    saved = json.loads((lab.root / "notebooks" / "00_start_here.ipynb").read_text())
    first = next(c for c in saved["cells"] if c["cell_type"] == "code")
    assert len(times_00) == code_cells, f"not every code cell was timed: {first['metadata']}"

    # move on: the lesson map links to lesson 01
    panel.get_by_role("link", name="01 Reading a commentary as data").click()
    expect(page.locator(".lm-TabBar-tab.jp-mod-current")).to_contain_text("01_reading_a_commentary")
    run_all_and_wait(page, "01_reading_a_commentary.ipynb")
    assert error_outputs(page) == []
    save(page)
    times_01 = cell_seconds(lab.root / "notebooks" / "01_reading_a_commentary.ipynb")
    assert times_01, "lesson 01 ran"
    slowest = max(times_00 + times_01)
    assert slowest < CEILING_S, f"a cell took {slowest:.1f} s"
