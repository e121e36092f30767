"""Widget response in a real kernel: every control of every widget, p50 / p95 / max.

    python scripts/bench_widgets.py            # prints a table and a JSON line
    (called by `make bench`, which adds the result to bench-results/bench.json)

Each widget is built as its lesson builds it, then every control is set in turn to each of its
values (menus and toggles: every option; sliders: min, max and back; checkboxes: off and on;
number boxes: three values), ``REPEAT`` times, timing each change from the new value to the new
summary and chart being ready. The first pass draws; later passes show what the chart cache
saves. Targets (issue 22): p95 <= 100 ms per interaction, on the first pass and over all of them;
and each redraw that drew a chart <= 1.3 x a bare ``savefig`` of the very figure it drew, timed
right after it in the same kernel: ``fig.savefig(buffer, format="png", pil_kwargs=PNG_OPTIONS)``
on matplotlib's plain Agg canvas (one kept per figure, as matplotlib keeps one). For reference
the table also gives the ratio to a savefig on the widget's own canvas, which replays the text
it has just drawn from its caches (a floor below matplotlib's), and, as the machine is shared,
the first-pass p95 and the ratio in CPU time of the kernel (``time.process_time``) beside the
wall-clock ones.
"""

from __future__ import annotations

import json
import sys

import project
from jupyter_client.manager import start_new_kernel

TARGET_MS = 100.0
REDRAW_TARGET = 1.3
REPEAT = 3

KERNEL_CODE = r"""
import io, json, statistics, time
import helpers
helpers.use_style()
from matplotlib.backends.backend_agg import FigureCanvasAgg
from helpers.core.style import PNG_OPTIONS
from helpers.alliances.data import load_alliances_1914
from helpers.argument.data import load_hindsight
from helpers.ledger.data import load_claims
from helpers.alliances.widgets import cascade_explorer
from helpers.argument.widgets import predictions_explorer
from helpers.ledger.widgets import ledger_explorer
from helpers.trade.widgets import target_explorer, trade_explorer
from helpers.triangle.widgets import triangle_explorer

def values(control):
    if hasattr(control, "options") and control.options:
        opts = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return opts[1:] + opts[:1]
    if type(control).__name__ == "Checkbox":
        return [not control.value, control.value]
    if type(control).__name__ == "IntRangeSlider":
        lo, hi = control.min, control.max
        return [(lo + (hi - lo) // 2, hi), (lo, lo + (hi - lo) // 2), (lo, hi)]
    if hasattr(control, "min") and hasattr(control, "max"):
        start = control.value
        return [control.max, control.min, start]
    return []

def savefig_ms(fig):
    buffer = io.BytesIO()
    t = time.perf_counter()
    fig.savefig(buffer, format="png", pil_kwargs=PNG_OPTIONS)
    return (time.perf_counter() - t) * 1000

plain = {}  # one plain Agg canvas per figure, kept like the widget's own

def plain_savefig_ms(fig):
    own = fig.canvas
    canvas = plain.setdefault(id(fig), FigureCanvasAgg(fig))
    fig.set_canvas(canvas)
    try:
        return savefig_ms(fig)
    finally:
        fig.set_canvas(own)

def drive(box, repeat, ratios, warm_ratios, cpu, cpu_ratios):
    times = []
    for _ in range(repeat):
        for control in box.controls.values():
            for value in values(control):
                t, c = time.perf_counter(), time.process_time()
                control.value = value
                click = getattr(box, "compare", None)
                if click is not None:
                    click.click()
                ms = (time.perf_counter() - t) * 1000
                cpu_ms = (time.process_time() - c) * 1000
                cpu.append(cpu_ms)
                times.append(ms)
                fig = getattr(box, "last_figure", None)
                if fig is not None:  # this change drew a chart: a bare savefig of it
                    c = time.process_time()
                    ratios.append(ms / plain_savefig_ms(fig))
                    cpu_ratios.append(cpu_ms / ((time.process_time() - c) * 1000))
                    warm_ratios.append(ms / savefig_ms(fig))
    return sorted(times)

builds = {
    "ledger_explorer": lambda: ledger_explorer(load_claims()),
    "triangle_explorer": lambda: triangle_explorer(starting_chart="Figure 2.2"),
    "trade_explorer": lambda: trade_explorer(starting_chart="Figure 3.1"),
    "target_explorer": lambda: target_explorer(starting_chart="Figure 3.2"),
    "cascade_explorer": lambda: cascade_explorer(load_alliances_1914(),
                                                 starting_chart="Figure 4.2"),
    "predictions_explorer": lambda: predictions_explorer(load_claims(), load_hindsight()),
}
p95 = lambda xs: xs[max(0, round(0.95 * len(xs)) - 1)] if xs else None
rows = []
for name, build in builds.items():
    t = time.perf_counter()
    box = build()
    built = (time.perf_counter() - t) * 1000
    ratios, warm, cpu, cpu_ratios = [], [], [], []
    first = drive(box, 1, ratios, warm, cpu, cpu_ratios)
    first_cpu = sorted(cpu)
    warm_pass = drive(box, REPEAT - 1, ratios, warm, cpu, cpu_ratios) if REPEAT > 1 else first
    both = sorted(first + warm_pass)
    for kept in (ratios, warm, cpu_ratios):
        kept.sort()
    rows.append({"widget": name, "changes": len(both), "build_ms": round(built, 1),
                 "first_pass_p95_ms": round(p95(first), 1),
                 "first_pass_p95_cpu_ms": round(p95(first_cpu), 1),
                 "p50_ms": round(statistics.median(both), 1),
                 "p95_ms": round(p95(both), 1), "max_ms": round(both[-1], 1),
                 "charts_drawn": len(ratios),
                 "redraw_ratio": round(p95(ratios), 2) if ratios else None,
                 "redraw_ratio_max": round(ratios[-1], 2) if ratios else None,
                 "redraw_ratio_cpu": round(p95(cpu_ratios), 2) if cpu_ratios else None,
                 "redraw_ratio_widget_canvas": round(p95(warm), 2) if warm else None})
print("RESULT" + json.dumps(rows))
"""


def measure(repeat: int = REPEAT) -> list[dict]:
    """Run the widgets in a fresh kernel and return one row per widget."""
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(project.ROOT))
    try:
        msg_id = kc.execute(KERNEL_CODE.replace("REPEAT - 1", str(repeat - 1)).replace(
            "if REPEAT > 1", f"if {repeat} > 1"))  # fmt: skip
        out = []
        while True:
            msg = kc.get_iopub_msg(timeout=600)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                raise RuntimeError("\n".join(msg["content"]["traceback"]))
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        return json.loads("".join(out).split("RESULT", 1)[1])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def _fmt(value, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def report(rows: list[dict]) -> bool:
    """Print the table; return whether every widget meets both targets."""
    print(f"{'widget':21} {'changes':>7} {'build':>6} {'1st p95':>7} {'(cpu)':>6} {'p50':>6} "
          f"{'p95':>6} {'max':>6} {'drawn':>5} {'ratio p95':>9} {'max':>5} {'(cpu)':>5} "
          f"{'own canvas':>10}")  # fmt: skip
    ok = True
    for r in rows:
        ratio = r["redraw_ratio"]
        misses = [f"p95 over {TARGET_MS:g} ms"] if r["p95_ms"] > TARGET_MS else []
        misses += [f"first-pass p95 over {TARGET_MS:g} ms"] * (r["first_pass_p95_ms"] > TARGET_MS)
        misses += [f"redraw over {REDRAW_TARGET:g} x savefig"] * (
            ratio is not None and ratio > REDRAW_TARGET
        )
        ok &= not misses
        print(f"{r['widget']:21} {r['changes']:7d} {r['build_ms']:6.0f} "
              f"{r['first_pass_p95_ms']:7.1f} {r['first_pass_p95_cpu_ms']:6.1f} {r['p50_ms']:6.1f} "
              f"{r['p95_ms']:6.1f} {r['max_ms']:6.1f} {r['charts_drawn']:5d} {_fmt(ratio):>9} "
              f"{_fmt(r['redraw_ratio_max']):>5} {_fmt(r['redraw_ratio_cpu']):>5} "
              f"{_fmt(r['redraw_ratio_widget_canvas']):>10}"
              + "".join(f"  <-- {m}" for m in misses))  # fmt: skip
    print(
        f"ms; targets: p95 and first-pass p95 <= {TARGET_MS:g} ms; ratio = redraw / bare "
        f"savefig (plain Agg) of the figure it drew, p95 <= {REDRAW_TARGET:g}, over the changes "
        "that drew a chart; (cpu): the same in the kernel's CPU time; 'own canvas': "
        "against a savefig on the widget's canvas"
    )
    return ok


if __name__ == "__main__":
    result = measure()
    good = report(result)
    print(json.dumps(result))
    sys.exit(0 if good else 1)
