"""Fixtures for every test and doctest of the checkout (tests/, helpers/, scripts/).

It sits at the top so that it also wraps the doctests of ``helpers/``, which the fixtures of
``tests/conftest.py`` do not reach.
"""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _own_matplotlib_state():
    """Each test and doctest starts from, and leaves, the same matplotlib settings and no open
    pyplot figure: a test that applies the house style (titles on the left, ...) cannot change
    what a later one reads, and a check that "every figure was closed" sees only its own
    figures, in whatever order the parallel run puts them."""
    import matplotlib.pyplot as plt

    plt.close("all")
    with matplotlib.rc_context():
        yield
    plt.close("all")
