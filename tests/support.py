"""Shared helpers for tests (imported as `support`; pytest puts tests/ on sys.path)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LESSONS_AND_ASSIGNMENTS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "assignments" / "source").glob("*.ipynb")
)


def namespace_works() -> bool:
    """Can this user make a network namespace (``unshare -n``, normally root)?"""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
