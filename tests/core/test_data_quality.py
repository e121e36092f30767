"""data/README.md's data-quality table is generated, current, and counts what it says it counts."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from support import ROOT

from helpers.core.schema import DATA_DIR as DATA
from helpers.core.schema import field_enum
from helpers.core.sources import TIERS

README = (DATA / "README.md").read_text(encoding="utf-8")
COLUMNS = ["rows", *TIERS, "exhibit only", "high", "medium", "low"]


def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    import data_quality

    return data_quality


def _readme_row(name: str) -> dict[str, str]:
    """The cells of one file's row in the generated table, by column heading."""
    block = README.split("<!-- quality:start -->", 1)[1].split("<!-- quality:end -->", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("|")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == f"`{name}`":
            return dict(zip(head, cells, strict=True))
    raise AssertionError(f"no row for {name} in the data-quality table")


def test_the_table_is_generated_and_current():
    run = subprocess.run([sys.executable, "scripts/data_quality.py", "--check"], cwd=ROOT,
                         capture_output=True, text=True)  # fmt: skip
    assert run.returncode == 0, run.stderr


def test_a_hand_edited_table_is_caught():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    quality = _script()
    edited = README.replace("| `events.csv` | ", "| `events.csv` | 9", 1)
    assert edited != README
    assert quality.render(edited, package) == README


def test_the_script_uses_the_packages_tiers():
    assert _script().TIERS == TIERS == field_enum("sources", "tier")
    assert field_enum("sources", "fact_use") == ("fact", "exhibit_only")


def test_counts_for_china_russia_trade_match_an_independent_count():
    with (DATA / "sources.csv").open(encoding="utf-8", newline="") as fh:
        sources = {r["source_id"]: r for r in csv.DictReader(fh)}
    with (DATA / "china_russia_trade.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = dict.fromkeys(COLUMNS, 0)
    for row in rows:
        expected["rows"] += 1
        expected[row["confidence"]] += 1
        usable = [sources[s.strip()]["tier"] for s in row["source_id"].split(";")
                  if sources[s.strip()]["fact_use"] == "fact"]  # fmt: skip
        if usable:
            expected[sorted(usable, key=TIERS.index)[0]] += 1
        else:
            expected["exhibit only"] += 1
    shown = _readme_row("china_russia_trade.csv")
    assert {c: int(shown[c]) for c in COLUMNS} == expected


def test_every_row_is_counted_once():
    block = README.split("<!-- quality:start -->", 1)[1].split("<!-- quality:end -->", 1)[0]
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if not line.startswith("| `") or not cells[0].endswith(".csv`"):
            continue
        numbers = [int(c) for c in cells[1:9]]
        assert numbers[0] == sum(numbers[1:]), cells[0]
        if cells[9] != "–":
            assert numbers[0] == sum(int(c) for c in cells[9:12]), cells[0]
