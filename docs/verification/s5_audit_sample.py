"""Draw the session-5 audit sample of data rows (reproducible).

A second independent blind audit (issue 14). Population: every row of every
data/*.csv file with a column that references data/sources.csv (declared in
data/datapackage.json by "x-references" to the resource "sources"), EXCLUDING
every row already audited in docs/verification/s4_audit.csv (matched by its key,
without the "(row N)" index, since rows may have moved since session 4).

Design (seed 20261203, random.Random):
1. every such file with 10 or more rows gives 2 rows, drawn without replacement
   (files in name order);
2. the rest of the 50 rows are drawn uniformly from all remaining rows of all
   citing files, but trade_partners.csv is capped at 4 rows in all (session 4's
   uniform draw gave it 9 of 45): the remaining rows are shuffled once and taken
   in that order, skipping trade_partners.csv rows once the cap is reached.

Run from the repository root:  python docs/verification/s5_audit_sample.py
Writes docs/verification/s5_audit.csv with empty verdict columns only if the file
does not exist yet (so the audit results are never overwritten); prints the sample.
"""

import csv
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261203
SIZE = 50
MIN_PER_FILE = 2
MIN_ROWS = 10
CAPS = {"trade_partners.csv": 4}
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
OUT = Path(__file__).with_name("s5_audit.csv")
DONE = Path(__file__).with_name("s4_audit.csv")
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


def bare_key(key):
    """The row key without its "(row N)" index."""
    return re.sub(r" \(row \d+\)$", "", key)


def audited():
    """(file, key) pairs already audited in session 4."""
    with open(DONE, encoding="utf-8", newline="") as fh:
        return {(r["file"], bare_key(r["row_key"])) for r in csv.DictReader(fh)}


def citing_resources():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    found = []
    for res in package["resources"]:
        fields = res.get("schema", {}).get("fields", [])
        cols = [f["name"] for f in fields if f.get("x-references", {}).get("resource") == "sources"]
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
    done = audited()
    population = {}
    for path, name, schema, cols in citing_resources():
        with open(DATA / path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        eligible = [
            i
            for i, row in enumerate(rows)
            if (path, bare_key(row_key(name, schema, row, i + 1))) not in done
        ]
        population[path] = (name, schema, cols, rows, eligible)
    chosen = []  # (path, index)
    for path in sorted(population):
        rows, eligible = population[path][3], population[path][4]
        if len(rows) >= MIN_ROWS:
            for i in sorted(rng.sample(eligible, MIN_PER_FILE)):
                chosen.append((path, i))
    taken = set(chosen)
    rest = [
        (path, i)
        for path in sorted(population)
        for i in population[path][4]
        if (path, i) not in taken
    ]
    rng.shuffle(rest)
    counts = {}
    for path, _ in chosen:
        counts[path] = counts.get(path, 0) + 1
    for path, i in rest:
        if len(chosen) == SIZE:
            break
        if counts.get(path, 0) >= CAPS.get(path, SIZE):
            continue
        chosen.append((path, i))
        counts[path] = counts.get(path, 0) + 1
    out = []
    for path, i in sorted(chosen):
        name, schema, cols, rows, _ = population[path]
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


def main():
    sample = draw()
    for s in sample:
        print(s["file"], s["row_key"], s["sources"], sep="\t")
    if not OUT.exists() or "--write" in sys.argv:
        with open(OUT, "w", encoding="utf-8", newline="") as fh:
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
