"""The package's layout: one room per lesson, imports flowing one way, no cycles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support import ROOT

import helpers

PACKAGE = ROOT / "helpers"
#: The layers, lowest first: a module may import only from its own layer or a lower one.
LAYERS = {"core": 0, "relations": 1, "ledger": 2, "triangle": 2, "trade": 2, "alliances": 2,
          "argument": 3}  # fmt: skip
FILES = {"data", "model", "charts", "widgets", "checks"}
PLOTTING = ("matplotlib", "ipywidgets", "IPython", "helpers.core.layout", "helpers.core.style")


def _imports(path: Path) -> set[str]:
    """The helpers modules a file imports (static imports only, at any depth)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def _module(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_topic_is_a_subpackage_with_the_same_files():
    for topic in helpers.TOPICS:
        files = {p.stem for p in (PACKAGE / topic).glob("*.py")} - {"__init__"}
        assert "data" in files and "checks" in files, topic
        extra = files - FILES
        for name in extra:  # a split of data or model is named by its job
            split = name.endswith(("_data", "_charts", "_checks"))
            assert split or name in ("cascade", "history", "moves"), name
    assert not [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_flow_one_way(name):
    layer = LAYERS[name.split(".")[1]] if name.count(".") >= 1 else None
    if layer is None:
        return
    for imported in _imports(MODULES[name]):
        parts = imported.split(".")
        if parts[0] != "helpers" or len(parts) < 2 or parts[1] not in LAYERS:
            continue
        assert LAYERS[parts[1]] <= layer, f"{name} imports {imported}: imports flow core <- topics"


@pytest.mark.parametrize(
    "name", sorted(n for n in MODULES if n.endswith((".model", ".cascade", ".history", ".moves")))
)
def test_models_import_no_plotting_widgets_or_feedback(name):
    for imported in _imports(MODULES[name]):
        assert not imported.startswith(PLOTTING), f"{name} imports {imported}"
        assert "feedback" not in imported, f"{name} imports {imported}: feedback goes in checks"


def test_no_import_cycles():
    graph = {
        name: {m for m in _imports(path) if m in MODULES and m != name}
        for name, path in MODULES.items()
    }
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [])


def test_modules_stay_small():
    for name, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 400, f"{name} has {lines} lines: split it by job"


def test_the_layer_test_catches_a_wrong_import(tmp_path):
    bad = tmp_path / "x.py"
    bad.write_text("from helpers.argument.model import scorecard\n")
    assert "helpers.argument.model" in _imports(bad)
