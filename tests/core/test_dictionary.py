"""data/datapackage.json is the one schema: files, loaders and data/README.md all agree with it."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys

import pytest
from support import ROOT

from helpers.core.check import all_schemas
from helpers.core.schema import DATA_DIR as DATA
from helpers.core.schema import descriptor, field_enum

README = (DATA / "README.md").read_text(encoding="utf-8")
DATA_FILES = sorted(p.name for p in DATA.glob("*.csv"))
RESOURCES = {r["path"]: r for r in descriptor()["resources"]}


@pytest.mark.parametrize("name", DATA_FILES)
def test_package_fields_match_header(name):
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    fields = [f["name"] for f in RESOURCES[name]["schema"]["fields"]]
    assert fields == header, f"{name}: datapackage.json's fields differ from the file's header"


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_csv_has_a_resource_and_a_loader(name):
    assert name in RESOURCES, f"{name} is not a resource of data/datapackage.json"
    assert name in all_schemas(), f"{name} has no loader (a topic's data.SCHEMAS)"


def test_every_field_is_described():
    for res in descriptor()["resources"]:
        for f in res.get("schema", {}).get("fields", []):
            assert f.get("description"), f"{res['name']}.{f['name']} has no description"


@pytest.mark.parametrize("name", sorted({r["path"] for r in descriptor()["resources"]}))
def test_every_resource_has_a_documented_section(name):
    match = re.search(rf"^## `{re.escape(name)}`\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"data/README.md has no section '## `{name}`'"
    for required in ("Source", "Retrieved", "Changes", "Licence"):
        assert f"**{required}" in match.group(1), f"{name}: no **{required}:** in its section"


def test_readme_tables_are_generated_and_current():
    run = subprocess.run([sys.executable, "scripts/data_dictionary.py", "--check"], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr


def test_a_hand_edited_table_is_caught(tmp_path):
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import data_dictionary

    edited = README.replace("| event_id | id |", "| event_id | str |", 1)
    assert data_dictionary.render(edited, package) != edited
    assert data_dictionary.render(README, package) == README


def test_python_constants_agree_with_the_package():
    from helpers.argument import data as argument
    from helpers.ledger import data as ledger

    assert field_enum("argument_nodes", "role") == argument.ROLES
    assert field_enum("argument_edges", "relation") == argument.RELATIONS
    assert field_enum("hindsight", "effect") == argument.EFFECTS
    assert field_enum("claims", "claim_type") == ledger.CLAIM_TYPES
    assert field_enum("claims", "check_status") == ledger.CHECK_STATUSES


def test_every_documented_file_exists():
    for name in re.findall(r"^## `([^`]+)`", README, re.M):
        assert (DATA / name).exists(), f"data/README.md documents {name}, which does not exist"
