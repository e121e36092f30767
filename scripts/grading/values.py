"""A strict serializer for answer values: exact types only, nothing pickled.

``encode`` runs inside the sandbox (student code could tamper with it, so it is not trusted);
``decode`` runs in the evaluator and is the trust boundary: it accepts only the shapes below and
rebuilds plain values, so no object of the student's making (a value that "equals anything",
a patched ``__eq__``) ever reaches a test.

Supported: None, bool, int, float, str, list, tuple, set, frozenset, dict, numpy scalars and
1-d arrays of numbers/bools/strings, pandas Series / DataFrame / Index of those, matplotlib
Axes (as their title, labels, lines, texts and legend) and modules of an allowed list.
"""

from __future__ import annotations

MAX_DEPTH = 12
MAX_ITEMS = 200_000
MODULES = ("helpers", "numbers", "math", "numpy", "pandas", "matplotlib")
NP_SCALARS = ("float64", "float32", "int64", "int32", "int16", "int8", "uint8", "uint64", "bool")


class Unsupported(Exception):
    pass


class Opaque:
    """Stands for a value of a type the serializer does not carry: it equals only itself."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<a value the grader cannot read>"


# --- encode (inside the sandbox) ------------------------------------------------------------
def encode(value, depth: int = 0, budget: list | None = None):
    budget = budget if budget is not None else [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise Unsupported("too large or too deep")
    t = type(value)
    if value is None or t is bool or t is str:
        return {"t": "v", "v": value}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if t is int:
        return {"t": "int", "v": str(value)} if abs(value) > 2**53 else {"t": "v", "v": value}
    if t is float:
        return {"t": "float", "v": repr(value)}
    if t in (list, tuple, set, frozenset):
        items = sorted(value, key=repr) if t in (set, frozenset) else value
        return {"t": t.__name__, "v": [encode(v, depth + 1, budget) for v in items]}
    if t is dict:
        return {
            "t": "dict",
            "v": [
                [encode(k, depth + 1, budget), encode(v, depth + 1, budget)]
                for k, v in value.items()
            ],
        }
    mod = t.__module__ or ""
    if mod == "numpy" and t.__name__ in NP_SCALARS:
        return {"t": "np", "d": t.__name__, "v": encode(value.item(), depth + 1, budget)}
    if mod == "numpy" and t.__name__ == "ndarray":
        if value.ndim != 1 or value.size > MAX_ITEMS:
            raise Unsupported("ndarray")
        return {
            "t": "ndarray",
            "d": str(value.dtype),
            "v": encode(value.tolist(), depth + 1, budget),
        }
    if t.__name__ == "module":
        name = value.__name__
        if name.split(".")[0] in MODULES:
            return {"t": "module", "v": name}
        raise Unsupported("module")
    if mod.startswith("pandas") and t.__name__ in ("Series", "Index", "RangeIndex"):
        return _series(value, depth, budget)
    if mod.startswith("pandas") and t.__name__ == "DataFrame":
        cols = [encode(c, depth + 1, budget) for c in value.columns]
        data = [_series(value.iloc[:, i], depth + 1, budget) for i in range(value.shape[1])]
        index = _series(value.index, depth + 1, budget)
        return {"t": "DataFrame", "c": cols, "v": data, "i": index}
    if mod.startswith("matplotlib") and hasattr(value, "get_lines") and hasattr(value, "get_title"):
        return _axes(value, depth, budget)
    raise Unsupported(f"{mod}.{t.__name__}")


def _plain(x):
    """A numpy/pandas element as a plain Python value (strings for anything exotic)."""
    if hasattr(x, "item") and type(x).__module__ == "numpy":
        x = x.item()
    if x is None or type(x) in (bool, int, float, str):
        return x
    if type(x).__name__ in ("NAType", "NaTType"):
        return None
    return str(x)


def _series(s, depth, budget):
    budget[0] -= len(s)
    if budget[0] < 0:
        raise Unsupported("too large")
    kind = "Index" if "Index" in type(s).__name__ else "Series"
    out = {
        "t": kind,
        "d": str(s.dtype),
        "v": encode([_plain(x) for x in s.tolist()], depth + 1, budget),
    }
    out["n"] = encode(_plain(s.name), depth + 1, budget)
    if kind == "Series":
        out["i"] = _series(s.index, depth + 1, budget)
    return out


def _axes(ax, depth, budget):
    lines = []
    for line in ax.get_lines():
        lines.append(
            {
                "x": encode([_plain(x) for x in list(line.get_xdata())], depth + 1, budget),
                "y": encode([_plain(y) for y in list(line.get_ydata())], depth + 1, budget),
                "label": str(line.get_label()),
            }
        )
    legend = ax.get_legend()
    return {
        "t": "Axes",
        "titles": {loc: str(ax.get_title(loc)) for loc in ("left", "center", "right")},
        "xlabel": str(ax.get_xlabel()),
        "ylabel": str(ax.get_ylabel()),
        "lines": lines,
        "texts": [[str(t.get_text()), *map(float, t.get_position())] for t in ax.texts],
        "legend": None if legend is None else [str(t.get_text()) for t in legend.get_texts()],
    }


# --- decode (in the evaluator: the trust boundary) ------------------------------------------
def _str(x) -> str:
    if type(x) is not str:
        raise Unsupported("expected a string")
    return x


def decode(obj, depth: int = 0):
    if type(obj) is not dict or depth > MAX_DEPTH + 4:
        raise Unsupported("bad record")
    t, v = obj.get("t"), obj.get("v")
    if t == "v":
        if v is None or type(v) in (bool, int, str):
            return v
        if type(v) is float:
            return v
        raise Unsupported("bad plain value")
    if t == "int":
        return int(_str(v)[:400])
    if t == "ellipsis":
        return Ellipsis
    if t == "unsupported":
        return Opaque()
    if t == "float":
        return float(_str(v))
    if t in ("list", "tuple", "set", "frozenset"):
        if type(v) is not list:
            raise Unsupported("bad sequence")
        items = [decode(x, depth + 1) for x in v]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[t](items)
    if t == "dict":
        if type(v) is not list or not all(type(p) is list and len(p) == 2 for p in v):
            raise Unsupported("bad dict")
        return {decode(k, depth + 1): decode(x, depth + 1) for k, x in v}
    if t == "np":
        import numpy as np

        if obj.get("d") not in NP_SCALARS:
            raise Unsupported("bad numpy scalar")
        inner = decode(v, depth + 1)
        if type(inner) not in (bool, int, float):
            raise Unsupported("bad numpy scalar")
        return getattr(np, "bool_" if obj["d"] == "bool" else obj["d"])(inner)
    if t == "ndarray":
        import numpy as np

        return np.array(_elements(v, depth), dtype=_dtype(obj.get("d")))
    if t == "module":
        import importlib

        name = _str(v)
        if name.split(".")[0] not in MODULES or not all(p.isidentifier() for p in name.split(".")):
            raise Unsupported("module not allowed")
        return importlib.import_module(name)
    if t in ("Series", "Index"):
        return _decode_series(obj, depth)
    if t == "DataFrame":
        import pandas as pd

        cols = [decode(c, depth + 1) for c in _list(obj.get("c"))]
        data = [_decode_series(s, depth + 1) for s in _list(v)]
        if len(cols) != len(data):
            raise Unsupported("bad DataFrame")
        index = _decode_series(obj.get("i"), depth + 1)
        frame = (
            pd.concat([s.reset_index(drop=True) for s in data], axis=1)
            if data
            else pd.DataFrame(index=range(len(index)))
        )
        frame.columns = cols
        frame.index = index
        return frame
    if t == "Axes":
        return _decode_axes(obj, depth)
    raise Unsupported(f"unknown type {t!r}")


def _list(x) -> list:
    if type(x) is not list:
        raise Unsupported("expected a list")
    return x


def _elements(v, depth):
    items = decode(v, depth + 1)
    if type(items) is not list or not all(
        x is None or type(x) in (bool, int, float, str) for x in items
    ):
        raise Unsupported("bad elements")
    return items


def _dtype(d):
    d = _str(d)
    if len(d) > 40 or not all(c.isalnum() or c in "[]_, :" for c in d):
        raise Unsupported("bad dtype")
    return d


def _decode_series(obj, depth):
    import pandas as pd

    if type(obj) is not dict or obj.get("t") not in ("Series", "Index"):
        raise Unsupported("bad Series")
    items = _elements(obj.get("v"), depth)
    dtype = _dtype(obj.get("d"))
    name = decode(obj.get("n"), depth + 1)
    try:
        made = (
            pd.Index(items, dtype=dtype, name=name)
            if obj["t"] == "Index"
            else pd.Series(items, dtype=dtype, name=name)
        )
    except (TypeError, ValueError):
        made = pd.Index(items, name=name) if obj["t"] == "Index" else pd.Series(items, name=name)
    if obj["t"] == "Series":
        made.index = _decode_series(obj.get("i"), depth + 1)
    return made


def _decode_axes(obj, depth):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    titles = obj.get("titles")
    if type(titles) is not dict:
        raise Unsupported("bad Axes")
    for loc in ("left", "center", "right"):
        ax.set_title(_str(titles.get(loc, "")), loc=loc)
    ax.set_xlabel(_str(obj.get("xlabel")))
    ax.set_ylabel(_str(obj.get("ylabel")))
    for line in _list(obj.get("lines")):
        if type(line) is not dict:
            raise Unsupported("bad line")
        ax.plot(
            _elements(line.get("x"), depth),
            _elements(line.get("y"), depth),
            label=_str(line.get("label")),
        )
    for text in _list(obj.get("texts")):
        if type(text) is not list or len(text) != 3:
            raise Unsupported("bad text")
        ax.text(float(text[1]), float(text[2]), _str(text[0]))
    legend = obj.get("legend")
    if legend is not None:
        labels = [_str(x) for x in _list(legend)]
        ax.legend(ax.get_lines()[: len(labels)], labels) if ax.get_lines() else ax.legend(labels)
    return ax
