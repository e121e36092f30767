"""What the loaders cache (schemas, cited keys, source labels); how a kernel frees figures."""

from __future__ import annotations

import gc
import json
import weakref

import pytest

from helpers.core import schema, style, tables
from helpers.core.schema import DATA_DIR, DataError, Schema, resource_schema
from helpers.core.sources import SOURCES, load_sources, source_label, source_url
from helpers.core.tables import load_table


def test_a_schema_is_parsed_once_per_change_of_the_descriptor(tmp_path, monkeypatch):
    assert Schema("events").fields is Schema("events").fields
    package = json.loads(schema.PACKAGE_FILE.read_text(encoding="utf-8"))
    for res in package["resources"]:
        if res["name"] == "events":
            res["schema"]["fields"][0]["description"] = "changed for the test"
    copy = tmp_path / "datapackage.json"
    copy.write_text(json.dumps(package), encoding="utf-8")
    monkeypatch.setattr(schema, "PACKAGE_FILE", copy)
    assert Schema("events").fields[0].description == "changed for the test"


def test_a_cited_file_is_read_once_and_again_when_it_changes(tmp_path, monkeypatch):
    sources = tmp_path / "sources.csv"
    sources.write_bytes((DATA_DIR / "sources.csv").read_bytes())
    reads = []
    original = tables.read_rows
    monkeypatch.setattr(
        tables, "read_rows", lambda path, shown: reads.append(path) or original(path, shown)
    )
    for _ in range(3):
        load_table(resource_schema("events"), references={"sources": sources})
        load_table(resource_schema("relations_phases"), references={"sources": sources})
    assert reads.count(sources) == 1
    cited = load_table(resource_schema("events"))["source_id"].explode().iloc[0]
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(cited + ",")]
    sources.write_text("".join(kept), encoding="utf-8")
    with pytest.raises(DataError, match=f"unknown source_id '{cited}'"):
        load_table(resource_schema("events"), references={"sources": sources})


def test_a_source_without_a_publisher_is_cited_by_its_author():
    frame = load_sources()
    no_publisher = frame[frame["publisher"].isna() | (frame["publisher"] == "")]
    assert len(no_publisher), "the test needs a source with a blank publisher"
    for row in no_publisher.head(5).itertuples():
        label = source_label(row.source_id)
        assert label.startswith(str(row.author)) and "nan" not in label


def test_source_url_gives_each_sources_url_or_nothing():
    frame = load_table(SOURCES)
    for row in frame.itertuples():
        assert source_url(row.source_id) == (row.url if isinstance(row.url, str) else "")
    with pytest.raises(ValueError, match="unknown source_id 'no_such_source'"):
        source_url("no_such_source")


def test_outside_a_notebook_use_style_leaves_the_garbage_collector_alone():
    frozen = gc.get_freeze_count()
    style.use_style()
    assert gc.get_freeze_count() == frozen
    assert not style._HOOKED


class _Shell:
    """As much of an IPython kernel shell as _free_closed_figures uses."""

    kernel = object()

    def __init__(self) -> None:
        self.hooks = []
        self.events = self

    def register(self, event, hook) -> None:
        self.hooks.append((event, hook))


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_in_a_kernel_a_cell_that_made_garbage_cycles_has_them_collected(monkeypatch):
    shell = _Shell()
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    monkeypatch.setattr(style, "_HOOKED", [])
    try:
        style._free_closed_figures()
        style._free_closed_figures()  # a second use_style() adds no second hook
        assert [event for event, _ in shell.hooks] == ["post_execute"]
        assert gc.get_freeze_count() > 0
        hook = shell.hooks[0][1]
        threshold = gc.get_threshold()
        gc.disable()
        try:
            garbage = _Cycle()
            alive = weakref.ref(garbage)
            del garbage
            hook()  # no collection has run since: nothing is scanned
            assert alive() is not None
            gc.collect(1)  # as a cell making many objects would start
            hook()
            assert alive() is None
        finally:
            gc.enable()
            gc.set_threshold(*threshold)
    finally:
        gc.unfreeze()
