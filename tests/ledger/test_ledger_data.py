"""Lesson 01 data: the commentary, the claim ledger and the glossary; loaders and bad input."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from helpers.alliances.data import load_july_crisis_1914
from helpers.core.schema import DataError
from helpers.core.sources import load_sources
from helpers.ledger.data import SECTION_PARAGRAPHS, load_claims, load_commentary, load_glossary
from helpers.ledger.model import days_between, months_between, uncovered_paragraphs, years_between
from helpers.relations.data import load_events


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_claims()


def claim(claims: pd.DataFrame, words: str) -> pd.Series:
    """The one claim whose quotation contains ``words``."""
    found = claims[claims["quotation"].str.contains(words, regex=False)]
    assert len(found) == 1, f"{len(found)} claims quote {words!r}"
    return found.iloc[0]


def event_date(event_id: str, column: str = "date") -> str:
    return f"{load_events().set_index('event_id').loc[event_id, column]:%Y-%m-%d}"


# --- the ledger as a whole ----------------------------------------------------------------------


def test_ledger_is_typed_and_large_enough(claims):
    assert len(claims) >= 40
    assert claims["claim_id"].is_unique
    assert claims["paragraph"].dtype == "int64"
    assert claims["value"].dtype == "float64"
    assert isinstance(claims.loc[0, "source_id"], list)
    assert claims["paragraph"].is_monotonic_increasing


def test_every_paragraph_is_covered(claims):
    assert uncovered_paragraphs(claims["paragraph"]) == []


def test_every_source_id_exists(claims):
    known = set(load_sources()["source_id"])
    used = {sid for ids in claims["source_id"] for sid in ids}
    assert used <= known, f"unknown ids: {sorted(used - known)}"


def test_sections_agree_with_the_commentary(claims):
    sections = load_commentary().sections.set_index("section_id")
    for _, row in claims.iterrows():
        first, last = sections.loc[row["section"], ["first_paragraph", "last_paragraph"]]
        assert first <= row["paragraph"] <= last, row["claim_id"]


def test_every_number_the_commentary_states_is_a_claim(claims):
    # 11 visits, nine hours, 16 agreements, $117.5 bn, $250 bn, 25 months, 1990, 5,400 words,
    # 50 years, 1914, "within a week", the 1950s/1960s/1980s, 1949-59, 30-year, October (10),
    # three decades (30)
    stated = {11, 9, 16, 117.5, 250, 25, 1990, 5400, 50, 1914, 1, 1950, 1960, 1980, 1949, 30, 10}
    assert stated <= set(claims["value"].dropna())


def test_all_four_kinds_and_every_status_occur(claims):
    assert set(claims["claim_type"]) == {"factual", "interpretive", "predictive", "normative"}
    assert set(claims["check_status"]) == {
        "supported", "error", "contested", "not found", "no evidence", "not checkable",
    }  # fmt: skip


def test_interpretive_predictive_normative_claims_are_never_simply_supported(claims):
    opinions = claims[claims["claim_type"] != "factual"]
    assert not (opinions["check_status"].isin(["supported", "error"])).any()


def test_hindsight_rows_say_so(claims):
    later = claims[claims["hindsight"]]
    assert len(later) >= 1
    assert later["check_note"].str.contains("Hindsight (after 4 Feb 2022)", regex=False).all()


# --- the fact-checks the lesson teaches ---------------------------------------------------------


def test_democracy_summit_was_in_december_not_october(claims):
    row = claim(claims, "Democracy Summit")
    assert row["check_status"] == "error"
    assert (row["value"], row["checked_value"]) == (10, 12)
    assert "state_gov_summit_for_democracy" in row["source_id"]
    assert event_date("summit_for_democracy_2021") == "2021-12-09"


def test_twenty_five_months_was_about_twenty_seven(claims):
    row = claim(claims, "25 months earlier")
    assert row["check_status"] == "error" and row["value"] == 25
    computed = months_between(
        event_date("brics_brasilia_2019", "end_date"), event_date("joint_statement_2022")
    )
    assert row["checked_value"] == computed == 26.7
    assert "xinhua_2019_brics_brasilia" in row["source_id"]


def test_eleven_visits_is_a_matter_of_definition(claims):
    row = claim(claims, "11 official visits")
    assert row["check_status"] == "contested"
    assert (row["value"], row["checked_value"]) == (11, 17)
    assert "definition" in row["check_note"]


def test_energy_figure_and_its_parts(claims):
    row = claim(claims, "117.5 billion")
    assert row["check_status"] == "supported" and row["topic"] == "energy"
    parts = [float(x) for x in re.findall(r"\$(\d+(?:\.\d+)?) bn", row["check_note"])]
    assert 80.0 in parts and 37.5 in parts and 80.0 + 37.5 == row["value"]
    assert "reuters_vnexpress_2022_energy_deals" in row["source_id"]


def test_trade_target_has_no_year(claims):
    target = claim(claims, "up to $250 billion")
    assert target["value"] == 250 and target["check_status"] == "supported"
    when = claim(claims, "in a few years")
    assert when["check_status"] == "no evidence", "the records that set the target give no year"
    assert "no" in when["check_note"] and "year" in when["check_note"]
    assert "kremlin_2022_talks_readout" in when["source_id"]


def test_baker_1990(claims):
    row = claim(claims, "James Baker in 1990")
    assert row["check_status"] == "supported" and row["checked_value"] == 1990
    assert "nsarchive_2017_nato_expansion" in row["source_id"]
    assert event_date("baker_not_one_inch_1990")[:4] == "1990"


def test_nixon_exactly_fifty_years_ago(claims):
    row = claim(claims, "exactly 50 years ago")
    years = years_between(event_date("nixon_in_china_1972"), event_date("joint_statement_2022"))
    assert row["checked_value"] == years
    assert abs(years - row["value"]) < 0.1 and row["check_status"] == "supported"


def test_statement_length_in_words(claims):
    row = claim(claims, "5,400-word")
    assert (row["value"], row["checked_value"]) == (5400, 5364)
    assert "wapo_2022_joint_statement" in row["source_id"]
    assert round(row["checked_value"], -2) == row["value"]


def test_within_a_week_of_sarajevo_is_wrong(claims):
    row = claim(claims, "Within a week")
    assert row["check_status"] == "error"
    # measured to the first declaration of war between two great powers: Germany on Russia
    first = load_july_crisis_1914().set_index("event_id").loc["deu_rus_1914_08_01", "date"]
    days = days_between(event_date("sarajevo_1914"), f"{first:%Y-%m-%d}")
    assert row["checked_value"] == round(days / 7, 1) == 4.9
    # Britain's declaration, which the note also gives, came later
    britain = days_between(event_date("sarajevo_1914"), event_date("britain_declares_war_1914"))
    assert round(britain / 7, 1) == 5.3 and "5.3 weeks" in row["check_note"]


# --- the glossary and the commentary ------------------------------------------------------------


def test_glossary_has_the_required_terms():
    glossary = load_glossary().set_index("term_id")
    for term in ("strategic_partnership", "alliance", "non_alignment", "westphalian_sovereignty",
                 "back_to_back", "no_limits", "strategic_triangle"):  # fmt: skip
        assert term in glossary.index, term
        assert len(glossary.loc[term, "definition"]) > 40
    assert glossary.loc["back_to_back", "chinese"] == "背靠背"
    assert glossary.loc["non_alignment", "chinese"] == "不结盟"


def test_glossary_originals_are_in_the_right_script():
    glossary = load_glossary()
    for text in glossary["chinese"].dropna():
        assert re.search(r"[\u4e00-\u9fff]", text), text
    for text in glossary["russian"].dropna():
        assert re.search(r"[\u0400-\u04ff]", text), text
    assert glossary["russian"].notna().sum() >= 6 and glossary["chinese"].notna().sum() >= 6


def test_commentary_metadata_sections_and_paragraphs():
    commentary = load_commentary()
    meta = commentary.metadata
    assert (meta["author"], meta["series"], meta["number"]) == ("Yu Bin", "PacNet", 8)
    assert meta["date"] == "2022-02" and meta["publisher"].startswith("Pacific Forum")
    ranges = {
        r.section_id: (r.first_paragraph, r.last_paragraph)
        for r in commentary.sections.itertuples()
    }
    assert ranges == SECTION_PARAGRAPHS
    assert list(commentary.paragraphs["paragraph"]) == list(range(1, 18))


def test_commentary_loader_returns_copies():
    first = load_commentary()
    first.metadata["author"] = "someone else"
    first.sections.loc[0, "summary"] = "changed"
    again = load_commentary()
    assert again.metadata["author"] == "Yu Bin" and again.sections.loc[0, "summary"] != "changed"


# --- bad input: the claim ledger and the glossary -----------------------------------------------


def _set(text: str, row: int, column: str, value: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


CLAIM_CASES = [
    # (id, change, row, column, words)
    ("unknown claim type", lambda t: _set(t, 2, "claim_type", "opinion"), 2, "claim_type",
     "expected one of: factual, interpretive, predictive, normative"),
    ("paragraph out of range", lambda t: _set(t, 3, "paragraph", "18"), 3, "paragraph",
     "above the largest"),
    ("section does not match paragraph", lambda t: _set(t, 4, "section", "back_to_the_past"), 4,
     "section", "is in section 'opening'"),
    ("unknown source", lambda t: _set(t, 5, "source_id", "yu_bin_2022_pacnet8;nobody_2030"), 5,
     "source_id", "unknown source_id 'nobody_2030'"),
    ("value without unit", lambda t: _set(t, 2, "unit", ""), 2, "unit", "needs a unit"),
    ("checked value without value", lambda t: _set(t, 5, "checked_value", "3"), 5,
     "checked_value", "needs the claim's own value"),
    ("quotation too long", lambda t: _set(t, 6, "quotation", "word " * 60), 6, "quotation",
     "a sentence or less"),
    ("hindsight without a note", lambda t: _set(t, 7, "hindsight", "true"), 7, "check_note",
     "Hindsight"),
    ("not a bool", lambda t: _set(t, 7, "hindsight", "yes"), 7, "hindsight", "true/false"),
    ("duplicate id", lambda t: _set(t, 9, "claim_id", "c01"), 9, "claim_id", "duplicate key"),
    ("blank quotation", lambda t: _set(t, 8, "quotation", ""), 8, "quotation", "blank"),
]  # fmt: skip


@pytest.mark.parametrize("case", CLAIM_CASES, ids=[c[0] for c in CLAIM_CASES])
def test_bad_claims_name_file_row_and_column(corrupt, case):
    _, change, row, column, words = case
    with pytest.raises(DataError) as info:
        load_claims(corrupt("claims.csv", change))
    message = str(info.value)
    assert "claims.csv" in message and f"line {row}" in message
    assert info.value.column == column and words in message


def test_glossary_bad_input(corrupt):
    with pytest.raises(DataError, match=r"glossary.csv, line 3, column 'commentary_paragraphs'"):
        load_glossary(corrupt("glossary.csv", lambda t: _set(t, 3, "commentary_paragraphs", "18")))
    with pytest.raises(DataError, match=r"line 6, column 'pinyin'.*Chinese term is blank"):
        load_glossary(corrupt("glossary.csv", lambda t: _set(t, 6, "chinese", "")))


# --- bad input: the commentary (JSON) -----------------------------------------------------------


def _json_change(change):
    def apply(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(data)

    return apply


def _add_text(data):
    data["paragraphs"][0]["text"] = "the full text must not be stored"


JSON_CASES = [
    # (id, change, field, words)
    ("missing metadata field", _json_change(lambda d: d["metadata"].pop("author")),
     "metadata.author", "missing"),
    ("blank summary", _json_change(lambda d: d["sections"][1].update(summary=" ")),
     "sections[1].summary", "blank"),
    ("wrong range", _json_change(lambda d: d["sections"][2].update(last_paragraph=8)),
     "sections[2].last_paragraph", "runs 4-7"),
    ("range not a number", _json_change(lambda d: d["sections"][0].update(first_paragraph="1")),
     "sections[0].first_paragraph", "not a whole number"),
    ("full text smuggled in", _json_change(_add_text), "paragraphs[0].text", "unexpected field"),
    ("a paragraph missing", _json_change(lambda d: d["paragraphs"].pop()), "paragraphs",
     "expected 17 paragraphs"),
    ("paragraph in wrong section",
     _json_change(lambda d: d["paragraphs"][4].update(section_id="opening")),
     "paragraphs[4].section_id", "world_according"),
    ("unknown source", _json_change(lambda d: d["metadata"].update(source_id="nobody_2030")),
     "metadata.source_id", "unknown source_id"),
    ("bad date", _json_change(lambda d: d["metadata"].update(date="February 2022")),
     "metadata.date", "cannot read"),
    ("no sections", _json_change(lambda d: d.pop("sections")), "sections", "missing"),
]  # fmt: skip


@pytest.mark.parametrize("case", JSON_CASES, ids=[c[0] for c in JSON_CASES])
def test_bad_commentary_names_file_and_field(corrupt, case):
    _, change, field, words = case
    with pytest.raises(DataError) as info:
        load_commentary(corrupt("commentary.json", change))
    message = str(info.value)
    assert "commentary.json" in message and f"field '{field}'" in message
    assert info.value.column == field and words in message


def test_commentary_that_is_not_json_names_the_line(corrupt):
    path = corrupt("commentary.json", lambda t: t.replace('"series": "PacNet",', '"series": ,'))
    with pytest.raises(DataError, match=r"commentary.json, line \d+: not valid JSON"):
        load_commentary(path)


def test_missing_commentary_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        load_commentary(tmp_path / "commentary.json")
