"""Checks for lesson 04's exercises, one per exercise: ``ex_4_1(answer)`` ... ``ex_4_11(answer)``.

This module holds 4.1 (Article IV), 4.5 (does "no limits" bind?), 4.7 (the 1839 guarantee) and
4.8 (Grey–Cambon); the theory exercises 4.2–4.4, 4.6 and 4.9–4.11 are in
:mod:`helpers.alliances.theory_checks` and re-exported here, so a lesson needs only
``from helpers.alliances import checks``. Exercise 4.5 has two tiers: ``ex_4_5`` checks the
choice, ``ex_4_5_argument`` the written argument.

Each check takes only the student's answer and computes the expected one from
``data/`` (the treaty codings, the 1914 commitments) with :mod:`helpers.alliances.model` and
:mod:`helpers.alliances.cascade`, so the check cell shows no answer and a changed CSV cannot
leave an exercise silently wrong. :func:`coding_problem` and :func:`argument_problem` return None
when an answer is right, else a hint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from helpers.alliances.cascade import commitments_from_frame, simulate_cascade
from helpers.alliances.data import STATES_1914, load_alliances_1914, load_treaties
from helpers.alliances.model import checklist_score, checklist_table
from helpers.alliances.theory_checks import (
    ex_4_2,
    ex_4_3,
    ex_4_4,
    ex_4_6,
    ex_4_9,
    ex_4_10,
    ex_4_11,
)
from helpers.core.feedback import (
    Feedback,
    check_choice,
    check_set,
    never_raises,
    not_answered,
    read_mapping,
    read_number,
)

__all__ = [
    "argument_problem",
    "coding_problem",
    "ex_4_1",
    "ex_4_10",
    "ex_4_11",
    "ex_4_2",
    "ex_4_3",
    "ex_4_4",
    "ex_4_5",
    "ex_4_5_argument",
    "ex_4_6",
    "ex_4_7",
    "ex_4_8",
    "ex_4_9",
]

CHECKLIST = ("defense", "offense", "neutrality", "nonaggression", "consultation")
#: The agreements and the 1914 treaty the exercises are about.
TREATY_1950, STATEMENT_2022 = "sino_soviet_1950", "joint_statement_2022"
GREY_CAMBON, LONDON_1839 = "grey_cambon_1912", "london_1839"

_HINTS = {
    "defense": "does the text promise help if a partner is attacked?",
    "offense": "does it promise to join a war even when the partner is not attacked?",
    "neutrality": "does it promise to stay out of a war involving the partner?",
    "nonaggression": "does it promise not to use force against the partner?",
    "consultation": "does it promise to consult in a crisis that could turn military?",
}


def _coding(agreement_id: str) -> dict[str, int]:
    """The preferred coding (ATOP first) of one agreement of ``data/treaties.csv``."""
    row = checklist_table(load_treaties()).set_index("agreement_id").loc[agreement_id]
    return {name: int(row[name]) if pd.notna(row[name]) else 0 for name in CHECKLIST}


@never_raises
def ex_4_1(answer: Any) -> Feedback:
    """Exercise 4.1: which ATOP obligation does Article IV of the 1950 treaty create?

    Article IV is a consultation clause: the answer is ``"consultation"`` if ATOP codes the
    treaty's consultation as 1, else ``"none"``.

    Examples
    --------
    >>> ex_4_1(" None").correct
    True
    >>> ex_4_1("consultation").message[:30]
    'Not "consultation". Tempting, '
    """
    right = "consultation" if _coding(TREATY_1950)["consultation"] else "none"
    notes = {
        "none": "ATOP codes consultation 0 for this treaty: a promise to consult on all important "
        "questions is not specific to military crises.",
        "consultation": "Tempting, but ATOP only counts consultation in crises that could turn "
        "military. Is this clause about such crises?",
        "defense": "The defense promise is in Article I. Does Article IV promise any help?",
    }
    if right == "consultation":
        notes["consultation"] = "ATOP codes this clause as a consultation obligation."
    return check_choice(
        answer,
        right,
        options=[*CHECKLIST, "none"],
        explanations=notes,
        hint="Does Article IV promise any military help, or only talks?",
    )


def coding_problem(
    coding: object, expected: Mapping[str, int], *, score: object = None
) -> str | None:
    """Check a student's coding of a clause: ``None`` if right, else a hint (never an error).

    Parameters
    ----------
    coding : object
        What the student gave: should be a dict of the five obligations, each 0 or 1.
    expected : mapping
        The right coding.
    score : object, optional
        The student's checklist score for the coding, if the exercise asks for it.

    Examples
    --------
    >>> right = {"defense": 0, "offense": 0, "neutrality": 0, "nonaggression": 0, "consultation": 1}
    >>> coding_problem(right, right) is None
    True
    >>> coding_problem({**right, "defense": 1}, right)
    "Look again at 'defense': does the text promise help if a partner is attacked?"
    >>> coding_problem(right, right, score=3)
    'The coding is right; now compute the score with checklist_score(...).'
    """
    values, problem = read_mapping(coding, CHECKLIST)
    if problem is not None:
        return problem.message
    if any(value is Ellipsis or value is None for value in values.values()):
        return "Replace every ... in the dictionary with 0 or 1."
    for name, value in values.items():
        number, why = read_number(value)
        if number is None and "remove the quotes" in why:
            return f"{name!r} should be a number, not text (remove the quotes)."
        if number not in (0, 1):
            return f"Each value must be 0 or 1; {name!r} is {value!r}."
    for name in CHECKLIST:
        if values[name] != expected[name]:
            return f"Look again at {name!r}: {_HINTS[name]}"
    if score is not None:
        number, _ = read_number(score)
        if number is None or abs(number - checklist_score(expected)) > 1e-9:
            return "The coding is right; now compute the score with checklist_score(...)."
    return None


@never_raises
def ex_4_8(answer: Any) -> Feedback:
    """Exercise 4.8: code the Grey–Cambon letter and give its checklist score.

    Parameters
    ----------
    answer : tuple
        ``(coding, score)``: a dict of the five obligations, 0 or 1 each, and the score.

    Examples
    --------
    >>> right = {"defense": 0, "offense": 0, "neutrality": 0, "nonaggression": 0, "consultation": 1}
    >>> ex_4_8((right, checklist_score(right))).correct
    True
    >>> ex_4_8(({**right, "offense": "1"}, 1)).message
    "'offense' should be a number, not text (remove the quotes)."
    """
    blank = not_answered(answer)
    if blank is not None:
        return blank
    rows = load_alliances_1914()
    kinds = set(rows.loc[rows["treaty_id"] == GREY_CAMBON, "obligation"])
    expected = {name: int(name in kinds) for name in CHECKLIST}
    if isinstance(answer, Mapping):
        coding, score = answer, ...
    elif isinstance(answer, (tuple, list)) and len(answer) == 2:
        coding, score = answer
    else:
        return Feedback(False, "Give the coding and the score together: (grey_cambon, score).")
    problem = coding_problem(coding, expected)
    if problem is not None:
        return Feedback(False, problem)
    if score is Ellipsis or score is None:
        return Feedback(False, "The coding is right; now compute its score with checklist_score.")
    problem = coding_problem(coding, expected, score=score)
    if problem is not None:
        return Feedback(False, problem)
    promised = " and ".join(name for name, value in expected.items() if value) or "nothing"
    return Feedback(
        True,
        f"Right: {promised} only, score {checklist_score(expected):g}. Britain kept its hands "
        "free in 1914.",
    )


@never_raises
def ex_4_7(answer: Any) -> Feedback:
    """Exercise 4.7: the states the 1839 Treaty of London draws in at step 1 (Germany attacks
    Belgium, every treaty on).

    Examples
    --------
    >>> ex_4_7(["gbr", "FRA ", "rus", "Aut"]).correct
    True
    >>> ex_4_7(["GBR", "FRA", "RUS", "AUT", "DEU"]).message
    "Every item is there, but 1 extra ('DEU'). DEU is at war from step 0 (the first attack): \
keep step 1."
    """
    network = commitments_from_frame(load_alliances_1914())
    entries = simulate_cascade(network, "DEU", "BEL", states=STATES_1914).entries
    drawn = entries[(entries["step"] == 1) & (entries["via"] == LONDON_1839)]
    hint = "Which signatories of 1839, besides Prussia, guaranteed Belgium?"
    if isinstance(answer, (list, tuple, set)):
        given = {str(item).strip().upper() for item in answer}
        steps = dict(zip(entries["state"], entries["step"], strict=True))
        unknown = sorted(g for g in given if g not in STATES_1914)
        early = sorted(g for g in given if steps.get(g) == 0)
        late = sorted(g for g in given if steps.get(g, 0) > 1)
        if unknown:
            hint = f"Use the states' codes, such as {', '.join(STATES_1914[:4])}. {hint}"
        elif early:
            are = "is" if len(early) == 1 else "are"
            hint = f"{', '.join(early)} {are} at war from step 0 (the first attack): keep step 1."
        elif late:
            enter = "enters" if len(late) == 1 else "enter"
            hint = f"{', '.join(late)} {enter} later than step 1, through another treaty."
    return check_set(answer, drawn["state"], hint=hint)


@never_raises
def ex_4_5(answer: Any) -> Feedback:
    """Exercise 4.5, tier 1: does the 2022 statement bind the two states ``"more"``, ``"less"``
    or ``"the same"`` to fight for each other as the 1950 alliance?

    Compares the defense and offense obligations of the two codings.

    Examples
    --------
    >>> ex_4_5("Less").correct
    True
    >>> ex_4_5("more").message.startswith('Not "more".')
    True
    """
    then, now = (_coding(a) for a in (TREATY_1950, STATEMENT_2022))
    fight_then, fight_now = (c["defense"] + c["offense"] for c in (then, now))
    right = "less" if fight_now < fight_then else ("more" if fight_now > fight_then else "the same")
    notes = {
        "less": "It creates no duty to fight, to stay neutral or even to consult in a crisis. Now "
        "think about what it does bind them to in the Tier 2 question.",
        "more": "'No limits' is about the range of cooperation. Which article of the statement "
        "would oblige either side to fight?",
        "the same": "Compare the two rows in Figure 4.1: which promise did the 1950 treaty make "
        "that the 2022 statement does not?",
    }
    return check_choice(answer, right, options=["more", "less", "the same"], explanations=notes)


_EVIDENCE = ("1950", "1914", "figure", "defense", "defence", "checklist", "treaty", "atop")


def argument_problem(text: object, *, min_words: int = 40) -> str | None:
    """Check that a written argument is long enough and cites evidence; ``None`` if it does.

    Examples
    --------
    >>> argument_problem("Too short.")
    'Your argument has 2 words: aim for four to six sentences (40 words or more).'
    """
    if not isinstance(text, str):
        return "Write your argument as text between the triple quotes."
    words = text.replace("...", " ").split()
    if len(words) < min_words:
        return (f"Your argument has {len(words)} words: aim for four to six sentences "
                f"({min_words} words or more).")  # fmt: skip
    if not any(key in text.lower() for key in _EVIDENCE):
        return "Add one piece of evidence from the lesson: a treaty, Figure 4.1 or 1914."
    return None


@never_raises
def ex_4_5_argument(answer: Any) -> Feedback:
    """Exercise 4.5, tier 2: is the written argument long enough, and does it use evidence?

    The check reads only length and evidence, not the reasoning, and stores nothing: it says so.

    Examples
    --------
    >>> ex_4_5_argument('''
    ... ...
    ... ''').answered
    False
    >>> ex_4_5_argument("It binds less.").message
    'Your argument has 3 words: aim for four to six sentences (40 words or more).'
    """
    blank = not_answered(answer)
    if blank is not None:
        return Feedback(
            False,
            "Not answered yet: write your argument between the triple quotes (instead of the "
            "...), then run that cell and this one again.",
            answered=False,
        )
    problem = argument_problem(answer)
    if problem is not None:
        return Feedback(False, problem)
    return Feedback(
        True,
        f"Ready to compare: {len(answer.replace('...', ' ').split())} words, with evidence from "
        "the lesson. This check only counts words and looks for evidence; it does not grade or "
        "keep your text. Compare your argument with the worked answer below.",
    )
