"""Lesson 05's democracy section: the passages, each as its party's words, and the evidence table.

- :func:`load_democracy_passages`: short passages from the joint statement, the commentary and
  the US Summit for Democracy, each saying whose words it is (``wording``: the speaker's own, an
  official translation, or a news agency's summary) and, where read, the statement's Chinese;
- :func:`load_democracy_evidence`: an attributed evidence table on democracy and non-interference
  (Freedom House's assessments as its own, governments' claims, the UN General Assembly, third
  voices such as India and the EU).

Both raise :class:`~helpers.core.schema.DataError`, naming the file, the line and the column.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.argument.data import DEMOCRACY_EVIDENCE, DEMOCRACY_PASSAGES, _lines_by_id
from helpers.core.schema import DATA_DIR, DataError
from helpers.core.tables import load_table, shown_name
from helpers.ledger.data import load_claims

__all__ = ["THIRD_VOICES", "load_democracy_evidence", "load_democracy_passages", "third_voices"]

#: The ``voice`` of rows that are neither a signatory's nor a Western government's claim.
THIRD_VOICES = ("third_party",)


def load_democracy_evidence(
    path: str | Path | None = None, *, claims_path: str | Path | None = None
) -> pd.DataFrame:
    """The attributed evidence table on democracy and non-interference.

    Examples
    --------
    >>> evidence = load_democracy_evidence()
    >>> sorted(evidence["voice"].unique())[:2]
    ['assessor', 'signatory']
    >>> evidence.set_index("evidence_id").loc[["d04", "d06"], "when"].tolist()
    ['2022', '16 Sep 2022']
    """
    frame = load_table(DEMOCRACY_EVIDENCE, path, references={"claims": claims_path})
    frame = frame.sort_values(["date", "evidence_id"], kind="stable").reset_index(drop=True)
    shown = {"day": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
    frame.insert(1, "when", [f"{d:{shown[p]}}" for d, p in zip(frame["date"],
                                                                frame["date_precision"],
                                                                strict=True)])  # fmt: skip
    return frame


def load_democracy_passages(
    path: str | Path | None = None, *, claims_path: str | Path | None = None
) -> pd.DataFrame:
    """Load the democracy passages of the joint statement, the commentary and the US summit.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules (default ``data/democracy_passages.csv``).
    claims_path : str or Path, optional
        The claim ledger that the commentary's passages must quote (default ``data/claims.csv``).

    Returns
    -------
    pandas.DataFrame
        One row per passage: passage_id, party (``china_russia``, ``yu_bin`` or
        ``united_states``), speaker, document, date, date_precision, theme, quotation,
        paragraph and claim_id (commentary only), note, source_id (list).

    Raises
    ------
    DataError
        If the file is malformed, or a commentary passage's claim is not in the ledger, is from
        another paragraph, or does not contain the quotation.

    Examples
    --------
    >>> passages = load_democracy_passages()
    >>> sorted(passages["party"].unique())
    ['china_russia', 'united_states', 'yu_bin']
    """
    frame = load_table(DEMOCRACY_PASSAGES, path, references={"claims": claims_path})
    ledger = load_claims(claims_path).set_index("claim_id")
    for passage_id, claim_id, paragraph, quotation in frame[
        ["passage_id", "claim_id", "paragraph", "quotation"]
    ].itertuples(index=False):
        if pd.isna(claim_id):
            continue
        claim = ledger.loc[claim_id]
        if int(claim["paragraph"]) != int(paragraph):
            problem, column = (
                f"claim {claim_id} is in paragraph {int(claim['paragraph'])}",
                "paragraph",
            )
        elif quotation not in claim["quotation"]:
            problem = f"the quotation is not the ledger's quotation of claim {claim_id}"
            column = "quotation"
        else:
            continue
        target = Path(path) if path is not None else DATA_DIR / DEMOCRACY_PASSAGES.filename
        line = _lines_by_id(path, DEMOCRACY_PASSAGES, "passage_id")[passage_id]
        raise DataError(shown_name(target), problem, line=line, column=column)
    return frame


def third_voices(evidence: pd.DataFrame | None = None) -> list[str]:
    """The evidence ids of the third voices (neither China and Russia nor the US and its allies).

    Examples
    --------
    >>> third_voices()
    ['d06', 'd07']
    """
    table = load_democracy_evidence() if evidence is None else evidence
    return sorted(table.loc[table["voice"].isin(THIRD_VOICES), "evidence_id"])
