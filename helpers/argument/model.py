"""Pure functions for lesson 05: walk the argument map and score the commentary's predictions.

Nothing here draws or reads files: every function takes tables (as returned by
:func:`helpers.argument.data.load_argument`, :func:`helpers.argument.data.load_hindsight` and
:func:`helpers.ledger.data.load_claims`) or plain values and returns a value or a new table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

__all__ = [
    "VERDICTS",
    "attacks_on",
    "claims_behind",
    "compare_verdicts",
    "effect_counts",
    "evidence_for",
    "ledger_verdict",
    "map_layout",
    "premises_of",
    "scorecard",
    "trade_against_target",
]

#: The verdicts a prediction can get, from the evidence after 4 Feb 2022.
VERDICTS = ("borne out so far", "not borne out", "mixed", "too early to tell")


def _node_ids(nodes: pd.DataFrame) -> set[str]:
    return set(nodes["node_id"])


def _linked(nodes: pd.DataFrame, edges: pd.DataFrame, node_id: str, relation: str) -> pd.DataFrame:
    if node_id not in _node_ids(nodes):
        raise KeyError(f"there is no box {node_id!r} in the map; try one of: "
                       f"{', '.join(sorted(_node_ids(nodes)))}")  # fmt: skip
    sources = edges.loc[
        (edges["to_node"] == node_id) & (edges["relation"] == relation), "from_node"
    ]
    return nodes[nodes["node_id"].isin(set(sources))].reset_index(drop=True)


def premises_of(
    nodes: pd.DataFrame, edges: pd.DataFrame, conclusion: str = "conclusion"
) -> pd.DataFrame:
    """The premises that support a conclusion.

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        The argument map, from :func:`helpers.argument.data.load_argument`.
    conclusion : str
        The box whose premises are wanted (default: the map's conclusion).

    Returns
    -------
    pandas.DataFrame
        The rows of ``nodes`` whose role is ``premise`` and that support ``conclusion``.

    Raises
    ------
    KeyError
        If there is no such box.

    Examples
    --------
    >>> from helpers.argument.data import load_argument
    >>> nodes, edges = load_argument()
    >>> premises_of(nodes, edges)["label"].tolist()[:2]
    ['Reason 1: freedom of action', 'Reason 2: the shadow of the past']
    """
    supporting = _linked(nodes, edges, conclusion, "supports")
    return supporting[supporting["role"] == "premise"].reset_index(drop=True)


def evidence_for(nodes: pd.DataFrame, edges: pd.DataFrame, node_id: str) -> pd.DataFrame:
    """The evidence boxes that support a box (a premise or the conclusion).

    Examples
    --------
    >>> from helpers.argument.data import load_argument
    >>> nodes, edges = load_argument()
    >>> evidence_for(nodes, edges, "p_independence")["label"].tolist()
    ['The alliances of 1914']
    """
    supporting = _linked(nodes, edges, node_id, "supports")
    return supporting[supporting["role"] == "evidence"].reset_index(drop=True)


def attacks_on(nodes: pd.DataFrame, edges: pd.DataFrame, node_id: str) -> pd.DataFrame:
    """The boxes that attack a box.

    Examples
    --------
    >>> from helpers.argument.data import load_argument
    >>> nodes, edges = load_argument()
    >>> attacks_on(nodes, edges, "p_shadow_past")["node_id"].tolist()
    ['o_dependence']
    """
    return _linked(nodes, edges, node_id, "attacks")


def claims_behind(nodes: pd.DataFrame, claims: pd.DataFrame, node_id: str) -> pd.DataFrame:
    """The ledger's claims that a box stands for, in the box's order.

    Examples
    --------
    >>> from helpers.argument.data import load_argument
    >>> from helpers.ledger.data import load_claims
    >>> nodes, _ = load_argument()
    >>> claims_behind(nodes, load_claims(), "p_back_to_past")["paragraph"].tolist()
    [15, 16, 16, 16]
    """
    table = nodes.set_index("node_id")
    if node_id not in table.index:
        raise KeyError(f"there is no box {node_id!r} in the map")
    ids = list(table.loc[node_id, "claim_ids"])
    return claims.set_index("claim_id").loc[ids].reset_index()


def map_layout(nodes: pd.DataFrame, edges: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Where each box goes on the map: the argument above, objections below, notes at the side.

    The conclusion is on top (``y`` 0); each premise or evidence box sits one row below the box
    it supports. Objections share one row under the argument, each under the box it attacks.
    Accuracy notes are not part of the argument: they go in a column to the right (``x`` > 1),
    one above the other. The first row is spread evenly in the order of ``nodes``; other boxes
    sit under the box(es) they point to, nudged right where boxes would overlap.

    Returns
    -------
    dict
        ``node_id -> (x, y)``.

    Raises
    ------
    ValueError
        If a box has no path to the conclusion.

    Examples
    --------
    >>> from helpers.argument.data import load_argument
    >>> nodes, edges = load_argument()
    >>> layout = map_layout(nodes, edges)
    >>> layout["conclusion"], layout["p_independence"][1], layout["o_entente"][1]
    ((0.5, 0), -1, -3)
    >>> layout["e_1914"][0] == layout["p_independence"][0], layout["a_within_a_week"][0] > 1
    (True, True)
    """
    top = nodes.loc[nodes["role"] == "conclusion", "node_id"].tolist()
    if len(top) != 1:
        raise ValueError("the map needs exactly one conclusion")
    order = list(nodes["node_id"])
    role = dict(zip(nodes["node_id"], nodes["role"], strict=True))
    targets: dict[str, list[str]] = {}
    for source, target in zip(edges["from_node"], edges["to_node"], strict=True):
        targets.setdefault(source, []).append(target)
    depth, rows, level = {top[0]: 0}, {0: [top[0]]}, 0
    while rows.get(level):
        for node in order:
            if role[node] in ("objection", "accuracy_note") or node in depth:
                continue
            if any(depth.get(t) == level for t in targets.get(node, [])):
                depth[node] = level + 1
                rows.setdefault(level + 1, []).append(node)
        level += 1
    bottom = max(rows) + 1
    rows[bottom] = [n for n in order if role[n] == "objection"]
    missing = [n for n in order if role[n] != "accuracy_note" and n not in depth
               and not (role[n] == "objection" and targets.get(n))]  # fmt: skip
    if missing:
        raise ValueError(f"no path to the conclusion from: {', '.join(sorted(missing))}")
    gap = 1 / max(max(len(m) for m in rows.values()) - 1, 1)
    layout: dict[str, tuple[float, float]] = {top[0]: (0.5, 0)}
    for level in sorted(rows)[1:]:
        members = rows[level]
        if level == 1:
            start = 0.5 - gap * (len(members) - 1) / 2
            wanted = {node: start + i * gap for i, node in enumerate(members)}
        else:  # under the boxes they point to
            wanted = {n: sum(layout[t][0] for t in targets[n]) / len(targets[n]) for n in members}
        placed: list[str] = []
        for node in sorted(members, key=lambda n: (wanted[n], order.index(n))):
            x = wanted[node]
            if placed and x < layout[placed[-1]][0] + gap - 1e-9:
                x = layout[placed[-1]][0] + gap
            layout[node] = (x, -level)
            placed.append(node)
        overflow = layout[placed[-1]][0] - 1
        if overflow > 0:
            for node in placed:
                layout[node] = (max(layout[node][0] - overflow, 0.0), -level)
    notes = [n for n in order if role[n] == "accuracy_note"]
    for i, node in enumerate(notes):
        layout[node] = (1.22, -1 - i * 1.2)
    return layout


def ledger_verdict(effects: Iterable[str]) -> str:
    """The verdict the evidence gives a prediction, from the effects of its hindsight rows.

    All ``supports``: *borne out so far*; all ``weakens``: *not borne out*; any other mix:
    *mixed*; no evidence: *too early to tell*.

    Examples
    --------
    >>> ledger_verdict(["supports", "supports"])
    'borne out so far'
    >>> ledger_verdict(["supports", "weakens"])
    'mixed'
    >>> ledger_verdict([])
    'too early to tell'
    """
    found = set(effects)
    unknown = found - {"supports", "weakens", "mixed"}
    if unknown:
        raise ValueError(f"unknown effect {sorted(unknown)[0]!r}; use supports, weakens or mixed")
    if not found:
        return "too early to tell"
    if found == {"supports"}:
        return "borne out so far"
    if found == {"weakens"}:
        return "not borne out"
    return "mixed"


def effect_counts(hindsight: pd.DataFrame) -> pd.DataFrame:
    """How many later developments support, weaken or are mixed for each claim.

    Examples
    --------
    >>> from helpers.argument.data import load_hindsight
    >>> counts = effect_counts(load_hindsight())
    >>> counts.loc["c10"].tolist()
    [2, 1, 1]
    """
    table = pd.crosstab(hindsight["claim_id"], hindsight["effect"])
    return table.reindex(columns=["supports", "mixed", "weakens"], fill_value=0)


def scorecard(
    claims: pd.DataFrame, hindsight: pd.DataFrame, scored: Iterable[str] | None = None
) -> pd.DataFrame:
    """The claims the hindsight scores beside what happened after 4 February 2022.

    Parameters
    ----------
    claims : pandas.DataFrame
        The claim ledger (:func:`helpers.ledger.data.load_claims`).
    hindsight : pandas.DataFrame
        Later developments (:func:`helpers.argument.data.load_hindsight`).
    scored : list of str, optional
        The claims to score (default: :func:`helpers.argument.data.scored_claims`, the
        predictive and interpretive claims marked scored in ``hindsight_scoring.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per scored claim, in paragraph order: claim_type, claim_id, paragraph, quotation,
        supports, mixed, weakens (counts), evidence (the developments, one per line, dated) and
        verdict (from :func:`ledger_verdict`).

    Examples
    --------
    >>> from helpers.ledger.data import load_claims
    >>> from helpers.argument.data import load_hindsight
    >>> card = scorecard(load_claims(), load_hindsight()).set_index("claim_id")
    >>> c57 = card.loc["c57"]
    >>> c57["verdict"], int(c57["supports"]), int(c57["weakens"])
    ('mixed', 5, 1)
    """
    if scored is None:
        from helpers.argument.data import scored_claims  # data is loaded only when asked

        scored = scored_claims()
    chosen = claims[claims["claim_id"].isin(set(scored))]
    rows = []
    for _, claim in chosen.sort_values(["paragraph", "claim_id"], kind="stable").iterrows():
        later = hindsight[hindsight["claim_id"] == claim["claim_id"]].sort_values("date")
        counts = later["effect"].value_counts()
        evidence = "\n".join(
            f"{row['date']:%Y-%m-%d} ({row['effect']}): {row['development']}"
            for _, row in later.iterrows()
        )
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "claim_type": claim["claim_type"],
                "paragraph": int(claim["paragraph"]),
                "quotation": claim["quotation"],
                "supports": int(counts.get("supports", 0)),
                "mixed": int(counts.get("mixed", 0)),
                "weakens": int(counts.get("weakens", 0)),
                "evidence": evidence,
                "verdict": ledger_verdict(later["effect"]),
            }
        )
    return pd.DataFrame(rows)


def compare_verdicts(card: pd.DataFrame, answers: Mapping[str, str | None]) -> pd.DataFrame:
    """Set a student's verdicts beside the ledger's.

    Parameters
    ----------
    card : pandas.DataFrame
        From :func:`scorecard`.
    answers : dict
        ``claim_id -> verdict`` (one of :data:`VERDICTS`); missing or ``None`` means not yet given.

    Returns
    -------
    pandas.DataFrame
        claim_id, yours, ledger and agree (True, False, or missing when not yet given).

    Examples
    --------
    >>> card = pd.DataFrame({"claim_id": ["c57"], "verdict": ["borne out so far"]})
    >>> compare_verdicts(card, {"c57": "mixed"})["agree"].tolist()
    [False]
    """
    rows = []
    for _, row in card.iterrows():
        yours = answers.get(row["claim_id"])
        if isinstance(yours, str):
            yours = yours.strip().lower() or None
        agree = None if yours is None else yours == row["verdict"]
        rows.append({"claim_id": row["claim_id"], "yours": yours, "ledger": row["verdict"],
                     "agree": agree})  # fmt: skip
    return pd.DataFrame(rows, columns=["claim_id", "yours", "ledger", "agree"])


def trade_against_target(trade: pd.Series, target: float = 250.0) -> pd.DataFrame:
    """Each year's China–Russia trade against a target (US$ bn).

    Parameters
    ----------
    trade : pandas.Series
        Trade by year, e.g. :func:`helpers.trade.data.trade_series`.
    target : float
        The target, US$ bn (default 250, the figure mentioned on 4 Feb 2022).

    Returns
    -------
    pandas.DataFrame
        Indexed by year: ``trade_usd_bn``, ``share_of_target`` (fraction) and ``gap_usd_bn``
        (target minus trade; negative once the target is passed).

    Examples
    --------
    >>> t = trade_against_target(pd.Series({2024: 244.81}))
    >>> round(float(t.loc[2024, "gap_usd_bn"]), 2)
    5.19
    """
    if target <= 0:
        raise ValueError(f"the target must be a positive amount, not {target!r}")
    values = trade.astype(float)
    return pd.DataFrame(
        {
            "trade_usd_bn": values,
            "share_of_target": values / target,
            "gap_usd_bn": target - values,
        }
    )
