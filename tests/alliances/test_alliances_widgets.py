"""Lesson 04's cascade explorer, driven without a browser: every menu and checkbox."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from helpers.alliances.cascade import commitments_from_frame, simulate_cascade
from helpers.alliances.data import STATE_NAMES_1914, STATES_1914, load_alliances_1914
from helpers.alliances.widgets import cascade_explorer, cascade_summary

PNG = b"\x89PNG"
TREATIES = sorted(set(load_alliances_1914()["treaty_id"]))


@pytest.fixture(scope="module")
def alliances():
    return load_alliances_1914()


def png(box) -> bytes:
    return bytes(box.chart.value)


def expected(alliances, attacker="AUT", target="SRB", off=()):
    """The summary the model gives, worked out here without the widget."""
    names = dict(zip(alliances["treaty_id"], alliances["treaty"], strict=True))
    active = [t for t in names if t not in off]
    run = simulate_cascade(commitments_from_frame(alliances), attacker, target, active=active,
                           states=STATES_1914)  # fmt: skip
    return cascade_summary(run, STATE_NAMES_1914, names)


def test_controls_are_the_two_menus_and_one_checkbox_per_treaty(alliances):
    box = cascade_explorer(alliances)
    assert list(box.controls)[:2] == ["attacker", "target"]
    assert sorted(list(box.controls)[2:]) == TREATIES
    assert all(box.state()[t] is True for t in TREATIES)
    assert box.summary.value == expected(alliances)
    assert "3. Russia (step 1, via Russia" in box.summary.value
    assert png(box).startswith(PNG)
    assert {"btp-explorer", "btp-cascade-explorer"} <= set(box._dom_classes)


@pytest.mark.parametrize("treaty", TREATIES)
def test_each_checkbox_reruns_the_model_and_redraws(alliances, treaty):
    box = cascade_explorer(alliances)
    first = png(box)
    box.controls[treaty].value = False
    assert box.summary.value == expected(alliances, off=(treaty,))
    assert png(box).startswith(PNG)
    if box.summary.value != expected(alliances):  # a treaty that matters here changes the chart
        assert png(box) != first
    box.controls[treaty].value = True
    assert box.summary.value == expected(alliances) and png(box) == first


def test_without_russias_pledge_the_war_stays_local(alliances):
    box = cascade_explorer(alliances)
    box.controls["russia_serbia_pledge_1914"].value = False
    assert "Russia" not in box.summary.value.split("Stayed out")[0]
    assert "Stayed out:</b> Belgium, Britain, France, Germany" in box.summary.value


@pytest.mark.parametrize(
    ("attacker", "target", "words"),
    [
        ("DEU", "BEL", "Britain (step 1, via Treaty of London"),
        ("DEU", "FRA", "1. Germany (first attack) → 2. France (attacked)"),
        ("RUS", "DEU", "1. Russia (first attack) → 2. Germany (attacked)"),
    ],
)
def test_each_menu_changes_the_first_attack(alliances, attacker, target, words):
    box = cascade_explorer(alliances)
    first = png(box)
    box.controls["attacker"].value = attacker
    box.controls["target"].value = target
    assert box.summary.value == expected(alliances, attacker, target)
    assert words in box.summary.value
    assert png(box).startswith(PNG) and png(box) != first


def test_widget_names_the_figure_above_then_draws_on_the_first_change(alliances):
    box = cascade_explorer(alliances, starting_chart="Figure 4.2")
    assert "drawn in Figure 4.2 above" in box.note.value
    assert png(box) == b"" and box.chart.layout.display == "none"
    assert "3. Russia (step 1, via Russia" in box.summary.value  # the summary is there at once
    box.controls["russia_serbia_pledge_1914"].value = False
    assert box.note.value == "" and box.note.layout.display == "none"
    assert png(box).startswith(PNG) and box.chart.layout.display is None


def test_widget_explains_a_self_attack_instead_of_failing(alliances):
    before = set(plt.get_fignums())
    box = cascade_explorer(alliances)
    box.controls["target"].value = "AUT"
    assert "Pick two different states" in box.summary.value
    assert png(box) == b"" and box.chart.layout.display == "none"  # no chain to draw
    box.controls["attacker"].value = "SRB"  # the other way round: a chain again
    assert box.summary.value == expected(alliances, "SRB", "AUT")
    assert png(box).startswith(PNG) and box.chart.layout.display is None
    assert set(plt.get_fignums()) <= before  # the widget leaves no figure open


def test_a_treaty_id_may_not_take_a_menus_name(alliances):
    bad = alliances.copy()
    bad.loc[bad["treaty_id"] == "london_1839", "treaty_id"] = "target"
    with pytest.raises(ValueError, match="treaty_id 'target' is the name of a menu"):
        cascade_explorer(bad)


def test_a_treaty_that_changes_nothing_here_draws_no_new_chart(alliances, monkeypatch):
    from helpers.alliances import widgets as aw

    drawn = []
    real = aw.plot_cascade
    monkeypatch.setattr(aw, "plot_cascade", lambda run, **kw: drawn.append(run) or real(run, **kw))
    box = cascade_explorer(alliances)
    first = png(box)
    box.controls["london_1839"].value = False  # Belgium is not attacked: the same chain
    assert box.summary.value == expected(alliances) and png(box) == first
    box.controls["russia_serbia_pledge_1914"].value = False  # a different chain: drawn
    assert len(drawn) == 2 and png(box) != first


def _pixels(data: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)))


@pytest.mark.slow  # every control drawn twice, pixel by pixel: make test, not make check
def test_the_kept_chart_redrawn_in_place_is_a_new_drawing_pixel_for_pixel(alliances):
    from helpers.core.widget import render_png

    box = cascade_explorer(alliances, starting_chart="Figure 4.2")
    ((kept, _),) = box._figures.values()
    attackers = [value for _, value in box.controls["attacker"].options]
    changes = [("attacker", a) for a in attackers[1:]] + [("target", "FRA")]
    changes += [(t, False) for t in TREATIES[:4]] + [("attacker", "DEU"), ("target", "RUS")]
    drawn = 0
    for name, value in changes:
        box.controls[name].value = value
        if box.last_figure is not None:
            assert box.last_figure is kept  # resized and redrawn, never a new figure
            drawn += 1
        run = box.figure(**box.state())
        if run is None:
            assert png(box) == b""
            continue
        fresh = render_png(run)
        assert (_pixels(png(box)) == _pixels(fresh)).all(), box.state()
    assert drawn >= 8 and plt.get_fignums() == []
