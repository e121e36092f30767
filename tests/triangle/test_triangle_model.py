"""The strategic-triangle model: truth table, relabelling invariance, best moves, errors."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.triangle.history import history, role_years
from helpers.triangle.model import ROLE_RANK, all_configurations, classify, describe, make_relations
from helpers.triangle.moves import best_moves, moves

# (USA-CHN, USA-RUS, CHN-RUS) -> configuration and the roles of USA, CHN, RUS, written out by hand.
TRUTH_TABLE = {
    (1, 1, 1): ("menage_a_trois", ("friend", "friend", "friend")),
    (1, 1, -1): ("romantic_triangle", ("pivot", "wing", "wing")),
    (1, -1, 1): ("romantic_triangle", ("wing", "pivot", "wing")),
    (-1, 1, 1): ("romantic_triangle", ("wing", "wing", "pivot")),
    (1, -1, -1): ("stable_marriage", ("partner", "partner", "outcast")),
    (-1, 1, -1): ("stable_marriage", ("partner", "outcast", "partner")),
    (-1, -1, 1): ("stable_marriage", ("outcast", "partner", "partner")),
    (-1, -1, -1): ("unit_veto", ("foe", "foe", "foe")),
}
EXPECTED_RANK = {"pivot": 1, "friend": 2, "partner": 3, "wing": 4, "foe": 5, "outcast": 6}
CASES = [
    (signs, player, config, roles[i])
    for signs, (config, roles) in TRUTH_TABLE.items()
    for i, player in enumerate(("USA", "CHN", "RUS"))
]


@pytest.mark.parametrize(("signs", "player", "configuration", "role"), CASES)
def test_truth_table(signs, player, configuration, role):
    t = classify(make_relations(*signs))
    assert t.configuration == configuration
    assert t.roles[player] == role
    assert t.ranks[player] == EXPECTED_RANK[role]


def test_truth_table_has_all_eight_combinations():
    assert len(CASES) == 24
    assert set(TRUTH_TABLE) == set(itertools.product((1, -1), repeat=3))


def test_rank_order_is_wus():
    assert ROLE_RANK == EXPECTED_RANK


def test_all_configurations_enumerates_the_eight_sign_combinations():
    triangles = all_configurations()
    seen = {tuple(t.relations.values()): t.configuration for t in triangles}
    assert seen == {signs: config for signs, (config, _) in TRUTH_TABLE.items()}


def test_pivot_and_label():
    t = classify({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": -1})
    assert (t.pivot, t.label) == ("USA", "romantic triangle")
    assert classify(make_relations(1, 1, 1)).pivot is None
    assert classify(make_relations(1, 1, 1)).label == "ménage à trois"


def test_keys_in_any_order_and_as_strings_mean_the_same():
    a = classify({("USA", "CHN"): 1, ("USA", "RUS"): -1, ("CHN", "RUS"): 1})
    b = classify({("CHN", "USA"): 1, "RUS-USA": -1, frozenset({"RUS", "CHN"}): 1})
    assert a == b


def test_numpy_and_float_signs_are_accepted():
    import numpy as np

    t = classify({"USA-CHN": np.int64(-1), "USA-RUS": -1.0, "CHN-RUS": 1})
    assert t.configuration == "stable_marriage"


@given(
    signs=st.tuples(*[st.sampled_from((1, -1))] * 3),
    order=st.permutations(["A", "B", "C"]),
    names=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=5),
        min_size=3,
        max_size=3,
        unique=True,
    ),
)
def test_relabelling_players_relabels_roles(signs, order, names):
    """Renaming and reordering the players changes nothing but the names."""
    base = classify(make_relations(*signs, players=("A", "B", "C")), players=("A", "B", "C"))
    rename = dict(zip(order, names, strict=True))
    relabelled = {(rename[a], rename[b]): s for (a, b), s in base.relations.items()}
    other = classify(relabelled, players=[rename[p] for p in ("C", "A", "B")])
    assert other.configuration == base.configuration
    assert {p: other.roles[rename[p]] for p in "ABC"} == base.roles


@given(
    signs=st.tuples(*[st.sampled_from((1, -1))] * 3),
    player=st.sampled_from(PLAYERS := ("USA", "CHN", "RUS")),
)
def test_best_moves_improve_and_change_only_own_relations(signs, player):
    rel = make_relations(*signs)
    before = classify(rel)
    found = best_moves(rel, player)
    assert [m.new_rank for m in found] == sorted(m.new_rank for m in found)
    for move in found:
        assert player in move.pair
        assert move.new_rank < before.ranks[player]
        changed = dict(before.relations)
        changed[move.pair] = move.new_sign
        assert classify(changed).roles[player] == move.new_role
    assert len(moves(rel, player)) == 2


@pytest.mark.parametrize(
    ("signs", "player", "expected"),
    [
        # stable marriage (China-Russia partners, US outcast): a partner makes up with the outcast
        ((-1, -1, 1), "CHN", [(("USA", "CHN"), 1, "pivot")]),
        # the outcast can only become a wing, with either partner
        ((-1, -1, 1), "USA", [(("USA", "CHN"), 1, "wing"), (("USA", "RUS"), 1, "wing")]),
        # romantic triangle (US pivot): a wing makes up with the other wing
        ((1, 1, -1), "CHN", [(("CHN", "RUS"), 1, "friend")]),
        ((1, 1, -1), "USA", []),  # the pivot is on top already
        ((1, 1, 1), "RUS", []),  # a friend can only lose by quarrelling
        # unit veto: any reconciliation makes a partner
        ((-1, -1, -1), "RUS", [(("USA", "RUS"), 1, "partner"), (("CHN", "RUS"), 1, "partner")]),
    ],
)
def test_best_move_cases(signs, player, expected):
    found = best_moves(make_relations(*signs), player)
    assert [(m.pair, m.new_sign, m.new_role) for m in found] == expected


def test_move_reads_as_a_sentence():
    (move,) = best_moves(make_relations(-1, -1, 1), "RUS")
    assert str(move) == (
        "RUS makes up with USA: partner (rank 3) -> pivot (rank 1) in a romantic triangle"
    )


def test_us_cannot_become_pivot_in_one_move_from_2022():
    """From the 2022 configuration no single US move reaches the pivot."""
    assert all(m.new_role != "pivot" for m in moves(make_relations(-1, -1, 1), "USA"))


def test_describe_names_every_player():
    text = describe(classify(make_relations(1, -1, 1)))
    assert text.splitlines() == [
        "romantic triangle",
        "United States: wing (rank 4 of 6)",
        "China: pivot (rank 1 of 6)",
        "USSR/Russia: wing (rank 4 of 6)",
    ]


GOOD = {"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": 1}


@pytest.mark.parametrize(
    ("relations", "message"),
    [
        (
            {**GOOD, "CHN-RUS": "friendly"},
            "unknown relation 'friendly' for pair ('CHN', 'RUS'); expected one of: +1, -1",
        ),
        ({**GOOD, "CHN-RUS": 0}, "unknown relation 0 for pair ('CHN', 'RUS'); expected one of"),
        ({**GOOD, "CHN-RUS": 2}, "unknown relation 2"),
        ({**GOOD, "CHN-RUS": True}, "unknown relation True"),
        ({**GOOD, "CHN-RUS": None}, "unknown relation None"),
        (
            {"USA-CHN": 1, "USA-RUS": -1},
            "missing relation for pair ('CHN', 'RUS'); expected one "
            "for each of: ('USA', 'CHN'), ('USA', 'RUS'), ('CHN', 'RUS')",
        ),
        ({**GOOD, "USA-GBR": 1}, "unknown player 'GBR'; expected one of: 'USA', 'CHN', 'RUS'"),
        ({"USA-UK": 1, "USA-RUS": -1, "UK-RUS": 1}, "unknown player 'UK'"),
        ({**GOOD, "CHN-USA": -1}, "pair ('USA', 'CHN') appears twice"),
        ({**GOOD, "USA-USA": 1}, "a player cannot have a relation with itself"),
        ({**GOOD, "USA": 1}, "cannot read 'USA' as a pair of players"),
        ([("USA-CHN", 1)], "relations must be a dict of player pairs to +1 or -1"),
    ],
)
def test_bad_relations_raise_a_clear_value_error(relations, message):
    with pytest.raises(ValueError) as info:
        classify(relations)
    assert message in str(info.value)


def test_unknown_player_in_best_moves():
    with pytest.raises(ValueError, match=r"unknown player 'UK'; expected one of: 'USA', 'CHN'"):
        best_moves(GOOD, "UK")


def test_players_must_be_three_different_names():
    with pytest.raises(ValueError, match="three different players"):
        classify(GOOD, players=("USA", "CHN"))


def test_history_and_role_years_on_a_small_table():
    rows = pd.DataFrame(
        {
            "period_id": ["a"] * 3 + ["b"] * 3,
            "start_year": [1972] * 3 + [1979] * 3,
            "end_year": [1978] * 3 + [1988] * 3,
            "label": ["opening"] * 3 + ["entente"] * 3,
            "dyad": ["USA-CHN", "USA-RUS", "CHN-RUS"] * 2,
            "sign": [1, 1, -1, 1, -1, -1],
        }
    )
    hist = history(rows)
    assert hist[["configuration", "USA", "CHN", "RUS", "pivot"]].values.tolist() == [
        ["romantic_triangle", "pivot", "wing", "wing", "USA"],
        ["stable_marriage", "partner", "partner", "outcast", ""],
    ]
    table = role_years(hist)
    assert table.loc["pivot", "USA"] == 7 and table.loc["partner", "USA"] == 10
    assert table.loc["outcast", "RUS"] == 10 and table.loc["wing", "RUS"] == 7
    assert table.sum().tolist() == [17, 17, 17]


def test_history_names_the_period_with_a_missing_dyad():
    rows = pd.DataFrame(
        {
            "period_id": ["x", "x"],
            "start_year": 1960,
            "end_year": 1968,
            "label": "split",
            "dyad": ["USA-CHN", "USA-RUS"],
            "sign": [-1, -1],
        }
    )
    with pytest.raises(ValueError, match=r"period 'x': missing relation for pair \('CHN', 'RUS'\)"):
        history(rows)


def test_role_years_rejects_an_unknown_role():
    hist = pd.DataFrame({"years": [3], "USA": ["boss"], "CHN": ["foe"], "RUS": ["foe"]})
    with pytest.raises(ValueError, match="unknown role 'boss'; expected one of: 'pivot'"):
        role_years(hist)
