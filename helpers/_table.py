"""Schema-checked CSV reading: the machinery behind every loader in :mod:`helpers.data`.

A :class:`Schema` lists a file's columns (:class:`Column`), its key and any row checks.
:func:`read_table` reads the file with the standard :mod:`csv` module, checks every cell and
returns a :class:`pandas.DataFrame` with typed columns. Every problem raises :class:`DataError`,
whose message names the file, the row (numbered as in a spreadsheet: the header is row 1) and
the column.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "DATA_DIR",
    "DATE_PATTERN",
    "SOURCES",
    "Column",
    "DataError",
    "Schema",
    "load_sources",
    "load_table",
    "parse_date",
    "read_table",
    "shown_name",
]

#: The folder that holds the data files, found relative to this package.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Dates are ISO 8601 at day, month or year precision: ``1969-03-02``, ``1960-07`` or ``1991``.
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-.]*$")
COLUMN_TYPES = ("str", "int", "float", "date", "bool", "list", "id")


class DataError(ValueError):
    """A data file is missing or malformed.

    The message names the file, the row (the header is row 1, as in a spreadsheet) and the
    column, so the problem can be found and fixed by hand. The same facts are kept as the
    attributes ``file``, ``row`` and ``column`` (``None`` where they do not apply).

    Examples
    --------
    >>> err = DataError("data/events.csv", "cannot read 'soon' as a date", row=7, column="date")
    >>> str(err)
    "data/events.csv, row 7, column 'date': cannot read 'soon' as a date"
    """

    def __init__(
        self, file: str, problem: str, *, row: int | None = None, column: str | None = None
    ) -> None:
        self.file, self.row, self.column, self.problem = file, row, column, problem
        where = [file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(", ".join(where) + f": {problem}")


@dataclass(frozen=True)
class Column:
    """One column of a data file.

    Parameters
    ----------
    name : str
        The header text.
    type : str
        One of ``str``, ``int``, ``float``, ``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``),
        ``bool`` (``true``/``false``), ``list`` (values separated by ``;``) or ``id`` (a lower-case
        identifier).
    required : bool
        A blank cell is an error when True; when False a blank cell becomes a missing value.
    allowed : tuple of str, optional
        The only values allowed (for ``list`` columns, for each item).
    minimum, maximum : float, optional
        Bounds for ``int``, ``float`` and ``date`` columns (dates: years).
    sources : bool
        The cell holds source ids (separated by ``;``) that must exist in ``sources.csv``.
    """

    name: str
    type: str = "str"
    required: bool = True
    allowed: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    sources: bool = False

    def __post_init__(self) -> None:
        if self.type not in COLUMN_TYPES:
            raise ValueError(f"unknown column type {self.type!r}; expected one of: {COLUMN_TYPES}")


RowCheck = Callable[[dict[str, Any]], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class Schema:
    """What a data file must look like.

    Parameters
    ----------
    filename : str
        File name inside ``data/``.
    columns : tuple of Column
        Every column, in order. A missing or an unexpected column is an error.
    key : tuple of str
        Columns whose values together must be unique.
    row_checks : tuple of callables
        Each takes a row (a dict of typed values, plus ``"__raw__"``: the cells as written) and
        yields ``(column, problem)`` pairs.
    table_checks : tuple of callables
        Each takes the whole typed table and the file's name as shown in messages, and raises
        :class:`DataError` for a problem that spans rows (such as years out of order). They
        run when the file is read, not on every load from the cache.
    """

    filename: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    row_checks: tuple[RowCheck, ...] = field(default=())
    table_checks: tuple[Callable[[pd.DataFrame, str], None], ...] = field(default=())

    @property
    def names(self) -> list[str]:
        """The column names, in order."""
        return [c.name for c in self.columns]


def parse_date(text: str) -> tuple[pd.Timestamp, str]:
    """Parse an ISO date at day, month or year precision.

    Returns the first day of the period and the precision (``day``, ``month`` or ``year``).
    Raises ValueError for anything else.

    Examples
    --------
    >>> parse_date("1960-07")
    (Timestamp('1960-07-01 00:00:00'), 'month')
    """
    m = DATE_PATTERN.match(text)
    if not m:
        raise ValueError(f"cannot read {text!r} as a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = m.groups()
    precision = "day" if day else "month" if month else "year"
    try:
        stamp = pd.Timestamp(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{text!r} is not a real calendar date") from None
    return stamp, precision


def _convert(col: Column, text: str, source_ids: frozenset[str] | None) -> Any:
    """Convert one non-blank cell; raise ValueError with a readable problem."""
    if col.type == "str":
        value: Any = text
    elif col.type == "id":
        if not _ID_PATTERN.match(text):
            raise ValueError(f"{text!r} is not an id (lower-case letters, digits, _ - . only)")
        value = text
    elif col.type == "int":
        try:
            value = int(text)
        except ValueError:
            raise ValueError(f"cannot read {text!r} as a whole number") from None
    elif col.type == "float":
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"cannot read {text!r} as a number") from None
        if value != value:  # NaN written as text
            raise ValueError(f"{text!r} is not a number; leave the cell blank instead")
    elif col.type == "bool":
        if text not in ("true", "false"):
            raise ValueError(f"cannot read {text!r} as true/false; expected one of: true, false")
        value = text == "true"
    elif col.type == "date":
        value = parse_date(text)[0]
    else:  # list
        value = [part.strip() for part in text.split(";")]
        if any(not part for part in value):
            raise ValueError(f"{text!r} has an empty item; separate items with a single ';'")
    items = value if col.type == "list" else [value]
    if col.allowed is not None:
        for item in items:
            if str(item) not in col.allowed:
                raise ValueError(
                    f"unexpected value {item!r}; expected one of: {', '.join(col.allowed)}"
                )
    if col.minimum is not None or col.maximum is not None:
        number = value.year if col.type == "date" else value
        if col.minimum is not None and number < col.minimum:
            raise ValueError(f"{text!r} is below the smallest allowed value, {col.minimum:g}")
        if col.maximum is not None and number > col.maximum:
            raise ValueError(f"{text!r} is above the largest allowed value, {col.maximum:g}")
    if col.sources and source_ids is not None:
        ids = value if col.type == "list" else [value]
        unknown = [i for i in ids if i not in source_ids]
        if unknown:
            raise ValueError(
                f"unknown source_id {unknown[0]!r}: add it to data/sources.csv or fix the id"
            )
    return value


def _read_rows(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read header and rows (with their spreadsheet row numbers) from a CSV file."""
    if not path.is_file():
        raise DataError(shown, "file not found (is the data/ folder complete?)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col_no = raw[: exc.start].rsplit(b"\n", 1)[-1].count(b",") + 1
        raise DataError(
            shown,
            f"byte 0x{raw[exc.start]:02x} is not UTF-8 (field {col_no}); save the file as UTF-8",
            row=line,
        ) from None
    if not text.strip():
        raise DataError(shown, "the file is empty; it needs a header row and data rows", row=1)
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = next(reader)
        start = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(shown, f"the CSV is malformed ({exc})", row=reader.line_num) from None
    return [h.strip() for h in header], rows


def read_table(
    schema: Schema, path: Path, shown: str, source_ids: frozenset[str] | None = None
) -> pd.DataFrame:
    """Read and check one CSV file against its schema.

    Parameters
    ----------
    schema : Schema
        What the file must contain.
    path : Path
        Where the file is.
    shown : str
        How the file is named in error messages (for example ``data/events.csv``).
    source_ids : frozenset of str, optional
        Known source ids; columns marked ``sources`` are checked against them.

    Returns
    -------
    pandas.DataFrame
        One row per data row, columns typed by the schema.

    Raises
    ------
    DataError
        Naming the file, the row and the column of the first problem found.
    """
    header, rows = _read_rows(path, shown)
    expected = schema.names
    for name in expected:
        if name not in header:
            raise DataError(shown, "required column is missing from the header", row=1, column=name)
    for name in header:
        if name not in expected:
            raise DataError(
                shown,
                f"unexpected column; the columns are: {', '.join(expected)}",
                row=1,
                column=name,
            )
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise DataError(shown, "column appears twice in the header", row=1, column=dup)
    if not rows:
        raise DataError(shown, "the file has a header but no data rows", row=2)
    position = {name: header.index(name) for name in expected}
    records: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    for row_no, cells in rows:
        if len(cells) != len(header):
            raise DataError(
                shown, f"has {len(cells)} cells but the header has {len(header)}", row=row_no
            )
        record: dict[str, Any] = {}
        raw = {name: cells[position[name]].strip() for name in expected}
        for col in schema.columns:
            text = raw[col.name]
            if not text:
                if col.required:
                    raise DataError(shown, "required cell is blank", row=row_no, column=col.name)
                record[col.name] = None
                continue
            try:
                record[col.name] = _convert(col, text, source_ids)
            except ValueError as exc:
                raise DataError(shown, str(exc), row=row_no, column=col.name) from None
        for check in schema.row_checks:
            for column, problem in check({**record, "__raw__": raw}):
                raise DataError(shown, problem, row=row_no, column=column)
        if schema.key:
            key = tuple(record[k] for k in schema.key)
            if key in seen:
                raise DataError(
                    shown,
                    f"duplicate key {key if len(key) > 1 else key[0]!r} (also in row {seen[key]})",
                    row=row_no,
                    column=schema.key[0] if len(schema.key) == 1 else ", ".join(schema.key),
                )
            seen[key] = row_no
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=expected)
    for col in schema.columns:
        if col.type == "int":
            frame[col.name] = frame[col.name].astype("Int64" if not col.required else "int64")
        elif col.type == "float":
            frame[col.name] = frame[col.name].astype("float64")
        elif col.type == "date":
            frame[col.name] = pd.to_datetime(frame[col.name])
        elif col.type == "bool" and col.required:
            frame[col.name] = frame[col.name].astype(bool)
    return frame


def _author_or_publisher(row: dict[str, Any]):
    if not row["author"] and not row["publisher"]:
        yield "author", "a source needs an author or a publisher"


SOURCES = Schema(
    "sources.csv",
    (
        Column("source_id", "id"),
        Column("author", required=False),
        Column("publisher", required=False),
        Column("title"),
        Column("date", "date", required=False, minimum=1800, maximum=2026),
        Column("url", required=False),
        Column("kind", allowed=("primary", "secondary", "dataset", "computed", "scholarship")),
        Column("notes", required=False),
    ),
    key=("source_id",),
    row_checks=(_author_or_publisher,),
)

_CACHE: dict[tuple[str, int, int], pd.DataFrame] = {}


def shown_name(path: Path) -> str:
    """How a file is named in messages: relative to the repository where possible."""
    try:
        return str(path.resolve().relative_to(DATA_DIR.parent))
    except ValueError:
        return str(path)


def cache_key(path: Path) -> tuple[str, int, int] | None:
    """What a loaded file is cached under: its path, modification time and size (None if absent).

    Anything derived from a file can be cached under the same key, so that it is rebuilt
    exactly when the file changes.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def load_table(schema: Schema, path: str | Path | None) -> pd.DataFrame:
    """Read, check and cache a file; return a copy."""
    target = Path(path) if path is not None else DATA_DIR / schema.filename
    key = cache_key(target)
    if key is not None and key in _CACHE:
        return _CACHE[key].copy()
    ids = None if schema is SOURCES else frozenset(load_sources()["source_id"])
    frame = read_table(schema, target, shown_name(target), ids)
    for check in schema.table_checks:
        check(frame, shown_name(target))
    if key is not None:
        _CACHE[key] = frame
    return frame.copy()


def load_sources(path: str | Path | None = None) -> pd.DataFrame:
    """Load the bibliography, ``data/sources.csv``.

    Parameters
    ----------
    path : str or Path, optional
        Another file to check against the same rules.

    Returns
    -------
    pandas.DataFrame
        One row per source: source_id, author, publisher, title, date, url, kind, notes.

    Raises
    ------
    DataError
        If the file is missing or malformed (the message names file, row and column).

    Examples
    --------
    >>> sources = load_sources()
    >>> sources["source_id"].is_unique
    True
    """
    return load_table(SOURCES, path)
