"""Checks for lesson 02's exercises, one per exercise: ``ex_2_1(answer)`` ... ``ex_2_5(answer)``.

Each takes only the student's answer and computes the expected one from
``data/triangle_periods.csv`` with :mod:`helpers.triangle.model`, so the check cell shows no
answer and a changed CSV cannot leave an exercise silently wrong. The helpers
:func:`coding_differences` and :func:`pivot_problem` return None when right, else a hint.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from helpers.core.feedback import (
    Feedback,
    check_mapping,
    check_number,
    check_with,
    never_raises,
    not_answered,
    read_mapping,
    read_number,
)
from helpers.triangle.data import load_triangle_periods, trade_legs
from helpers.triangle.history import history, position_scores, role_years
from helpers.triangle.model import PLAYERS, _read_pair, classify, make_relations

__all__ = [
    "EX_2_1_PERIOD",
    "EX_2_4_YEAR",
    "EX_2_5_PERIOD",
    "coding_differences",
    "ex_2_1",
    "ex_2_2",
    "ex_2_3",
    "ex_2_4",
    "ex_2_5",
    "leg_ratios",
    "pivot_problem",
]

#: The period exercise 2.1 asks about unless the student chooses another one.
EX_2_1_PERIOD = "p1979_1988"
#: The year of exercise 2.4 (the "enemy" leg against the "friend" leg).
EX_2_4_YEAR = 2021
#: The period whose weighted position scores exercise 2.5 asks for.
EX_2_5_PERIOD = "p1972_1978"
_DYADS = ("USA-CHN", "USA-RUS", "CHN-RUS")


def coding_differences(answer: Mapping, periods: pd.DataFrame, period_id: str) -> str | None:
    """Compare a student's coding of one period with the dataset's; None when they agree.

    Parameters
    ----------
    answer : mapping
        The student's relations, e.g. ``{"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}``.
    periods : pandas.DataFrame
        ``data/triangle_periods.csv`` as loaded.
    period_id : str
        Which period, e.g. ``"p1979_1988"``.

    Returns
    -------
    str or None
        None when every relation matches; otherwise a friendly explanation of each difference,
        with the dataset's rationale and other scholars' codings, and the two configurations.

    Examples
    --------
    >>> rows = pd.DataFrame({"period_id": ["p"] * 3, "dyad": ["USA-CHN", "USA-RUS", "CHN-RUS"],
    ...                      "sign": [1, 1, -1], "rationale": ["a", "b", "c"],
    ...                      "other_codings": [None, "some say -1", None]})
    >>> coding_differences({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": -1}, rows, "p") is None
    True
    >>> print(coding_differences({"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}, rows, "p"))
    You coded USA-RUS as -1; the dataset has +1. Its reason: b Other readings: some say -1
    Your triangle is a stable marriage; the dataset's is a romantic triangle.
    """
    if isinstance(answer, Mapping) and any(v is Ellipsis for v in answer.values()):
        return "Not answered yet: replace each ... with +1 (amity) or -1 (enmity)."
    rows = periods[periods["period_id"] == period_id]
    if rows.empty:
        known = ", ".join(dict.fromkeys(periods["period_id"]))
        return f"There is no period {period_id!r}; choose one of: {known}."
    try:
        mine = classify(answer)
    except ValueError as exc:
        return f"Your coding could not be read: {exc}."
    theirs = classify(dict(zip(rows["dyad"], rows["sign"].tolist(), strict=True)))
    lines = []
    for _, row in rows.iterrows():
        pair = _read_pair(row["dyad"], PLAYERS)
        if mine.relations[pair] != theirs.relations[pair]:
            line = (
                f"You coded {row['dyad']} as {mine.relations[pair]:+d}; the dataset has "
                f"{theirs.relations[pair]:+d}. Its reason: {row['rationale']}"
            )
            if isinstance(row.get("other_codings"), str) and row["other_codings"]:
                line += f" Other readings: {row['other_codings']}"
            lines.append(line)
    if not lines:
        return None
    lines.append(f"Your triangle is a {mine.label}; the dataset's is a {theirs.label}.")
    return "\n".join(lines)


def _sign(value: Any, name: str) -> tuple[int | None, str]:
    """A student's +1 or -1 as an int, or (None, why not), naming the relation or sign."""
    number, problem = read_number(value)
    if number is None:
        return None, problem.replace("Your answer", name)
    if number not in (1, -1):
        return None, f"{name}: use +1 (amity) or -1 (enmity), not {value!r}."
    return int(number), ""


def _dyad_key(key: Any) -> Any:
    if not isinstance(key, str):
        return key
    parts = key.upper().replace("–", "-").replace(" ", "").split("-")
    return "-".join(sorted(parts, key=lambda p: PLAYERS.index(p) if p in PLAYERS else 9))


@never_raises
def ex_2_1(answer: Any) -> Feedback:
    """Exercise 2.1: code one period of the triangle; the check explains any difference.

    Parameters
    ----------
    answer : dict or tuple
        ``{"USA-CHN": ..., "USA-RUS": ..., "CHN-RUS": ...}`` with +1 or -1 each, for
        :data:`EX_2_1_PERIOD`; or ``(period_id, coding)`` to code another period.

    Examples
    --------
    >>> ex_2_1({"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1}).correct
    True
    >>> ex_2_1({"USA-CHN": 1, "USA-RUS": -1}).message
    "Missing key: 'CHN-RUS' (put it back in the dictionary)."
    >>> ex_2_1(("p1066", {"USA-CHN": 1, "USA-RUS": -1, "CHN-RUS": -1})).message[:25]
    "There is no period 'p1066"
    """
    period, coding = EX_2_1_PERIOD, answer
    if isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], str):
        period, coding = answer
    blank = not_answered(coding)
    if blank is not None:
        return blank
    periods = load_triangle_periods()
    values, problem = read_mapping(coding, _DYADS, key=_dyad_key)
    if problem is not None:
        return problem
    signs = {}
    for dyad, value in values.items():
        if value is Ellipsis or value is None:
            return Feedback(False, f"Not finished yet: replace the ... for {dyad} with +1 or -1.")
        signs[dyad], why = _sign(value, dyad)
        if signs[dyad] is None:
            return Feedback(False, why)
    differences = coding_differences(signs, periods, period)
    if differences is None:
        return Feedback(
            True,
            "Your coding matches the dataset's for every relation. Now read its other_codings "
            "notes: could you defend a different sign?",
        )
    return Feedback(False, differences)


def pivot_problem(answer: Sequence[int], player: str = "USA") -> str | None:
    """Do the signs ``(usa_chn, usa_rus, chn_rus)`` make ``player`` the pivot? None when so.

    Returns a hint otherwise (never raises on a well-formed tuple).

    Examples
    --------
    >>> pivot_problem((1, 1, -1)) is None
    True
    >>> pivot_problem((1, 1, 1))
    'With (1, 1, 1) the triangle is a ménage à trois and USA is friend. The pivot is in amity \
with both others, who are enemies of each other.'
    """
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Sequence) or len(answer) != 3:
        return "Give three signs in a tuple, like (+1, -1, -1): US-China, US-Russia, China-Russia."
    try:
        t = classify(make_relations(*answer))
    except ValueError as exc:
        return f"Your signs could not be read: {exc}."
    if t.pivot == player:
        return None
    return (
        f"With {tuple(answer)} the triangle is a {t.label} and {player} is {t.roles[player]}. "
        "The pivot is in amity with both others, who are enemies of each other."
    )


@never_raises
def ex_2_2(answer: Any) -> Feedback:
    """Exercise 2.2: signs ``(usa_chn, usa_rus, chn_rus)`` that make the United States the pivot.

    Examples
    --------
    >>> ex_2_2((+1, +1, -1)).correct
    True
    >>> ex_2_2(("+1", "+1", "-1")).message
    'Each sign should be a number, not text (remove the quotes).'
    """
    blank = not_answered(answer)
    if blank is not None:
        return blank
    if isinstance(answer, (list, tuple)) and len(answer) == 3:
        signs = []
        for value in answer:
            if value is Ellipsis or value is None:
                return Feedback(False, "Not finished yet: replace every ... with +1 or -1.")
            sign, why = _sign(value, "Each sign")
            if sign is None:
                return Feedback(False, why)
            signs.append(sign)
        answer = tuple(signs)
    pivots = [s for s in itertools.product((1, -1), repeat=3) if pivot_problem(s) is None]
    why = (
        "The US needs friendly relations with both, and China and Russia at odds. Now argue "
        "whether that is realistic."
    )
    shown = "(" + ", ".join(f"{sign:+d}" for sign in pivots[0]) + ")"
    return check_with(answer, pivot_problem, success=f"Right: {shown}. {why}")


@never_raises
def ex_2_3(answer: Any) -> Feedback:
    """Exercise 2.3: years each player spent as the pivot, 1949–2022 (on the dataset's coding).

    Examples
    --------
    >>> years = role_years(history(load_triangle_periods())).loc["pivot"]
    >>> ex_2_3({p.lower(): float(years[p]) for p in PLAYERS}).correct
    True
    >>> ex_2_3({"USA": 7, "CHN": 4}).message
    "Missing key: 'RUS' (put it back in the dictionary)."
    """
    years = role_years(history(load_triangle_periods())).loc["pivot"]
    expected = {player: float(years[player]) for player in PLAYERS}
    shown = ", ".join(f"{_years(n)} for {p}" for p, n in expected.items())
    return check_mapping(
        answer,
        expected,
        compare=_close(0.01),
        hint=(
            "Group `hist` by that player's column, sum `years`, and read the 'pivot' row "
            "(0 if the player never held that role)."
        ),
        success=f"Correct: {shown} (on this coding).",
    )


def _years(n: float) -> str:
    """'1 year', '7 years', '0.1 year' (beginners' number words)."""
    shown = f"{n:g}" if float(n).is_integer() else f"{n:.1f}"
    return f"{shown} year" if float(n) <= 1 else f"{shown} years"


def _close(tolerance: float):
    """A check_mapping comparison: numbers within ``tolerance``, text refused kindly."""

    def compare(_key: Any, given: Any, want: float) -> str | None:
        value, problem = read_number(given)
        if value is None:
            return problem.replace("Your answer", "it")
        return None if abs(value - want) <= tolerance + 1e-9 else "not right yet."

    return compare


def leg_ratios(year: int = EX_2_4_YEAR) -> dict[str, float]:
    """US-China trade divided by China-Russia trade in ``year``, for each pairing of reporters.

    Keys are ``"<US-China reporter>/<China-Russia reporter>"``; computed from
    ``data/triangle_trade.csv`` and ``data/china_russia_trade.csv``.

    Examples
    --------
    >>> round(leg_ratios()["china_customs/china_customs"], 2)
    5.14
    """
    legs = trade_legs(year)
    enemy = legs[legs["dyad"] == "USA-CHN"].set_index("reporter")["total_usd_bn"]
    friend = legs[legs["dyad"] == "CHN-RUS"].set_index("reporter")["total_usd_bn"]
    return {f"{a}/{b}": float(x / y) for a, x in enemy.items() for b, y in friend.items()}


@never_raises
def ex_2_4(answer: Any) -> Feedback:
    """Exercise 2.4: how many times the China–Russia trade did US–China trade carry in 2021?

    Any pairing of the two sides' statistics is accepted within 2 %; China's customs for both
    legs (one statistical office) is the cleanest comparison.

    Examples
    --------
    >>> ex_2_4(round(leg_ratios()["china_customs/china_customs"], 2)).correct
    True
    >>> ex_2_4(round(1 / leg_ratios()["us_census/china_customs"], 3)).message[:32]
    'That is the friend leg divided b'
    """
    blank = not_answered(answer)
    if blank is not None:
        return blank
    value, problem = read_number(answer)
    if value is None:
        return Feedback(False, problem)
    ratios = leg_ratios()
    for pairing, ratio in ratios.items():
        if abs(value - ratio) <= 0.02 * ratio:
            enemy, friend = pairing.split("/")
            same = enemy == friend
            note = (
                "Both legs come from China's customs, one statistical office: the cleanest pairing."
                if same
                else f"You paired {enemy} (US–China) with {friend} (China–Russia); two offices "
                "count differently, so also try China's customs for both legs."
            )
            return Feedback(
                True,
                f"Right: about {value:.1f} times. The 'enemy' leg carried several times the trade "
                f"of the 'friend' leg. {note} Now answer the question below it in words.",
            )
    if any(abs(value - 1 / r) <= 0.02 / r for r in ratios.values()):
        return Feedback(
            False,
            "That is the friend leg divided by the enemy leg: divide US–China by China–Russia.",
        )
    return check_number(
        value,
        ratios["china_customs/china_customs"],
        tolerance=0.02,
        hint="Take the total_usd_bn of USA-CHN and divide it by that of CHN-RUS, same reporter.",
    )


@never_raises
def ex_2_5(answer: Any) -> Feedback:
    """Exercise 2.5 (going further): each player's weighted position score in 1972–1978.

    Examples
    --------
    >>> scores = position_scores(load_triangle_periods()).loc[EX_2_5_PERIOD]
    >>> ex_2_5({p: int(scores[p]) for p in PLAYERS}).correct
    True
    >>> ex_2_5({"USA": 3, "CHN": -1, "RUS": -1}).message[:22]
    '0 of 3 right so far. U'
    """
    scores = position_scores(load_triangle_periods()).loc[EX_2_5_PERIOD]
    expected = {player: float(scores[player]) for player in PLAYERS}
    return check_mapping(
        answer,
        expected,
        compare=_close(0.01),
        hint=(
            "Count each relation as sign x intensity; a player's score is its two relations "
            "minus the relation between the other two. Scores of 3, 1 or -1 ignore the "
            "intensities."
        ),
        success="Correct: the weighted scores spread out what the roles only rank.",
    )
