"""The 1914 chain reaction of lesson 04, as a model the student can change.

:func:`simulate_cascade` runs a chain reaction: given directed commitments and a first attack it
returns who is drawn in, in what order and why; :func:`compare_with_history` sets the result
beside the dates on which the states really went to war.

The model reads the commitments literally. A *defense* or *guarantee* commitment makes the
guarantor declare war when the protected state is attacked by one of the listed attackers; an
*offense* commitment makes it join any war of the protected state; *neutrality*,
*non-aggression* and *consultation* never draw a state in. Each round of declarations is one
step; a state that is already at war with the enemy does not declare again, so the cascade always
ends, even when commitments form cycles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from helpers.alliances.model import DRAWS_IN, OBLIGATIONS, _unknown

__all__ = [
    "Cascade",
    "Commitment",
    "commitments_from_frame",
    "compare_with_history",
    "historical_entries",
    "simulate_cascade",
]


@dataclass(frozen=True)
class Commitment:
    """A directed promise: ``guarantor`` owes ``obligation`` to ``protected``.

    ``triggered_by`` lists the attackers that bring it into play (``("any",)`` for all);
    ``fights`` is ``"attacker"`` or the state the guarantor must fight whoever attacked.
    """

    guarantor: str
    protected: str
    obligation: str = "defense"
    triggered_by: tuple[str, ...] = ("any",)
    fights: str = "attacker"
    commitment_id: str = ""
    treaty_id: str = ""

    def __post_init__(self) -> None:
        if self.obligation not in OBLIGATIONS:
            raise _unknown("obligation", self.obligation, OBLIGATIONS)
        object.__setattr__(self, "triggered_by", tuple(self.triggered_by))

    def applies_to(self, attacker: str) -> bool:
        """Whether an attack by ``attacker`` on the protected state triggers it."""
        return "any" in self.triggered_by or attacker in self.triggered_by


def commitments_from_frame(frame: pd.DataFrame) -> list[Commitment]:
    """Turn :func:`helpers.alliances.data.load_alliances_1914` rows into :class:`Commitment`
    objects.

    Examples
    --------
    >>> from helpers.alliances.data import load_alliances_1914
    >>> c = commitments_from_frame(load_alliances_1914())[0]
    >>> (c.guarantor, c.protected, c.obligation, c.triggered_by)
    ('DEU', 'AUT', 'defense', ('RUS',))
    """
    return [
        Commitment(
            guarantor=row["guarantor"],
            protected=row["protected"],
            obligation=row["obligation"],
            triggered_by=tuple(row["triggered_by"]),
            fights=row["fights"],
            commitment_id=row["commitment_id"],
            treaty_id=row["treaty_id"],
        )  # fmt: skip
        for row in frame.to_dict("records")
    ]


@dataclass(frozen=True)
class Cascade:
    """The result of :func:`simulate_cascade`.

    Attributes
    ----------
    declarations : DataFrame
        One row per declaration of war in the model: step, declarer, target, commitment_id,
        treaty_id, obligation, and the declaration that set it off (cause_declarer,
        cause_target). The first attack has step 0 and no commitment.
    entries : DataFrame
        One row per state drawn in, in order: order (1, 2, ...), state, step, side (the first
        attacker's code for its side, the first target's for the other), via (treaty_id, or
        ``first attack``).
    stayed_out : list of str
        States of the network that were not drawn in.
    """

    declarations: pd.DataFrame
    entries: pd.DataFrame
    stayed_out: list[str] = field(default_factory=list)

    @property
    def order(self) -> list[str]:
        """The states in the order they were drawn in."""
        return list(self.entries["state"])


def _check_state(name: str, value: object, states: Sequence[str]) -> None:
    if value not in states:
        raise ValueError(
            f"unknown state {value!r} for {name}; expected one of: {', '.join(states)}"
        )


def simulate_cascade(
    commitments: Iterable[Commitment],
    attacker: str,
    target: str,
    *,
    active: Iterable[str] | None = None,
    states: Iterable[str] | None = None,
) -> Cascade:
    """Run the chain reaction that commitments set off after a first attack.

    Parameters
    ----------
    commitments : iterable of Commitment
        The network (see :func:`commitments_from_frame`).
    attacker, target : str
        Who declares war on whom first.
    active : iterable of str, optional
        Treaty ids (or commitment ids) to keep switched on; default all.
    states : iterable of str, optional
        The valid state codes (default: every state named in the commitments, plus the
        attacker and the target). Give it to have unknown codes refused.

    Returns
    -------
    Cascade
        Declarations step by step, the order in which states were drawn in, and who stayed out.

    Raises
    ------
    ValueError
        For an unknown state (the message lists the valid ones), an unknown treaty id in
        ``active``, or a state attacking itself.

    Examples
    --------
    >>> net = [Commitment("B", "A", triggered_by=("X",)), Commitment("C", "B")]
    >>> simulate_cascade(net, "X", "A").order
    ['X', 'A', 'B']
    >>> simulate_cascade(net, "X", "Q", states=["A", "B", "C", "X"]).order
    Traceback (most recent call last):
    ...
    ValueError: unknown state 'Q' for target; expected one of: A, B, C, X
    """
    network = list(commitments)
    named = {c.guarantor for c in network} | {c.protected for c in network}
    named |= {s for c in network for s in c.triggered_by if s != "any"}
    named |= {c.fights for c in network if c.fights != "attacker"}
    valid = sorted(set(states) if states is not None else named | {attacker, target})
    for label, value in (("attacker", attacker), ("target", target)):
        _check_state(label, value, valid)
    if attacker == target:
        raise ValueError(
            f"a state cannot attack itself ({attacker!r}); choose two different states"
        )
    for c in network:
        for label, value in (("guarantor", c.guarantor), ("protected", c.protected)):
            _check_state(label, value, valid)
    if active is not None:
        wanted = set(active)
        known = {c.treaty_id for c in network} | {c.commitment_id for c in network}
        unknown = sorted(wanted - known)
        if unknown:
            raise _unknown("treaty", unknown[0], sorted(k for k in known if k))
        network = [c for c in network if c.treaty_id in wanted or c.commitment_id in wanted]

    at_war: set[frozenset[str]] = set()
    side: dict[str, str] = {attacker: attacker, target: target}
    declarations: list[dict[str, object]] = []
    entries: list[dict[str, object]] = [
        {"state": attacker, "step": 0, "side": attacker, "via": "first attack"},
        {"state": target, "step": 0, "side": target, "via": "first attack"},
    ]

    def declare(
        step: int, who: str, whom: str, c: Commitment | None, cause: tuple[str, str]
    ) -> None:
        at_war.add(frozenset((who, whom)))
        declarations.append({
            "step": step, "declarer": who, "target": whom,
            "commitment_id": c.commitment_id if c else "", "treaty_id": c.treaty_id if c else "",
            "obligation": c.obligation if c else "first attack",
            "cause_declarer": cause[0], "cause_target": cause[1],
        })  # fmt: skip
        if who not in side:
            side[who] = attacker if side.get(whom) == target else target
            via = c.treaty_id if c else ""
            entries.append({"state": who, "step": step, "side": side[who], "via": via})
        if whom not in side:  # a state that is declared upon is at war too
            side[whom] = target if side[who] == attacker else attacker
            entries.append({"state": whom, "step": step, "side": side[whom],
                            "via": f"declared on by {who}"})  # fmt: skip

    declare(0, attacker, target, None, ("", ""))
    frontier = [(attacker, target)]
    step = 0
    while frontier:
        step += 1
        new: list[tuple[str, str]] = []
        for who, whom in frontier:
            for c in network:
                if c.obligation not in DRAWS_IN:
                    continue
                if c.obligation == "offense":
                    hit = c.protected in (who, whom)
                    enemy = whom if c.protected == who else who
                    hit = hit and c.applies_to(enemy)
                else:
                    hit, enemy = c.protected == whom and c.applies_to(who), who
                if not hit:
                    continue
                foe = enemy if c.fights == "attacker" else c.fights
                if c.guarantor == foe or frozenset((c.guarantor, foe)) in at_war:
                    continue
                if side.get(c.guarantor) is not None and side.get(c.guarantor) == side.get(foe):
                    continue  # never declare war on one's own side
                declare(step, c.guarantor, foe, c, (who, whom))
                new.append((c.guarantor, foe))
        frontier = new

    entry_frame = pd.DataFrame(entries, columns=["state", "step", "side", "via"])
    entry_frame.insert(0, "order", range(1, len(entry_frame) + 1))
    decl_frame = pd.DataFrame(
        declarations,
        columns=[
            "step",
            "declarer",
            "target",
            "commitment_id",
            "treaty_id",
            "obligation",
            "cause_declarer",
            "cause_target",
        ],
    )
    drawn = set(entry_frame["state"])
    return Cascade(decl_frame, entry_frame, [s for s in valid if s not in drawn])


# --------------------------------------------------------------------------- history


def historical_entries(events: pd.DataFrame) -> pd.DataFrame:
    """The date each state first went to war (as declarer, attacker or target), and its side.

    Uses the ``main`` reading of declarations and attacks in
    :func:`helpers.alliances.data.load_july_crisis_1914`.

    Returns
    -------
    DataFrame
        Columns state, date, side (``central`` or ``entente``), event_id; sorted by date.

    Examples
    --------
    >>> from helpers.alliances.data import load_july_crisis_1914
    >>> h = historical_entries(load_july_crisis_1914()).set_index("state")
    >>> str(h.loc["GBR", "date"].date()), h.loc["ITA", "side"]
    ('1914-08-04', 'entente')
    """
    wars = events[events["kind"].isin(["declaration", "attack"]) & events["reading"].eq("main")]
    wars = wars.sort_values(["date", "event_id"], kind="stable")
    first: dict[str, dict[str, object]] = {}
    for row in wars.to_dict("records"):
        other = "entente" if row["actor_side"] == "central" else "central"
        for state, its_side in ((row["actor"], row["actor_side"]), (row["target"], other)):
            if state not in first:
                first[state] = {"state": state, "date": row["date"], "side": its_side,
                                "event_id": row["event_id"]}  # fmt: skip
    out = pd.DataFrame(list(first.values()), columns=["state", "date", "side", "event_id"])
    return out.sort_values(["date", "state"], kind="stable").reset_index(drop=True)


def compare_with_history(
    cascade: Cascade, events: pd.DataFrame, *, max_lag_days: int = 7
) -> pd.DataFrame:
    """Set the model's cascade beside history: who joined, when, on which side, and why.

    A state the model draws in is *explained by commitments* if it really joined on the same side
    within ``max_lag_days`` of the state whose declaration triggered it in the model.

    Parameters
    ----------
    cascade : Cascade
        From :func:`simulate_cascade` (its first attacker must be a historical belligerent).
    events : DataFrame
        From :func:`helpers.alliances.data.load_july_crisis_1914`.
    max_lag_days : int
        How many days' delay still counts as "drawn in" (default 7).

    Returns
    -------
    DataFrame
        One row per state that the model or history puts at war: state, model_step, model_side
        (``central``/``entente``), history_date, history_side, lag_days, verdict.

    Examples
    --------
    >>> from helpers.alliances.data import load_alliances_1914, load_july_crisis_1914
    >>> run = simulate_cascade(commitments_from_frame(load_alliances_1914()), "AUT", "SRB")
    >>> table = compare_with_history(run, load_july_crisis_1914()).set_index("state")
    >>> table.loc["FRA", "verdict"]
    'explained by commitments'
    >>> table.loc["GBR", "verdict"]
    'joined, but not through these commitments'
    """
    hist = historical_entries(events).set_index("state")
    first = cascade.entries.iloc[0]["state"]
    if first not in hist.index:
        raise ValueError(f"{first!r} never went to war in the events table; no comparison possible")
    names = {first: hist.loc[first, "side"]}
    other = "entente" if names[first] == "central" else "central"
    names[cascade.entries.iloc[1]["state"]] = other
    cause = {}
    for row in cascade.declarations.to_dict("records")[1:]:
        cause.setdefault(row["declarer"], (row["cause_declarer"], row["cause_target"]))
    rows = []
    model = cascade.entries.set_index("state")
    for state in list(model.index) + [s for s in hist.index if s not in model.index]:
        in_model, in_hist = state in model.index, state in hist.index
        m_side = names.get(model.loc[state, "side"]) if in_model else None
        h_date = hist.loc[state, "date"] if in_hist else pd.NaT
        h_side = hist.loc[state, "side"] if in_hist else None
        lag = None
        if in_model and in_hist and state in cause:
            known = [hist.loc[s, "date"] for s in cause[state] if s in hist.index]
            lag = int((h_date - max(known)).days) if known else None
        if in_model and model.loc[state, "via"] == "first attack":
            verdict = "first attack"
        elif in_model and not in_hist:
            verdict = "drawn in by the model, but stayed out"
        elif not in_model:
            verdict = "joined, but not through these commitments"
        elif m_side != h_side:
            verdict = "drawn in by the model, but fought on the other side"
        elif lag is not None and lag > max_lag_days:
            verdict = f"drawn in by the model, but joined {lag} days later"
        else:
            verdict = "explained by commitments"
        rows.append({
            "state": state, "model_step": model.loc[state, "step"] if in_model else None,
            "model_side": m_side, "history_date": h_date, "history_side": h_side,
            "lag_days": lag, "verdict": verdict,
        })  # fmt: skip
    out = pd.DataFrame(rows)
    out["model_step"] = out["model_step"].astype("Int64")
    out["lag_days"] = out["lag_days"].astype("Int64")
    return out
