"""Schemas and loaders for lesson 01: the commentary, its claim ledger and the glossary.

- ``data/commentary.json``: the commentary's metadata, its sections (with paragraph ranges) and a
  one-line summary of each of its 17 paragraphs, in our own words. The text itself is not stored.
- ``data/claims.csv``: the claim ledger, one row per claim, with a short quotation, a paraphrase,
  the kind of claim, how it checks out and the sources of the evidence.
- ``data/glossary.csv``: key terms with definitions in our own words and, where found, the
  Chinese and Russian originals.

Every loader checks its file and raises :class:`~helpers.core.schema.DataError` naming the file and
the line and column (for JSON: the field) of the first problem.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.schema import DATA_DIR, DataError, parse_date, resource_schema
from helpers.core.sources import load_sources
from helpers.core.tables import load_table, shown_name
from helpers.ledger.precision_data import claim_row_checks
from helpers.ledger.statement_data import PHRASES, STATEMENT

__all__ = [
    "CHECK_STATUSES",
    "CLAIMS",
    "CLAIM_TYPES",
    "GLOSSARY",
    "PARAGRAPH_COUNT",
    "SCHEMAS",
    "SECTION_PARAGRAPHS",
    "TOPICS",
    "Commentary",
    "load_claims",
    "load_commentary",
    "load_glossary",
]

#: The commentary's body paragraphs are numbered 1-17 (see CONTRIBUTING.md).
PARAGRAPH_COUNT = 17
#: Each section and its first and last paragraph, in reading order.
SECTION_PARAGRAPHS: dict[str, tuple[int, int]] = {
    "opening": (1, 1),
    "from_russia_with_love": (2, 3),
    "world_according": (4, 7),
    "league_of_their_own": (8, 13),
    "back_to_the_past": (14, 17),
}
CLAIM_TYPES = ("factual", "interpretive", "predictive", "normative")
TOPICS = ("triangle", "trade", "energy", "alliance", "democracy", "history")
CHECK_STATUSES = ("supported", "error", "contested", "not found", "no evidence", "not checkable")
CONFIDENCE = ("high", "medium", "low")
_PARAGRAPHS = tuple(str(i) for i in range(1, PARAGRAPH_COUNT + 1))
#: A quotation is "a sentence or less"; this many characters is the ceiling.
MAX_QUOTATION = 200


def section_of(paragraph: int) -> str:
    """The section a paragraph belongs to.

    Examples
    --------
    >>> section_of(9)
    'league_of_their_own'
    """
    for section, (first, last) in SECTION_PARAGRAPHS.items():
        if first <= paragraph <= last:
            return section
    raise ValueError(f"paragraph {paragraph!r} is not between 1 and {PARAGRAPH_COUNT}")


def _claim_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Row checks for the claim ledger."""
    if not row["claim_id"].startswith("c"):
        yield "claim_id", f"{row['claim_id']!r} should look like c01, c02, ..."
    expected = section_of(row["paragraph"])
    if row["section"] != expected:
        yield "section", f"paragraph {row['paragraph']} is in section {expected!r}"
    if len(row["quotation"]) > MAX_QUOTATION:
        yield "quotation", f"quote a sentence or less (at most {MAX_QUOTATION} characters)"
    if (row["value"] is None) != (row["unit"] is None):
        yield "unit", "a numeric value needs a unit, and a unit needs a value"
    if row["checked_value"] is not None and row["value"] is None:
        yield "checked_value", "a checked value needs the claim's own value beside it"
    if row["hindsight"] and "Hindsight" not in row["check_note"]:
        yield "check_note", "a hindsight row must say 'Hindsight (after 4 Feb 2022)' in its note"


CLAIMS = resource_schema(
    "claims",
    row_checks=(_claim_checks, claim_row_checks),
)


def _glossary_checks(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if row["pinyin"] is not None and row["chinese"] is None:
        yield "pinyin", "pinyin is given but the Chinese term is blank"


GLOSSARY = resource_schema(
    "glossary",
    row_checks=(_glossary_checks,),
)

SCHEMAS = (CLAIMS, GLOSSARY, STATEMENT, PHRASES)


def load_claims(path: str | Path | None = None) -> pd.DataFrame:
    """Load the claim ledger of the commentary (``data/claims.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per claim, in paragraph order: claim_id, section, paragraph, quotation,
        paraphrase, claim_type, topic, value, unit, check_status, checked_value, check_note,
        confidence, hindsight and source_id (a list of ids in ``data/sources.csv``).

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, row and column).

    Examples
    --------
    >>> claims = load_claims()
    >>> claims.set_index("claim_id").loc["c15", ["value", "checked_value"]].tolist()
    [25.0, 26.7]
    """
    frame = load_table(CLAIMS, path)
    return frame.sort_values(["paragraph", "claim_id"], kind="stable").reset_index(drop=True)


def load_glossary(path: str | Path | None = None) -> pd.DataFrame:
    """Load the glossary of key terms (``data/glossary.csv``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per term: term_id, term, definition, chinese, pinyin, russian,
        commentary_paragraphs (list), source_id (list), notes.

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, row and column).

    Examples
    --------
    >>> glossary = load_glossary().set_index("term_id")
    >>> glossary.loc["back_to_back", "chinese"]
    '背靠背'
    """
    return load_table(GLOSSARY, path)


# --- the commentary (JSON) -----------------------------------------------------------------------

_METADATA_FIELDS = (
    "title",
    "page_title",
    "author",
    "affiliation",
    "author_bio",
    "author_bio_source_id",
    "series",
    "number",
    "publisher",
    "date",
    "date_precision",
    "date_note",
    "date_shown",
    "date_earliest",
    "date_latest",
    "url",
    "source_id",
    "paragraph_count",
    "numbering",
)
_SECTION_FIELDS = ("section_id", "heading", "first_paragraph", "last_paragraph", "summary")
_PARAGRAPH_FIELDS = ("paragraph", "section_id", "opens_with", "summary")
#: Summaries are our own short words: anything longer than this is suspect (no full text here).
MAX_SUMMARY = 600
MAX_OPENING = 60


@dataclass(frozen=True)
class Commentary:
    """The commentary as data: metadata, sections and paragraph summaries (no full text).

    Attributes
    ----------
    metadata : dict
        Title, author, affiliation, series, number, publisher, date, url, source_id, ...
    sections : pandas.DataFrame
        One row per section: section_id, heading, first_paragraph, last_paragraph, summary.
    paragraphs : pandas.DataFrame
        One row per paragraph (1-17): paragraph, section_id, opens_with, summary.
    """

    metadata: dict[str, Any]
    sections: pd.DataFrame
    paragraphs: pd.DataFrame


def _field_error(shown: str, field: str, problem: str) -> DataError:
    """A DataError that names the JSON field (kept as the ``column`` attribute too)."""
    err = DataError(shown, f"field '{field}': {problem}")
    err.column = field
    return err


def _fields(shown: str, where: str, obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """Check that ``obj`` is an object with exactly ``fields``, none of them blank."""
    if not isinstance(obj, dict):
        what = where or "(top level)"
        raise _field_error(shown, what, "expected an object with fields " + ", ".join(fields))
    for name in fields:
        field = f"{where}.{name}" if where else name
        if name not in obj:
            raise _field_error(shown, field, "required field is missing")
        if obj[name] is None or (isinstance(obj[name], str) and not obj[name].strip()):
            raise _field_error(shown, field, "required field is blank")
    for name in obj:
        if name not in fields:
            field = f"{where}.{name}" if where else name
            raise _field_error(
                shown, field, f"unexpected field; the fields are: {', '.join(fields)}"
            )
    return obj


def _paragraph_number(shown: str, field: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _field_error(shown, field, f"{value!r} is not a whole number")
    if not 1 <= value <= PARAGRAPH_COUNT:
        raise _field_error(shown, field, f"{value} is not a paragraph number (1-{PARAGRAPH_COUNT})")
    return value


def _check_metadata(shown: str, meta: Any) -> dict[str, Any]:
    meta = _fields(shown, "metadata", meta, _METADATA_FIELDS)
    for name in ("date", "date_earliest", "date_latest"):
        try:
            parse_date(str(meta[name]))
        except ValueError as exc:
            raise _field_error(shown, f"metadata.{name}", str(exc)) from None
    if meta["paragraph_count"] != PARAGRAPH_COUNT:
        raise _field_error(
            shown, "metadata.paragraph_count", f"expected {PARAGRAPH_COUNT} (see CONTRIBUTING.md)"
        )
    known = set(load_sources()["source_id"])
    for sid in [meta["source_id"], *meta["author_bio_source_id"]]:
        if sid not in known:
            raise _field_error(
                shown,
                "metadata.source_id",
                f"unknown source_id {sid!r}: add it to data/sources.csv",
            )
    return meta


def _check_sections(shown: str, sections: Any) -> list[dict[str, Any]]:
    if not isinstance(sections, list) or not sections:
        raise _field_error(shown, "sections", "expected a list of sections")
    expected = list(SECTION_PARAGRAPHS.items())
    if len(sections) != len(expected):
        raise _field_error(
            shown, "sections", f"expected {len(expected)} sections, found {len(sections)}"
        )
    for i, (section, (want_id, (first, last))) in enumerate(zip(sections, expected, strict=True)):
        where = f"sections[{i}]"
        _fields(shown, where, section, _SECTION_FIELDS)
        if section["section_id"] != want_id:
            raise _field_error(
                shown, f"{where}.section_id", f"expected {want_id!r}, not {section['section_id']!r}"
            )
        for name, want in (("first_paragraph", first), ("last_paragraph", last)):
            got = _paragraph_number(shown, f"{where}.{name}", section[name])
            if got != want:
                raise _field_error(
                    shown, f"{where}.{name}", f"section {want_id!r} runs {first}-{last}, not {got}"
                )
        if len(section["summary"]) > MAX_SUMMARY:
            raise _field_error(
                shown, f"{where}.summary", f"keep summaries under {MAX_SUMMARY} characters"
            )
    return sections


def _check_paragraphs(shown: str, paragraphs: Any) -> list[dict[str, Any]]:
    if not isinstance(paragraphs, list):
        raise _field_error(shown, "paragraphs", "expected a list of paragraphs")
    for i, para in enumerate(paragraphs):
        where = f"paragraphs[{i}]"
        _fields(shown, where, para, _PARAGRAPH_FIELDS)
        number = _paragraph_number(shown, f"{where}.paragraph", para["paragraph"])
        if number != i + 1:
            raise _field_error(shown, f"{where}.paragraph", f"expected paragraph {i + 1}")
        if para["section_id"] != section_of(number):
            raise _field_error(
                shown, f"{where}.section_id", f"paragraph {number} is in {section_of(number)!r}"
            )
        if len(para["opens_with"]) > MAX_OPENING:
            raise _field_error(shown, f"{where}.opens_with", "give only the first few words")
        if len(para["summary"]) > MAX_SUMMARY:
            raise _field_error(
                shown, f"{where}.summary", f"keep summaries under {MAX_SUMMARY} characters"
            )
    if len(paragraphs) != PARAGRAPH_COUNT:
        raise _field_error(
            shown, "paragraphs", f"expected {PARAGRAPH_COUNT} paragraphs, found {len(paragraphs)}"
        )
    return paragraphs


_JSON_CACHE: dict[tuple[str, int, int], Commentary] = {}


def _copy(commentary: Commentary) -> Commentary:
    return Commentary(
        copy.deepcopy(commentary.metadata),
        commentary.sections.copy(),
        commentary.paragraphs.copy(),
    )


def load_commentary(path: str | Path | None = None) -> Commentary:
    """Load the commentary's metadata, sections and paragraph summaries (``data/commentary.json``).

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    Commentary
        ``metadata`` (dict), ``sections`` and ``paragraphs`` (DataFrames).

    Raises
    ------
    DataError
        If the file is missing, is not valid JSON, or a field is missing, blank, unexpected or
        wrong (the message names the file and the field, e.g. ``sections[2].last_paragraph``).

    Examples
    --------
    >>> commentary = load_commentary()
    >>> commentary.metadata["series"], commentary.metadata["number"]
    ('PacNet', 8)
    >>> sections = commentary.sections.set_index("section_id")
    >>> int(sections.loc["league_of_their_own", "last_paragraph"])
    13
    """
    target = Path(path) if path is not None else DATA_DIR / "commentary.json"
    shown = shown_name(target)
    if not target.is_file():
        raise DataError(shown, "file not found (is the data/ folder complete?)")
    stat = target.stat()
    key = (str(target.resolve()), stat.st_mtime_ns, stat.st_size)
    if key in _JSON_CACHE:
        return _copy(_JSON_CACHE[key])
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DataError(shown, "the file is not UTF-8; save it as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            shown, f"not valid JSON ({exc.msg}, column {exc.colno})", line=exc.lineno
        ) from None
    top = _fields(shown, "", raw, ("metadata", "sections", "paragraphs"))
    meta = _check_metadata(shown, top["metadata"])
    sections = _check_sections(shown, top["sections"])
    paragraphs = _check_paragraphs(shown, top["paragraphs"])
    commentary = Commentary(
        meta,
        pd.DataFrame.from_records(sections, columns=list(_SECTION_FIELDS)),
        pd.DataFrame.from_records(paragraphs, columns=list(_PARAGRAPH_FIELDS)),
    )
    _JSON_CACHE[key] = commentary
    return _copy(commentary)
