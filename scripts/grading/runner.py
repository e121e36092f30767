"""Run one notebook cell by cell and export the answer values (inside the sandbox only).

    python runner.py NOTEBOOK NAMES_JSON CELL_TIMEOUT OUT_FD [SKIP_JSON]

This is the only code that runs next to student code. It writes JSON lines to OUT_FD: for each
code cell ``{"start": i}`` before it and ``{"cell": i, "values": {name: encoded}}`` after it, with
the answer names whose encoding changed; ``{"skip": i}`` for a code cell listed in SKIP_JSON (the
grader re-runs a notebook without the cell a run died in, see grade.py); and at the end
``{"done": ..., "stopped": [...], "exits": [...]}``. Student code can tamper with all of it; what
it sends is only values, which the evaluator decodes strictly (see values.py), so the worst it
can do is choose its own answers. Everything the notebook prints goes to /dev/null.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import values  # noqa: E402


class CellTimeout(BaseException):
    """Raised in a cell that runs longer than the per-cell limit."""


def main() -> None:
    notebook, names_json, cell_timeout, fd = (
        sys.argv[1],
        sys.argv[2],
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    skip = set(json.loads(sys.argv[5])) if len(sys.argv) > 5 else set()
    out = os.fdopen(fd, "w", buffering=1, encoding="utf-8")
    names = json.loads(names_json)
    with open(notebook, encoding="utf-8") as fh:
        nb = json.load(fh)
    cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    sources = []
    for c in cells:
        src = c.get("source", "")
        sources.append("".join(src) if isinstance(src, list) else str(src))

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:0] = [os.path.join(here, "stub"), ""]  # otter's stand-in; the notebook's folder
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    import builtins

    builtins_dict = vars(builtins)
    saved_builtins = dict(builtins_dict)
    shell.ask_exit = lambda: setattr(shell, "exit_now", True)  # exit() / quit(): noted, ignored
    sent: dict[str, str] = {}

    def on_alarm(signum, frame):
        raise CellTimeout()

    stopped, exits = [], []
    for i, src in enumerate(sources):
        if i in skip:
            out.write(json.dumps({"skip": i}) + "\n")
            continue
        out.write(json.dumps({"start": i, "t": time.monotonic()}) + "\n")
        signal.signal(signal.SIGALRM, on_alarm)
        signal.alarm(cell_timeout)
        try:
            result = shell.run_cell(src, store_history=False, silent=False)
            signal.alarm(0)
            if isinstance(result.error_in_exec, CellTimeout):
                stopped.append(i)
            if isinstance(result.error_in_exec, SystemExit):
                exits.append(i)
        except CellTimeout:
            stopped.append(i)
        finally:
            signal.alarm(0)
        builtins_dict.update(saved_builtins)  # a shadowed builtin must not break the export
        if getattr(shell, "exit_now", False):
            exits.append(i)
            shell.exit_now = False
        changed = {}
        for name in names:
            if name not in shell.user_ns:
                if sent.pop(name, None) is not None:
                    changed[name] = {"t": "deleted"}
                continue
            try:
                enc = values.encode(shell.user_ns[name])
            except Exception:
                enc = {"t": "unsupported"}
            text = json.dumps(enc, allow_nan=True)
            digest = hashlib.sha256(text.encode()).hexdigest()
            if sent.get(name) != digest:
                sent[name] = digest
                changed[name] = enc
        out.write(json.dumps({"cell": i, "values": changed}) + "\n")
    out.write(
        json.dumps({"done": len(sources), "stopped": stopped, "exits": sorted(set(exits))}) + "\n"
    )
    out.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.stdout = sys.stderr = open(os.devnull, "w")
    main()
