"""Back to the Past: loaders, pure logic, charts, widgets and checks for the teaching notebooks.

One subpackage per topic (``relations``, ``ledger``, ``triangle``, ``trade``, ``alliances``,
``argument``), each with the same files where needed: ``data`` (the only code that reads
``data/``), ``model`` (pure functions), ``charts``, ``widgets`` and ``checks``; ``core`` holds
what they share. Importing the package reads no file and changes no setting; call
:func:`use_style` in a lesson's second cell. Subpackages load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

TOPICS = ("relations", "ledger", "triangle", "trade", "alliances", "argument")
__all__ = ["DataError", "TOPICS", "core", "use_style", *TOPICS]


def use_style() -> None:
    """Set the collection's chart style (see :func:`helpers.core.style.use_style`)."""
    from helpers.core.style import use_style as _use_style

    _use_style()


def __getattr__(name: str) -> Any:
    """Load ``helpers.core`` and the topic subpackages lazily."""
    if name == "DataError":
        from helpers.core.schema import DataError

        return DataError
    if name == "core" or name in TOPICS:
        return importlib.import_module(f"helpers.{name}")
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
