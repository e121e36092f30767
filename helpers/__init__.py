"""Back to the Past: loaders, pure logic, charts and widgets for the teaching notebooks.

Importing the package reads no file and changes no setting; call :func:`use_style` in a
lesson's second cell. Submodules load on first use, so ``import helpers`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["DataError", "use_style"]


def use_style() -> None:
    """Set the collection's chart style (see :func:`helpers.charts.use_style`)."""
    from helpers.charts import use_style as _use_style

    _use_style()


def __getattr__(name: str) -> Any:
    """Load submodules (``helpers.data``, ``helpers.charts``, ...) lazily."""
    if name == "DataError":
        from helpers._table import DataError

        return DataError
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return importlib.import_module(f"helpers.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"helpers.{name}":
            raise AttributeError(f"module 'helpers' has no attribute {name!r}") from None
        raise
