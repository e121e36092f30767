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
