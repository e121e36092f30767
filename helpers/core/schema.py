"""The one schema: ``data/datapackage.json``, read into :class:`Schema` objects.

Every data file is described once, as a resource of a Frictionless Data Package (Table Schema):
its fields with their type, unit, description and constraints, its primary key and its
references to other files. The loaders build their :class:`Schema` from it with
:func:`resource_schema`, adding the checks that need Python (a row's dates in order, a table's
years in sequence). Problems are reported as :class:`DataError`, naming the file, the line and
the column.

Table Schema types map to cell types like this: ``string`` (text), ``integer``, ``number``,
``boolean`` (``true``/``false``), ``list`` (items separated by ``;``). Two extensions, kept as
``x-`` properties that Frictionless ignores: ``x-type: date`` (an ISO date at day, month or year
precision: ``1969-03-02``, ``1960-07`` or ``1991``) and ``x-type: id`` (a lower-case identifier);
``x-itemEnum`` (the values allowed for each item of a list); ``x-minYear``/``x-maxYear`` (bounds
for a date); ``x-references`` (every item of a list must be a key of another resource, which
Table Schema's ``foreignKeys`` cannot say of a list); ``x-unit``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "DATA_DIR",
    "PACKAGE_FILE",
    "DataError",
    "DataErrors",
    "Field",
    "ForeignKey",
    "Schema",
    "descriptor",
    "field_enum",
    "parse_date",
    "resource_names",
    "resource_schema",
]

#: The folder that holds the data files, found relative to this package.
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
#: The Data Package descriptor: the one place where the files' schemas live.
PACKAGE_FILE = DATA_DIR / "datapackage.json"

#: Dates are ISO 8601 at day, month or year precision: ``1969-03-02``, ``1960-07`` or ``1991``.
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_\-.]*$")
CELL_TYPES = ("str", "int", "float", "date", "bool", "list", "id")
_TABLE_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
                "list": "list"}  # fmt: skip


class DataError(ValueError):
    """A data file is missing or malformed.

    The message names the file, the line of the file (as a text editor numbers it: the header
    is line 1) and the column, so the problem can be found and fixed by hand. The same facts
    are kept as the attributes ``file``, ``line`` (also ``row``) and ``column`` (``None`` where
    they do not apply).

    Examples
    --------
    >>> err = DataError("data/events.csv", "cannot read 'soon' as a date", line=7, column="date")
    >>> str(err)
    "data/events.csv, line 7, column 'date': cannot read 'soon' as a date"
    >>> err.row
    7
    """

    def __init__(
        self, file: str, problem: str, *, line: int | None = None, column: str | None = None
    ) -> None:
        self.file, self.line, self.column, self.problem = file, line, column, problem
        super().__init__(self.where() + f": {problem}")

    @property
    def row(self) -> int | None:
        """The line of the file (kept under the older name)."""
        return self.line

    def where(self) -> str:
        """The file, line and column, as the message gives them."""
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)


class DataErrors(DataError):
    """Every problem found in one file, when a check is asked to report them all.

    Examples
    --------
    >>> errs = DataErrors("data/x.csv", [DataError("data/x.csv", "blank", line=3, column="a"),
    ...                                  DataError("data/x.csv", "bad", line=5, column="b")])
    >>> print(errs)
    data/x.csv: 2 problems
      line 3, column 'a': blank
      line 5, column 'b': bad
    >>> errs.line, len(errs.problems)
    (3, 2)
    """

    def __init__(self, file: str, problems: list[DataError]) -> None:
        self.problems = list(problems)
        first = self.problems[0]
        ValueError.__init__(self)
        self.file, self.line, self.column, self.problem = file, first.line, first.column, ""
        lines = [f"{file}: {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"]
        for p in self.problems:
            where = p.where().removeprefix(p.file).lstrip(", ") or "file"
            lines.append(f"  {where}: {p.problem}")
        self.args = ("\n".join(lines),)

    def __str__(self) -> str:
        return self.args[0]


@dataclass(frozen=True)
class Field:
    """One column of a data file, as the Data Package describes it.

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
    enum : tuple of str, optional
        The only values allowed (for ``list`` fields, for each item), as written in the file.
    minimum, maximum : float, optional
        Bounds for ``int``, ``float`` and ``date`` fields (dates: years).
    references : (str, str), optional
        Each value (each item, for a list) must be in this resource's field.
    description, unit : str
        What the column holds, and its unit ("" where it has none).
    """

    name: str
    type: str = "str"
    required: bool = True
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    references: tuple[str, str] | None = None
    description: str = ""
    unit: str = ""

    def __post_init__(self) -> None:
        if self.type not in CELL_TYPES:
            raise ValueError(f"unknown cell type {self.type!r}; expected one of: {CELL_TYPES}")

    @classmethod
    def from_descriptor(cls, d: Mapping[str, Any]) -> Field:
        """Build a field from its Table Schema descriptor.

        Examples
        --------
        >>> Field.from_descriptor({"name": "year", "type": "integer",
        ...                        "constraints": {"required": True, "minimum": 1990}})
        Field(name='year', type='int', required=True, enum=None, minimum=1990, maximum=None, \
references=None, description='', unit='')
        """
        cons = d.get("constraints", {})
        kind = d.get("x-type") or _TABLE_TYPES.get(d.get("type", "string"))
        if kind is None:
            raise ValueError(f"field {d.get('name')!r}: unsupported type {d.get('type')!r}")
        enum = d.get("x-itemEnum") if kind == "list" else cons.get("enum")
        refs = d.get("x-references")
        return cls(
            name=d["name"],
            type=kind,
            required=bool(cons.get("required", False)),
            enum=None if enum is None else tuple(str(v) for v in enum),
            minimum=d.get("x-minYear") if kind == "date" else cons.get("minimum"),
            maximum=d.get("x-maxYear") if kind == "date" else cons.get("maximum"),
            references=None if refs is None else (refs["resource"], refs["field"]),
            description=d.get("description", ""),
            unit=d.get("x-unit", ""),
        )


@dataclass(frozen=True)
class ForeignKey:
    """A Table Schema foreign key: ``fields`` of this file point to ``ref_fields`` of another."""

    fields: tuple[str, ...]
    resource: str
    ref_fields: tuple[str, ...]


#: A row check takes a row (typed values, plus ``"__raw__"``: the cells as written) and yields
#: ``(column, problem)`` pairs.
RowCheck = Callable[[dict[str, Any]], Iterable[tuple[str, str]]]
#: A table check takes the typed table and each row's line in the file, and yields
#: ``(line or None, column or None, problem)`` triples.
TableCheck = Callable[[pd.DataFrame, list[int]], Iterable[tuple[int | None, str | None, str]]]


@dataclass(frozen=True)
class Schema:
    """What a data file must look like: its Data Package resource plus checks written in Python.

    The resource's fields, key and references are read from ``data/datapackage.json`` when first
    needed, not when the schema is made: importing a loader reads no file.

    Parameters
    ----------
    name : str
        The resource's name in ``data/datapackage.json``.
    row_checks, table_checks : tuple of callables
        See :data:`RowCheck` and :data:`TableCheck`.

    Examples
    --------
    >>> s = Schema("events")
    >>> s.filename, s.key, s.names[:2]
    ('events.csv', ('event_id',), ['event_id', 'date'])
    """

    name: str
    row_checks: tuple[RowCheck, ...] = field(default=())
    table_checks: tuple[TableCheck, ...] = field(default=())

    @property
    def filename(self) -> str:
        """File name inside ``data/``."""
        return _parsed(self.name).filename

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every column, in order: a missing or an unexpected column is an error."""
        return _parsed(self.name).fields

    @property
    def key(self) -> tuple[str, ...]:
        """The primary key: columns whose values together must be unique."""
        return _parsed(self.name).key

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        """Columns whose values must be keys of another resource."""
        return _parsed(self.name).foreign_keys

    @property
    def names(self) -> list[str]:
        """The column names, in order."""
        return [f.name for f in _parsed(self.name).fields]

    def references(self) -> list[tuple[str, str, str]]:
        """Every reference as ``(column, resource, field)``: foreign keys and ``x-references``."""
        return list(_parsed(self.name).references)


@dataclass(frozen=True)
class _Parsed:
    """A resource's schema read from the descriptor once (per change of the file)."""

    filename: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    references: tuple[tuple[str, str, str], ...]


_PARSED: dict[str, _Parsed] = {}  # emptied when the descriptor is re-read


def _parsed(name: str) -> _Parsed:
    descriptor()  # re-read (and _PARSED emptied) if the file changed
    if name not in _PARSED:
        res = _resource(name)
        table = res["schema"]
        fields = tuple(Field.from_descriptor(f) for f in table["fields"])
        fks = tuple(ForeignKey(tuple(_as_list(fk["fields"])), fk["reference"]["resource"],
                               tuple(_as_list(fk["reference"]["fields"])))
                    for fk in table.get("foreignKeys", ()))  # fmt: skip
        refs = [(f.name, *f.references) for f in fields if f.references]
        for fk in fks:
            refs += [(a, fk.resource, b) for a, b in zip(fk.fields, fk.ref_fields, strict=True)]
        key = tuple(_as_list(table.get("primaryKey", ())))
        _PARSED[name] = _Parsed(res["path"], fields, key, fks, tuple(refs))
    return _PARSED[name]


_PACKAGE: dict[tuple[int, int], dict[str, Any]] = {}


def descriptor() -> dict[str, Any]:
    """The Data Package descriptor, ``data/datapackage.json`` (read once per change).

    Examples
    --------
    >>> descriptor()["profile"]
    'data-package'
    """
    try:
        stat = PACKAGE_FILE.stat()
        key = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        raise DataError("data/datapackage.json", "file not found (is data/ complete?)") from None
    if key not in _PACKAGE:
        try:
            loaded = json.loads(PACKAGE_FILE.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DataError("data/datapackage.json", f"not valid JSON ({exc.msg})",
                            line=exc.lineno) from None  # fmt: skip
        _PACKAGE.clear()
        _PARSED.clear()
        _PACKAGE[key] = loaded
    return _PACKAGE[key]


def resource_names() -> list[str]:
    """The names of the package's tabular resources, in order.

    Examples
    --------
    >>> "events" in resource_names() and "sources" in resource_names()
    True
    """
    return [r["name"] for r in descriptor()["resources"] if "schema" in r]


def _resource(name: str) -> dict[str, Any]:
    for res in descriptor()["resources"]:
        if res["name"] == name and "schema" in res:
            return res
    raise KeyError(f"no tabular resource {name!r} in data/datapackage.json; "
                   f"expected one of: {', '.join(resource_names())}")  # fmt: skip


def resource_schema(
    name: str, *, row_checks: Iterable[RowCheck] = (), table_checks: Iterable[TableCheck] = ()
) -> Schema:
    """A resource's :class:`Schema`, with the checks that need Python.

    Examples
    --------
    >>> resource_schema("events").filename
    'events.csv'
    """
    return Schema(name, tuple(row_checks), tuple(table_checks))


def field_enum(resource: str, column: str) -> tuple[str, ...]:
    """The values a column allows (for a list, each item), as the Data Package gives them.

    Examples
    --------
    >>> field_enum("argument_edges", "relation")
    ('supports', 'attacks', 'notes')
    """
    for f in Schema(resource).fields:
        if f.name == column:
            if f.enum is None:
                raise KeyError(f"column {column!r} of {resource!r} has no enum")
            return f.enum
    raise KeyError(f"no column {column!r} in resource {resource!r}")


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


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
