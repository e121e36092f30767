"""Checks for lesson 03's exercises, one per exercise: ``ex_3_1(answer)`` ... ``ex_3_5(answer)``.

Each takes only the student's answer and computes the expected one from ``data/`` (trade,
targets, totals, energy deals) with :mod:`helpers.trade.data` and :mod:`helpers.trade.model`, so
the check cell shows no answer and a changed CSV cannot leave an exercise silently wrong. Hints
and explanations live here too.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from helpers.core.feedback import Feedback, check_choice, check_number, never_raises, read_number
from helpers.trade import data
from helpers.trade import model as econ

__all__ = ["EX_3_2_DEADLINE", "EX_3_4_ASSUMED", "ex_3_1", "ex_3_2", "ex_3_3", "ex_3_4", "ex_3_5"]

#: Exercise 3.2: the deadline the student tries for the undated target of 4 Feb 2022.
EX_3_2_DEADLINE = 2027
#: Exercise 3.4: the deal and the assumptions the exercise gives (years, US$ per 1,000 m3).
EX_3_4_DEAL = "gazprom_cnpc_far_east_2022"
EX_3_4_ASSUMED = {"years": 30, "price": 250}
#: Exercise 3.5: the year of the unit-error bug hunt.
EX_3_5_YEAR = 2021


def _target_label(row: pd.Series) -> str:
    return f"{row['value_usd_bn']:g} by {int(row['target_year'])}"


@never_raises
def ex_3_1(answer: Any) -> Feedback:
    """Exercise 3.1: which dated trade goal was met (or ``"none"``)?

    A goal is met when China's customs figure reaches it in a year from the one it was set in up
    to its target year.

    Examples
    --------
    >>> ex_3_1("200 by 2024").correct
    True
    >>> ex_3_1("100 BY 2015")
    ❌ Not "100 by 2015". The best year up to 2015 was 2014, at USD 95.4 bn.
    """
    trade = data.trade_series()
    targets = data.load_trade_targets().dropna(subset=["target_year"])
    options, met, notes = [], [], {}
    for _, row in targets.iterrows():
        label = _target_label(row)
        options.append(label)
        window = trade[(trade.index >= row["set_date"].year) & (trade.index <= row["target_year"])]
        reached = window[window >= row["value_usd_bn"]]
        if reached.empty:
            best = window.idxmax()
            peak = f"{best}, at USD {window[best]:.1f} bn"
            notes[label] = f"The best year up to {int(row['target_year'])} was {peak}."
        else:
            met.append(label)
            notes[label] = f"Trade passed USD {row['value_usd_bn']:g} bn in {reached.index[0]}."
    notes["none"] = "Look again at the last years in Figure 3.1." if met else "Right: none was met."
    return check_choice(answer, met or ["none"], options=[*options, "none"], explanations=notes)


def _target_250() -> tuple[float, int]:
    """The undated target of 4 Feb 2022 (US$ bn) and its base year (the year before)."""
    targets = data.load_trade_targets()
    row = targets[targets["target_year"].isna()].iloc[-1]
    return float(row["value_usd_bn"]), int(row["set_date"].year) - 1


@never_raises
def ex_3_2(answer: Any) -> Feedback:
    """Exercise 3.2: the yearly growth that US$ 250 bn by 2027 needed from the 2021 base.

    Examples
    --------
    >>> target, base_year = _target_250()
    >>> rate = econ.required_growth(data.trade_series()[base_year], target, base_year, 2027)
    >>> ex_3_2(rate).correct, ex_3_2(round(rate * 100, 2)).correct
    (True, False)
    """
    target, base_year = _target_250()
    base = data.trade_series()[base_year]
    rate = econ.required_growth(base, target, base_year, EX_3_2_DEADLINE)
    return check_number(
        answer,
        rate,
        tolerance=0.002,
        relative=False,
        fraction=True,
        hint=f"Use econ.required_growth(base, {target:g}, {base_year}, {EX_3_2_DEADLINE}); do "
        "not multiply by 100.",
    )


def _recent_shares(years: int = 5) -> pd.DataFrame:
    table = data.asymmetry_table()[["china_share_of_russia", "russia_share_of_china"]].dropna()
    return table.tail(years)


@never_raises
def ex_3_3(answer: Any) -> Feedback:
    """Exercise 3.3: who depends more on whom in trade: ``"a"``, ``"b"`` or ``"c"``?

    a: about equally; b: Russia much more on China; c: China much more on Russia. "Much more"
    means one share is over 1.5 times the other in the latest year with both.

    Examples
    --------
    >>> ex_3_3(" B ").correct
    True
    >>> ex_3_3("a").message
    'Not "a". Compare the two lines: one is many times the other.'
    """
    shares = _recent_shares()
    latest = shares.iloc[-1]
    ratio = latest["china_share_of_russia"] / latest["russia_share_of_china"]
    right = "b" if ratio > 1.5 else ("c" if ratio < 1 / 1.5 else "a")
    first, last = shares.index[0], shares.index[-1]
    china, russia = shares["china_share_of_russia"], shares["russia_share_of_china"]
    facts = (
        f"In {first}–{last}, China was {china.min():.0%}–{china.max():.0%} of Russia's trade; "
        f"Russia {russia.min():.0%}–{russia.max():.0%} of China's."
    )
    hints = {
        "a": "Compare the two lines: one is many times the other.",
        "b": "Compare the two lines: which share is the larger?",
        "c": f"Russia is only {russia.min():.0%}–{russia.max():.0%} of China's trade.",
    }
    notes = {option: facts if option == right else hint for option, hint in hints.items()}
    return check_choice(answer, right, options=["a", "b", "c"], explanations=notes)


@never_raises
def ex_3_4(answer: Any) -> Feedback:
    """Exercise 3.4: the Far Eastern gas deal's headline value if it ran 30 years at US$ 250.

    Examples
    --------
    >>> ex_3_4(75).correct, ex_3_4("75").correct
    (True, False)
    >>> ex_3_4(37.5).message[:32]
    'That is the Reuters estimate (25'
    """
    deals = data.load_energy_deals()
    rows = deals[deals["deal_id"] == EX_3_4_DEAL]
    preferred = rows[rows["preferred"]].iloc[0]
    volume = float(preferred["volume_per_year"])
    value = econ.headline_value(volume, EX_3_4_ASSUMED["years"], EX_3_4_ASSUMED["price"])
    given, _ = read_number(answer)
    published = float(preferred["value_usd_bn"])
    if given is not None and abs(given - published) < 0.01 and abs(published - value) > 0.01:
        return Feedback(
            False,
            f"That is the Reuters estimate ({int(preferred['years'])} years at a lower price): "
            f"use the exercise's {EX_3_4_ASSUMED['years']} years and US$ "
            f"{EX_3_4_ASSUMED['price']} per 1,000 m3.",
        )
    return check_number(
        answer,
        value,
        tolerance=0.01,
        unit="US$ bn",
        hint=f"econ.headline_value(volume_per_year, years, price): {volume:g} bcm a year.",
    )


@never_raises
def ex_3_5(answer: Any) -> Feedback:
    """Exercise 3.5 (bug hunt): Russia's share of China's trade in 2021, as a fraction.

    Examples
    --------
    >>> ex_3_5(146.887 / 6050).correct
    True
    >>> ex_3_5(146.887 / 6.05).message[:55]
    'Not quite: 24.2788 is not it yet. A share above 100 % m'
    """
    share = data.asymmetry_table().loc[EX_3_5_YEAR, "russia_share_of_china"]
    given, _ = read_number(answer)
    hint = "Divide China–Russia trade by China's total trade, both in US$ bn."
    if given is not None and given > 1:
        hint = (
            "A share above 100 % means the two numbers are in different units: is 6.05 in "
            "billions or trillions? Change it, then run both cells again."
        )
    return check_number(answer, share, tolerance=0.03, fraction=True, hint=hint)
