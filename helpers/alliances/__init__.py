"""Lesson 04 and assignment 3: alliance or partnership.

The modules load on first use (``from helpers.alliances import data``); importing the package
reads no file and changes no setting.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["data", "model", "cascade", "charts", "widgets", "checks"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
