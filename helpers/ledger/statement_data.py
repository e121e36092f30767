"""The 4 Feb 2022 joint statement as data, as far as it could be read (lessons 00, 01 and 05).

- ``data/joint_statement_2022.csv``: the opening paragraphs in official order (``position``
  1, 2, ...) and the key passages known from verbatim quotations, with the Russian and Chinese
  originals where they were read. The full text could not be read (see ``note`` of each row and
  ``docs/verification/texts3.md``), so :data:`REPORTED_WORDS` comes from The Washington Post.
- ``data/joint_statement_phrases.csv``: two key phrases across the statements of 2021-2024.

Lesson 05's ``data/democracy_passages.csv`` refers to the democracy rows by ``passage_id``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.schema import resource_schema
from helpers.core.tables import load_table

__all__ = [
    "COMMENTARY_WORDS",
    "PHRASES",
    "REPORTED_WORDS",
    "STATEMENT",
    "load_statement",
    "load_statement_phrases",
    "phrase_locations",
    "word_count",
]

#: The length of the full English text by The Washington Post's count (wapo_2022_joint_statement).
REPORTED_WORDS = 5364
#: The length the commentary gives (paragraph 8; claim c34).
COMMENTARY_WORDS = 5400
STATEMENT_DAY = pd.Timestamp("2022-02-04")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def word_count(text: str | None) -> int:
    """Words in an English text: runs of letters or digits, with inner apostrophes and hyphens.

    Examples
    --------
    >>> word_count("The sides oppose further enlargement of NATO.")
    7
    >>> word_count("long-term, legally binding"), word_count(None)
    (3, 0)
    """
    return len(_WORD.findall(text)) if isinstance(text, str) else 0


def _passage_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    texts = [row["text_en"], row["text_ru"], row["text_zh"]]
    if row["extent"] == "not_read" and any(texts):
        yield "extent", "a passage marked not_read cannot have any text"
    if row["extent"] != "not_read" and not any(texts):
        yield "extent", "no text in any language: mark the row not_read"
    if row["text_en"] and not row["en_source_id"]:
        yield "en_source_id", "English text needs the source it was read in"
    if row["text_zh"] and not row["zh_source_id"]:
        yield "zh_source_id", "Chinese text needs the source it was read in"
    if row["position"] is not None and not row["passage_id"].startswith("p"):
        yield "passage_id", "a paragraph in official order is named p01, p02, ..."
    if row["position"] is None and row["key"] is None:
        yield "key", "a passage without a position needs its key theme"


def _positions_consecutive(frame: pd.DataFrame, lines: list[int]):
    """Table check: the paragraphs in official order run 1, 2, 3, ... without a gap."""
    placed = frame.assign(_line=lines).dropna(subset=["position"]).sort_values("position")
    for expected, (_, row) in enumerate(placed.iterrows(), start=1):
        if int(row["position"]) != expected:
            yield row["_line"], "position", f"expected paragraph {expected} next"
            return


def _phrase_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    later = row["statement_date"] > STATEMENT_DAY
    if later != row["note"].startswith("HINDSIGHT"):
        yield "note", "rows after 4 Feb 2022, and only those, start 'HINDSIGHT (after 4 Feb 2022)'"
    if (row["status"] == "present") != bool(row["wording"]):
        yield "wording", "a phrase marked present needs its wording; one not found has none"


STATEMENT = resource_schema(
    "joint_statement_2022", row_checks=(_passage_checks,), table_checks=(_positions_consecutive,)
)
PHRASES = resource_schema("joint_statement_phrases", row_checks=(_phrase_checks,))


def load_statement(path: str | Path | None = None) -> pd.DataFrame:
    """Load the joint statement's paragraphs and key passages (``data/joint_statement_2022.csv``).

    Returns
    -------
    pandas.DataFrame
        Paragraphs in official order first (``position`` 1, 2, ...), then the key passages,
        with a ``words`` column (English words, by :func:`word_count`).

    Examples
    --------
    >>> statement = load_statement()
    >>> statement.dropna(subset=["position"])["passage_id"].tolist()
    ['p01', 'p02', 'p03', 'p04']
    """
    frame = load_table(STATEMENT, path)
    frame["words"] = frame["text_en"].map(word_count)
    order = frame["position"].fillna(10_000)
    return (
        frame.assign(_o=order)
        .sort_values("_o", kind="stable")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def load_statement_phrases(path: str | Path | None = None) -> pd.DataFrame:
    """Load two key phrases across the joint statements of 2021-2024 (hindsight after 2022).

    Examples
    --------
    >>> phrases = load_statement_phrases()
    >>> sorted(set(phrases["phrase"]))
    ['no_limits', 'not_an_alliance']
    """
    return (
        load_table(PHRASES, path).sort_values(["phrase", "statement_date"]).reset_index(drop=True)
    )


def phrase_locations(statement: pd.DataFrame, phrase: str) -> list[str]:
    """The passages whose English contains ``phrase`` (ignoring case and curly quotes).

    Examples
    --------
    >>> phrase_locations(load_statement(), "no limits")
    ['k_no_limits']
    >>> phrase_locations(load_statement(), "Olympic Winter Games")
    ['p01']
    """

    def plain(text: str) -> str:
        return re.sub(
            r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')
        ).lower()

    wanted = plain(phrase)
    texts = statement["text_en"].fillna("")
    return [
        pid
        for pid, text in zip(statement["passage_id"], texts, strict=True)
        if wanted in plain(text)
    ]
