"""Lesson 04's theory exercises (4.2-4.4, 4.6, 4.9-4.11): right answers pass, typical wrong ones
get a hint that says what to look at, never a traceback."""

from __future__ import annotations

import pytest

from helpers.alliances import checks


def test_ex_4_2_definitions_of_the_2001_treaty():
    assert checks.ex_4_2(["ATOP", "COW"]).correct
    assert checks.ex_4_2([" cow", "atop "]).correct, "case and spaces do not matter"
    narrow = checks.ex_4_2(["ATOP", "COW", "narrow"])
    assert not narrow and "Not 'narrow'" in narrow.message
    no_cow = checks.ex_4_2(["ATOP"])
    assert not no_cow and "non-aggression pacts and ententes" in no_cow.message
    assert "one piece of text" in checks.ex_4_2("ATOP, COW").message


@pytest.mark.parametrize(
    ("answer", "correct", "words"),
    [
        (3, True, "rung 3"),
        (3.0, True, "rung 3"),
        ("3", False, "remove the quotes"),
        (2, False, "read Article 4 again"),
        (1, False, "0 = no promise"),
        (True, False, "not numbers"),
    ],
)
def test_ex_4_6_rung_of_the_2024_treaty(answer, correct, words):
    result = checks.ex_4_6(answer)
    assert result.correct is correct and words in result.message


def test_ex_4_3_tass_1959_is_abandonment():
    assert checks.ex_4_3("abandonment").correct and checks.ex_4_3(" Abandonment ").correct
    assert "dragged into" in checks.ex_4_3("entrapment").message
    assert "meddling" in checks.ex_4_3("intrusion").message


def test_ex_4_4_from_1957_china_bore_mostly_abandonment():
    right = checks.ex_4_4("abandonment")
    assert right.correct and "4 episodes from 1957 on" in right.message
    wrong = checks.ex_4_4("intrusion")
    assert not wrong and "China bore 3 'intrusion' episodes" in wrong.message
    assert not checks.ex_4_4("dependence").correct


def test_ex_4_9_italys_casus_foederis_was_not_met():
    assert checks.ex_4_9("no").correct and checks.ex_4_9("NO ").correct
    assert "who declared war on whom" in checks.ex_4_9("yes").message


def test_ex_4_10_buck_passing():
    assert checks.ex_4_10("buck-passing").correct
    assert checks.ex_4_10("Buck passing").correct, "a space for the hyphen is fine"
    assert "1914" in checks.ex_4_10("chain-ganging").message


@pytest.mark.parametrize("answer", [42, None, ["abandonment"], {"a": 1}])
def test_odd_answers_get_a_message_not_a_traceback(answer):
    for check in (checks.ex_4_2, checks.ex_4_6, checks.ex_4_3, checks.ex_4_4, checks.ex_4_10):
        result = check(answer)
        assert not result.correct and result.message


@pytest.mark.parametrize(
    ("answer", "correct", "words"),
    [
        (3 / 7, True, "Russia, Germany, France"),
        (0.43, True, "Belgium, Britain, Montenegro, Japan"),
        (3, False, "is how many"),
        (4 / 7, False, "do not explain"),
        (5 / 9, False, "Leave out Austria-Hungary and Serbia"),
        (42.9, False, "looks like a percentage"),
        ("0.43", False, "remove the quotes"),
        (0.6, False, "divide by len(august)"),
    ],
)
def test_ex_4_11_share_of_august_1914_explained_by_commitments(answer, correct, words):
    result = checks.ex_4_11(answer)
    assert result.correct is correct and words in result.message


def test_ex_4_11_rows_are_the_august_entrants_without_the_first_attack():
    from helpers.alliances.theory_checks import august_1914

    august = august_1914()
    assert not august["state"].isin(["AUT", "SRB"]).any()
    assert (august["history_date"] <= "1914-08-31").all()
    assert {"RUS", "GBR"} <= set(august["state"])
