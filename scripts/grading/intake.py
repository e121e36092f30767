"""What a submitted file is, checked before anything is unpacked or run.

``notebook_of`` returns ``(status, name, bytes, note)``: status ``None`` with the notebook's real
file name and content (and a note when it was picked from a zip of several), or a status for a
file that cannot be graded:

- ``not_a_notebook``: neither ``.ipynb`` nor ``.zip`` (a PDF, a Word file, ...);
- ``corrupt: ...``: empty, not UTF-8, not valid JSON (with the line and column), JSON that is
  not a notebook, or a damaged zip (an old version-3 notebook is converted, not refused);
- ``too_large``: a notebook over ``MAX_NOTEBOOK`` bytes, or a zip whose members would unpack to
  more than ``MAX_UNPACKED`` bytes or number more than ``MAX_MEMBERS`` (a zip bomb), checked from
  the zip's directory before anything is read, and again while reading;
- ``no_notebook``: a zip without a notebook;
- ``two_notebooks: ...``: a zip with several notebooks where not exactly one is the assignment's
  (by content, see match.py; among several that match, the one named after the assignment wins);
- ``wrong_assignment: ...``: a notebook that is, by its content, clearly another assignment's.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath

MAX_NOTEBOOK = 20 * 2**20
MAX_UNPACKED = 100 * 2**20
MAX_MEMBERS = 500


def parse(data: bytes) -> tuple[str | None, dict | None, bytes]:
    """(problem, notebook JSON, bytes to run): the problem is a ``corrupt: ...`` status.

    An old (version 3) notebook is converted to version 4, which the runner reads."""
    if not data.strip():
        return "corrupt: the file is empty", None, data
    try:
        nb = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return "corrupt: not a notebook (not UTF-8 text)", None, data
    except ValueError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if hasattr(exc, "lineno") else "?"
        return f"corrupt: not valid notebook JSON ({where}): damaged or cut short", None, data
    if type(nb) is dict and type(nb.get("worksheets")) is list and "cells" not in nb:
        try:
            import nbformat

            v4 = nbformat.reads(data.decode("utf-8"), as_version=4)
            data = nbformat.writes(v4).encode("utf-8")
            nb = json.loads(data)
        except Exception:  # noqa: BLE001
            return "corrupt: an old notebook format that could not be converted", None, data
    if type(nb) is not dict or type(nb.get("cells")) is not list:
        return "corrupt: JSON, but not a notebook (no list of cells)", None, data
    return None, nb, data


def safe_basename(name: str, fallback: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,120}\.ipynb", base):
        return fallback
    return base


def _names(items: list[str], most: int = 4) -> str:
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def notebook_of(path: Path, assignment: str, profiles=None) -> tuple[str | None, str, bytes, str]:
    """``(problem, name, bytes, note)``: ``problem`` None when there is a notebook to grade.

    ``profiles`` (a ``match.Profiles``) identifies notebooks by content: a notebook that is
    clearly another assignment's gets ``wrong_assignment``; in a zip of several notebooks the
    one that matches the assignment is picked (``note`` says which)."""
    fallback = f"{assignment}.ipynb"
    suffix = path.suffix.lower()
    if suffix == ".ipynb":
        if path.stat().st_size > MAX_NOTEBOOK:
            return "too_large", "", b"", ""
        problem, nb, data = parse(path.read_bytes())
        if problem:
            return problem, "", b"", ""
        return _whose(nb, assignment, profiles), safe_basename(path.name, fallback), data, ""
    if suffix != ".zip":
        return "not_a_notebook", "", b"", ""
    found = []  # (member name, problem, nb, data)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
                return "too_large", "", b"", ""
            members = [
                i
                for i in infos
                if i.filename.endswith(".ipynb")
                and not i.is_dir()
                and "__MACOSX" not in i.filename
                and ".ipynb_checkpoints" not in i.filename
            ]
            if not members:
                return "no_notebook", "", b"", ""
            read = 0
            for info in members:
                if info.file_size > MAX_NOTEBOOK:
                    return "too_large", "", b"", ""
                with zf.open(info) as fh:
                    raw = fh.read(MAX_NOTEBOOK + 1)
                read += len(raw)
                if len(raw) > MAX_NOTEBOOK or read > MAX_UNPACKED:
                    return "too_large", "", b"", ""
                found.append((info.filename, *parse(raw)))
    except zipfile.BadZipFile:
        return "corrupt: a damaged zip file (it cannot be opened)", "", b"", ""
    except Exception:  # noqa: BLE001  (zlib.error, EOFError, ...: a damaged member)
        return "corrupt: a damaged zip file (a notebook in it cannot be unpacked)", "", b"", ""
    if len(found) == 1:
        name, problem, nb, data = found[0]
        if problem:
            return f"{problem} (in the zip: {PurePosixPath(name).name})", "", b"", ""
        return _whose(nb, assignment, profiles), safe_basename(name, fallback), data, ""
    good = [f for f in found if not f[1]]
    shown = _names([PurePosixPath(f[0]).name for f in found])
    named = [f for f in good if PurePosixPath(f[0]).name == fallback]
    if profiles is None:
        matching = named
    else:
        matching = [f for f in good if profiles.matches(f[2], assignment)]
    if len(matching) > 1 and len([f for f in matching if f in named]) == 1:
        matching, why = [f for f in matching if f in named], "the one named after the assignment"
    else:
        why = f"the only one that is {assignment}"
    if not matching and len(named) == 1:
        matching, why = named, "named after the assignment"
    if len(matching) == 1:
        name, _, _, data = matching[0]
        base = PurePosixPath(name).name
        note = f"graded {base} of the {len(found)} notebooks in the zip ({why})"
        return None, safe_basename(name, fallback), data, note
    if matching:
        both = _names([PurePosixPath(f[0]).name for f in matching])
        return (
            f"two_notebooks: {both} all look like {assignment}; ask the student which to grade",
            "", b"", "",
        )  # fmt: skip
    return f"two_notebooks: none of the notebooks in the zip ({shown}) is {assignment}", "", b"", ""


def _whose(nb: dict, assignment: str, profiles) -> str | None:
    other = profiles.other_assignment(nb, assignment) if profiles is not None else None
    if other:
        return f"wrong_assignment: by its content this is {other}, not {assignment}"
    return None
