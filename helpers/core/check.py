"""Check the data files, for an instructor who edits a CSV: ``python -m helpers.core.check [FILE]``.

With no argument every file in ``data/`` is checked; with a file name (``claims.csv``, or a path
to a copy of it) only that one. Every problem in a file is reported at once, with its file,
line and column, and the command exits with status 1 if anything is wrong.

The checks are the loaders' own: each topic's ``data.py`` lists its schemas in ``SCHEMAS``, and
they are found here by name at run time (``core`` never imports a topic at import time).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from helpers.core.schema import DATA_DIR, DataError, Schema, resource_names
from helpers.core.sources import SOURCES
from helpers.core.tables import read_table

__all__ = ["all_schemas", "check_file", "main"]

#: The topic packages whose ``data`` modules hold schemas.
TOPICS = ("relations", "ledger", "triangle", "trade", "alliances", "argument")


def all_schemas() -> dict[str, Schema]:
    """Every data file's schema, with its Python checks, by file name.

    Examples
    --------
    >>> schemas = all_schemas()
    >>> schemas["events.csv"].name, "sources.csv" in schemas
    ('events', True)
    """
    found = {SOURCES.filename: SOURCES}
    for topic in TOPICS:
        module = importlib.import_module(f"helpers.{topic}.data")
        for schema in module.SCHEMAS:
            found[schema.filename] = schema
    missing = set(resource_names()) - {s.name for s in found.values()}
    if missing:
        raise RuntimeError(f"resources with no loader: {', '.join(sorted(missing))}")
    return found


def check_file(schema: Schema, path: Path | None = None) -> list[DataError]:
    """Every problem in one file (an empty list when it is fine).

    Examples
    --------
    >>> check_file(all_schemas()["events.csv"])
    []
    """
    target = path if path is not None else DATA_DIR / schema.filename
    try:
        read_table(schema, target, all_problems=True)
    except DataError as err:
        return list(getattr(err, "problems", [err]))
    return []


def main(argv: list[str] | None = None) -> int:
    """Run the check from the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m helpers.core.check", description=__doc__)
    parser.add_argument("file", nargs="?", help="a data file name or path (default: all)")
    args = parser.parse_args(argv)
    schemas = all_schemas()
    if args.file:
        path = Path(args.file)
        schema = schemas.get(path.name)
        if schema is None:
            print(f"{path.name}: not a data file of this collection; expected one of: "
                  f"{', '.join(sorted(schemas))}")  # fmt: skip
            return 2
        todo = [(schema, path if path.exists() else None)]
    else:
        todo = [(s, None) for s in schemas.values()]
    failed = 0
    for schema, path in todo:
        problems = check_file(schema, path)
        name = str(path) if path is not None else f"data/{schema.filename}"
        if problems:
            failed += 1
            print(f"{name}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
            for p in problems:
                where = p.where().removeprefix(p.file).lstrip(", ") or "file"
                print(f"  {where}: {p.problem}")
        else:
            print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
