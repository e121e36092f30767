"""The texts in students' hands (issue 18): the commentary's link and date, hindsight marks, and
the ledger agreeing with the exercises' feedback."""

from __future__ import annotations

import calendar
import json
import re

import pandas as pd
import pytest
from support import ROOT

from helpers.core.sources import load_sources
from helpers.ledger import checks
from helpers.ledger.data import load_claims, load_commentary, load_glossary
from helpers.ledger.model import months_between
from helpers.ledger.precision_data import precision_verdict
from helpers.relations.data import load_events

FIRST_LESSONS = ["00_start_here.ipynb", "01_reading_a_commentary.ipynb"]
LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
MONTHS = "|".join(calendar.month_name[1:])
LATER = re.compile(rf"\b20(2[3-9])\b|\b({'|'.join(calendar.month_name[3:])}) 2022\b")


def cells(name: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module")
def meta() -> dict:
    return load_commentary().metadata


@pytest.mark.parametrize("name", FIRST_LESSONS)
def test_first_cell_links_the_commentary_as_the_source_record_gives_it(name, meta):
    first = "".join(cells(name)[0]["source"])
    record = load_sources().set_index("source_id").loc[meta["source_id"]]
    links = dict((url, text) for text, url in LINK.findall(first))
    assert record["url"] == meta["url"], "sources.csv and commentary.json disagree on the URL"
    assert record["url"] in links, f"{name}: the first cell does not link {record['url']}"
    assert "Back to the Past" in links[record["url"]]
    assert "PacNet #8" in first and meta["date_shown"] in first


def test_reading_the_commentary_is_step_1_of_lesson_00(meta):
    first = "".join(cells("00_start_here.ipynb")[0]["source"])
    step = first.index("Step 1")
    assert step < first.index(meta["url"]) < first.index("By the end of this lesson")


def test_the_date_has_one_source_of_truth(meta):
    record = load_sources().set_index("source_id").loc[meta["source_id"]]
    assert pd.Timestamp(record["date"]) == pd.Timestamp(meta["date"]) == pd.Timestamp("2022-02")
    month = pd.Timestamp(meta["date"])
    assert meta["date_shown"] == f"{month:%B %Y}"
    assert (
        pd.Timestamp(meta["date_earliest"])
        == load_events().set_index("event_id").loc["joint_statement_2022", "date"]
    )
    assert pd.Timestamp(meta["date_earliest"]) < pd.Timestamp(meta["date_latest"])
    assert (
        pd.Timestamp(meta["date_latest"])
        == load_events().set_index("event_id").loc["invasion_of_ukraine_2022", "date"]
    )


def _texts():
    """Every lesson, assignment and guide text that may cite the commentary."""
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
        (ROOT / "assignments" / "source").glob("*.ipynb")
    ):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            yield path.name, "".join(cell["source"])
            for out in cell.get("outputs", []):
                yield path.name, "".join(out.get("text", ""))
    for path in [
        ROOT / "README.md",
        ROOT / "docs" / "teaching-guide.md",
        *(ROOT / "docs" / "guide").glob("*.md"),
    ]:
        if path.exists():
            yield path.name, path.read_text(encoding="utf-8")


def test_lessons_and_guides_state_the_commentarys_date_the_same_way(meta):
    when = rf"\d{{4}}-\d{{2}}(?:-\d{{2}})?|(?:\d{{1,2}} )?(?:{MONTHS}) \d{{4}}"
    cited = re.compile(rf"PacNet #8[^.\n]{{0,60}}?({when})")
    found = 0
    for name, text in _texts():
        for match in cited.finditer(text):
            found += 1
            assert match.group(1) == meta["date_shown"], f"{name}: {match.group(0)!r}"
        assert "Two weeks later, Yu Bin" not in text, f"{name}: the day is not known"
    assert found >= 5


def test_author_bio_rests_on_his_own_pages(meta):
    sources = load_sources().set_index("source_id")
    urls = [sources.loc[sid, "url"] for sid in meta["author_bio_source_id"]]
    assert any("pacforum.org/author/yu-bin" in u for u in urls)
    assert any("wittenberg.edu" in u for u in urls)
    bio = "".join(cells("00_start_here.ipynb")[1]["source"])
    assert "source criticism" in bio and "Wittenberg" in bio and "State Council" in bio


def test_every_hindsight_note_says_so():
    claims = load_claims()
    for _, row in claims.iterrows():
        # "by 2024" is the year of a target set before 2022, not a later event
        if LATER.search(re.sub(r"by[ -]2024", "", row["check_note"])):
            assert "Hindsight" in row["check_note"] and row["hindsight"], row["claim_id"]
    glossary = load_glossary()
    for _, row in glossary.iterrows():
        text = f"{row['definition']} {row['notes'] or ''}"
        if LATER.search(text):
            assert "Hindsight" in text, row["term_id"]


def test_not_found_and_no_evidence_are_explained_in_the_lesson():
    text = "\n".join("".join(c["source"]) for c in cells("01_reading_a_commentary.ipynb"))
    for status in ("`not found`", "`no evidence`", "`not checkable`", "`contested`"):
        assert status in text
    assert "`unverifiable`" not in text, (
        "the old status is gone (the word may appear in the story of c11)"
    )


# --- the ledger and the exercises' feedback agree ---------------------------------------------


def test_exercise_1_3_and_the_ledger_agree():
    c15 = load_claims().set_index("claim_id").loc[checks.EX_1_3_CLAIM]
    dates = load_events().set_index("event_id")["date"]
    gap = months_between(*(dates[e] for e in checks.EX_1_3_EVENTS))
    assert round(gap, 1) == c15["checked_value"]
    assert checks.ex_1_3(c15["checked_value"]).correct
    assert not checks.ex_1_3(c15["value"]).correct
    assert precision_verdict(c15["value"], gap, c15["precision"]) == c15["check_status"] == "error"


def test_exercise_1_2_and_the_ledger_agree():
    c58 = load_claims().set_index("claim_id").loc[checks.EX_1_2_CLAIM]
    stated, actual = (calendar.month_name[int(c58[k])] for k in ("value", "checked_value"))
    assert checks.ex_1_2(stated).correct and c58["check_status"] == "error"
    assert f"{actual} 2021" in checks.ex_1_2(stated).message


def test_exercise_1_1_and_the_ledger_agree():
    truth = load_claims().set_index("claim_id")["claim_type"]
    assert checks.ex_1_1({c: truth[c] for c in checks.EX_1_1_CLAIMS}).correct


def test_lesson_01_counts_the_errors_the_ledger_has():
    errors = int((load_claims()["check_status"] == "error").sum())
    words = {3: "Three"}
    summary = next(
        "".join(c["source"])
        for c in cells("01_reading_a_commentary.ipynb")
        if "".join(c["source"]).startswith("## Summary")
    )
    assert f"{words[errors]} are wrong" in summary
