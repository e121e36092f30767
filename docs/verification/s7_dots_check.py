"""Check every IMF DOTS cell in data/ against the DOTS download it was read from (session 7).

    git --git-dir=MIRROR show HEAD:data/DOTS/DOTS_40.xlsx  > DOTS_40.xlsx    # China's partners
    git --git-dir=MIRROR show HEAD:data/DOTS/DOTS_162.xlsx > DOTS_162.xlsx   # Russia's partners
    python docs/verification/s7_dots_check.py DOTS_40.xlsx DOTS_162.xlsx

MIRROR is a clone of github.com/SamLeBlanc/Direction-of-Trade-Map (commit a0b40af). Needs
pandas and openpyxl (3.1.5 was used); it is a one-off verification, not part of `make test`.
Each cell is the DOTS value in US$ million / 1000, rounded half-up at the cell's own precision
(float noise such as 864.4999999999998 is first rounded to six decimals). Totals are the
unrounded sum of exports and imports, rounded the same way. Prints every mismatch.
"""

from __future__ import annotations

import csv
import sys
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd


def frames(path: str) -> tuple[dict, dict]:
    sheets = pd.read_excel(path, sheet_name=None, header=None)
    out = {}
    for name, sheet in sheets.items():
        years = sheet.iloc[6].values
        table = {}
        for _, row in sheet.iloc[7:].iterrows():
            if isinstance(row[1], str):
                table[row[1].strip()] = {
                    int(y): row[j] for j, y in enumerate(years) if isinstance(y, float) and y == y
                }
        out[name] = table
    return out["Exports, FOB"], out["Imports, CIF"]


def bn(value: float, places: int) -> Decimal:
    millions = Decimal(str(round(float(value), 6)))
    return (millions / 1000).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def places(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def main(china: str, russia: str) -> int:
    dots = {"CHN": frames(china), "RUS": frames(russia)}
    bad, cells = [], 0

    def check(where, text, value):
        nonlocal cells
        if text == "" or value is None or pd.isna(value):
            return
        cells += 1
        if bn(value, places(text)) != Decimal(text):
            bad.append((*where, text, value))

    for row in csv.DictReader(open("data/trade_partners.csv", encoding="utf-8")):
        ex, im = dots[row["reporter"]]
        year, partner = int(row["year"]), row["partner"]
        check(
            ("trade_partners", year, partner, "exports"),
            row["exports_usd_bn"],
            ex.get(partner, {}).get(year),
        )
        check(
            ("trade_partners", year, partner, "imports"),
            row["imports_usd_bn"],
            im.get(partner, {}).get(year),
        )
    for row in csv.DictReader(open("data/total_trade.csv", encoding="utf-8")):
        if "imf_dots" not in row["source_id"]:
            continue
        ex, im = dots[row["country"]]
        year = int(row["year"])
        a, b = ex["World"].get(year), im["World"].get(year)
        check(("total_trade", year, row["country"], "exports"), row["exports_usd_bn"], a)
        check(("total_trade", year, row["country"], "imports"), row["imports_usd_bn"], b)
        if a is not None and b is not None and not (pd.isna(a) or pd.isna(b)):
            check(("total_trade", year, row["country"], "total"), row["total_usd_bn"], a + b)
    for row in csv.DictReader(open("data/china_russia_trade.csv", encoding="utf-8")):
        if "imf_dots" not in row["source_id"]:
            continue
        year = int(row["year"])
        if row["series"] == "china_customs":
            ex, im = dots["CHN"]
            cn, ru = ex["Russian Federation"].get(year), im["Russian Federation"].get(year)
        else:
            ex, im = dots["RUS"]
            cn, ru = im["China, P.R.: Mainland"].get(year), ex["China, P.R.: Mainland"].get(year)
        where = ("china_russia_trade", year, row["series"])
        check((*where, "china_exports"), row["china_exports_to_russia_usd_bn"], cn)
        check((*where, "russia_exports"), row["russia_exports_to_china_usd_bn"], ru)
        if cn is not None and ru is not None and not (pd.isna(cn) or pd.isna(ru)):
            check((*where, "total"), row["total_usd_bn"], cn + ru)
    for item in bad:
        print("MISMATCH", *item)
    print(f"{cells} cells checked, {len(bad)} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
