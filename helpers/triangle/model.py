"""The strategic triangle: configurations, roles and ranks (pure functions).

Three players, three pairs, and each pair's relation is amity (+1) or enmity (-1). From the
signs follow the four configurations and the six roles:

==================  ==========================================  ===========================
configuration       relations                                   roles
==================  ==========================================  ===========================
ménage à trois      all three amity                             three friends
romantic triangle   one player in amity with two foes of        a pivot and two wings
                    each other
stable marriage     one pair in amity, both at enmity with      two partners and an outcast
                    the third
unit veto           all three enmity                            three foes
==================  ==========================================  ===========================

Dittmer (1981) set out the first three patterns (read here: the article's abstract only); the
unit veto as a fourth is cited to Dittmer (1987, p. 34) by Wu Yu-Shan, whose Chinese-language
article (very probably his own "Unintending Pivot", c. 2000; ``triangle_roles_citing_article``,
an exhibit: a stored copy whose title and author are not legible)
also reproduces the rank table of Wu (1996, p. 30): pivot 1, friend 2, partner 3, wing 4, enemy
5, outcast 6. This package calls Wu's "enemy" a *foe*. Dittmer's 1987 chapter and Wu's 1996
article themselves were not read.

Nothing here draws or reads files; the charts are in :mod:`helpers.triangle.charts`, a
player's moves in :mod:`helpers.triangle.moves` and the triangle over time in
:mod:`helpers.triangle.history`.
"""

from __future__ import annotations

import itertools
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "AMITY",
    "CONFIGURATIONS",
    "CONFIGURATION_LABELS",
    "ENMITY",
    "PLAYERS",
    "PLAYER_NAMES",
    "ROLES",
    "ROLE_RANK",
    "Move",
    "Triangle",
    "all_configurations",
    "classify",
    "describe",
    "make_relations",
]

AMITY, ENMITY = 1, -1
#: The players of the US-China-Russia triangle, in the order used everywhere.
PLAYERS: tuple[str, str, str] = ("USA", "CHN", "RUS")
#: Names for display.
PLAYER_NAMES: dict[str, str] = {"USA": "United States", "CHN": "China", "RUS": "USSR/Russia"}
#: Configuration ids, from the most to the least friendly.
CONFIGURATIONS: tuple[str, ...] = (
    "menage_a_trois",
    "romantic_triangle",
    "stable_marriage",
    "unit_veto",
)
CONFIGURATION_LABELS: dict[str, str] = {
    "menage_a_trois": "ménage à trois",
    "romantic_triangle": "romantic triangle",
    "stable_marriage": "stable marriage",
    "unit_veto": "unit veto",
}
#: The six roles in Wu Yu-Shan's rank order (1 = most desirable; Wu's "enemy" is "foe" here).
ROLES: tuple[str, ...] = ("pivot", "friend", "partner", "wing", "foe", "outcast")
ROLE_RANK: dict[str, int] = {role: rank for rank, role in enumerate(ROLES, start=1)}

Pair = tuple[str, str]


@dataclass(frozen=True)
class Triangle:
    """A classified triangle.

    Attributes
    ----------
    configuration : str
        One of :data:`CONFIGURATIONS`.
    roles : dict of str to str
        Each player's role, in the order of the players.
    relations : dict of (str, str) to int
        The three relations, each pair written in the order of the players.
    """

    configuration: str
    roles: dict[str, str]
    relations: dict[Pair, int]

    @property
    def label(self) -> str:
        """The configuration's name, for example ``'romantic triangle'``."""
        return CONFIGURATION_LABELS[self.configuration]

    @property
    def ranks(self) -> dict[str, int]:
        """Each player's rank (1 = pivot, the best; 6 = outcast, the worst)."""
        return {player: ROLE_RANK[role] for player, role in self.roles.items()}

    @property
    def players(self) -> tuple[str, ...]:
        """The three players, in order."""
        return tuple(self.roles)

    @property
    def pivot(self) -> str | None:
        """The pivot player, or None when the configuration has no pivot."""
        return next((p for p, r in self.roles.items() if r == "pivot"), None)


@dataclass(frozen=True)
class Move:
    """One change of one of a player's own relations, and what it does to the player's role.

    Attributes
    ----------
    player : str
        Who moves.
    pair : tuple of str
        The relation that changes.
    new_sign : int
        The relation after the move (+1 amity, -1 enmity).
    old_role, new_role : str
        The player's role before and after.
    configuration : str
        The configuration after the move.
    """

    player: str
    pair: Pair
    new_sign: int
    old_role: str
    new_role: str
    configuration: str

    @property
    def old_rank(self) -> int:
        """Rank before the move."""
        return ROLE_RANK[self.old_role]

    @property
    def new_rank(self) -> int:
        """Rank after the move."""
        return ROLE_RANK[self.new_role]

    @property
    def improves(self) -> bool:
        """True when the move gives the player a better (smaller) rank."""
        return self.new_rank < self.old_rank

    @property
    def other(self) -> str:
        """The other player in the changed pair."""
        return self.pair[1] if self.pair[0] == self.player else self.pair[0]

    def __str__(self) -> str:
        verb = "makes up with" if self.new_sign == AMITY else "breaks with"
        return (
            f"{self.player} {verb} {self.other}: {self.old_role} (rank {self.old_rank}) -> "
            f"{self.new_role} (rank {self.new_rank}) in a "
            f"{CONFIGURATION_LABELS[self.configuration]}"
        )


def _quoted(items: Iterable[str]) -> str:
    return ", ".join(repr(i) for i in items)


def _check_players(players: Sequence[str] | None) -> tuple[str, str, str]:
    chosen = tuple(PLAYERS if players is None else players)
    if len(chosen) != 3 or len(set(chosen)) != 3:
        raise ValueError(f"a triangle needs three different players; got {chosen!r}")
    return chosen  # type: ignore[return-value]


def _read_pair(key: object, players: tuple[str, ...]) -> Pair:
    if isinstance(key, str):
        parts = tuple(key.split("-"))
    elif isinstance(key, (tuple, list, frozenset, set)) and all(isinstance(k, str) for k in key):
        parts = tuple(key)
    else:
        parts = ()
    if len(parts) != 2:
        raise ValueError(
            f"cannot read {key!r} as a pair of players; write a pair like "
            f"('{players[0]}', '{players[1]}') or '{players[0]}-{players[1]}'"
        )
    for name in parts:
        if name not in players:
            raise ValueError(f"unknown player {name!r}; expected one of: {_quoted(players)}")
    if parts[0] == parts[1]:
        raise ValueError(f"a player cannot have a relation with itself: {key!r}")
    a, b = sorted(parts, key=players.index)
    return (a, b)


def _read_sign(value: object, pair: Pair) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Real)
        or value not in (AMITY, ENMITY)
    ):
        raise ValueError(
            f"unknown relation {value!r} for pair {pair!r}; expected one of: +1, -1 "
            "(+1 = amity, -1 = enmity)"
        )
    return int(value)


def _normalise(relations: Mapping, players: tuple[str, str, str]) -> dict[Pair, int]:
    if not isinstance(relations, Mapping):
        raise ValueError(
            "relations must be a dict of player pairs to +1 or -1, like "
            f"{{('{players[0]}', '{players[1]}'): -1, ...}}; got {type(relations).__name__}"
        )
    pairs = list(itertools.combinations(players, 2))
    seen: dict[Pair, object] = {}
    result: dict[Pair, int] = {}
    for key, value in relations.items():
        pair = _read_pair(key, players)
        if pair in seen:
            raise ValueError(f"pair {pair!r} appears twice (as {seen[pair]!r} and {key!r})")
        seen[pair] = key
        result[pair] = _read_sign(value, pair)
    for pair in pairs:
        if pair not in result:
            raise ValueError(
                f"missing relation for pair {pair!r}; expected one for each of: "
                + ", ".join(repr(p) for p in pairs)
            )
    return {pair: result[pair] for pair in pairs}


def _pair(a: str, b: str, players: tuple[str, ...]) -> Pair:
    x, y = sorted((a, b), key=players.index)
    return (x, y)


def make_relations(
    usa_chn: int, usa_rus: int, chn_rus: int, *, players: Sequence[str] | None = None
) -> dict[Pair, int]:
    """Build the relations mapping from three signs, in the order US-China, US-Russia,
    China-Russia (or the pairs of ``players``: first-second, first-third, second-third).

    Examples
    --------
    >>> make_relations(1, 1, -1)
    {('USA', 'CHN'): 1, ('USA', 'RUS'): 1, ('CHN', 'RUS'): -1}
    """
    chosen = _check_players(players)
    pairs = list(itertools.combinations(chosen, 2))
    return _normalise(dict(zip(pairs, (usa_chn, usa_rus, chn_rus), strict=True)), chosen)


def classify(relations: Mapping, *, players: Sequence[str] | None = None) -> Triangle:
    """Classify a triangle: its configuration and each player's role and rank.

    Parameters
    ----------
    relations : mapping
        One relation for each pair of players: keys are pairs such as ``('USA', 'CHN')`` or
        ``'USA-CHN'`` (either order), values are +1 (amity) or -1 (enmity).
    players : sequence of three str, optional
        The players; by default ``('USA', 'CHN', 'RUS')``.

    Returns
    -------
    Triangle
        With ``configuration``, ``roles``, ``ranks`` and ``pivot``.

    Raises
    ------
    ValueError
        For a relation other than +1/-1, an unknown player or a missing pair; the message names
        the bad value and the valid ones.

    Examples
    --------
    The triangle after Nixon's opening (1972): the US in amity with both, China and the USSR
    at enmity.

    >>> t = classify({("USA", "CHN"): 1, ("USA", "RUS"): 1, ("CHN", "RUS"): -1})
    >>> t.label, t.pivot
    ('romantic triangle', 'USA')
    >>> t.roles
    {'USA': 'pivot', 'CHN': 'wing', 'RUS': 'wing'}
    >>> t.ranks
    {'USA': 1, 'CHN': 4, 'RUS': 4}
    >>> classify({"USA-CHN": 1, "USA-RUS": 1, "CHN-RUS": "friendly"})
    Traceback (most recent call last):
    ...
    ValueError: unknown relation 'friendly' for pair ('CHN', 'RUS'); expected one of: +1, -1 \
(+1 = amity, -1 = enmity)
    """
    chosen = _check_players(players)
    rel = _normalise(relations, chosen)
    friends = {
        p: [q for q in chosen if q != p and rel[_pair(p, q, chosen)] == AMITY] for p in chosen
    }
    amities = sum(1 for sign in rel.values() if sign == AMITY)
    if amities == 3:
        configuration, roles = "menage_a_trois", dict.fromkeys(chosen, "friend")
    elif amities == 0:
        configuration, roles = "unit_veto", dict.fromkeys(chosen, "foe")
    elif amities == 2:
        configuration = "romantic_triangle"
        roles = {p: "pivot" if len(friends[p]) == 2 else "wing" for p in chosen}
    else:
        configuration = "stable_marriage"
        roles = {p: "partner" if friends[p] else "outcast" for p in chosen}
    return Triangle(configuration, roles, rel)


def all_configurations(*, players: Sequence[str] | None = None) -> list[Triangle]:
    """All 8 combinations of signs, classified (relations in the order of
    :func:`make_relations`; amity first).

    Examples
    --------
    >>> triangles = all_configurations()
    >>> len(triangles)
    8
    >>> from collections import Counter
    >>> Counter(t.configuration for t in triangles)  # doctest: +NORMALIZE_WHITESPACE
    Counter({'romantic_triangle': 3, 'stable_marriage': 3, 'menage_a_trois': 1,
             'unit_veto': 1})
    """
    chosen = _check_players(players)
    return [
        classify(make_relations(*signs, players=chosen), players=chosen)
        for signs in itertools.product((AMITY, ENMITY), repeat=3)
    ]


def describe(triangle: Triangle, *, names: Mapping[str, str] | None = None) -> str:
    """One plain sentence per player: role and rank.

    Examples
    --------
    >>> print(describe(classify(make_relations(-1, -1, 1))))
    stable marriage
    United States: outcast (rank 6 of 6)
    China: partner (rank 3 of 6)
    USSR/Russia: partner (rank 3 of 6)
    """
    shown = PLAYER_NAMES if names is None else names
    lines = [triangle.label]
    for player, role in triangle.roles.items():
        lines.append(f"{shown.get(player, player)}: {role} (rank {ROLE_RANK[role]} of 6)")
    return "\n".join(lines)
