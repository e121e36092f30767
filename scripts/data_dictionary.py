"""Generate the column tables of data/README.md from data/datapackage.json (the one schema).

    python scripts/data_dictionary.py --write   # rewrite every table between its markers
    python scripts/data_dictionary.py --check   # exit 1 if a table is out of date (tests)

Each file's section keeps its hand-written prose; its table lives between
``<!-- dictionary:NAME:start -->`` and ``<!-- dictionary:NAME:end -->``.
"""

from __future__ import annotations

import json
import re
import sys

from project import DATA, write_check_parser, write_or_check

README = DATA / "README.md"
SHOWN_TYPE = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
              "list": "list"}  # fmt: skip


def _constraints(field: dict) -> str:
    cons = field.get("constraints", {})
    parts = []
    if cons.get("required"):
        parts.append("required")
    enum = field.get("x-itemEnum") or cons.get("enum")
    if enum:
        parts.append("one of: " + ", ".join(f"`{v}`" for v in enum))
    low = field.get("x-minYear", cons.get("minimum"))
    high = field.get("x-maxYear", cons.get("maximum"))
    if low is not None or high is not None:
        parts.append(
            f"from {low if low is not None else '…'} to {high if high is not None else '…'}"
        )
    refs = field.get("x-references")
    if refs:
        parts.append(f"each in `{refs['resource']}.{refs['field']}`")
    return "; ".join(parts) or "–"


def table(resource: dict) -> str:
    """The markdown table of one resource's fields."""
    schema = resource["schema"]
    refs = {fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]: fk["reference"]
            for fk in schema.get("foreignKeys", ())}  # fmt: skip
    key = schema.get("primaryKey", [])
    rows = ["| column | type | unit | constraints | description |", "|---|---|---|---|---|"]
    for f in schema["fields"]:
        kind = f.get("x-type") or SHOWN_TYPE[f["type"]]
        cons = _constraints(f)
        if f["name"] in refs:
            ref = refs[f["name"]]
            target = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
            extra = f"in `{ref['resource']}.{target}`"
            cons = extra if cons == "–" else f"{cons}; {extra}"
        if f["name"] in (key if isinstance(key, list) else [key]):
            cons = "key" if cons == "–" else f"key; {cons}"
        desc = f.get("description", "").replace("|", "\\|")
        rows.append(f"| {f['name']} | {kind} | {f.get('x-unit', '–')} | {cons} | {desc} |")
    return "\n".join(rows)


def render(text: str, package: dict) -> str:
    """README text with every generated table replaced."""
    for res in package["resources"]:
        if "schema" not in res:
            continue
        name = res["name"]
        pattern = re.compile(
            rf"(<!-- dictionary:{name}:start -->\n).*?(<!-- dictionary:{name}:end -->)", re.S
        )
        if not pattern.search(text):
            raise SystemExit(f"data/README.md has no <!-- dictionary:{name}:start --> block")
        block = table(res)
        text = pattern.sub(lambda m, t=block: m.group(1) + t + "\n" + m.group(2), text)
    return text


def main(argv: list[str] | None = None) -> int:
    args = write_check_parser(__doc__).parse_args(argv)
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    wanted = render(README.read_text(encoding="utf-8"), package)
    return write_or_check(README, wanted, write=args.write, what="data/README.md's tables",
                          command="make dictionary")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
