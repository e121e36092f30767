"""The data agrees with itself: splits and totals, growth in notes, hindsight dates, quotations.

Splits may miss their totals by the project's documented tolerance (rounding in the sources,
``helpers.core.rules.split_tolerance``). These read the CSV files directly, not through the
loaders (whose own row checks are tested in tests/core/test_bad_input.py), so a rule that a
loader stopped enforcing is still caught here.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_quotations import misquoted  # noqa: E402

from helpers.core.rules import split_tolerance  # noqa: E402

STATEMENT = "2022-02-04"
#: file -> (series key columns, total, (part, part)), for yearly trade files
TRADE_FILES = {
    "china_russia_trade.csv": (
        ("series",),
        "total_usd_bn",
        ("china_exports_to_russia_usd_bn", "russia_exports_to_china_usd_bn"),
    ),
    "total_trade.csv": (
        ("country", "reporter"),
        "total_usd_bn",
        ("exports_usd_bn", "imports_usd_bn"),
    ),
    "triangle_trade.csv": (
        ("partner", "reporter"),
        "total_usd_bn",
        ("us_exports_usd_bn", "us_imports_usd_bn"),
    ),
}
#: a note that opens with a growth rate: "+39.9% on 1999", "-6.9% in dollars", "+2.2%."
GROWTH = re.compile(r"^([+\-−]\d+(?:\.\d+)?)\s?%(?: in dollars)?(?: on (\d{4}))?")
#: growth rates are released against the previous year's revised figure, which the file may not
#: hold: allow this much beyond the rounding of the rate shown (percentage points)
REVISION_PP = 0.6


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _preferred(row: dict[str, str]) -> bool:
    return row.get("preferred", "true") == "true"


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


@pytest.mark.parametrize("name", sorted(TRADE_FILES))
def test_parts_add_up_to_their_totals_within_rounding(name):
    _, total, parts = TRADE_FILES[name]
    bad = []
    for line, row in enumerate(rows(name), start=2):
        if not (row[total] and all(row[p] for p in parts)):
            continue
        gap = abs(sum(float(row[p]) for p in parts) - float(row[total]))
        if gap > split_tolerance(float(row[total])) + 1e-9:
            bad.append(f"{name} line {line}: parts sum to {gap:.3f} away from the total")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", sorted(TRADE_FILES))
def test_growth_quoted_in_notes_matches_the_figures(name):
    key, total, _ = TRADE_FILES[name]
    table = [r for r in rows(name) if _preferred(r)]
    series = {id(r): tuple(r.get(k) for k in key) for r in table}
    level = {(series[id(r)], int(r["year"])): float(r[total]) for r in table if r[total]}
    checked, bad = 0, []
    for row in table:
        match = GROWTH.match(row["note"])
        if not match or not row[total]:
            continue
        year = int(row["year"])
        base = int(match.group(2)) if match.group(2) else year - 1
        if (series[id(row)], base) not in level:
            continue
        quoted = float(match.group(1).replace("−", "-"))
        actual = (level[(series[id(row)], year)] / level[(series[id(row)], base)] - 1) * 100
        checked += 1
        if abs(actual - quoted) > 0.5 * 10.0 ** -_decimals(match.group(1)) + REVISION_PP:
            bad.append(
                f"{name} {year}: note says {quoted:+g}% on {base}, figures give {actual:+.1f}%"
            )
    assert not bad, "\n".join(bad)
    if name == "china_russia_trade.csv":
        assert checked >= 10, checked


def test_the_growth_check_catches_a_wrong_rate():
    assert GROWTH.match("+39.9% on 1999.").groups() == ("+39.9", "1999")
    assert GROWTH.match("-6.9% in dollars (-6.5% in yuan)").group(1) == "-6.9"
    assert GROWTH.match("Computed here: +37%") is None


@pytest.mark.parametrize(
    ("name", "key"),
    [("hindsight.csv", "hindsight_id"), ("settlement_currency_claims.csv", "claim_id")],
)
def test_every_hindsight_row_is_dated_after_the_statement(name, key):
    early = [r[key] for r in rows(name) if r["date"] <= STATEMENT]
    assert not early, f"{name}: {early} are hindsight rows dated on or before 4 Feb 2022"


@pytest.mark.parametrize("name", sorted(TRADE_FILES) + ["energy_gas.csv", "energy_crude.csv"])
def test_yearly_figures_from_2022_on_are_marked_hindsight(name):
    unmarked = [
        r["year"] for r in rows(name) if int(r["year"]) >= 2022 and "indsight" not in r["note"]
    ]
    assert not unmarked, f"{name}: years {unmarked} are after 4 Feb 2022 but not marked hindsight"


def test_events_after_the_statement_are_marked_hindsight():
    unmarked = [
        r["event_id"]
        for r in rows("events.csv")
        if r["date"] > STATEMENT and "indsight" not in (r["description"] + r["title"])
    ]
    assert not unmarked, unmarked


def test_each_quotation_cites_the_text_it_quotes():
    """A passage is quoted from a primary text, or is attributed to the agency that wrote it."""
    sources = {r["source_id"]: r for r in rows("sources.csv")}
    bad = []
    for row in rows("democracy_passages.csv"):
        cited = [sources[s] for s in row["source_id"].split(";")]
        if any(s["tier"] == "primary" for s in cited):
            continue
        writers = {s["publisher"] for s in cited} | {s["author"] for s in cited}
        if not any(w and w.split()[0] in row["speaker"] for w in writers):
            bad.append(
                f"{row['passage_id']}: cites no primary text and is not attributed to its writer"
            )
    assert not bad, bad


def test_the_commentary_passages_are_verbatim():
    checked = 0
    for row in rows("democracy_passages.csv"):
        if row["source_id"] == "yu_bin_2022_pacnet8" and row["paragraph"]:
            assert misquoted(row["quotation"], int(row["paragraph"])) == [], row["passage_id"]
            checked += 1
    assert checked >= 2
