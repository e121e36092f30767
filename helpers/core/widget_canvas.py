"""The canvas of a widget's kept figure: matplotlib's Agg, with its text work remembered.

A widget redraws the same figure again and again (:class:`helpers.core.widget.Explorer`), with
mostly the same strings at the same places. :class:`WidgetCanvas` keeps each string's layout
and size, each text's measured layout (``Text._get_layout``, asked several times per drawing)
and each glyph's bitmap between drawings instead of computing them again; what it
draws is pixel for pixel what matplotlib's own Agg canvas draws (tests compare them). It needs
matplotlib's text internals of version 3.11 and falls back to the plain renderer without them.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.backends import backend_agg
from matplotlib.text import Text

__all__ = ["WidgetCanvas"]

#: Text layouts and glyph bitmaps kept between drawings (cleared when they grow past this).
_TEXT_CACHE_LIMIT = 20_000
_LAYOUTS: dict[tuple, list] = {}
_GLYPHS: dict[tuple, tuple] = {}
_HEIGHTS: dict[tuple, tuple] = {}
_SIZES: dict[tuple, tuple[float, float, float]] = {}
_TEXT_LAYOUTS: dict[tuple, tuple] = {}
_KEPT = (_LAYOUTS, _GLYPHS, _SIZES, _TEXT_LAYOUTS)


class _TextCachingRenderer(backend_agg.RendererAgg):
    """Matplotlib's Agg renderer, remembering what it measured and rasterized of each text.

    Matplotlib 3.11 measures and lays out every string (libraqm) and renders every glyph again
    at each drawing (and measures again on a new renderer, e.g. after a resize), one Python
    call per glyph; these charts redraw the same strings at the same sub-pixel offsets. A
    glyph's bitmap depends only on the font, size, angle and the offset's fraction of a pixel
    (1/64 px), so it is kept under those and moved by whole pixels; the pixels are the same as
    matplotlib's own (tests compare them).
    """

    def _get_font_height_metrics(self, prop):  # the hook Text._get_layout asks a renderer
        key = (hash(prop), self.dpi)
        if key not in _HEIGHTS:
            from matplotlib.font_manager import fontManager, get_font

            font = get_font(fontManager._find_fonts_by_props(prop))
            found = (None, None, None)
            for name, gap, ascent, descent in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):  # as Text._get_layout reads them
                table = font.get_sfnt_table(name)
                if table is not None:
                    em = font.get_sfnt_table("head")["unitsPerEm"]
                    scale = 1 / em * prop.get_size_in_points() * self.dpi / 72
                    found = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                    break
            _HEIGHTS[key] = found
        return _HEIGHTS[key]

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath:  # mathtext and TeX: as matplotlib measures them
            return super().get_text_width_height_descent(s, prop, ismath)
        font = self._prepare_font(prop)
        flags = backend_agg.get_hinting_flag()
        key = (font.fname, prop.get_size_in_points(), self.dpi, s, flags)
        if key not in _SIZES:
            font.set_text(s, 0.0, flags=flags)
            w, h = font.get_width_height()
            _SIZES[key] = (w / 64.0, h / 64.0, font.get_descent() / 64.0)
        return _SIZES[key]

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath:
            return self.draw_mathtext(gc, x, y, s, prop, angle)
        font = self._prepare_font(prop)
        flags = backend_agg.get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        size = prop.get_size_in_points()
        key = (font.fname, size, self.dpi, s, flags, features and tuple(features), language)
        items = _LAYOUTS.get(key)
        if items is None:
            laid = font._layout(s, flags=flags, features=features, language=language)
            items = _LAYOUTS[key] = [(i.ft_object, size, i.glyph_index, i.x, i.y) for i in laid]
        self._draw_glyphs(gc, x, y, angle, items, flags)
        if sum(map(len, _KEPT)) > _TEXT_CACHE_LIMIT:
            for kept in _KEPT:
                kept.clear()

    def draw_mathtext(self, gc, x, y, s, prop, angle):
        """Mathtext (e.g. log-scale tick labels) as matplotlib draws it, glyphs from the cache."""
        parse = self.mathtext_parser.parse(s, self.dpi, prop, antialiased=gc.get_antialiased())
        items = [(font, size, index, dx, dy) for font, size, _, index, dx, dy in parse.glyphs]
        self._draw_glyphs(gc, x, y, angle, items, backend_agg.get_hinting_flag())
        self._draw_text_glyphs_and_boxes(gc, x, y, angle, (), parse.rects)  # its rules (e.g. ─)

    def _draw_glyphs(self, gc, x, y, angle, items, flags) -> None:
        """What RendererAgg._draw_text_glyphs_and_boxes does, each bitmap rendered once."""
        mode = (
            backend_agg.RenderMode.NORMAL if gc.get_antialiased() else backend_agg.RenderMode.MONO
        )
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        height, draw = self.height, self._renderer.draw_text_image
        for ft, size, glyph, dx, dy in items:
            ox = round(0x40 * (x + dx * cos - dy * sin))
            oy = round(0x40 * (height - y + dx * sin + dy * cos))  # FreeType's y is upwards
            key = (id(ft), glyph, size, self.dpi, angle, ox & 63, oy & 63, flags, mode)
            kept = _GLYPHS.get(key)
            if kept is None:
                ft.set_size(size, self.dpi)
                ft._set_transform(matrix, [ox & 63, oy & 63])
                bitmap = ft._render_glyph(glyph, flags, mode)
                buffer = bitmap.buffer if gc.get_antialiased() else bitmap.buffer * 0xFF
                kept = _GLYPHS[key] = (ft, buffer, bitmap.left, bitmap.top)  # ft: keep id valid
            _, buffer, left, top = kept
            top += oy >> 6
            draw(buffer, left + (ox >> 6), int(height) - top + buffer.shape[0], 0, gc)


#: Whether this matplotlib has the private text API the caching renderer relies on (3.11).
_CAN_CACHE_TEXT = (
    all(hasattr(backend_agg, name) for name in ("get_hinting_flag", "RenderMode"))
    and hasattr(backend_agg.RendererAgg, "_prepare_font")
    and hasattr(backend_agg.RendererAgg, "_draw_text_glyphs_and_boxes")
    and hasattr(__import__("matplotlib.ft2font", fromlist=["FT2Font"]).FT2Font, "_layout")
    and all(
        hasattr(Text, name)
        for name in ("_get_layout", "_get_wrapped_text", "_get_multialignment", "get_parse_math")
    )
)
_PLAIN_GET_LAYOUT = Text._get_layout


def _layout_key(text: Text) -> tuple:
    """Everything ``Text._get_layout`` reads of a text (matplotlib 3.11): its result is relative
    to the text's own anchor, so texts with the same key have the same layout."""
    return (
        text._get_wrapped_text(),
        hash(text._fontproperties),
        text.get_figure(root=True).dpi,
        text._linespacing,
        text._get_multialignment(),
        text.get_rotation(),
        text.get_rotation_mode(),
        text._horizontalalignment,
        text._verticalalignment,
        text.get_parse_math(),
    )


def _kept_layout(self: Text, renderer):
    """``Text._get_layout``, remembered for widget drawings (other renderers: as it is).

    A widget's redraw measures each tick label, title and annotation several times (the layout
    engine, the tick-label boxes, the drawing): one layout per distinct text is enough.
    """
    if not isinstance(renderer, _TextCachingRenderer) or self.get_usetex():
        return _PLAIN_GET_LAYOUT(self, renderer)
    key = _layout_key(self)
    kept = _TEXT_LAYOUTS.get(key)
    if kept is None:
        kept = _TEXT_LAYOUTS[key] = _PLAIN_GET_LAYOUT(self, renderer)
    bbox, lines, corner = kept
    return bbox.frozen(), list(lines), corner  # copies: a caller may change what it gets


if _CAN_CACHE_TEXT:
    Text._get_layout = _kept_layout


class WidgetCanvas(backend_agg.FigureCanvasAgg):
    """The Agg canvas of a widget's kept figure: same pixels, text drawn from caches.

    Examples
    --------
    >>> import io
    >>> from matplotlib.figure import Figure
    >>> def png(fig):
    ...     buffer = io.BytesIO()
    ...     fig.savefig(buffer, format="png")
    ...     return buffer.getvalue()
    >>> fig = Figure(figsize=(2, 1))
    >>> _ = fig.subplots().set_title("amity")
    >>> plain = png(fig)
    >>> _ = WidgetCanvas(fig)
    >>> png(fig) == png(fig) == plain
    True
    """

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        if self._lastKey != key:
            kind = _TextCachingRenderer if _CAN_CACHE_TEXT else backend_agg.RendererAgg
            self.renderer = kind(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer

    def print_figure(self, *args, **kwargs):
        try:
            return super().print_figure(*args, **kwargs)
        finally:
            self.release()

    def release(self) -> None:
        """Let go of the pixel buffer until the next drawing.

        A kept figure's Agg renderer holds a full-size RGBA buffer (about 1.7 MB for a chart of
        9 x 4.8 in at 90 dpi), and every text it drew keeps a reference to it, so a widget would
        hold one such buffer per kept figure for as long as the lesson runs. A new renderer costs
        far less than a redraw, and the text caches above do not depend on it.
        """
        for text in self.figure.findobj(Text):
            text._renderer = None
        self.__dict__.pop("renderer", None)
        self._lastKey = None
