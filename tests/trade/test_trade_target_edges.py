"""The target explorer at the edges of its controls: a target of zero draws nothing and explains."""

from __future__ import annotations

from helpers.trade.widgets import target_explorer, target_summary


def test_a_zero_target_explains_instead_of_failing():
    assert target_summary(2021, 0, 2024) == "Choose a target above zero (US$ bn)."
    box = target_explorer()
    box.controls["target"].value = 0
    assert "Choose a target above zero" in box.summary.value
    assert box.chart.layout.display == "none"
    box.controls["target"].value = 250
    assert "needs +" in box.summary.value and box.chart.layout.display is None
