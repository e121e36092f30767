"""Exercise checks give friendly feedback and never raise."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.core.feedback import Feedback, check_choice, check_number, check_set, check_with


@pytest.mark.parametrize("answer", [..., None])
def test_unanswered(answer):
    result = check_number(answer, 3.0)
    assert not result and not result.answered
    assert "replace the ..." in result.message


def test_number_right_and_wrong():
    assert check_number(26.7, 26.74, tolerance=0.1, relative=False)
    assert check_number(np.float64(26.7), 26.74, tolerance=0.1, relative=False)
    wrong = check_number(25, 26.7, tolerance=0.5, relative=False, hint="Count from November 2019.")
    assert not wrong and wrong.message == "Not quite: 25 is not it yet. Count from November 2019."
    assert "26.7" not in wrong.message, "feedback must not give the answer away"


@pytest.mark.parametrize(
    "answer, words",
    [
        ("25", "not text"),
        ([25], "single number, not a list"),
        (True, "single number"),
        (float("nan"), "NaN"),
    ],
)
def test_number_wrong_types_get_explained(answer, words):
    result = check_number(answer, 26.7)
    assert not result and words in result.message


def test_choice_is_case_insensitive_and_explains():
    assert check_choice(" Interpretive", "interpretive", options=["factual", "interpretive"])
    wrong = check_choice(
        "factual",
        "interpretive",
        options=["factual", "interpretive"],
        explanations={"factual": "Can it be checked against a record?"},
    )
    assert wrong.message == "Not factual. Can it be checked against a record?"
    odd = check_choice(42, "interpretive", options=["factual", "interpretive"])
    assert "'42' is not one of the options" in odd.message


def test_set_counts_missing_and_extra():
    assert check_set({"b", "a"}, ["a", "b"])
    result = check_set(["a", "c"], ["a", "b"])
    assert result.message == "1 item missing and 1 extra."
    assert "list of items" in check_set("ab", ["a", "b"]).message


def test_custom_check_never_raises():
    def test(answer):
        return None if answer["x"] == 1 else "x should be 1"

    assert check_with({"x": 1}, test, success="Good.").message == "Good."
    assert check_with({"x": 2}, test, success="Good.").message == "x should be 1"
    broken = check_with(5, test, success="Good.")
    assert not broken and "could not be checked (TypeError)" in broken.message


def test_html_and_text_forms():
    fb = Feedback(False, "Try <again>")
    assert repr(fb) == "❌ Try <again>"
    assert "Try &lt;again&gt;" in fb._repr_html_() and 'role="status"' in fb._repr_html_()
