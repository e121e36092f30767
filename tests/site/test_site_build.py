"""The staging step of `make site` (scripts/site_build.py): what Jupyter Book is given."""

from __future__ import annotations

import json
import sys
from urllib.parse import parse_qs, urlparse

from sitekit import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import site_build  # noqa: E402


def test_dollars_are_escaped_once_whatever_the_lesson_wrote():
    assert site_build.escape_dollars(r"\\$250 bn, \$5 and $7") == r"\$250 bn, \$5 and \$7"


def test_nothing_remote_is_left_for_the_build_to_fetch():
    text = "[![Binder](https://b.org/badge.svg)](https://b.org/v2) ![chart](https://x.org/c.png)"
    assert (
        site_build.offline_links(text) == "[Binder](https://b.org/v2) [chart](https://x.org/c.png)"
    )
    staged = site_build.offline_links("[paper](https://www.doi.org/10.1017/S00208183)")
    assert staged == "[paper](https://doi.org./10.1017/S00208183)"
    assert urlparse(staged[8:-1]).hostname == "doi.org."  # not a host Jupyter Book looks up


def test_hub_link_opens_the_lesson_in_the_clone():
    url = urlparse(site_build.hub_url("https://hub.uni.edu/", "o/r", "notebooks/03_x.ipynb"))
    assert (url.netloc, url.path) == ("hub.uni.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(url.query)
    assert query == {
        "repo": ["https://github.com/o/r"],
        "branch": ["main"],
        "urlpath": ["lab/tree/r/notebooks/03_x.ipynb"],
    }


def test_stage_lists_every_page_and_keeps_the_outputs(tmp_path):
    meta = site_build.stage(tmp_path / "src", "o/r", "https://hub.uni.edu")
    toc = (tmp_path / "src" / "myst.yml").read_text(encoding="utf-8")
    for nb in site_build.lessons():
        assert f"- file: notebooks/{nb.name}" in toc
        staged = json.loads((tmp_path / "src" / "notebooks" / nb.name).read_text())
        original = json.loads(nb.read_text())
        assert [c.get("outputs") for c in staged["cells"]] == [
            c.get("outputs") for c in original["cells"]
        ]
        lesson = meta["lessons"][f"notebooks/{nb.name}"]
        assert lesson["card"] == original["metadata"]["lesson"]
        assert lesson["hub"].startswith("https://hub.uni.edu/hub/user-redirect/git-pull?")
    for guide in sorted((ROOT / "docs" / "guide").glob("*.md")):
        assert f"- file: docs/guide/{guide.name}" in toc
    for page in ("README.md", "docs/teaching-guide.md", "data/README.md", "data/sources.md"):
        assert f"- file: {page}" in toc
    assert f"template: {ROOT / 'site' / 'theme'}" in toc
