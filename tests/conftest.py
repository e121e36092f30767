"""Shared test fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HEAVY_FIRST,
    LESSONS_AND_ASSIGNMENTS,
    namespace_works,
    work_unit,
)

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture
def corrupt(tmp_path):
    """Write a corrupted copy of a data file: corrupt("events.csv", lambda text: ...) -> Path."""

    def make(name: str, change, *, binary: bool = False) -> Path:
        target = tmp_path / name
        if binary:
            target.write_bytes(change((DATA / name).read_bytes()))
        else:
            target.write_text(change((DATA / name).read_text(encoding="utf-8")), encoding="utf-8")
        return target

    return make


@pytest.fixture(scope="session")
def executed_notebooks(tmp_path_factory):
    """Run every lesson and assignment once, offline where possible, inspecting figures/widgets.

    Returns a dict: ``offline`` (bool), ``returncode``, ``stdout`` and ``report`` (per notebook:
    figures and widgets, see scripts/run_notebooks.py).
    """
    report = tmp_path_factory.mktemp("run") / "inspection.json"
    names = " ".join(str(p.relative_to(ROOT)) for p in LESSONS_AND_ASSIGNMENTS)
    command = f"{sys.executable} scripts/run_notebooks.py --inspect {report} {names}"
    offline = namespace_works()
    argv = (
        ["unshare", "-n", "sh", "-c", f"ip link set lo up && {command}"]
        if offline
        else ["sh", "-c", command]
    )
    out = subprocess.run(argv, capture_output=True, text=True, timeout=1800, cwd=ROOT)
    found = json.loads(report.read_text()) if report.exists() else {}
    return {
        "offline": offline,
        "returncode": out.returncode,
        "stdout": out.stdout + out.stderr,
        "report": found,
    }


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the whole run, shared by tests/browser and tests/site.

    Playwright's sync API runs one instance per thread: a second ``sync_playwright()`` started
    while the first is alive fails ("Sync API inside the asyncio loop"), so every suite in the
    main thread takes this one (tests/hub drives its own in a thread of its own).
    """
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# conftest files hold fixtures, not doctests: keep --doctest-modules from importing them twice
collect_ignore = ["conftest.py", "browser/conftest.py"]


def pytest_xdist_make_scheduler(config, log):
    """Under ``--dist loadscope``, schedule by :func:`work_unit`.

    (xdist's ``loadgroup`` marks cannot be used: xdist 3.8 tags a test's group by rewriting
    ``item._nodeid``, which pytest 9 no longer reads, so every test became its own unit and an
    nbval notebook's cells were split between the workers.)
    """
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return ByWorkUnit(config, log)


def pytest_collection_modifyitems(config, items):
    """Mark each test by where it lives (browser/, notebooks/, assignments/ or unit); in an
    xdist worker, put the heaviest work units first (the scheduler hands them out in order)."""
    if hasattr(config, "workerinput"):
        order = {unit: i for i, unit in enumerate(HEAVY_FIRST)}
        items.sort(key=lambda item: order.get(work_unit(item.nodeid), len(order)))
    for item in items:
        path = Path(str(item.fspath)).resolve()
        top = path.relative_to(ROOT).parts[0]
        where = path.relative_to(ROOT / "tests").parts[0] if top == "tests" else top
        if where in ("browser", "site"):  # a real browser: not unit
            item.add_marker(pytest.mark.browser)
        elif where == "hub":  # the real JupyterHub is marked slow in its module; the rest is unit
            item.add_marker(
                pytest.mark.browser if item.get_closest_marker("slow") else pytest.mark.unit
            )
        elif where in ("notebooks", "assignments"):
            item.add_marker(pytest.mark.notebooks)
            if where == "assignments":
                item.add_marker(pytest.mark.slow)
        else:
            item.add_marker(pytest.mark.unit)
