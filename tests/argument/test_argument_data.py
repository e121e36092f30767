"""Lesson 05 data: argument map, hindsight and democracy passages; integrity and bad input."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.argument.data import (
    load_argument,
    load_argument_edges,
    load_argument_nodes,
    load_hindsight,
    load_hindsight_scoring,
    scored_claims,
)
from helpers.argument.democracy_data import load_democracy_evidence, load_democracy_passages
from helpers.core.check import all_schemas
from helpers.core.schema import DATA_DIR, DataError
from helpers.core.sources import load_sources
from helpers.ledger.data import MAX_QUOTATION, load_claims
from helpers.relations.data import load_events

PREMISES = {
    "Reason 1: freedom of action",
    "Reason 2: the shadow of the past",
    "Close coordination, no alliance",
    "Back to the past: non-interference",
}


@pytest.fixture(scope="module")
def argument() -> tuple[pd.DataFrame, pd.DataFrame]:
    return load_argument()


@pytest.fixture(scope="module")
def hindsight() -> pd.DataFrame:
    return load_hindsight()


@pytest.fixture(scope="module")
def passages() -> pd.DataFrame:
    return load_democracy_passages()


def rewrite(name: str, tmp_path: Path, change) -> Path:
    """Copy ``data/<name>`` into tmp_path with ``change(rows)`` applied to its dict rows."""
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    change(rows)
    target = tmp_path / name
    with target.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


def set_cell(index: int, column: str, value: str):
    def change(rows):
        rows[index][column] = value

    return change


# --- the files as registered ---------------------------------------------------------------------


def test_schemas_are_registered_in_helpers_data():
    for name in ("argument_nodes.csv", "argument_edges.csv", "hindsight.csv"):
        assert name in all_schemas()
    assert "democracy_passages.csv" in all_schemas()


def test_every_source_id_exists(argument, hindsight, passages):
    known = set(load_sources()["source_id"])
    nodes, edges = argument
    for table in (nodes, edges, hindsight, passages, load_democracy_evidence()):
        used = {sid for ids in table["source_id"] for sid in ids}
        assert used <= known, f"unknown ids: {sorted(used - known)}"


# --- the argument map ----------------------------------------------------------------------------


def test_map_has_the_authors_premises_evidence_objections_and_notes(argument):
    nodes, _ = argument
    roles = nodes["role"].value_counts()
    assert roles["conclusion"] == 1
    assert set(nodes.loc[nodes["role"] == "premise", "label"]) == PREMISES
    assert roles["evidence"] >= 5 and roles["accuracy_note"] == 2


def test_at_least_three_substantive_objections_are_named_and_sourced(argument):
    nodes, _ = argument
    objections = nodes[nodes["role"] == "objection"]
    assert objections["attributed_to"].notna().all()
    by_others = objections[~objections["attributed_to"].str.contains("Yu Bin")]
    assert len(by_others) >= 3
    for _, row in by_others.iterrows():
        assert "yu_bin_2022_pacnet8" not in row["source_id"], row["node_id"]
    assert nodes.loc[nodes["role"].isin(["premise", "evidence"]), "attributed_to"].isna().all()


def test_argument_links_only_to_claims_in_the_ledger(argument):
    nodes, _ = argument
    ledger = set(load_claims()["claim_id"])
    linked = {c for ids in nodes["claim_ids"] for c in ids}
    assert linked and linked <= ledger, f"not in the ledger: {sorted(linked - ledger)}"


def test_every_premise_supports_the_conclusion_and_has_evidence(argument):
    nodes, edges = argument
    supports = edges[edges["relation"] == "supports"]
    for premise in nodes.loc[nodes["role"] == "premise", "node_id"]:
        assert ((supports["from_node"] == premise) & (supports["to_node"] == "conclusion")).any()
        into = supports.loc[supports["to_node"] == premise, "from_node"]
        assert len(into) >= 1, f"premise {premise} has no evidence"


def test_objections_attack_notes_note_and_nothing_else_does(argument):
    nodes, edges = argument
    role = nodes.set_index("node_id")["role"]
    attackers = set(edges.loc[edges["relation"] == "attacks", "from_node"])
    assert attackers == set(role[role == "objection"].index)
    noting = set(edges.loc[edges["relation"] == "notes", "from_node"])
    assert noting == set(role[role == "accuracy_note"].index)


def test_the_ledgers_errors_are_accuracy_notes_not_objections(argument):
    nodes, _ = argument
    errors = set(load_claims().query("check_status == 'error'")["claim_id"])
    notes = {c for ids in nodes.loc[nodes["role"] == "accuracy_note", "claim_ids"] for c in ids}
    objections = {c for ids in nodes.loc[nodes["role"] == "objection", "claim_ids"] for c in ids}
    assert {"c45", "c58"} <= errors & notes
    assert not (errors & objections), "a date slip is not an objection"


# --- hindsight -----------------------------------------------------------------------------------


def test_at_least_30_attributed_developments_through_2025(hindsight):
    assert len(hindsight) >= 30
    assert hindsight["date"].dt.year.max() >= 2025
    positions = hindsight[hindsight["kind"] == "stated_position"]
    assert positions["party"].notna().all()


def test_every_scored_claim_has_evidence_on_both_sides(hindsight):
    scored = scored_claims()
    assert "c57" in scored, "the central prediction is scored"
    for claim_id in scored:
        effects = set(hindsight.loc[hindsight["claim_id"] == claim_id, "effect"])
        assert {"supports", "weakens"} <= effects, f"{claim_id} has only {sorted(effects)}"


def test_only_predictive_and_interpretive_claims_are_scored(hindsight):
    scoring = load_hindsight_scoring()
    kinds = load_claims().set_index("claim_id")["claim_type"]
    scored = scoring[scoring["scored"]]
    assert set(kinds[scored["claim_id"]]) <= {"predictive", "interpretive"}
    assert set(hindsight["claim_id"]) <= set(scoring["claim_id"])


def test_charges_come_with_beijings_answers(hindsight):
    """Each NATO or G7 charge about China sits beside a Chinese counter-claim on the same claim,
    made within a week of it."""
    parties = hindsight["party"].fillna("")
    charges = hindsight[parties.str.contains("NATO|G7")]
    assert len(charges) >= 3  # the Strategic Concept (2022), the G7 and NATO charges of 2024
    for charge in charges.itertuples():
        after = hindsight[
            (hindsight["date"] >= charge.date)
            & (hindsight["date"] <= charge.date + pd.Timedelta(days=7))
            & (hindsight["claim_id"] == charge.claim_id)
            & parties.str.startswith("PRC")
        ]
        assert len(after) >= 1, f"{charge.hindsight_id} has no answer from Beijing beside it"


def test_a_factual_claim_marked_scored_is_rejected(tmp_path):
    def change(rows):
        (row,) = [r for r in rows if r["claim_id"] == "c10"]
        row["scored"] = "true"

    path = rewrite("hindsight_scoring.csv", tmp_path, change)
    with pytest.raises(DataError) as info:
        load_hindsight_scoring(path)
    assert_names(info.value, "hindsight_scoring.csv", 2, "scored")
    assert "c10 is a factual claim" in str(info.value)


def test_a_hindsight_claim_missing_from_the_scoring_is_rejected(tmp_path):
    path = rewrite("hindsight_scoring.csv", tmp_path, lambda rows: rows.pop(0))  # c10
    with pytest.raises(DataError, match="no row for c10"):
        load_hindsight_scoring(path)


def test_every_hindsight_row_is_dated_after_the_statement_and_sourced(hindsight):
    assert (hindsight["date"] > pd.Timestamp("2022-02-04")).all()
    assert hindsight["source_id"].map(len).min() >= 1
    assert hindsight["date"].is_monotonic_increasing


def test_hindsight_covers_the_issue(hindsight):
    by_event = set(hindsight["event_id"].dropna())
    assert {
        "invasion_of_ukraine_2022",
        "xi_state_visit_moscow_2023",
        "power_of_siberia_full_2024",
        "power_of_siberia_2_memo_2025",
    } <= by_event
    trade_years = hindsight.loc[hindsight["topic"] == "trade", "date"].dt.year
    assert set(trade_years) >= {2023, 2024, 2025, 2026}  # reports of 2022-2025 figures
    stance = hindsight[(hindsight["kind"] == "stated_position") & (hindsight["topic"] == "war")]
    assert stance["party"].str.contains("PRC").sum() >= 2, "China's own stated position"


def test_hindsight_links_to_claims_and_events_that_exist(hindsight):
    assert set(hindsight["claim_id"]) <= set(load_claims()["claim_id"])
    assert set(hindsight["event_id"].dropna()) <= set(load_events()["event_id"])
    assert set(hindsight["effect"]) == {"supports", "weakens", "mixed"}


def test_every_predictive_claim_has_hindsight(hindsight):
    predictive = load_claims().query("claim_type == 'predictive'")["claim_id"]
    assert set(predictive) <= set(hindsight["claim_id"])


def test_hindsight_events_match_events_csv_dates(hindsight):
    events = load_events().set_index("event_id")
    for _, row in hindsight.dropna(subset=["event_id"]).iterrows():
        start = events.loc[row["event_id"], "date"]
        end = events.loc[row["event_id"], "end_date"]
        last = end if pd.notna(end) else start
        assert start <= row["date"] <= last, row["hindsight_id"]


# --- democracy passages --------------------------------------------------------------------------


def test_agency_summaries_are_never_given_as_the_statements_words(passages):
    summaries = passages[passages["wording"] == "agency_summary"]
    assert len(summaries) >= 1
    assert summaries["speaker"].str.contains("Xinhua").all()
    statement = passages[passages["speaker"] == "Governments of Russia and China"]
    assert (statement["wording"] == "official_translation").all()
    assert statement["original"].notna().all(), "the original wording beside the translation"


def test_democracy_evidence_is_attributed_and_has_a_third_voice():
    evidence = load_democracy_evidence()
    assert {"assessor", "signatory", "third_party"} <= set(evidence["voice"])
    assert evidence["party"].str.contains("Freedom House").any()
    third = evidence[evidence["voice"] == "third_party"]
    assert third["date"].notna().all() and third["source_id"].map(len).min() >= 1


def test_each_party_is_there_with_short_sourced_quotes(passages):
    counts = passages["party"].value_counts()
    assert counts["china_russia"] >= 3 and counts["yu_bin"] >= 3 and counts["united_states"] >= 3
    assert passages["quotation"].str.len().max() <= MAX_QUOTATION


def test_commentary_passages_are_the_ledgers_quotations(passages):
    ledger = load_claims().set_index("claim_id")
    ours = passages[passages["party"] == "yu_bin"]
    for _, row in ours.iterrows():
        assert row["quotation"] in ledger.loc[row["claim_id"], "quotation"]
        assert int(row["paragraph"]) == int(ledger.loc[row["claim_id"], "paragraph"])


def test_us_passages_date_from_the_summit(passages):
    us = passages[passages["party"] == "united_states"]
    assert us["date"].between("2021-12-09", "2021-12-10").all()


# --- bad input: each names the file, the row and the column --------------------------------------


def assert_names(err: DataError, name: str, row: int | None, column: str) -> None:
    text = str(err)
    assert name in text
    if row is not None:
        assert f"line {row}" in text
    assert f"column '{column}'" in text


def test_node_with_unknown_claim_is_rejected(tmp_path):
    path = rewrite("argument_nodes.csv", tmp_path, set_cell(2, "claim_ids", "c41;c99"))
    with pytest.raises(DataError) as info:
        load_argument_nodes(path)
    assert_names(info.value, "argument_nodes.csv", 4, "claim_ids")
    assert "'c99' is not in data/claims.csv" in str(info.value)


def test_node_checked_against_another_ledger(tmp_path):
    claims = rewrite("claims.csv", tmp_path, lambda rows: rows.pop(13))  # drops c14
    with pytest.raises(DataError, match="'c14' is not in data/claims.csv"):
        load_argument_nodes(claims_path=claims)


def test_second_conclusion_is_rejected(tmp_path):
    path = rewrite("argument_nodes.csv", tmp_path, set_cell(1, "role", "conclusion"))
    with pytest.raises(DataError, match="exactly one conclusion, found 2"):
        load_argument_nodes(path)


def test_unknown_role_and_long_label_are_rejected(tmp_path):
    path = rewrite("argument_nodes.csv", tmp_path, set_cell(0, "role", "thesis"))
    with pytest.raises(DataError) as info:
        load_argument_nodes(path)
    assert_names(info.value, "argument_nodes.csv", 2, "role")
    path = rewrite("argument_nodes.csv", tmp_path, set_cell(3, "label", "x" * 41))
    with pytest.raises(DataError) as info:
        load_argument_nodes(path)
    assert_names(info.value, "argument_nodes.csv", 5, "label")


def test_edge_to_missing_box_and_self_loop_are_rejected(tmp_path):
    path = rewrite("argument_edges.csv", tmp_path, set_cell(4, "to_node", "p_economy"))
    with pytest.raises(DataError) as info:
        load_argument_edges(path)
    assert_names(info.value, "argument_edges.csv", 6, "to_node")
    path = rewrite("argument_edges.csv", tmp_path, set_cell(0, "to_node", "p_independence"))
    with pytest.raises(DataError, match="cannot support or attack itself"):
        load_argument_edges(path)


def test_edge_with_unknown_relation_is_rejected(tmp_path):
    path = rewrite("argument_edges.csv", tmp_path, set_cell(0, "relation", "implies"))
    with pytest.raises(DataError) as info:
        load_argument_edges(path)
    assert_names(info.value, "argument_edges.csv", 2, "relation")
    assert "expected one of: supports, attacks, notes" in str(info.value)


def test_box_that_links_to_nothing_is_rejected(tmp_path):
    edges = rewrite("argument_edges.csv", tmp_path, lambda rows: rows.pop(0))  # p_independence
    with pytest.raises(DataError) as info:
        load_argument(edges_path=edges)
    assert_names(info.value, "argument_nodes.csv", 3, "node_id")
    assert "'p_independence' supports or attacks nothing" in str(info.value)


def test_an_objection_without_its_author_is_rejected(tmp_path):
    def change(rows):
        rows[12]["attributed_to"] = ""  # o_entente

    with pytest.raises(DataError) as info:
        load_argument_nodes(rewrite("argument_nodes.csv", tmp_path, change))
    assert_names(info.value, "argument_nodes.csv", 14, "attributed_to")
    path = rewrite("argument_nodes.csv", tmp_path, set_cell(1, "attributed_to", "Someone"))
    with pytest.raises(DataError, match="only objections and accuracy notes"):
        load_argument_nodes(path)


def test_a_date_slip_drawn_as_an_attack_is_rejected(tmp_path):
    def change(rows):
        (row,) = [r for r in rows if r["from_node"] == "a_within_a_week"]
        row["relation"] = "attacks"

    edges = rewrite("argument_edges.csv", tmp_path, change)
    with pytest.raises(DataError) as info:
        load_argument(edges_path=edges)
    assert_names(info.value, "argument_edges.csv", 20, "relation")
    assert "accuracy notes (and only they)" in str(info.value)


@pytest.mark.parametrize("date", ["2022-02-04", "2022-01-30", "2022-02", "2021-12-09"])
def test_hindsight_dated_on_or_before_the_statement_is_rejected(tmp_path, date):
    precision = "month" if len(date) == 7 else "day"

    def change(rows):
        rows[5]["date"], rows[5]["date_precision"] = date, precision

    path = rewrite("hindsight.csv", tmp_path, change)
    with pytest.raises(DataError) as info:
        load_hindsight(path)
    assert_names(info.value, "hindsight.csv", 7, "date")
    assert "is not after 4 Feb 2022" in str(info.value) or "below the smallest" in str(info.value)


def test_hindsight_without_source_or_with_unknown_source_is_rejected(tmp_path):
    path = rewrite("hindsight.csv", tmp_path, set_cell(2, "source_id", ""))
    with pytest.raises(DataError) as info:
        load_hindsight(path)
    assert_names(info.value, "hindsight.csv", 4, "source_id")
    assert "required cell is blank" in str(info.value)
    path = rewrite("hindsight.csv", tmp_path, set_cell(2, "source_id", "my_blog_2024"))
    with pytest.raises(DataError, match="unknown source_id 'my_blog_2024'"):
        load_hindsight(path)


def test_hindsight_with_unknown_claim_event_or_effect_is_rejected(tmp_path):
    cases = [
        ("claim_id", "c70", "'c70' is not in data/claims.csv"),
        ("event_id", "moon_landing_2025", "'moon_landing_2025' is not in data/events.csv"),
        ("effect", "refutes", "expected one of: supports, weakens, mixed"),
    ]
    for column, value, message in cases:
        path = rewrite("hindsight.csv", tmp_path, set_cell(0, column, value))
        with pytest.raises(DataError) as info:
            load_hindsight(path)
        assert_names(info.value, "hindsight.csv", 2, column)
        assert message in str(info.value)


def test_stated_position_needs_its_party(tmp_path):
    path = rewrite("hindsight.csv", tmp_path, set_cell(1, "party", ""))
    with pytest.raises(DataError) as info:
        load_hindsight(path)
    assert_names(info.value, "hindsight.csv", 3, "party")


def test_precision_must_match_the_date(tmp_path):
    path = rewrite("hindsight.csv", tmp_path, set_cell(0, "date_precision", "month"))
    with pytest.raises(DataError, match=re.escape("does not match date_precision 'month'")):
        load_hindsight(path)


def test_misquoted_commentary_passage_is_rejected(tmp_path):
    rows_by_id = {}

    def change(rows):
        rows_by_id.update({r["passage_id"]: i for i, r in enumerate(rows)})
        rows[rows_by_id["y2"]]["quotation"] = "democracy must be chosen by local peoples"

    path = rewrite("democracy_passages.csv", tmp_path, change)
    with pytest.raises(DataError) as info:
        load_democracy_passages(path)
    assert_names(info.value, "democracy_passages.csv", rows_by_id["y2"] + 2, "quotation")


def test_commentary_passage_needs_claim_and_others_must_not_have_one(tmp_path):
    path = rewrite("democracy_passages.csv", tmp_path, set_cell(4, "claim_id", ""))
    with pytest.raises(DataError) as info:
        load_democracy_passages(path)
    assert_names(info.value, "democracy_passages.csv", 6, "claim_id")
    path = rewrite("democracy_passages.csv", tmp_path, set_cell(0, "paragraph", "14"))
    with pytest.raises(DataError) as info:
        load_democracy_passages(path)
    assert_names(info.value, "democracy_passages.csv", 2, "paragraph")


def test_wrong_paragraph_and_long_quotation_are_rejected(tmp_path):
    path = rewrite("democracy_passages.csv", tmp_path, set_cell(4, "paragraph", "15"))
    with pytest.raises(DataError, match="claim c58 is in paragraph 14"):
        load_democracy_passages(path)
    path = rewrite("democracy_passages.csv", tmp_path, set_cell(9, "quotation", "word " * 50))
    with pytest.raises(DataError) as info:
        load_democracy_passages(path)
    assert_names(info.value, "democracy_passages.csv", 11, "quotation")
