"""The bibliography, ``data/sources.csv``: loading it and citing from it on charts.

Every data row names its evidence by ``source_id``; :func:`source_label` turns ids into the short
citation a chart's source line shows ("Publisher year").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.schema import DATA_DIR, resource_schema
from helpers.core.tables import cache_key, load_table

__all__ = ["SOURCES", "TIERS", "load_sources", "source_label", "source_url"]

#: Source tiers, highest first (see data/README.md): a row rests on the highest tier found.
TIERS = ("primary", "official_statistics", "dataset", "scholarship", "news_agency", "other")


def _author_or_publisher(row: dict[str, Any]):
    if not row["author"] and not row["publisher"]:
        yield "author", "a source needs an author or a publisher"


SOURCES = resource_schema("sources", row_checks=(_author_or_publisher,))


def load_sources(path: str | Path | None = None) -> pd.DataFrame:
    """Load the bibliography, ``data/sources.csv``.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per source: source_id, author, publisher, title, date, url, tier, fact_use,
        notes.

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, line and column).

    Examples
    --------
    >>> sources = load_sources()
    >>> sources["source_id"].is_unique
    True
    """
    return load_table(SOURCES, path)


_LABELS: dict[tuple | None, tuple[dict[str, str], dict[str, str]]] = {}


def _source_index() -> tuple[dict[str, str], dict[str, str]]:
    """Every source's short citation and its url ("" if none), by source_id.

    Built once per change of ``data/sources.csv`` (from the cached table's columns, without a
    copy of the frame or a dict per row).
    """
    key = cache_key(DATA_DIR / SOURCES.filename)
    if key not in _LABELS:
        frame = load_table(SOURCES)
        labels = {}
        for sid, publisher, author, date in zip(
            frame["source_id"], frame["publisher"], frame["author"], frame["date"], strict=True
        ):
            name = publisher if isinstance(publisher, str) and publisher else author
            labels[sid] = f"{name} {date.year}" if pd.notna(date) else str(name)
        urls = {sid: url if isinstance(url, str) else ""
                for sid, url in zip(frame["source_id"], frame["url"], strict=True)}  # fmt: skip
        _LABELS.clear()
        _LABELS[key] = (labels, urls)
    return _LABELS[key]


def _source_labels() -> dict[str, str]:
    """Every source's short citation, by source_id (cached like the file it comes from)."""
    return _source_index()[0]


def source_url(source_id: str) -> str:
    """A source's url ("" if it has none), without loading a copy of the bibliography.

    Raises
    ------
    ValueError
        If the id is not in ``data/sources.csv``.

    Examples
    --------
    >>> source_url("worldjpn_1950_treaty").startswith("http")
    True
    """
    urls = _source_index()[1]
    if source_id not in urls:
        raise ValueError(f"unknown source_id {source_id!r}; see data/sources.csv for the valid ids")
    return urls[source_id]


def source_label(source_ids: list[str] | str) -> str:
    """A short citation for a chart's source line: publisher or author, and year.

    Parameters
    ----------
    source_ids : list of str or str
        Ids from ``data/sources.csv``.

    Returns
    -------
    str
        For example ``"TASS 2022; Reuters 2022"`` (duplicates removed, order kept).

    Raises
    ------
    ValueError
        If an id is not in ``data/sources.csv``.

    Examples
    --------
    >>> source_label("worldjpn_1950_treaty")
    'GRIPS World and Japan database 1950'
    """
    ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
    known = _source_labels()
    labels: list[str] = []
    for sid in ids:
        if sid not in known:
            raise ValueError(f"unknown source_id {sid!r}; see data/sources.csv for the valid ids")
        if known[sid] not in labels:
            labels.append(known[sid])
    return "; ".join(labels)
