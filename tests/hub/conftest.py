"""Fixtures for the class-hub test: one real JupyterHub for the session, and one class of students.

``hub_site`` starts JupyterHub (scripts/hub/jupyterhub_config.py) in a throw-away folder, with a
bare 'origin' repository of the committed collection beside it, and stops it afterwards with
everything it started (by process group, then anything still working inside the folder), even
when a test failed. ``classroom`` runs the class once: BTP_HUB_STUDENTS students (default 30)
at once, each logging in, starting a server, following the nbgitpuller link and running lesson 00
through the REST API and kernel websocket; it writes bench-results/hub.json.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hubkit import (
    CONCURRENCY,
    LESSON,
    ROOT,
    STUDENTS,
    Hub,
    MemorySampler,
    Student,
    make_origin,
    pull_link,
    start_hub,
    stop_hub,
)

RESULTS = ROOT / "bench-results" / "hub.json"
MiB = 1024 * 1024

# conftest files hold fixtures, not doctests (as in tests/conftest.py)
collect_ignore = ["conftest.py"]


@dataclass
class Site:
    hub: Hub
    origin: Path
    instructor: Path
    folder: Path
    leftovers: list[int] = field(default_factory=list)

    @property
    def repo_url(self) -> str:
        return self.origin.as_uri()  # file:///...: nbgitpuller hands it to `git clone`

    def link(self, path: str = LESSON) -> str:
        return pull_link(self.hub.url, self.repo_url, path)

    def stop(self) -> list[int]:
        self.leftovers = stop_hub(self.hub)
        return self.leftovers


@pytest.fixture(scope="session")
def hub_site():
    # a short path: kernels' IPC sockets live under each home and must fit in 107 characters
    folder = Path(tempfile.mkdtemp(prefix="bh-", dir="/tmp"))
    site = None
    try:
        origin, instructor = make_origin(folder)
        site = Site(start_hub(folder), origin, instructor, folder)
        yield site
    finally:
        if site is not None:
            site.stop()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Classroom:
    site: Site
    students: list[Student]
    failures: dict[str, str]
    saved: dict[str, object]  # name -> the lesson as the student's server saved it
    figures: dict


def _one_student(site: Site, student: Student) -> object:
    student.login()
    student.start_server()
    student.follow_link(site.link())
    nb = student.read(LESSON)
    kernel = student.open_kernel(LESSON)
    try:
        kernel.run_cells(nb)
        # the lesson's own import must come from the student's clone (PYTHONPATH in the config)
        where, _ = kernel.execute("import helpers; print(helpers.__file__)")
    finally:
        kernel.close()
    home = site.folder / "home" / student.name
    if not where[0].text.startswith(str(home / "back-to-the-past" / "helpers")):
        raise AssertionError(f"{student.name}: helpers imported from {where[0].text.strip()}")
    student.save(LESSON, nb)
    return nb


@pytest.fixture(scope="session")
def classroom(hub_site) -> Classroom:
    students = [Student(hub_site.hub, f"s{i:02d}") for i in range(1, STUDENTS + 1)]
    failures, saved = {}, {}
    started = time.monotonic()
    with (
        MemorySampler(hub_site.folder / "home") as memory,
        ThreadPoolExecutor(max_workers=CONCURRENCY) as pool,
    ):
        jobs = {pool.submit(_one_student, hub_site, s): s for s in students}
        for job, student in jobs.items():
            try:
                saved[student.name] = job.result(timeout=900)
            except Exception as e:  # noqa: BLE001 - every failure is reported by the test
                failures[student.name] = f"{type(e).__name__}: {e}"
    wall = time.monotonic() - started
    ready = sorted(s.ready_seconds for s in students if s.ready_seconds is not None)
    per_student = sorted(memory.peak_rss.values())
    figures = {
        "students": STUDENTS,
        "concurrency": CONCURRENCY,
        "succeeded": len(saved),
        "wall_seconds": round(wall, 1),
        "ready_seconds_median": round(statistics.median(ready), 2) if ready else None,
        "ready_seconds_p95": round(_p95(ready), 2) if ready else None,
        "ready_seconds_max": round(ready[-1], 2) if ready else None,
        "peak_rss_mib_per_student_median": _mib(statistics.median(per_student))
        if per_student
        else None,
        "peak_rss_mib_per_student_max": _mib(per_student[-1]) if per_student else None,
        "peak_rss_mib_total": _mib(memory.peak_total_rss),
        "peak_pss_mib_total": _mib(memory.peak_total_pss),
        "peak_pss_mib_per_student": _mib(memory.peak_total_pss / max(1, len(per_student))),
        "students_shown_font_cache_notice": sum(1 for s in students if s.notices),
        "cores": os.cpu_count(),
        "measured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "what": (
            "each student: log in, start a server, follow the nbgitpuller link, run lesson 00 "
            "through the REST API and kernel websocket, save; ready = from the spawn request to "
            "the hub's 'ready' event; memory = RSS (and PSS) of each student's server + kernel "
            "processes, sampled every second, peak"
        ),
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    return Classroom(hub_site, students, failures, saved, figures)


def _p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank (of 30 values: the 29th)."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def _mib(n: float) -> int:
    return round(n / MiB)
