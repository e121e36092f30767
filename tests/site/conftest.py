"""Fixtures for the course-website tests: one site build, one static server, one Chromium.

The site is built once per session (scripts/site_build.py, as `make site` runs it, into a
temporary folder, offline where a network namespace can be made), served by a static file
server on 127.0.0.1, and opened in headless Debian Chromium with Playwright. Never
`playwright install`: it would download a browser.
"""

from __future__ import annotations

import functools
import http.server
import json
import socketserver
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitekit import HUB, REPO, ROOT


@dataclass
class Built:
    out: Path
    src: Path
    returncode: int
    log: str
    report: dict
    bench: dict


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Built:
    """Build the site once, as `make site` does, into a temporary folder."""
    tmp = tmp_path_factory.mktemp("site")
    out, src, bench = tmp / "html", tmp / "src", tmp / "site.json"
    argv = [sys.executable, "scripts/site_build.py", "--repo", REPO, "--hub", HUB]
    argv += ["--out", str(out), "--src", str(src), "--bench", str(bench)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=900)
    report_file = src / "render-report.json"
    return Built(
        out=out,
        src=src,
        returncode=done.returncode,
        log=done.stdout + done.stderr,
        report=json.loads(report_file.read_text()) if report_file.exists() else {},
        bench=json.loads(bench.read_text()) if bench.exists() else {},
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """Serve the built site on 127.0.0.1 (a free port) for the session."""
    assert site.returncode == 0, site.log
    handler = functools.partial(_Quiet, directory=str(site.out))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_browser(chromium_browser):
    """The run's one headless Chromium (tests/conftest.py), shared with tests/browser."""
    return chromium_browser


@pytest.fixture
def site_page(site_browser, site_url):
    """A fresh context and tab; requests to any host but the local server are refused."""
    context = site_browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(site_url) else route.abort()
        ),
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


# this file holds fixtures, not doctests: keep --doctest-modules from importing it twice
collect_ignore = ["conftest.py"]
