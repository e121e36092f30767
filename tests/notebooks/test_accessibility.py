"""What can be checked of accessibility, over every lesson and assignment (found by glob).

- every chart uses the colour-blind-safe palette (Okabe-Ito) or greys;
- no chart tells series apart by colour alone: legend entries differ by marker or line style
  (lines) or by hatch (areas and bars);
- every chart has a title and a source line, and no text of it is cut off at the figure's edge
  as first shown; every chart cell is followed by a caption and carries alt text (cell
  metadata ``alt``, copied into the image output's metadata);
- headings are ordered with one H1 (see test_notebooks_structure.py);
- every widget control has a description (its visible label, read by screen readers); the
  controls are ipywidgets' standard HTML inputs, which work from the keyboard (the browser tests
  drive sliders and drop-downs with the keyboard).
"""

from __future__ import annotations

import nbformat
import pytest
from support import LESSONS_AND_ASSIGNMENTS

from helpers.core.style import PALETTE

ALLOWED = {c.lower() for c in PALETTE.values()} | {"#ffffff"}
NAMES = [p.name for p in LESSONS_AND_ASSIGNMENTS]


def _is_grey(hex_colour: str) -> bool:
    r, g, b = (hex_colour[i : i + 2] for i in (1, 3, 5))
    return r == g == b


def _figures(executed, name):
    found = executed["report"].get(name)
    assert found is not None, f"{name} did not run: {executed['stdout'][-2000:]}"
    return found["figures"]


@pytest.mark.parametrize("name", NAMES)
def test_charts_use_the_palette(executed_notebooks, name):
    for fig in _figures(executed_notebooks, name):
        for ax in fig["axes"]:
            colours = [c for line in ax["lines"] for c in line["color"]]
            colours += [c for patch in ax["patches"] for c in patch["color"]]
            colours += [c for coll in ax["collections"] for c in coll]
            bad = {c for c in colours if c not in ALLOWED and not _is_grey(c)}
            assert not bad, f"{name}, figure {fig['number']}: colours outside the palette: {bad}"


@pytest.mark.parametrize("name", NAMES)
def test_no_meaning_by_colour_alone(executed_notebooks, name):
    for fig in _figures(executed_notebooks, name):
        for ax in fig["axes"]:
            lines = [e for e in ax["legend"] if "marker" in e]
            styles = [(e["marker"], e["linestyle"]) for e in lines]
            assert len(set(styles)) == len(styles), (
                f"{name}, figure {fig['number']}: legend lines differ only by colour: "
                f"{[e['label'] for e in lines]}"
            )
            areas = [e for e in ax["legend"] if "hatch" in e]
            if len({tuple(e["color"]) for e in areas}) > 1:
                hatches = [e["hatch"] for e in areas]
                assert len(set(hatches)) == len(hatches), (
                    f"{name}, figure {fig['number']}: legend areas differ only by colour: "
                    f"{[e['label'] for e in areas]}"
                )


@pytest.mark.parametrize("name", NAMES)
def test_charts_have_title_and_source(executed_notebooks, name):
    for fig in _figures(executed_notebooks, name):
        texts = " ".join(fig["texts"])
        assert "Source" in texts, f"{name}, figure {fig['number']}: no source line"
        assert any(ax["title"] for ax in fig["axes"]) or any(
            t.strip() for t in fig["texts"][-1:]
        ), f"{name}, figure {fig['number']}: no title"


@pytest.mark.parametrize("name", NAMES)
def test_no_text_is_cut_off(executed_notebooks, name):
    """Titles, labels, legends and source lines all lie inside the figure (nothing clipped)."""
    for fig in _figures(executed_notebooks, name):
        cut = fig["cut_off"]
        assert cut == [], f"figure {fig['number']}: cut off at the edge: {cut}"


@pytest.mark.parametrize("name", NAMES)
def test_widgets_have_descriptions(executed_notebooks, name):
    for widget in executed_notebooks["report"][name]["widgets"]:
        label = widget["description"] or widget["tooltip"]
        assert label.strip(), f"{name}: a {widget['class']} has no description or tooltip"


@pytest.mark.parametrize("path", LESSONS_AND_ASSIGNMENTS, ids=NAMES)
def test_chart_cells_have_alt_text(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        if not images or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        alt = cell.metadata.get("alt", "")
        assert len(alt) >= 20, f"{path.name}, cell {i}: a chart needs alt text (metadata 'alt')"
        for out in images:
            assert out.get("metadata", {}).get("image/png", {}).get("alt") == alt, (
                f"{path.name}, cell {i}: run `make outputs` to copy the alt text into the output"
            )
