"""The feedback primitives understand beginners' answers and never raise."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from helpers.core.feedback import (
    Feedback,
    check_choice,
    check_mapping,
    check_number,
    check_set,
    check_with,
    never_raises,
    not_answered,
    read_mapping,
    read_number,
)

OPTIONS = ["more", "less", "the same"]

# Whatever a student might pass: none of it may raise, in any check.
ODD_ANSWERS = [
    None,
    ...,
    "",
    "   ",
    "...",
    "27",
    "twenty-seven",
    27,
    -27,
    26.7,
    0,
    True,
    False,
    float("nan"),
    float("inf"),
    np.nan,
    np.float64(26.7),
    np.int64(27),
    np.bool_(True),
    np.array([1.0, 2.0]),
    np.array([]),
    pd.Series([26.7]),
    pd.Series([1, 2, 3]),
    pd.Series([], dtype=float),
    pd.DataFrame({"a": [1, 2]}),
    pd.NA,
    pd.NaT,
    pd.Timestamp("2022-02-04"),
    pd.Timedelta(days=3),
    Decimal("26.7"),
    1 + 2j,
    [27],
    [[1], [2]],
    (1, ...),
    {"a": 1},
    {"a": ...},
    {("USA", "CHN"): 1},
    {1, 2},
    len,
    object(),
    b"bytes",
]


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda a: type(a).__name__)
def test_no_check_ever_raises(answer):
    checks = [
        lambda: check_number(answer, 26.7, whole=True, fraction=True),
        lambda: check_choice(answer, "less", options=OPTIONS),
        lambda: check_set(answer, {"GBR", "FRA"}),
        lambda: check_mapping(answer, {"USA": 7, "CHN": 4}),
        lambda: check_with(answer, lambda a: None if a > 2 else "small", success="ok"),
    ]
    for check in checks:
        result = check()
        assert isinstance(result, Feedback) and result.message
        assert "Traceback" not in result.message


@pytest.mark.parametrize("answer", [..., None, "", "  ...  "])
def test_unanswered_is_never_success(answer):
    for result in (
        check_number(answer, 3.0),
        check_choice(answer, "less", options=OPTIONS),
        check_set(answer, ["a"]),
        check_mapping(answer, {"a": 1}),
        check_with(answer, lambda a: None, success="Saved."),
    ):
        assert not result.correct and not result.answered
        assert "Not answered yet" in result.message and "Saved" not in result.message
        assert repr(result).startswith("✏️")


def test_a_template_full_of_dots_is_not_answered():
    assert not not_answered({"a": 1, "b": ...})
    assert not_answered({"a": ..., "b": ...}) is not None
    blank = check_with(({"a": ..., "b": ...}, ...), lambda a: None, success="Saved.")
    assert not blank and not blank.answered
    half = check_with(({"a": 1, "b": ...}, 2), lambda a: None, success="Saved.")
    assert not half and half.answered and "replace every ..." in half.message


# ------------------------------------------------------------------------------ numbers


def test_number_right_and_wrong():
    assert check_number(26.7, 26.74, tolerance=0.1, relative=False)
    assert check_number(np.float64(26.7), 26.74, tolerance=0.1, relative=False)
    wrong = check_number(25, 26.7, tolerance=0.5, relative=False, hint="Count from November 2019.")
    assert not wrong and wrong.message == "Not quite: 25 is not it yet. Count from November 2019."
    assert "26.7" not in wrong.message, "feedback must not give the answer away"


@pytest.mark.parametrize(
    "answer, words",
    [
        ("25", "not text (remove the quotes)"),
        (" 26.7 ", "not text (remove the quotes)"),
        ("1,000", "not text (remove the quotes)"),
        ("about 27", "write just the number"),
        ([25], "single number, not a list"),
        ((25,), "single number, not a tuple"),
        (True, "True and False are not numbers"),
        (np.bool_(False), "True and False are not numbers"),
        (float("nan"), "NaN"),
        (float("inf"), "infinite"),
        (pd.NA, "missing value"),
        (pd.Series([1, 2, 3]), "Series of 3 values"),
        (pd.DataFrame({"a": [1, 2]}), "table (DataFrame) with 2 rows"),
        (pd.Series([], dtype=float), "empty Series"),
        (pd.Timedelta(days=3), "length of time"),
        (len, "function"),
        (object(), "not an object"),
    ],
)
def test_number_wrong_types_get_explained(answer, words):
    result = check_number(answer, 26.7)
    assert not result and result.answered and words in result.message


@pytest.mark.parametrize(
    "answer", [pd.Series([26.7]), pd.DataFrame({"x": [26.7]}), np.array([26.7]), Decimal("26.7")]
)
def test_one_value_in_a_container_is_read_as_that_value(answer):
    assert check_number(answer, 26.7).correct


def test_whole_numbers_count_where_the_question_asks_how_many_or_about():
    assert check_number(27, 26.7, tolerance=0.1, relative=False, whole=True).correct
    assert check_number(27.0, 26.7, tolerance=0.1, relative=False, whole=True).correct
    assert (
        "whole number is fine"
        in check_number(27, 26.7, tolerance=0.1, relative=False, whole=True).message
    )
    assert not check_number(26, 26.7, tolerance=0.1, relative=False, whole=True).correct
    assert not check_number(27, 26.7, tolerance=0.1, relative=False).correct, "only when asked"
    assert not check_number(26.9, 26.7, tolerance=0.1, relative=False, whole=True).correct


def test_percentages_and_signs_get_their_own_message():
    percent = check_number(9.27, 0.0927, tolerance=0.002, relative=False, fraction=True)
    assert not percent and "looks like a percentage" in percent.message
    assert "percentage" not in check_number(9.27, 0.0927, tolerance=0.002).message
    sign = check_number(-5.19, 5.19, tolerance=0.05, relative=False)
    assert not sign and "wrong sign" in sign.message


def test_read_number():
    assert read_number(np.int64(3)) == (3.0, "")
    assert read_number(pd.Series([4.5])) == (4.5, "")
    assert read_number("3")[0] is None


# ------------------------------------------------------------------------------ choices


def test_choice_ignores_case_spaces_quotes_and_hyphens():
    for typed in [" Less", "LESS", "less.", "'less'", "  less  "]:
        assert check_choice(typed, "less", options=OPTIONS).correct, typed
    assert check_choice("The  same", "the same", options=OPTIONS).correct
    assert check_choice("thesame", "the same", options=OPTIONS).correct
    assert check_choice("us sponsored", "US-sponsored", options=["US-sponsored", "October"])
    assert check_choice(np.str_("B"), "b", options=["a", "b", "c"]).correct


def test_choice_explains_and_lists_the_options():
    wrong = check_choice(
        "factual",
        "interpretive",
        options=["factual", "interpretive"],
        explanations={"factual": "Can it be checked against a record?"},
    )
    assert wrong.message == 'Not "factual". Can it be checked against a record?'
    odd = check_choice(42, "interpretive", options=["factual", "interpretive"])
    assert odd.message == '\'42\' is not one of the options: "factual" or "interpretive".'
    listed = check_choice(["less"], "less", options=OPTIONS)
    assert not listed and "Give one option" in listed.message
    hinted = check_choice("more", "less", options=OPTIONS, hint="Read Article I.")
    assert hinted.message == 'Not "more". Read Article I.'


def test_choice_can_accept_several_right_options():
    assert check_choice("b", ["a", "b"], options=["a", "b", "c"]).correct
    assert not check_choice("c", ["a", "b"], options=["a", "b", "c"]).correct


# ---------------------------------------------------------------------------------- sets


def test_set_ignores_case_spaces_and_order():
    assert check_set(["gbr", " FRA", "Rus ", "aut"], ["GBR", "FRA", "RUS", "AUT"]).correct
    assert check_set(pd.Series(["a", "b"]), {"b", "a"}).correct
    assert check_set(("a", "a", "b"), ["a", "b"]).correct


def test_set_counts_missing_and_names_extra():
    assert check_set(["a", "c"], ["a", "b"]).message == "1 item missing and 1 extra ('c')."
    assert check_set(["a"], ["a", "b"]).message == "1 item missing."
    assert (
        check_set(["a", "b", "c"], ["a", "b"]).message == "Every item is there, but 1 extra ('c')."
    )
    assert "'b'" not in check_set(["a"], ["a", "b"]).message, "missing items are never named"


@pytest.mark.parametrize(
    "answer, words",
    [
        ("GBR, FRA", "one piece of text"),
        ("GBR", "Give a list, even for one item, like ['GBR']"),
        ({"GBR": 1}, "Give a list of items"),
        (42, "Give a list of items"),
        (["GBR", ...], "Remove the ..."),
    ],
)
def test_set_odd_answers(answer, words):
    result = check_set(answer, ["GBR", "FRA"])
    assert not result and words in result.message


# ----------------------------------------------------------------------------- mappings

YEARS = {"USA": 7, "CHN": 4, "RUS": 0}


def test_mapping_right_with_any_key_case():
    assert check_mapping({"usa": 7, " CHN ": 4.0, "Rus": np.int64(0)}, YEARS).correct
    assert check_mapping(YEARS, YEARS, success="Well done.").message == "Well done."


def test_a_deleted_key_is_never_success():
    result = check_mapping({"USA": 7, "CHN": 4}, YEARS)
    assert not result and result.message == "Missing key: 'RUS' (put it back in the dictionary)."
    two = check_mapping({"USA": 7}, YEARS)
    assert "Missing keys: 'CHN', 'RUS' (put them back" in two.message


def test_extra_and_misspelt_keys_are_named():
    result = check_mapping({"USA": 7, "CHN": 4, "RUS": 0, "UK": 1}, YEARS)
    assert not result and "Not asked for: 'UK'" in result.message
    typo = check_mapping({"USA": 7, "CNH": 4, "RUS": 0}, YEARS)
    assert "Missing key: 'CHN'" in typo.message and "Not asked for: 'CNH'" in typo.message
    twice = check_mapping({"USA": 7, "usa": 7, "CHN": 4, "RUS": 0}, YEARS)
    assert not twice and "Not asked for: 'usa'" in twice.message


def test_mapping_values_are_checked_one_by_one():
    result = check_mapping({"USA": 7, "CHN": "4", "RUS": ...}, YEARS, hint="Group by player.")
    assert not result and result.answered
    assert result.message == (
        "1 of 3 right so far. CHN: it should be a number, not text (remove the quotes). "
        "RUS: not answered yet (replace the ...). Group by player."
    )
    words = check_mapping({"a": 3}, {"a": "text"})
    assert "give it as text, in quotes" in words.message


def test_mapping_custom_compare_and_odd_shapes():
    def compare(key, given, want):
        return None if str(given).lower() == want else f"not {given}."

    assert check_mapping({"c1": "FACTUAL"}, {"c1": "factual"}, compare=compare).correct
    assert "c1: not normative." in check_mapping({"c1": "normative"}, {"c1": "factual"},
                                                 compare=compare).message  # fmt: skip
    assert "Give a dictionary, like {'USA': ..., 'CHN': ..., 'RUS': ...}" in (
        check_mapping([7, 4, 0], YEARS).message
    )
    assert read_mapping({"usa": 1}, ["USA"]) == ({"USA": 1}, None)


# -------------------------------------------------------------------------- check_with


def test_custom_check_never_raises():
    def test(answer):
        return None if answer["x"] == 1 else "x should be 1"

    assert check_with({"x": 1}, test, success="Good.").message == "Good."
    assert check_with({"x": 2}, test, success="Good.").message == "x should be 1"
    broken = check_with(5, test, success="Good.")
    assert not broken and "could not be checked (TypeError)" in broken.message


def test_never_raises_keeps_name_and_docstring():
    @never_raises
    def ex_9_9(answer):
        """Doc."""
        raise KeyError(answer)

    assert ex_9_9.__name__ == "ex_9_9" and ex_9_9.__doc__ == "Doc."
    result = ex_9_9("x")
    assert not result and "could not be checked (KeyError)" in result.message


def test_html_and_text_forms():
    fb = Feedback(False, "Try <again>")
    assert repr(fb) == "❌ Try <again>"
    assert "Try &lt;again&gt;" in fb._repr_html_() and 'role="status"' in fb._repr_html_()
    assert "pre-line" in fb._repr_html_(), "multi-line messages keep their lines"
    assert repr(Feedback(False, "x", answered=False)).startswith("✏️")
    assert bool(Feedback(True, "x")) and not bool(Feedback(False, "x"))
