"""The widget canvas (helpers.core.widget_canvas): matplotlib's pixels, text from caches."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from helpers.core import widget_canvas as wc


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _chart(x0: float = 0.1) -> Figure:
    """Texts of every kind the lessons draw: rotated, multi-line, bold, mathtext, small."""
    fig = Figure(figsize=(4, 3), dpi=90)
    ax = fig.subplots()
    ax.plot([1, 10, 100], [1, 5, 2])
    ax.set_xscale("log")  # mathtext tick labels (10^0, 10^1, ...)
    ax.set_ylabel("Goods trade, US$ bn")  # rotated
    ax.set_title("China–Russia: ménage à trois?", fontweight="bold")
    ax.text(x0, 0.5, "two\nlines", transform=ax.transAxes, fontsize=8, color="#D55E00")
    ax.text(0.5, 0.2, "$x^2$ and more", transform=ax.transAxes)
    ax.text(0.3, 0.8, "jagged", transform=ax.transAxes, antialiased=False)
    return fig


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)))


@pytest.mark.skipif(not wc._CAN_CACHE_TEXT, reason="this matplotlib lacks the text internals")
@pytest.mark.parametrize("x0", [0.1, 0.1037, 0.2511])  # whole and fractional pixel offsets
def test_the_canvas_draws_matplotlibs_pixels_first_and_again(x0):
    plain = _png(_chart(x0))
    fig = _chart(x0)
    wc.WidgetCanvas(fig)
    first, again = _png(fig), _png(fig)
    assert (_pixels(first) == _pixels(plain)).all() and (_pixels(again) == _pixels(plain)).all()
    assert isinstance(fig.canvas.get_renderer(), wc._TextCachingRenderer)


@pytest.mark.skipif(not wc._CAN_CACHE_TEXT, reason="this matplotlib lacks the text internals")
def test_a_second_drawing_renders_no_glyph_again(monkeypatch):
    fig = _chart()
    wc.WidgetCanvas(fig)
    _png(fig)
    kept = len(wc._GLYPHS)
    rendered = []
    real = wc._TextCachingRenderer._draw_glyphs

    def spy(self, gc, x, y, angle, items, flags):
        rendered.append(len(items))
        return real(self, gc, x, y, angle, items, flags)

    monkeypatch.setattr(wc._TextCachingRenderer, "_draw_glyphs", spy)
    _png(fig)
    assert rendered and len(wc._GLYPHS) == kept  # every glyph came from the cache


def test_the_caches_are_emptied_when_they_grow_too_big(monkeypatch):
    monkeypatch.setattr(wc, "_TEXT_CACHE_LIMIT", 5)
    fig = _chart()
    wc.WidgetCanvas(fig)
    _png(fig)
    assert sum(map(len, wc._KEPT)) < 200
    plt.close("all")


def test_without_the_text_internals_the_plain_renderer_draws(monkeypatch):
    from matplotlib.backends.backend_agg import RendererAgg

    monkeypatch.setattr(wc, "_CAN_CACHE_TEXT", False)
    fig = _chart()
    wc.WidgetCanvas(fig)
    assert type(fig.canvas.get_renderer()) is RendererAgg
    assert (_pixels(_png(fig)) == _pixels(_png(_chart()))).all()


@pytest.mark.skipif(not wc._CAN_CACHE_TEXT, reason="this matplotlib lacks the text internals")
def test_a_kept_text_layout_is_the_one_matplotlib_computes():
    fig = _chart()
    fig.axes[0].text(0.5, 0.5, "turned", rotation=30, ha="right", va="top", multialignment="center")
    wc.WidgetCanvas(fig)
    _png(fig)
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "_get_layout")) if t.get_text()]
    assert len(texts) > 8 and wc._TEXT_LAYOUTS  # titles, labels, ticks, notes were kept
    for text in texts:
        bbox, lines, corner = text._get_layout(renderer)  # from the cache
        fresh_bbox, fresh_lines, fresh_corner = wc._PLAIN_GET_LAYOUT(text, renderer)
        assert (bbox.bounds, lines, corner) == (fresh_bbox.bounds, fresh_lines, fresh_corner)
    # a change the layout depends on is a new key, not a stale layout
    text = texts[0]
    before = text._get_layout(renderer)[0].bounds
    text.set_rotation(90)
    assert text._get_layout(renderer)[0].bounds != before
    assert text._get_layout(renderer)[0].bounds == wc._PLAIN_GET_LAYOUT(text, renderer)[0].bounds


def test_other_renderers_compute_their_layouts_as_matplotlib_does(monkeypatch):
    calls = []
    real = wc._PLAIN_GET_LAYOUT
    monkeypatch.setattr(wc, "_PLAIN_GET_LAYOUT", lambda t, r: calls.append(r) or real(t, r))
    wc._TEXT_LAYOUTS.clear()
    _png(_chart())  # matplotlib's own canvas: every layout computed, none kept
    assert calls and not wc._TEXT_LAYOUTS
