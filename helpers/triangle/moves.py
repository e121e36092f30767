"""A player's moves in the triangle: what changing one relation does to its role and rank."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from helpers.triangle.model import Move, _check_players, _pair, _quoted, classify

__all__ = ["best_moves", "moves"]


def moves(relations: Mapping, player: str, *, players: Sequence[str] | None = None) -> list[Move]:
    """Both single moves open to a player: changing one of its own two relations.

    In the model a player can turn any of its own relations; in real life the other side must
    go along, which is why a "move" here is a possibility to weigh, not a forecast.

    Examples
    --------
    >>> from helpers.triangle.model import make_relations
    >>> [str(m) for m in moves(make_relations(-1, -1, 1), "USA")]  # doctest: +NORMALIZE_WHITESPACE
    ['USA makes up with CHN: outcast (rank 6) -> wing (rank 4) in a romantic triangle',
     'USA makes up with RUS: outcast (rank 6) -> wing (rank 4) in a romantic triangle']
    """
    chosen = _check_players(players)
    start = classify(relations, players=chosen)
    if player not in chosen:
        raise ValueError(f"unknown player {player!r}; expected one of: {_quoted(chosen)}")
    result = []
    for other in chosen:
        if other == player:
            continue
        pair = _pair(player, other, chosen)
        changed = dict(start.relations)
        changed[pair] = -changed[pair]
        after = classify(changed, players=chosen)
        result.append(
            Move(
                player,
                pair,
                changed[pair],
                start.roles[player],
                after.roles[player],
                after.configuration,
            )
        )
    return result


def best_moves(
    relations: Mapping, player: str, *, players: Sequence[str] | None = None
) -> list[Move]:
    """The single moves that would improve a player's role, best first.

    A move changes one of the player's own relations (amity to enmity or back). The list is
    empty when no single move helps: a pivot is already on top, and a friend in a ménage à
    trois can only lose by quarrelling.

    Parameters
    ----------
    relations : mapping
        As for :func:`classify`.
    player : str
        The player who moves.
    players : sequence of three str, optional
        The players; by default ``('USA', 'CHN', 'RUS')``.

    Returns
    -------
    list of Move
        Improving moves, sorted by the rank they reach (ties keep the players' order).

    Raises
    ------
    ValueError
        For an unknown player, or relations that :func:`classify` rejects.

    Examples
    --------
    In a stable marriage a partner becomes the pivot by making up with the outcast:

    >>> from helpers.triangle.model import make_relations
    >>> [str(m) for m in best_moves(make_relations(-1, -1, 1), "CHN")]
    ['CHN makes up with USA: partner (rank 3) -> pivot (rank 1) in a romantic triangle']
    >>> best_moves(make_relations(1, 1, -1), "USA")  # the pivot is already on top
    []
    >>> best_moves(make_relations(1, 1, 1), "UK")
    Traceback (most recent call last):
    ...
    ValueError: unknown player 'UK'; expected one of: 'USA', 'CHN', 'RUS'
    """
    options = [m for m in moves(relations, player, players=players) if m.improves]
    return sorted(options, key=lambda m: m.new_rank)
