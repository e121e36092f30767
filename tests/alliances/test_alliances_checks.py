"""Lesson 04's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import pytest

from helpers.alliances import checks
from helpers.alliances.cascade import commitments_from_frame, simulate_cascade
from helpers.alliances.data import STATES_1914, load_alliances_1914
from helpers.alliances.model import checklist_score

GREY = {"defense": 0, "offense": 0, "neutrality": 0, "nonaggression": 0, "consultation": 1}
ARGUMENT = (
    "As a legal duty the 2022 statement binds less than the 1950 treaty, which had a defense "
    "clause in Article I. It scores 0 on the checklist in Figure 4.1. But as a political "
    "expectation, no limits may bind more: it raises the cost of distancing. The 1950 alliance "
    "did not survive diverging interests, so written duties are not everything."
)


def test_ex_4_1_article_iv():
    right = checks.ex_4_1("none")
    assert right and "not specific to military crises" in right.message
    assert checks.ex_4_1(" None ").correct
    assert "Tempting" in checks.ex_4_1("consultation").message
    assert "Article I" in checks.ex_4_1("defense").message
    assert "only talks" in checks.ex_4_1("offense").message


def test_ex_4_8_grey_cambon():
    right = checks.ex_4_8((GREY, checklist_score(GREY)))
    assert right and right.message.startswith("Right: consultation only, score 1.")
    assert checks.ex_4_8([GREY, 1]).correct


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (({**GREY, "defense": 1}, 2), "Look again at 'defense': does the text promise help"),
        (({**GREY, "offense": ...}, 1), "Replace every ... in the dictionary with 0 or 1."),
        (({**GREY, "offense": "yes"}, 1), "must be 0 or 1; 'offense' is 'yes'"),
        (({**GREY, "offense": "0"}, 1), "'offense' should be a number, not text"),
        (({**GREY, "defense": True}, 1), "must be 0 or 1"),
        (({k: v for k, v in GREY.items() if k != "offense"}, 1), "Missing key: 'offense'"),
        (({**GREY, "alliance": 1}, 1), "Not asked for: 'alliance'"),
        ((GREY, 5), "now compute the score"),
        ((GREY, ...), "now compute its score"),
        (GREY, "now compute its score"),
        ((["consultation"], 1), "Give a dictionary"),
        ("consultation", "Give the coding and the score together"),
    ],
)
def test_ex_4_8_typical_mistakes(answer, words):
    result = checks.ex_4_8(answer)
    assert not result and words in result.message


def test_ex_4_7_london_step_1():
    entries = simulate_cascade(
        commitments_from_frame(load_alliances_1914()), "DEU", "BEL", states=STATES_1914
    ).entries
    worked = list(entries.loc[entries["step"] == 1, "state"])  # the worked answer
    assert checks.ex_4_7(worked).correct
    assert checks.ex_4_7([s.lower() for s in worked]).correct, "lower-case codes are fine"
    assert checks.ex_4_7(tuple(reversed(worked))).correct
    early = checks.ex_4_7([*worked, "DEU"])
    assert not early and "DEU is at war from step 0" in early.message
    late = checks.ex_4_7(["GBR", "ITA"])
    assert (
        "3 items missing and 1 extra ('ITA')" in late.message
        and "later than step 1" in late.message
    )
    assert "states' codes" in checks.ex_4_7(["Britain", "France"]).message
    assert "one piece of text" in checks.ex_4_7("GBR, FRA, RUS, AUT").message


def test_ex_4_5_binds_to_fight():
    assert checks.ex_4_5("less").correct and checks.ex_4_5("LESS ").correct
    assert "range of cooperation" in checks.ex_4_5("more").message
    assert "Figure 4.1" in checks.ex_4_5("the same").message
    assert checks.ex_4_5("thesame").message.startswith('Not "the same"')


def test_ex_4_5_argument_never_says_saved():
    template = "\n...\n"
    blank = checks.ex_4_5_argument(template)
    assert not blank and not blank.answered and "Saved" not in blank.message
    short = checks.ex_4_5_argument("It binds less.")
    assert not short and "3 words" in short.message
    vague = "It binds less because friendship is nice and the two leaders like each other. " * 5
    assert "evidence" in checks.ex_4_5_argument(vague).message
    good = checks.ex_4_5_argument(ARGUMENT)
    assert good and good.message.startswith("Ready to compare:")
    assert "saved" not in good.message.lower() and "does not grade or keep" in good.message
    assert "as text" in checks.ex_4_5_argument(42).message


def test_argument_problem():
    assert "words" in checks.argument_problem("It binds less.")
    assert checks.argument_problem(ARGUMENT) is None
    assert "text" in checks.argument_problem(42)


def test_coding_problem():
    assert checks.coding_problem(GREY, GREY, score=checklist_score(GREY)) is None
    assert "'defense'" in checks.coding_problem({**GREY, "defense": 1}, GREY)
    assert "Give a dictionary" in checks.coding_problem(["consultation"], GREY)


@pytest.mark.parametrize(
    "check",
    [
        checks.ex_4_1,
        checks.ex_4_2,
        checks.ex_4_6,
        checks.ex_4_3,
        checks.ex_4_4,
        checks.ex_4_7,
        checks.ex_4_5,
        checks.ex_4_5_argument,
        checks.ex_4_8,
        checks.ex_4_9,
        checks.ex_4_10,
    ],
)
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
    blank = checks.ex_4_8((dict.fromkeys(GREY, ...), ...))
    assert not blank.correct and not blank.answered
