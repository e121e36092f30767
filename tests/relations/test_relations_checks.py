"""Lesson 00's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from support import ROOT

from helpers.core.sources import load_sources
from helpers.relations import checks
from helpers.relations.data import load_events, load_phases


def test_ex_0_1_the_longest_phase_that_ended():
    assert checks.ex_0_1("split").correct
    assert checks.ex_0_1("  SPLIT ").correct
    wrong = checks.ex_0_1("partnership")
    assert not wrong and "has not ended" in wrong.message
    assert "It lasted about 11 years" in checks.ex_0_1("alliance").message
    odd = checks.ex_0_1("cold war")
    assert not odd and "is not one of the options" in odd.message and '"alliance"' in odd.message


def test_ex_0_1_follows_the_data(monkeypatch):
    phases = load_phases()
    short = phases.copy()
    short.loc[short["phase"] == "split", "end"] = pd.Timestamp("1965-01-01")
    monkeypatch.setattr(checks, "load_phases", lambda: short)
    assert checks.ex_0_1("alliance").correct and not checks.ex_0_1("split").correct


@pytest.mark.parametrize("cut", ["2022-02-04", "2025-12-31", "2040-01-01"])
def test_ex_0_1_does_not_depend_on_where_the_partnership_is_cut_off(monkeypatch, cut):
    """Issue 18 item 7: the running phase is never compared, wherever the chart stops."""
    longer = load_phases().copy()
    longer.loc[longer["phase"] == "partnership", "end"] = pd.Timestamp(cut)
    monkeypatch.setattr(checks, "load_phases", lambda: longer)
    assert checks.ex_0_1("split").correct
    assert not checks.ex_0_1("partnership").correct


def test_ex_0_3_tier_of_an_events_source():
    event = load_events().set_index("event_id").loc[checks.EX_0_3_EVENT]
    tier = load_sources().set_index("source_id").loc[event["source_id"][0], "tier"]
    assert checks.ex_0_3(tier).correct  # the worked answer, as the data gives it
    assert checks.ex_0_3(tier.replace("_", " ").upper()).correct
    other = "primary" if tier != "primary" else "other"
    wrong = checks.ex_0_3(other)
    assert not wrong and event["source_id"][0] in wrong.message
    assert "is not one of the options" in checks.ex_0_3("newspaper").message


def test_ex_0_3_event_is_not_shown_above_the_exercise():
    nb = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text())
    above = []
    for cell in nb["cells"]:
        if "".join(cell["source"]).startswith("### Exercise 0.3"):
            break
        above += [json.dumps(o) for o in cell.get("outputs", [])]
    assert checks.EX_0_3_EVENT not in "".join(above)


def test_ex_0_4_restart_error():
    assert checks.ex_0_4("NameError").correct and checks.ex_0_4(" nameerror ").correct
    assert "Restart" in checks.ex_0_4("no error").message
    assert "mistyped" in checks.ex_0_4("SyntaxError").message


def test_ex_0_5_the_argument_as_one_authors_claim():
    right = [o for o in checks.EX_0_5_OPTIONS if checks.ex_0_5(o).correct]
    assert len(right) == 1
    assert checks.ex_0_5(right[0].lower()).correct
    assert all(not checks.ex_0_5(o) and checks.ex_0_5(o).message for o in "ACD" if o != right[0])
    assert "not one of the options" in checks.ex_0_5("E").message


def test_ex_0_2_years_between_the_treaties():
    dates = load_events().set_index("event_id")["date"]
    earlier, later = dates["sino_soviet_treaty_1950"], dates["good_neighbor_treaty_2001"]
    assert checks.ex_0_2((later - earlier).days / 365.25).correct  # the worked answer
    assert checks.ex_0_2(51).correct, "how many years: whole years count"
    assert "days" in checks.ex_0_2((later - earlier).days).message
    assert "length of time" in checks.ex_0_2(later - earlier).message
    assert "remove the quotes" in checks.ex_0_2("51.4").message
    assert "Not quite" in checks.ex_0_2(50).message


@pytest.mark.parametrize(
    "check", [checks.ex_0_1, checks.ex_0_2, checks.ex_0_3, checks.ex_0_4, checks.ex_0_5]
)
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
