"""Every lesson and assignment runs with the network switched off.

The notebooks are executed (once per test session, see ``executed_notebooks`` in conftest.py)
inside a new network namespace (``unshare -n``) in which only the loopback interface exists, so
any attempt to reach the internet fails at once. Where network namespaces are not allowed (not
root), the test is skipped with the reason.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from support import LESSONS_AND_ASSIGNMENTS, namespace_works

pytestmark = pytest.mark.skipif(not namespace_works(), reason="needs `unshare -n` (root)")


def test_namespace_really_has_no_network():
    probe = f'{sys.executable} -c "import socket; print([n for _, n in socket.if_nameindex()])"'
    out = subprocess.run(
        ["unshare", "-n", "sh", "-c", f"ip link set lo up && {probe}"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['lo']"


def test_every_notebook_runs_offline(executed_notebooks):
    assert executed_notebooks["offline"]
    assert executed_notebooks["returncode"] == 0, executed_notebooks["stdout"]
    ok_lines = [ln for ln in executed_notebooks["stdout"].splitlines() if ln.startswith("ok  ")]
    assert len(ok_lines) == len(LESSONS_AND_ASSIGNMENTS)
