"""Reading a data file against its :class:`~helpers.core.schema.Schema`.

:func:`load_table` reads a CSV file with the standard :mod:`csv` module, checks every cell, every
row, the whole table and every reference to another file, and returns a typed
:class:`pandas.DataFrame` (cached; each call returns a copy). Every problem is a
:class:`~helpers.core.schema.DataError` naming the file, the line (a quoted cell may span
lines, and blank lines are skipped, so a row's line is where it starts in the file) and the
column. With ``all_problems=True`` every problem in the file is reported at once.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.core.schema import (
    DATA_DIR,
    DATE_PATTERN,
    ID_PATTERN,
    DataError,
    DataErrors,
    Field,
    Schema,
    parse_date,
    resource_schema,
)

__all__ = ["cache_key", "load_table", "read_rows", "read_table", "shown_name"]


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


def read_rows(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read the header and the non-blank rows, each with the line of the file it starts on."""
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
            line=line,
        ) from None
    if not text.strip():
        raise DataError(shown, "the file is empty; it needs a header row and data rows", line=1)
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
        raise DataError(shown, f"the CSV is malformed ({exc})", line=reader.line_num) from None
    return [h.strip() for h in header], rows


def _convert(col: Field, text: str) -> Any:
    """Convert one non-blank cell; raise ValueError with a readable problem."""
    if col.type in ("str", "id"):
        if col.type == "id" and not ID_PATTERN.match(text):
            raise ValueError(f"{text!r} is not an id (lower-case letters, digits, _ - . only)")
        value: Any = text
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
        value = _date(text)
    else:  # list
        value = [part.strip() for part in text.split(";")]
        if any(not part for part in value):
            raise ValueError(f"{text!r} has an empty item; separate items with a single ';'")
    if col.enum is not None:
        for item in value if col.type == "list" else [value]:
            if str(item) not in col.enum:
                raise ValueError(
                    f"unexpected value {item!r}; expected one of: {', '.join(col.enum)}"
                )
    if col.minimum is not None or col.maximum is not None:
        number = value.year if col.type == "date" else value
        if col.minimum is not None and number < col.minimum:
            raise ValueError(f"{text!r} is below the smallest allowed value, {col.minimum:g}")
        if col.maximum is not None and number > col.maximum:
            raise ValueError(f"{text!r} is above the largest allowed value, {col.maximum:g}")
    return value


def _date(text: str) -> datetime:
    """A date cell as a datetime (pandas types the column at once; see :func:`parse_date`)."""
    match = DATE_PATTERN.match(text)
    if match:
        year, month, day = match.groups()
        try:
            return datetime(int(year), int(month or 1), int(day or 1))
        except ValueError:
            pass
    return parse_date(text)[0]  # raises the readable problem


class _Problems:
    """Collects problems; raises at the first one unless every problem is wanted."""

    def __init__(self, shown: str, collect: bool) -> None:
        self.shown, self.collect, self.found = shown, collect, []

    def add(self, problem: str, line: int | None = None, column: str | None = None) -> None:
        err = DataError(self.shown, problem, line=line, column=column)
        if not self.collect:
            raise err
        self.found.append(err)

    def finish(self) -> None:
        if self.found:
            raise self.found[0] if len(self.found) == 1 else DataErrors(self.shown, self.found)


def _header_problems(schema: Schema, header: list[str], problems: _Problems) -> None:
    expected = schema.names
    for name in expected:
        if name not in header:
            problems.add("required column is missing from the header", 1, name)
    for name in header:
        if name not in expected:
            problems.add(f"unexpected column; the columns are: {', '.join(expected)}", 1, name)
    for name in sorted({h for h in header if header.count(h) > 1}):
        problems.add("column appears twice in the header", 1, name)


_KEYS: dict[tuple[Any, ...], frozenset[str]] = {}


def _key_values(resource: str, column: str, path: Path) -> frozenset[str]:
    """The values of one column of another file, as written (for checking references).

    Cached under the file's :func:`cache_key`, so that a file many others cite (sources.csv) is
    read once per change, not once per citing file.
    """
    key = (cache_key(path), column)
    if key[0] is not None and key in _KEYS:
        return _KEYS[key]
    header, rows = read_rows(path, shown_name(path))
    if column not in header:
        raise DataError(shown_name(path), "referenced column is missing", line=1, column=column)
    at = header.index(column)
    values = frozenset(cells[at].strip() for _, cells in rows if at < len(cells))
    if key[0] is not None:
        _KEYS[key] = values
    return values


def read_table(
    schema: Schema,
    path: Path,
    *,
    references: Mapping[str, Path] | None = None,
    all_problems: bool = False,
) -> tuple[pd.DataFrame, list[int]]:
    """Read and check one CSV file against its schema.

    Parameters
    ----------
    schema : Schema
        What the file must contain.
    path : Path
        Where the file is.
    references : mapping of str to Path, optional
        Other files to check references against, by resource name (default: ``data/``).
    all_problems : bool
        Report every problem in the file (as :class:`DataErrors`), not only the first.

    Returns
    -------
    (pandas.DataFrame, list of int)
        One row per data row, columns typed by the schema; and the line each row starts on.

    Raises
    ------
    DataError
        Naming the file, the line and the column of the problem.
    """
    shown = shown_name(path)
    problems = _Problems(shown, all_problems)
    header, rows = read_rows(path, shown)
    _header_problems(schema, header, problems)
    if problems.found:
        problems.finish()
    if not rows:
        raise DataError(shown, "the file has a header but no data rows", line=2)
    refs = {}
    for column, resource, ref_field in schema.references():
        target = (references or {}).get(resource)
        if target is None:
            target = DATA_DIR / resource_schema(resource).filename
        refs[column] = (resource, _key_values(resource, ref_field, Path(target)))
    fields, names, key_names = schema.fields, schema.names, schema.key
    position = [(name, header.index(name)) for name in names]
    records: list[dict[str, Any]] = []
    lines: list[int] = []
    seen: dict[tuple[Any, ...], int] = {}
    for line, cells in rows:
        if len(cells) != len(header):
            problems.add(f"has {len(cells)} cells but the header has {len(header)}", line)
            continue
        record: dict[str, Any] = {}
        raw = {name: cells[at].strip() for name, at in position}
        for col in fields:
            text = raw[col.name]
            record[col.name] = None
            if not text:
                if col.required:
                    problems.add("required cell is blank", line, col.name)
                continue
            try:
                record[col.name] = _convert(col, text)
            except ValueError as exc:
                problems.add(str(exc), line, col.name)
                continue
            if col.name in refs:
                resource, known = refs[col.name]
                for item in record[col.name] if col.type == "list" else [text]:
                    if item not in known:
                        problems.add(_unknown_reference(item, resource), line, col.name)
        if any(e.line == line for e in problems.found):
            continue
        for check in schema.row_checks:
            for column, problem in check({**record, "__raw__": raw}):
                problems.add(problem, line, column)
        if key_names:
            key = tuple(record[k] for k in key_names)
            if key in seen:
                shown_key = key if len(key) > 1 else key[0]
                problems.add(f"duplicate key {shown_key!r} (also on line {seen[key]})", line,
                             ", ".join(key_names))  # fmt: skip
            seen[key] = line
        records.append(record)
        lines.append(line)
    problems.finish()
    columns = {name: [r[name] for r in records] for name in names}
    frame = _typed(pd.DataFrame(columns, columns=names), fields)
    for check in schema.table_checks:
        for line, column, problem in check(frame, lines):
            problems.add(problem, line, column)
    problems.finish()
    return frame, lines


def _unknown_reference(item: str, resource: str) -> str:
    if resource == "sources":
        return f"unknown source_id {item!r}: add it to data/sources.csv or fix the id"
    return f"{item!r} is not in data/{resource_schema(resource).filename}"


def _typed(frame: pd.DataFrame, fields: tuple[Field, ...]) -> pd.DataFrame:
    for col in fields:
        if col.type == "int":
            frame[col.name] = frame[col.name].astype("Int64" if not col.required else "int64")
        elif col.type == "float":
            frame[col.name] = frame[col.name].astype("float64")
        elif col.type == "date":
            frame[col.name] = pd.to_datetime(frame[col.name])
        elif col.type == "bool" and col.required:
            frame[col.name] = frame[col.name].astype(bool)
    return frame


_CACHE: dict[tuple[Any, ...], pd.DataFrame] = {}


def load_table(
    schema: Schema,
    path: str | Path | None = None,
    *,
    references: Mapping[str, str | Path | None] | None = None,
    all_problems: bool = False,
) -> pd.DataFrame:
    """Read, check and cache a file; return a copy.

    Parameters
    ----------
    schema : Schema
        The file's schema (see :func:`helpers.core.schema.resource_schema`).
    path : str or Path, optional
        Another file to check against the same rules (default: the file in ``data/``).
    references : mapping, optional
        Other files to check this file's references against, by resource name.
    all_problems : bool
        Report every problem at once.

    Examples
    --------
    >>> from helpers.core.schema import resource_schema
    >>> phases = load_table(resource_schema("relations_phases"))
    >>> list(phases.columns[:3])
    ['phase_id', 'phase', 'start']
    """
    target = Path(path) if path is not None else DATA_DIR / schema.filename
    others = {k: Path(v) for k, v in (references or {}).items() if v is not None}
    ref_files = sorted({r for _, r, _ in schema.references()})
    key = (
        schema,
        cache_key(target),
        *(cache_key(others.get(r, DATA_DIR / resource_schema(r).filename)) for r in ref_files),
    )
    if key[1] is not None and key in _CACHE and not all_problems:
        return _CACHE[key].copy()
    frame, _ = read_table(schema, target, references=others, all_problems=all_problems)
    if key[1] is not None:
        _CACHE[key] = frame
    return frame.copy()
