"""Checks for lesson 05's exercises, one per exercise: ``ex_5_1(answer)`` ... ``ex_5_4(answer)``.

Each takes only the student's answer and computes the expected one from ``data/`` (the argument
map, the events, China-Russia trade, the hindsight ledger) with :mod:`helpers.argument.model`, so
the check cell shows no answer and a changed CSV cannot leave an exercise silently wrong. Hints
and explanations live here too, and :func:`check_verdicts` gives feedback on a student's verdicts
for the commentary's predictions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from helpers.argument.data import HINDSIGHT_AFTER, load_argument, load_hindsight
from helpers.argument.democracy_data import third_voices
from helpers.argument.model import VERDICTS, compare_verdicts, trade_against_target
from helpers.core.feedback import (
    Feedback,
    check_choice,
    check_number,
    check_set,
    never_raises,
    read_number,
)
from helpers.ledger.data import load_claims
from helpers.relations.data import load_events
from helpers.trade.data import load_trade_targets, trade_series

__all__ = ["EX_5_2_EVENTS", "check_verdicts", "ex_5_1", "ex_5_2", "ex_5_3", "ex_5_4", "ex_5_5"]

#: Exercise 5.1: the claim of paragraph 16 the student places in the argument map.
EX_5_1_CLAIM = "c66"
#: Exercise 5.2: the lettered developments, as events of ``data/events.csv``.
EX_5_2_EVENTS = {
    "a": "summit_for_democracy_2021",
    "b": "invasion_of_ukraine_2022",
    "c": "aukus_2021",
    "d": "power_of_siberia_full_2024",
    "e": "xi_state_visit_moscow_2023",
}
#: Exercise 5.3: the year whose trade is set against the US$ 250 bn target.
EX_5_3_YEAR = 2024
#: Exercise 5.4: the claim and the kind of development the student counts.
EX_5_4_CLAIM, EX_5_4_KIND = "c14", "stated_position"


@never_raises
def ex_5_1(answer: Any) -> Feedback:
    """Exercise 5.1: which premise of the argument map does claim c66 belong to?

    Examples
    --------
    >>> ex_5_1("back to the past: non-interference ").correct
    True
    >>> ex_5_1("reason 1: freedom of action").message
    'Not "Reason 1: freedom of action". Reason 1: freedom of action rests on claims from ¶ 10.'
    """
    nodes, _ = load_argument()
    premises = nodes[nodes["role"] == "premise"]
    paragraphs = load_claims().set_index("claim_id")["paragraph"]
    right, notes = None, {}
    for _, node in premises.iterrows():
        ids = list(node["claim_ids"])
        where = sorted({int(paragraphs[c]) for c in ids if c in paragraphs.index})
        shown = f"{where[0]}–{where[-1]}" if len(where) > 1 else "".join(map(str, where))
        notes[node["label"]] = f"{node['label']} rests on claims from ¶ {shown}."
        if EX_5_1_CLAIM in ids:
            right = node["label"]
            notes[right] = f"Claim {EX_5_1_CLAIM} is in the box {node['node_id']}."
    options = list(premises["label"])
    return check_choice(answer, right, options=options, explanations=notes)


@never_raises
def ex_5_2(answer: Any) -> Feedback:
    """Exercise 5.2: which lettered developments had happened by 4 February 2022?

    Examples
    --------
    >>> ex_5_2(["A", " c"]).correct
    True
    >>> ex_5_2(["a"]).message
    '1 item missing. Look up the dates in data/events.csv: only 2 are before 4 Feb 2022.'
    """
    dates = load_events().set_index("event_id")["date"]
    knowable = [letter for letter, e in EX_5_2_EVENTS.items() if dates[e] < HINDSIGHT_AFTER]
    hint = (
        f"Look up the dates in data/events.csv: only {len(knowable)} are before "
        f"{HINDSIGHT_AFTER.day} {HINDSIGHT_AFTER:%b %Y}."
    )
    return check_set(answer, knowable, hint=hint)


@never_raises
def ex_5_3(answer: Any) -> Feedback:
    """Exercise 5.3: how far short of the US$ 250 bn target was 2024 trade (US$ bn)?

    A pandas Series holding the one value is accepted too.

    Examples
    --------
    >>> table = trade_against_target(trade_series(start=2024, end=2024))
    >>> ex_5_3(table["gap_usd_bn"]).correct
    True
    >>> ex_5_3(table.loc[2024, "trade_usd_bn"]).message
    'That is the trade itself: the gap is the target minus the trade.'
    """
    targets = load_trade_targets()
    target = float(targets.loc[targets["target_year"].isna(), "value_usd_bn"].iloc[-1])
    table = trade_against_target(trade_series(start=EX_5_3_YEAR, end=EX_5_3_YEAR), target)
    row = table.loc[EX_5_3_YEAR]
    given, _ = read_number(answer)
    if given is not None and abs(given - row["trade_usd_bn"]) < 0.05:
        return Feedback(False, "That is the trade itself: the gap is the target minus the trade.")
    return check_number(
        answer,
        float(row["gap_usd_bn"]),
        tolerance=0.05,
        relative=False,
        unit="US$ bn",
        hint=f"Try trade_against_target(trade_series(start={EX_5_3_YEAR}, end={EX_5_3_YEAR}))"
        f'.loc[{EX_5_3_YEAR}, "gap_usd_bn"].',
    )


@never_raises
def ex_5_4(answer: Any) -> Feedback:
    """Exercise 5.4: how many developments on claim c14 are stated positions (words, not acts)?

    Examples
    --------
    >>> h = load_hindsight()
    >>> rows = h[(h["claim_id"] == "c14") & (h["kind"] == "stated_position")]
    >>> ex_5_4(len(rows)).correct, ex_5_4(rows).correct
    (True, False)
    """
    hindsight = load_hindsight()
    about = hindsight[hindsight["claim_id"] == EX_5_4_CLAIM]
    count = int((about["kind"] == EX_5_4_KIND).sum())
    given, _ = read_number(answer)
    if given is not None and given == len(about) != count:
        return Feedback(
            False,
            f"That counts every development about {EX_5_4_CLAIM}: keep only the rows whose "
            f'kind is "{EX_5_4_KIND}".',
        )
    return check_number(
        answer,
        count,
        tolerance=0,
        relative=False,
        whole=True,
        hint=f'Combine (hindsight["claim_id"] == "{EX_5_4_CLAIM}") & (hindsight["kind"] == '
        f'"{EX_5_4_KIND}"), then count the rows with len(...).',
    )


@never_raises
def check_verdicts(answers: object, card: pd.DataFrame) -> Feedback:
    """Friendly feedback on a dict of verdicts for the predictive claims (never raises).

    Examples
    --------
    >>> card = pd.DataFrame({"claim_id": ["c57"], "verdict": ["borne out so far"]})
    >>> check_verdicts({"c57": "borne out so far"}, card).correct
    True
    >>> check_verdicts({"c57": "probably"}, card).message[:24]
    "'probably' for c57 is no"
    """
    if answers is Ellipsis or answers is None:
        return Feedback(False, "Not answered yet: replace the ... with your verdicts, then run "
                        "the cell again.", answered=False)  # fmt: skip
    if not isinstance(answers, Mapping):
        return Feedback(False, 'Give a dict, like {"c57": "mixed", ...}.')
    for claim_id in card["claim_id"]:
        given = answers.get(claim_id, ...)
        if given is Ellipsis or given is None:
            return Feedback(False, f"Give a verdict for {claim_id} too (replace its ...).",
                            answered=False)  # fmt: skip
        if not isinstance(given, str) or given.strip().lower() not in VERDICTS:
            return Feedback(False, f"{given!r} for {claim_id} is not one of the verdicts: "
                            f"{', '.join(VERDICTS)}.")  # fmt: skip
    table = compare_verdicts(card, answers)
    differ = table.loc[~table["agree"].astype(bool), "claim_id"].tolist()
    if not differ:
        return Feedback(True, f"Your verdict matches the ledger's for all {len(table)} "
                        "predictions. Now read the evidence that might change it.")  # fmt: skip
    return Feedback(False, f"You differ from the ledger on {', '.join(differ)}. That is allowed: "
                    "say which evidence you weigh differently in the synthesis below.")  # fmt: skip


@never_raises
def ex_5_5(answer: Any) -> Feedback:
    """Exercise 5.5: which rows of the democracy evidence table are third voices?

    A third voice is neither China or Russia, nor the US and its allies, nor an index or a UN
    body: the expected ids come from the ``voice`` column of ``data/democracy_evidence.csv``.

    Examples
    --------
    >>> ex_5_5(["D06", " d07"]).correct
    True
    >>> ex_5_5(["d06"]).correct
    False
    """
    return check_set(
        answer,
        third_voices(),
        hint="A third voice is neither China or Russia, nor the United States and its allies, "
        "nor an index such as Freedom House, nor the UN: read the party column.",
    )
