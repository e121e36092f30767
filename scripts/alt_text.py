"""Alt text for the lessons' charts.

python scripts/alt_text.py --copy notebooks/*.ipynb
    copy each chart cell's metadata "alt" into its image outputs' metadata (run by
    `make outputs` after executing; nbconvert's HTML export reads either place)
python scripts/alt_text.py --from-captions notebooks/01_x.ipynb
    draft: give chart cells without "alt" the text of the caption that follows them
    (edit the result: good alt text says what the chart shows, not just its title)
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

CAPTION = re.compile(r"^\*Figure \d+\.\d+ — (.+?)(?:\s+Sources?:|\*)")


def chart_cells(nb):
    """(index, cell) for code cells with a PNG output."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(
            "image/png" in out.get("data", {}) for out in cell.get("outputs", [])
        ):
            yield i, cell


def copy(nb) -> int:
    """Copy cell-level alt into image outputs; return how many outputs changed."""
    changed = 0
    for _, cell in chart_cells(nb):
        alt = cell.metadata.get("alt")
        if not alt:
            continue
        for out in cell.outputs:
            if "image/png" in out.get("data", {}):
                meta = out.setdefault("metadata", {}).setdefault("image/png", {})
                if meta.get("alt") != alt:
                    meta["alt"] = alt
                    changed += 1
    return changed


def from_captions(nb) -> int:
    """Draft missing alt text from the caption after each chart; return how many were set."""
    drafted = 0
    for i, cell in chart_cells(nb):
        if cell.metadata.get("alt") or i + 1 >= len(nb.cells):
            continue
        match = CAPTION.match(" ".join(nb.cells[i + 1].source.split()))
        if match:
            cell.metadata["alt"] = "Chart: " + " ".join(match.group(1).split()).rstrip(".*") + "."
            drafted += 1
    return drafted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--copy", action="store_true")
    mode.add_argument("--from-captions", action="store_true")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    for name in args.notebooks:
        nb = nbformat.read(name, as_version=4)
        count = copy(nb) if args.copy else from_captions(nb)
        if count:
            nbformat.write(nb, name)
        print(f"{Path(name).name}: {count} {'outputs updated' if args.copy else 'alt drafted'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
