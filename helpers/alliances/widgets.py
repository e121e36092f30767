"""Lesson 04's widget: run the 1914 chain reaction yourself.

Pick the first attacker and its target, switch treaties on and off, and watch who is drawn in.
The widget is an :class:`helpers.core.widget.Explorer`:
:func:`helpers.alliances.cascade.simulate_cascade` does the work,
:func:`helpers.alliances.charts.plot_cascade` draws, and :func:`cascade_summary` writes the text
(which tests read without a browser).
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Mapping, Sequence

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from helpers.alliances.cascade import Cascade, commitments_from_frame, simulate_cascade
from helpers.alliances.charts import cascade_figsize, plot_cascade
from helpers.alliances.data import STATE_NAMES_1914, STATES_1914
from helpers.core.widget import Explorer, clear_marks

__all__ = ["CascadeExplorer", "cascade_explorer", "cascade_summary"]


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
        elif row["via"].startswith("declared on by "):
            by = row["via"].rsplit(" ", 1)[-1]
            why = f"step {row['step']}, war declared on it by {html.escape(names.get(by, by))}"
        else:
            via = html.escape(treaties.get(row["via"], row["via"]))
            why = f"step {row['step']}, via {via}"
        parts.append(f"{row['order']}. {name} ({why})")
    out = ", ".join(sorted(html.escape(names.get(s, s)) for s in cascade.stayed_out)) or "nobody"
    return f"<b>Drawn in, in order:</b> {' → '.join(parts)}<br><b>Stayed out:</b> {out}"


_SELF_ATTACK = (
    "<b>Pick two different states:</b> a state cannot attack itself. "
    "Change the first attacker or its target."
)


class CascadeExplorer(Explorer):
    """The first attack and the treaties switched on: who is drawn in, as text and chart."""

    css_class = "btp-cascade-explorer"

    def __init__(
        self,
        commitments: pd.DataFrame,
        *,
        attacker: str,
        target: str,
        names: Mapping[str, str],
        states: Sequence[str],
        starting_chart: str | None = None,
    ) -> None:
        self._network = commitments_from_frame(commitments)
        self._treaties = dict(zip(commitments["treaty_id"], commitments["treaty"], strict=True))
        for reserved in ("attacker", "target"):
            if reserved in self._treaties:
                raise ValueError(f"treaty_id {reserved!r} is the name of a menu; rename it")
        self._names, self._states = dict(names), tuple(states)
        self._runs: dict[tuple, Cascade] = {}
        options = [(f"{names.get(s, s)} ({s})", s) for s in states]
        wide = {"description_width": "initial"}
        controls: dict[str, widgets.ValueWidget] = {
            "attacker": widgets.Dropdown(
                options=options, value=attacker, description="First attacker:", style=wide
            ),
            "target": widgets.Dropdown(
                options=options, value=target, description="attacks:", style=wide
            ),
        }
        for tid, label in self._treaties.items():
            controls[tid] = widgets.Checkbox(
                value=True, description=label, indent=False, layout=widgets.Layout(width="auto")
            )
        super().__init__(controls, starting_chart=starting_chart)

    def arrange(self) -> list[widgets.Widget]:
        """The two menus on a row, then the treaties' checkboxes in two columns."""
        c = self.controls
        columns = widgets.Layout(grid_template_columns="repeat(2, 50%)")
        grid = widgets.GridBox([c[tid] for tid in self._treaties], layout=columns)
        heading = widgets.HTML("<b>Commitments switched on</b> (untick to remove one):")
        return [widgets.HBox([c["attacker"], c["target"]]), widgets.VBox([heading, grid])]

    def _run(self, attacker: str, target: str, treaties: Mapping[str, bool]) -> Cascade | None:
        """The model run for these settings (None for a self-attack), each run made once."""
        if attacker == target:
            return None
        active = tuple(tid for tid, on in treaties.items() if on)
        key = (attacker, target, active)
        if key not in self._runs:
            self._runs[key] = simulate_cascade(
                self._network, attacker, target, active=active, states=self._states
            )
        return self._runs[key]

    def describe(self, attacker: str, target: str, **treaties: bool) -> str:
        """:func:`cascade_summary` of the run, or what to change when a state attacks itself."""
        run = self._run(attacker, target, treaties)
        return _SELF_ATTACK if run is None else cascade_summary(run, self._names, self._treaties)

    def chart_key(self, attacker: str, target: str, **treaties: bool) -> Hashable:
        """The chain reaction drawn: treaties that change nothing here draw the same chart."""
        run = self._run(attacker, target, treaties)
        if run is None:
            return None
        entries = tuple(run.entries.itertuples(index=False))
        declarations = tuple(run.declarations.itertuples(index=False))
        return entries, declarations, tuple(run.stayed_out)

    def figure(self, attacker: str, target: str, **treaties: bool) -> Figure | None:
        """The run drawn by :func:`helpers.alliances.charts.plot_cascade` (None: no run)."""
        run = self._run(attacker, target, treaties)
        return None if run is None else plot_cascade(run, names=self._names).figure

    def update_figure(self, fig: Figure, attacker: str, target: str, **treaties: bool) -> bool:
        """Redraw the run on the kept figure: resized, its marks removed, then drawn again (the
        axes, ticks and spines stay, as every setting of them is drawn again)."""
        run = self._run(attacker, target, treaties)
        if run is None:
            return False
        fig.set_size_inches(cascade_figsize(run))
        ax = fig.axes[0]
        clear_marks(ax)
        plot_cascade(run, ax=ax, names=self._names)
        return True


def cascade_explorer(
    commitments: pd.DataFrame,
    *,
    attacker: str = "AUT",
    target: str = "SRB",
    names: Mapping[str, str] = STATE_NAMES_1914,
    states: Sequence[str] = STATES_1914,
    starting_chart: str | None = None,
) -> CascadeExplorer:
    """Build the 1914 simulation: two dropdowns, one checkbox per treaty, a summary and a chart.

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
    CascadeExplorer
        An :class:`helpers.core.widget.Explorer`: ``controls`` holds the dropdowns
        (``attacker``, ``target``) and the checkboxes (by ``treaty_id``); ``summary`` is
        :func:`cascade_summary`; ``chart`` the chain reaction drawn.

    Examples
    --------
    >>> from helpers.alliances.data import load_alliances_1914
    >>> box = cascade_explorer(load_alliances_1914())
    >>> box.controls["russia_serbia_pledge_1914"].value = False
    >>> "Stayed out:</b> Belgium, Britain, France, Germany" in box.summary.value
    True
    """
    return CascadeExplorer(
        commitments,
        attacker=attacker,
        target=target,
        names=names,
        states=states,
        starting_chart=starting_chart,
    )
