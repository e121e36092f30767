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
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from s4_audit_sample import (  # noqa: E402 - session 4's population, keys and writer
    MIN_PER_FILE,
    MIN_ROWS,
    citing_resources,
    row_key,
    schema_cols,
)
from s4_audit_sample import main as write_sample  # noqa: E402

SEED = 20261203
SIZE = 50
CAPS = {"trade_partners.csv": 4}
DATA = Path(__file__).resolve().parents[2] / "data"
OUT = Path(__file__).with_name("s5_audit.csv")
DONE = Path(__file__).with_name("s4_audit.csv")


def bare_key(key):
    """The row key without its "(row N)" index."""
    return re.sub(r" \(row \d+\)$", "", key)


def audited():
    """(file, key) pairs already audited in session 4."""
    with open(DONE, encoding="utf-8", newline="") as fh:
        return {(r["file"], bare_key(r["row_key"])) for r in csv.DictReader(fh)}


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


if __name__ == "__main__":
    write_sample(draw(), OUT)
