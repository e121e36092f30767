"""Checks for lesson 04's theory exercises (re-exported by :mod:`helpers.alliances.checks`).

- ``ex_4_2``: under which definitions is the 2001 treaty an alliance?
- ``ex_4_3``: entrapment or abandonment? (the TASS statement of 9 September 1959);
- ``ex_4_4``: the 1950s alliance from 1957 on: the commonest kind of episode China bore;
- ``ex_4_6``: the rung of the 2024 Russia–DPRK treaty on the ladder of alignment;
- ``ex_4_9``: was Italy's casus foederis met in 1914?
- ``ex_4_10``: chain-ganging or buck-passing?
- ``ex_4_11``: the share of the states that entered the war in August 1914 (after the first two)
  that the 1914 commitments explain.

Each computes its expected answer from ``data/`` with :mod:`helpers.alliances.model`, except
``ex_4_10``, whose answer is a definition.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from helpers.alliances.cascade import (
    commitments_from_frame,
    compare_with_history,
    simulate_cascade,
)
from helpers.alliances.data import (
    EPISODE_CODINGS,
    STATE_NAMES_1914,
    STATES_1914,
    load_alliances_1914,
    load_episodes_1950s,
    load_july_crisis_1914,
    load_treaties,
)
from helpers.alliances.model import (
    DEFINITIONS,
    RUNGS,
    alignment_rung,
    checklist_table,
    definition_table,
    episode_balance,
)
from helpers.core.feedback import (
    Feedback,
    check_choice,
    check_number,
    check_set,
    never_raises,
    not_answered,
    read_number,
)

__all__ = ["august_1914", "ex_4_10", "ex_4_11", "ex_4_2", "ex_4_3", "ex_4_4", "ex_4_6", "ex_4_9"]

TREATY_2001, TREATY_2024 = "good_neighbor_2001", "russia_dprk_2024"
TASS_1959, YEAR_SPLIT = "tass_india_1959", "1957-01-01"
AUGUST_END, EXPLAINED = "1914-08-31", "explained by commitments"


def _table() -> pd.DataFrame:
    return checklist_table(load_treaties())


@never_raises
def ex_4_2(answer: Any) -> Feedback:
    """Exercise 4.2: the definitions (``"ATOP"``, ``"COW"``, ``"narrow"``) under which the 2001
    treaty is an alliance, as a list.

    Examples
    --------
    >>> ex_4_2(["atop", " COW"]).correct
    True
    >>> "narrow" in ex_4_2(["ATOP", "COW", "narrow"]).message
    True
    """
    verdicts = definition_table(_table()).set_index("agreement_id").loc[TREATY_2001]
    right = [name for name in DEFINITIONS if verdicts[name]]
    hint = (
        "Take the 2001 treaty's obligations (non-aggression and consultation in ATOP's coding) "
        "and ask of each definition: does it count either promise?"
    )
    if isinstance(answer, (list, tuple, set)):
        given = {str(item).strip().lower() for item in answer}
        if "narrow" in given and not verdicts["narrow"]:
            hint = (
                "Not 'narrow': that definition needs a promise of military support against "
                "outsiders (defense or offense), and the 2001 treaty makes none."
            )
        elif "cow" not in given and verdicts["COW"]:
            hint = (
                "COW's types include non-aggression pacts and ententes (consultation): would "
                "COW's definition count the 2001 treaty, even though COW v4.1 has no row for it?"
            )
    result = check_set(answer, right, hint=hint)
    if result.correct:
        return Feedback(
            True,
            f"Right: {' and '.join(right)}, not the narrow definition. The same text is an "
            "alliance or not depending on the definition: that is the puzzle of this lesson.",
        )
    return result


@never_raises
def ex_4_6(answer: Any) -> Feedback:
    """Exercise 4.6: the rung (0–3) of the 2024 Russia–DPRK treaty on the ladder of alignment.

    Examples
    --------
    >>> ex_4_6("3").correct
    False
    >>> ex_4_6(3).correct
    True
    """
    blank = not_answered(answer)
    if blank is not None:
        return blank
    row = _table().set_index("agreement_id").loc[TREATY_2024].to_dict()
    right = alignment_rung(row)
    number, why = read_number(answer)
    if number is None:
        return Feedback(False, why)
    if number != right:
        if number == 2:
            message = "Article 3 is a consultation promise, but read Article 4 again: what does "
            return Feedback(False, message + "each side promise if the other is attacked?")
        ladder = "; ".join(f"{k} = {v}" for k, v in RUNGS.items())
        return Feedback(
            False, f"Find the highest promise the treaty makes, then its rung: {ladder}."
        )
    return Feedback(
        True,
        f"Right: rung {right} ({RUNGS[right]}), one rung above the 2001 China–Russia treaty. "
        "Russia took on with the DPRK the kind of promise it has not made to China.",
    )


@never_raises
def ex_4_3(answer: Any) -> Feedback:
    """Exercise 4.3: from Beijing's side, is the TASS statement of 9 September 1959 a case of
    ``"entrapment"``, ``"abandonment"`` or ``"intrusion"``?

    Examples
    --------
    >>> ex_4_3(" Abandonment").correct
    True
    >>> ex_4_3("entrapment").correct
    False
    """
    episodes = load_episodes_1950s().set_index("episode_id")
    right = episodes.loc[TASS_1959, "coding"]
    notes = {
        "abandonment": "Moscow declined to back its ally in a clash with a third state, on the "
        "eve of Khrushchev's visit to the United States.",
        "entrapment": "Entrapment is being dragged into the ally's conflict. Did Moscow drag "
        "China into anything here, or hold back from China's side?",
        "intrusion": "Intrusion is meddling in the ally's own affairs or sovereignty. Here Moscow "
        "stayed neutral in China's quarrel with a third state.",
    }
    return check_choice(answer, right, options=["entrapment", "abandonment", "intrusion"],
                        explanations=notes)  # fmt: skip


@never_raises
def ex_4_4(answer: Any) -> Feedback:
    """Exercise 4.4: from 1957 on, the commonest coding among the episodes China bore.

    Examples
    --------
    >>> ex_4_4("abandonment").correct
    True
    >>> ex_4_4("intrusion").message.startswith('Not "intrusion".')
    True
    """
    china = episode_balance(load_episodes_1950s(), start=YEAR_SPLIT)["CHN"]
    right = str(china.idxmax())
    notes = {
        right: f"{int(china[right])} episodes from 1957 on: the complaint shifts from too much "
        "Soviet presence to too little Soviet support.",
    }
    for other in EPISODE_CODINGS:
        if other != right:
            notes[other] = (
                f"China bore {int(china.get(other, 0))} '{other}' episodes from 1957 on. Read "
                "the CHN column of your table again: which row has the largest number?"
            )
    return check_choice(answer, right, options=list(EPISODE_CODINGS), explanations=notes)


@never_raises
def ex_4_9(answer: Any) -> Feedback:
    """Exercise 4.9: by the Triple Alliance's trigger (an attack by France), was Italy's casus
    foederis met before it declared neutrality? ``"yes"`` or ``"no"``.

    Examples
    --------
    >>> ex_4_9("No").correct
    True
    """
    rows = load_alliances_1914()
    triggers = set()
    for listed in rows.loc[rows["guarantor"] == "ITA", "triggered_by"]:
        triggers.update(listed)
    crisis = load_july_crisis_1914()
    main = crisis[crisis["reading"] == "main"]
    neutral = main[(main["actor"] == "ITA") & (main["kind"] == "neutrality")]["date"].min()
    attacks = main[(main["kind"] == "declaration") & main["actor"].isin(triggers)
                   & main["target"].isin(["DEU", "AUT"]) & (main["date"] <= neutral)]  # fmt: skip
    right = "yes" if len(attacks) else "no"
    notes = {
        "no": "France declared no war on Germany or Austria-Hungary before Italy's neutrality: "
        "Germany declared war on France. Leeds's point: a commitment is conditional, and a "
        "state that stays out is not always breaking it.",
        "yes": "Look at who declared war on whom: did France attack Germany, or the other way "
        "round? Italy's promise was owed if France attacked.",
    }
    return check_choice(answer, right, options=["yes", "no"], explanations=notes)


@never_raises
def ex_4_10(answer: Any) -> Feedback:
    """Exercise 4.10: is an ally that holds back and lets its partner bear the first cost of
    fighting ``"chain-ganging"`` or ``"buck-passing"``? (Christensen and Snyder 1990)

    Examples
    --------
    >>> ex_4_10("buck passing").correct
    True
    """
    text = answer.replace(" ", "-") if isinstance(answer, str) else answer
    notes = {
        "buck-passing": "Passing the cost of balancing to others: Christensen and Snyder's "
        "pattern for the late 1930s, when defence was thought to have the advantage.",
        "chain-ganging": "Chain-ganging is the opposite: following an ally into war at once, "
        "as in 1914 (Figure 4.2), when offence was thought to have the advantage.",
    }
    return check_choice(text, "buck-passing", options=["chain-ganging", "buck-passing"],
                        explanations=notes)  # fmt: skip


def august_1914() -> pd.DataFrame:
    """The states that entered the war by 31 August 1914, leaving out the first attacker and its
    target: the rows of Exercise 4.11 (the 1914 model after Austria-Hungary attacks Serbia)."""
    run = simulate_cascade(commitments_from_frame(load_alliances_1914()), "AUT", "SRB",
                           states=STATES_1914)  # fmt: skip
    comparison = compare_with_history(run, load_july_crisis_1914())
    august = comparison[comparison["history_date"] <= AUGUST_END]
    return august[august["verdict"] != "first attack"]


@never_raises
def ex_4_11(answer: Any) -> Feedback:
    """Exercise 4.11: of the states that entered the war by 31 August 1914 (after Austria-Hungary
    and Serbia), what share does the model explain through commitments? A fraction, 0 to 1.

    Examples
    --------
    >>> ex_4_11(3 / 7).correct
    True
    >>> ex_4_11(3).message.startswith("3 is how many")
    True
    """
    blank = not_answered(answer)
    if blank is not None:
        return blank
    august = august_1914()
    explained = august["verdict"] == EXPLAINED
    count, total = int(explained.sum()), len(august)
    share = count / total
    value, _ = read_number(answer)
    if value is not None and value == count:
        return Feedback(
            False, f"{count} is how many; now divide by the number of rows, len(august)."
        )
    if value is not None and total and abs(value - (total - count) / total) < 0.005:
        return Feedback(False, "That is the share the commitments do not explain: count the rows "
                        f'whose verdict is "{EXPLAINED}".')  # fmt: skip
    if value is not None and abs(value - (count + 2) / (total + 2)) < 0.005:
        return Feedback(False, "Leave out Austria-Hungary and Serbia (verdict \"first attack\"): "
                        "they started the war, so no commitment drew them in.")  # fmt: skip

    def names(mask: pd.Series) -> str:
        return ", ".join(STATE_NAMES_1914[s] for s in august.loc[mask, "state"])

    dates = august.loc[explained, "history_date"]
    explain = (
        f"{count} of {total}: the commitments explain {names(explained)}; "
        f"{names(~explained)} came in for other reasons or by other routes. The treaties account "
        f"for the chain of {dates.min():%-d}–{dates.max():%-d %B}, not for everyone who went to "
        "war that month."
    )
    hint = f'Count the rows of august whose verdict is "{EXPLAINED}", then divide by len(august).'
    return check_number(answer, share, tolerance=0.005, relative=False, fraction=True,
                        hint=hint, explain=explain)  # fmt: skip
