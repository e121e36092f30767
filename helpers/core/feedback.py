"""Friendly checks for the lessons' exercises: feedback, never a traceback.

Each check returns a :class:`Feedback` (shown as a coloured box in a notebook, as plain text
elsewhere) and never raises, whatever the student typed: ``...`` (not yet answered), text where a
number belongs, the wrong type, ``NaN``, a numpy scalar, a pandas Series of one value, a wrong
value or a right one. Choices, sets and dictionary keys ignore case and surrounding spaces. The
topics' ``checks.py`` build one ``ex_N_k(answer)`` per exercise on these primitives.
"""

from __future__ import annotations

import functools
import html
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

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


# ------------------------------------------------------------------------ reading answers


def _blank(value: Any) -> bool:
    """``...``, ``None``, empty text or text that is only ``...``."""
    if value is Ellipsis or value is None:
        return True
    return isinstance(value, str) and value.strip() in ("", "...", "…")


def _parts(value: Any) -> list[Any] | None:
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return None


def _all_blank(value: Any) -> bool:
    """Blank, or a non-empty dict, list or tuple whose parts are all blank (at any depth)."""
    parts = _parts(value)
    if parts is None:
        return _blank(value)
    return bool(parts) and all(_all_blank(part) for part in parts)


def _any_blank(value: Any) -> bool:
    parts = _parts(value)
    if parts is None:
        return value is Ellipsis or value is None
    return any(_any_blank(part) for part in parts)


def not_answered(answer: Any) -> Feedback | None:
    """A ✏️ :class:`Feedback` when nothing has been answered yet (``...`` everywhere), else None.

    Examples
    --------
    >>> not_answered({"a": ..., "b": ...}).answered
    False
    >>> not_answered({"a": 1, "b": ...}) is None
    True
    """
    if _blank(answer):
        return Feedback(False, NOT_ANSWERED, answered=False)
    if _all_blank(answer):
        return Feedback(
            False,
            "Not answered yet: replace each ... with your answer, then run the cell again.",
            answered=False,
        )
    return None


def _norm(value: Any) -> str:
    """Text as compared: case, surrounding spaces and quotes, runs of spaces ignored."""
    text = " ".join(str(value).casefold().split())
    return " ".join(text.strip("\"'`").strip().rstrip(".").split())


def _squash(value: Any) -> str:
    return "".join(ch for ch in str(value).casefold() if ch.isalnum())


def _match(answer: Any, options: Iterable[Any]) -> Any | None:
    """The option that ``answer`` names (ignoring case, spaces, quotes and hyphens), or None."""
    options = list(options)
    given = _norm(answer)
    for option in options:
        if _norm(option) == given:
            return option
    squashed = [o for o in options if _squash(o) == _squash(answer) and _squash(answer)]
    return squashed[0] if len(squashed) == 1 else None


def _kind(value: Any) -> str:
    name = type(value).__name__
    return {"DataFrame": "table (DataFrame)", "ndarray": "numpy array", "dict": "dictionary"}.get(
        name, name
    )


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _show(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def read_number(answer: Any) -> tuple[float | None, str]:
    """Read a student's answer as one number: ``(value, "")`` or ``(None, why not)``.

    A pandas Series, DataFrame or numpy array holding exactly one value is read as that value.

    Examples
    --------
    >>> read_number("27")
    (None, 'Your answer should be a number, not text (remove the quotes).')
    >>> read_number([1, 2])[1]
    'Your answer should be a single number, not a list.'
    """
    if isinstance(answer, bool) or type(answer).__name__ in ("bool_", "bool"):
        return None, "True and False are not numbers: give a number."
    if isinstance(answer, (numbers.Real, Decimal)):
        value = float(answer)
        if math.isnan(value):
            return None, "Your answer is NaN (not a number): check for missing values."
        if math.isinf(value):
            return None, "Your answer is infinite: did you divide by zero?"
        return value, ""
    if isinstance(answer, str):
        text = answer.strip().replace(",", "").replace("_", "").rstrip("%").strip()
        try:
            float(text)
        except ValueError:
            return None, "Your answer should be a number, not text: write just the number."
        return None, "Your answer should be a number, not text (remove the quotes)."
    if type(answer).__name__ in ("NAType", "NaTType"):
        return None, "Your answer is a missing value (NA): check for missing values."
    if hasattr(answer, "days") and hasattr(answer, "total_seconds"):
        return None, "Your answer is a length of time, not a number: use its .days."
    if callable(answer):
        return None, (
            "Your answer is a function, not a number: call it with brackets, like f(...)."
        )
    if hasattr(answer, "shape") and hasattr(answer, "size"):  # numpy or pandas
        size = int(answer.size)
        if size == 1:
            flat = answer.to_numpy() if hasattr(answer, "to_numpy") else answer
            return read_number(flat.reshape(-1)[0].item() if hasattr(flat, "reshape") else flat)
        if size == 0:
            return None, f"Your answer is an empty {_kind(answer)}: your filter kept nothing."
        if type(answer).__name__ == "DataFrame":
            return None, (
                f"Your answer is a table (DataFrame) with {len(answer)} rows, not a single "
                "number: count the rows with len(...) or pick one value with .loc[...]."
            )
        return None, (
            f"Your answer is a {_kind(answer)} of {size} values, not a single number: pick one "
            "with .loc[...] or count the rows with len(...)."
        )
    return None, f"Your answer should be a single number, not {_a(_kind(answer))}."


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
    shown = f"{_show(value)}{(' ' + unit) if unit else ''}"
    if abs(value - expected) <= allowed + 1e-12:
        return Feedback(True, f"Correct: {shown} is right. {explain}".strip())
    if whole and value.is_integer() and value == math.floor(expected + 0.5):
        return Feedback(
            True, f"Correct: {shown} is right (a whole number is fine here). {explain}".strip()
        )
    if fraction and 0 < abs(expected) <= 1 and abs(value / 100 - expected) <= allowed:
        return Feedback(
            False,
            f"{_show(value)} looks like a percentage: give the share as a fraction "
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
    if isinstance(answer, (list, tuple, set, Mapping)):
        return Feedback(False, f"Give one option, in quotes: {_listing(options)}.")
    chosen = _match(answer, options)
    if chosen is None:
        return Feedback(
            False, f"{str(answer).strip()!r} is not one of the options: {_listing(options)}."
        )
    right = [expected] if isinstance(expected, str) else list(expected)
    notes = {_match(key, options): text for key, text in (explanations or {}).items()}
    if _norm(chosen) in {_norm(r) for r in right}:
        return Feedback(True, f"Correct: {chosen}. {notes.get(chosen, '')}".strip())
    return Feedback(False, f'Not "{chosen}". {notes.get(chosen) or hint}'.strip())


def _item(value: Any) -> Any:
    if isinstance(value, str):
        return _norm(value)
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            return repr(value)
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


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
    if any(_blank(i) for i in items):
        return Feedback(False, "Remove the ... from your list: give only your items.")
    want = {_item(i) for i in expected}
    shown = {}
    for given in items:
        shown.setdefault(_item(given), given.strip() if isinstance(given, str) else given)
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


def _key(value: Any) -> Any:
    return _norm(value).replace(" ", "") if isinstance(value, str) else value


def read_mapping(
    answer: Any, keys: Iterable[Any], *, key: Callable[[Any], Any] = _key
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
    wanted = {key(k): k for k in keys}
    values: dict[Any, Any] = {}
    extra = []
    for given, value in answer.items():
        name = wanted.get(key(given))
        if name is None or name in values:
            extra.append(given)
        else:
            values[name] = value
    lost = [k for k in keys if k not in values]
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


def _same(given: Any, want: Any) -> str | None:
    """None when ``given`` is ``want`` (numbers within 1e-9, text ignoring case), else why not."""
    if isinstance(want, numbers.Real) and not isinstance(want, bool):
        value, problem = read_number(given)
        if value is None:
            problem = problem.replace("Your answer", "It")
            return problem[0].lower() + problem[1:]
        return None if math.isclose(value, want, abs_tol=1e-9) else "not right yet."
    if isinstance(want, str):
        if not isinstance(given, str):
            return "give it as text, in quotes."
        return None if _norm(given) == _norm(want) else "not right yet."
    return None if given == want else "not right yet."


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
    compare = compare or (lambda _k, given, want: _same(given, want))
    right, notes, pending = 0, [], []
    for name, given in values.items():
        if _blank(given):
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
    if _any_blank(answer):
        return Feedback(False, "Not finished yet: replace every ... with your answer.")
    problem = test(answer)
    return Feedback(True, success) if problem is None else Feedback(False, problem)
