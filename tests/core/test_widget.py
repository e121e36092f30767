"""The widget contract (helpers.core.widget.Explorer), driven without a kernel or a browser."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

from helpers.core.widget import Explorer, render_png

PNG = b"\x89PNG\r\n\x1a\n"


class Sum(Explorer):
    """Two sliders and a bar chart of them; counts its drawings."""

    css_class = "btp-sum-explorer"

    def __init__(self, **kwargs):
        self.drawn: list[tuple[int, int]] = []
        controls = {
            "a": widgets.IntSlider(value=1, min=0, max=5, description="a"),
            "b": widgets.IntSlider(value=2, min=0, max=5, description="b"),
        }
        super().__init__(controls, **kwargs)

    def describe(self, a: int, b: int) -> str:
        return f"<b>{a} + {b} = {a + b}</b>"

    def figure(self, a: int, b: int) -> Figure | None:
        self.drawn.append((a, b))
        if a == 0:  # nothing to draw
            return None
        fig, ax = plt.subplots(figsize=(2, 2))  # through pyplot, as the chart functions do
        ax.bar(["a", "b"], [a, b])
        return fig


class Text(Explorer):
    def describe(self, word: str) -> str:
        return word.upper()


def png(box: Explorer) -> bytes:
    return bytes(box.chart.value)


def test_parts_are_declared_and_the_summary_follows_the_controls():
    box = Sum()
    assert set(box.controls) == {"a", "b"} and box.state() == {"a": 1, "b": 2}
    assert box.summary.value == "<b>1 + 2 = 3</b>"
    assert png(box).startswith(PNG) and box.chart.layout.display is None
    box.controls["b"].value = 4
    assert box.summary.value == "<b>1 + 4 = 5</b>" and box.state() == {"a": 1, "b": 4}
    assert box.drawn == [(1, 2), (1, 4)]


def test_without_figure_there_is_no_chart():
    box = Text({"word": widgets.Text(value="amity", description="word")})
    assert box.chart is None and box.note is None and not box.has_chart()
    box.controls["word"].value = "enmity"
    assert box.summary.value == "ENMITY"
    assert box.children[-1] is box.summary


def test_any_order_of_changes_ends_in_the_same_state():
    one, two = Sum(), Sum()
    one.controls["a"].value, one.controls["b"].value = 3, 5
    two.controls["b"].value, two.controls["a"].value = 5, 3
    assert one.summary.value == two.summary.value == "<b>3 + 5 = 8</b>"
    assert png(one) == png(two) and png(one).startswith(PNG)


def test_the_starting_chart_is_named_then_drawn_on_the_first_change():
    box = Sum(starting_chart="Figure 9.9")
    assert "drawn in Figure 9.9 above" in box.note.value and box.note.layout.display is None
    assert png(box) == b"" and box.chart.layout.display == "none" and box.drawn == []
    assert box.summary.value == "<b>1 + 2 = 3</b>"  # the summary is there at once
    box.controls["a"].value = 2
    assert box.note.value == "" and box.note.layout.display == "none"
    assert png(box).startswith(PNG) and box.chart.layout.display is None
    box.controls["a"].value = 1  # back to the starting settings: drawn now, no note again
    assert box.note.value == "" and png(box).startswith(PNG)


def test_no_chart_for_some_settings_hides_the_image_until_there_is_one():
    box = Sum()
    box.controls["a"].value = 0
    assert png(box) == b"" and box.chart.layout.display == "none"
    assert box.summary.value == "<b>0 + 2 = 2</b>"
    box.controls["a"].value = 4
    assert png(box).startswith(PNG) and box.chart.layout.display is None


def test_drawings_are_kept_by_settings_and_the_cache_is_bounded():
    box = Sum()
    first = png(box)
    box.controls["b"].value = 3
    box.controls["b"].value = 2  # drawn before: taken from the cache
    assert box.drawn == [(1, 2), (1, 3)] and png(box) == first

    class Small(Sum):
        cache_size = 1

    small = Small()
    small.controls["b"].value = 3
    small.controls["b"].value = 2  # pushed out by (1, 3): drawn again
    assert small.drawn == [(1, 2), (1, 3), (1, 2)]


def test_unhashable_settings_are_drawn_every_time():
    class Listed(Explorer):
        calls = 0

        def describe(self, items):
            return ", ".join(items)

        def figure(self, items):
            type(self).calls += 1
            return Figure(figsize=(1, 1))

        def state(self):
            return {"items": list(self.controls["items"].value)}

    box = Listed({"items": widgets.SelectMultiple(options=["x", "y"], value=["x"])})
    box.redraw()
    assert Listed.calls == 2 and box.summary.value == "x" and png(box).startswith(PNG)


def test_no_pyplot_figure_is_left_behind_even_when_drawing_fails():
    plt.close("all")
    box = Sum()
    box.controls["a"].value = 3
    assert plt.get_fignums() == []

    class Broken(Sum):
        def figure(self, a, b):
            plt.subplots()
            raise RuntimeError("no data")

    with pytest.raises(RuntimeError, match="no data"):
        Broken()
    assert plt.get_fignums() == []


def test_render_png_draws_once_and_closes_the_figure():
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1], [1, 0])
    data = render_png(fig)
    assert data.startswith(PNG) and fig.number not in plt.get_fignums()


def test_rows_arrange_the_controls_above_summary_note_and_chart():
    class Rowed(Sum):
        rows = (("b",), ("a",))

    box = Rowed()
    first, second, summary, note, chart = box.children
    assert first.children == (box.controls["b"],) and second.children == (box.controls["a"],)
    assert (summary, note, chart) == (box.summary, box.note, box.chart)
    default = Sum()
    assert default.children[0].children == (default.controls["a"], default.controls["b"])
    assert {"btp-explorer", "btp-sum-explorer"} <= set(default._dom_classes)
    assert "btp-summary" in default.summary._dom_classes
    assert (
        "btp-chart" in default.chart._dom_classes and "btp-chart-note" in default.note._dom_classes
    )


def test_a_subclass_must_describe():
    class Mute(Explorer):
        pass

    with pytest.raises(NotImplementedError, match="Mute must define describe"):
        Mute({"n": widgets.IntSlider()})


class Bars(Explorer):
    """A bar chart kept and updated in place; counts new figures and in-place updates."""

    def __init__(self, **kwargs):
        self.made, self.updated = 0, 0
        controls = {"a": widgets.IntSlider(value=1, min=0, max=5, description="a"),
                    "log": widgets.Checkbox(value=False, description="log")}  # fmt: skip
        super().__init__(controls, **kwargs)

    def describe(self, a: int, log: bool) -> str:
        return str(a)

    def figure(self, a: int, log: bool) -> Figure | None:
        self.made += 1
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.bar(["a", "b"], [a, 2])
        ax.set_ylim(0, 6)
        ax.set_title(f"a = {a}")
        return fig

    def update_figure(self, fig: Figure, a: int, log: bool) -> bool:
        if log:  # a change this update cannot make: a new figure is drawn instead
            return False
        self.updated += 1
        ax = fig.axes[0]
        ax.patches[0].set_height(a)
        ax.set_title(f"a = {a}")
        return True


def _pixels(data: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(data)))


def test_a_kept_figure_is_updated_in_place_and_draws_what_a_new_one_draws():
    plt.close("all")
    box = Bars()
    assert box.made == 1 and box.updated == 0  # the first drawing's figure is the one kept
    kept, made = box.last_figure, 1
    for a in (3, 5, 0):
        box.controls["a"].value = a
        assert box.last_figure is kept and box.made == made  # no new figure
        fresh = render_png(box.figure(a=a, log=False))  # (counted: made once more)
        made += 1
        assert (_pixels(png(box)) == _pixels(fresh)).all()
    assert box.updated == 3 and plt.get_fignums() == []
    box.controls["a"].value = 3  # drawn before: from the cache, nothing drawn
    assert box.last_figure is None and box.updated == 3


def test_an_update_that_cannot_be_made_draws_a_new_figure():
    box = Bars()
    made = box.made
    box.controls["log"].value = True
    assert box.made == made + 1 and box.last_figure is not None
    assert png(box).startswith(PNG)


def test_each_kind_of_chart_keeps_its_own_figure():
    class Kinds(Bars):
        def chart_kind(self, a: int, log: bool):
            return a % 2

    box = Kinds()  # a = 1: kind 1
    box.controls["a"].value = 2  # another kind: a new figure, kept beside the first
    box.controls["a"].value = 4  # the same kind as 2: updated in place
    box.controls["a"].value = 5  # kind 1 again: the first figure, in place
    assert len(box._figures) == 2 and box.made == 2 and box.updated == 2


def test_a_fitted_figure_is_fitted_again_from_a_new_figures_margins():
    from helpers.core.layout import new_axes

    class Labels(Explorer):
        def describe(self, label: str) -> str:
            return label

        def figure(self, label: str) -> Figure:
            ax = new_axes(None, figsize=(4, 2))
            ax.set_yticks([0, 1], [label, "b"])
            return ax.figure

        def update_figure(self, fig: Figure, label: str) -> bool:
            fig.axes[0].set_yticks([0, 1], [label, "b"])
            return True

    box = Labels({"label": widgets.Dropdown(options=["a very long tick label", "short"])})
    box.controls["label"].value = "short"  # the margin must shrink again, as in a new figure
    fresh = render_png(box.figure(label="short"))
    assert (_pixels(png(box)) == _pixels(fresh)).all()
