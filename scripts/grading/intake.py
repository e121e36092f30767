"""What a submitted file is, checked before anything is unpacked or run.

``notebook_of`` returns ``(status, name, bytes)``: status ``None`` with the notebook's real file
name and content, or a status for a file that cannot be graded:

- ``not_a_notebook``: neither ``.ipynb`` nor ``.zip`` (a PDF, a Word file, ...);
- ``corrupt``: not valid JSON / not a notebook, or a damaged zip;
- ``too_large``: a notebook over ``MAX_NOTEBOOK`` bytes, or a zip whose members would unpack to
  more than ``MAX_UNPACKED`` bytes or number more than ``MAX_MEMBERS`` (a zip bomb), checked from
  the zip's directory before anything is read, and again while reading;
- ``no_notebook``: a zip without a notebook;
- ``two_notebooks``: a zip with several notebooks, none of them named after the assignment.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath

MAX_NOTEBOOK = 20 * 2**20
MAX_UNPACKED = 100 * 2**20
MAX_MEMBERS = 500


def _check_notebook(data: bytes) -> str | None:
    try:
        nb = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return "corrupt"
    if type(nb) is not dict or type(nb.get("cells")) is not list:
        return "corrupt"
    return None


def safe_basename(name: str, fallback: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,120}\.ipynb", base):
        return fallback
    return base


def notebook_of(path: Path, assignment: str) -> tuple[str | None, str, bytes]:
    fallback = f"{assignment}.ipynb"
    suffix = path.suffix.lower()
    if suffix == ".ipynb":
        if path.stat().st_size > MAX_NOTEBOOK:
            return "too_large", "", b""
        data = path.read_bytes()
        return _check_notebook(data), safe_basename(path.name, fallback), data
    if suffix != ".zip":
        return "not_a_notebook", "", b""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
                return "too_large", "", b""
            names = [
                i
                for i in infos
                if i.filename.endswith(".ipynb")
                and not i.is_dir()
                and "__MACOSX" not in i.filename
                and ".ipynb_checkpoints" not in i.filename
            ]
            if not names:
                return "no_notebook", "", b""
            if len(names) > 1:
                named = [i for i in names if PurePosixPath(i.filename).name == fallback]
                if len(named) != 1:
                    return "two_notebooks", "", b""
                names = named
            info = names[0]
            if info.file_size > MAX_NOTEBOOK:
                return "too_large", "", b""
            with zf.open(info) as fh:
                data = fh.read(MAX_NOTEBOOK + 1)
            if len(data) > MAX_NOTEBOOK:
                return "too_large", "", b""
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        return "corrupt", "", b""
    except Exception:  # noqa: BLE001  (zlib.error and friends: a damaged member)
        return "corrupt", "", b""
    return _check_notebook(data), safe_basename(info.filename, fallback), data
