"""Fixtures for real-browser tests: JupyterLab in headless Debian Chromium, driven by Playwright.

One JupyterLab server for the whole session (127.0.0.1, a free port, a random token, throw-away
settings/workspace/runtime dirs, stopped with its kernels by process group) serving copies of
the lessons WITHOUT stored outputs, so that everything the tests see comes from this run. One
Chromium with a fresh profile. Never `playwright install`: it would download a browser.

The helpers for tests live in ``labkit.py`` beside this file. Use in a test::

    from labkit import expect, open_and_run_all

    def test_x(lab, page):
        open_and_run_all(page, lab, "00_start_here.ipynb")
        expect(page.locator(".jp-RenderedImage img").first).to_be_visible()
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from labkit import KERNEL_IDLE, Lab  # noqa: F401 - re-exported for tests

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
from support import CHROMIUM  # noqa: E402 (one definition)

SHOTS = ROOT / "tests" / "browser" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _copy_without_outputs(src: Path, dest: Path) -> None:
    nb = nbformat.read(src, as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, dest)


@pytest.fixture(scope="session")
def lab() -> Iterator[Lab]:
    """Start JupyterLab over clean copies of notebooks/ (and data/, README.md for links)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
    tmp = Path(tempfile.mkdtemp(prefix="btp-lab-"))
    root = tmp / "root"
    (root / "notebooks").mkdir(parents=True)
    for src in sorted((ROOT / "notebooks").glob("*.ipynb")):
        _copy_without_outputs(src, root / "notebooks" / src.name)
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "README.md", root / "README.md") if (ROOT / "README.md").exists() else None
    settings = tmp / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    # render every cell (no virtual scrolling), so tests can find outputs anywhere in a lesson
    tracker = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none", "recordTiming": true}'
    )
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
        PATH=f"{VENV_BIN}:{os.environ['PATH']}",
        PYTHONFAULTHANDLER="1",  # a kernel that crashes prints where, into the server log
    )
    env.pop("MPLBACKEND", None)  # kernels must use the inline backend, as for a student
    cmd = [
        str(VENV_BIN / "jupyter"),
        "lab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "jupyter lab did not start:\n" + (tmp / "server.log").read_text()
                    ) from None
                time.sleep(0.25)
        yield Lab(base, token, root)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(chromium_browser):
    """The run's one headless Chromium (tests/conftest.py); each test gets its own context."""
    return chromium_browser


@pytest.fixture
def page(browser, lab, request):
    """A fresh browser context (no shared storage) and tab per test; a screenshot on failure.

    Afterwards every kernel session is shut down and the served notebooks are restored to
    their clean (output-free) copies, so that no test sees another test's kernel or saves.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        SHOTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
        _report_server_log(lab, request.node.name)
    context.close()
    _reset(lab)


def _report_server_log(lab: Lab, name: str, lines: int = 80) -> None:
    """After a failure: the server log's last lines on stderr (a dead or restarted kernel, a
    dropped websocket show there) and the whole log beside the screenshot."""
    log = lab.root.parent / "server.log"
    if not log.exists():
        return
    text = log.read_text(errors="replace")
    (SHOTS / f"{name}.server.log").write_text(text)
    tail = "\n".join(text.splitlines()[-lines:])
    print(f"--- the JupyterLab server log's last {lines} lines ---\n{tail}", file=sys.stderr)


def _reset(lab: Lab) -> None:
    """Shut down all kernel sessions and restore clean copies of the notebooks."""
    api = f"{lab.base}/api/sessions?token={lab.token}"
    for session in json.loads(urllib.request.urlopen(api, timeout=10).read()):
        url = f"{lab.base}/api/sessions/{session['id']}?token={lab.token}"
        urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=30).read()
    for src in sorted((ROOT / "notebooks").glob("*.ipynb")):
        _copy_without_outputs(src, lab.root / "notebooks" / src.name)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
