"""Reading a student's answer: blanks, text that names an option, one number, dict keys.

The friendly checks of :mod:`helpers.core.feedback` are built on these. Nothing here raises on
what a student typed: each function returns a value, or ``None`` and a reason in plain words.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

__all__ = [
    "all_blank",
    "any_blank",
    "is_blank",
    "key_text",
    "match",
    "match_keys",
    "norm",
    "read_number",
    "same_value",
    "set_item",
    "show_number",
]


def is_blank(value: Any) -> bool:
    """``...``, ``None``, empty text or text that is only ``...``.

    Examples
    --------
    >>> is_blank(...), is_blank("  ...  "), is_blank(0)
    (True, True, False)
    """
    if value is Ellipsis or value is None:
        return True
    return isinstance(value, str) and value.strip() in ("", "...", "…")


def _parts(value: Any) -> list[Any] | None:
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return None


def all_blank(value: Any) -> bool:
    """Blank, or a non-empty dict, list or tuple whose parts are all blank (at any depth).

    Examples
    --------
    >>> all_blank(({"a": ...}, ...)), all_blank({"a": 1, "b": ...})
    (True, False)
    """
    parts = _parts(value)
    if parts is None:
        return is_blank(value)
    return bool(parts) and all(all_blank(part) for part in parts)


def any_blank(value: Any) -> bool:
    """Is there a ``...`` or ``None`` anywhere in a dict, list or tuple (at any depth)?

    Examples
    --------
    >>> any_blank((1, [2, ...])), any_blank((1, 2))
    (True, False)
    """
    parts = _parts(value)
    if parts is None:
        return value is Ellipsis or value is None
    return any(any_blank(part) for part in parts)


def norm(value: Any) -> str:
    """Text as compared: case, surrounding spaces and quotes, runs of spaces ignored.

    Examples
    --------
    >>> norm("  'The  Same.' ")
    'the same'
    """
    text = " ".join(str(value).casefold().split())
    return " ".join(text.strip("\"'`").strip().rstrip(".").split())


def _squash(value: Any) -> str:
    return "".join(ch for ch in str(value).casefold() if ch.isalnum())


def match(answer: Any, options: Iterable[Any]) -> Any | None:
    """The option that ``answer`` names (ignoring case, spaces, quotes and hyphens), or None.

    Examples
    --------
    >>> match("us sponsored", ["US-sponsored", "October"]), match("May", ["October"])
    ('US-sponsored', None)
    """
    options = list(options)
    given = norm(answer)
    for option in options:
        if norm(option) == given:
            return option
    squashed = [o for o in options if _squash(o) == _squash(answer) and _squash(answer)]
    return squashed[0] if len(squashed) == 1 else None


def _kind(value: Any) -> str:
    """A type's name in plain words."""
    name = type(value).__name__
    return {"DataFrame": "table (DataFrame)", "ndarray": "numpy array", "dict": "dictionary"}.get(
        name, name
    )


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def show_number(value: float) -> str:
    """A number as shown back to the student: whole numbers without a decimal point.

    Examples
    --------
    >>> show_number(27.0), show_number(0.0927)
    ('27', '0.0927')
    """
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


def set_item(value: Any) -> Any:
    """An item of a set answer as compared: text normalised, numpy scalars as Python values.

    Examples
    --------
    >>> set_item(" GBR "), set_item([1])
    ('gbr', '[1]')
    """
    if isinstance(value, str):
        return norm(value)
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


def key_text(value: Any) -> Any:
    """A dict key as compared: text without case or spaces; other keys as they are.

    Examples
    --------
    >>> key_text(" USA-chn "), key_text(3)
    ('usa-chn', 3)
    """
    return norm(value).replace(" ", "") if isinstance(value, str) else value


def same_value(given: Any, want: Any) -> str | None:
    """None when ``given`` is ``want`` (numbers within 1e-9, text ignoring case), else why not.

    Examples
    --------
    >>> same_value(4.0, 4) is None, same_value("4", 4)
    (True, 'it should be a number, not text (remove the quotes).')
    """
    if isinstance(want, numbers.Real) and not isinstance(want, bool):
        value, problem = read_number(given)
        if value is None:
            problem = problem.replace("Your answer", "It")
            return problem[0].lower() + problem[1:]
        return None if math.isclose(value, want, abs_tol=1e-9) else "not right yet."
    if isinstance(want, str):
        if not isinstance(given, str):
            return "give it as text, in quotes."
        return None if norm(given) == norm(want) else "not right yet."
    return None if given == want else "not right yet."


def match_keys(
    answer: Mapping[Any, Any], keys: Iterable[Any], *, key: Callable[[Any], Any] = key_text
) -> tuple[dict[Any, Any], list[Any], list[Any]]:
    """Match a dict's keys to the keys asked for: ``(values by key, missing keys, extra keys)``.

    ``key`` says how keys are compared (default: text without case or spaces). A key given
    twice (``"USA"`` and ``"usa"``) counts once; the second is extra.

    Examples
    --------
    >>> match_keys({"usa": 7, "UK": 1}, ["USA", "CHN"])
    ({'USA': 7}, ['CHN'], ['UK'])
    """
    keys = list(keys)
    wanted = {key(k): k for k in keys}
    values: dict[Any, Any] = {}
    extra = []
    for given, value in answer.items():
        name = wanted.get(key(given))
        if name is None or name in values:
            extra.append(given)
        else:
            values[name] = value
    return values, [k for k in keys if k not in values], extra
