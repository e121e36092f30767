"""A state that another declares war on is drawn in, and the chart and summary can show it."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from helpers.alliances.cascade import Commitment, simulate_cascade  # noqa: E402
from helpers.alliances.charts import plot_cascade  # noqa: E402
from helpers.alliances.widgets import cascade_summary  # noqa: E402


def test_a_fixed_foe_enters_the_war_when_declared_upon():
    # C must fight D (not the attacker) when B is attacked: D enters as the target of C's war
    pact = Commitment("C", "B", "defense", ("any",), "D", "c_defends_b", "pact")
    run = simulate_cascade([pact], "A", "B")
    entered = run.entries.set_index("state")
    assert list(run.entries["state"]) == ["A", "B", "C", "D"]
    assert entered.loc["D", "via"] == "declared on by C"
    assert entered.loc["D", "side"] != entered.loc["C", "side"]
    assert "war declared on it by C" in cascade_summary(run, {}, {})
    ax = plot_cascade(run)  # every declaration's target has a place on the chart
    assert len(ax.patches) + len(ax.texts) > 0
    plt.close("all")
