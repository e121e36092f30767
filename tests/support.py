"""Shared helpers for tests (imported as `support`; pytest puts tests/ on sys.path)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Debian's Chromium and the flags every browser test starts it with (headless, as root, on a
#: closed network: without the background-networking flags it tries Google's hosts at start)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

LESSONS_AND_ASSIGNMENTS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "assignments" / "source").glob("*.ipynb")
)


def namespace_works() -> bool:
    """Can this user make a network namespace (``unshare -n``, normally root)?"""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


#: the work units of a parallel run (pytest -n 2 --dist loadscope, scripts/test_all.sh) that
#: take longest, started first so that neither worker is left with a long one at the end
HEAVY_FIRST = ("hub", "browser", "executed", "tests/assignments/test_assignments.py", "site")

#: the modules whose tests use the ``executed_notebooks`` session fixture (one inspected run of
#: every notebook); tests/notebooks/test_structure.py holds this list to the fixture's users
EXECUTED_MODULES = ("tests/notebooks/test_accessibility.py", "tests/notebooks/test_offline.py")


def work_unit(nodeid: str) -> str:
    """The work unit a test runs in under xdist: what shares an expensive fixture runs together.

    The real-browser, site and hub suites each share a server started once per session; the
    checks of the one inspected execution of every notebook share it; an nbval notebook's cells
    share one kernel (its module is the notebook); any other test runs with its module.

    >>> work_unit("tests/browser/test_lab_03.py::test_x"), work_unit("notebooks/00_a.ipynb::Cell 4")
    ('browser', 'notebooks/00_a.ipynb')
    """
    module = nodeid.split("::", 1)[0]
    parts = module.split("/")
    if len(parts) > 2 and parts[0] == "tests" and parts[1] in ("hub", "site", "browser"):
        return parts[1]
    return "executed" if module in EXECUTED_MODULES else module
