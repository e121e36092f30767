"""The course website: built by Jupyter Book 2 from the stored outputs, read in a real browser.

Every page: figures load (naturalWidth > 0) with alt text, every internal link and anchor
resolves, and axe-core (pinned in package.json) finds no serious or critical violation.
Lesson pages: the lesson card from the notebook's metadata, the launch buttons, the download
link, a note per widget, captions with their source notes, hindsight callouts.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urldefrag, urljoin, urlparse

import pytest
from sitekit import AXE, HUB, REPO, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from lesson_table import binder_url  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
GUIDES = sorted((ROOT / "docs" / "guide").glob("*.md"))


def notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def count_outputs(nb: dict, mime: str) -> int:
    return sum(
        mime in out.get("data", {})
        for cell in nb["cells"]
        if cell["cell_type"] == "code"
        for out in cell.get("outputs", [])
    )


def pages(site) -> list[str]:
    """Every HTML page of the built site, relative to its root ("index.html", "x/index.html")."""
    return sorted(str(p.relative_to(site.out)) for p in site.out.rglob("index.html"))


def lesson_page(site, nb_path: Path) -> str:
    """The page built from a lesson (found by its download link)."""
    for name in pages(site):
        text = (site.out / name).read_text(encoding="utf-8")
        if f'notebooks/{nb_path.name}" download' in text:
            return name
    raise AssertionError(f"no page for {nb_path.name}")


# --- the build ------------------------------------------------------------------------------
def test_build_runs_offline_from_stored_outputs(site):
    assert site.returncode == 0, site.log
    from support import namespace_works

    if namespace_works():  # the build had no network at all: nothing was downloaded
        assert site.bench["offline"] is True, site.log
    assert "Jupyter Book" in site.log or site.bench["jupyter_book"].startswith("v2.")
    assert site.bench["jupyter_book"].startswith("v2."), site.bench
    assert site.bench["seconds"] > 0 and site.bench["pages"] == len(pages(site))
    # nothing was executed: the staged lessons hold exactly the committed outputs
    for nb_path in LESSONS:
        staged = notebook(site.src / "notebooks" / nb_path.name)
        original = notebook(nb_path)
        assert [c.get("outputs") for c in staged["cells"]] == [
            c.get("outputs") for c in original["cells"]
        ], nb_path.name
    assert site.report["unknown_node_types"] == [], site.report
    # nothing was looked up on the way: no DOI look-ups, no remote images
    log = (site.src / "build.log").read_text(encoding="utf-8")
    assert "doi.org as doi:" not in log and "Error saving image" not in log, log
    for name in pages(site):
        assert "doi.org./" not in (site.out / name).read_text(encoding="utf-8"), name


def test_every_page_is_in_the_site(site):
    titles = {}
    for name in pages(site):
        text = (site.out / name).read_text(encoding="utf-8")
        titles[name] = re.search(r"<h1>(.*?)</h1>", text, re.S).group(1)
    assert "index.html" in titles
    for nb_path in LESSONS:
        assert lesson_page(site, nb_path) in titles
    expected = {"Teaching guide", "Data: dictionary and sources", "Sources"}
    assert expected <= set(titles.values()), titles
    for guide in GUIDES:  # whatever guides exist when the site is built
        heading = next(
            line[2:].strip()
            for line in guide.read_text(encoding="utf-8").splitlines()
            if line.startswith("# ")
        )
        assert any(heading.split("`")[0][:20] in t for t in titles.values()), (guide, titles)


def test_figures_and_widget_notes_match_the_lessons(site):
    by_slug = {p["slug"]: p for p in site.report["pages"]}
    for nb_path in LESSONS:
        nb = notebook(nb_path)
        slug = lesson_page(site, nb_path).split("/")[0]
        assert by_slug[slug]["figures"] == count_outputs(nb, "image/png"), nb_path.name
        widgets = count_outputs(nb, "application/vnd.jupyter.widget-view+json")
        assert by_slug[slug]["widget_notes"] == widgets, nb_path.name


# --- lesson pages ---------------------------------------------------------------------------
@pytest.mark.parametrize("nb_path", LESSONS, ids=lambda p: p.stem)
def test_lesson_page(site, site_url, site_page, nb_path):
    page = site_page
    name = lesson_page(site, nb_path)
    page.goto(f"{site_url}/{name}")
    meta = notebook(nb_path)["metadata"]["lesson"]
    card = page.locator("section.lesson-card")
    assert card.count() == 1
    card_text = card.inner_text()
    assert f"{meta['minutes']} minutes" in card_text
    assert [li.strip() for li in card.locator("ul.objectives li").all_inner_texts()] == meta[
        "objectives"
    ]
    prereq_links = card.locator("dd a")
    assert prereq_links.count() == len(meta["prerequisites"])
    for i, prereq in enumerate(meta["prerequisites"]):
        assert prereq_links.nth(i).inner_text().startswith(f"Lesson {prereq[:2]}:")
    path = f"notebooks/{nb_path.name}"
    assert card.get_by_role("link", name="Launch on Binder").get_attribute("href") == binder_url(
        REPO, path
    )
    hub = urlparse(card.get_by_role("link", name="Open on JupyterHub").get_attribute("href"))
    assert f"{hub.scheme}://{hub.netloc}" == HUB
    assert hub.path == "/hub/user-redirect/git-pull"
    query = parse_qs(hub.query)
    assert query["repo"] == [f"https://github.com/{REPO}"]
    assert query["urlpath"] == [f"lab/tree/{REPO.split('/')[1]}/{path}"]
    download = card.get_by_role("link", name=re.compile("Download the notebook"))
    href = urljoin(page.url, download.get_attribute("href"))
    with urllib.request.urlopen(href, timeout=10) as response:
        assert response.read() == nb_path.read_bytes()  # the lesson as committed
    # every chart is a figure with its alt text; those with a caption cell show it
    figures = page.locator("figure.chart")
    assert figures.count() == count_outputs(notebook(nb_path), "image/png")
    for i in range(figures.count()):
        alt = figures.nth(i).locator("img").get_attribute("alt")
        assert alt and len(alt) > 20, (nb_path.name, i)
    captions = page.locator("figure.chart figcaption")
    assert captions.count() >= 1
    assert page.locator("figure.chart figcaption .source-note").count() >= 1
    for text in captions.all_inner_texts():
        assert re.match(r"Figure \d+\.\d+", text.strip()), text
    notes = page.locator("aside.callout-widget")
    assert notes.count() == count_outputs(
        notebook(nb_path), "application/vnd.jupyter.widget-view+json"
    )
    for i in range(notes.count()):
        assert "needs a running notebook" in notes.nth(i).inner_text()
    assert "interactive(children" not in page.content()  # no widget repr in place of a note


def test_hindsight_and_source_notes_are_callouts(site, site_url, site_page):
    page = site_page
    page.goto(f"{site_url}/{lesson_page(site, ROOT / 'notebooks' / '03_trade_energy.ipynb')}")
    hindsight = page.locator("aside.callout-hindsight")
    assert hindsight.count() >= 2
    assert "could not know" in hindsight.first.inner_text()
    assert hindsight.first.evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
    background = hindsight.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    source = page.locator("figcaption .source-note").first
    assert source.inner_text().startswith("Source")
    assert source.locator("a").count() >= 1


def test_sources_link_out(site, site_url, site_page):
    page = site_page
    page.goto(f"{site_url}/sources/index.html")
    rows = page.locator("table.sources tbody tr")
    csv_rows = (ROOT / "data" / "sources.csv").read_text(encoding="utf-8")
    assert rows.count() >= 50
    assert rows.count() == len(
        list(__import__("csv").DictReader(csv_rows.splitlines(keepends=True)))
    )
    external = page.locator("table.sources a.external")
    assert external.count() >= rows.count() * 0.8
    for href in external.evaluate_all("els => els.slice(0, 50).map(e => e.href)"):
        assert href.startswith(("http://", "https://")) and "127.0.0.1" not in href


# --- every page: figures, links, accessibility ----------------------------------------------
def test_every_figure_loads_and_every_internal_link_resolves(site, site_url, site_page):
    page = site_page
    checked, anchors = set(), {}
    for name in pages(site):
        page.goto(f"{site_url}/{name}")
        page.wait_for_load_state("load")
        images = page.locator("img")
        for i in range(images.count()):
            img = images.nth(i)
            img.scroll_into_view_if_needed()
            page.wait_for_function("e => e.complete", arg=img.element_handle())
            assert img.evaluate("e => e.naturalWidth") > 0, (name, img.get_attribute("src"))
            assert img.get_attribute("alt"), (name, img.get_attribute("src"))
        for href in page.locator("a[href]").evaluate_all("els => els.map(e => e.href)"):
            if not href.startswith(site_url):
                assert href.startswith(("https://", "http://", "mailto:")), (name, href)
                continue
            target, fragment = urldefrag(href)
            if target not in checked:
                with urllib.request.urlopen(target, timeout=10) as response:
                    assert response.status == 200, (name, href)
                    body = response.read()
                checked.add(target)
                if target.endswith(".html"):
                    anchors[target] = set(re.findall(rb'id="([^"]+)"', body))
            if fragment and target in anchors:
                assert fragment.encode() in anchors[target], (name, href)
    assert len(checked) > 30


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(site, site_url, site_browser, width):
    assert AXE.exists(), "axe-core is missing: run `make node` (npm ci)"
    context = site_browser.new_context(viewport={"width": width, "height": 900})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    page = context.new_page()
    failures = {}
    try:
        for name in pages(site):
            page.goto(f"{site_url}/{name}")
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})"
            )
            assert len(result["passes"]) > 10, (name, "axe did not run its rules")
            bad = [
                (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"])
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            if bad:
                failures[name] = bad
    finally:
        context.close()
    assert failures == {}


def test_the_phone_layout_keeps_the_lesson_readable(site, site_url, site_browser):
    context = site_browser.new_context(viewport={"width": 390, "height": 844})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort()
    )
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{lesson_page(site, LESSONS[3])}")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, "the page scrolls sideways on a phone"
        img = page.locator("figure.chart img").first
        assert img.bounding_box()["width"] <= 390
    finally:
        context.close()
