"""Checks for lesson 01's exercises, one per exercise: ``ex_1_1(answer)`` ... ``ex_1_5(answer)``.

Each takes only the student's answer and computes the expected one from ``data/`` (the claim
ledger, the events) with :mod:`helpers.ledger.model`, so the check cell shows no answer and a
changed CSV cannot leave an exercise silently wrong. Hints and explanations live here too.
"""

from __future__ import annotations

import calendar
from typing import Any

from helpers.core.feedback import (
    Feedback,
    check_choice,
    check_mapping,
    check_number,
    never_raises,
    read_number,
)
from helpers.ledger.data import CLAIM_TYPES, load_claims
from helpers.ledger.model import months_between, share_checkable
from helpers.ledger.statement_data import REPORTED_WORDS, load_statement
from helpers.relations.data import load_events

__all__ = ["EX_1_1_CLAIMS", "TYPE_HINTS", "ex_1_1", "ex_1_2", "ex_1_3", "ex_1_4", "ex_1_5"]

#: The five claims that exercise 1.1 asks the student to classify (the lesson prints them; none
#: of them is classified or discussed in the cells above the exercise).
EX_1_1_CLAIMS = ("c32", "c56", "c33", "c43", "c61")
#: Exercise 1.2: the claim with the wrong word, and the words the student chooses from.
EX_1_2_CLAIM = "c58"
EX_1_2_OPTIONS = ("considerable", "US-sponsored", "October", "democracy")
#: Exercise 1.3: the claim checked ("25 months earlier") and the two events it spans.
EX_1_3_CLAIM = "c15"
EX_1_3_EVENTS = ("brics_brasilia_2019", "joint_statement_2022")

#: A question to ask yourself about each kind of claim (used as a hint, never as the answer).
TYPE_HINTS = {
    "factual": "could a document, a dataset or a date confirm or refute it?",
    "interpretive": "is it a reading of facts or of motives that others could read differently?",
    "predictive": "is it about what will (or will not) happen?",
    "normative": "does it say what someone ought to do or think?",
}


def _claims() -> Any:
    return load_claims().set_index("claim_id")


def _kind_problem(_claim_id: str, given: Any, truth: str) -> str | None:
    if not isinstance(given, str):
        return f"give the kind in quotes, one of: {', '.join(CLAIM_TYPES)}."
    kind = " ".join(given.casefold().split())
    if kind not in CLAIM_TYPES:
        return f"{given!r} is not one of: {', '.join(CLAIM_TYPES)}."
    if kind != truth:
        return f"the ledger does not say {kind}. Ask: {TYPE_HINTS[truth]}"
    return None


@never_raises
def ex_1_1(answer: Any) -> Feedback:
    """Exercise 1.1: classify five claims as factual, interpretive, predictive or normative.

    Parameters
    ----------
    answer : dict
        ``{claim_id: kind}`` for the five claims of :data:`EX_1_1_CLAIMS`.

    Examples
    --------
    >>> truth = load_claims().set_index("claim_id")["claim_type"]
    >>> ex_1_1({c: truth[c].upper() for c in EX_1_1_CLAIMS})
    ✅ All 5 match the ledger.
    >>> ex_1_1({c: truth[c] for c in EX_1_1_CLAIMS[:4]}).message
    "Missing key: 'c61' (put it back in the dictionary)."
    """
    truth = _claims()["claim_type"]
    expected = {claim_id: truth[claim_id] for claim_id in EX_1_1_CLAIMS}
    return check_mapping(
        answer,
        expected,
        compare=_kind_problem,
        success=f"All {len(expected)} match the ledger.",
    )


@never_raises
def ex_1_2(answer: Any) -> Feedback:
    """Exercise 1.2: which word of paragraph 14's quotation is wrong?

    The ledger's claim :data:`EX_1_2_CLAIM` records the month the commentary gives and the
    month the evidence gives; the wrong word is the month named in the quotation.

    Examples
    --------
    >>> ex_1_2("october ").correct
    True
    >>> ex_1_2("democracy")
    ❌ Not "democracy". The statement does discuss democracy at length.
    """
    claim = _claims().loc[EX_1_2_CLAIM]
    stated = calendar.month_name[int(claim["value"])]
    summit = load_events().set_index("event_id").loc["summit_for_democracy_2021"]
    when = f"{summit['date'].day}–{summit['end_date'].day} {summit['end_date']:%B %Y}"
    notes = {
        "considerable": "That is a judgment about length, not a checkable fact.",
        "US-sponsored": "The summit was hosted by President Biden: correct.",
        "democracy": "The statement does discuss democracy at length.",
        stated: f"The Summit for Democracy was held online on {when}, not in {stated}.",
    }
    return check_choice(answer, stated, options=EX_1_2_OPTIONS, explanations=notes)


@never_raises
def ex_1_3(answer: Any) -> Feedback:
    """Exercise 1.3: months from the Brasília BRICS summit to the 4 February 2022 visit.

    "About 27" is the point, so the nearest whole number of months is accepted too.

    Examples
    --------
    >>> ex_1_3(26.7).correct, ex_1_3(27).correct, ex_1_3(26).correct
    (True, True, False)
    >>> ex_1_3(25).message
    "25 is the commentary's figure: the exercise is to check it. Compute the gap yourself."
    """
    events = load_events().set_index("event_id")["date"]
    start, end = (events[e] for e in EX_1_3_EVENTS)
    stated = float(_claims().loc[EX_1_3_CLAIM, "value"])
    value, _ = read_number(answer)
    if value == stated:
        return Feedback(
            False,
            f"{stated:g} is the commentary's figure: the exercise is to check it. "
            "Compute the gap yourself.",
        )
    return check_number(
        answer,
        months_between(start, end),
        tolerance=0.1,
        relative=False,
        whole=True,
        unit="months",
        hint=f'Call months_between("{start:%Y-%m-%d}", "{end:%Y-%m-%d}"): start date first.',
    )


@never_raises
def ex_1_4(answer: Any) -> Feedback:
    """Exercise 1.4: the share of the ledger's claims that evidence could settle (0 to 1).

    Examples
    --------
    >>> share = share_checkable(load_claims())
    >>> ex_1_4(share).correct, "percentage" in ex_1_4(share * 100).message
    (True, True)
    >>> ex_1_4(1 - share).message
    'That is the share of claims that are not checkable: the question asks for the others.'
    """
    claims = load_claims()
    share = share_checkable(claims)
    value, _ = read_number(answer)
    if value is not None and abs(value - (1 - share)) <= 0.005 < abs(value - share):
        return Feedback(
            False,
            "That is the share of claims that are not checkable: the question asks for the others.",
        )
    if value is not None and value > 1 and abs(value - share * len(claims)) < 0.5:
        return Feedback(
            False, "That is a number of claims: divide by the number of all claims (or .mean())."
        )
    return check_number(
        answer,
        share,
        tolerance=0.005,
        relative=False,
        fraction=True,
        hint='Compare claims["check_status"] with "not checkable" using !=, then .mean().',
    )


@never_raises
def ex_1_5(answer: Any) -> Feedback:
    """Exercise 1.5: the share of the statement's 5,364 English words the collection holds (0-1).

    Examples
    --------
    >>> share = load_statement()["words"].sum() / REPORTED_WORDS
    >>> ex_1_5(share).correct, ex_1_5(round(share, 2)).correct
    (True, True)
    >>> "percentage" in ex_1_5(share * 100).message
    True
    """
    words = int(load_statement()["words"].sum())
    share = words / REPORTED_WORDS
    value, _ = read_number(answer)
    if value is not None and abs(value - words) < 0.5:
        return Feedback(False, f"That is a number of words: divide it by {REPORTED_WORDS:,}.")
    return check_number(
        answer,
        share,
        tolerance=0.005,
        relative=False,
        fraction=True,
        hint=f'Add up statement["words"] with .sum(), then divide by {REPORTED_WORDS:,}.',
    )
