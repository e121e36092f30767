"""Generate the data-quality table of data/README.md from the data files and data/sources.csv.

    python scripts/data_quality.py --write   # rewrite the table between its markers
    python scripts/data_quality.py --check   # exit 1 if the table is out of date (tests)

Per data file: its rows, the rows by the highest tier among their sources that may carry a fact
(``fact_use = fact``), the rows whose sources are all ``exhibit_only``, and the rows by confidence
where the file has a ``confidence`` column. The columns that cite sources are read from
data/datapackage.json (fields with ``"x-references": {"resource": "sources", ...}``). Plain
``csv``/``json`` reading, so that the table does not depend on the loaders it reports on.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from project import DATA, write_check_parser, write_or_check

README = DATA / "README.md"
START, END = "<!-- quality:start -->", "<!-- quality:end -->"
TIERS = ("primary", "official_statistics", "dataset", "scholarship", "news_agency", "other")
CONFIDENCE = ("high", "medium", "low")
EXHIBIT = "exhibit_only"
Sources = dict[str, dict[str, str]]  # a sources.csv row, by source_id


@dataclass
class FileQuality:
    """The counts of one data file."""

    name: str
    rows: int = 0
    by_tier: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TIERS, 0))
    exhibit_only: int = 0
    by_confidence: dict[str, int] | None = None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_sources(data: Path = DATA) -> Sources:
    """Every source's row of sources.csv, by source_id."""
    return {row["source_id"]: row for row in _read_csv(data / "sources.csv")}


def source_fields(resource: dict) -> list[tuple[str, str]]:
    """The (column, delimiter) pairs of a resource whose values are ids in sources.csv."""
    found = []
    for f in resource.get("schema", {}).get("fields", []):
        ref = f.get("x-references") or {}
        if ref.get("resource") == "sources":
            found.append((f["name"], f.get("delimiter", ";") if f.get("type") == "list" else ""))
    return found


def row_sources(row: dict[str, str], columns: list[tuple[str, str]]) -> list[str]:
    """The source ids a row cites, in all its source columns (duplicates removed, order kept)."""
    ids: list[str] = []
    for name, delimiter in columns:
        cell = row.get(name) or ""
        for item in cell.split(delimiter) if delimiter else [cell]:
            item = item.strip()
            if item and item not in ids:
                ids.append(item)
    return ids


def highest_tier(ids: list[str], sources: Sources) -> str | None:
    """The highest tier among the sources that may carry a fact; None if there is none."""
    tiers = [sources[i]["tier"] for i in ids if sources[i]["fact_use"] != EXHIBIT]
    return min(tiers, key=TIERS.index) if tiers else None


def file_quality(resource: dict, sources: Sources, data: Path = DATA) -> FileQuality:
    """Count one resource's rows by tier, exhibit-only sourcing and confidence."""
    columns = source_fields(resource)
    names = [f["name"] for f in resource["schema"]["fields"]]
    result = FileQuality(resource["path"])
    if "confidence" in names:
        result.by_confidence = dict.fromkeys(CONFIDENCE, 0)
    for line, row in enumerate(_read_csv(data / resource["path"]), start=2):
        result.rows += 1
        ids = row_sources(row, columns)
        unknown = [i for i in ids if i not in sources]
        if unknown or not ids:
            problem = f"unknown source_id {unknown[0]!r}" if unknown else "no source_id"
            raise SystemExit(f"data/{resource['path']} row {line}: {problem}")
        tier = highest_tier(ids, sources)
        if tier is None:
            result.exhibit_only += 1
        else:
            result.by_tier[tier] += 1
        if result.by_confidence is not None:
            level = (row.get("confidence") or "").strip()
            if level in result.by_confidence:
                result.by_confidence[level] += 1
    return result


def quality(package: dict, data: Path = DATA) -> list[FileQuality]:
    """The counts of every data file that cites sources, in the package's order."""
    sources = load_sources(data)
    return [file_quality(res, sources, data) for res in package["resources"]
            if res["name"] != "sources" and source_fields(res)]  # fmt: skip


def _line(q: FileQuality, label: str | None = None) -> str:
    """One markdown table row: file, rows, tiers, exhibit only, confidence (– if none)."""
    conf = [str(q.by_confidence[c]) if q.by_confidence is not None else "–" for c in CONFIDENCE]
    tiers = [str(q.by_tier[t]) for t in TIERS]
    cells = [label or f"`{q.name}`", str(q.rows), *tiers, str(q.exhibit_only), *conf]
    return "| " + " | ".join(cells) + " |"


def table(package: dict, data: Path = DATA) -> str:
    """The generated markdown: rows by tier and confidence per file, then sources by tier."""
    files = quality(package, data)
    head = ["file", "rows", *TIERS, "exhibit only", *CONFIDENCE]
    out = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    total = FileQuality("all files")
    total.by_confidence = dict.fromkeys(CONFIDENCE, 0)
    for q in files:
        out.append(_line(q))
        total.rows += q.rows
        total.exhibit_only += q.exhibit_only
        for t in TIERS:
            total.by_tier[t] += q.by_tier[t]
        for c in CONFIDENCE:
            total.by_confidence[c] += (q.by_confidence or {}).get(c, 0)
    out.append(_line(total, "**all files**"))

    sources = load_sources(data)
    out += ["", "| tier | sources | of which exhibit only |", "|---|---:|---:|"]
    for t in TIERS:
        rows = [s for s in sources.values() if s["tier"] == t]
        out.append(f"| `{t}` | {len(rows)} | {sum(s['fact_use'] == EXHIBIT for s in rows)} |")
    exhibits = sum(s["fact_use"] == EXHIBIT for s in sources.values())
    out.append(f"| **all** | {len(sources)} | {exhibits} |")
    return "\n".join(out)


def render(text: str, package: dict, data: Path = DATA) -> str:
    """README text with the generated block replaced."""
    pattern = re.compile(rf"({re.escape(START)}\n).*?({re.escape(END)})", re.S)
    if not pattern.search(text):
        raise SystemExit(f"data/README.md has no {START} ... {END} block")
    return pattern.sub(lambda m: m.group(1) + table(package, data) + "\n" + m.group(2), text)


def main(argv: list[str] | None = None) -> int:
    args = write_check_parser(__doc__).parse_args(argv)
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    wanted = render(README.read_text(encoding="utf-8"), package)
    what = "data/README.md's data-quality table"
    return write_or_check(README, wanted, write=args.write, what=what, command="make dictionary")


if __name__ == "__main__":
    sys.exit(main())
