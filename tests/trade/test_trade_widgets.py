"""Lesson 03's widgets, driven without a browser: what the summary says after each change."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers.trade import widgets as wt  # noqa: E402

PNG = b"\x89PNG"


def test_explorer_summary_in_dollars_and_shares():
    text = wt.explorer_summary("China's customs", (2000, 2021), "usd")
    assert "$8.0 bn in 2000" in text and "$146.9 bn in 2021" in text and "+14.9% a year" in text
    both = wt.explorer_summary("Both", (2018, 2023), "usd")
    assert "China's customs:" in both and "Russia's figures: $108.2 bn in 2018" in both
    shares = wt.explorer_summary("Both", (2005, 2023), "share")
    assert "China's share of Russia's trade: 8.7% (2005) → 33.8% (2023)" in shares


def test_explorer_summary_says_when_there_is_too_little_data():
    assert "fewer than two years" in wt.explorer_summary("Russia's figures", (2021, 2022), "usd")
    assert "China's share of Russia's trade: no sourced totals in 2024–2025" in wt.explorer_summary(
        "Both", (2024, 2025), "share"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((2021, 250, 2024), "needs +19.4% a year"),
        ((2021, 250, 2025), "needs +14.2% a year"),
        ((2021, 250, 2026), "needs +11.2% a year"),
        ((2021, 250, 2025), "$228.1 bn in 2025, 8.8% short of the target"),
        ((2021, 200, 2024), "$244.8 bn in 2024, met"),
        ((2021, 250, 2030), "There is no figure for 2030 yet"),
        ((2011, 100, 2015), "From $77.9 bn in 2011"),
        ((2021, 250, 2020), "Choose a target year after the base year (2021)."),
        ((1991, 250, 2020), "No China's-customs figure for 1991"),
    ],
)
def test_target_summary(args, words):
    assert words in wt.target_summary(*args)


def png(box) -> bytes:
    return bytes(box.chart.value)


def test_trade_explorer_reacts_to_each_control():
    box = wt.trade_explorer()
    c = box.controls
    assert set(c) == {"series", "years", "unit", "scale"}
    first = box.summary.value
    assert "China&#x27;s customs" in first and "Russia&#x27;s figures" in first
    assert png(box).startswith(PNG)
    drawn = {png(box)}
    c["series"].value = "China's customs"
    assert "Russia&#x27;s figures" not in box.summary.value
    drawn.add(png(box))
    c["years"].value = (2010, 2020)
    assert "in 2010" in box.summary.value and "in 2020" in box.summary.value
    drawn.add(png(box))
    c["unit"].value = "share"
    assert "share of Russia" in box.summary.value
    drawn.add(png(box))
    before = box.summary.value
    c["scale"].value = "log"
    assert box.summary.value == before  # the scale changes the chart, not the reading
    drawn.add(png(box))
    assert len(drawn) == 5 and all(p.startswith(PNG) for p in drawn)  # each change redrew


def test_trade_explorer_hides_the_chart_when_no_year_has_shares(monkeypatch):
    real = wt.asymmetry_table()
    monkeypatch.setattr(wt, "asymmetry_table", lambda: real.loc[2005:])  # as if no earlier totals
    box = wt.trade_explorer()
    box.controls["unit"].value = "share"
    box.controls["years"].value = (1996, 2000)
    assert "no sourced totals in 1996–2000" in box.summary.value
    assert png(box) == b"" and box.chart.layout.display == "none"
    box.controls["years"].value = (1996, 2025)
    assert png(box).startswith(PNG) and box.chart.layout.display is None


def test_share_chart_is_drawn_once_whatever_the_series(monkeypatch):
    drawn = []
    real = wt.plot_asymmetry
    monkeypatch.setattr(wt, "plot_asymmetry", lambda table, **kw: drawn.append(1) or real(table))
    box = wt.trade_explorer()
    box.controls["unit"].value = "share"
    shares = png(box)
    box.controls["series"].value = "Russia's figures"  # the share chart shows no series choice
    assert png(box) == shares and len(drawn) == 1
    box.controls["unit"].value = "usd"
    assert "Russia&#x27;s figures" in box.summary.value and png(box) != shares


def test_target_explorer_reacts_to_each_control():
    box = wt.target_explorer()
    c = box.controls
    assert set(c) == {"base_year", "target", "target_year"}
    assert "+19.4% a year" in box.summary.value
    drawn = {png(box)}
    c["target_year"].value = 2025
    assert "+14.2% a year" in box.summary.value
    drawn.add(png(box))
    c["target"].value = 200
    assert "$200 bn by 2025" in box.summary.value
    drawn.add(png(box))
    c["base_year"].value = 2018
    assert "From $106.7 bn in 2018" in box.summary.value
    drawn.add(png(box))
    assert len(drawn) == 4 and all(p.startswith(PNG) for p in drawn)
    c["target_year"].value = 2010
    assert "Choose a target year after the base year (2018)." in box.summary.value
    assert png(box) == b"" and box.chart.layout.display == "none"  # no path to draw


@pytest.mark.parametrize(
    ("build", "control", "value"),
    [(wt.target_explorer, "target_year", 2025), (wt.trade_explorer, "scale", "log")],
)
def test_widget_names_the_figure_above_instead_of_drawing_it_again(build, control, value):
    box = build(starting_chart="Figure 3.9")
    assert "drawn in Figure 3.9 above" in box.note.value
    assert png(box) == b"" and box.chart.layout.display == "none"
    box.controls[control].value = value  # the first change draws the chart (not the note)
    assert "Figure 3.9" not in box.note.value and box.note.layout.display == "none"
    assert png(box).startswith(PNG) and box.chart.layout.display is None


def test_trade_explorer_starts_with_every_year_like_figure_3_1():
    box = wt.trade_explorer()
    first, last = box.controls["years"].value
    assert (first, last) == (1992, 2025)
    assert "China&#x27;s customs: $5.8 bn in 1992 → $228.1 bn in 2025" in box.summary.value
    assert {"btp-explorer", "btp-trade-explorer"} <= set(box._dom_classes)


def test_trade_explorer_draws_the_target_lines_of_each_start_year():
    from helpers.trade.data import load_trade_targets
    from helpers.trade.widget_charts import trade_target_lines

    box, targets = wt.trade_explorer(), load_trade_targets()
    low, high = box.controls["years"].min, box.controls["years"].max
    for start in range(low - 5, high + 6):  # the slider's years, and beyond both ends
        assert box._target_lines(start) == trade_target_lines(targets, start), start
    # the lines do change with the start year (a target's year passes)
    assert len({tuple(box._target_lines(y)) for y in range(low, high + 1)}) > 1


def _pixels(data: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)))


def _same_as_new_drawings(box, changes) -> int:
    """Drive ``box``; after each change its chart must be a new drawing's pixels. Returns how
    many changes redrew a kept figure in place."""
    from helpers.core.widget import render_png

    kept, in_place = {id(fig) for fig, _ in box._figures.values()}, 0
    for name, value in changes:
        box.controls[name].value = value
        in_place += id(box.last_figure) in kept
        fig = box.figure(**box.state())
        fresh = b"" if fig is None else render_png(fig)
        if not fresh:
            assert png(box) == b"", box.state()
            continue
        assert (_pixels(png(box)) == _pixels(fresh)).all(), box.state()
    return in_place


@pytest.mark.slow  # every control drawn twice, pixel by pixel: make test, not make check
def test_trade_explorer_redrawn_in_place_is_a_new_drawing_pixel_for_pixel():
    box = wt.trade_explorer(starting_chart="Figure 3.1")
    changes = [("series", "China's customs"), ("scale", "log"), ("years", (2010, 2025)),
               ("unit", "share"), ("years", (1992, 2000)), ("scale", "linear"), ("unit", "usd"),
               ("series", "Russia's figures"), ("years", (2015, 2023)), ("scale", "log"),
               ("series", "Both"), ("unit", "share"), ("years", (2008, 2021)),
               ("years", (2023, 2025)), ("unit", "usd"), ("years", (2021, 2021)),
               ("years", (2025, 2025)), ("years", (1992, 2025)), ("scale", "linear")]  # fmt: skip
    assert _same_as_new_drawings(box, changes) >= 15
    assert matplotlib.pyplot.get_fignums() == []


@pytest.mark.slow  # every control drawn twice, pixel by pixel: make test, not make check
def test_target_explorer_redrawn_in_place_is_a_new_drawing_pixel_for_pixel():
    box = wt.target_explorer(starting_chart="Figure 3.2")
    changes = [("target_year", 2035), ("target", 2000), ("base_year", 2005),
               ("target_year", 2001), ("target", 0), ("target", 250), ("target_year", 2024),
               ("base_year", 2024), ("target_year", 2030), ("base_year", 2000),
               ("target", 80), ("target_year", 2003), ("base_year", 2021)]  # fmt: skip
    assert _same_as_new_drawings(box, changes) >= 8


@pytest.mark.parametrize(
    ("series", "years", "unit"),
    [("Both", (1992, 2025), "usd"), ("China's customs", (2000, 2021), "usd"),
     ("Russia's figures", (2021, 2022), "usd"), ("Both", (2005, 2023), "share"),
     ("Both", (2024, 2025), "share"), ("Both", (2008, 2008), "usd")],
)  # fmt: skip
def test_summaries_from_the_data_loaded_once_are_the_same(series, years, unit):
    shares = wt.asymmetry_table()
    trade = {name: wt.trade_series(name) for name in wt.SERIES_CHOICES["Both"]}
    once = wt.explorer_summary(series, years, unit, shares=shares, trade=trade)
    assert once == wt.explorer_summary(series, years, unit)
    actual = wt.trade_series("china_customs")
    for args in ((2021, 250, 2024), (2005, 0, 2010), (2021, 250, 2030), (2024, 300, 2024)):
        assert wt.target_summary(*args, actual=actual) == wt.target_summary(*args)
