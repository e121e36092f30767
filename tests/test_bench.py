"""The bench's own logic: a lesson's imports per cell, the floor's cells, and the one table."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "scripts") not in sys.path:
    sys.path.append(str(ROOT / "scripts"))  # after everything else: shadows nothing

bench = pytest.importorskip("bench")

pytestmark = pytest.mark.unit


def _notebook(*sources: str):
    cells = [nbformat.v4.new_markdown_cell("# A lesson")]
    cells += [nbformat.v4.new_code_cell(s) for s in sources]
    return nbformat.v4.new_notebook(cells=cells)


def test_imports_are_found_per_cell_and_use_style_follows_the_first():
    nb = _notebook(
        "import matplotlib.pyplot as plt\nimport helpers\nhelpers.use_style()\nplt.plot([1])",
        "x = 1",
        "from helpers.trade import (\n    charts,\n)\ncharts.plot()",
        "def broken(:",
    )
    found = bench.cell_imports(nb)
    assert list(found) == [1, 3]
    assert found[1] == "import matplotlib.pyplot as plt\nimport helpers\nhelpers.use_style()"
    assert found[3] == "from helpers.trade import (\n    charts,\n)"
    assert bench.import_lines(nb) == found[1] + "\n" + found[3]


def test_a_lesson_without_helpers_gets_no_use_style():
    assert bench.cell_imports(_notebook("import pandas as pd")) == {1: "import pandas as pd"}


def test_a_recorded_render_is_replayed_with_its_arguments(tmp_path, capsys):
    import matplotlib

    matplotlib.use("agg")
    import io

    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    original, original_draw = FigureCanvasBase.print_figure, FigureCanvasAgg.draw
    path = tmp_path / "renders.pkl"
    recording: dict = {}
    try:
        exec(bench.RECORD_CELL, recording)
        fig = Figure(figsize=(2, 1))
        fig.subplots().plot([0, 1], [1, 0])
        fig.savefig(io.BytesIO(), format="png", dpi=50)  # its inner draw is not recorded again
        kept = Figure(figsize=(2, 1))
        kept.subplots().plot([0, 1], [0, 2])
        FigureCanvasAgg(kept).draw()  # a widget drawing the figure it keeps
        exec(bench.SAVE_CELL.format(path=str(path)), recording)
    finally:
        FigureCanvasBase.print_figure, FigureCanvasAgg.draw = original, original_draw
    floor: dict = {}
    exec(bench.LOAD_CELL.format(path=str(path)), floor)
    (again, args, kwargs), (drawn, no_args, no_kwargs) = floor["_btp_renders"]
    assert kwargs["format"] == "png" and kwargs["dpi"] == 50
    assert again.axes[0].lines[0].get_ydata().tolist() == [1, 0]
    assert no_args is None and no_kwargs is None
    assert drawn.axes[0].lines[0].get_ydata().tolist() == [0, 2]
    exec(bench.REPLAY_CELL, floor)
    assert "BTP-UNPICKLABLE 0.0 2" in capsys.readouterr().out


def test_the_table_is_met_only_when_no_target_is_missed(capsys):
    table = bench.Table()
    table.add("lesson 00: run all / floor", 1.2, "<= 1.5", True)
    table.add("lesson 00: non-chart work (s)", 0.3)
    assert table.ok
    table.add("widget x: redraw / bare savefig", None, "<= 1.3", False)
    assert not table.ok
    table.print()
    out = capsys.readouterr().out
    assert "not measured" in out and "MISSED" in out and "(reported)" in out
    assert "1 targets met, 1 missed" in out


def test_printed_values_are_read_from_the_stream_outputs():
    nb = _notebook("print('x')")
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stdout",
                                                  text="BTP-VmHWM:\t  2048 kB\n")]  # fmt: skip
    assert bench.peak_mb(nb) == 2.0
    with pytest.raises(RuntimeError, match="no BTP-UNPICKLABLE"):
        bench.printed(nb, "UNPICKLABLE")
