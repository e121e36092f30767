"""A real JupyterHub on 127.0.0.1 and simulated students, for tests/hub (see conftest.py).

Everything is local: the hub (scripts/hub/jupyterhub_config.py) listens on 127.0.0.1, its proxy
is configurable-http-proxy from node_modules/, and the collection is pulled by nbgitpuller from a
bare git repository in the test's throw-away folder (a ``file://`` URL; git needs no server).

Every process the hub starts runs with its working directory inside that folder (the hub and its
proxy in it, each student's server in the student's home, kernels beside their notebooks), so
``processes_under(folder)`` finds them all: that is how memory is measured per student and how
teardown makes sure that nothing is left running, whatever failed.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlencode

import nbformat
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
sys.path.append(str(ROOT / "scripts"))  # after everything else: shadows nothing
import hub_link  # noqa: E402 - scripts/hub_link.py: the links `make hub-link` prints

CONFIG = ROOT / "scripts" / "hub" / "jupyterhub_config.py"
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
REPO_NAME = "back-to-the-past"  # the folder nbgitpuller clones into (the repository's name)
LESSON = f"{REPO_NAME}/notebooks/00_start_here.ipynb"
STUDENTS = int(os.environ.get("BTP_HUB_STUDENTS", "30"))  # how many students at once
CONCURRENCY = int(os.environ.get("BTP_HUB_CONCURRENCY", str(STUDENTS)))  # the loop's bound
GIT_ID = ["-c", "user.name=Instructor", "-c", "user.email=instructor@example.invalid"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(*args: str, cwd: Path | None = None) -> str:
    out = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    if out.returncode:
        raise RuntimeError(f"git {' '.join(args)} failed:\n{out.stdout}{out.stderr}")
    return out.stdout


# --- the instructor's repository ---------------------------------------------------------
def make_origin(tmp: Path) -> tuple[Path, Path]:
    """A bare 'origin' holding the committed collection (HEAD), and the instructor's clone."""
    instructor = tmp / "instructor" / REPO_NAME
    instructor.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "HEAD"], capture_output=True, check=True, timeout=120
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(instructor, filter="data")
    origin = tmp / "origin" / REPO_NAME  # no .git suffix: the clone's folder is the repo's name
    git("init", "-q", "--bare", "-b", "main", str(origin))
    git("init", "-q", "-b", "main", cwd=instructor)
    git("add", "-A", cwd=instructor)
    git(*GIT_ID, "commit", "-q", "-m", "The collection", cwd=instructor)
    git("remote", "add", "origin", str(origin), cwd=instructor)
    git("push", "-q", "origin", "main", cwd=instructor)
    return origin, instructor


def push_correction(instructor: Path, message: str) -> None:
    """Commit everything the instructor changed and push it to origin (never a force push)."""
    git("add", "-A", cwd=instructor)
    git(*GIT_ID, "commit", "-q", "-m", message, cwd=instructor)
    git("push", "-q", "origin", "main", cwd=instructor)


def pull_link(hub: str, repo: str, path: str = LESSON, branch: str = "main") -> str:
    """The nbgitpuller link a student clicks: the one `make hub-link` prints (hub_link.link)."""
    folder, _, inside = path.partition("/")
    assert folder == repo.rstrip("/").split("/")[-1], (folder, repo)
    return hub_link.link(hub, repo, inside, branch)


# --- processes ---------------------------------------------------------------------------
def processes_under(folder: Path) -> dict[int, Path]:
    """Every live process whose working directory is inside ``folder``: pid -> cwd."""
    found = {}
    prefix = str(folder.resolve())
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(f"/proc/{entry.name}/cwd")
        except OSError:
            continue
        if cwd == prefix or cwd.startswith(prefix + "/"):
            found[int(entry.name)] = Path(cwd)
    return found


def memory_of(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) if it has gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            rows = dict(line.split(":", 1) for line in f if ":" in line and "kB" in line)
        return int(rows["Rss"].split()[0]) * 1024, int(rows["Pss"].split()[0]) * 1024
    except (OSError, KeyError, ValueError):
        return 0, 0


def _signal(pid: int, sig: int) -> None:
    """Signal a process's group (never our own) and the process itself; ignore the gone."""
    try:
        group = os.getpgid(pid)
        if group != os.getpgid(0):
            os.killpg(group, sig)
        os.kill(pid, sig)
    except OSError:
        pass


def kill_all_under(folder: Path, grace: float = 10) -> list[int]:
    """SIGTERM every process (and its group) working inside ``folder``, then SIGKILL; -> pids."""
    found = list(processes_under(folder))
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in found:
            _signal(pid, sig)
        deadline = time.monotonic() + grace
        while processes_under(folder) and time.monotonic() < deadline:
            time.sleep(0.2)
        found = list(processes_under(folder))
        if not found:
            break
    return found


@dataclass
class MemorySampler:
    """Samples, every ``every`` seconds, the RSS and PSS of each student's processes."""

    homes: Path
    every: float = 1.0
    peak_rss: dict[str, int] = field(default_factory=dict)
    peak_total_rss: int = 0
    peak_total_pss: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> None:
        rss_by, total_rss, total_pss = {}, 0, 0
        for pid, cwd in processes_under(self.homes).items():
            name = cwd.relative_to(self.homes.resolve()).parts[0]
            rss, pss = memory_of(pid)
            rss_by[name] = rss_by.get(name, 0) + rss
            total_rss, total_pss = total_rss + rss, total_pss + pss
        for name, rss in rss_by.items():
            self.peak_rss[name] = max(rss, self.peak_rss.get(name, 0))
        self.peak_total_rss = max(self.peak_total_rss, total_rss)
        self.peak_total_pss = max(self.peak_total_pss, total_pss)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def __enter__(self) -> MemorySampler:
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.sample()


# --- the hub -----------------------------------------------------------------------------
@dataclass
class Hub:
    url: str
    token: str
    folder: Path
    proc: subprocess.Popen
    log: Path

    def api(self, path: str) -> dict:
        headers = {"Authorization": f"token {self.token}"}
        r = requests.get(f"{self.url}/hub/api{path}", headers=headers, timeout=30)
        r.raise_for_status()
        return r.json()

    def log_tail(self, n: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])

    def log_about(self, names: list[str], n: int = 60) -> str:
        """The log's last ``n`` lines that name one of these students (a 30-student log's tail is
        mostly other students), and every readiness check that got an error answer."""
        about = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b|responded with error")
        lines = self.log.read_text(errors="replace").splitlines()
        return "\n".join([line for line in lines if about.search(line)][-n:])


def start_hub(folder: Path, timeout: float = 120) -> Hub:
    """Start JupyterHub (and, through it, its proxy) with the project's config, in ``folder``."""
    if not PROXY.exists():
        raise RuntimeError(f"{PROXY} is missing: run `npm ci` (make test does)")
    (folder / "home").mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_hex(32)
    env = {
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(folder),
        "LANG": "C.UTF-8",
        "BTP_HUB_DIR": str(folder),
        "BTP_HUB_PORT": str(port),
        "BTP_HUB_API_PORT": str(free_port()),
        "BTP_HUB_PROXY_API_PORT": str(free_port()),
        "BTP_HUB_TOKEN": token,
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(32),
    }
    log = folder / "jupyterhub.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
            cwd=folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}", token, folder, proc, log)
    deadline = time.monotonic() + timeout
    while True:
        try:
            requests.get(f"{hub.url}/hub/api/", timeout=2).raise_for_status()
            return hub
        except requests.RequestException:
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_hub(hub)
                raise RuntimeError("JupyterHub did not start:\n" + hub.log_tail()) from None
            time.sleep(0.3)


def stop_hub(hub: Hub) -> list[int]:
    """Stop the hub (it stops the servers and proxy), then kill whatever is left; -> leftovers."""
    if hub.proc.poll() is None:
        os.killpg(hub.proc.pid, signal.SIGTERM)
        try:
            hub.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.proc.pid, signal.SIGKILL)
            hub.proc.wait(timeout=30)
    leftovers = list(processes_under(hub.folder))
    kill_all_under(hub.folder)
    return leftovers


# --- a student ---------------------------------------------------------------------------
class StudentError(AssertionError):
    pass


# matplotlib's own notice, printed (to stderr) when building a new home's font cache takes more
# than 5 s, as it does when a whole class imports matplotlib at once: counted, not an error
FONT_CACHE_NOTICE = "Matplotlib is building the font cache; this may take a moment."


def _notice_only(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line == FONT_CACHE_NOTICE for line in lines)


class Student:
    """One student, through the hub's public URL only: login, server, link, REST + websocket."""

    def __init__(self, hub: Hub, name: str):
        self.hub, self.name = hub, name
        self.http = requests.Session()
        self.base = f"{hub.url}/user/{name}"
        self.ready_seconds: float | None = None
        self.notices: list[str] = []  # tolerated stderr notices (see FONT_CACHE_NOTICE)

    # login with the hub's form, then a personal API token (as a student's browser would hold)
    def login(self) -> None:
        r = self.http.get(f"{self.hub.url}/hub/login", timeout=60)
        r.raise_for_status()
        xsrf = next(c.value for c in self.http.cookies if c.name == "_xsrf")
        form = {"username": self.name, "password": "any", "_xsrf": xsrf}
        r = self.http.post(
            f"{self.hub.url}/hub/login?next=", data=form, allow_redirects=False, timeout=60
        )
        if r.status_code != 302 or "jupyterhub-session-id" not in self.http.cookies:
            raise StudentError(f"{self.name}: login failed ({r.status_code})")
        # the hub ties its XSRF token to the login session: fetch the one it sets after login
        for cookie in [c for c in self.http.cookies if c.name == "_xsrf"]:
            self.http.cookies.clear(cookie.domain, cookie.path, cookie.name)
        self.http.get(f"{self.hub.url}/hub/token", timeout=60).raise_for_status()
        xsrf = next(c.value for c in self.http.cookies if c.name == "_xsrf")
        r = self.http.post(
            f"{self.hub.url}/hub/api/users/{self.name}/tokens",
            json={"note": "hub test", "expires_in": 3600},
            headers={"X-XSRFToken": xsrf},
            timeout=60,
        )
        if r.status_code != 201:
            raise StudentError(f"{self.name}: no token ({r.status_code}: {r.text[:200]})")
        self.http.headers["Authorization"] = f"token {r.json()['token']}"

    def start_server(self, timeout: float = 300) -> float:
        """Ask for a server and wait for the hub to say it is ready; -> seconds it took."""
        start = time.monotonic()
        r = self.http.post(f"{self.hub.url}/hub/api/users/{self.name}/server", timeout=60)
        if r.status_code not in (201, 202):
            raise StudentError(f"{self.name}: spawn refused ({r.status_code}: {r.text[:200]})")
        if r.status_code == 202:  # pending: follow the hub's progress stream until 'ready'
            url = f"{self.hub.url}/hub/api/users/{self.name}/server/progress"
            with self.http.get(url, stream=True, timeout=timeout) as events:
                for line in events.iter_lines(decode_unicode=True):
                    if not line or not line.startswith("data:"):
                        continue
                    event = json.loads(line[5:])
                    if event.get("failed"):
                        raise StudentError(f"{self.name}: spawn failed: {event.get('message')}")
                    if event.get("ready"):
                        break
                    if time.monotonic() - start > timeout:
                        raise StudentError(f"{self.name}: no server after {timeout} s")
        self.ready_seconds = time.monotonic() - start
        self.http.get(f"{self.base}/api/status", timeout=60).raise_for_status()
        return self.ready_seconds

    def follow_link(self, link: str, timeout: float = 300) -> list[str]:
        """Open the nbgitpuller link (hub redirect -> the server's git-pull page), then run the
        pull that page's script runs (GET git-pull/api, an event stream); -> its output lines."""
        r = self.http.get(link, timeout=60)
        r.raise_for_status()
        if f"/user/{self.name}/git-pull" not in r.url or "git-pull/static" not in r.text:
            raise StudentError(f"{self.name}: the link led to {r.url}, not nbgitpuller's page")
        # the page hands its script these data-* attributes; the script sends them back
        data = {k: unquote(v) for k, v in re.findall(r'data-([a-z]+)="([^"]*)"', r.text)}
        query = {k: data[k] for k in ("repo", "targetpath", "branch") if k in data}
        api = f"{self.base}/git-pull/api?{urlencode(dict(query, _xsrf=data.get('xsrf', '')))}"
        lines = []
        with self.http.get(api, stream=True, timeout=timeout) as events:
            for line in events.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[5:])
                lines.append(event.get("output", "").rstrip())
                if event.get("phase") == "error":
                    raise StudentError(f"{self.name}: pull failed: {event.get('message')}")
                if event.get("phase") == "finished":
                    return lines
        raise StudentError(f"{self.name}: the pull stream ended without 'finished'")

    # contents and kernels
    def read(self, path: str) -> nbformat.NotebookNode:
        r = self.http.get(f"{self.base}/api/contents/{path}", timeout=60)
        r.raise_for_status()
        nb = nbformat.from_dict(r.json()["content"])
        for cell in nb.cells:  # the server's view of trust, not part of the file
            cell.metadata.pop("trusted", None)
        return nb

    def save(self, path: str, nb: nbformat.NotebookNode) -> None:
        model = {"type": "notebook", "format": "json", "content": nb}
        r = self.http.put(f"{self.base}/api/contents/{path}", json=model, timeout=60)
        r.raise_for_status()

    def open_kernel(self, path: str) -> Kernel:
        body = {"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        r = self.http.post(f"{self.base}/api/sessions", json=body, timeout=120)
        r.raise_for_status()
        return Kernel(self, r.json()["kernel"]["id"])


class Kernel:
    """A kernel's websocket (/api/kernels/ID/channels), Jupyter messaging protocol over JSON."""

    def __init__(self, student: Student, kernel_id: str):
        self.student, self.session = student, uuid.uuid4().hex
        url = student.base.replace("http://", "ws://")
        self.ws = websocket.create_connection(
            f"{url}/api/kernels/{kernel_id}/channels?session_id={self.session}",
            header=[f"Authorization: {student.http.headers['Authorization']}"],
            timeout=60,
        )
        self.ws.settimeout(5)  # short reads, so that the deadline below is kept (pings arrive)

    def execute(self, code: str, timeout: float = 180) -> tuple[list, int | None]:
        """Run code; -> (nbformat outputs, execution count). Raises on an error output."""
        msg_id = uuid.uuid4().hex
        self.ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": self.student.name,
                        "session": self.session,
                        "version": "5.3",
                        "date": "",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        outputs, count, idle, replied = [], None, False, False
        deadline = time.monotonic() + timeout
        while not (idle and replied):
            if time.monotonic() > deadline:
                raise StudentError(f"{self.student.name}: a cell ran past {timeout} s")
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content.get("execution_state") in ("dead", "restarting"):
                raise StudentError(f"{self.student.name}: the kernel died ({content})")
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["channel"] == "shell" and kind == "execute_reply":
                replied, count = True, content.get("execution_count")
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append(nbformat.v4.output_from_msg(msg))
        for out in outputs:
            if out.output_type == "stream" and out.name == "stderr" and _notice_only(out.text):
                self.student.notices.append(out.text.strip())
                continue
            if out.output_type == "error" or (out.output_type == "stream" and out.name == "stderr"):
                text = out.get("text") or f"{out.get('ename')}: {out.get('evalue')}"
                raise StudentError(f"{self.student.name}: a cell failed: {text[:500]}")
        return outputs, count

    def run_cells(self, nb: nbformat.NotebookNode, only: set[int] | None = None) -> None:
        """Run the notebook's code cells in order (or only those listed), storing outputs."""
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and (only is None or i in only):
                cell.outputs, cell.execution_count = self.execute(cell.source)

    def close(self) -> None:
        self.ws.close()
