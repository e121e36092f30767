"""Typical beginners' answers across the lessons, each with the message it must get.

Each row: the exercise's check, what a beginner typed, whether it counts as right, and words the
message must contain. (The assignments' public checks are otter tests with their own messages;
none of them calls these helpers, so they are covered in tests/assignments.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.alliances import checks as alliances
from helpers.argument import checks as argument
from helpers.ledger import checks as ledger
from helpers.ledger.data import load_claims
from helpers.ledger.model import share_checkable
from helpers.relations import checks as relations
from helpers.trade import checks as trade
from helpers.triangle import checks as triangle

GREY = {"defense": 0, "offense": 0, "neutrality": 0, "nonaggression": 0, "consultation": 1}
KINDS = {"c32": "factual", "c56": "interpretive", "c33": "predictive", "c43": "normative",
         "c61": "factual"}  # fmt: skip
CODING = {"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}
NOT_YET = "Not answered yet"
SHARE = share_checkable(load_claims())

ROWS = [
    # lesson 00
    (relations.ex_0_1, "Split", True, "Correct: split"),
    (relations.ex_0_1, " split ", True, "Correct: split"),
    (relations.ex_0_1, "the split", False, "is not one of the options"),
    (relations.ex_0_1, "alliance", False, "compare the width of the other bands"),
    (relations.ex_0_1, ..., False, NOT_YET),
    (relations.ex_0_2, 51.4, True, "Correct"),
    (relations.ex_0_2, 51, True, "whole number is fine"),
    (relations.ex_0_2, "51.4", False, "remove the quotes"),
    (relations.ex_0_2, 18780, False, "divide it by 365.25"),
    (relations.ex_0_2, pd.Timedelta(days=18780), False, "length of time"),
    # lesson 01
    (ledger.ex_1_1, KINDS, True, "All 5 match the ledger"),
    (ledger.ex_1_1, {k: v.upper() for k, v in KINDS.items()}, True, "All 5 match"),
    (ledger.ex_1_1, {k: v for k, v in KINDS.items() if k != "c61"}, False, "Missing key: 'c61'"),
    (ledger.ex_1_1, {**KINDS, "c60": "factual"}, False, "Not asked for: 'c60'"),
    (ledger.ex_1_1, {**KINDS, "c61": "normative"}, False, "the ledger does not say normative"),
    (ledger.ex_1_1, {**KINDS, "c56": "opinion"}, False, "'opinion' is not one of"),
    (ledger.ex_1_1, dict.fromkeys(KINDS, ...), False, NOT_YET),
    (ledger.ex_1_2, "october", True, "Correct: October"),
    (ledger.ex_1_2, "US sponsored", False, "hosted by President Biden"),
    (ledger.ex_1_3, 27, True, "whole number is fine"),
    (ledger.ex_1_3, 26.7, True, "Correct"),
    (ledger.ex_1_3, "27", False, "remove the quotes"),
    (ledger.ex_1_3, 25, False, "commentary's figure"),
    (ledger.ex_1_4, SHARE, True, "Correct"),
    (ledger.ex_1_4, round(SHARE * 100, 1), False, "looks like a percentage"),
    (ledger.ex_1_4, np.float64(SHARE), True, "Correct"),
    # lesson 02
    (triangle.ex_2_1, CODING, True, "matches the dataset's"),
    (triangle.ex_2_1, {"usa-chn": 1, "usa-rus": -1, "chn-rus": -1}, True, "matches"),
    (triangle.ex_2_1, {"USA-CHN": "+1", "USA-RUS": -1, "CHN-RUS": -1}, False, "remove the quotes"),
    (triangle.ex_2_1, {"USA-CHN": 1, "USA-RUS": -1}, False, "Missing key: 'CHN-RUS'"),
    (triangle.ex_2_1, {**CODING, "USA-RUS": 1}, False, "the dataset has -1"),
    (triangle.ex_2_2, (1, 1, -1), True, "Right: (+1, +1, -1)"),
    (triangle.ex_2_2, [1, 1, -1], True, "Right"),
    (triangle.ex_2_2, "1, 1, -1", False, "Give three signs in a tuple"),
    (triangle.ex_2_2, (-1, -1, 1), False, "stable marriage"),
    (triangle.ex_2_3, {"USA": 7, "CHN": 4, "RUS": 0}, True, "7 years for USA"),
    (triangle.ex_2_3, {"USA": 7, "CHN": 4}, False, "Missing key: 'RUS'"),
    (triangle.ex_2_3, {"USA": "7", "CHN": 4, "RUS": 0}, False, "remove the quotes"),
    (triangle.ex_2_3, {"USA": 7, "CHN": 4, "RUS": None}, False, "not answered yet"),
    # lesson 03
    (trade.ex_3_1, "200 by 2024", True, "Correct"),
    (trade.ex_3_1, "200 BY 2024 ", True, "Correct"),
    (trade.ex_3_1, "200", False, "is not one of the options"),
    (trade.ex_3_2, 0.0927, True, "Correct"),
    (trade.ex_3_2, 9.27, False, "looks like a percentage"),
    (trade.ex_3_2, "9.3%", False, "remove the quotes"),
    (trade.ex_3_3, "B", True, "Correct: b"),
    (trade.ex_3_3, "Russia", False, "is not one of the options"),
    (trade.ex_3_4, 75, True, "Correct"),
    (trade.ex_3_4, 37.5, False, "Reuters estimate"),
    (trade.ex_3_5, 24.28, False, "billions or trillions"),
    (trade.ex_3_5, 0.0243, True, "Correct"),
    # lesson 04
    (alliances.ex_4_1, "None", True, "Correct: none"),
    (alliances.ex_4_1, "consultation", False, "Tempting"),
    (alliances.ex_4_8, (GREY, 1), True, "consultation only"),
    (
        alliances.ex_4_8,
        ({k: v for k, v in GREY.items() if k != "defense"}, 1),
        False,
        "Missing key: 'defense'",
    ),  # fmt: skip
    (alliances.ex_4_8, ({**GREY, "consultation": "1"}, 1), False, "remove the quotes"),
    (alliances.ex_4_8, (GREY, ...), False, "compute its score"),
    (alliances.ex_4_7, ["gbr", "fra", "rus", "aut"], True, "all 4 items"),
    (alliances.ex_4_7, ["GBR", "FRA"], False, "2 items missing"),
    (alliances.ex_4_7, "GBR FRA RUS AUT", False, "one piece of text"),
    (alliances.ex_4_7, ["GBR", "FRA", "RUS", "AUT", "BEL"], False, "step 0"),
    (alliances.ex_4_5, "Less", True, "Correct: less"),
    (alliances.ex_4_5, "more", False, "range of cooperation"),
    (alliances.ex_4_5_argument, "\n...\n", False, NOT_YET),
    (alliances.ex_4_5_argument, "It binds less.", False, "aim for four to six sentences"),
    # lesson 05
    (argument.ex_5_1, "Back to the past: non-interference ", True, "p_back_to_past"),
    (argument.ex_5_1, "democracy", False, "is not one of the options"),
    (argument.ex_5_2, ["a", "c"], True, "all 2 items"),
    (argument.ex_5_2, ["A", "C"], True, "all 2 items"),
    (argument.ex_5_2, "a, c", False, "one piece of text"),
    (argument.ex_5_2, ["a", "c", "e"], False, "1 extra ('e')"),
    (argument.ex_5_3, 5.19, True, "Correct"),
    (argument.ex_5_3, pd.Series([5.19], index=[2024]), True, "Correct"),
    (argument.ex_5_3, -5.19, False, "wrong sign"),
    (argument.ex_5_4, 15, True, "Correct"),
    (argument.ex_5_4, "15", False, "remove the quotes"),
    (argument.ex_5_4, 17, False, "every development about c14"),
    (argument.ex_5_4, pd.DataFrame({"claim_id": ["c14"] * 15}), False, "len(...)"),
    (argument.ex_5_5, [" D06", "d07"], True, "all 2 items"),
    (argument.ex_5_5, "d06, d07", False, "one piece of text"),
]


def test_the_table_is_large_and_covers_every_lesson():
    assert len(ROWS) >= 40
    modules = {check.__module__ for check, *_ in ROWS}
    assert len(modules) == 6


@pytest.mark.parametrize(
    ("check", "answer", "correct", "words"),
    ROWS,
    ids=[f"{c.__name__}-{i}" for i, (c, *_) in enumerate(ROWS)],
)
def test_beginner_answer(check, answer, correct, words):
    result = check(answer)
    assert result.correct is correct, result.message
    assert words in result.message
    assert "Saved" not in result.message
