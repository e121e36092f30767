"""Event titles are drawn on charts: every character must be in the chart font."""

from __future__ import annotations

from matplotlib.font_manager import FontProperties, findfont, get_font

from helpers.relations.data import load_events


def test_every_event_title_can_be_drawn():
    font = get_font(findfont(FontProperties()))
    drawable = set(font.get_charmap())
    for event_id, title in zip(*load_events()[["event_id", "title"]].T.values, strict=True):
        missing = sorted({ch for ch in title if ord(ch) not in drawable})
        assert not missing, (
            f"{event_id}: the chart font has no {missing} (put it in the description)"
        )
