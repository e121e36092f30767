"""data/README.md documents every data file, and its tables match the files and schemas."""

from __future__ import annotations

import csv
import re

import pytest

from helpers.core.schema import DATA_DIR as DATA
from helpers.relations.data import SCHEMAS

README = (DATA / "README.md").read_text(encoding="utf-8")
DATA_FILES = sorted(p.name for p in DATA.glob("*.csv"))


def dictionary(name: str) -> list[tuple[str, str, str, str]]:
    """The `| column | type | unit | description |` rows of a file's section."""
    match = re.search(rf"^## `{re.escape(name)}`\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"data/README.md has no section '## `{name}`'"
    section = match.group(1)
    for required in ("Source", "Retrieved", "Changes", "Licence"):
        assert f"**{required}" in section, f"{name}: the section does not say **{required}:**"
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and cells[0] not in ("column", "---"):
            rows.append(tuple(cells))
    return rows


@pytest.mark.parametrize("name", DATA_FILES)
def test_dictionary_matches_header(name):
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    documented = [row[0] for row in dictionary(name)]
    assert documented == header, f"{name}: dictionary columns differ from the file's header"


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_csv_has_a_schema(name):
    assert name in SCHEMAS, f"{name} has no loader schema in helpers.relations.data.SCHEMAS"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_dictionary_types_match_schema(name):
    documented = {row[0]: row[1] for row in dictionary(name)}
    for column in SCHEMAS[name].columns:
        assert documented[column.name] == column.type, f"{name}.{column.name}: type differs"


def test_every_documented_file_exists():
    for name in re.findall(r"^## `([^`]+)`", README, re.M):
        assert (DATA / name).exists(), f"data/README.md documents {name}, which does not exist"
