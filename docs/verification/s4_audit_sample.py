"""Draw the session-4 audit sample of data rows (reproducible).

Population: every row of every data/*.csv file with a column that references
data/sources.csv (declared in data/datapackage.json by "x-references" to the
resource "sources").

Design (seed 20261202, random.Random):
1. every such file with 10 or more rows gives 2 rows, drawn without replacement
   (files in name order);
2. the rest of the 45 rows are drawn uniformly from all remaining rows of all
   citing files, which weights files by their row count.

Run from the repository root:  python docs/verification/s4_audit_sample.py
Writes docs/verification/s4_audit.csv with empty verdict columns only if the file
does not exist yet (so the audit results are never overwritten); prints the sample.
"""

import csv
import json
import random
import sys
from pathlib import Path

SEED = 20261202
SIZE = 45
MIN_PER_FILE = 2
MIN_ROWS = 10
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
OUT = Path(__file__).with_name("s4_audit.csv")
# keys for files that declare no primaryKey
FALLBACK_KEYS = {
    "china_russia_trade": ["year", "series"],
    "triangle_trade": ["year", "partner", "reporter"],
    "trade_composition": ["year", "months", "direction", "product_group"],
    "energy_gas": ["year", "pipeline"],
    "energy_deals_2022": ["deal_id"],
}
COLUMNS = [
    "file",
    "row_key",
    "columns_checked",
    "verdict",
    "what_is_wrong",
    "correct_value",
    "source_read",
    "notes",
]


def citing_resources():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    found = []
    for res in package["resources"]:
        fields = res.get("schema", {}).get("fields", [])
        cols = [
            f["name"]
            for f in fields
            if f.get("x-references", {}).get("resource") == "sources"
        ]
        if cols:
            found.append((res["path"], res["name"], res["schema"], cols))
    return sorted(found)


def row_key(name, schema, row, index):
    keys = schema.get("primaryKey") or FALLBACK_KEYS.get(name)
    if isinstance(keys, str):
        keys = [keys]
    if not keys:
        return f"row {index}"
    return "|".join(row[k] for k in keys) + f" (row {index})"


def draw():
    rng = random.Random(SEED)
    population = {}
    for path, name, schema, cols in citing_resources():
        with open(DATA / path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        population[path] = (name, schema, cols, rows)
    chosen = []  # (path, index)
    for path in sorted(population):
        rows = population[path][3]
        if len(rows) >= MIN_ROWS:
            for i in sorted(rng.sample(range(len(rows)), MIN_PER_FILE)):
                chosen.append((path, i))
    taken = set(chosen)
    rest = [
        (path, i)
        for path in sorted(population)
        for i in range(len(population[path][3]))
        if (path, i) not in taken
    ]
    chosen += rng.sample(rest, SIZE - len(chosen))
    out = []
    for path, i in sorted(chosen):
        name, schema, cols, rows = population[path]
        row = rows[i]
        out.append(
            {
                "file": path,
                "row_key": row_key(name, schema, row, i + 1),
                "columns_checked": ";".join(schema_cols(schema)),
                "sources": ";".join(row[c] for c in cols if row.get(c)),
            }
        )
    return out


def schema_cols(schema):
    return [f["name"] for f in schema["fields"]]


def main(sample=None, out=OUT):
    """Print the sample; write ``out`` with empty verdict columns (only with --write once it
    exists). The session-5 audit (s5_audit_sample.py) calls it with its own sample."""
    sample = draw() if sample is None else sample
    for s in sample:
        print(s["file"], s["row_key"], s["sources"], sep="\t")
    if not out.exists() or "--write" in sys.argv:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, COLUMNS)
            w.writeheader()
            for s in sample:
                w.writerow(
                    {
                        "file": s["file"],
                        "row_key": s["row_key"],
                        "columns_checked": s["columns_checked"],
                        "source_read": s["sources"],
                    }
                )


if __name__ == "__main__":
    main()
