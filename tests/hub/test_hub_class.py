"""A class on a real JupyterHub (issue 21): thirty students at once, instructor updates, widgets.

The hub, the students and the measurements are in conftest.py and hubkit.py beside this file.
Run alone (heavy: under the cpu lock): ``pytest tests/hub``; BTP_HUB_STUDENTS=3 for a quick try.
The tests run in file order; the last one stops the hub and checks that nothing is left running.
"""

from __future__ import annotations

import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from hubkit import CONCURRENCY, LESSON, REPO_NAME, ROOT, STUDENTS, push_correction
from hubkit import processes_under as running_in

pytestmark = pytest.mark.slow

OTHER_LESSON = f"{REPO_NAME}/notebooks/01_reading_a_commentary.ipynb"
CORRECTION = "\n\n*Correction from your instructor: the tiers are listed highest first.*"
SUMMARY_ADDED = "\n- *Added by your instructor after class: see the corrections file.*"
LESSON_01_ADDED = "\n\n*Instructor's note: read the commentary's paragraph numbers first.*"
COLLIDING_LINE = "years = ...  # your instructor: a number of years, decimals allowed"


def test_every_student_logs_in_pulls_and_runs_lesson_00(classroom):
    failed = "\n".join(f"{k}: {v}" for k, v in classroom.failures.items())
    hub = classroom.site.hub
    assert not failed, (
        f"{failed}\n--- jupyterhub.log, lines about them ---\n"
        f"{hub.log_about(sorted(classroom.failures))}\n--- jupyterhub.log, last lines ---\n"
        f"{hub.log_tail()}"
    )
    assert len(classroom.saved) == STUDENTS
    figures = classroom.figures
    assert figures["succeeded"] == STUDENTS and figures["concurrency"] == CONCURRENCY
    # every student's own copy ran: numbered code cells, outputs, the chart, no errors
    for name, nb in classroom.saved.items():
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), name
        assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs), name
        assert not [o for c in code for o in c.outputs if o.output_type == "error"], name
    assert figures["ready_seconds_median"] > 0 and figures["peak_rss_mib_per_student_max"] > 50


def _index(nb, text: str) -> int:
    """The index of the one cell whose source contains ``text``."""
    found = [i for i, c in enumerate(nb.cells) if text in c.source]
    assert len(found) == 1, (text, found)
    return found[0]


def _student_edits(classroom, student) -> nbformat.NotebookNode:
    """The student answers both exercises (their name in each answer), runs and saves."""
    nb = student.read(LESSON)
    first, second = _index(nb, "longest_phase = ..."), _index(nb, "years = ...")
    nb.cells[first].source = f'longest_phase = "split"  # answered by {student.name}'
    nb.cells[second].source = nb.cells[second].source.replace(
        "years = ...", f"years = (later - earlier).days / 365.25  # {student.name}"
    )
    kernel = student.open_kernel(LESSON)
    try:  # the lesson's kernel (its session is still open): run all again, answers included
        kernel.run_cells(nb)
    finally:
        kernel.close()
    student.save(LESSON, nb)
    return student.read(LESSON)  # exactly what the server wrote


def _instructor_corrects(instructor: Path) -> tuple[set[int], int, nbformat.NotebookNode]:
    """Correct lesson 00 (two cells apart from the answers, one on an answer's line) and 01."""
    path = instructor / "notebooks" / "00_start_here.ipynb"
    nb = nbformat.read(path, as_version=4)
    tiers, summary = _index(nb, "has a **tier**"), _index(nb, "## Summary")
    collision = _index(nb, "years = ...")
    nb.cells[tiers].source += CORRECTION
    nb.cells[summary].source += SUMMARY_ADDED
    nb.cells[collision].source = nb.cells[collision].source.replace("years = ...", COLLIDING_LINE)
    nbformat.write(nb, path)
    other = instructor / "notebooks" / "01_reading_a_commentary.ipynb"
    nb01 = nbformat.read(other, as_version=4)
    nb01.cells[2].source += LESSON_01_ADDED
    nbformat.write(nb01, other)
    (instructor / "notebooks" / "CORRECTIONS.md").write_text("# Corrections\n\n- Lesson 00.\n")
    push_correction(instructor, "Corrections to lessons 00 and 01")
    return {tiers, summary}, collision, nb


def test_instructor_update_keeps_every_students_work(classroom):
    site = classroom.site
    students = [s for s in classroom.students if s.name in classroom.saved]
    assert len(students) == STUDENTS
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        before = dict(
            zip(
                [s.name for s in students],
                pool.map(lambda s: _student_edits(classroom, s), students),
                strict=True,
            )
        )
    corrected, collision, instructor_nb = _instructor_corrects(site.instructor)
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        list(pool.map(lambda s: s.follow_link(site.link()), students))

    for student in students:
        name, mine = student.name, before[student.name]
        raw = site.folder / "home" / name / LESSON
        after = nbformat.reads(raw.read_text(encoding="utf-8"), as_version=4)  # valid JSON
        nbformat.validate(after)
        assert after == student.read(LESSON)
        assert len(after.cells) == len(mine.cells) == len(instructor_nb.cells), name
        answers = {_index(mine, 'longest_phase = "split"'), collision}
        for i, (got, kept, theirs) in enumerate(
            zip(after.cells, mine.cells, instructor_nb.cells, strict=True)
        ):
            if i in corrected:  # a correction that touches no answer arrives...
                assert got.source == theirs.source, (name, i)
                assert got.source != kept.source, (name, i)
                assert {k: v for k, v in got.items() if k != "source"} == {
                    k: v for k, v in kept.items() if k != "source"
                }, (name, i)
            else:  # ...and every other cell is the student's, outputs and all
                assert got == kept, (name, i)
            if i in answers:
                assert name in got.source, (name, i)
        # the correction on the student's own line collides: the student's version is kept
        assert COLLIDING_LINE not in after.cells[collision].source, name
        assert after.cells[collision].source == mine.cells[collision].source, name
        # a lesson the student never changed, and a new file, arrive as the instructor wrote them
        assert student.read(OTHER_LESSON) == nbformat.read(
            site.instructor / "notebooks" / "01_reading_a_commentary.ipynb", as_version=4
        )
        assert (site.folder / "home" / name / REPO_NAME / "notebooks" / "CORRECTIONS.md").exists()


# --- widgets in a hub-served JupyterLab, in a real browser ------------------------------
from support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402 (one definition)

LAB_SETTINGS = {
    "apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    "notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@pytest.mark.browser
def test_widgets_render_in_jupyterlab_served_by_the_hub(hub_site):
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from labkit import error_outputs, expect, run_all_and_wait
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test` (it installs Debian's chromium)")
    name = "web"
    settings = hub_site.folder / "home" / name / ".jupyter" / "lab" / "user-settings"
    for rel, value in LAB_SETTINGS.items():  # the throw-away settings the browser tests use
        target = settings / "@jupyterlab" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(value))
    lesson = "02_strategic_triangle.ipynb"

    def drive() -> None:
        page = None
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                page.set_default_timeout(120_000)
                page.goto(f"{hub_site.hub.url}/hub/login")
                page.fill("#username_input", name)
                page.fill("#password_input", "any")
                page.click("#login_submit")
                page.wait_for_url(f"**/user/{name}/lab**", timeout=300_000)  # spawned, lab open
                page.goto(hub_site.link(f"{REPO_NAME}/notebooks/{lesson}"))
                page.wait_for_url(f"**/user/{name}/lab/tree/{REPO_NAME}/notebooks/{lesson}**")
                page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
                run_all_and_wait(page, lesson)
                nb = page.locator(".jp-NotebookPanel:visible")
                summary = nb.locator(".btp-triangle-explorer .btp-summary")
                expect(summary).to_contain_text("Configuration: stable marriage")
                nb.locator(".btp-relation-USA-CHN button", has_text="amity").click()
                expect(summary).to_contain_text("Configuration: romantic triangle")
                expect(summary.locator("tr", has_text="China")).to_contain_text("pivot")
                expect(nb.locator(".btp-triangle-explorer .btp-chart")).to_be_visible()
                assert error_outputs(page) == []
            except Exception:
                if page is None:
                    raise
                shots = ROOT / "tests" / "browser" / "screenshots"
                shots.mkdir(exist_ok=True)
                page.screenshot(path=str(shots / "hub_widgets.png"), full_page=True)
                raise
            finally:
                browser.close()

    # in a thread of its own: Playwright's sync API cannot start inside another one's loop,
    # and the lab-only browser tests (tests/browser) keep theirs open for the whole session
    _in_thread(drive)


def _in_thread(work) -> None:
    failure = []

    def run() -> None:
        try:
            work()
        except BaseException as e:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(e)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=900)
    assert not thread.is_alive(), "the browser check did not finish in 900 s"
    if failure:
        raise failure[0]


def test_stopping_the_hub_leaves_nothing_running(hub_site):
    assert running_in(hub_site.folder / "home"), "no student server was running to stop"
    leftovers = hub_site.stop()
    assert hub_site.hub.proc.returncode is not None
    assert leftovers == [], f"the hub left {len(leftovers)} processes running"
    assert running_in(hub_site.folder) == {}
