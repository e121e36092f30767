"""Append CSV rows to a data file, skipping rows whose first column (the key) is already there.

Usage: python scripts/append_rows.py data/sources.csv new_rows.csv
The new file must have the same header as the target. Run it under flock when others may write.
"""

import csv
import sys
from pathlib import Path


def main(target: str, new: str) -> int:
    target_path, new_path = Path(target), Path(new)
    with target_path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, keys = rows[0], {r[0] for r in rows[1:] if r}
    with new_path.open(newline="", encoding="utf-8") as fh:
        incoming = list(csv.reader(fh))
    if incoming[0] != header:
        print(f"header differs: {incoming[0]} != {header}", file=sys.stderr)
        return 2
    added, skipped = [], []
    for row in incoming[1:]:
        if not row:
            continue
        (skipped if row[0] in keys else added).append(row)
        keys.add(row[0])
    text = target_path.read_text(encoding="utf-8")
    with target_path.open("a", newline="", encoding="utf-8") as fh:
        if text and not text.endswith("\n"):
            fh.write("\n")
        csv.writer(fh, lineterminator="\n").writerows(added)
    print(f"added {len(added)} rows; already present (skipped): {[r[0] for r in skipped]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
