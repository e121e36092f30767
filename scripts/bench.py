"""`make bench`: every speed and memory figure of issue 22 against its target, in one table.

Lessons. Each lesson is first run once with a hook (:data:`RECORD_CELL`) on
``FigureCanvasBase.print_figure``, the one call through which every figure becomes an image: the
inline backend's PNG of each figure a cell leaves open, and each widget's ``savefig`` of its
chart. At each render the hook pickles the figure as it is just before that render, with the
render's arguments (format, dpi, ``bbox_inches``, ``pil_kwargs``: the inline backend's own), and
the list is saved in bench-results/renders/. The lesson's *floor* is then a notebook of three
cells: the lesson's import lines and ``use_style()``; the recorded figures unpickled (this cell's
time is subtracted: it is the bench's, not the lesson's); and each recorded render done again by
a bare ``print_figure`` of the same figure with the same arguments into memory. So the floor is
kernel start + the lesson's imports + its own figures drawn and encoded as the lesson draws them,
and nothing else. (A figure that cannot be pickled would be counted at the time its render took
in the recording run; the table says how many renders there were.) Then the lesson, its floor and
a bare kernel (pandas, matplotlib.pyplot with the inline backend, ipywidgets: what every lesson
needs) run RUNS times, taking turns, each in a fresh kernel as nbconvert runs them, each ending
with a cell that prints the kernel's peak resident memory (``VmHWM`` of /proc/self/status).

Per lesson the table gives: run all / floor (target <= 1.5); the slowest cell, in the kernel
(target <= 1 s); the non-chart work, run all minus the floor (what the lesson's own code, data
loading and tables cost beyond imports and figure rendering; reported); and peak memory / the
bare kernel's (target <= 1.2). Times are the fastest of the runs: on a shared machine noise only
adds time, so the minimum is the steadiest estimate of what a notebook costs (as with
``timeit``); the medians are kept in bench.json. Memory is the median of the runs.

Widgets: scripts/bench_widgets.py drives every control of every widget in a kernel (p95 per
widget, target <= 100 ms; and, where it measures it, each redraw / a bare savefig of its own
figure, target <= 1.3). Then the import time of ``helpers`` beyond pandas + matplotlib (target
<= 0.15 s); the last `make test` (bench-results/make-test-seconds.txt, whole run <= 12 min, and
bench-results/make-test-core-seconds.txt, the checks that existed before issue 22, <= 5 min);
the installed size of the runtime environment against the bare stack (reported); and the suites
that report their own times: the sandboxed grader (scripts/bench_grading.py, run now: a class of
300 under 20 minutes), the class hub (bench-results/hub.json from tests/hub) and the course
website (bench-results/site.json from `make site`).

Progress goes to stderr; stdout is the one table, figure by figure, each met or missed. The
table and every measurement are written to bench-results/bench.json. Exits 1 if a target is
missed or unmeasured.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

import bench_widgets
import nbformat
import project
from nbclient import NotebookClient

ROOT = project.ROOT
RUNS = 5  # fastest of five: on a shared machine a single slow run is common
RATIO_TARGET = 1.5
CELL_TARGET = 1.0
MEMORY_TARGET = 1.2
REDRAW_TARGET = 1.3
IMPORT_TARGET = 0.15
TEST_TARGET_S = 300
WHOLE_TEST_TARGET_S = 720


def cell_imports(nb) -> dict[int, str]:
    """The import statements of each code cell that has any, by cell index.

    The first of them also calls ``use_style()`` when the lesson imports ``helpers`` (every
    lesson calls it in its first code cell).
    """
    found: dict[int, str] = {}
    for at, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        lines = [ast.get_source_segment(cell.source, node) for node in tree.body
                 if isinstance(node, (ast.Import, ast.ImportFrom))]  # fmt: skip
        if lines:
            found[at] = "\n".join(lines)
    if found and any("import helpers" in code.split("\n") for code in found.values()):
        first = min(found)
        found[first] += "\nhelpers.use_style()"
    return found


def import_lines(nb) -> str:
    """Every import statement of the notebook's code cells, plus use_style()."""
    return "\n".join(cell_imports(nb).values())


#: Prepended to a lesson in the recording run: every render of a figure to an image (the inline
#: backend's PNG of each figure a cell leaves open, and each widget chart's savefig, all of which
#: go through ``FigureCanvasBase.print_figure``) is recorded as the pickled figure, as it was just
#: before that render, with the render's arguments (format, dpi, bbox_inches, pil_kwargs, ...).
#: A drawing of a figure outside a render (``FigureCanvasAgg.draw``: a widget drawing the figure
#: it keeps, so that the first change is quick) is chart work too: it is recorded the same way,
#: with no arguments. A figure that cannot be pickled is recorded as the time its render took.
RECORD_CELL = """
import io as _btp_io, pickle as _btp_pickle, sys as _btp_sys, time as _btp_time
from matplotlib.backend_bases import FigureCanvasBase as _BtpCanvas
_btp_renders, _btp_original = [], _BtpCanvas.print_figure
_BTP_PLAIN = (int, float, complex, str, bytes, bool, tuple, frozenset, type(None))

class _BtpPickler(_btp_pickle.Pickler):
    # objects bound to a name in a helpers module (e.g. a module-level FuncFormatter made with a
    # lambda) are pickled as that name: the floor's kernel imports the same module
    def persistent_id(self, obj):
        return None if isinstance(obj, _BTP_PLAIN) else self.names.get(id(obj))

def _btp_dumps(obj):
    names = {}
    for modname, module in list(_btp_sys.modules.items()):
        if modname.startswith("helpers"):
            for attr, value in list(vars(module).items()):
                if not isinstance(value, _BTP_PLAIN) and not attr.startswith("__"):
                    names.setdefault(id(value), (modname, attr))
    buffer = _btp_io.BytesIO()
    pickler = _BtpPickler(buffer)
    pickler.names = names
    pickler.dump(obj)
    return buffer.getvalue()

def _btp_print_figure(self, filename, *args, **kwargs):
    if _btp_print_figure.busy:
        return _btp_original(self, filename, *args, **kwargs)
    _btp_print_figure.busy = True
    try:
        try:
            _btp_renders.append(_btp_dumps((self.figure, args, kwargs)))
        except Exception:
            start = _btp_time.perf_counter()
            result = _btp_original(self, filename, *args, **kwargs)
            _btp_renders.append(_btp_time.perf_counter() - start)
            return result
        return _btp_original(self, filename, *args, **kwargs)
    finally:
        _btp_print_figure.busy = False
_btp_print_figure.busy = False
_BtpCanvas.print_figure = _btp_print_figure

from matplotlib.backends.backend_agg import FigureCanvasAgg as _BtpAgg
_btp_agg_draw = _BtpAgg.draw

def _btp_draw(self):
    # a drawing of its own, not one inside a render: a widget drawing the figure it keeps
    if _btp_print_figure.busy:
        return _btp_agg_draw(self)
    try:
        _btp_renders.append(_btp_dumps((self.figure, None, None)))
    except Exception:
        start = _btp_time.perf_counter()
        result = _btp_agg_draw(self)
        _btp_renders.append(_btp_time.perf_counter() - start)
        return result
    return _btp_agg_draw(self)
_BtpAgg.draw = _btp_draw
"""
SAVE_CELL = "_btp_pickle.dump(_btp_renders, open({path!r}, 'wb'))"
#: The floor's second cell (its time is subtracted): the recorded figures, unpickled and closed
#: in pyplot so that the inline backend does not show them.
LOAD_CELL = """
import importlib as _btp_importlib, io as _btp_io, pickle as _btp_pickle
import matplotlib.pyplot as _btp_plt

class _BtpUnpickler(_btp_pickle.Unpickler):
    def persistent_load(self, pid):
        return getattr(_btp_importlib.import_module(pid[0]), pid[1])

_btp_renders = [r if isinstance(r, float) else _BtpUnpickler(_btp_io.BytesIO(r)).load()
                for r in _btp_pickle.load(open({path!r}, 'rb'))]
_btp_plt.close('all')
"""
#: The floor's third cell: each recorded render again, as a bare ``print_figure`` into memory, and
#: each recorded drawing of its own (a widget drawing a kept figure) as a bare Agg ``draw``.
REPLAY_CELL = """
import io as _btp_io, time as _btp_time
from matplotlib.backends.backend_agg import FigureCanvasAgg as _BtpAgg
_btp_unpicklable = 0.0
for _btp_render in _btp_renders:
    if isinstance(_btp_render, float):
        _btp_unpicklable += _btp_render
        continue
    _btp_fig, _btp_args, _btp_kwargs = _btp_render
    if _btp_args is None:  # a drawing without a render (a widget's kept figure): a bare draw
        _BtpAgg(_btp_fig).draw()
        continue
    _btp_fig.canvas.print_figure(_btp_io.BytesIO(), *_btp_args, **_btp_kwargs)
print(f"BTP-UNPICKLABLE {_btp_unpicklable!r} {len(_btp_renders)}")
"""
#: Last cell of every measured notebook: the kernel's peak resident memory (VmHWM, in kB).
MEMORY_CELL = """
print("BTP-" + [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].strip())
"""
#: The bare kernel the memory target compares with: the stack every lesson needs.
BARE_CELL = "import pandas, matplotlib.pyplot, ipywidgets"


def run(nb) -> float:
    """Seconds to execute a notebook in a fresh kernel (cell timings land in its metadata)."""
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()
    return time.perf_counter() - start


def cell_seconds(cell) -> float:
    """Seconds one executed code cell took in the kernel (0 if it has no timing)."""
    t = cell.metadata.get("execution", {})
    if "iopub.execute_input" not in t or "shell.execute_reply" not in t:
        return 0.0

    def at(stamp: str) -> datetime:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))

    return (at(t["shell.execute_reply"]) - at(t["iopub.execute_input"])).total_seconds()


def slowest_cell(nb) -> tuple[float, int]:
    """Seconds the slowest code cell of an executed notebook took in the kernel, and its index."""
    return max(((cell_seconds(c), i) for i, c in enumerate(nb.cells) if c.cell_type == "code"),
               default=(0.0, -1))  # fmt: skip


def printed(nb, tag: str) -> str:
    """The text after ``BTP-<tag>`` in the notebook's stream outputs."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "")
            if f"BTP-{tag}" in text:
                return text.split(f"BTP-{tag}", 1)[1].split("\n", 1)[0].strip()
    raise RuntimeError(f"no BTP-{tag} line in the notebook's outputs")


def peak_mb(nb) -> float:
    """The kernel's peak resident memory in MB, from the memory cell's output."""
    return float(printed(nb, "VmHWM:").split()[0]) / 1024


def copy(nb):
    """A fresh copy of a notebook (execution writes outputs into it)."""
    return nbformat.from_dict(json.loads(json.dumps(nb)))


def with_cells(nb, before: list[str], after: list[str]):
    """A copy of ``nb`` with code cells added before and after its own."""
    out = copy(nb)
    out.cells = ([nbformat.v4.new_code_cell(s) for s in before] + out.cells
                 + [nbformat.v4.new_code_cell(s) for s in after])  # fmt: skip
    return out


def record(nb, path) -> tuple[int, float]:
    """Run the lesson once recording its figure renders into ``path``.

    Returns the number of renders and the seconds of those that could not be pickled.
    """
    run(with_cells(nb, [RECORD_CELL], [SAVE_CELL.format(path=str(path))]))
    check = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(LOAD_CELL.format(path=str(path)) + REPLAY_CELL)])  # fmt: skip
    run(check)
    unpicklable, count = printed(check, "UNPICKLABLE").split()
    return int(count), float(unpicklable)


def timed_lesson(nb, path) -> dict:
    """RUNS executions of a lesson, of its floor and of a bare kernel, taking turns.

    The floor is a notebook of the lesson's import lines (one cell per lesson cell that imports),
    then (not counted: its kernel time is subtracted) the recorded figures unpickled, then those
    figures rendered again as recorded. A lesson cell's own time is its kernel time minus that of
    its imports in the floor of the same round.
    """
    lesson = with_cells(nb, [], [MEMORY_CELL])
    imports = cell_imports(nb)
    floor = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(c)
            for c in (*imports.values(), LOAD_CELL.format(path=str(path)), REPLAY_CELL, MEMORY_CELL)
        ]
    )
    floor.metadata = nb.metadata
    load_at, replay_at = len(imports), len(imports) + 1
    bare = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c)
                                           for c in (BARE_CELL, MEMORY_CELL)])  # fmt: skip
    runs: dict[str, list] = {k: [] for k in (
        "run_s", "floor_s", "render_s", "slowest_cell_s", "slowest_cell", "slowest_cell_raw_s",
        "import_cells_s", "peak_mb", "bare_peak_mb")}  # fmt: skip
    for _ in range(RUNS):
        done_lesson = copy(lesson)
        runs["run_s"].append(run(done_lesson))
        runs["peak_mb"].append(peak_mb(done_lesson))
        done = copy(floor)
        wall = run(done)
        unpicklable = float(printed(done, "UNPICKLABLE").split()[0])
        render = cell_seconds(done.cells[replay_at]) + unpicklable
        runs["floor_s"].append(wall - cell_seconds(done.cells[load_at]) + unpicklable)
        runs["render_s"].append(render)
        floor_imports = dict(zip(imports, (cell_seconds(c) for c in done.cells), strict=False))
        runs["import_cells_s"].append(floor_imports)
        own = [(cell_seconds(c) - floor_imports.get(i, 0.0), i)
               for i, c in enumerate(done_lesson.cells) if c.cell_type == "code"]  # fmt: skip
        slow, at = max(own)
        runs["slowest_cell_s"].append(slow)
        runs["slowest_cell"].append(at)
        runs["slowest_cell_raw_s"].append(slowest_cell(done_lesson)[0])
        done = copy(bare)
        run(done)
        runs["bare_peak_mb"].append(peak_mb(done))
    return runs


def import_times(*codes: str) -> list[float]:
    """Wall time of a fresh interpreter running each of ``codes``, minus a bare interpreter's.

    Each is the fastest of seven runs, the codes and the bare interpreter taking turns so that a
    noisy moment cannot favour one of them (see the module docstring for why the minimum).
    """

    def once(src: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", src], check=True)
        return time.perf_counter() - start

    runs: dict[str, list[float]] = {src: [] for src in ("pass", *codes)}
    for _ in range(7):
        for src, times in runs.items():
            times.append(once(src))
    bare = min(runs["pass"])
    return [min(runs[src]) - bare for src in codes]


def venv_size_mb(name: str, requirements: list[str]) -> float:
    """Size in MB of a throw-away venv with ``requirements`` installed (built once, reused)."""
    env = ROOT / "bench-results" / name
    stamp = env / ("." + "-".join(re.sub(r"\W", "", r) for r in requirements)[:200])
    if not stamp.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(env)], check=True)
        subprocess.run(
            [str(env / "bin" / "pip"), "install", "-q", *requirements],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stamp.touch()
    out = subprocess.run(["du", "-sm", str(env)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def pinned(name: str) -> str:
    """The exact pin of ``name`` in requirements.txt."""
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.split("==")[0].strip() == name:
            return line.strip()
    raise KeyError(name)


def _seconds(name: str) -> float | None:
    """Seconds written by the last `make test` (bench-results/NAME), or None if never run."""
    path = ROOT / "bench-results" / name
    return float(path.read_text()) if path.exists() else None


def _last(name: str) -> dict | None:
    """A suite's last measured figures (bench-results/NAME.json), or None if never measured."""
    path = ROOT / "bench-results" / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def suites(table: Table) -> dict:
    """The grading throughput (measured now), the hub and site figures (from their last run)."""
    out = ROOT / "bench-results" / "grading.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_grading.py"),
                          "--out", str(out)], capture_output=True, text=True)  # fmt: skip
    grading = _last("grading") if run.returncode == 0 else None
    if grading is None:
        note("grading: FAILED\n" + run.stdout[-2000:] + run.stderr[-2000:])
    table.add("suite: grading, a class of 300 (min)",
              None if grading is None else grading["projected_minutes_300"],
              f"< {grading['target_minutes_300'] if grading else 20}",
              grading is not None and grading["projected_minutes_300"]
              < grading["target_minutes_300"])  # fmt: skip
    hub = _last("hub")
    table.add("suite: hub, students served at once", None if hub is None else hub["succeeded"],
              "all", hub is not None and hub["succeeded"] == hub["students"],
              None if hub is None else f"{hub['succeeded']}/{hub['students']}")  # fmt: skip
    if hub is not None:
        table.add("suite: hub, ready server p95 (s)", hub["ready_seconds_p95"])
        table.add("suite: hub, memory per student (MiB PSS)", hub["peak_pss_mib_per_student"])
    site = _last("site")
    table.add("suite: site build (s)", None if site is None else site["seconds"])
    return {"grading": grading, "hub": hub, "site": site}


class Table:
    """The one table `make bench` prints: each figure, its value, its target, met or missed."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, figure: str, value, target: str | None = None, met: bool | None = None,
            shown: str | None = None) -> None:  # fmt: skip
        """One figure; ``met`` None means reported without a target."""
        text = shown if shown is not None else (
            "not measured" if value is None else f"{value:.2f}" if isinstance(value, float)
            else str(value))  # fmt: skip
        self.rows.append({"figure": figure, "value": value, "shown": text,
                          "target": target, "met": met})  # fmt: skip

    @property
    def ok(self) -> bool:
        return all(r["met"] is not False for r in self.rows)

    def print(self) -> None:
        width = max(len(r["figure"]) for r in self.rows)
        shown = max(len(r["shown"]) for r in self.rows)
        print(f"\n{'figure':{width}}  {'value':>{shown}}  {'target':>8}  result")
        for r in self.rows:
            result = {True: "met", False: "MISSED", None: "(reported)"}[r["met"]]
            print(f"{r['figure']:{width}}  {r['shown']:>{shown}}  {r['target'] or '':>8}  {result}")
        met = sum(r["met"] is True for r in self.rows)
        missed = sum(r["met"] is False for r in self.rows)
        print(f"{met} targets met, {missed} missed")


def note(text: str) -> None:
    """Progress, on stderr (stdout carries the one table)."""
    print(text, file=sys.stderr, flush=True)


def measure_lessons(table: Table, only: list[str] | None = None) -> list[dict]:
    """Record, then time, every lesson against its floor; add its four figures to ``table``."""
    renders = ROOT / "bench-results" / "renders"
    renders.mkdir(parents=True, exist_ok=True)
    rows = []
    for lesson in project.lessons():
        if only and not any(lesson.name.startswith(prefix) for prefix in only):
            continue
        nb = nbformat.read(lesson.path, as_version=4)
        path = renders / f"{lesson.path.stem}.pkl"
        note(f"{lesson.name}: recording its figures")
        count, unpicklable = record(nb, path)
        note(f"{lesson.name}: {count} renders recorded; timing {RUNS} runs of lesson and floor")
        runs = timed_lesson(nb, path)
        at = runs["run_s"].index(min(runs["run_s"]))
        row = {
            "lesson": lesson.name,
            "renders": count,
            "unpicklable_render_s": unpicklable,
            "run_s": min(runs["run_s"]),
            "floor_s": min(runs["floor_s"]),
            "render_s": min(runs["render_s"]),
            "slowest_cell_s": min(runs["slowest_cell_s"]),
            "slowest_cell_index": runs["slowest_cell"][at],
            "slowest_cell_with_imports_s": min(runs["slowest_cell_raw_s"]),
            "peak_mb": statistics.median(runs["peak_mb"]),
            "bare_peak_mb": statistics.median(runs["bare_peak_mb"]),
            "runs": runs,
        }
        row["kernel_and_imports_s"] = row["floor_s"] - row["render_s"]
        row["non_chart_s"] = row["run_s"] - row["floor_s"]
        row["ratio"] = row["run_s"] / row["floor_s"]
        row["median_ratio"] = statistics.median(runs["run_s"]) / statistics.median(runs["floor_s"])
        row["peak_ratio"] = row["peak_mb"] / row["bare_peak_mb"]
        n = lesson.name[:2]
        table.add(f"lesson {n}: run all / floor", row["ratio"], f"<= {RATIO_TARGET}",
                  row["ratio"] <= RATIO_TARGET,
                  f"{row['run_s']:.2f}/{row['floor_s']:.2f}={row['ratio']:.2f}")  # fmt: skip
        table.add(f"lesson {n}: slowest cell beyond its imports (s)", row["slowest_cell_s"],
                  f"<= {CELL_TARGET}", row["slowest_cell_s"] <= CELL_TARGET)  # fmt: skip
        table.add(f"lesson {n}: non-chart work (s)", row["non_chart_s"])
        table.add(
            f"lesson {n}: peak RSS / bare kernel",
            row["peak_ratio"],
            f"<= {MEMORY_TARGET}",
            row["peak_ratio"] <= MEMORY_TARGET,
            f"{row['peak_mb']:.0f}/{row['bare_peak_mb']:.0f} MB={row['peak_ratio']:.2f}",
        )
        rows.append(row)
    return rows


def widget_figures(table: Table) -> list[dict]:
    """Every widget's p95 and (where bench_widgets measures it) its redraw / bare savefig."""
    note("widgets: driving every control of every widget in a kernel")
    rows = bench_widgets.measure()
    redraw_target = getattr(bench_widgets, "REDRAW_TARGET", REDRAW_TARGET)
    for r in rows:
        table.add(f"widget {r['widget']}: p95 (ms)", float(r["p95_ms"]),
                  f"<= {bench_widgets.TARGET_MS:g}", r["p95_ms"] <= bench_widgets.TARGET_MS,
                  f"{r['p95_ms']:.1f}")  # fmt: skip
        ratio = r.get("redraw_ratio")
        if ratio is None and r.get("charts_drawn") == 0:  # a widget without a chart
            table.add(f"widget {r['widget']}: redraw / bare savefig", None, None, None, "no chart")
            continue
        table.add(f"widget {r['widget']}: redraw / bare savefig", ratio, f"<= {redraw_target}",
                  ratio is not None and ratio <= redraw_target)  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--lessons", nargs="*", help="only these lessons (e.g. 00 03), no more")
    args = parser.parse_args(argv)
    table = Table()
    lessons = measure_lessons(table, args.lessons)
    if args.lessons:  # a partial run, for working on a lesson: not written to bench.json
        table.print()
        return 0 if table.ok else 1
    widget_rows = widget_figures(table)
    note("import time of helpers")
    stack, ours = import_times(
        "import pandas, matplotlib.pyplot",
        "import pandas, matplotlib.pyplot, helpers, helpers.core.style, helpers.core.feedback",
    )
    extra = ours - stack
    table.add("import: helpers adds to pandas + matplotlib (s)", extra, f"<= {IMPORT_TARGET}",
              extra <= IMPORT_TARGET, f"{extra:.3f}")  # fmt: skip
    test_s = _seconds("make-test-seconds.txt")
    core_s = _seconds("make-test-core-seconds.txt")
    table.add("suite: make test, checks of before issue 22 (s)", core_s,
              f"<= {TEST_TARGET_S}", core_s is not None and core_s <= TEST_TARGET_S,
              None if core_s is None else f"{core_s:.0f}")  # fmt: skip
    table.add("suite: make test, whole (s)", test_s, f"<= {WHOLE_TEST_TARGET_S}",
              test_s is not None and test_s <= WHOLE_TEST_TARGET_S,
              None if test_s is None else f"{test_s:.0f}")  # fmt: skip
    note("installed sizes")
    bare = venv_size_mb(
        "venv-bare", [pinned(n) for n in ("jupyterlab", "pandas", "matplotlib", "ipywidgets")]
    )
    runtime = venv_size_mb("venv-runtime", ["-r", str(ROOT / "requirements.txt")])
    table.add("size: runtime env / bare stack (MB)", runtime - bare, None, None,
              f"{runtime:.0f}/{bare:.0f}")  # fmt: skip
    note("suites that report their own times")
    suite_figures = suites(table)
    table.print()
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(
        json.dumps(
            {
                "measured": datetime.now(UTC).isoformat(timespec="seconds"),
                "all_targets_met": table.ok,
                "table": table.rows,
                "lessons": lessons,
                "widgets": widget_rows,
                "import_stack_s": stack,
                "import_helpers_extra_s": extra,
                "make_test_s": test_s,
                "make_test_core_s": core_s,
                "runtime_env_mb": runtime,
                "bare_env_mb": bare,
                "suites": suite_figures,
            },
            indent=2,
        )
        + "\n"
    )
    print("all targets met" if table.ok else "SOME TARGETS MISSED")
    return 0 if table.ok else 1


if __name__ == "__main__":
    sys.exit(main())
