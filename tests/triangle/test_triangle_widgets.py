"""The triangle explorer, driven without a browser: its text and its drawing for each toggle."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pytest

from helpers.triangle.model import make_relations
from helpers.triangle.widgets import DYAD_LABELS, explorer_html, triangle_explorer

PNG = b"\x89PNG"


def png(box) -> bytes:
    return bytes(box.chart.value)


def test_explorer_text_for_2022():
    text = explorer_html((-1, -1, 1))
    assert "Configuration: <b>stable marriage</b>" in text
    assert "United States</td><td><b>outcast</b></td><td>6 of 6" in text
    assert "China makes up with the United States: partner → <b>pivot</b>" in text


def test_explorer_says_when_no_move_helps():
    text = explorer_html((1, 1, 1))
    assert text.count("no single move improves its role") == 3


def test_explorer_names_the_figure_above_instead_of_drawing_it_again():
    box = triangle_explorer(starting_chart="Figure 2.2")
    assert "drawn in Figure 2.2 above" in box.note.value
    assert png(box) == b"" and box.chart.layout.display == "none"
    assert "stable marriage" in box.summary.value  # the summary is there at once
    box.controls["USA-CHN"].value = 1
    assert box.note.value == "" and png(box).startswith(PNG)


def test_controls_are_the_three_dyads_with_their_css_classes():
    box = triangle_explorer()
    assert list(box.controls) == [dyad for dyad, _ in DYAD_LABELS]
    assert box.state() == {"USA-CHN": -1, "USA-RUS": -1, "CHN-RUS": 1}
    for dyad, toggle in box.controls.items():
        assert f"btp-relation-{dyad}" in toggle._dom_classes
    assert {"btp-explorer", "btp-triangle-explorer"} <= set(box._dom_classes)


@pytest.mark.parametrize(
    ("dyad", "configuration", "text"),
    [
        ("USA-CHN", "romantic triangle", "China</td><td><b>pivot"),
        ("USA-RUS", "romantic triangle", "USSR/Russia</td><td><b>pivot"),
        ("CHN-RUS", "unit veto", "China</td><td><b>foe"),
    ],
)
def test_each_toggle_changes_the_configuration_and_redraws(dyad, configuration, text):
    box = triangle_explorer()
    first = png(box)
    box.controls[dyad].value = -box.controls[dyad].value
    assert f"Configuration: <b>{configuration}</b>" in box.summary.value
    assert text in box.summary.value
    assert png(box).startswith(PNG) and png(box) != first


def test_two_toggles_make_a_menage_a_trois():
    box = triangle_explorer()
    box.controls["USA-CHN"].value = 1  # the US makes up with China
    assert "romantic triangle" in box.summary.value
    box.controls["USA-RUS"].value = 1  # ... and with Russia
    assert "ménage à trois" in box.summary.value


def test_every_setting_shows_its_own_text_and_drawing():
    box = triangle_explorer()
    seen = {}
    for signs in itertools.product((1, -1), repeat=3):
        for (dyad, _), sign in zip(DYAD_LABELS, signs, strict=True):
            box.controls[dyad].value = sign
        assert box.summary.value == explorer_html(signs)
        seen[signs] = png(box)
    assert len(set(seen.values())) == 8  # eight different drawings
    assert plt.get_fignums() == []  # each was closed once drawn
    box.controls["USA-CHN"].value = 1  # back to an earlier setting: the same drawing
    signs = tuple(box.state().values())
    assert png(box) == seen[signs] and box.summary.value == explorer_html(signs)


def test_the_drawing_is_the_chart_functions_triangle():
    from helpers.core.widget import render_png
    from helpers.triangle.charts import plot_triangle

    box = triangle_explorer()
    box.controls["USA-CHN"].value = 1
    assert png(box) == render_png(plot_triangle(make_relations(1, -1, 1)).figure)


def _pixels(data: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)))


@pytest.mark.slow  # every control drawn twice, pixel by pixel: make test, not make check
def test_the_kept_drawing_recoloured_in_place_is_a_new_drawing_pixel_for_pixel():
    from helpers.core.widget import render_png

    box = triangle_explorer(starting_chart="Figure 2.2")
    kept = {id(fig) for fig, _ in box._figures.values()}
    for dyad, sign in [("USA-CHN", 1), ("CHN-RUS", -1), ("USA-RUS", 1), ("USA-CHN", -1),
                       ("CHN-RUS", 1), ("USA-RUS", -1), ("USA-CHN", 1)]:  # fmt: skip
        box.controls[dyad].value = sign
        if box.last_figure is not None:  # drawn now (not taken from the cache)
            assert id(box.last_figure) in kept  # the one figure, updated in place
        fresh = render_png(box.figure(**box.state()))  # a new figure, on matplotlib's canvas
        assert (_pixels(png(box)) == _pixels(fresh)).all(), box.state()
    assert plt.get_fignums() == []
