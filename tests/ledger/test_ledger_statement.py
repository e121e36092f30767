"""The joint statement as data: paragraphs, word counts, where the commentary's quotations sit."""

from __future__ import annotations

import pytest

from helpers.core.schema import DataError
from helpers.ledger.data import load_claims
from helpers.ledger.precision_data import precision_verdict
from helpers.ledger.statement_data import (
    COMMENTARY_WORDS,
    REPORTED_WORDS,
    load_statement,
    load_statement_phrases,
    phrase_locations,
    word_count,
)


@pytest.fixture(scope="module")
def statement():
    return load_statement()


def test_paragraphs_in_official_order_are_the_four_read(statement):
    placed = statement.dropna(subset=["position"])
    assert placed["passage_id"].tolist() == ["p01", "p02", "p03", "p04"]
    assert placed["position"].tolist() == [1, 2, 3, 4]
    assert placed["extent"].tolist() == ["paragraph", "paragraph", "paragraph", "opening_only"]
    assert placed.iloc[0]["text_en"].startswith("At the invitation of President of the People's")


def test_word_counts(statement):
    words = statement.set_index("passage_id")["words"]
    assert words["p02"] == 18  # "The Russian Federation and the People's Republic of China, ..."
    assert words["p01"] == 48 and words["p03"] == 182
    assert words["k_democracy_people_decide"] == 0, "not read: no words"
    total = int(words.sum())
    assert 0.05 < total / REPORTED_WORDS < 0.2, "about a tenth of the text is here"


def test_the_commentarys_word_count_is_within_its_precision():
    c34 = load_claims().set_index("claim_id").loc["c34"]
    assert c34["value"] == COMMENTARY_WORDS and c34["checked_value"] == REPORTED_WORDS
    assert precision_verdict(COMMENTARY_WORDS, REPORTED_WORDS) == c34["check_status"] == "supported"


@pytest.mark.parametrize(
    ("claim_id", "passage_id"),
    [("c55", "k_no_limits"), ("c39", "k_superior_to_alliances"), ("c22", "k_no_state_security")],
)
def test_each_quoted_phrase_sits_in_its_passage(statement, claim_id, passage_id):
    claim = load_claims().set_index("claim_id").loc[claim_id]
    words = claim["quotation"].strip('"“”').split(",")[0].strip('"“” ')
    assert phrase_locations(statement, words) == [passage_id]
    row = statement.set_index("passage_id").loc[passage_id]
    assert row["commentary_paragraph"] == claim["paragraph"]


def test_passages_the_commentary_does_not_use(statement):
    unused = statement[statement["commentary_paragraph"].isna() & (statement["words"] > 0)]
    assert set(unused["passage_id"]) == {"p02", "p03"}


def test_democracy_rows_lesson_05_refers_to(statement):
    rows = statement.set_index("passage_id")
    for pid in ("k_democracy_universal", "k_democracy_abuse", "k_democracy_people_decide"):
        assert rows.loc[pid, "key"] == "democracy" and rows.loc[pid, "section"] == "I"
    assert rows.loc["k_democracy_universal", "text_zh"].startswith(
        "双方一致认为，民主是全人类共同价值"
    )
    assert rows.loc["k_democracy_people_decide", "extent"] == "not_read"
    assert "Xinhua" in rows.loc["k_democracy_people_decide", "note"]


def test_every_row_says_where_it_was_read(statement):
    has_en = statement["text_en"].notna()
    assert statement.loc[has_en, "en_source_id"].map(len).gt(0).all()
    assert (
        statement.loc[has_en, "en_source_id"]
        .map(lambda ids: "kremlin_2022_joint_statement" in ids)
        .all()
    )


def test_word_count_rules():
    assert word_count("Heads of State held talks in Beijing.") == 7
    assert word_count("long-term legally binding") == 3
    assert word_count("the People's Republic") == 3
    assert word_count("") == word_count(None) == 0


def test_a_gap_in_the_official_order_is_refused(corrupt):
    path = corrupt("joint_statement_2022.csv", lambda t: t.replace("\np03,3,", "\np03,5,"))
    with pytest.raises(DataError) as err:
        load_statement(path)
    assert "joint_statement_2022.csv" in str(err.value) and "position" in str(err.value)
    assert "line" in str(err.value)


def test_a_passage_not_read_cannot_carry_text(corrupt):
    path = corrupt(
        "joint_statement_2022.csv",
        lambda t: t.replace(
            "k_democracy_people_decide,,I,not_read,,", "k_democracy_people_decide,,I,not_read,x,"
        ),
    )
    with pytest.raises(DataError, match="not_read"):
        load_statement(path)


def test_phrases_across_statements_mark_hindsight():
    phrases = load_statement_phrases()
    later = phrases["statement_date"] > "2022-02-04"
    assert phrases.loc[later, "note"].str.startswith("HINDSIGHT").all()
    assert not phrases.loc[~later, "note"].str.startswith("HINDSIGHT").any()
    alliance = phrases[phrases["phrase"] == "not_an_alliance"]
    assert (alliance["status"] == "present").all(), "the formula is in every statement read"
    assert alliance["statement_date"].min() < __import__("pandas").Timestamp("2022-02-04")


def test_a_later_phrase_without_hindsight_mark_is_refused(corrupt):
    path = corrupt(
        "joint_statement_phrases.csv",
        lambda t: t.replace(',"HINDSIGHT (after 4 Feb 2022). ', ',"', 1),
    )
    with pytest.raises(DataError, match="HINDSIGHT"):
        load_statement_phrases(path)
