"""Pure functions for lesson 01: date arithmetic for fact-checks and questions about the ledger.

Nothing here draws or reads files: every function takes plain values or a claims table (as
returned by :func:`helpers.ledger.data.load_claims`) and returns a value or a new table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from helpers.ledger.data import CHECK_STATUSES, CLAIM_TYPES, PARAGRAPH_COUNT, TOPICS

__all__ = [
    "AVERAGE_MONTH_DAYS",
    "CHECKABLE_STATUSES",
    "claims_by",
    "compare_classifications",
    "days_between",
    "filter_claims",
    "months_between",
    "percent_off",
    "share_checkable",
    "uncovered_paragraphs",
    "years_between",
]

#: The average length of a month in the Gregorian calendar: 365.2425 days / 12.
AVERAGE_MONTH_DAYS = 365.2425 / 12
#: Statuses of claims that evidence could settle (everything except "not checkable").
CHECKABLE_STATUSES = tuple(s for s in CHECK_STATUSES if s != "not checkable")
_ALL = (None, "all")
_CHOICES = {"claim_type": CLAIM_TYPES, "topic": TOPICS, "check_status": CHECK_STATUSES}


def _to_date(value: str | dt.date | pd.Timestamp, name: str) -> pd.Timestamp:
    """Read a date given as text (``YYYY-MM-DD``) or a date object."""
    if isinstance(value, str):
        try:
            return pd.Timestamp(dt.date.fromisoformat(value.strip()))
        except ValueError:
            raise ValueError(
                f"cannot read {value!r} as the {name} date; write it as YYYY-MM-DD, "
                "for example '2019-11-14'"
            ) from None
    if isinstance(value, pd.Timestamp | dt.date):
        return pd.Timestamp(value).normalize()
    raise TypeError(f"the {name} date must be text like '2019-11-14', not {type(value).__name__}")


def days_between(start: str | dt.date, end: str | dt.date) -> int:
    """Count the days from ``start`` to ``end``.

    Parameters
    ----------
    start, end : str or date
        Dates as ``YYYY-MM-DD`` text or date objects; ``end`` must not be before ``start``.

    Returns
    -------
    int
        The number of days.

    Raises
    ------
    ValueError
        If a date cannot be read or ``end`` comes before ``start``.

    Examples
    --------
    >>> days_between("1914-06-28", "1914-08-04")
    37
    """
    first, last = _to_date(start, "start"), _to_date(end, "end")
    if last < first:
        raise ValueError(
            f"the end date {last:%Y-%m-%d} is before the start date {first:%Y-%m-%d}; swap them"
        )
    return int((last - first).days)


def months_between(start: str | dt.date, end: str | dt.date) -> float:
    """Measure the time from ``start`` to ``end`` in months (days / 30.44).

    A month here is the average calendar month (365.2425 / 12 = 30.44 days), so the answer
    does not depend on which months lie in between.

    Parameters
    ----------
    start, end : str or date
        Dates as ``YYYY-MM-DD`` text or date objects; ``end`` must not be before ``start``.

    Returns
    -------
    float
        Months, rounded to one decimal place.

    Raises
    ------
    ValueError
        If a date cannot be read or ``end`` comes before ``start``.

    Examples
    --------
    From the last day of the Brasilia BRICS summit to Putin's visit to Beijing:

    >>> months_between("2019-11-14", "2022-02-04")
    26.7
    """
    return round(days_between(start, end) / AVERAGE_MONTH_DAYS, 1)


def years_between(start: str | dt.date, end: str | dt.date) -> float:
    """Measure the time from ``start`` to ``end`` in years (days / 365.2425), to two decimals.

    Examples
    --------
    >>> years_between("1972-02-21", "2022-02-04")
    49.96
    """
    return round(days_between(start, end) / 365.2425, 2)


def percent_off(stated: float, actual: float) -> float:
    """How far a stated number is from the checked one, in percent of the checked number.

    Negative means the stated number is too low.

    Examples
    --------
    >>> percent_off(25, 26.7)
    -6.4
    """
    if actual == 0:
        raise ValueError("the checked number is 0, so a percentage difference is not defined")
    return round((stated - actual) / actual * 100, 1)


def _check_choice(column: str, value: str | None) -> None:
    if value not in _ALL and value not in _CHOICES[column]:
        choices = ", ".join(("all", *_CHOICES[column]))
        raise ValueError(f"unknown {column} {value!r}; expected one of: {choices}")


def filter_claims(
    claims: pd.DataFrame,
    *,
    claim_type: str | None = None,
    topic: str | None = None,
    check_status: str | None = None,
    paragraph: int | None = None,
) -> pd.DataFrame:
    """Keep the claims that match every filter given (``None`` or ``"all"`` means no filter).

    Parameters
    ----------
    claims : pandas.DataFrame
        The claim ledger.
    claim_type, topic, check_status : str, optional
        A value from the ledger's vocabulary (for example ``"factual"``, ``"trade"``,
        ``"error"``), or ``"all"``.
    paragraph : int, optional
        A paragraph number, 1-17.

    Returns
    -------
    pandas.DataFrame
        The matching rows (a copy), in the original order.

    Raises
    ------
    ValueError
        If a value is not in the vocabulary; the message lists the valid choices.

    Examples
    --------
    >>> table = pd.DataFrame({"claim_id": ["c01", "c02"], "claim_type": ["factual", "normative"],
    ...                       "topic": ["trade", "trade"], "check_status": ["error", "supported"],
    ...                       "paragraph": [1, 2]})
    >>> filter_claims(table, claim_type="factual")["claim_id"].tolist()
    ['c01']
    """
    mask = pd.Series(True, index=claims.index)
    wanted = (("claim_type", claim_type), ("topic", topic), ("check_status", check_status))
    for column, value in wanted:
        _check_choice(column, value)
        if value not in _ALL:
            mask &= claims[column] == value
    if paragraph not in _ALL:
        if not isinstance(paragraph, int) or not 1 <= paragraph <= PARAGRAPH_COUNT:
            raise ValueError(f"unknown paragraph {paragraph!r}; expected 1 to {PARAGRAPH_COUNT}")
        mask &= claims["paragraph"] == paragraph
    return claims[mask].copy()


def claims_by(claims: pd.DataFrame, by: str) -> pd.Series:
    """Count claims by type, topic or check status, in the ledger's fixed order (zeros kept).

    Parameters
    ----------
    claims : pandas.DataFrame
        The claim ledger (or part of it).
    by : {"claim_type", "topic", "check_status"}
        What to count by.

    Returns
    -------
    pandas.Series
        Counts indexed by every value of ``by``.

    Examples
    --------
    >>> table = pd.DataFrame({"claim_type": ["factual", "factual", "predictive"]})
    >>> claims_by(table, "claim_type").to_dict()
    {'factual': 2, 'interpretive': 0, 'predictive': 1, 'normative': 0}
    """
    if by not in _CHOICES:
        raise ValueError(f"cannot count by {by!r}; expected one of: {', '.join(_CHOICES)}")
    counts = claims[by].value_counts().reindex(_CHOICES[by], fill_value=0)
    counts.index.name, counts.name = by, "claims"
    return counts.astype(int)


def share_checkable(claims: pd.DataFrame) -> float:
    """The share of claims that evidence could settle: every status except "not checkable".

    "Unverifiable" claims count as checkable: a source could settle them, we just did not find
    one. Interpretive, predictive and normative claims are mostly "not checkable".

    Returns
    -------
    float
        A share between 0 and 1, rounded to three decimals.

    Examples
    --------
    >>> table = pd.DataFrame({"check_status": ["supported", "error", "not checkable", "contested"]})
    >>> share_checkable(table)
    0.75
    """
    if len(claims) == 0:
        raise ValueError("the table has no claims, so there is no share to compute")
    return round(float(claims["check_status"].isin(CHECKABLE_STATUSES).mean()), 3)


def uncovered_paragraphs(paragraphs: Iterable[int]) -> list[int]:
    """The paragraph numbers (1-17) that no claim covers.

    Examples
    --------
    >>> uncovered_paragraphs([1, 2, 3, 5] + list(range(7, 18)))
    [4, 6]
    """
    seen = set(paragraphs)
    return [p for p in range(1, PARAGRAPH_COUNT + 1) if p not in seen]


def compare_classifications(claims: pd.DataFrame, answers: dict[str, str]) -> pd.DataFrame:
    """Set a reader's classification of some claims beside the ledger's.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claim ledger.
    answers : dict
        ``{claim_id: claim_type}``, for example ``{"c15": "factual"}``.

    Returns
    -------
    pandas.DataFrame
        One row per answer: claim_id, quotation, yours, ledger, match (bool).

    Raises
    ------
    ValueError
        If a claim id is unknown or a type is not one of the four claim types.

    Examples
    --------
    >>> table = pd.DataFrame({"claim_id": ["c01"], "quotation": ["..."],
    ...                       "claim_type": ["factual"]})
    >>> compare_classifications(table, {"c01": "Factual"})["match"].tolist()
    [True]
    """
    ledger = claims.set_index("claim_id")
    rows = []
    for claim_id, given in answers.items():
        if claim_id not in ledger.index:
            raise ValueError(f"unknown claim_id {claim_id!r}; see the claim_id column")
        yours = str(given).strip().lower()
        if yours not in CLAIM_TYPES:
            raise ValueError(
                f"unknown claim type {given!r} for {claim_id}; expected one of: "
                + ", ".join(CLAIM_TYPES)
            )
        truth = ledger.loc[claim_id, "claim_type"]
        rows.append((claim_id, ledger.loc[claim_id, "quotation"], yours, truth, yours == truth))
    return pd.DataFrame(rows, columns=["claim_id", "quotation", "yours", "ledger", "match"])
