"""Friendly checks for the lessons' exercises: feedback, never a traceback.

Each check returns a :class:`Feedback` (shown as a coloured box in a notebook, as plain text
elsewhere) and never raises, whatever the student typed: ``...`` (not yet answered), the wrong
type, a wrong value or a right one.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Feedback", "check_choice", "check_number", "check_set", "check_with"]


@dataclass(frozen=True)
class Feedback:
    """The result of a check: whether it passed and a message for the student.

    Examples
    --------
    >>> Feedback(True, "Well done.")
    ✅ Well done.
    """

    correct: bool
    message: str
    answered: bool = True

    def __repr__(self) -> str:
        mark = "✅" if self.correct else ("✏️" if not self.answered else "❌")
        return f"{mark} {self.message}"

    def __bool__(self) -> bool:
        return self.correct

    def _repr_html_(self) -> str:
        colour = "#e6f4ea" if self.correct else ("#f1f3f4" if not self.answered else "#fdecea")
        return (
            f'<div role="status" style="background:{colour};padding:6px 10px;'
            f'border-radius:4px">{html.escape(repr(self))}</div>'
        )


def _not_answered(answer: Any) -> Feedback | None:
    if answer is Ellipsis or answer is None:
        return Feedback(
            False,
            "Not answered yet: replace the ... with your answer, then run the cell again.",
            answered=False,
        )
    return None


def check_number(
    answer: Any,
    expected: float,
    *,
    tolerance: float = 0.01,
    relative: bool = True,
    hint: str = "",
    unit: str = "",
) -> Feedback:
    """Check a numeric answer within a tolerance.

    Parameters
    ----------
    answer : Any
        What the student gave (any type).
    expected : float
        The right value.
    tolerance : float
        Allowed error: a fraction of ``expected`` when ``relative`` (default 1 %), else absolute.
    hint : str
        What to look at when the answer is wrong (never the answer itself).
    unit : str
        Shown after the student's number.

    Examples
    --------
    >>> check_number(27, 26.7, tolerance=0.5, relative=False)
    ✅ Correct: 27 is right.
    >>> check_number("27", 26.7, hint="Count the months.")
    ❌ Your answer should be a number, not text (remove the quotes). Count the months.
    >>> check_number(..., 26.7)
    ✏️ Not answered yet: replace the ... with your answer, then run the cell again.
    """
    missing = _not_answered(answer)
    if missing is not None:
        return missing
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        try:
            import numpy as np

            if isinstance(answer, np.generic) and np.issubdtype(type(answer), np.number):
                answer = float(answer)
        except ImportError:  # pragma: no cover - numpy always comes with pandas
            pass
    if isinstance(answer, str):
        return Feedback(
            False, f"Your answer should be a number, not text (remove the quotes). {hint}".strip()
        )
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        return Feedback(
            False,
            f"Your answer should be a single number, not a {type(answer).__name__}. {hint}".strip(),
        )
    if math.isnan(answer):
        return Feedback(
            False, f"Your answer is NaN (not a number): check for missing values. {hint}".strip()
        )
    allowed = abs(expected) * tolerance if relative else tolerance
    shown = f"{answer:g}{(' ' + unit) if unit else ''}"
    if abs(answer - expected) <= allowed:
        return Feedback(True, f"Correct: {shown} is right.")
    return Feedback(False, f"Not quite: {shown} is not it yet. {hint}".strip())


def check_choice(
    answer: Any,
    expected: str,
    *,
    options: Iterable[str],
    explanations: dict[str, str] | None = None,
) -> Feedback:
    """Check a multiple-choice answer (case and spaces do not matter).

    Examples
    --------
    >>> check_choice("Factual ", "factual", options=["factual", "interpretive"])
    ✅ Correct: factual.
    >>> check_choice("opinion", "factual", options=["factual", "interpretive"])
    ❌ 'opinion' is not one of the options: factual, interpretive.
    """
    missing = _not_answered(answer)
    if missing is not None:
        return missing
    opts = [o.lower() for o in options]
    given = str(answer).strip().lower()
    if given not in opts:
        return Feedback(
            False, f"{str(answer).strip()!r} is not one of the options: {', '.join(opts)}."
        )
    if given == expected.lower():
        extra = (explanations or {}).get(given, "")
        return Feedback(True, f"Correct: {given}. {extra}".strip())
    why = (explanations or {}).get(given, "Look again at what the sentence asserts.")
    return Feedback(False, f"Not {given}. {why}")


def check_set(answer: Any, expected: Iterable[Any], *, hint: str = "") -> Feedback:
    """Check an answer that is a collection, in any order (extra and missing items are counted).

    Examples
    --------
    >>> check_set(["b", "a"], {"a", "b"})
    ✅ Correct: all 2 items, nothing extra.
    >>> check_set(["a"], {"a", "b"}, hint="There are two.")
    ❌ 1 item missing and 0 extra. There are two.
    """
    missing = _not_answered(answer)
    if missing is not None:
        return missing
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return Feedback(False, f"Give a list of items, like ['a', 'b']. {hint}".strip())
    got, want = set(answer), set(expected)
    if got == want:
        return Feedback(True, f"Correct: all {len(want)} items, nothing extra.")
    return Feedback(
        False,
        f"{len(want - got)} item{'s' if len(want - got) != 1 else ''} missing "
        f"and {len(got - want)} extra. {hint}".strip(),
    )


def check_with(answer: Any, test: Callable[[Any], str | None], *, success: str) -> Feedback:
    """Run a custom test that returns ``None`` when right or a hint when wrong.

    The test's own errors become a friendly message too.

    Examples
    --------
    >>> check_with(3, lambda a: None if a > 2 else "Too small.", success="Right.")
    ✅ Right.
    >>> check_with("x", lambda a: None if a > 2 else "Too small.", success="Right.")
    ❌ That answer could not be checked (TypeError): is it the right kind of value?
    """
    missing = _not_answered(answer)
    if missing is not None:
        return missing
    try:
        problem = test(answer)
    except Exception as exc:  # a student's odd answer must never show a traceback
        return Feedback(
            False,
            f"That answer could not be checked ({type(exc).__name__}): is it "
            "the right kind of value?",
        )
    return Feedback(True, success) if problem is None else Feedback(False, problem)
