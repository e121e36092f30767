"""Growth rates, targets, shares and headline deal values: the arithmetic of lesson 03.

Plain functions, no plotting and no data files. Rates and shares are returned as fractions
(``0.25`` means 25 %); format them with ``f"{rate:.1%}"``. Every function checks its inputs and
raises :class:`ValueError` naming the offending value: a negative amount, a zero base, a year
that is not a whole number, or years out of order.
"""

from __future__ import annotations

import math
from numbers import Real

__all__ = [
    "BARRELS_PER_TONNE",
    "cagr",
    "growth_rate",
    "headline_value",
    "hhi",
    "implied_price",
    "projected_path",
    "required_growth",
    "share",
]

#: Barrels of crude oil in one tonne (a common average; each crude differs a little).
BARRELS_PER_TONNE = 7.33


def _amount(value: object, name: str, *, allow_zero: bool = True) -> float:
    """Check that ``value`` is a real, finite, non-negative number and return it as float."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number, not {value!r}")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    if number < 0:
        raise ValueError(f"{name} cannot be negative: {value!r}")
    if number == 0 and not allow_zero:
        raise ValueError(f"{name} cannot be zero: {value!r} (growth from zero is not defined)")
    return number


def _year(value: object, name: str) -> int:
    """Check that ``value`` is a whole-number year."""
    if isinstance(value, bool) or not isinstance(value, (int, Real)) or float(value) != int(value):
        raise ValueError(f"{name} must be a whole-number year, not {value!r}")
    return int(value)


def _span(start_year: object, end_year: object) -> int:
    """Years between two years; raise if they are out of order or equal."""
    start, end = _year(start_year, "start year"), _year(end_year, "end year")
    if end <= start:
        raise ValueError(
            f"years out of order: the end year {end} must come after the start year {start}"
        )
    return end - start


def growth_rate(start: float, end: float) -> float:
    """Growth from one value to the next, as a fraction of the first.

    Parameters
    ----------
    start : float
        The earlier value (must be positive: growth from zero is not defined).
    end : float
        The later value (zero or more).

    Returns
    -------
    float
        ``end / start - 1``; 0.358 means +35.8 %.

    Raises
    ------
    ValueError
        If a value is negative, not a number, or ``start`` is zero.

    Examples
    --------
    >>> round(growth_rate(107.76, 146.887), 3)   # China-Russia trade, 2020 -> 2021
    0.363
    >>> f"{growth_rate(244.81, 228.105):.1%}"    # 2024 -> 2025
    '-6.8%'
    >>> growth_rate(0, 5)
    Traceback (most recent call last):
    ...
    ValueError: start cannot be zero: 0 (growth from zero is not defined)
    """
    first = _amount(start, "start", allow_zero=False)
    last = _amount(end, "end")
    return last / first - 1


def cagr(start_value: float, end_value: float, start_year: int, end_year: int) -> float:
    """Compound annual growth rate: the steady yearly rate that links two values.

    Parameters
    ----------
    start_value, end_value : float
        The values in ``start_year`` and ``end_year`` (start must be positive).
    start_year, end_year : int
        Whole-number years; ``end_year`` must come after ``start_year``.

    Returns
    -------
    float
        ``(end_value / start_value) ** (1 / years) - 1``.

    Raises
    ------
    ValueError
        For a negative value, a zero start value, or years out of order.

    Examples
    --------
    >>> f"{cagr(8.0, 146.887, 2000, 2021):.1%}"    # China-Russia trade over two decades
    '14.9%'
    >>> cagr(100, 121, 2020, 2022)
    0.10000000000000009
    >>> cagr(100, 121, 2022, 2020)
    Traceback (most recent call last):
    ...
    ValueError: years out of order: the end year 2020 must come after the start year 2022
    """
    first = _amount(start_value, "start value", allow_zero=False)
    last = _amount(end_value, "end value")
    return (last / first) ** (1 / _span(start_year, end_year)) - 1


def required_growth(base: float, target: float, base_year: int, target_year: int) -> float:
    """The steady yearly growth needed to go from ``base`` to ``target`` by ``target_year``.

    The same arithmetic as :func:`cagr`, read forwards: a plan, not a record.

    Parameters
    ----------
    base : float
        The starting value (positive), e.g. trade in the base year.
    target : float
        The goal (zero or more).
    base_year, target_year : int
        Whole-number years; ``target_year`` must come after ``base_year``.

    Returns
    -------
    float
        The yearly rate as a fraction (negative if the target is below the base).

    Raises
    ------
    ValueError
        For a negative value, a zero base, or years out of order.

    Examples
    --------
    >>> f"{required_growth(146.9, 250, 2021, 2024):.1%}"   # $250 bn by 2024
    '19.4%'
    >>> f"{required_growth(146.9, 250, 2021, 2026):.1%}"
    '11.2%'
    >>> required_growth(-1, 250, 2021, 2024)
    Traceback (most recent call last):
    ...
    ValueError: base cannot be negative: -1
    """
    first = _amount(base, "base", allow_zero=False)
    goal = _amount(target, "target")
    return (goal / first) ** (1 / _span(base_year, target_year)) - 1


def projected_path(base: float, rate: float, base_year: int, end_year: int) -> dict[int, float]:
    """Values year by year if ``base`` grows at a steady ``rate`` from ``base_year``.

    Parameters
    ----------
    base : float
        The value in ``base_year`` (zero or more).
    rate : float
        Yearly growth as a fraction; must be above -1 (a fall of 100 % or more is impossible).
    base_year, end_year : int
        Whole-number years, ``end_year`` after ``base_year``.

    Returns
    -------
    dict of int to float
        ``{base_year: base, base_year + 1: ..., end_year: ...}``.

    Raises
    ------
    ValueError
        For a negative base, a rate of -1 or below, or years out of order.

    Examples
    --------
    >>> {y: round(v, 1) for y, v in projected_path(100, 0.1, 2021, 2023).items()}
    {2021: 100.0, 2022: 110.0, 2023: 121.0}
    """
    start = _amount(base, "base")
    if isinstance(rate, bool) or not isinstance(rate, Real) or math.isnan(float(rate)):
        raise ValueError(f"rate must be a number, not {rate!r}")
    if rate <= -1:
        raise ValueError(f"rate must be above -1 (a fall of 100 % or more), not {rate!r}")
    years = _span(base_year, end_year)
    first = int(base_year)
    return {first + k: start * (1 + float(rate)) ** k for k in range(years + 1)}


def share(part: float, whole: float) -> float:
    """``part`` as a fraction of ``whole`` (for example one partner's share of total trade).

    Parameters
    ----------
    part, whole : float
        Amounts in the **same unit**; ``whole`` must be positive and at least ``part``.

    Returns
    -------
    float
        Between 0 and 1; 0.24 means 24 %.

    Raises
    ------
    ValueError
        For a negative value, a zero whole, or a part larger than the whole (usually a sign
        that the two numbers are in different units, e.g. billions and trillions).

    Examples
    --------
    >>> f"{share(146.887, 6050):.1%}"      # Russia's share of China's trade, 2021 ($ bn)
    '2.4%'
    >>> share(146.887, 6.05)
    Traceback (most recent call last):
    ...
    ValueError: part (146.887) is larger than whole (6.05): are they in the same unit?
    """
    numerator = _amount(part, "part")
    denominator = _amount(whole, "whole", allow_zero=False)
    if numerator > denominator:
        raise ValueError(
            f"part ({part!r}) is larger than whole ({whole!r}): are they in the same unit?"
        )
    return numerator / denominator


def hhi(shares) -> float:
    """The Hirschman–Herfindahl index of concentration: the sum of the squared shares.

    1 if all trade is with one partner, 0.5 with two equal partners, close to 0 when trade is
    spread over many. Shares are fractions of the same whole (for example each partner's share
    of a country's total trade); they may sum to less than 1 where some trade is unallocated.

    Raises
    ------
    ValueError
        For a negative share, or shares summing to more than 1 (usually percentages, not
        fractions).

    Examples
    --------
    >>> hhi([0.5, 0.5])
    0.5
    >>> round(hhi([0.25] * 4), 4)
    0.25
    >>> hhi([50, 50])
    Traceback (most recent call last):
    ...
    ValueError: shares sum to 100 (more than 1): give them as fractions, not percentages
    """
    values = [_amount(s, "share") for s in shares]
    total = sum(values)
    if total > 1 + 1e-9:
        raise ValueError(
            f"shares sum to {total:g} (more than 1): give them as fractions, not percentages"
        )
    return sum(v * v for v in values)


def headline_value(volume_per_year: float, years: float, price_per_unit: float) -> float:
    """A contract's headline value in US$ billions: volume x assumed price x years.

    Volumes are in **millions of the priced unit**: million tonnes (Mt) of oil priced per
    tonne, or billion cubic metres (bcm) of gas priced per 1,000 m3 (1 bcm = 1 million x
    1,000 m3). Then ``volume x years x price`` is in US$ millions; divided by 1,000, in billions.

    Parameters
    ----------
    volume_per_year : float
        Mt/yr or bcm/yr.
    years : float
        Length of the contract (positive).
    price_per_unit : float
        US$ per tonne, or US$ per 1,000 m3.

    Returns
    -------
    float
        US$ billions.

    Raises
    ------
    ValueError
        For a negative or non-numeric input, or zero years.

    Examples
    --------
    >>> headline_value(10, 25, 150)   # Reuters' estimate for the Far Eastern gas route
    37.5
    >>> headline_value(10, 30, 150)   # the same deal if it runs 30 years
    45.0
    """
    volume = _amount(volume_per_year, "volume per year")
    span = _amount(years, "years", allow_zero=False)
    price = _amount(price_per_unit, "price per unit")
    return volume * span * price / 1000


def implied_price(value_usd_bn: float, volume_per_year: float, years: float) -> float:
    """The price per unit that a headline value assumes (the inverse of :func:`headline_value`).

    Parameters
    ----------
    value_usd_bn : float
        The headline value, US$ billions.
    volume_per_year : float
        Mt/yr or bcm/yr (positive).
    years : float
        Contract length (positive).

    Returns
    -------
    float
        US$ per tonne (oil) or per 1,000 m3 (gas).

    Raises
    ------
    ValueError
        For negative inputs or a zero volume or length.

    Examples
    --------
    >>> implied_price(80, 10, 10)                          # Rosneft: $ per tonne
    800.0
    >>> round(implied_price(80, 10, 10) / BARRELS_PER_TONNE)   # about $109 a barrel
    109
    """
    value = _amount(value_usd_bn, "value")
    volume = _amount(volume_per_year, "volume per year", allow_zero=False)
    span = _amount(years, "years", allow_zero=False)
    return value * 1000 / (volume * span)
