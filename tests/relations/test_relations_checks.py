"""Lesson 00's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.relations import checks
from helpers.relations.data import load_events, load_phases


def test_ex_0_1_the_longest_phase():
    assert checks.ex_0_1("split").correct
    assert checks.ex_0_1("  SPLIT ").correct
    wrong = checks.ex_0_1("partnership")
    assert not wrong and "It lasted about 26 years" in wrong.message
    odd = checks.ex_0_1("cold war")
    assert not odd and "is not one of the options" in odd.message and '"alliance"' in odd.message


def test_ex_0_1_follows_the_data(monkeypatch):
    phases = load_phases()
    short = phases.copy()
    short.loc[short["phase"] == "split", "end"] = pd.Timestamp("1965-01-01")
    monkeypatch.setattr(checks, "load_phases", lambda: short)
    assert checks.ex_0_1("partnership").correct and not checks.ex_0_1("split").correct


def test_ex_0_2_years_between_the_treaties():
    dates = load_events().set_index("event_id")["date"]
    earlier, later = dates["sino_soviet_treaty_1950"], dates["good_neighbor_treaty_2001"]
    assert checks.ex_0_2((later - earlier).days / 365.25).correct  # the worked answer
    assert checks.ex_0_2(51).correct, "how many years: whole years count"
    assert "days" in checks.ex_0_2((later - earlier).days).message
    assert "length of time" in checks.ex_0_2(later - earlier).message
    assert "remove the quotes" in checks.ex_0_2("51.4").message
    assert "Not quite" in checks.ex_0_2(50).message


@pytest.mark.parametrize("check", [checks.ex_0_1, checks.ex_0_2])
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
