"""Friendly checks for the lessons' exercises: feedback, never a traceback.

Each check returns a :class:`Feedback` (shown as a coloured box in a notebook, as plain text
elsewhere) and never raises, whatever the student typed (``...``, text for a number, ``NaN``, numpy
scalars, a Series of one value; see :mod:`helpers.core.answers`). Choices, sets and dict keys
ignore case and spaces. Each topic's ``checks.py`` builds its ``ex_N_k(answer)`` on these.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from helpers.core.answers import (
    all_blank,
    any_blank,
    is_blank,
    key_text,
    match,
    match_keys,
    norm,
    read_number,
    same_value,
    set_item,
    show_number,
)

__all__ = [
    "Feedback",
    "check_choice",
    "check_mapping",
    "check_number",
    "check_set",
    "check_with",
    "never_raises",
    "not_answered",
    "read_mapping",
    "read_number",
]

NOT_ANSWERED = "Not answered yet: replace the ... with your answer, then run the cell again."


@dataclass(frozen=True)
class Feedback:
    """The result of a check: whether it passed and a message for the student.

    Examples
    --------
    >>> Feedback(True, "Well done.")
    ✅ Well done.
    >>> Feedback(False, NOT_ANSWERED, answered=False)
    ✏️ Not answered yet: replace the ... with your answer, then run the cell again.
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
            f'border-radius:4px;white-space:pre-line">{html.escape(repr(self))}</div>'
        )


def never_raises(check: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Wrap a check so that any error becomes a friendly :class:`Feedback`, never a traceback.

    Examples
    --------
    >>> @never_raises
    ... def ex(answer):
    ...     return Feedback(answer > 2, "ok")
    >>> ex("x")
    ❌ That answer could not be checked (TypeError): is it the right kind of value?
    """

    @functools.wraps(check)
    def wrapper(*args: Any, **kwargs: Any) -> Feedback:
        try:
            return check(*args, **kwargs)
        except Exception as exc:  # a student's odd answer must never show a traceback
            return Feedback(
                False,
                f"That answer could not be checked ({type(exc).__name__}): is it the right "
                "kind of value?",
            )

    return wrapper


def not_answered(answer: Any) -> Feedback | None:
    """A ✏️ :class:`Feedback` when nothing has been answered yet (``...`` everywhere), else None.

    Examples
    --------
    >>> not_answered({"a": ..., "b": ...}).answered, not_answered({"a": 1, "b": ...}) is None
    (False, True)
    """
    if is_blank(answer):
        return Feedback(False, NOT_ANSWERED, answered=False)
    if all_blank(answer):
        return Feedback(
            False,
            "Not answered yet: replace each ... with your answer, then run the cell again.",
            answered=False,
        )
    return None


# ----------------------------------------------------------------------------- the checks


@never_raises
def check_number(
    answer: Any,
    expected: float,
    *,
    tolerance: float = 0.01,
    relative: bool = True,
    whole: bool = False,
    fraction: bool = False,
    hint: str = "",
    unit: str = "",
    explain: str = "",
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
    whole : bool
        Also accept the nearest whole number (for "how many" and "about" questions).
    fraction : bool
        The answer is a share: a percentage (25 for 0.25) gets its own message.
    hint : str
        What to look at when the answer is wrong (never the answer itself).
    unit : str
        Shown after the student's number.
    explain : str
        Added after a right answer.

    Examples
    --------
    >>> check_number(27, 26.7, tolerance=0.1, relative=False, whole=True, unit="months")
    ✅ Correct: 27 months is right (a whole number is fine here).
    >>> check_number("27", 26.7, hint="Count the months.")
    ❌ Your answer should be a number, not text (remove the quotes). Count the months.
    >>> check_number(9.27, 0.0927, tolerance=0.002, relative=False, fraction=True)
    ❌ 9.27 looks like a percentage: give the share as a fraction (0.25 for 25 %).
    >>> check_number(..., 26.7)
    ✏️ Not answered yet: replace the ... with your answer, then run the cell again.
    """
    missing = not_answered(answer)
    if missing is not None:
        return missing
    value, problem = read_number(answer)
    if value is None:
        return Feedback(False, f"{problem} {hint}".strip())
    allowed = abs(expected) * tolerance if relative else tolerance
    shown = f"{show_number(value)}{(' ' + unit) if unit else ''}"
    if abs(value - expected) <= allowed + 1e-12:
        return Feedback(True, f"Correct: {shown} is right. {explain}".strip())
    if whole and value.is_integer() and value == math.floor(expected + 0.5):
        return Feedback(
            True, f"Correct: {shown} is right (a whole number is fine here). {explain}".strip()
        )
    if fraction and 0 < abs(expected) <= 1 and abs(value / 100 - expected) <= allowed:
        return Feedback(
            False,
            f"{show_number(value)} looks like a percentage: give the share as a fraction "
            "(0.25 for 25 %).",
        )
    if expected != 0 and abs(value + expected) <= allowed:
        return Feedback(
            False, f"Not quite: {shown} has the right size but the wrong sign. {hint}".strip()
        )
    return Feedback(False, f"Not quite: {shown} is not it yet. {hint}".strip())


def _listing(options: Iterable[Any]) -> str:
    quoted = [f'"{o}"' for o in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


@never_raises
def check_choice(
    answer: Any,
    expected: str | Iterable[str],
    *,
    options: Iterable[str],
    explanations: Mapping[str, str] | None = None,
    hint: str = "",
) -> Feedback:
    """Check a multiple-choice answer (case, spaces, quotes and hyphens do not matter).

    ``expected`` is the right option, or a collection of options that are all right.

    Examples
    --------
    >>> check_choice("Factual ", "factual", options=["factual", "interpretive"])
    ✅ Correct: factual.
    >>> check_choice("opinion", "factual", options=["factual", "interpretive"])
    ❌ 'opinion' is not one of the options: "factual" or "interpretive".
    >>> check_choice("us sponsored", "October", options=["US-sponsored", "October"])
    ❌ Not "US-sponsored".
    """
    missing = not_answered(answer)
    if missing is not None:
        return missing
    options = list(options)
    if not isinstance(answer, str) and hasattr(answer, "__len__"):  # a list, dict, Series...
        return Feedback(False, f"Give one option, in quotes: {_listing(options)}.")
    chosen = match(answer, options)
    if chosen is None:
        typed = str(answer).strip()
        typed = typed if len(typed) <= 40 else typed[:39] + "…"
        return Feedback(False, f"{typed!r} is not one of the options: {_listing(options)}.")
    right = [expected] if isinstance(expected, str) else list(expected)
    notes = {match(key, options): text for key, text in (explanations or {}).items()}
    if norm(chosen) in {norm(r) for r in right}:
        return Feedback(True, f"Correct: {chosen}. {notes.get(chosen, '')}".strip())
    return Feedback(False, f'Not "{chosen}". {notes.get(chosen) or hint}'.strip())


@never_raises
def check_set(answer: Any, expected: Iterable[Any], *, hint: str = "") -> Feedback:
    """Check an answer that is a collection, in any order; text ignores case and spaces.

    Missing items are counted (never named); extra items are named, as the student typed them.

    Examples
    --------
    >>> check_set(["gbr ", "FRA"], {"GBR", "FRA"})
    ✅ Correct: all 2 items, nothing extra.
    >>> check_set(["a", "z"], {"a", "b"}, hint="There are two.")
    ❌ 1 item missing and 1 extra ('z'). There are two.
    >>> check_set("GBR, FRA", {"GBR", "FRA"})
    ❌ Your answer is one piece of text: put each item in its own quotes, in a list like ['a', 'b'].
    """
    missing = not_answered(answer)
    if missing is not None:
        return missing
    if isinstance(answer, str):
        if "," in answer or len(answer.split()) > 1:
            message = "Your answer is one piece of text: put each item in its own quotes, "
            return Feedback(False, f"{message}in a list like ['a', 'b']. {hint}".strip())
        example = [answer.strip()]
        return Feedback(False, f"Give a list, even for one item, like {example}. {hint}".strip())
    if isinstance(answer, Mapping) or not isinstance(answer, Iterable):
        return Feedback(False, f"Give a list of items, like ['a', 'b']. {hint}".strip())
    items = list(answer.tolist() if hasattr(answer, "tolist") else answer)
    if any(is_blank(i) for i in items):
        return Feedback(False, "Remove the ... from your list: give only your items.")
    want = {set_item(i) for i in expected}
    shown = {}
    for given in items:
        shown.setdefault(set_item(given), given.strip() if isinstance(given, str) else given)
    got = set(shown)
    if got == want:
        return Feedback(True, f"Correct: all {len(want)} items, nothing extra.")
    lost, extra = len(want - got), [shown[i] for i in shown if i not in want]
    missing_text = f"{lost} item{'s' if lost != 1 else ''} missing"
    extra_text = f"{len(extra)} extra ({', '.join(repr(e) for e in extra)})"
    if not extra:
        message = f"{missing_text}."
    elif not lost:
        message = f"Every item is there, but {extra_text}."
    else:
        message = f"{missing_text} and {extra_text}."
    return Feedback(False, f"{message} {hint}".strip())


def read_mapping(
    answer: Any, keys: Iterable[Any], *, key: Callable[[Any], Any] = key_text
) -> tuple[dict[Any, Any] | None, Feedback | None]:
    """Read a dict answer against the keys it must have: ``(values by key, None)`` or
    ``(None, feedback)`` naming missing and extra keys.

    Keys match ignoring case and spaces (``key`` says how a key is compared).

    Examples
    --------
    >>> read_mapping({"usa": 7, "CHN": 4}, ["USA", "CHN"])
    ({'USA': 7, 'CHN': 4}, None)
    >>> read_mapping({"USA": 7, "CHNA": 4}, ["USA", "CHN"])[1]
    ❌ Missing key: 'CHN' (put it back in the dictionary). Not asked for: 'CHNA' (check the \
spelling).
    """
    keys = list(keys)
    example = "{" + ", ".join(f"{k!r}: ..." for k in keys) + "}"
    missing = not_answered(answer)
    if missing is not None:
        return None, missing
    if not isinstance(answer, Mapping):
        return None, Feedback(False, f"Give a dictionary, like {example}.")
    values, lost, extra = match_keys(answer, keys, key=key)
    notes = []
    if lost:
        notes.append(
            f"Missing key{'s' if len(lost) > 1 else ''}: {', '.join(repr(k) for k in lost)} "
            f"(put {'them' if len(lost) > 1 else 'it'} back in the dictionary)."
        )
    if extra:
        notes.append(f"Not asked for: {', '.join(repr(k) for k in extra)} (check the spelling).")
    if notes:
        return None, Feedback(False, " ".join(notes))
    return {k: values[k] for k in keys}, None


@never_raises
def check_mapping(
    answer: Any,
    expected: Mapping[Any, Any],
    *,
    compare: Callable[[Any, Any, Any], str | None] | None = None,
    hint: str = "",
    success: str = "",
) -> Feedback:
    """Check a dict answer key by key; missing and extra keys are named, ``...`` is not answered.

    ``compare(key, given, expected)`` returns None when a value is right, else a short reason
    (the default compares numbers and text, ignoring case).

    Examples
    --------
    >>> check_mapping({"USA": 7, "chn": 4, "RUS": 0}, {"USA": 7, "CHN": 4, "RUS": 0})
    ✅ Correct: all 3 right.
    >>> check_mapping({"USA": 7, "CHN": "4"}, {"USA": 7, "CHN": 4, "RUS": 0})
    ❌ Missing key: 'RUS' (put it back in the dictionary).
    >>> check_mapping({"USA": 7, "CHN": "4", "RUS": ...}, {"USA": 7, "CHN": 4, "RUS": 0})
    ❌ 1 of 3 right so far. CHN: it should be a number, not text (remove the quotes). RUS: not \
answered yet (replace the ...).
    """
    values, problem = read_mapping(answer, expected)
    if problem is not None:
        return problem
    compare = compare or (lambda _k, given, want: same_value(given, want))
    right, notes, pending = 0, [], []
    for name, given in values.items():
        if is_blank(given):
            pending.append(name)
            continue
        why = compare(name, given, expected[name])
        if why is None:
            right += 1
        else:
            notes.append(f"{name}: {why}")
    notes += [f"{name}: not answered yet (replace the ...)." for name in pending]
    if not notes:
        return Feedback(True, success or f"Correct: all {right} right.")
    return Feedback(
        False, " ".join([f"{right} of {len(values)} right so far.", *notes, hint]).strip()
    )


@never_raises
def check_with(answer: Any, test: Callable[[Any], str | None], *, success: str) -> Feedback:
    """Run a custom test that returns ``None`` when right or a hint when wrong.

    The test runs only on a complete answer (no ``...`` left); its own errors become a friendly
    message too.

    Examples
    --------
    >>> check_with(3, lambda a: None if a > 2 else "Too small.", success="Right.")
    ✅ Right.
    >>> check_with("x", lambda a: None if a > 2 else "Too small.", success="Right.")
    ❌ That answer could not be checked (TypeError): is it the right kind of value?
    >>> check_with((1, ...), lambda a: None, success="Right.")
    ❌ Not finished yet: replace every ... with your answer.
    """
    missing = not_answered(answer)
    if missing is not None:
        return missing
    if any_blank(answer):
        return Feedback(False, "Not finished yet: replace every ... with your answer.")
    problem = test(answer)
    return Feedback(True, success) if problem is None else Feedback(False, problem)
