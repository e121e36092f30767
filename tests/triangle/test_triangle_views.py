"""The triangle's charts and explorer widget: what they draw and show (no browser needed)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from helpers.core.style import PALETTE
from helpers.triangle.charts import plot_configurations, plot_triangle, plot_triangle_history
from helpers.triangle.data import load_triangle_periods
from helpers.triangle.model import history, make_relations
from helpers.triangle.widgets import explorer_html, triangle_explorer


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _edges(ax):
    """(colour, dashed?) of each drawn edge."""
    return sorted(
        (to_hex(line.get_color()).upper(), line.get_linestyle() != "-") for line in ax.lines
    )


def test_edges_are_coloured_and_styled_by_amity_or_enmity():
    ax = plot_triangle(make_relations(1, 1, -1))
    blue, red = PALETTE["blue"].upper(), PALETTE["vermillion"].upper()
    assert _edges(ax) == [(blue, False), (blue, False), (red, True)]
    labels = [t.get_text() for t in ax.texts]
    assert labels.count("+ amity") == 2 and labels.count("− enmity") == 1


def test_nodes_are_labelled_with_roles_and_ranks():
    ax = plot_triangle(make_relations(-1, -1, 1))
    texts = {t.get_text() for t in ax.texts}
    assert {"US\noutcast (rank 6)", "China\npartner (rank 3)"} <= texts
    assert ax.get_title() == "Stable marriage"


def test_four_configurations_are_drawn():
    axes = plot_configurations()
    assert [a.get_title() for a in axes] == [
        "Ménage à trois",
        "Romantic triangle",
        "Stable marriage",
        "Unit veto",
    ]
    assert any("Source:" in t.get_text() for a in axes for t in a.texts)


def test_history_chart_shows_every_period_and_a_source():
    hist = history(load_triangle_periods())
    ax = plot_triangle_history(hist)
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("pivot") == 2  # the US in 1972-78, China in 2014-17
    assert any(t.startswith("Source:") for t in texts)
    assert ax.get_xlim() == (1949.0, 2023.0)
    assert len(ax.collections) == 4 * len(hist)


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
    toggles, summary, drawing = box.children
    (note,) = drawing.outputs
    assert "drawn in Figure 2.2 above" in note["data"]["text/html"]
    assert "stable marriage" in summary.value  # the summary is there at once


def test_changing_a_toggle_changes_the_configuration_shown():
    box = triangle_explorer()
    toggles, summary, drawing = box.children
    assert "stable marriage" in summary.value
    toggles.children[0].value = 1  # the US makes up with China
    assert "romantic triangle" in summary.value
    assert "China</td><td><b>pivot" in summary.value
    toggles.children[1].value = 1  # ... and with Russia
    assert "ménage à trois" in summary.value
