"""Lesson 04's pure logic: the commitment checklist and the 1914 chain reaction."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.alliances.cascade import (
    Commitment,
    commitments_from_frame,
    compare_with_history,
    historical_entries,
    simulate_cascade,
)
from helpers.alliances.data import (
    STATES_1914,
    load_alliances_1914,
    load_july_crisis_1914,
    load_treaties,
)
from helpers.alliances.model import checklist_score, checklist_table


@pytest.fixture(scope="module")
def network():
    return commitments_from_frame(load_alliances_1914())


@pytest.fixture(scope="module")
def events():
    return load_july_crisis_1914()


# ------------------------------------------------------------------ the historical case


def test_historical_case_draws_in_the_continental_powers_in_order(network):
    run = simulate_cascade(network, "AUT", "SRB", states=STATES_1914)
    entries = run.entries.set_index("state")
    assert run.order[:3] == ["AUT", "SRB", "RUS"]
    assert entries.loc["RUS", "via"] == "russia_serbia_pledge_1914"
    assert entries.loc["DEU", "via"] == "dual_alliance_1879"
    assert entries.loc["FRA", "via"] == "franco_russian_1892"
    assert entries.loc["RUS", "step"] < entries.loc["DEU", "step"] < entries.loc["FRA", "step"]
    assert entries.loc["FRA", "side"] == entries.loc["RUS", "side"] == "SRB"
    assert entries.loc["DEU", "side"] == "AUT"
    # Britain and Belgium are not drawn in: Belgium is never attacked, Britain only consults
    assert {"GBR", "BEL", "JPN", "MNE"} <= set(run.stayed_out)


def test_historical_case_reproduces_the_order_as_far_as_commitments_explain_it(network, events):
    run = simulate_cascade(network, "AUT", "SRB", states=STATES_1914)
    table = compare_with_history(run, events).set_index("state")
    explained = table[table["verdict"].isin(["first attack", "explained by commitments"])]
    assert set(explained.index) == {"AUT", "SRB", "RUS", "DEU", "FRA"}
    ordered = explained.sort_values(["model_step", "history_date"])
    assert ordered["history_date"].is_monotonic_increasing
    assert str(explained.loc["FRA", "history_date"].date()) == "1914-08-03"


def test_where_commitments_do_not_explain_history(network, events):
    run = simulate_cascade(network, "AUT", "SRB", states=STATES_1914)
    verdict = compare_with_history(run, events).set_index("state")["verdict"]
    assert verdict["OTT"] == "drawn in by the model, but joined 89 days later"
    assert verdict["ITA"] == "drawn in by the model, but fought on the other side"
    for state in ("GBR", "BEL", "MNE", "JPN"):
        assert verdict[state] == "joined, but not through these commitments"


def test_formal_treaties_alone_keep_the_war_local(network):
    formal = load_alliances_1914()
    treaties = set(formal.loc[formal["formal"], "treaty_id"])
    run = simulate_cascade(network, "AUT", "SRB", active=treaties)
    assert run.order == ["AUT", "SRB"]
    assert len(run.declarations) == 1


def test_germany_invading_belgium_brings_in_the_guarantors(network):
    run = simulate_cascade(network, "DEU", "BEL", states=STATES_1914)
    entries = run.entries.set_index("state")
    assert entries.loc["GBR", "step"] == 1
    assert entries.loc["GBR", "via"] == "london_1839"
    assert entries.loc["GBR", "side"] == "BEL"


def test_historical_entries_use_main_readings_only(events):
    first = historical_entries(events).set_index("state")
    assert str(first.loc["RUS", "date"].date()) == "1914-08-01"  # target of Germany's declaration
    assert str(first.loc["OTT", "date"].date()) == "1914-10-29"  # the raid, before any declaration
    assert str(first.loc["JPN", "date"].date()) == "1914-08-23"  # not the alternative 24 Aug
    assert first.loc["ITA", "side"] == "entente"


# ------------------------------------------------------------------ small networks


def test_no_commitments_means_only_the_two_first_states():
    run = simulate_cascade([], "A", "B", states=["A", "B", "C"])
    assert run.order == ["A", "B"]
    assert run.stayed_out == ["C"]
    assert run.declarations[["declarer", "target"]].values.tolist() == [["A", "B"]]


def test_a_network_with_cycles_ends_and_draws_each_state_in_once():
    ring = [
        Commitment("B", "A"),
        Commitment("C", "B"),
        Commitment("A", "C"),
        Commitment("A", "B"),
        Commitment("B", "C"),
        Commitment("C", "A"),
    ]
    run = simulate_cascade(ring, "X", "A", states=["A", "B", "C", "X"])
    assert sorted(run.order) == ["A", "B", "C", "X"]
    assert run.entries["state"].is_unique
    pairs = [frozenset(p) for p in run.declarations[["declarer", "target"]].values.tolist()]
    assert len(pairs) == len(set(pairs)), "no pair of states declares war twice"
    assert all("X" in p for p in pairs), "allies never declare war on each other"


def test_mutual_defense_between_two_allies_only_fires_once():
    pair = [Commitment("B", "A"), Commitment("A", "B")]
    run = simulate_cascade(pair, "X", "A", states="ABX")
    assert run.order == ["X", "A", "B"]
    assert len(run.declarations) == 2


def test_trigger_list_and_named_enemy():
    net = [
        Commitment("C", "B", triggered_by=("A",), fights="D"),
        Commitment("E", "B", triggered_by=("Z",)),
    ]
    run = simulate_cascade(net, "A", "B", states=["A", "B", "C", "D", "E", "Z"])
    last = run.declarations.iloc[-1]
    assert (last["declarer"], last["target"]) == ("C", "D")
    assert "E" in run.stayed_out


def test_offense_pledge_joins_even_when_the_ally_attacks_but_defense_does_not():
    offense = simulate_cascade([Commitment("C", "A", obligation="offense")], "A", "B", states="ABC")
    defense = simulate_cascade([Commitment("C", "A", obligation="defense")], "A", "B", states="ABC")
    assert offense.order == ["A", "B", "C"]
    assert offense.entries.set_index("state").loc["C", "side"] == "A"
    assert defense.order == ["A", "B"]


@pytest.mark.parametrize("kind", ["neutrality", "nonaggression", "consultation"])
def test_promises_short_of_defense_draw_nobody_in(kind):
    run = simulate_cascade([Commitment("C", "B", obligation=kind)], "A", "B", states="ABC")
    assert run.order == ["A", "B"]


# ------------------------------------------------------------------ errors


def test_unknown_state_names_the_valid_ones(network):
    with pytest.raises(ValueError, match=r"unknown state 'USA' for attacker; expected one of: AUT"):
        simulate_cascade(network, "USA", "SRB", states=STATES_1914)


def test_unknown_obligation_names_the_valid_ones():
    valid = "defense, offense, neutrality, nonaggression, consultation, guarantee"
    with pytest.raises(
        ValueError, match=rf"unknown obligation 'alliance'; expected one of: {valid}"
    ):
        Commitment("A", "B", obligation="alliance")


def test_unknown_treaty_and_self_attack_are_refused(network):
    with pytest.raises(ValueError, match=r"unknown treaty 'entente_1907'; expected one of: .*dual"):
        simulate_cascade(network, "AUT", "SRB", active=["entente_1907"])
    with pytest.raises(ValueError, match="cannot attack itself"):
        simulate_cascade(network, "AUT", "AUT")


def test_commitment_naming_a_state_outside_the_list_is_refused():
    with pytest.raises(ValueError, match=r"unknown state 'Q' for guarantor; expected one of: A, B"):
        simulate_cascade([Commitment("Q", "A")], "A", "B", states=["A", "B"])


def test_comparison_needs_a_historical_first_attacker(events):
    run = simulate_cascade([], "A", "B", states="AB")
    with pytest.raises(ValueError, match="'A' never went to war"):
        compare_with_history(run, events)


# ------------------------------------------------------------------ checklist


def test_checklist_scores_of_the_agreements():
    table = checklist_table(load_treaties()).set_index("agreement_id")
    assert table.loc["nato_1949", "score"] == 3
    assert table.loc["sino_soviet_1950", "score"] == 2
    assert table.loc["good_neighbor_2001", "score"] == 2
    assert table.loc["joint_statement_2022", "score"] == 0
    assert table.loc["aukus_2021", "score"] == 0
    assert table.loc["joint_statement_2022", "coded_by"] == "this project"
    assert table.loc["sino_soviet_1950", "coded_by"] == "ATOP v4.01"
    assert list(table["signed"]) == sorted(table["signed"])


def test_checklist_with_cow_first_reads_the_1950_treaty_differently():
    table = checklist_table(load_treaties(), prefer=("COW v4.1", "this project"))
    table = table.set_index("agreement_id")
    assert table.loc["sino_soviet_1950", "score"] == 1  # COW: defense only, no non-aggression
    assert "joint_declaration_1992" not in table.index  # not in COW, not coded here


def test_checklist_weights_and_missing_values():
    row = {
        "defense": 1,
        "offense": pd.NA,
        "neutrality": 0,
        "nonaggression": 1,
        "consultation": None,
    }
    assert checklist_score(row) == 2
    assert checklist_score(row, weights={"defense": 4, "nonaggression": 0.5}) == 4.5


def test_checklist_errors():
    with pytest.raises(
        ValueError, match=r"unknown obligation 'alliance'; expected one of: defense"
    ):
        checklist_score({"defense": 1}, weights={"alliance": 2})
    with pytest.raises(ValueError, match=r"'defense' must be 0, 1 or missing, not 2"):
        checklist_score({"defense": 2})
    with pytest.raises(ValueError, match=r"unknown coder 'ATOP 5.1'; expected one of: ATOP v4.01"):
        checklist_table(load_treaties(), prefer=("ATOP 5.1",))


# ------------------------------------------------------------------ charts


def test_charts_draw_and_label():
    import matplotlib.pyplot as plt

    from helpers.alliances.charts import plot_cascade, plot_checklist
    from helpers.alliances.data import STATE_NAMES_1914

    ax = plot_checklist(checklist_table(load_treaties()))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("Russia-North Korea treaty (2024)")
    assert labels[1].startswith("Russia-China joint statement (2022)")
    assert "n/r" not in [t.get_text() for t in ax.texts], "every clause of the 2024 treaty is coded"
    assert any(t.get_text().startswith("Source:") for t in ax.texts)
    plt.close(ax.figure)
    table = checklist_table(load_treaties())
    row = table.index[table["agreement_id"] == "russia_dprk_2024"][0]
    table.at[row, "unread_obligations"] = ["offense", "neutrality"]
    table.loc[row, ["offense", "neutrality"]] = float("nan")
    ax = plot_checklist(table)
    assert [t.get_text() for t in ax.texts].count("n/r") == 2, "an unread clause is drawn n/r"
    assert any(t.get_text().startswith("Source:") for t in ax.texts)
    plt.close(ax.figure)
    run = simulate_cascade(commitments_from_frame(load_alliances_1914()), "AUT", "SRB",
                           states=STATES_1914)  # fmt: skip
    ax = plot_cascade(run, names=STATE_NAMES_1914)
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Austria-Hungary (AUT)"
    assert any("Belgium, Britain" in t.get_text() for t in ax.texts)
    plt.close(ax.figure)


# ------------------------------------------------------------------ exercise checks


def test_exercise_4_3_answer_is_what_the_model_gives(network):
    entries = simulate_cascade(network, "DEU", "BEL", states=STATES_1914).entries
    assert set(entries.loc[entries["step"] == 1, "state"]) == {"GBR", "FRA", "RUS", "AUT"}


# ------------------------------------------------------------------ definitions, rungs, 1950s


def test_three_definitions_split_the_2001_treaty():
    from helpers.alliances.data import load_treaties
    from helpers.alliances.model import checklist_table, definition_table

    d = definition_table(checklist_table(load_treaties())).set_index("agreement_id")
    assert d.loc["good_neighbor_2001"].tolist() == [True, True, False]
    assert d.loc["joint_statement_2022"].tolist() == [False, False, False]
    assert d.loc["russia_dprk_2024"].tolist() == [True, True, True]


def test_is_alliance_counts_missing_as_no_promise_and_refuses_unknown_definitions():
    from helpers.alliances.model import is_alliance

    assert not is_alliance({"defense": None, "offense": float("nan")}, "narrow")
    assert is_alliance({"consultation": 1}, "COW") and not is_alliance({"offense": 1}, "COW")
    with pytest.raises(ValueError, match="unknown definition 'Snyder'"):
        is_alliance({}, "Snyder")


@pytest.mark.parametrize(
    ("coding", "rung"),
    [
        ({}, 0),
        ({"neutrality": 1}, 1),
        ({"nonaggression": 1, "consultation": 1}, 2),
        ({"offense": 1, "consultation": 0}, 3),
        ({"defense": 1, "offense": None}, 3),
    ],
)
def test_alignment_rung(coding, rung):
    from helpers.alliances.model import alignment_rung

    assert alignment_rung(coding) == rung


def test_episode_balance_counts_by_coding_and_bearer_within_dates():
    from helpers.alliances.data import load_episodes_1950s
    from helpers.alliances.model import episode_balance

    ep = load_episodes_1950s()
    whole = episode_balance(ep)
    assert list(whole.columns) == ["CHN", "RUS"]
    assert whole.loc["intrusion"].tolist() == [5, 0]
    late = episode_balance(ep, start="1957-01-01")
    early = episode_balance(ep, end="1956-12-31")
    assert late.loc["abandonment", "CHN"] == 4 and early.loc["abandonment", "CHN"] == 1
    total = early.add(late, fill_value=0)
    assert total.equals(whole.astype(total.dtypes.iloc[0]))
    assert episode_balance(ep, start="1961-01-01").empty
