"""The ledger's rule for "supported" against "error": a number is right within its stated precision.

One rule, applied to every numeric verdict in ``data/claims.csv`` and to the collection's own
numbers alike. The ``precision`` column says how the claim states its number:

``as stated``
    Right within half a unit of its last non-zero digit, the way a round number reads:
    "25 months" is right within 0.5 months, "30 years" within 5 years, "5,400 words" within 50.
``exactly``
    The author says "exactly": right within half a unit of the claim's unit (0.5 years).
``date``
    A year, decade or month: it must match.
``upper bound``
    "Within a week", "up to $250 billion": right if the evidence does not exceed it.

:func:`claim_row_checks` is a row check of the claims schema, so a ledger whose verdict
disagrees with this rule does not load.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

__all__ = ["PRECISIONS", "claim_row_checks", "precision_verdict", "stated_tolerance"]

PRECISIONS = ("as stated", "exactly", "date", "upper bound")
#: Verdicts that compare the claim's number with the evidence's.
NUMERIC_VERDICTS = ("supported", "error")


def stated_tolerance(value: float, precision: str = "as stated") -> float:
    """How far the evidence may be from ``value`` for the claim still to count as right.

    Examples
    --------
    >>> stated_tolerance(25), stated_tolerance(30), stated_tolerance(5400), stated_tolerance(117.5)
    (0.5, 5.0, 50.0, 0.05)
    >>> stated_tolerance(50, "exactly"), stated_tolerance(1914, "date")
    (0.5, 0.0)
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    if precision == "date":
        return 0.0
    if precision == "exactly":
        return 0.5
    if precision == "upper bound":
        return 0.0
    digits = Decimal(repr(float(value))).normalize()
    exponent = digits.as_tuple().exponent
    return float(Decimal(5) * Decimal(10) ** (exponent - 1))


def precision_verdict(value: float, checked: float, precision: str = "as stated") -> str:
    """``"supported"`` if ``checked`` is within the claim's stated precision, else ``"error"``.

    Examples
    --------
    >>> precision_verdict(25, 26.7), precision_verdict(30, 29), precision_verdict(5400, 5364)
    ('error', 'supported', 'supported')
    >>> precision_verdict(1, 4.9, "upper bound"), precision_verdict(27, 26.7)
    ('error', 'supported')
    """
    if precision == "upper bound":
        return "supported" if checked <= value else "error"
    off = abs(checked - value)
    return "supported" if off <= stated_tolerance(value, precision) + 1e-9 else "error"


def claim_row_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Row check for ``data/claims.csv``: numeric verdicts follow the precision rule."""
    compares = row["value"] is not None and row["checked_value"] is not None
    if row["check_status"] in NUMERIC_VERDICTS and compares:
        if row["precision"] is None:
            yield "precision", "a supported/error verdict on a number needs its precision"
            return
        verdict = precision_verdict(row["value"], row["checked_value"], row["precision"])
        if verdict != row["check_status"]:
            tol = stated_tolerance(row["value"], row["precision"])
            yield (
                "check_status",
                f"the precision rule gives {verdict!r} ({row['value']:g} against "
                f"{row['checked_value']:g}, {row['precision']}, tolerance {tol:g})",
            )
    elif row["precision"] is not None and not compares:
        yield "precision", "precision is set, but there is no value and checked value to compare"
