"""What every lesson shares: the schema engine, sources, style, layout, feedback, widget base.

The modules load on first use (``from helpers.core import schema``); importing the package
reads no file and changes no setting.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "schema",
    "tables",
    "rules",
    "sources",
    "style",
    "layout",
    "feedback",
    "answers",
    "widget",
    "check",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
