"""Lesson 01's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import json

import pytest
from support import ROOT

from helpers.ledger import checks
from helpers.ledger.data import load_claims
from helpers.ledger.model import months_between
from helpers.ledger.statement_data import REPORTED_WORDS, load_statement


@pytest.fixture(scope="module")
def truth():
    return load_claims().set_index("claim_id")["claim_type"]


def test_ex_1_1_classifications(truth):
    right = {c: truth[c] for c in checks.EX_1_1_CLAIMS}
    assert checks.ex_1_1(right).message == "All 5 match the ledger."
    assert checks.ex_1_1({c: f" {k.title()} " for c, k in right.items()}).correct


def test_ex_1_1_wrong_kinds_missing_and_extra_keys(truth):
    right = {c: truth[c] for c in checks.EX_1_1_CLAIMS}
    first = checks.EX_1_1_CLAIMS[0]
    other = next(k for k in ("factual", "normative") if k != right[first])
    wrong = checks.ex_1_1({**right, first: other})
    assert not wrong and wrong.message.startswith("4 of 5 right so far.")
    assert f"{first}: the ledger does not say {other}. Ask:" in wrong.message
    assert "'opinion' is not one of" in checks.ex_1_1({**right, first: "opinion"}).message
    assert "give the kind in quotes" in checks.ex_1_1({**right, first: 1}).message
    deleted = dict(list(right.items())[:-1])
    assert not checks.ex_1_1(deleted), "a dictionary with a key deleted must not pass"
    assert f"Missing key: '{checks.EX_1_1_CLAIMS[-1]}'" in checks.ex_1_1(deleted).message
    extra = checks.ex_1_1({**right, "c99": "factual"})
    assert not extra and "Not asked for: 'c99'" in extra.message
    half = checks.ex_1_1({**dict.fromkeys(right, ...), first: right[first]})
    assert not half and "not answered yet" in half.message
    assert "Give a dictionary" in checks.ex_1_1(["factual"]).message


def test_ex_1_1_asks_about_the_claims_the_lesson_prints():
    nb = json.loads((ROOT / "notebooks" / "01_reading_a_commentary.ipynb").read_text())
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    answer = next(src for src in code if src.startswith("my_answers = {"))
    for claim_id in checks.EX_1_1_CLAIMS:
        assert f'"{claim_id}": ...' in answer


def test_ex_1_2_the_wrong_word():
    assert checks.ex_1_2("october").correct
    assert "December 2021" in checks.ex_1_2("October").message
    wrong = checks.ex_1_2("US sponsored")
    assert not wrong and "hosted by President Biden" in wrong.message
    assert "not one of the options" in checks.ex_1_2("December").message


def test_ex_1_3_months_since_brasilia():
    assert checks.ex_1_3(months_between("2019-11-13", "2022-02-04")).correct  # the worked answer
    assert checks.ex_1_3(27).correct, "the worked answer says 'about 27'"
    assert checks.ex_1_3(months_between("2019-11-14", "2022-02-04")).correct
    assert "commentary's figure" in checks.ex_1_3(25).message
    assert "remove the quotes" in checks.ex_1_3("27").message
    wrong = checks.ex_1_3(26)
    assert not wrong and 'months_between("2019-11-13", "2022-02-04")' in wrong.message


def test_ex_1_4_share_checkable():
    claims = load_claims()
    share = (claims["check_status"] != "not checkable").mean()  # the worked answer
    assert checks.ex_1_4(share).correct and checks.ex_1_4(round(share, 2)).correct
    assert "percentage" in checks.ex_1_4(share * 100).message
    assert "not checkable" in checks.ex_1_4(1 - share).message
    count = (claims["check_status"] != "not checkable").sum()
    assert "number of claims" in checks.ex_1_4(int(count)).message


def test_ex_1_5_share_of_the_statement_read():
    statement = load_statement()
    share = statement["words"].sum() / REPORTED_WORDS  # the worked answer
    assert 0.05 < share < 0.2
    assert checks.ex_1_5(share).correct and checks.ex_1_5(round(share, 2)).correct
    assert "percentage" in checks.ex_1_5(share * 100).message
    assert "number of words" in checks.ex_1_5(int(statement["words"].sum())).message
    assert "remove the quotes" in checks.ex_1_5(str(round(share, 3))).message
    assert not checks.ex_1_5(1 - share)


def test_ex_1_1_items_are_not_worked_through_above_the_exercise():
    """Issue 19: the exercise uses claims that no cell above it classifies or discusses."""
    nb = json.loads((ROOT / "notebooks" / "01_reading_a_commentary.ipynb").read_text())
    above = []
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if text.startswith("### Exercise 1.1"):
            break
        above.append(text)
        for out in cell.get("outputs", []):
            above.append(json.dumps(out, ensure_ascii=False))
    seen = "\n".join(above)
    claims = load_claims().set_index("claim_id")
    for claim_id in checks.EX_1_1_CLAIMS:
        assert claims.loc[claim_id, "quotation"][:40] not in seen, claim_id


@pytest.mark.parametrize(
    "check", [checks.ex_1_1, checks.ex_1_2, checks.ex_1_3, checks.ex_1_4, checks.ex_1_5]
)
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
    blank = checks.ex_1_1(dict.fromkeys(checks.EX_1_1_CLAIMS, ...))
    assert not blank.answered
