"""Run the runner on one notebook inside bubblewrap, under a wall-clock limit.

The sandbox (``bwrap``, Debian's bubblewrap; started as root) has:

- no network (``--unshare-net``: only a loopback), its own PID, IPC and UTS namespaces, and dies
  with the grader (``--die-with-parent``); when the runner ends or the limit is hit the whole
  process group is killed, and with it the PID namespace (background processes included);
- a root made of read-only binds of ``/usr``, the Python installation, the repository's ``.venv``,
  ``helpers/``, ``data/`` and ``scripts/grading/`` (nothing else of the repository: no
  ``assignments/``, no autograder zip, no other submission, no earlier results);
- writable: only size-limited tmpfs (``/tmp`` and the working folder, which holds a throw-away
  copy of this submission's notebook under its real name);
- the runner started as user ``nobody`` (uid 65534) with no capabilities and ``no_new_privs``,
  under ``prlimit`` (CPU seconds, address space, processes, file size, open files).

Answers leave through a pipe (JSON lines, at most ``MAX_OUTPUT`` bytes); stdout/stderr go nowhere.
Outside the sandbox a watchdog ends the run when a cell goes on well past the per-cell limit (a
cell that blocks or ignores the runner's alarm), so the grader can re-run without it. The only
thing prepared once per batch is matplotlib's font list (``font_cache``, built in a sandbox of
its own), copied into each sandbox's private ``/tmp``: no state passes from one run to another.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRADING = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MAX_OUTPUT = 64 * 2**20
LIMITS = {
    "as": 4 * 2**30,  # address space, bytes
    "nproc": 256,  # processes of uid nobody (all sandboxes together)
    "fsize": 64 * 2**20,  # largest file written
    "nofile": 256,
}
WORK = "/home/student"


class SandboxUnavailable(RuntimeError):
    pass


def bwrap_path() -> str:
    path = shutil.which("bwrap")
    if not path:
        raise SandboxUnavailable(
            "bubblewrap is not installed: run `make sandbox` (as root: apt-get install -y "
            "bubblewrap). Grading never runs student code without it."
        )
    return path


def _python_home() -> Path:
    return Path(os.path.realpath(VENV / "bin" / "python")).parents[1]


def _dirs_for(path: Path, made: set) -> list[str]:
    """``--dir`` every ancestor of ``path`` with mode 0755 (bwrap would make them 0700)."""
    argv = []
    for parent in reversed(path.parents):
        if str(parent) in ("/", "") or str(parent) in made:
            continue
        made.add(str(parent))
        argv += ["--perms", "0755", "--dir", str(parent)]
    return argv


def command(
    nb_fd: int,
    notebook_name: str,
    names: list[str],
    cell_timeout: int,
    cpu: int,
    fd: int,
    skip: list[int] | tuple = (),
    font_fd: int | None = None,
    font_name: str = "",
) -> list[str]:
    """The bwrap command line; ``font_fd`` (optional) is copied in as matplotlib's font cache."""
    made: set = set()
    argv = [bwrap_path(), "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net"]
    argv += ["--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    argv += ["--ro-bind", "/usr", "/usr"]
    for link in ("lib", "lib64", "bin", "sbin"):
        if os.path.islink(f"/{link}"):
            argv += ["--symlink", os.readlink(f"/{link}"), f"/{link}"]
        elif os.path.isdir(f"/{link}"):
            argv += ["--ro-bind", f"/{link}", f"/{link}"]
    argv += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    argv += ["--ro-bind-try", "/etc/localtime", "/etc/localtime"]
    argv += [
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--perms",
        "1777",
        "--size",
        str(256 * 2**20),
        "--tmpfs",
        "/tmp",
    ]
    if font_fd is not None and re.fullmatch(r"fontlist-v[0-9.]+\.json", font_name):
        # a writable copy (in this sandbox's /tmp) of the cache built once per batch
        argv += ["--perms", "1777", "--dir", "/tmp/mpl"]
        argv += ["--perms", "0666", "--file", str(font_fd), f"/tmp/mpl/{font_name}"]
    argv += ["--perms", "0755", "--dir", "/home"]
    ro = [_python_home(), VENV, ROOT / "helpers", ROOT / "data", GRADING]
    for path in ro:
        argv += _dirs_for(path, made) + ["--ro-bind", str(path), str(path)]
        made.add(str(path))
    # the only writable places: size-limited tmpfs, with a copy of the notebook (from nb_fd)
    argv += ["--perms", "1777", "--size", str(256 * 2**20), "--tmpfs", WORK]
    argv += ["--perms", "0666", "--file", str(nb_fd), f"{WORK}/{notebook_name}", "--chdir", WORK]
    argv += [
        "--clearenv",
        "--setenv",
        "HOME",
        WORK,
        "--setenv",
        "PATH",
        f"{VENV}/bin:/usr/bin:/bin",
    ]
    argv += ["--setenv", "MPLBACKEND", "Agg", "--setenv", "OPENBLAS_NUM_THREADS", "1"]
    argv += ["--setenv", "MPLCONFIGDIR", "/tmp/mpl", "--setenv", "PYTHONDONTWRITEBYTECODE", "1"]
    argv += ["--setenv", "LANG", "C.UTF-8", "--"]
    argv += ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--no-new-privs"]
    argv += ["--inh-caps=-all", "--bounding-set=-all", "--"]
    argv += ["prlimit", f"--cpu={cpu}", f"--as={LIMITS['as']}", f"--nproc={LIMITS['nproc']}"]
    argv += [f"--fsize={LIMITS['fsize']}", f"--nofile={LIMITS['nofile']}", "--core=0", "--"]
    argv += [str(VENV / "bin" / "python"), "-I", str(GRADING / "runner.py")]
    argv += [f"{WORK}/{notebook_name}", json.dumps(names), str(cell_timeout), str(fd)]
    argv += [json.dumps([int(i) for i in skip])]
    return argv


@dataclass
class Run:
    records: list = field(default_factory=list)
    timed_out: bool = False  # the wall-clock limit of the whole run
    stuck: int | None = None  # a cell still running well past the per-cell limit: killed
    too_much_output: bool = False
    returncode: int | None = None
    seconds: float = 0.0
    startup: float | None = None  # seconds until the runner's first record (Python, IPython)

    @property
    def finished(self) -> bool:
        """The runner reached its end (every cell ran or was skipped)."""
        return any("done" in r for r in self.records)

    @property
    def last_started(self) -> int | None:
        """The last cell the runner started (where a run that did not finish ended)."""
        starts = [r["start"] for r in self.records if type(r.get("start")) is int]
        return starts[-1] if starts else None


def font_cache(folder: Path) -> Path | None:
    """Build matplotlib's font cache once per batch, inside a sandbox (so it lists exactly the
    fonts a sandbox sees), and return it (None if that fails: each run then builds its own).
    Only our own code runs here."""
    nb = folder / "empty.ipynb"
    nb.write_text('{"cells": []}', encoding="utf-8")
    nb_fd = os.open(nb, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        argv = command(nb_fd, nb.name, [], 60, 120, 1)
        code = (
            "import glob, sys, matplotlib.font_manager\n"
            "[path] = glob.glob('/tmp/mpl/fontlist-v*.json')\n"
            "sys.stdout.write(path.rsplit('/', 1)[1] + '\\n' + open(path).read())"
        )
        argv = argv[: argv.index("-I") + 1] + ["-c", code]
        proc = subprocess.run(
            argv, pass_fds=(nb_fd,), capture_output=True, text=True, timeout=120,
            start_new_session=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    finally:
        os.close(nb_fd)
    name, _, text = proc.stdout.partition("\n")
    if proc.returncode != 0 or not re.fullmatch(r"fontlist-v[0-9.]+\.json", name) or not text:
        return None
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(
    workdir: Path,
    notebook_name: str,
    names: list[str],
    timeout: int,
    cell_timeout: int,
    skip: list[int] | tuple = (),
    fonts: Path | None = None,
) -> Run:
    """Run the notebook in the sandbox; collect the runner's records until done or a limit.

    Limits: ``timeout`` for the whole run; and a watchdog outside the sandbox: a cell that runs
    ``cell_timeout`` + a grace period (the runner stops it itself at ``cell_timeout``, unless
    the code blocks or ignores the signal) ends the run, with ``stuck`` set to that cell.
    ``skip``: code cells (by index) the runner does not run.
    """
    read_fd, write_fd = os.pipe()
    nb_fd = os.open(workdir / notebook_name, os.O_RDONLY | os.O_NOFOLLOW)
    font_fd = os.open(fonts, os.O_RDONLY | os.O_NOFOLLOW) if fonts else None
    argv = command(
        nb_fd, notebook_name, names, cell_timeout, timeout + 5, write_fd, skip,
        font_fd, fonts.name if fonts else "",
    )  # fmt: skip
    start = time.monotonic()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=tuple(f for f in (write_fd, nb_fd, font_fd) if f is not None),
        start_new_session=True,
    )
    for f in (write_fd, nb_fd, font_fd):
        if f is not None:
            os.close(f)
    result, buf, total = Run(), b"", 0
    deadline = start + timeout
    grace = cell_timeout + max(10, cell_timeout // 2)
    running: tuple[int, float] | None = None  # (cell, when it started, by our clock)
    try:
        while True:
            now = time.monotonic()
            if now >= deadline:
                result.timed_out = True
                break
            if running and now - running[1] > grace:
                result.stuck = running[0]
                break
            wait = deadline - now
            if running:
                wait = min(wait, running[1] + grace - now)
            ready, _, _ = select.select([read_fd], [], [], max(0.0, min(wait, 1.0)))
            if not ready:
                if proc.poll() is not None and not select.select([read_fd], [], [], 0)[0]:
                    break  # runner gone and nothing buffered
                continue
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_OUTPUT:
                result.too_much_output = True
                break
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if type(record) is not dict:
                    continue
                if result.startup is None:
                    result.startup = time.monotonic() - start
                result.records.append(record)
                if type(record.get("start")) is int:
                    running = (record["start"], time.monotonic())
                elif "cell" in record:
                    running = None
            if result.records and "done" in result.records[-1]:
                break
    finally:
        os.close(read_fd)
        _kill_group(proc)
        result.returncode = proc.returncode
        result.seconds = time.monotonic() - start
    return result


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill the sandbox's whole process group; bwrap's death takes the PID namespace with it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        print(f"warning: sandbox {proc.pid} did not exit", file=sys.stderr)
