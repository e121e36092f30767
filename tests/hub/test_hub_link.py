"""`make hub-link`: the nbgitpuller links, and the guide's copy of the hub configuration."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from hubkit import CONFIG, ROOT, hub_link

GUIDE = ROOT / "docs" / "guide" / "hub.md"


def test_each_lesson_gets_a_link_that_clones_the_repo_and_opens_the_lesson():
    out = subprocess.run(
        [sys.executable, "scripts/hub_link.py", "--hub", "https://hub.uni.example/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    links = re.findall(r"^   (\S+)$", out, flags=re.M)
    lessons = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(links) == len(lessons) == 6
    for url, lesson in zip(links, lessons, strict=True):
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == ("https", "hub.uni.example")
        assert parts.path == "/hub/user-redirect/git-pull"
        query = parse_qs(parts.query)
        assert query == {
            "repo": ["https://github.com/back-to-the-past/back-to-the-past"],
            "branch": ["main"],
            "urlpath": [f"lab/tree/back-to-the-past/notebooks/{lesson}"],
        }


def test_the_site_buttons_and_make_hub_link_give_the_same_link():
    if str(ROOT / "scripts") not in sys.path:
        sys.path.append(str(ROOT / "scripts"))
    site_build = __import__("site_build")
    for lesson in ("notebooks/00_start_here.ipynb", "notebooks/03_trade_energy.ipynb"):
        ours = hub_link.link("https://h.example", "https://github.com/o/r", lesson, "main")
        assert ours == site_build.hub_url("https://h.example", "o/r", lesson)


def test_a_hub_address_without_a_scheme_is_refused_with_a_message():
    out = subprocess.run(
        [sys.executable, "scripts/hub_link.py", "--hub", "hub.uni.example"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2 and "https://hub.example.org" in out.stderr


def test_the_guide_shows_the_exact_hub_configuration_the_test_uses():
    guide = GUIDE.read_text(encoding="utf-8")
    block = re.search(
        r"<!-- hub-config:start -->\n```python\n(.*?)```\n<!-- hub-config:end -->", guide, re.S
    )
    assert block, "docs/guide/hub.md has no hub-config block"
    assert block.group(1) == CONFIG.read_text(encoding="utf-8")
