"""Source tiers of lesson 04's history rows (issue 14): the 1914 files and the 1950s episodes.

A row whose sources are all exhibit-only rests on no source of fact, so its confidence must be
``low``; a row whose sources are all of tier ``other`` (reference guides, popular histories) may
not be ``high``. Corrected dates keep both readings, and the official texts behind them are cited.
"""

from __future__ import annotations

import pytest

from helpers.alliances.data import load_alliances_1914, load_episodes_1950s, load_july_crisis_1914
from helpers.core.sources import load_sources

FILES = {
    "july_crisis_1914": (load_july_crisis_1914, "event_id"),
    "alliances_1914": (load_alliances_1914, "commitment_id"),
    "alliance_episodes_1950s": (load_episodes_1950s, "episode_id"),
}


@pytest.fixture(scope="module")
def sources():
    return load_sources().set_index("source_id")


def _rows(name):
    loader, key = FILES[name]
    return loader().set_index(key)


@pytest.mark.parametrize("name", sorted(FILES))
def test_rows_resting_only_on_exhibits_are_low(name, sources):
    rows = _rows(name)
    for key, row in rows.iterrows():
        uses = {sources.loc[sid, "fact_use"] for sid in row["source_id"]}
        if uses == {"exhibit_only"}:
            assert row["confidence"] == "low", f"{name}: {key} rests only on exhibits"


@pytest.mark.parametrize("name", sorted(FILES))
def test_rows_resting_only_on_tier_other_are_not_high(name, sources):
    rows = _rows(name)
    for key, row in rows.iterrows():
        tiers = {sources.loc[sid, "tier"] for sid in row["source_id"]}
        if tiers == {"other"}:
            assert row["confidence"] != "high", f"{name}: {key} rests only on tier 'other'"


def test_russias_promise_to_serbia_is_dated_and_quoted_from_the_orange_book():
    pledge = _rows("alliances_1914").loc["russia_pledge_serbia_1914"]
    assert str(pledge["signed"].date()) == "1914-07-27"
    assert "russian_orange_book_1914_no40" in pledge["source_id"]
    assert "spartacus_1914_timetable" not in pledge["source_id"]
    events = _rows("july_crisis_1914")
    assert events.loc["rus_pledge_srb_1914_07_27", "reading"] == "main"
    assert events.loc["rus_pledge_srb_1914_07_26", "reading"] == "alternative"


def test_disputed_1914_dates_keep_both_readings():
    events = _rows("july_crisis_1914")
    for main, alternative in (("mne_aut_1914_08_06", "mne_aut_1914_08_05"),
                              ("ita_aut_1915_05_23", "ita_aut_1915_05_24"),
                              ("ita_neutral_1914_08_03", "ita_neutral_1914_08_02")):  # fmt: skip
        assert events.loc[main, "reading"] == "main", main
        assert events.loc[alternative, "reading"] == "alternative", alternative
        assert events.loc[main, "target"] == events.loc[alternative, "target"] or (
            events.loc[main, "kind"] == "neutrality"
        )


def test_germany_belgium_says_there_was_no_formal_declaration():
    row = _rows("july_crisis_1914").loc["deu_bel_1914_08_04"]
    assert "No formal German declaration" in row["notes"]
    assert "frus_1914_supp_whitlock_1914_08_04" in row["source_id"]
