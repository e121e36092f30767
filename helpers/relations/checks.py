"""Checks for lesson 00's exercises, one per exercise: ``ex_0_1(answer)``, ``ex_0_2(answer)``.

Each takes only the student's answer and computes the expected one from ``data/`` (through
:mod:`helpers.relations.data`), so the check cell shows no answer and a changed CSV cannot leave
an exercise silently wrong. Hints and explanations live here too.
"""

from __future__ import annotations

from typing import Any

from helpers.core.feedback import Feedback, check_choice, check_number, never_raises, read_number
from helpers.relations.data import load_events, load_phases

__all__ = ["ex_0_1", "ex_0_2"]

#: Exercise 0.2 measures the time between these two events of ``data/events.csv``.
TREATIES = ("sino_soviet_treaty_1950", "good_neighbor_treaty_2001")


def _phase_years() -> dict[str, float]:
    phases = load_phases()
    return {row["phase"]: (row["end"] - row["start"]).days / 365.25 for _, row in phases.iterrows()}


@never_raises
def ex_0_1(answer: Any) -> Feedback:
    """Exercise 0.1: which phase of relations lasted longest?

    Parameters
    ----------
    answer : Any
        One of the phases of ``data/relations_phases.csv``, as text.

    Returns
    -------
    Feedback
        Correct for the phase with the longest span.

    Examples
    --------
    >>> ex_0_1(" Split").correct
    True
    >>> ex_0_1("alliance")
    ❌ Not "alliance". It lasted about 11 years; compare the width of the other bands.
    """
    years = _phase_years()
    longest = max(years, key=years.get)
    notes = {
        phase: f"It lasted about {round(span)} years; compare the width of the other bands."
        for phase, span in years.items()
    }
    notes[longest] = f"It lasted about {round(years[longest])} years, the longest of the four."
    return check_choice(answer, longest, options=list(years), explanations=notes)


@never_raises
def ex_0_2(answer: Any) -> Feedback:
    """Exercise 0.2: years from the 1950 treaty to the 2001 treaty (within 0.1 year).

    Whole years are accepted too: the question asks "how many years".

    Examples
    --------
    >>> ex_0_2(51.4).correct, ex_0_2(51).correct, ex_0_2(50).correct
    (True, True, False)
    >>> ex_0_2(18780).message
    'That is the number of days: divide it by 365.25 to get years.'
    """
    dates = load_events().set_index("event_id")["date"]
    days = (dates[TREATIES[1]] - dates[TREATIES[0]]).days
    value, _ = read_number(answer)
    if value is not None and abs(value - days) <= 1:
        return Feedback(False, "That is the number of days: divide it by 365.25 to get years.")
    return check_number(
        answer,
        days / 365.25,
        tolerance=0.1,
        relative=False,
        whole=True,
        unit="years",
        hint="Subtract the earlier date from the later one, take .days and divide by 365.25.",
    )
