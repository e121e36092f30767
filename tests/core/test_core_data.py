"""The core loaders: sources, events and phases."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from helpers.core.check import all_schemas
from helpers.core.schema import DATA_DIR as DATA
from helpers.core.sources import TIERS, load_sources, source_label
from helpers.relations.data import load_events, load_phases


def test_sources_have_unique_ids_tiers_and_fact_use():
    sources = load_sources()
    assert sources["source_id"].is_unique
    assert set(sources["tier"]) <= set(TIERS)
    assert set(sources["fact_use"]) <= {"fact", "exhibit_only"}
    assert len(sources) >= 30


def test_school_sites_encyclopaedias_and_blogs_are_exhibits_only():
    sources = load_sources().set_index("source_id")
    for sid in ("bbc_bitesize_1914", "spartacus_1914_timetable", "wikipedia_1989_summit",
                "roadstothegreatwar_turco_german", "qa_table_cn_ru_trade_1992_2007"):  # fmt: skip
        assert sources.loc[sid, "fact_use"] == "exhibit_only", sid
    assert sources.loc["kremlin_2022_joint_statement", "fact_use"] == "fact"


def test_events_are_typed_sorted_and_in_range():
    events = load_events()
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert events["date"].is_monotonic_increasing
    assert events["date"].min() >= pd.Timestamp("1914-01-01")
    assert events["date"].max() <= pd.Timestamp("2025-12-31")
    statement = events.set_index("event_id").loc["joint_statement_2022"]
    assert statement["date"] == pd.Timestamp("2022-02-04")
    assert statement["actors"] == ["CHN", "RUS"]
    assert "kremlin_2022_joint_statement" in statement["source_id"]


def test_event_end_dates_are_not_before_start_dates():
    events = load_events().dropna(subset=["end_date"])
    assert len(events) >= 5
    assert (events["end_date"] >= events["date"]).all()


def test_fact_check_dates_used_by_the_lessons():
    dates = load_events().set_index("event_id")["date"]
    # the commentary's "Democracy Summit in October 2021" was held 9-10 December 2021
    assert dates["summit_for_democracy_2021"] == pd.Timestamp("2021-12-09")
    # "25 months earlier, in Brazil": Brasilia, 13-14 Nov 2019, about 26.7 months before
    gap = (dates["joint_statement_2022"] - dates["brics_brasilia_2019"]).days
    assert gap == 814 and round(gap / 30.4375, 1) == 26.7


def test_phases_are_contiguous_and_ordered():
    phases = load_phases()
    assert list(phases["phase"]) == ["alliance", "split", "normalization", "partnership"]
    assert (phases["start"].iloc[1:].values == phases["end"].iloc[:-1].values).all()
    assert phases["start"].min() == pd.Timestamp("1949-10-01")
    assert phases["end"].max() == pd.Timestamp("2022-02-04")


def test_every_row_is_sourced_with_known_ids():
    known = set(load_sources()["source_id"])
    for frame in (load_events(), load_phases()):
        for ids in frame["source_id"]:
            assert ids, "a row without a source"
            assert set(ids) <= known


def test_loads_are_cached_and_return_copies():
    first = load_events()
    first.loc[0, "title"] = "changed by a student"
    del first["description"]
    again = load_events()
    assert again.loc[0, "title"] != "changed by a student"
    assert "description" in again.columns


def test_files_are_found_from_any_working_directory(tmp_path):
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        assert len(load_phases()) == 4
    finally:
        os.chdir(here)


def test_a_changed_file_is_reloaded(corrupt):
    path = corrupt("relations_phases.csv", lambda t: t.replace("Strategic partnership", "Entente"))
    assert "Entente" in set(load_phases(path)["label"])
    path.write_text(path.read_text().replace("Entente", "Concert"))
    assert "Concert" in set(load_phases(path)["label"])


def test_source_label_names_publisher_and_year():
    assert source_label(["tass_2022_trade_target"]) == "TASS 2022"
    both = source_label(["worldjpn_1950_treaty", "worldjpn_2001_treaty"])
    assert both == "GRIPS World and Japan database 1950; GRIPS World and Japan database 2001"
    with pytest.raises(ValueError, match="unknown source_id 'nope'"):
        source_label("nope")


def test_every_schema_file_exists_and_loads():
    import importlib

    import helpers

    loaders = {}
    for topic in ("core.sources", *(f"{t}.data" for t in helpers.TOPICS), "trade.energy_data"):
        module = importlib.import_module(f"helpers.{topic}")
        loaders |= {n: getattr(module, n) for n in module.__all__ if n.startswith("load_")}
    loaded = set()
    for loader in loaders.values():
        result = loader()  # a table, a tuple of tables, or the commentary's record
        parts = result if isinstance(result, tuple) else (result,)
        for part in parts:
            assert part is not None
            if hasattr(part, "__len__"):
                assert len(part) > 0, f"{loader.__name__} returned nothing"
        loaded.add(loader.__name__)
    assert {"load_sources", "load_events", "load_phases", "load_claims", "load_hindsight"} <= loaded
    assert set(all_schemas()) == {p.name for p in DATA.glob("*.csv")}
