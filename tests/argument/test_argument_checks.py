"""Lesson 05's exercise checks: right answers pass, typical wrong ones get the right hint."""

from __future__ import annotations

import pytest

from helpers.argument import checks
from helpers.argument.data import load_hindsight
from helpers.argument.model import trade_against_target
from helpers.trade.data import trade_series


def test_ex_5_1_which_premise():
    right = checks.ex_5_1("back to the past: non-interference")
    assert right and "p_back_to_past" in right.message
    assert checks.ex_5_1("  Back to the past: non-interference ").correct
    assert "¶ 11–12" in checks.ex_5_1("Reason 2: the shadow of the past").message
    assert "¶ 10" in checks.ex_5_1("reason 1: freedom of action").message
    assert "not one of the options" in checks.ex_5_1("westphalia").message


def test_ex_5_5_third_voices():
    assert checks.ex_5_5(["d06", "d07"]).correct
    assert checks.ex_5_5({"D07", " d06"}).correct, "case, spaces and a set are fine"
    signatory = checks.ex_5_5(["d06", "d07", "d08"])
    assert not signatory and "1 extra ('d08')" in signatory.message
    assert "1 item missing." in checks.ex_5_5(["d06"]).message
    assert "like ['" in checks.ex_5_5("d06").message


def test_ex_5_2_what_the_author_could_know():
    assert checks.ex_5_2(["a", "c"]).correct
    assert checks.ex_5_2(["C", " A "]).correct, "case and spaces do not matter"
    assert checks.ex_5_2({"a", "c"}).correct
    extra = checks.ex_5_2(["a", "b", "c"])
    assert not extra and "1 extra ('b')" in extra.message and "only 2 are before" in extra.message
    assert "1 item missing." in checks.ex_5_2(["a"]).message
    assert "one piece of text" in checks.ex_5_2("a, c").message
    assert "like ['a']" in checks.ex_5_2("a").message


def test_ex_5_2_follows_the_data(monkeypatch):
    import helpers.relations.data as relations

    events = relations.load_events()
    moved = events.copy()
    moved.loc[moved["event_id"] == "aukus_2021", "date"] = moved["date"].max()
    monkeypatch.setattr(checks, "load_events", lambda: moved)
    assert checks.ex_5_2(["a"]).correct and not checks.ex_5_2(["a", "c"]).correct


def test_ex_5_3_gap_in_2024():
    table = trade_against_target(trade_series(start=2024, end=2024))
    assert checks.ex_5_3(table.loc[2024, "gap_usd_bn"]).correct  # the worked answer
    assert checks.ex_5_3(table["gap_usd_bn"]).correct, "a Series of one value is fine"
    assert checks.ex_5_3(5.2).correct
    assert "wrong sign" in checks.ex_5_3(-table.loc[2024, "gap_usd_bn"]).message
    assert "trade itself" in checks.ex_5_3(table.loc[2024, "trade_usd_bn"]).message
    assert "not a single number" in checks.ex_5_3(table).message


def test_ex_5_4_stated_positions_on_c14():
    h = load_hindsight()
    rows = h[(h["claim_id"] == "c14") & (h["kind"] == "stated_position")]
    assert len(rows) == 15  # of 17 developments on c14: mostly words, not acts
    assert checks.ex_5_4(len(rows)).correct  # the worked answer
    assert checks.ex_5_4(float(len(rows))).correct
    table = checks.ex_5_4(rows)
    assert not table and "len(...)" in table.message
    every = len(h[h["claim_id"] == "c14"])
    assert "every development about c14" in checks.ex_5_4(every).message
    assert "remove the quotes" in checks.ex_5_4(str(len(rows))).message


@pytest.mark.parametrize(
    "check", [checks.ex_5_1, checks.ex_5_2, checks.ex_5_3, checks.ex_5_4, checks.ex_5_5]
)
def test_not_answered(check):
    result = check(...)
    assert not result.correct and not result.answered
