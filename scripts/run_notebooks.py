"""Execute notebooks in fresh kernels without writing them back; report errors and figures.

    python scripts/run_notebooks.py notebooks/*.ipynb
    python scripts/run_notebooks.py --inspect report.json notebooks/*.ipynb

Prints one line per notebook and exits 1 if any cell raised. With ``--inspect`` it also keeps
every matplotlib figure open and writes, per notebook, what each figure draws (colours,
markers, line styles, hatches, legend entries, texts) and every live widget's class and
description to a JSON file, for the accessibility test. Used by the offline test too (run inside
a network namespace with no interfaces but loopback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

MARK = "INSPECTION-JSON:"

KEEP_FIGURES = """
from matplotlib_inline.backend_inline import InlineBackend as _IB
_IB.instance().close_figures = False

def _cut_off(fig):
    # the visible texts that stick out of the figure, as last drawn
    renderer, box = fig.canvas.get_renderer(), fig.bbox
    every = list(fig.texts)
    for ax in fig.axes:
        every += [*ax.texts, ax.title, ax._left_title, ax._right_title]
        for axis in (ax.xaxis, ax.yaxis):  # the ticks drawn: those inside the view
            if ax.axison and axis.get_visible():
                every.append(axis.label)
                every += [t for tick in axis._update_ticks() for t in (tick.label1, tick.label2)]
        if ax.get_legend() is not None:
            every += [*ax.get_legend().get_texts(), ax.get_legend().get_title()]
    out = []
    for t in every:
        if not t.get_visible() or not t.get_text().strip():
            continue
        e = t.get_window_extent(renderer)
        if e.x0 < box.x0 - 1 or e.y0 < box.y0 - 1 or e.x1 > box.x1 + 1 or e.y1 > box.y1 + 1:
            out.append(t.get_text()[:60])
    return out

# measure each figure right after it is first shown, as the student sees it (figures kept open
# are redrawn and shown again later, which could hide a problem of the first drawing)
import matplotlib.backend_bases as _bb
_print_figure = _bb.FigureCanvasBase.print_figure

def _print_and_measure(self, *args, **kwargs):
    result = _print_figure(self, *args, **kwargs)
    if getattr(self.figure, "_cut_off", None) is None:  # the first showing only
        self.figure._cut_off = _cut_off(self.figure)
    return result

_bb.FigureCanvasBase.print_figure = _print_and_measure
"""

INSPECT = """
def _inspect():
    import json
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex
    import ipywidgets

    def hexes(colors):
        out = []
        for c in colors:
            try:
                if len(c) == 4 and c[3] == 0:
                    continue
                out.append(to_hex(c, keep_alpha=False))
            except (TypeError, ValueError):
                pass
        return out

    figures = []
    for num in plt.get_fignums():
        fig = plt.figure(num)
        texts = [t.get_text() for t in fig.texts]
        axes = []
        for ax in fig.axes:
            texts += [t.get_text() for t in ax.texts]
            texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
            lines = [{"color": hexes([l.get_color()]), "marker": str(l.get_marker()),
                      "linestyle": str(l.get_linestyle()), "label": l.get_label()}
                     for l in ax.get_lines()]
            patches = [{"color": hexes([p.get_facecolor()]), "hatch": p.get_hatch() or "",
                        "label": p.get_label()} for p in ax.patches]
            colls = [hexes(list(c.get_facecolors()) + list(c.get_edgecolors()))
                     for c in ax.collections]
            legend = ax.get_legend()
            entries = []
            if legend is not None:
                for handle, text in zip(legend.legend_handles, legend.get_texts()):
                    entry = {"label": text.get_text(), "kind": type(handle).__name__}
                    if hasattr(handle, "get_marker"):
                        entry.update(marker=str(handle.get_marker()),
                                     linestyle=str(handle.get_linestyle()),
                                     color=hexes([handle.get_color()]))
                    elif hasattr(handle, "get_hatch"):
                        entry.update(hatch=handle.get_hatch() or "",
                                     color=hexes([handle.get_facecolor()]))
                    entries.append(entry)
            title = " ".join(ax.get_title(loc) for loc in ("left", "center", "right"))
            axes.append({"lines": lines, "patches": patches, "collections": colls,
                         "legend": entries, "title": title.strip()})
        if fig._suptitle is not None:
            texts.append(fig._suptitle.get_text())
        if getattr(fig, "_cut_off", None) is None:  # never shown: draw it now
            fig.canvas.draw()
            fig._cut_off = _cut_off(fig)
        figures.append({"number": num, "texts": texts, "axes": axes, "cut_off": fig._cut_off})
    widgets = []
    for w in list(ipywidgets.Widget.widgets.values()):
        passive = (ipywidgets.HTML, ipywidgets.HTMLMath, ipywidgets.Label, ipywidgets.Image,
                   ipywidgets.Valid)
        if isinstance(w, (ipywidgets.ValueWidget, ipywidgets.Button)) and not isinstance(
            w, passive
        ):
            widgets.append({"class": type(w).__name__,
                            "description": getattr(w, "description", "") or "",
                            "tooltip": getattr(w, "tooltip", "") or "",
                            "disabled": bool(getattr(w, "disabled", False))})
    print("MARK" + json.dumps({"figures": figures, "widgets": widgets}))

_inspect()
""".replace("MARK", MARK)


def run(path: Path, inspect: bool = False) -> tuple[str | None, dict | None]:
    """Execute one notebook in its own folder; return (error summary or None, inspection)."""
    nb = nbformat.read(path, as_version=4)
    if inspect:
        code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
        if code:
            nb.cells.insert(code[0], nbformat.v4.new_code_cell(KEEP_FIGURES))
        nb.cells.append(nbformat.v4.new_code_cell(INSPECT))
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        return str(exc).strip().splitlines()[-1], None
    found = None
    if inspect:
        for out in nb.cells[-1].outputs:
            text = out.get("text", "")
            if text.startswith(MARK):
                found = json.loads(text[len(MARK) :])
    return None, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspect", metavar="JSON", help="write figure/widget inspection here")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    failed, report = 0, {}
    for name in args.notebooks:
        problem, found = run(Path(name), inspect=bool(args.inspect))
        print(f"{'FAIL' if problem else 'ok  '} {name}{': ' + problem if problem else ''}")
        failed += problem is not None
        report[Path(name).name] = found
    if args.inspect:
        Path(args.inspect).write_text(json.dumps(report, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
