"""The chart style and the lesson-00 timeline."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from helpers.core import layout, style
from helpers.relations import charts as relations_charts
from helpers.relations.data import load_events, load_phases


@pytest.fixture
def timeline():
    ax = relations_charts.plot_relations_timeline(load_phases(), load_events())
    yield ax
    plt.close(ax.figure)


def test_palette_is_okabe_ito():
    assert set(style.PALETTE.values()) == {
        "#000000",
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
    }


def test_use_style_sets_palette_and_markers():
    with mpl.rc_context():
        style.use_style()
        cycle = mpl.rcParams["axes.prop_cycle"].by_key()
        assert cycle["color"][:3] == ["#0072B2", "#E69F00", "#009E73"]
        assert cycle["marker"][:3] == ["o", "s", "^"]


def test_timeline_has_title_axis_and_source(timeline):
    title = " ".join(timeline.get_title(loc) for loc in ("left", "center", "right"))
    assert "1949–2022" in title
    assert timeline.get_xlabel() == "Year"
    texts = [t.get_text() for t in timeline.texts]
    assert any(t.startswith("Source:") and "data/events.csv" in t for t in texts)


def test_timeline_shades_each_phase_with_colour_and_hatch(timeline):
    spans = [
        p
        for p in timeline.patches
        if p.get_label() in {s["label"] for s in relations_charts.PHASE_STYLE.values()}
    ]
    assert len(spans) == 4
    colours = {to_hex(p.get_facecolor(), keep_alpha=False) for p in spans}
    assert len(colours) == 4 and colours <= {c.lower() for c in style.PALETTE.values()}
    hatches = [p.get_hatch() or "" for p in spans]
    assert len(set(hatches)) == 4, "phases must differ by hatch too, not colour alone"
    labels = {t.get_text().replace("\n", " ") for t in timeline.texts}
    assert {
        "Alliance",
        "Split and confrontation",
        "Normalization",
        "Strategic partnership",
    } <= labels


def test_timeline_numbers_key_events_with_a_key(timeline):
    key = next(t.get_text() for t in timeline.texts if t.get_text().startswith("1. "))
    lines = key.splitlines()
    assert lines[0].startswith("1. 1949")
    assert any("Joint Statement" in line for line in lines)
    assert not any("Sarajevo" in line for line in lines), "1914 is outside 1949-2022"
    numbers = [t.get_text() for t in timeline.texts if t.get_text().isdigit()]
    assert numbers == [str(i) for i in range(1, len(lines) + 1)]


def test_timeline_draws_on_a_given_axes_without_new_figure():
    fig, ax = plt.subplots()
    before = plt.get_fignums()
    out = relations_charts.plot_relations_timeline(
        load_phases(), load_events(), ax=ax, start=1980, end=2000
    )
    assert out is ax and plt.get_fignums() == before
    left, right = (mpl.dates.num2date(x).year for x in ax.get_xlim())
    assert (left, right) == (1980, 2000)
    plt.close(fig)


def test_timeline_can_mark_chosen_events():
    ax = relations_charts.plot_relations_timeline(
        load_phases(),
        load_events(),
        event_ids=["sino_soviet_treaty_1950", "gorbachev_beijing_1989"],
    )
    key = next(t.get_text() for t in ax.texts if t.get_text().startswith("1. "))
    assert key.splitlines() == [
        "1. 1950 Sino-Soviet Treaty of Friendship, Alliance…",
        "2. 1989 Gorbachev in Beijing: relations normalised",
    ]
    plt.close(ax.figure)


def test_source_line_is_under_the_axes():
    fig, ax = plt.subplots()
    layout.add_source_line(ax, "TASS 2022")
    note = ax.texts[-1]
    assert note.get_text() == "Source: TASS 2022" and note.xy == (0, 0)
    plt.close(fig)
