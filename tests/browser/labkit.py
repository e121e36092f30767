"""Helpers for the real-browser tests (the fixtures are in conftest.py beside this file)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import expect

expect.set_options(timeout=45_000)  # first widget render needs kernel + widget manager

KERNEL_IDLE = re.compile(r"Python 3 \(ipykernel\) \| Idle")

__all__ = ["KERNEL_IDLE", "Lab", "error_outputs", "expect", "open_and_run_all", "run_all_and_wait"]


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: its base URL, token and served folder."""

    base: str
    token: str
    root: Path


def open_and_run_all(page, lab: Lab, name: str) -> None:
    """Open ``notebooks/NAME`` in a fresh workspace, wait for an idle kernel, run all cells."""
    page.goto(f"{lab.base}/lab/tree/notebooks/{name}?reset&token={lab.token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    run_all_and_wait(page, name)


def run_all_and_wait(page, name: str) -> None:
    """In the visible notebook: wait for a live idle kernel, Run > Run All Cells, wait till done.

    Done means every code cell has a number prompt and the kernel is idle again.
    """
    # the toolbar says "idle" before a kernel exists; the status bar names the live kernel, but
    # right after switching tabs it still shows the previous notebook: wait for this one's name
    status = page.locator("#jp-main-statusbar")
    expect(status).to_contain_text(name)
    expect(status).to_contain_text(KERNEL_IDLE)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    prompts = page.locator(".jp-NotebookPanel:visible .jp-CodeCell .jp-InputPrompt")
    expect(prompts.last).to_have_text(re.compile(r"\[\d+\]:"), timeout=120_000)
    for i in range(prompts.count()):
        expect(prompts.nth(i)).to_have_text(re.compile(r"\[\d+\]:"))
    expect(page.locator("#jp-main-statusbar")).to_contain_text(KERNEL_IDLE)


def error_outputs(page) -> list[str]:
    """Texts of error or stderr outputs in the visible notebook (should be empty)."""
    sel = (
        ".jp-NotebookPanel:visible .jp-OutputArea-output[data-mime-type="
        "'application/vnd.jupyter.stderr']"
    )
    return page.locator(sel).all_inner_texts()
