"""The README tells the truth: two commands, the generated lesson table, Binder, links."""

from __future__ import annotations

import re
import subprocess
import sys

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_lesson_table_is_generated_and_current():
    out = subprocess.run(
        [sys.executable, "scripts/lesson_table.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"(notebooks/{path.name})" in README


def test_the_two_commands_and_their_targets():
    assert "make lab" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab", "test", "outputs", "bench"):
        assert re.search(rf"^{target}:", makefile, re.M), f"Makefile has no {target} target"
    assert "notebooks/00_start_here.ipynb" in makefile.split("\nlab:")[1].split("\n\n")[0]


def test_binder_badge_opens_lesson_00():
    assert re.search(
        r"mybinder\.org/badge_logo\.svg\)\]\(https://mybinder\.org/v2/gh/[^)]*"
        r"00_start_here\.ipynb\)",
        README,
    )


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci and "apt-get install -y" in ci and "chromium" in ci


def test_relative_links_resolve():
    for target in re.findall(r"\]\(([^)\s]+)\)", README):
        if not re.match(r"^[a-z]+:", target):
            assert (ROOT / target.split("#")[0]).exists(), f"broken link in README: {target}"


def test_binder_files_are_consistent():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    reqs = (ROOT / "requirements.txt").read_text().split("\n")
    pins = [r for r in reqs if r and not r.startswith("#")]
    assert pins[-1] == "-e ."
    assert all("==" in r for r in pins[:-1]), "runtime requirements must be pinned exactly"
    names = {r.split("==")[0] for r in pins[:-1]}
    assert {"jupyterlab", "notebook", "ipywidgets", "pandas", "matplotlib", "otter-grader"} <= names
    assert not (ROOT / "binder").exists() and not (ROOT / "environment.yml").exists()
