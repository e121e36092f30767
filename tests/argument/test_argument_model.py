"""Lesson 05 logic and charts: the argument map, the scorecard and the verdict check."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from helpers.argument.charts import plot_argument_map, plot_hindsight
from helpers.argument.checks import check_verdicts
from helpers.argument.data import load_argument, load_hindsight
from helpers.argument.model import (
    VERDICTS,
    attacks_on,
    claims_behind,
    compare_verdicts,
    effect_counts,
    evidence_for,
    ledger_verdict,
    map_layout,
    premises_of,
    scorecard,
    trade_against_target,
)
from helpers.core.style import PALETTE
from helpers.ledger.data import load_claims
from helpers.trade.data import trade_series


@pytest.fixture(scope="module")
def argument():
    return load_argument()


@pytest.fixture(scope="module")
def card():
    return scorecard(load_claims(), load_hindsight())


# --- walking the map -----------------------------------------------------------------------------


def test_premises_of_the_conclusion_are_the_five_premises(argument):
    nodes, edges = argument
    premises = premises_of(nodes, edges)
    assert premises["node_id"].tolist() == [
        "p_history",
        "p_independence",
        "p_shadow_1950s",
        "p_democracy",
        "p_heritage",
    ]
    assert (premises["role"] == "premise").all()


def test_a_premise_has_no_premises_and_unknown_boxes_are_named(argument):
    nodes, edges = argument
    assert premises_of(nodes, edges, "p_history").empty
    with pytest.raises(KeyError, match="no box 'p_economy'"):
        premises_of(nodes, edges, "p_economy")


def test_evidence_and_attacks(argument):
    nodes, edges = argument
    assert evidence_for(nodes, edges, "p_democracy")["node_id"].tolist() == ["e_democracy_section"]
    direct = set(evidence_for(nodes, edges, "conclusion")["node_id"])
    assert direct == {"e_statement_no_alliance", "e_no_limits", "e_back_to_back"}
    assert set(attacks_on(nodes, edges, "conclusion")["node_id"]) == {"o_asymmetry", "o_alarmists"}
    assert attacks_on(nodes, edges, "p_history").empty


def test_claims_behind_a_box_come_from_the_ledger(argument):
    nodes, _ = argument
    behind = claims_behind(nodes, load_claims(), "o_summit_date")
    assert behind["claim_id"].tolist() == ["c58"]
    assert behind.loc[0, "check_status"] == "error"


def test_layout_puts_each_box_below_what_it_points_to(argument):
    nodes, edges = argument
    layout = map_layout(nodes, edges)
    assert set(layout) == set(nodes["node_id"])
    for _, edge in edges.iterrows():
        assert layout[edge["from_node"]][1] == layout[edge["to_node"]][1] - 1
    xs = [x for x, _ in layout.values()]
    assert min(xs) >= 0 and max(xs) <= 1
    positions = list(layout.values())
    assert len(set(positions)) == len(positions), "two boxes in the same place"


def test_layout_rejects_a_box_cut_off_from_the_conclusion(argument):
    nodes, edges = argument
    with pytest.raises(ValueError, match="no path to the conclusion from: e_split"):
        map_layout(nodes, edges[edges["from_node"] != "p_history"])


# --- verdicts and the scorecard ------------------------------------------------------------------


@pytest.mark.parametrize(
    "effects, verdict",
    [
        (["supports"], "borne out so far"),
        (["weakens", "weakens"], "not borne out"),
        (["supports", "weakens"], "mixed"),
        (["mixed"], "mixed"),
        ([], "too early to tell"),
    ],
)
def test_ledger_verdict(effects, verdict):
    assert ledger_verdict(effects) == verdict


def test_ledger_verdict_rejects_unknown_effects():
    with pytest.raises(ValueError, match="unknown effect 'refutes'"):
        ledger_verdict(["supports", "refutes"])


def test_scorecard_lists_the_predictive_claims_with_their_evidence(card):
    assert card["claim_id"].tolist() == ["c33", "c57", "c68"]
    row = card.set_index("claim_id").loc["c57"]
    assert (row["supports"], row["mixed"], row["weakens"]) == (5, 1, 0)
    assert row["verdict"] == "mixed"  # one development (the Trump-Putin call, 2025) is mixed
    assert row["evidence"].splitlines()[0].startswith("2023-03-20 (supports)")
    assert set(card["verdict"]) <= set(VERDICTS)


def test_scorecard_without_hindsight_is_too_early(card):
    empty = load_hindsight().iloc[0:0]
    fresh = scorecard(load_claims(), empty)
    assert (fresh["verdict"] == "too early to tell").all()
    assert (fresh["evidence"] == "").all()


def test_effect_counts():
    counts = effect_counts(load_hindsight())
    assert list(counts.columns) == ["supports", "mixed", "weakens"]
    assert counts.loc["c10"].tolist() == [2, 1, 1]
    assert counts.loc["c67"].tolist() == [0, 0, 1]


def test_compare_verdicts_normalises_and_marks_missing(card):
    table = compare_verdicts(card, {"c33": " Mixed ", "c57": "not borne out"})
    agree = dict(zip(table["claim_id"], table["agree"], strict=True))
    assert agree["c33"] is True and agree["c57"] is False and agree["c68"] is None


@pytest.mark.parametrize(
    "answers, correct, words",
    [
        (..., False, "Not answered yet"),
        ("mixed", False, "Give a dict"),
        ({"c33": "mixed", "c57": ...}, False, "Give a verdict for c57"),
        ({"c33": "mixed", "c57": "likely", "c68": "mixed"}, False, "'likely' for c57 is not one"),
        ({"c33": "mixed", "c57": "mixed", "c68": "mixed"}, True, "matches the ledger's"),
        (
            {"c33": "mixed", "c57": "borne out so far", "c68": "mixed"},
            False,
            "You differ from the ledger on c57",
        ),
    ],
)
def test_check_verdicts_feedback(card, answers, correct, words):
    feedback = check_verdicts(answers, card)
    assert feedback.correct is correct
    assert words in feedback.message


def test_trade_against_target_uses_lesson_03_data():
    table = trade_against_target(trade_series(start=2021, end=2025))
    assert list(table.index) == [2021, 2022, 2023, 2024, 2025]
    assert table.loc[2024, "gap_usd_bn"] == pytest.approx(5.19, abs=0.01)
    assert table.loc[2025, "share_of_target"] == pytest.approx(228.105 / 250)
    with pytest.raises(ValueError, match="positive amount"):
        trade_against_target(trade_series(), target=0)


# --- charts --------------------------------------------------------------------------------------


def test_argument_map_draws_every_box_and_arrow(argument):
    nodes, edges = argument
    ax = plot_argument_map(nodes, edges)
    boxes = [t for t in ax.texts if t.get_bbox_patch() is not None]
    assert len(boxes) == len(nodes)
    assert sum(t.get_text().startswith("OBJECTION") for t in boxes) == 4
    arrows = [
        c
        for c in ax.get_children()
        if type(c).__name__ == "Annotation" and c.arrow_patch is not None
    ]
    dashed = [a for a in arrows if a.arrow_patch.get_linestyle() != "-"]
    assert len(arrows) == len(edges)
    assert len(dashed) == int((edges["relation"] == "attacks").sum())
    legend = {h.get_label(): h.get_linestyle() for h in ax.get_legend().legend_handles}
    assert legend == {"supports": "-", "attacks": "--"}
    assert ax.get_title() and any(t.get_text().startswith("Source:") for t in ax.texts)
    plt.close(ax.figure)


def test_hindsight_chart_one_row_per_claim_and_markers_per_effect():
    hindsight, claims = load_hindsight(), load_claims()
    ax = plot_hindsight(hindsight, claims)
    assert len(ax.get_yticks()) == hindsight["claim_id"].nunique()
    points = {line.get_label(): line for line in ax.get_lines()}
    effects = ("supports the claim", "mixed", "weakens the claim")
    assert {points[k].get_marker() for k in effects} == {"^", "D", "v"}
    assert len(points["supports the claim"].get_xdata()) == int(
        (hindsight["effect"] == "supports").sum()
    )
    allowed = {c.lower() for c in PALETTE.values()}
    assert {points[k].get_color().lower() for k in ("mixed", "weakens the claim")} <= allowed
    plt.close(ax.figure)


# --- the examples in the docstrings -------------------------------------------------------------


@pytest.mark.parametrize("name", ["data", "model", "charts", "widgets"])
def test_docstring_examples_run(name):
    import doctest
    import importlib

    module = importlib.import_module(f"helpers.argument.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
    plt.close("all")
