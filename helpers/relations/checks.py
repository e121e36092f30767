"""Checks for lesson 00's exercises, one per exercise: ``ex_0_1(answer)`` ... ``ex_0_5(answer)``.

Each takes only the student's answer and computes the expected one from ``data/`` (through
:mod:`helpers.relations.data`), so the check cell shows no answer and a changed CSV cannot leave
an exercise silently wrong. Hints and explanations live here too.
"""

from __future__ import annotations

from typing import Any

from helpers.core.feedback import Feedback, check_choice, check_number, never_raises, read_number
from helpers.core.sources import load_sources
from helpers.relations.data import load_events, load_phases

__all__ = ["EX_0_3_EVENT", "EX_0_5_OPTIONS", "ex_0_1", "ex_0_2", "ex_0_3", "ex_0_4", "ex_0_5"]

#: Exercise 0.2 measures the time between these two events of ``data/events.csv``.
TREATIES = ("sino_soviet_treaty_1950", "good_neighbor_treaty_2001")


#: Exercise 0.3 asks for the tier of this event's source (the lesson does not print it).
EX_0_3_EVENT = "ussr_dissolved_1991"
#: Exercise 0.5: the four statements the student chooses from (the lesson prints them).
EX_0_5_OPTIONS = ("A", "B", "C", "D")
_EX_0_5_RIGHT = "B"
_EX_0_5_NOTES = {
    "A": "Both governments say the opposite, and so does Yu Bin: not an alliance.",
    "B": "It is his argument, stated as his: one scholar's reading, which evidence can test.",
    "C": "He wrote before 24 February 2022 and does not mention an invasion; that is hindsight.",
    "D": "The statement says the opposite: it calls the partnership closer than ever.",
}


def _phase_years() -> dict[str, float]:
    phases = load_phases()
    return {row["phase"]: (row["end"] - row["start"]).days / 365.25 for _, row in phases.iterrows()}


@never_raises
def ex_0_1(answer: Any) -> Feedback:
    """Exercise 0.1: of the phases that have ended, which lasted longest?

    The last phase of ``data/relations_phases.csv`` (the partnership) is still running: its
    ``end`` is where the chart stops (the day of the statement), not an end of the phase, so it
    is not compared. The answer therefore does not depend on where the chart is cut off.

    Examples
    --------
    >>> ex_0_1(" Split").correct
    True
    >>> ex_0_1("alliance")
    ❌ Not "alliance". It lasted about 11 years; compare the width of the other bands.
    >>> ex_0_1("partnership").message[:40]
    'Not "partnership". It has not ended: the'
    """
    years = _phase_years()
    running = list(years)[-1]
    ended = {phase: span for phase, span in years.items() if phase != running}
    longest = max(ended, key=ended.get)
    notes = {
        phase: f"It lasted about {round(span)} years; compare the width of the other bands."
        for phase, span in ended.items()
    }
    notes[longest] = (
        f"It lasted about {round(ended[longest])} years, the longest of the three that ended."
    )
    notes[running] = (
        "It has not ended: the chart stops on the day of the joint statement, not at an end of "
        "the partnership. Compare the three phases that have an end."
    )
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


@never_raises
def ex_0_3(answer: Any) -> Feedback:
    """Exercise 0.3: the tier of the source behind the event :data:`EX_0_3_EVENT`.

    Examples
    --------
    >>> ex_0_3("News agency").correct
    True
    >>> ex_0_3("primary").message[:30]
    'Not "primary". That is not the'
    """
    first = load_events().set_index("event_id").loc[EX_0_3_EVENT, "source_id"][0]
    tiers = load_sources().set_index("source_id")["tier"]
    options = [t.replace("_", " ") for t in dict.fromkeys(tiers)]
    hint = (
        f'That is not the tier of {first!r}. Look it up: sources.loc["{first}", "tier"] '
        "(the first source of the event)."
    )
    return check_choice(answer, tiers[first].replace("_", " "), options=options, hint=hint)


@never_raises
def ex_0_4(answer: Any) -> Feedback:
    """Exercise 0.4: the error a cell gives after a restart when it uses a name made earlier.

    Examples
    --------
    >>> ex_0_4("nameerror").correct
    True
    >>> ex_0_4("SyntaxError").message
    'Not "SyntaxError". A SyntaxError means the code itself is mistyped; this code is fine.'
    """
    notes = {
        "NameError": "After a restart nothing is defined: run the cells above again "
        "(Run → Run All Above Selected Cell) and it works.",
        "SyntaxError": "A SyntaxError means the code itself is mistyped; this code is fine.",
        "ModuleNotFoundError": "That means a package is missing; nothing is imported here.",
        "no error": "Did you restart the kernel first? Kernel → Restart Kernel…, then run only "
        "the cell above.",
    }
    return check_choice(answer, "NameError", options=list(notes), explanations=notes)


@never_raises
def ex_0_5(answer: Any) -> Feedback:
    """Exercise 0.5: which statement gives the commentary's argument, as one author's claim?

    Examples
    --------
    >>> ex_0_5(" b").correct
    True
    >>> ex_0_5("A").message
    'Not "A". Both governments say the opposite, and so does Yu Bin: not an alliance.'
    """
    return check_choice(answer, _EX_0_5_RIGHT, options=EX_0_5_OPTIONS, explanations=_EX_0_5_NOTES)
