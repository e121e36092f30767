"""Checks for lesson 00's exercises: the expected answers are computed from the data.

Keeping them here (not in the notebook) means the check cell does not show the answer.
"""

from __future__ import annotations

from typing import Any

from helpers.core.feedback import Feedback, check_choice, check_number
from helpers.relations.data import load_events, load_phases

__all__ = ["check_longest_phase", "check_years_between_treaties"]


def _phase_years() -> dict[str, float]:
    phases = load_phases()
    return {row["phase"]: (row["end"] - row["start"]).days / 365.25 for _, row in phases.iterrows()}


def check_longest_phase(answer: Any) -> Feedback:
    """Exercise 0.1: which phase of relations lasted longest?

    Examples
    --------
    >>> check_longest_phase("split").correct
    True
    >>> check_longest_phase("alliance").message
    'Not alliance. It lasted about 11 years; compare the width of the other bands.'
    """
    years = _phase_years()
    longest = max(years, key=years.get)
    hints = {
        phase: f"It lasted about {round(span)} years; compare the width of the other bands."
        for phase, span in years.items()
        if phase != longest
    }
    return check_choice(answer, longest, options=list(years), explanations=hints)


def check_years_between_treaties(answer: Any) -> Feedback:
    """Exercise 0.2: years from the 1950 treaty to the 2001 treaty (within 0.1 year).

    Examples
    --------
    >>> check_years_between_treaties(51.4).correct
    True
    >>> check_years_between_treaties(51).correct
    False
    """
    dates = load_events().set_index("event_id")["date"]
    years = (dates["good_neighbor_treaty_2001"] - dates["sino_soviet_treaty_1950"]).days / 365.25
    return check_number(
        answer,
        years,
        tolerance=0.1,
        relative=False,
        unit="years",
        hint="Subtract the earlier date from the later one, take .days and divide by 365.25.",
    )
