# JupyterHub configuration of the class-hub test (tests/hub), shown whole in docs/guide/hub.md.
#
# A real JupyterHub 6.1.1 on 127.0.0.1 behind configurable-http-proxy 5.2.0 (npm), with the
# dummy authenticator and SimpleLocalProcessSpawner: every student's server is a local process
# of the collection's own environment (requirements.txt, nbgitpuller included), with its home in
# a throw-away folder. Both classes are for testing only: a real class hub keeps its own
# authenticator and spawner and takes from this file only the user-environment lines below.
# The test sets the BTP_HUB_* variables (folder, ports, the monitoring service's token).
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - JupyterHub provides get_config() to its config file

HUB_DIR = Path(os.environ["BTP_HUB_DIR"])
VENV_BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]

# --- everything on 127.0.0.1 ------------------------------------------------------------
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["BTP_HUB_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["BTP_HUB_API_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['BTP_HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [str(ROOT / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{HUB_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(HUB_DIR / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # stopping the hub stops every student's server
c.JupyterHub.cleanup_proxy = True

# --- test-only login and spawner (any name and password logs in) ------------------------
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(HUB_DIR / "home" / "{username}")
c.Spawner.args = [
    # all servers share one machine here: kernels talk over IPC sockets in each student's
    # runtime folder, not TCP ports (30 kernels starting at once on TCP drew the same free port:
    # "ZMQError: Address already in use"); a container per student has no such clash
    "--KernelManager.transport=ipc",
]
if os.geteuid() == 0:  # CI and these machines run as root; a real hub never should
    c.Spawner.args.append("--ServerApp.allow_root=True")

# a token for the test's own monitoring (it reads the server list; students use their own)
c.JupyterHub.services = [{"name": "btp-monitor", "api_token": os.environ["BTP_HUB_TOKEN"]}]
c.JupyterHub.load_roles = [
    {"name": "btp-monitor", "scopes": ["list:users", "read:servers"], "services": ["btp-monitor"]}
]

# --- the user environment: what a class hub needs for this collection --------------------
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]  # the venv of requirements.txt
c.Spawner.default_url = "/lab"
# the lessons import `helpers` from the folder nbgitpuller clones into (the repository's name)
c.Spawner.environment = {
    "PYTHONPATH": lambda spawner: str(Path(spawner.home_dir) / "back-to-the-past"),
}
# thirty servers starting at once on 2 cores take longer than the 60 s / 30 s defaults
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
# measured (docs/guide/hub.md): a student's server and kernel peak near the figure there;
# LocalProcessSpawner does not enforce limits, container spawners do (e.g. "1G")
c.Spawner.mem_limit = "1G"

# --- one port per server (test-only: a local spawner on one machine) --------------------
# LocalProcessSpawner picks a port by binding port 0 and letting it go. With thirty servers
# starting at once the OS can hand out the same port twice before the first server binds it;
# the hub's readiness check takes any non-5xx answer, even another student's 404, as ready. (CI,
# 2 Dec 2026: s30's /api/status answered 404.) Here each server gets a port of its own, below the
# OS's ephemeral range (32768-60999 on Linux), free when given and given to one student at a time.
_PORTS_GIVEN: dict[str, int] = {}


def _port_is_free(port: int) -> bool:
    import socket

    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def give_port(spawner) -> None:
    others = {p for name, p in _PORTS_GIVEN.items() if name != spawner.user.name}
    for port in range(20000, 32000):
        if port not in others and _port_is_free(port):
            spawner.port = _PORTS_GIVEN[spawner.user.name] = port
            return
    raise RuntimeError("no free port for a student's server in 20000-31999")


c.Spawner.pre_spawn_hook = give_port
