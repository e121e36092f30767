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


def test_premises_of_the_conclusion_follow_the_authors_order(argument):
    nodes, edges = argument
    premises = premises_of(nodes, edges)
    assert premises["node_id"].tolist() == [
        "p_independence",
        "p_shadow_past",
        "p_coordination",
        "p_back_to_past",
    ]
    assert (premises["role"] == "premise").all()


def test_a_premise_has_no_premises_and_unknown_boxes_are_named(argument):
    nodes, edges = argument
    assert premises_of(nodes, edges, "p_independence").empty
    with pytest.raises(KeyError, match="no box 'p_economy'"):
        premises_of(nodes, edges, "p_economy")


def test_evidence_and_attacks(argument):
    nodes, edges = argument
    assert evidence_for(nodes, edges, "p_shadow_past")["node_id"].tolist() == [
        "e_alliance_1950",
        "e_split",
    ]
    assert set(evidence_for(nodes, edges, "conclusion")["node_id"]) == {"e_statement_no_alliance"}
    assert set(attacks_on(nodes, edges, "conclusion")["node_id"]) == {"o_entente", "o_alarmists"}
    assert set(attacks_on(nodes, edges, "p_back_to_past")["node_id"]) == {
        "o_krasner",
        "o_ukraine",
        "o_rise_decline",
    }
    # an accuracy note is not an attack
    assert attacks_on(nodes, edges, "e_1914").empty


def test_claims_behind_a_box_come_from_the_ledger(argument):
    nodes, _ = argument
    behind = claims_behind(nodes, load_claims(), "a_summit_date")
    assert behind["claim_id"].tolist() == ["c58"]
    assert behind.loc[0, "check_status"] == "error"


def test_layout_puts_the_argument_above_objections_and_notes_aside(argument):
    nodes, edges = argument
    layout = map_layout(nodes, edges)
    assert set(layout) == set(nodes["node_id"])
    role = nodes.set_index("node_id")["role"]
    bottom = min(y for _, y in layout.values())
    for _, edge in edges.iterrows():
        (x0, y0), (_, y1) = layout[edge["from_node"]], layout[edge["to_node"]]
        if edge["relation"] == "supports":
            assert y0 == y1 - 1
        elif edge["relation"] == "attacks":
            assert y0 == bottom and y0 < y1  # objections share the bottom row
        else:
            assert x0 > 1  # accuracy notes stand beside the map
    argument_xs = [layout[n][0] for n in role.index if role[n] != "accuracy_note"]
    assert min(argument_xs) >= 0 and max(argument_xs) <= 1
    positions = list(layout.values())
    assert len(set(positions)) == len(positions), "two boxes in the same place"


def test_layout_rejects_a_box_cut_off_from_the_conclusion(argument):
    nodes, edges = argument
    with pytest.raises(ValueError, match="no path to the conclusion from: e_1914"):
        map_layout(nodes, edges[edges["from_node"] != "p_independence"])


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


def test_scorecard_lists_only_the_scored_claims_with_their_evidence(card):
    assert card["claim_id"].tolist() == ["c14", "c42", "c57", "c67"]
    assert set(card["claim_type"]) <= {"predictive", "interpretive"}
    row = card.set_index("claim_id").loc["c57"]
    assert (row["supports"], row["mixed"], row["weakens"]) == (5, 1, 1)
    assert row["verdict"] == "mixed"  # summit visits alone do not make it 'borne out'
    assert row["evidence"].splitlines()[0].startswith("2023-03-20 (supports)")
    assert set(card["verdict"]) <= set(VERDICTS)


def test_scorecard_can_score_any_list_of_claims(card):
    only = scorecard(load_claims(), load_hindsight(), scored=["c57"])
    assert only["claim_id"].tolist() == ["c57"]


def test_scorecard_without_hindsight_is_too_early(card):
    empty = load_hindsight().iloc[0:0]
    fresh = scorecard(load_claims(), empty)
    assert (fresh["verdict"] == "too early to tell").all()
    assert (fresh["evidence"] == "").all()


def test_effect_counts():
    counts = effect_counts(load_hindsight())
    assert list(counts.columns) == ["supports", "mixed", "weakens"]
    assert counts.loc["c10"].tolist() == [2, 1, 1]
    assert counts.loc["c67"].tolist() == [2, 0, 1]


def test_compare_verdicts_normalises_and_marks_missing(card):
    table = compare_verdicts(card, {"c14": " Mixed ", "c57": "not borne out"})
    agree = dict(zip(table["claim_id"], table["agree"], strict=True))
    assert agree["c14"] is True and agree["c57"] is False and agree["c67"] is None


ALL_MIXED = {"c14": "mixed", "c42": "mixed", "c57": "mixed", "c67": "mixed"}


@pytest.mark.parametrize(
    "answers, correct, words",
    [
        (..., False, "Not answered yet"),
        ("mixed", False, "Give a dict"),
        ({"c14": "mixed", "c42": "mixed", "c57": ...}, False, "Give a verdict for c57"),
        ({**ALL_MIXED, "c57": "likely"}, False, "'likely' for c57 is not one"),
        (ALL_MIXED, True, "matches the ledger's"),
        ({**ALL_MIXED, "c57": "borne out so far"}, False, "You differ from the ledger on c57"),
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
    assert sum(t.get_text().startswith("OBJECTION") for t in boxes) == 7
    assert sum(t.get_text().startswith("ACCURACY NOTE") for t in boxes) == 2
    assert any("Artyom Lukin" in t.get_text() for t in boxes), "objections name their authors"
    arrows = [
        c
        for c in ax.get_children()
        if type(c).__name__ == "Annotation" and c.arrow_patch is not None
    ]
    dashed = [a for a in arrows if a.arrow_patch.get_linestyle() != "-"]
    notes = int((edges["relation"] == "notes").sum())
    assert notes == 2 and len(arrows) == len(edges) - notes  # notes are dotted lines, not arrows
    assert len(dashed) == int((edges["relation"] == "attacks").sum())
    dotted = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
    assert len(dotted) == notes
    legend = {h.get_label(): h.get_linestyle() for h in ax.get_legend().legend_handles}
    assert legend == {"supports": "-", "attacks": "--", "notes": ":"}
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
