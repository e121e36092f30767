"""The triangle's charts: what they draw (no browser; the explorer is in test_triangle_widgets)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from helpers.core.style import PALETTE
from helpers.triangle.charts import plot_configurations, plot_triangle, plot_triangle_history
from helpers.triangle.data import load_triangle_periods
from helpers.triangle.history import history
from helpers.triangle.model import make_relations


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


def _title(ax) -> str:
    """The title wherever the style puts it (the house style sets titles on the left)."""
    return next((t for t in (ax.get_title(loc) for loc in ("center", "left", "right")) if t), "")


def test_nodes_are_labelled_with_roles_and_ranks():
    ax = plot_triangle(make_relations(-1, -1, 1))
    texts = {t.get_text() for t in ax.texts}
    assert {"US\noutcast (rank 6)", "China\npartner (rank 3)"} <= texts
    assert _title(ax) == "Stable marriage"


def test_four_configurations_are_drawn():
    axes = plot_configurations()
    assert [_title(a) for a in axes] == [
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
