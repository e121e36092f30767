"""Lesson 04's data: treaties coded by obligation, 1914 commitments and declarations of war."""

from __future__ import annotations

import re

import pytest

from helpers.alliances.data import (
    EPISODE_CODINGS,
    OBLIGATIONS,
    load_alliances_1914,
    load_episodes_1950s,
    load_july_crisis_1914,
    load_treaties,
)
from helpers.core.schema import DataError

REQUIRED = {
    "sino_soviet_1950",
    "good_neighbor_2001",
    "good_neighbor_2021_extension",
    "joint_statement_2022",
    "nato_1949",
    "aukus_2021",
    "roc_ussr_1945",
    "joint_declaration_1992",
    "shanghai_five_1996",
    "sino_dprk_1961",
    "russia_dprk_2024",
}


# ------------------------------------------------------------------ treaties.csv


def test_every_agreement_of_the_lesson_is_there():
    assert REQUIRED <= set(load_treaties()["agreement_id"])


def test_atop_and_cow_disagree_on_the_end_of_the_1950_treaty_and_both_are_kept():
    t = load_treaties().set_index("coding_id")
    assert str(t.loc["sino_soviet_1950_atop", "ended"].date()) == "1980-04-11"
    assert str(t.loc["sino_soviet_1950_cow", "ended"].date()) == "1980-02-14"
    assert t.loc["sino_soviet_1950_atop", "dataset_id"] == "ATOP 3200"
    assert t.loc["sino_soviet_1950_cow", "cow_type"] == "Type I: Defense Pact"


def test_atop_codes_the_1950_treaty_as_defense_and_the_2001_treaty_without_it():
    t = load_treaties().set_index("coding_id")
    assert t.loc["sino_soviet_1950_atop", ["defense", "nonaggression"]].tolist() == [1, 1]
    assert t.loc["good_neighbor_2001_atop", "defense"] == 0
    assert t.loc["good_neighbor_2001_atop", ["nonaggression", "consultation"]].tolist() == [1, 1]


def test_rows_outside_atop_are_marked_as_this_projects_coding():
    t = load_treaties()
    own = t[t["coded_by"] == "this project"]
    assert set(own["agreement_id"]) == {
        "joint_statement_2022",
        "aukus_2021",
        "good_neighbor_2021_extension",
        "russia_dprk_2024",
    }
    assert (own["coding_kind"] == "own coding").all()
    assert own["source_id"].map(lambda ids: "own_coding_atop_definitions" in ids).all()
    for row in own.to_dict("records"):
        unread = set(row["unread_obligations"] or ())
        for name in OBLIGATIONS:
            coded = row[name] is not None and row[name] == row[name]
            assert coded != (name in unread), f"{row['coding_id']}: {name} coded xor unread"
    assert own["key_clause"].str.len().gt(20).all()


def test_obligations_are_zero_one_or_not_coded():
    t = load_treaties()
    for name in OBLIGATIONS:
        assert set(t[name].dropna().unique()) <= {0, 1}
    cow = t[t["coded_by"] == "COW v4.1"]
    assert cow["offense"].isna().all(), "COW does not code offense pledges"


def test_quotations_are_short():
    t = load_treaties()
    quoted = t.loc[t["clause_is_quote"], "key_clause"]
    assert quoted.str.split().str.len().le(40).all(), "quote a sentence or less"


def test_the_2024_treaty_is_coded_clause_by_clause_and_marked_hindsight():
    t = load_treaties().set_index("coding_id")
    own = t.loc["russia_dprk_2024_own"]
    assert (own["defense"], own["consultation"]) == (1, 1)
    assert (own["offense"], own["neutrality"], own["nonaggression"]) == (0, 0, 0)
    assert not own["unread_obligations"], "every obligation is now coded from the text read"
    assert "kcna_2024_06_20_dprk_russia_treaty" in own["clause_source_id"]
    for article in ("Art. 1", "Art. 3", "Art. 4", "Art. 5"):
        assert article in own["notes"], f"the coding says what {article} promises"
    assert own["in_force"].strftime("%Y-%m-%d") == "2024-12-04"
    assert own["notes"].startswith("HINDSIGHT")
    assert t.loc["russia_dprk_2024_cow", "cow_type"] == "not coded"


# ------------------------------------------------------------------ alliance_episodes_1950s.csv


def test_the_episodes_cover_the_issue_s_cases_with_sources():
    ep = load_episodes_1950s().set_index("episode_id")
    for case in ("china_entry_1950", "taiwan_strait_1954", "taiwan_strait_1958",
                 "tass_india_1959", "defence_technical_accord_1957", "nuclear_aid_halt_1959",
                 "specialists_withdrawn_1960"):  # fmt: skip
        assert case in ep.index
    assert set(ep["coding"]) == set(EPISODE_CODINGS)
    assert ep["source_id"].map(len).ge(1).all()
    assert ep.loc["nuclear_aid_halt_1959", "start"].strftime("%Y-%m-%d") == "1959-06-20"
    assert ep["start"].is_monotonic_increasing


def test_contested_episodes_say_so():
    ep = load_episodes_1950s().set_index("episode_id")
    assert "CONTESTED" in ep.loc["air_cover_dispute_1950", "notes"]
    assert ep.loc["air_cover_dispute_1950", "confidence"] == "low"
    assert "CONFLICT" in ep.loc["specialists_withdrawn_1960", "notes"]


def test_evidence_quotes_are_short():
    ep = load_episodes_1950s()
    assert ep["evidence_quote"].str.split().str.len().le(60).all()


# ------------------------------------------------------------------ alliances_1914.csv


def test_1914_commitments_cover_both_blocs():
    a = load_alliances_1914()
    treaties = set(a["treaty_id"])
    assert {
        "dual_alliance_1879",
        "triple_alliance_1882",
        "franco_russian_1892",
        "london_1839",
        "russia_serbia_pledge_1914",
    } <= treaties
    fr = a[a["treaty_id"] == "franco_russian_1892"].set_index("guarantor")
    assert fr.loc["FRA", "fights"] == "DEU" and fr.loc["RUS", "fights"] == "DEU"
    informal = set(a.loc[~a["formal"], "treaty_id"])
    assert informal == {"russia_serbia_pledge_1914", "grey_cambon_1912"}


# ------------------------------------------------------------------ july_crisis_1914.csv


def test_declarations_28_july_to_4_august():
    ev = load_july_crisis_1914()
    main = ev[(ev["kind"] == "declaration") & (ev["reading"] == "main")]
    first_week = main[main["date"] <= "1914-08-04"]
    pairs = [tuple(p) for p in first_week[["actor", "target"]].values]
    assert pairs == [("AUT", "SRB"), ("DEU", "RUS"), ("DEU", "FRA"), ("DEU", "BEL"), ("GBR", "DEU")]


def test_each_alternative_date_has_a_main_reading():
    ev = load_july_crisis_1914()
    main = set(
        map(tuple, ev.loc[ev["reading"] == "main", ["kind", "actor", "target"]].fillna("").values)
    )
    alternatives = ev.loc[ev["reading"] == "alternative", ["kind", "actor", "target"]].fillna("")
    for row in map(tuple, alternatives.values):
        assert row in main, f"alternative reading without a main one: {row}"
    dup = ev[ev["reading"] == "main"].duplicated(["kind", "actor", "target"])
    assert not dup.any(), "one main reading per event"


def test_the_russian_ottoman_declaration_date_disagreement_is_kept():
    ev = load_july_crisis_1914()
    rus_ott = ev[(ev["actor"] == "RUS") & (ev["target"] == "OTT")]
    assert sorted(d.day for d in rus_ott["date"]) == [1, 2, 3, 4]
    assert (rus_ott["reading"] == "main").sum() == 1


# ------------------------------------------------------------------ bad input


def _replace(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, f"test set-up: {old!r} not in the file"
        return text.replace(old, new, 1)

    return change


TR = ("treaties.csv", load_treaties)
EP = ("alliance_episodes_1950s.csv", load_episodes_1950s)
AL = ("alliances_1914.csv", load_alliances_1914)
JU = ("july_crisis_1914.csv", load_july_crisis_1914)
DEF = ",DEU,AUT,defense,RUS,"


@pytest.mark.parametrize(
    ("name", "loader", "old", "new", "row", "column", "problem"),
    [
        (
            *TR,
            ",ATOP v4.01,dataset,ATOP 3200,",
            ",this project,dataset,ATOP 3200,",
            None,
            "coding_kind",
            "rows coded by 'this project' are 'own coding'",
        ),
        (
            *TR,
            "1950-02-14,1950-04-11,1980-04-11,ATOP",
            "1950-02-14,1950-04-11,1940-04-11,ATOP",
            None,
            "ended",
            "ends (1940-04-11) before it starts (1950-02-14)",
        ),
        (
            *TR,
            ",ATOP 3200,1,0,0,1,0,",
            ",ATOP 3200,1,,0,1,0,",
            None,
            "offense",
            "obligation 'offense' is blank; write 0 or 1",
        ),
        (
            *TR,
            ",ATOP 3200,1,0,0,1,0,",
            ",ATOP 3200,2,0,0,1,0,",
            None,
            "defense",
            "above the largest allowed value",
        ),
        (
            *TR,
            ",COW v4.1,dataset,COW 229,",
            ",COW 4.1,dataset,COW 229,",
            None,
            "coded_by",
            "unexpected value 'COW 4.1'; expected one of: ATOP v4.01, COW v4.1",
        ),
        (
            *TR,
            "this project,own coding,,1,0,0,0,1,",
            "this project,own coding,,1,0,0,,1,",
            None,
            "nonaggression",
            "obligation 'nonaggression' is blank; write 0 or 1, or list it in unread_obligations",
        ),
        (
            *TR,
            '(KCNA via TASS).",\n',
            '(KCNA via TASS).",defense\n',
            None,
            "defense",
            "obligation 'defense' is coded but also listed as unread",
        ),
        (
            *TR,
            '(KCNA via TASS).",\n',
            '(KCNA via TASS).",offense;alliance\n',
            None,
            "unread_obligations",
            "unexpected value 'alliance'",
        ),
        (
            *EP,
            "1959-09-09,1959-09-13,day",
            "1959-09-09,1959-08-13,day",
            None,
            "end",
            "ends (1959-08-13) before it starts (1959-09-09)",
        ),
        (
            *EP,
            ",abandonment,CHN,",
            ",betrayal,CHN,",
            None,
            "coding",
            "unexpected value 'betrayal'",
        ),
        (
            *AL,
            DEF,
            ",DEU,AUT,alliance,RUS,",
            2,
            "obligation",
            "unexpected value 'alliance'; expected one of: defense, offense",
        ),
        (
            *AL,
            DEF,
            ",DEU,DEU,defense,RUS,",
            2,
            "protected",
            "'DEU' cannot be bound to (or act on) itself",
        ),
        (
            *AL,
            DEF,
            ",DEU,AUT,defense,any;RUS,",
            2,
            "triggered_by",
            "'any' cannot be combined with named states",
        ),
        (
            *AL,
            DEF,
            ",USA,AUT,defense,RUS,",
            2,
            "guarantor",
            "unexpected value 'USA'; expected one of: AUT, BEL",
        ),
        (
            *JU,
            "declaration,AUT,SRB,",
            "declaration,AUT,,",
            None,
            "target",
            "a declaration needs a target state",
        ),
        (
            *JU,
            "1914-07-28,declaration",
            "1914-07-32,declaration",
            None,
            "date",
            "'1914-07-32' is not a real calendar date",
        ),
    ],
)
def test_bad_input_names_file_row_and_column(corrupt, name, loader, old, new, row, column, problem):
    path = corrupt(name, _replace(old, new))
    with pytest.raises(DataError) as info:
        loader(path)
    err = info.value
    assert err.column == column
    assert name in err.file
    assert isinstance(err.row, int) and err.row >= 2
    if row is not None:
        assert err.row == row
    assert problem in str(err)
    assert re.search(rf"line {err.line}, column '{column}'", str(err))


def test_unknown_source_id_is_refused(corrupt):
    path = corrupt(
        "alliances_1914.csv", _replace("wikisource_dual_alliance_1879", "nobody_read_this")
    )
    with pytest.raises(DataError, match=r"unknown source_id 'nobody_read_this'"):
        load_alliances_1914(path)


def test_an_unread_obligation_is_refused_outside_own_codings(corrupt):
    def change(text: str) -> str:
        lines = text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith("sino_soviet_1950_cow,"):
                lines[i] = line.rstrip("\n").removesuffix(",") + ",nonaggression\n"
        return "".join(lines)

    with pytest.raises(DataError, match="only an own coding may leave obligations unread"):
        load_treaties(corrupt("treaties.csv", change))
