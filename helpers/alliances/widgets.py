"""Lesson 04's widget: run the 1914 chain reaction yourself.

Pick the first attacker and its target, switch treaties on and off, and watch who is drawn in.
The callbacks are thin: :func:`helpers.alliances.model.simulate_cascade` does the work,
:func:`helpers.alliances.charts.plot_cascade` draws, and :func:`cascade_summary` writes the text
(which tests read without a browser).
"""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from helpers.alliances.cascade import Cascade, commitments_from_frame, simulate_cascade
from helpers.alliances.charts import plot_cascade
from helpers.alliances.data import STATE_NAMES_1914, STATES_1914
from helpers.core.layout import starting_chart_notes
from helpers.core.style import PNG_OPTIONS

__all__ = ["build_cascade_widget", "cascade_summary"]


def cascade_summary(
    cascade: Cascade, names: Mapping[str, str], treaties: Mapping[str, str] | None = None
) -> str:
    """Describe a cascade in words (HTML): who was drawn in, in order and why; who stayed out.

    Examples
    --------
    >>> from helpers.alliances.cascade import Commitment, simulate_cascade
    >>> run = simulate_cascade([Commitment("C", "B", treaty_id="pact")], "A", "B")
    >>> text = cascade_summary(run, {"A": "Ava", "B": "Bel", "C": "Cor"}, {"pact": "The Pact"})
    >>> text.split(" → ")[-1]
    '3. Cor (step 1, via The Pact)<br><b>Stayed out:</b> nobody'
    """
    treaties = dict(treaties or {})
    parts = []
    for row in cascade.entries.to_dict("records"):
        name = html.escape(names.get(row["state"], row["state"]))
        if row["order"] == 1:
            why = "first attack"
        elif row["order"] == 2:
            why = "attacked"
        else:
            via = html.escape(treaties.get(row["via"], row["via"]))
            why = f"step {row['step']}, via {via}"
        parts.append(f"{row['order']}. {name} ({why})")
    out = ", ".join(sorted(html.escape(names.get(s, s)) for s in cascade.stayed_out)) or "nobody"
    return f"<b>Drawn in, in order:</b> {' → '.join(parts)}<br><b>Stayed out:</b> {out}"


def _png(cascade: Cascade, names: Mapping[str, str]) -> bytes:
    ax = plot_cascade(cascade, names=names)
    buffer = io.BytesIO()
    ax.figure.savefig(buffer, format="png", pil_kwargs=PNG_OPTIONS)
    plt.close(ax.figure)
    return buffer.getvalue()


def build_cascade_widget(
    commitments: pd.DataFrame,
    *,
    attacker: str = "AUT",
    target: str = "SRB",
    names: Mapping[str, str] = STATE_NAMES_1914,
    states: Sequence[str] = STATES_1914,
    starting_chart: str | None = None,
) -> widgets.VBox:
    """Build the 1914 simulation: two dropdowns, one checkbox per treaty, a chart and a summary.

    Parameters
    ----------
    commitments : DataFrame
        From :func:`helpers.alliances.data.load_alliances_1914`.
    attacker, target : str
        The first attack shown at the start (default Austria-Hungary on Serbia, 28 Jul 1914).
    names : mapping
        Display names of the states.
    states : sequence of str
        The states offered in the dropdowns.
    starting_chart : str, optional
        The figure above that already draws the starting cascade (e.g. ``"Figure 4.2"``): the
        widget then says so instead of drawing it again, and draws on the first change.

    Returns
    -------
    ipywidgets.VBox
        The widget. Its ``controls`` attribute holds the dropdowns (``attacker``, ``target``)
        and the checkboxes (by ``treaty_id``); ``summary`` is the HTML text and ``chart`` the
        image, both redrawn on every change.

    Examples
    --------
    >>> from helpers.alliances.data import load_alliances_1914
    >>> box = build_cascade_widget(load_alliances_1914())
    >>> box.controls["russia_serbia_pledge_1914"].value = False
    >>> "Stayed out:</b> Belgium, Britain, France, Germany" in box.summary.value
    True
    """
    network = commitments_from_frame(commitments)
    treaty_names = dict(zip(commitments["treaty_id"], commitments["treaty"], strict=True))
    options = [(f"{names.get(s, s)} ({s})", s) for s in states]
    wide = {"description_width": "initial"}
    pick_attacker = widgets.Dropdown(options=options, value=attacker, description="First attacker:",
                                     style=wide)  # fmt: skip
    pick_target = widgets.Dropdown(
        options=options, value=target, description="attacks:", style=wide
    )
    boxes = {
        tid: widgets.Checkbox(
            value=True, description=label, indent=False, layout=widgets.Layout(width="auto")
        )  # fmt: skip
        for tid, label in treaty_names.items()
    }
    summary = widgets.HTML()
    chart = widgets.Image(format="png", layout=widgets.Layout(max_width="900px"))
    note = widgets.HTML()
    notes = starting_chart_notes(starting_chart)

    def redraw(_change: object = None) -> None:
        if pick_attacker.value == pick_target.value:
            summary.value = ("<b>Pick two different states:</b> a state cannot attack itself. "
                             "Change the first attacker or its target.")  # fmt: skip
            return
        active = [tid for tid, box in boxes.items() if box.value]
        run = simulate_cascade(network, pick_attacker.value, pick_target.value,
                               active=active, states=states)  # fmt: skip
        summary.value = cascade_summary(run, names, treaty_names)
        note.value = next(notes) or ""
        chart.layout.display = "none" if note.value else None
        if not note.value:
            chart.value = _png(run, names)

    for control in (pick_attacker, pick_target, *boxes.values()):
        control.observe(redraw, names="value")
    redraw()
    grid = widgets.GridBox(
        list(boxes.values()), layout=widgets.Layout(grid_template_columns="repeat(2, 50%)")
    )
    heading = widgets.HTML("<b>Commitments switched on</b> (untick to remove one):")
    treaty_panel = widgets.VBox([heading, grid])
    box = widgets.VBox(
        [widgets.HBox([pick_attacker, pick_target]), treaty_panel, summary, note, chart]
    )
    box.controls = {"attacker": pick_attacker, "target": pick_target, **boxes}
    box.summary, box.chart, box.note = summary, chart, note
    return box
