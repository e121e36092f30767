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

__all__ = [
    "EX_3_2_DEADLINE",
    "EX_3_4_ASSUMED",
    "ex_3_1",
    "ex_3_2",
    "ex_3_3",
    "ex_3_4",
    "ex_3_5",
    "ex_3_6",
    "ex_3_7",
    "ex_3_8",
    "ex_3_9",
]

#: Exercise 3.2: the deadline the student tries for the undated target of 4 Feb 2022.
EX_3_2_DEADLINE = 2027
#: Exercise 3.3: the two years whose customs gap has opposite signs.
EX_3_3_YEARS = (2010, 2021)
#: Exercise 3.7: the year of the crude oil share.
EX_3_7_YEAR = 2023
#: Exercise 3.6: the year of the asymmetry ratio.
EX_3_6_YEAR = 2010
#: Exercise 3.9: the year of the Power of Siberia contract gap.
EX_3_9_YEAR = 2020
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
    ❌ Not "100 by 2015". The best year up to 2015 was 2014, at USD 95.2 bn.
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


@never_raises
def ex_3_3(answer: Any) -> Feedback:
    """Exercise 3.3: which explanation fits the customs gap in both 2010 and 2021?

    a: one side's statistics are wrong; b: each side values its imports with freight and
    insurance (CIF) and its exports without (FOB); c: exchange rates alone. The right option is
    ``"b"`` when, in both years, the side with the higher figure is the side whose imports were
    the larger flow (the data are read, so a corrected file changes the feedback).

    Examples
    --------
    >>> ex_3_3("B").correct
    True
    >>> ex_3_3("a").message[:40]
    'Not "a". Both figures are official, and '
    """
    trade = data.load_china_russia_trade(preferred_only=True).set_index(["series", "year"])
    facts, fits = [], True
    for year in EX_3_3_YEARS:
        china, russia = trade.loc[("china_customs", year)], trade.loc[("russia_customs", year)]
        to_russia = china["china_exports_to_russia_usd_bn"]
        to_china = china["russia_exports_to_china_usd_bn"]
        higher = "China" if china["total_usd_bn"] > russia["total_usd_bn"] else "Russia"
        bigger_importer = "Russia" if to_russia > to_china else "China"
        fits = fits and higher == bigger_importer
        facts.append(
            f"{year}: China {china['total_usd_bn']:.1f}, Russia {russia['total_usd_bn']:.1f}; "
            f"the larger flow was {bigger_importer}'s imports"
        )
    evidence = "; ".join(facts) + "."
    notes = {
        "a": "Both figures are official, and they differ in a pattern: look at which way the "
        "larger flow went each year.",
        "b": f"{evidence} Each side's figure is higher where its own imports (counted CIF) "
        "were the larger flow.",
        "c": "Exchange rates matter for figures first kept in roubles or yuan, but they do not "
        "explain why the gap changes sign between the two years.",
    }
    right = "b" if fits else "c"
    return check_choice(answer, right, options=["a", "b", "c"], explanations=notes)


@never_raises
def ex_3_7(answer: Any) -> Feedback:
    """Exercise 3.7: crude oil's share of Russia's exports to China in 2023, as a fraction.

    Examples
    --------
    >>> ex_3_7(60.6 / 129.14).correct
    True
    >>> ex_3_7(46.9).message[:40]
    '46.9 looks like a percentage: give the s'
    """
    table = _composition()
    row = table[
        (table["year"] == EX_3_7_YEAR)
        & (table["product_group"] == "crude_oil")
        & (table["months"] == 12)
    ].iloc[0]
    return check_number(
        answer,
        float(row["share_of_direction"]),
        tolerance=0.005,
        relative=False,
        fraction=True,
        hint=f"Divide the crude oil value for {EX_3_7_YEAR} by Russia's exports to China in "
        f"{EX_3_7_YEAR} (column russia_exports_to_china_usd_bn), both in US$ bn.",
    )


def _composition() -> pd.DataFrame:
    trade = data.load_china_russia_trade(preferred_only=True)
    return data.composition_shares(data.load_trade_composition(), trade)


@never_raises
def ex_3_6(answer: Any) -> Feedback:
    """Exercise 3.6: how many times larger China's share of Russia's trade was in 2010.

    Examples
    --------
    >>> t = data.asymmetry_table().loc[2010]
    >>> ex_3_6(t["china_share_of_russia"] / t["russia_share_of_china"]).correct
    True
    >>> ex_3_6(0.21).message[:30]
    'Not quite: 0.21 is not it yet.'
    """
    row = data.asymmetry_table().loc[EX_3_6_YEAR]
    ratio = row["china_share_of_russia"] / row["russia_share_of_china"]
    return check_number(
        answer,
        float(ratio),
        tolerance=0.05,
        relative=False,
        hint="Divide China's share of Russia's trade by Russia's share of China's trade, "
        f"both for {EX_3_6_YEAR} (the larger share goes on top).",
        explain=f"In {EX_3_6_YEAR} China's share of Russia's trade was {ratio:.1f} times "
        "Russia's share of China's.",
    )


@never_raises
def ex_3_8(answer: Any) -> Feedback:
    """Exercise 3.8: does what the trade carries make Russia's dependence look larger or smaller?

    a: smaller; b: larger (Russia sells oil that China can buy elsewhere, and buys machinery and
    vehicles it found hard to replace); c: no difference. ``"b"`` is right while Russia supplies
    under a quarter of China's crude imports in every year of ``energy_crude.csv``.

    Examples
    --------
    >>> ex_3_8(" b").correct
    True
    """
    crude = data.crude_share_table()
    top = float(crude["russia_share"].max())
    notes = {
        "a": "Look at who can replace whom: which side has other suppliers?",
        "b": f"Russia never supplied more than {top:.0%} of China's crude imports: China can "
        "turn to other sellers, while after 2022 Russia had few other sources of machinery "
        "and cars. In Keohane and Nye's terms, Russia is the more vulnerable side.",
        "c": "The shares treat a dollar of oil and a dollar of machine tools alike; ask how "
        "easily each buyer could find another seller.",
    }
    right = "b" if top < 0.25 else "c"
    return check_choice(answer, right, options=["a", "b", "c"], explanations=notes)


@never_raises
def ex_3_4(answer: Any) -> Feedback:
    """Exercise 3.4: the Far Eastern gas deal's headline value if it ran 30 years at US$ 250.

    Examples
    --------
    >>> ex_3_4(75).correct, ex_3_7("75").correct
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


@never_raises
def ex_3_9(answer: Any) -> Feedback:
    """Exercise 3.9: by how many bcm 2020's deliveries missed (minus) or beat the contract.

    Examples
    --------
    >>> ex_3_9(-0.9).correct, ex_3_9(0.9).correct
    (True, False)
    """
    gas = data.load_energy_gas(preferred_only=True).set_index("year")
    row = gas.loc[EX_3_9_YEAR]
    gap = float(row["deliveries_bcm"] - row["contract_bcm"])
    return check_number(
        answer,
        gap,
        tolerance=0.05,
        relative=False,
        unit="bcm",
        hint=f"Deliveries minus the contract volume for {EX_3_9_YEAR}: a shortfall is negative.",
    )
