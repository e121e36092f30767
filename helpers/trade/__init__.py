"""Lesson 03 and assignment 1: China-Russia trade and energy.

The modules load on first use (``from helpers.trade import data``); importing the package
reads no file and changes no setting.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["data", "energy_data", "model", "charts", "energy_charts", "widgets", "checks"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
